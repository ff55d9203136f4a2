//! `resdraft revisions DRAFT`: lists the named revisions of a draft, oldest first, with
//! their date, note and paragraph counts, then the current text.

use anyhow::Result;
use resdraft::draftfile;
use resdraft::model::Document;
use resdraft::sanitize::sanitize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The draft file.
    pub draft: PathBuf,
}

/// "3 PP, 12 OP (20 in all)" or, for a report, "40 paragraphs".
fn counts(d: &Document) -> String {
    if d.is_report() {
        format!("{} paragraphs", d.paragraph_count())
    } else {
        format!(
            "{} PP, {} OP ({} in all)",
            d.preamble.len(),
            d.operative.len(),
            d.paragraph_count()
        )
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let draft = draftfile::load(&args.draft)?;
    if draft.revisions.is_empty() {
        println!(
            "{}: no revisions yet (freeze one with `resdraft revise {} --label LABEL`)",
            args.draft.display(),
            args.draft.display()
        );
    }
    let rows: Vec<[String; 4]> = draft
        .revisions
        .iter()
        .map(|r| {
            [
                sanitize(&r.label).into_owned(),
                sanitize(&r.date).into_owned(),
                counts(&r.document),
                sanitize(&r.note).into_owned(),
            ]
        })
        .chain(std::iter::once([
            "(current)".to_string(),
            String::new(),
            counts(&draft.document),
            String::new(),
        ]))
        .collect();
    let w = |k: usize| rows.iter().map(|r| r[k].chars().count()).max().unwrap_or(0);
    let (w0, w1, w2) = (w(0).max(5), w(1).max(4), w(2).max(10));
    println!(
        "{:<w0$}  {:<w1$}  {:<w2$}  NOTE",
        "LABEL", "DATE", "PARAGRAPHS"
    );
    for r in &rows {
        let line = format!("{:<w0$}  {:<w1$}  {:<w2$}  {}", r[0], r[1], r[2], r[3]);
        println!("{}", line.trim_end());
    }
    Ok(ExitCode::SUCCESS)
}
