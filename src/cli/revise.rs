//! `resdraft revise DRAFT --label LABEL [--note TEXT]`: freezes the current text of a draft
//! as a named revision (label, today's date, note) inside the draft file.

use anyhow::{Result, bail};
use resdraft::draftfile;
use resdraft::model::Revision;
use resdraft::sanitize::sanitize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The draft file.
    pub draft: PathBuf,
    /// The revision's label, e.g. "L.6/Rev.1".
    #[arg(long, short)]
    pub label: String,
    /// A note on the revision ("as circulated on 3 May").
    #[arg(long, short, default_value = "")]
    pub note: String,
}

/// Today's date (local time when known, else UTC) as YYYY-MM-DD.
pub fn today() -> String {
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    let d = now.date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

pub use resdraft::amend::note::label_problem;

pub fn run(args: Args) -> Result<ExitCode> {
    let path = &args.draft;
    if let Some(problem) = label_problem(&args.label) {
        bail!(
            "{}: cannot freeze “{}”: {problem}",
            path.display(),
            sanitize(&args.label)
        );
    }
    let mut draft = draftfile::load(path)?;
    if draft.revision(&args.label).is_some() {
        bail!(
            "{}: a revision labelled “{}” already exists (choose another label)",
            path.display(),
            sanitize(&args.label)
        );
    }
    let doc = draft.document.clone();
    let same_as_latest = draft.revisions.last().is_some_and(|r| r.document == doc);
    draft.revisions.push(Revision {
        label: args.label.clone(),
        date: today(),
        note: args.note.clone(),
        document: doc,
    });
    draftfile::save(path, &draft)?;
    let d = &draft.document;
    println!(
        "{}: froze revision “{}” ({}): {} preambular and {} operative paragraphs",
        sanitize(&path.display().to_string()),
        sanitize(&args.label),
        today(),
        d.preamble.len(),
        d.operative.len()
    );
    if same_as_latest {
        eprintln!("resdraft: note: the text is the same as the previous revision");
    }
    Ok(ExitCode::SUCCESS)
}
