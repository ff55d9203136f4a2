//! The real UN texts in ../shared/corpus: every fact of expected.toml must hold after an
//! import (checked on the JSON export, with the semantics of shared/tools/check_import.py),
//! the editorial check must report the lint facts, and import → text export → import must
//! give the same structure. Skips (and says so) when the corpus is not there.

mod common;

use resdraft::check;
use resdraft::export;
use resdraft::import::{KindHint, import_file, import_str};
use serde_json::Value;
use std::path::PathBuf;

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    dir.join("expected.toml").exists().then_some(dir)
}

/// Whitespace collapsed, emphasis markers removed, a trailing comma dropped (as the checker).
fn norm(s: &str) -> String {
    let s: String = s.chars().filter(|c| !matches!(c, '*' | '_')).collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim().trim_end_matches(',').to_string()
}

fn para_text(p: &Value) -> String {
    let mut parts = vec![
        p["lead"].as_str().unwrap_or("").to_string(),
        p["text"].as_str().unwrap_or("").to_string(),
    ];
    for sp in p["subparagraphs"].as_array().into_iter().flatten() {
        parts.push(para_text(sp));
    }
    norm(&parts.join(" "))
}

fn first_word(p: &Value) -> String {
    let t = para_text(p);
    let w = t.split(' ').next().unwrap_or("");
    w.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '’' || c == '\'' || c == '-'))
        .to_string()
}

fn header_strings(v: &Value, out: &mut Vec<String>, lists: &mut Vec<Vec<String>>) {
    match v {
        Value::Object(m) => m.values().for_each(|x| header_strings(x, out, lists)),
        Value::Array(a) => {
            lists.push(a.iter().filter_map(|x| x.as_str().map(norm)).collect());
            a.iter().for_each(|x| header_strings(x, out, lists));
        }
        Value::Null => {}
        Value::String(s) => out.push(norm(s)),
        other => out.push(norm(&other.to_string())),
    }
}

struct Facts {
    name: String,
    held: usize,
    failed: Vec<String>,
}

impl Facts {
    fn fact(&mut self, what: impl Into<String>, ok: bool, detail: impl std::fmt::Display) {
        if ok {
            self.held += 1;
        } else {
            self.failed
                .push(format!("{}: {}: {detail}", self.name, what.into()));
        }
    }
}

