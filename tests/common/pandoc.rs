//! pandoc's reading of a Word document, as words: the body's and each footnote's, from
//! pandoc's JSON (so list numbers and footnote numbers, which are not text, never count).

use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Collects the text of pandoc's JSON inlines: the body's into `out`, each footnote's into
/// `notes` (a footnote marker joins the words either side, as it stands inside the text).
fn inlines(v: &Value, out: &mut String, notes: &mut Vec<String>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| inlines(i, out, notes)),
        Value::Object(o) => match o.get("t").and_then(Value::as_str) {
            Some("Str") => out.push_str(o["c"].as_str().unwrap_or_default()),
            Some("Space" | "SoftBreak" | "LineBreak") => out.push(' '),
            Some("Note") => {
                let mut note = String::new();
                inlines(&o["c"], &mut note, notes);
                notes.push(note);
            }
            Some("Para" | "Plain" | "Header") => {
                out.push(' ');
                inlines(&o["c"], out, notes);
                out.push(' ');
            }
            _ => {
                if let Some(c) = o.get("c") {
                    inlines(c, out, notes);
                }
            }
        },
        _ => {}
    }
}

/// pandoc's reading of a .docx (with `extra` arguments such as `--track-changes=reject`):
/// the words of the body and of each footnote.
pub fn words(path: &Path, extra: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let out = Command::new("pandoc")
        .args(["-f", "docx", "-t", "json"])
        .args(extra)
        .arg(path)
        .output()
        .expect("pandoc runs");
    assert!(
        out.status.success(),
        "pandoc failed on {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("pandoc JSON");
    let (mut body, mut notes) = (String::new(), Vec::new());
    inlines(&json["blocks"], &mut body, &mut notes);
    let split = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let body = split(&body);
    let notes = notes.iter().map(|n| split(n)).collect();
    (body, notes)
}
