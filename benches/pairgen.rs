//! Writes a generated pair of versions for `benches/diff-vs-git.sh`: `a.txt`/`b.txt` (the
//! two versions exported as text, for `resdraft diff a.txt b.txt` and git) and
//! `a.toml`/`b.toml` (the same versions as two drafts sharing their paragraph ids).
//!
//! usage: cargo run --release --example pairgen -- DIR [PARAGRAPHS] [scaling]
//! With `scaling`, a tenth of the paragraphs are edited or replaced and 1 % moved; otherwise
//! 100 paragraphs get word edits, 10 are replaced and 10 moved (per 1,000 paragraphs).

mod synth;

use resdraft::draftfile;
use resdraft::model::Draft;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(
        args.first()
            .ok_or("usage: pairgen DIR [PARAGRAPHS] [scaling]")?,
    );
    let n: usize = args.get(1).map_or(Ok(1000), |s| s.parse())?;
    let changes = if args.get(2).is_some_and(|s| s == "scaling") {
        synth::Changes::tenth(n)
    } else {
        synth::Changes {
            edits: n / 10,
            replaced: n / 100,
            moves: n / 100,
        }
    };
    let old = synth::generated(n, 50, 50);
    let new = synth::revised(&old, changes);
    std::fs::create_dir_all(&dir)?;
    for (name, d) in [("a", &old), ("b", &new)] {
        std::fs::write(
            dir.join(format!("{name}.txt")),
            resdraft::export::text(d, 80),
        )?;
        draftfile::save(&dir.join(format!("{name}.toml")), &Draft::new(d.clone()))?;
    }
    Ok(())
}