fn check_resolution(f: &mut Facts, exp: &toml::Table, doc: &resdraft::model::Document) {
    let json = export::json(doc);
    let mut flat = Vec::new();
    let mut lists = Vec::new();
    header_strings(&json["header"], &mut flat, &mut lists);
    flat.push(norm(json["authoring_body"].as_str().unwrap_or("")));
    for key in [
        "symbol",
        "issuing_body",
        "organ",
        "distribution",
        "date",
        "original",
        "session",
        "place_and_dates",
        "agenda_item",
        "stage",
        "title",
        "authoring_body",
    ] {
        if let Some(want) = exp.get(key).and_then(|v| v.as_str()) {
            let want = norm(want);
            let ok = flat
                .iter()
                .any(|v| *v == want || v.ends_with(&want) && v.len() - want.len() < 16);
            f.fact(
                format!("header {key}"),
                ok,
                format!("want {want:?} in {flat:?}"),
            );
        }
    }
    if let Some(want) = exp.get("agenda_title_starts").and_then(|v| v.as_str()) {
        let want = norm(want);
        f.fact(
            "agenda title",
            flat.iter().any(|v| v.starts_with(&want)),
            &want,
        );
    }
    if let Some(want) = exp.get("sponsors").and_then(|v| v.as_array()) {
        let want: Vec<String> = want.iter().filter_map(|s| s.as_str().map(norm)).collect();
        f.fact(
            "sponsors",
            lists.contains(&want),
            format!("{want:?} in {lists:?}"),
        );
    }
    let empty = Vec::new();
    let pre = json["preamble"].as_array().unwrap_or(&empty);
    let op = json["operative"].as_array().unwrap_or(&empty);
    let want_n = |k: &str| exp.get(k).and_then(|v| v.as_integer()).unwrap_or(-1) as usize;
    f.fact(
        "preambular count",
        pre.len() == want_n("preambular"),
        pre.len(),
    );
    f.fact("operative count", op.len() == want_n("operative"), op.len());
    let strings = |k: &str| -> Option<Vec<String>> {
        exp.get(k)?.as_array().map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
    };
    if let Some(want) = strings("preambular_leads") {
        let got: Vec<String> = pre
            .iter()
            .map(|p| norm(p["lead"].as_str().unwrap_or("")))
            .collect();
        f.fact("preambular leads", got == want, format!("{got:?}"));
    }
    if let Some(want) = strings("preambular_first_words") {
        let got: Vec<String> = pre.iter().map(first_word).collect();
        f.fact("preambular first words", got == want, format!("{got:?}"));
    }
    if let Some(want) = strings("operative_leads") {
        let got: Vec<String> = op
            .iter()
            .map(|p| norm(p["lead"].as_str().unwrap_or("")))
            .collect();
        f.fact("operative leads", got == want, format!("{got:?}"));
        let nums: Vec<Option<i64>> = op.iter().map(|p| p["number"].as_i64()).collect();
        let ok = nums
            .iter()
            .enumerate()
            .all(|(i, n)| *n == Some(i as i64 + 1));
        f.fact(
            "operative numbers 1..n",
            !op.is_empty() && ok,
            format!("{nums:?}"),
        );
    }
    if let Some(want) = strings("operative_first_words") {
        let got: Vec<String> = op.iter().map(first_word).collect();
        f.fact("operative first words", got == want, format!("{got:?}"));
    }
    for (key, n) in exp
        .get("subparagraphs")
        .and_then(|v| v.as_table())
        .into_iter()
        .flatten()
    {
        let i: usize = key[1..].parse().unwrap_or(usize::MAX) - 1;
        let got = op
            .get(i)
            .map(|p| p["subparagraphs"].as_array().map_or(0, Vec::len));
        f.fact(
            format!("subparagraphs of {key}"),
            got == n.as_integer().map(|n| n as usize),
            format!("{got:?}"),
        );
    }
    // "O6d" = 5: sub-paragraph (d) of operative paragraph 6 holds 5 items (i)-(v).
    for (key, n) in exp
        .get("subsubparagraphs")
        .and_then(|v| v.as_table())
        .into_iter()
        .flatten()
    {
        let digits: String = key[1..].chars().take_while(char::is_ascii_digit).collect();
        let label = &key[1 + digits.len()..];
        let i: usize = digits.parse().unwrap_or(usize::MAX).saturating_sub(1);
        let subs = op
            .get(i)
            .and_then(|p| p["subparagraphs"].as_array())
            .cloned()
            .unwrap_or_default();
        let got = subs
            .iter()
            .find(|s| s["label"].as_str().unwrap_or("").trim_matches(['(', ')']) == label)
            .map(|s| s["subparagraphs"].as_array().map_or(0, Vec::len));
        f.fact(
            format!("items of {key}"),
            got == n.as_integer().map(|n| n as usize),
            format!("{got:?}"),
        );
    }
    // Where each paragraph id stands ("P3", "O8"; sub-paragraphs count as their parent).
    let mut place = std::collections::HashMap::new();
    for (i, p) in pre.iter().enumerate() {
        place.insert(
            p["id"].as_str().unwrap_or("").to_string(),
            format!("P{}", i + 1),
        );
    }
    fn mark(p: &Value, at: &str, place: &mut std::collections::HashMap<String, String>) {
        place.insert(p["id"].as_str().unwrap_or("").to_string(), at.to_string());
        for sp in p["subparagraphs"].as_array().into_iter().flatten() {
            mark(sp, at, place);
        }
    }
    for (i, p) in op.iter().enumerate() {
        mark(p, &format!("O{}", i + 1), &mut place);
    }
    let fns = json["footnotes"].as_array().unwrap_or(&empty);
    f.fact(
        "footnote count",
        fns.len() == want_n("footnotes"),
        fns.len(),
    );
    for (num, at) in exp
        .get("footnote_anchors")
        .and_then(|v| v.as_table())
        .into_iter()
        .flatten()
    {
        let fnote = fns
            .iter()
            .find(|x| x["number"].to_string().trim_matches('"') == num.as_str());
        let got = fnote.and_then(|x| place.get(x["anchor"].as_str().unwrap_or("")));
        f.fact(
            format!("footnote {num} anchor"),
            got.map(String::as_str) == at.as_str(),
            format!("{got:?}"),
        );
    }
    for r in exp
        .get("rejoined")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
    {
        let which = r["paragraph"].as_str().unwrap_or("");
        let i: usize = which[1..].parse().unwrap_or(usize::MAX) - 1;
        let list = if which.starts_with('P') { pre } else { op };
        let txt = list.get(i).map(para_text).unwrap_or_default();
        let want = norm(r["contains"].as_str().unwrap_or(""));
        f.fact(format!("rejoined {which}"), txt.contains(&want), &txt);
    }
    for l in exp
        .get("lint")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
    {
        let which = l["paragraph"].as_str().unwrap_or("");
        let problem = l["problem"].as_str().unwrap_or("");
        // The quoted term of the problem ('Encourage', 'Calls Upon') must be named by a
        // finding on that paragraph.
        let term = problem.split('\'').nth(1).unwrap_or(problem);
        let i: usize = which[1..].parse().unwrap_or(usize::MAX) - 1;
        let id = if which.starts_with('P') {
            &doc.preamble
        } else {
            &doc.operative
        }
        .get(i)
        .map(|p| p.id.clone());
        let findings = check::check(doc);
        let ok = findings
            .iter()
            .any(|x| x.id == id && x.message.contains(term));
        f.fact(
            format!("lint {which}"),
            ok,
            format!("{problem} in {findings:?}"),
        );
    }
}

