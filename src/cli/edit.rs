//! (being written)
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args, _theme: Option<String>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is being written")
}

pub fn run_default(_theme: Option<String>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is being written")
}
