//! The `resdraft` binary: the command line edge. Parses arguments with clap and hands each
//! command to its module under `cli/`; with no command it opens the editor.

mod cli;

use std::process::ExitCode;

/// mimalloc: the comparison and import allocate many small strings, and glibc's allocator
/// was a third of a `diff`'s time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::main()
}
