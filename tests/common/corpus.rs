//! The un80 corpus beside the repository (`../shared/corpus/un80/manifest.json`): its
//! documents and its pairs (draft → adopted, last year's → this year's), as paths.

use serde_json::Value;
use std::path::PathBuf;

/// The manifest and the folder it lists files of; reports the skip of `test` when missing.
fn manifest(test: &str) -> Option<(PathBuf, Value)> {
    let dir = super::shared("corpus/un80", test)?;
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("manifest.json reads");
    Some((
        dir,
        serde_json::from_str(&text).expect("manifest.json parses"),
    ))
}

/// Every document's text file, in the manifest's order.
pub fn documents(test: &str) -> Vec<PathBuf> {
    let Some((dir, m)) = manifest(test) else {
        return Vec::new();
    };
    m["documents"]
        .as_array()
        .expect("the manifest lists documents")
        .iter()
        .filter_map(|d| d["file"].as_str().map(|f| dir.join(f)))
        .collect()
}

/// Every `step`th pair of the manifest: a name ("OLD -> NEW") and the two text files.
pub fn pairs(step: usize, test: &str) -> Vec<(String, PathBuf, PathBuf)> {
    let Some((dir, m)) = manifest(test) else {
        return Vec::new();
    };
    let docs = m["documents"]
        .as_array()
        .expect("the manifest lists documents");
    let file = |sym: &str| {
        docs.iter()
            .find(|d| d["symbol"] == sym)
            .and_then(|d| d["file"].as_str())
            .map(|f| dir.join(f))
    };
    let mut out = Vec::new();
    for pair in m["pairs"]
        .as_array()
        .expect("the manifest lists pairs")
        .iter()
        .step_by(step)
    {
        let (o, n) = (
            pair["old"].as_str().unwrap_or(""),
            pair["new"].as_str().unwrap_or(""),
        );
        if let (Some(of), Some(nf)) = (file(o), file(n)) {
            out.push((format!("{o} -> {n}"), of, nf));
        }
    }
    out
}
