//! `resdraft new`: a new draft file with every header field present as a visible prompt
//! ("[Issuing body]") and one preambular and one operative paragraph to start from. An
//! existing file is never overwritten without `--force`.

use anyhow::Result;
use resdraft::draftfile;
use resdraft::model::{DocKind, Document, Draft, Header, Id, Paragraph, Section};
use resdraft::sanitize::sanitize;
use std::path::PathBuf;
use std::process::ExitCode;

/// Create a new draft with the header fields to fill.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  resdraft new -o my-draft.toml\n  \
    resdraft new --report -o working-group-report.toml\n  resdraft new   (prints the draft on stdout)")]
pub struct Args {
    /// Where to write the new draft (`-` or nothing prints it on stdout).
    #[arg(short, long, value_name = "DRAFT")]
    pub output: Option<PathBuf>,
    /// Overwrite the file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Start a report (sections with numbered paragraphs) instead of a resolution.
    #[arg(long)]
    pub report: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let draft = Draft::new(if args.report {
        new_report()
    } else {
        new_resolution()
    });
    match args.output.as_deref() {
        Some(path) if path.as_os_str() != "-" => {
            super::output::check_overwrite(path, args.force, super::output::Guard::AnyFile)?;
            draftfile::save(path, &draft)?;
            let shown = sanitize(&path.display().to_string()).into_owned();
            eprintln!(
                "Created {shown}: fill in the fields in [brackets], then `resdraft edit {shown}`."
            );
        }
        _ => super::export::write_stdout(draftfile::to_toml(&draft)?.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The header with every field a prompt to fill.
fn prompt_header(stage: &str) -> Header {
    Header {
        issuing_body: "[Issuing body, e.g. General Assembly]".into(),
        organ: String::new(),
        symbol: "[Symbol, e.g. A/C.2/81/L.1]".into(),
        distribution: "Limited".into(),
        date: "[Date, e.g. 1 November 2026]".into(),
        original_language: "English".into(),
        session: "[Session, e.g. Eighty-first session]".into(),
        place_and_dates: String::new(),
        agenda_item: "[Agenda item number]".into(),
        agenda_title: "[Agenda item title]".into(),
        sponsors: vec!["[Sponsor]".into()],
        sponsors_note: String::new(),
        stage: stage.into(),
        title: "[Title]".into(),
        adoption: String::new(),
        committee_reference: String::new(),
        resolution_number: String::new(),
    }
}

fn new_resolution() -> Document {
    let mut doc = Document::new(DocKind::Resolution);
    doc.header = prompt_header("draft resolution");
    doc.authoring_body = "The General Assembly".into();
    doc.preamble.push(Paragraph::new(
        Id::new("p1"),
        "Recalling",
        "[preambular paragraph],",
    ));
    doc.operative.push(Paragraph::new(
        Id::new("p2"),
        "Decides",
        "[operative paragraph].",
    ));
    doc
}

fn new_report() -> Document {
    let mut doc = Document::new(DocKind::Report);
    doc.header = prompt_header("report");
    doc.header.sponsors.clear();
    doc.sections.push(Section {
        id: Id::new("s1"),
        level: 1,
        label: "I".into(),
        heading: "[Heading]".into(),
        numbered: true,
        paragraphs: vec![Paragraph::new(Id::new("p1"), "", "[First paragraph.]")],
    });
    doc
}