fn check_report(f: &mut Facts, exp: &toml::Table, doc: &resdraft::model::Document) {
    let json = export::json(doc);
    let mut paras: Vec<&Value> = Vec::new();
    fn walk<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
        match v {
            Value::Object(m) => {
                if m.get("number").is_some_and(|n| !n.is_null() && n != "") {
                    out.push(v);
                }
                for (k, x) in m {
                    if k != "subparagraphs" && k != "items" {
                        walk(x, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    walk(&json["sections"], &mut paras);
    let nums: Vec<i64> = paras
        .iter()
        .filter_map(|p| {
            p["number"]
                .as_i64()
                .or_else(|| p["number"].as_str()?.trim_end_matches('.').parse().ok())
        })
        .collect();
    let n = exp
        .get("numbered_paragraphs")
        .and_then(|v| v.as_integer())
        .unwrap_or(-1);
    f.fact(
        "numbered paragraphs 1..n",
        nums == (1..=n).collect::<Vec<_>>(),
        format!("{nums:?}"),
    );
    for (key, cnt) in exp
        .get("subparagraphs")
        .and_then(|v| v.as_table())
        .into_iter()
        .flatten()
    {
        let p = paras
            .iter()
            .find(|p| p["number"].to_string().trim_matches('"') == key.as_str());
        let got = p.map(|p| p["subparagraphs"].as_array().map_or(0, Vec::len));
        f.fact(
            format!("items of {key}"),
            got == cnt.as_integer().map(|c| c as usize),
            format!("{got:?}"),
        );
    }
    if let Some(n) = exp.get("nested_list_in").and_then(|v| v.as_integer()) {
        let p = paras.iter().find(|p| p["number"].as_i64() == Some(n));
        let got = p.map(|p| p["subparagraphs"].as_array().map_or(0, Vec::len));
        f.fact(
            format!("numbered list nested in {n}"),
            got == Some(7),
            format!("{got:?}"),
        );
    }
    let heads = json["sections"].to_string();
    for h in exp
        .get("section_headings_include")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
    {
        let h = h.as_str().unwrap_or("");
        f.fact(format!("heading {h:?}"), heads.contains(h), "");
    }
}

#[test]
fn every_fact_of_expected_toml_holds() {
    let Some(dir) = corpus() else {
        common::skip(
            "every_fact_of_expected_toml_holds",
            "../shared/corpus not found",
        );
        return;
    };
    let expected: toml::Table = std::fs::read_to_string(dir.join("expected.toml"))
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_default();
    assert!(!expected.is_empty(), "expected.toml unreadable");
    let (mut held, mut failed) = (0, Vec::new());
    for (name, exp) in &expected {
        let Some(exp) = exp.as_table() else { continue };
        let path = dir.join(format!("{name}.txt"));
        let imported = match import_file(&path, KindHint::Auto) {
            Ok(i) => i,
            Err(e) => {
                failed.push(format!("{name}: {e}"));
                continue;
            }
        };
        let doc = imported.document;
        let mut f = Facts {
            name: name.clone(),
            held: 0,
            failed: Vec::new(),
        };
        let kind = exp.get("kind").and_then(|k| k.as_str()).unwrap_or("");
        f.fact(
            "kind",
            format!("{:?}", doc.kind).to_lowercase() == kind,
            format!("{:?}", doc.kind),
        );
        if kind == "resolution" {
            check_resolution(&mut f, exp, &doc);
        } else {
            check_report(&mut f, exp, &doc);
        }
        println!("{name}: {}/{} facts hold", f.held, f.held + f.failed.len());
        held += f.held;
        failed.extend(f.failed);
    }
    println!("{held}/{} facts hold", held + failed.len());
    assert!(failed.is_empty(), "failing facts:\n{}", failed.join("\n"));
}

#[test]
fn corpus_round_trips_through_the_text_export() {
    let Some(dir) = corpus() else {
        common::skip(
            "corpus_round_trips_through_the_text_export",
            "../shared/corpus not found",
        );
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        common::assert_round_trip(
            &path.display().to_string(),
            &import_str(&text, KindHint::Auto).document,
        );
    }
}
