//! The command line: one subcommand a module. Each module defines its clap `Args` and a `run`
//! that returns the process exit code; errors are printed here, on stderr, with their context.

mod amend;
mod check;
mod completions;
mod diff;
mod edit;
mod export;
mod gitdiff;
mod import;
mod merge;
mod negotiate;
mod new;
mod output;
mod renumber;
mod revise;
mod revisions;
pub mod source;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::process::ExitCode;

/// resdraft: draft and amend United Nations resolutions in the terminal.
///
/// With no command, opens the editor on the most recently edited draft (the sample draft on
/// first run).
/// The narrowest and widest output a `--width` accepts, in columns.
pub const MIN_WIDTH: u64 = 20;
pub const MAX_WIDTH: u64 = 1000;

#[derive(Parser, Debug)]
#[command(name = "resdraft", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Colour theme for the editor (a name from themes/ or the config dir).
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open a draft in the editor (a text file is imported first).
    Edit(edit::Args),
    /// Export a draft as clean text, Markdown or JSON.
    Export(export::Args),
    /// Create a new empty draft with the header fields to fill.
    New(new::Args),
    /// Renumber paragraphs, fix cross-references and end punctuation, and say what changed.
    Renumber(renumber::Args),
    /// Import a UN text (from its PDF or an e-mail) into a structured draft.
    Import(import::Args),
    /// Check a draft or text against UN drafting practice.
    Check(check::Args),
    /// Freeze the current text of a draft as a named revision.
    Revise(revise::Args),
    /// List the named revisions of a draft.
    Revisions(revisions::Args),
    /// Compare two drafts, revisions or texts.
    Diff(diff::Args),
    /// Apply amendments (UN amendment documents or files of instructions) to a draft.
    Amend(amend::Args),
    /// Print shell completions.
    Completions(completions::Args),
    /// Merge two drafts edited from a common one, by stable id (also a git merge driver).
    Merge(merge::Args),
    /// Negotiate a draft: delegations, proposals, statuses, bracketed alternatives.
    Negotiate(negotiate::Args),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => edit::run_default(cli.theme),
        Some(Command::Edit(a)) => edit::run(a, cli.theme),
        Some(Command::Export(a)) => export::run(a),
        Some(Command::New(a)) => new::run(a),
        Some(Command::Renumber(a)) => renumber::run(a),
        Some(Command::Import(a)) => import::run(a),
        Some(Command::Check(a)) => check::run(a),
        Some(Command::Revise(a)) => revise::run(a),
        Some(Command::Revisions(a)) => revisions::run(a),
        Some(Command::Diff(a)) => diff::run(a),
        Some(Command::Amend(a)) => amend::run(a),
        Some(Command::Completions(a)) => completions::run(a),
        Some(Command::Merge(a)) => merge::run(a),
        Some(Command::Negotiate(a)) => negotiate::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let msg = describe(&e);
            // Not eprintln!: stderr may be a terminal that is gone, which is no reason to panic.
            let _ = writeln!(
                std::io::stderr(),
                "resdraft: {}",
                resdraft::sanitize::sanitize_keep_newlines(&msg)
            );
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, each cause once: a cause whose text the message already holds
/// (a `FileError` names its OS error) is not repeated.
fn describe(e: &anyhow::Error) -> String {
    let mut msg = e.to_string();
    for cause in e.chain().skip(1) {
        let c = cause.to_string();
        if !msg.contains(&c) {
            msg.push_str(": ");
            msg.push_str(&c);
        }
    }
    msg
}
