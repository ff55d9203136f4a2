//! The editorial check on real texts: the adopted resolutions (A/RES) of
//! `../shared/corpus/un80`, already edited by UN editors, so that nearly every finding on them
//! is a false one. Imports each resolution of the manifest as `resdraft check FILE` does,
//! prints the findings per rule and the rate per resolution, and pins the rate at 0.25.
//!
//! Without `../shared` the test says so in its output and passes, except under CI (`CI=true`),
//! where a missing corpus is a failure. `benches/check-rate.sh` runs it in release mode and
//! prints the table (`CHECK_RATE_LIST=1` also lists every finding).

use resdraft::check;
use resdraft::import::{KindHint, import_file};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The most findings per adopted resolution the check may report on the set. The target of
/// issue 10 is [`TARGET_RATE`]; until the importer reads every shape of the set (footnote
/// markers, headings, parts, annexes), this ceiling is what the check reaches today, lowered
/// each time import fixes land, so that it never rises again.
const MAX_RATE: f64 = 0.17;

/// The rate issue 10 asks for.
const TARGET_RATE: f64 = 0.25;

fn un80() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/un80");
    dir.join("manifest.json").exists().then_some(dir)
}

/// The files of the adopted resolutions listed in the manifest.
fn adopted(dir: &std::path::Path) -> Vec<PathBuf> {
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("manifest.json reads");
    let manifest: serde_json::Value = serde_json::from_str(&text).expect("manifest.json parses");
    manifest["documents"]
        .as_array()
        .expect("manifest.json lists documents")
        .iter()
        .filter(|d| d["kind"] == "resolution")
        .filter_map(|d| d["file"].as_str().map(|f| dir.join(f)))
        .collect()
}

#[test]
fn check_rate_on_un80_adopted_resolutions_pinned_skips_without_shared() {
    let Some(dir) = un80() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared/corpus/un80 is missing under CI: the check rate cannot be measured"
        );
        println!("SKIPPED: ../shared/corpus/un80 not found; the check rate was not measured");
        return;
    };
    let files = adopted(&dir);
    assert!(
        files.len() >= 300,
        "the manifest lists {} adopted resolutions",
        files.len()
    );
    let list = std::env::var_os("CHECK_RATE_LIST").is_some();
    let mut per_rule: BTreeMap<&str, usize> = check::RULES.iter().map(|(r, _)| (*r, 0)).collect();
    let mut total = 0;
    for path in &files {
        let imported = import_file(path, KindHint::Auto)
            .unwrap_or_else(|e| panic!("{} does not import: {e}", path.display()));
        for f in check::check(&imported.document) {
            *per_rule.entry(f.rule).or_default() += 1;
            total += 1;
            if list {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                println!(
                    "{name}\t{}\t{}\t{}\t{}",
                    f.rule, f.place, f.message, f.suggestion
                );
            }
        }
    }
    let rate = total as f64 / files.len() as f64;
    println!("findings per rule on {} adopted resolutions:", files.len());
    for (rule, n) in &per_rule {
        println!("  {rule:<20} {n:>6}");
    }
    println!("  {:<20} {total:>6}", "total");
    println!(
        "rate: {rate:.3} findings per adopted resolution (ceiling {MAX_RATE}, target {TARGET_RATE})"
    );
    assert!(
        rate <= MAX_RATE,
        "{total} findings on {} adopted resolutions: {rate:.3} each, more than {MAX_RATE}",
        files.len()
    );
}
