//! The `resdraft` binary: the command line edge. Parses arguments with clap and hands each
//! command to its module under `cli/`; with no command it opens the editor.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
