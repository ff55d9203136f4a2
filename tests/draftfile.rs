//! The draft file: every kind of bad input ends in an error naming the file, the line where
//! known and the problem (never a panic); load → save → load gives the same model; saving is
//! atomic and keeps permissions.

use proptest::prelude::*;
use resdraft::draftfile::{self, FileError};
use resdraft::model::{DocKind, Document, Draft, Footnote, Id, Paragraph, Revision, Section};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(name)
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("drafts")
        .join(name)
}

/// Loads a bad fixture and returns the error message, checking it names the file.
fn error_of(name: &str) -> (FileError, String) {
    let path = fixture(name);
    let err = match draftfile::load(&path) {
        Ok(_) => panic!("{name} loaded, but it is a bad draft"),
        Err(e) => e,
    };
    let msg = err.to_string();
    assert!(
        msg.starts_with(&path.display().to_string()),
        "the message names the file: {msg}"
    );
    assert_eq!(err.path(), path);
    (err, msg)
}

fn assert_line(err: &FileError, msg: &str, path: &Path, line: usize) {
    assert_eq!(err.line(), Some(line), "{msg}");
    assert!(
        msg.starts_with(&format!("{}:{line}: ", path.display())),
        "{msg}"
    );
}

#[test]
fn bad_toml_syntax_names_the_line() {
    let (err, msg) = error_of("bad-syntax.toml");
    assert!(matches!(err, FileError::Toml { .. }), "{err:?}");
    assert_line(&err, &msg, &fixture("bad-syntax.toml"), 17);
    assert!(msg.contains("to act;"), "quotes the line: {msg}");
}

#[test]
fn wrong_type_names_the_line_and_the_type() {
    let (err, msg) = error_of("wrong-type.toml");
    assert_line(&err, &msg, &fixture("wrong-type.toml"), 21);
    assert!(
        msg.contains("invalid type") && msg.contains("string"),
        "{msg}"
    );
}

#[test]
fn unknown_key_is_refused() {
    let (err, msg) = error_of("unknown-key.toml");
    assert_line(&err, &msg, &fixture("unknown-key.toml"), 21);
    assert!(
        msg.contains("unknown field") && msg.contains("leed"),
        "{msg}"
    );
}

#[test]
fn missing_format_version() {
    let (err, msg) = error_of("no-format.toml");
    assert!(matches!(err, FileError::Version { .. }), "{err:?}");
    assert!(msg.contains("no `format` key"), "{msg}");
}

#[test]
fn newer_format_version() {
    let (err, msg) = error_of("newer-format.toml");
    assert_line(&err, &msg, &fixture("newer-format.toml"), 1);
    assert!(
        msg.contains(&format!(
            "format 7 is newer than this resdraft understands ({})",
            draftfile::FORMAT_VERSION
        )),
        "{msg}"
    );
}

#[test]
fn unknown_older_or_malformed_version() {
    let p = Path::new("old.toml");
    let msg = draftfile::parse("format = 0\n", p).unwrap_err().to_string();
    assert!(msg.contains("unknown format version 0"), "{msg}");
    let msg = draftfile::parse("format = \"one\"\n", p)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("must be a whole number"), "{msg}");
}

#[test]
fn duplicate_ids_name_both_places() {
    let (err, msg) = error_of("duplicate-id.toml");
    assert!(matches!(err, FileError::DuplicateId { .. }), "{err:?}");
    assert_line(&err, &msg, &fixture("duplicate-id.toml"), 20);
    assert!(msg.contains("duplicate id “p1”"), "{msg}");
    assert!(msg.contains("preambular paragraph 1 (line 10)"), "{msg}");
    assert!(msg.contains("operative paragraph 2"), "{msg}");
}

#[test]
fn footnote_anchored_to_a_missing_paragraph() {
    let (err, msg) = error_of("missing-anchor.toml");
    assert!(matches!(err, FileError::MissingAnchor { .. }), "{err:?}");
    assert_line(&err, &msg, &fixture("missing-anchor.toml"), 26);
    assert!(
        msg.contains("“p42”") && msg.contains("no paragraph"),
        "{msg}"
    );
}

#[test]
fn footnote_marker_naming_a_missing_footnote() {
    let (err, msg) = error_of("unknown-marker.toml");
    assert!(matches!(err, FileError::UnknownMarker { .. }), "{err:?}");
    assert_line(&err, &msg, &fixture("unknown-marker.toml"), 22);
    assert!(
        msg.contains("[^f9]") && msg.contains("operative paragraph 2"),
        "{msg}"
    );
}

#[test]
fn not_utf8_names_the_byte_and_line() {
    let (err, msg) = error_of("not-utf8.toml");
    assert_line(&err, &msg, &fixture("not-utf8.toml"), 22);
    assert!(msg.contains("not UTF-8") && msg.contains("0xE9"), "{msg}");
    assert!(msg.contains("at byte 317"), "{msg}");
}

#[test]
fn binary_file() {
    let (err, msg) = error_of("binary.toml");
    assert_line(&err, &msg, &fixture("binary.toml"), 2);
    assert!(msg.contains("binary data") && msg.contains("NUL"), "{msg}");
}

#[test]
fn empty_files() {
    for name in ["empty.toml", "whitespace-only.toml"] {
        let (err, msg) = error_of(name);
        assert!(matches!(err, FileError::Empty { .. }), "{err:?}");
        assert!(msg.contains("empty"), "{msg}");
    }
}

#[test]
fn huge_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let f = std::fs::File::create(&path).unwrap();
    // Sparse: takes no disk space and no time.
    f.set_len(200 * 1024 * 1024).unwrap();
    let err = draftfile::load(&path).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, FileError::TooLarge { .. }), "{err:?}");
    assert!(msg.starts_with(&path.display().to_string()), "{msg}");
    assert!(
        msg.contains("209715200 bytes") && msg.contains("limit"),
        "{msg}"
    );
}

#[test]
fn directory_and_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let msg = draftfile::load(dir.path()).unwrap_err().to_string();
    assert!(msg.contains("is a directory"), "{msg}");
    let missing = dir.path().join("nope.toml");
    let msg = draftfile::load(&missing).unwrap_err().to_string();
    assert!(
        msg.starts_with(&missing.display().to_string()) && msg.contains("cannot read"),
        "{msg}"
    );
}

#[test]
fn a_revision_is_checked_too() {
    let text = std::fs::read_to_string(sample("sample-resolution.toml")).unwrap();
    let broken = text.replacen(
        "[[revisions.document.footnotes]]\nid = \"f1\"\nanchor = \"p3\"",
        "[[revisions.document.footnotes]]\nid = \"f1\"\nanchor = \"p77\"",
        1,
    );
    assert_ne!(broken, text, "the fixture edit applied");
    let msg = draftfile::parse(&broken, Path::new("r.toml"))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("revision “A/C.2/81/L.23”"), "{msg}");
    assert!(msg.contains("“p77”"), "{msg}");
}

#[test]
fn samples_load_and_are_in_saved_form() {
    for name in ["sample-resolution.toml", "sample-report.toml"] {
        let path = sample(name);
        let draft = draftfile::load(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            draftfile::to_toml(&draft).unwrap(),
            text,
            "{name} is exactly what save writes (so a save makes no spurious diff)"
        );
    }
}

#[test]
fn sample_resolution_has_what_the_guide_asks() {
    let draft = draftfile::load(&sample("sample-resolution.toml")).unwrap();
    let doc = &draft.document;
    assert!(doc.preamble.len() >= 8 && doc.operative.len() >= 15);
    assert!(doc.footnotes.len() >= 3);
    assert_eq!(doc.header.stage, "revised draft resolution");
    let old = &draft.revision("A/C.2/81/L.23").unwrap().document;
    assert_eq!(old.header.stage, "draft resolution");
    assert_eq!(old.header.sponsors.len() + 2, doc.header.sponsors.len());
    let ids = |d: &Document| -> Vec<Id> { d.operative.iter().map(|p| p.id.clone()).collect() };
    let (new_ids, old_ids) = (ids(doc), ids(old));
    assert!(
        new_ids.iter().any(|id| !old_ids.contains(id)),
        "one inserted"
    );
    assert!(
        old_ids.iter().any(|id| !new_ids.contains(id)),
        "one deleted"
    );
}

#[test]
fn load_save_load_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["sample-resolution.toml", "sample-report.toml"] {
        let first = draftfile::load(&sample(name)).unwrap();
        let path = dir.path().join(name);
        draftfile::save(&path, &first).unwrap();
        let second = draftfile::load(&path).unwrap();
        assert_eq!(first, second, "{name}");
    }
}

#[test]
fn save_is_atomic_and_keeps_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.toml");
    let draft = draftfile::load(&sample("sample-report.toml")).unwrap();
    draftfile::save(&path, &draft).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "a new draft is readable like any file");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        draftfile::save(&path, &draft).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "a save keeps the draft's permissions");
    }
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["d.toml"]);
    // A save into a folder that does not exist fails with the path named, and nothing is
    // created.
    let bad = dir.path().join("missing/d.toml");
    let msg = draftfile::save(&bad, &draft).unwrap_err().to_string();
    assert!(msg.starts_with(&bad.display().to_string()), "{msg}");
}

#[test]
fn a_failed_save_leaves_the_old_draft_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.toml");
    let draft = draftfile::load(&sample("sample-report.toml")).unwrap();
    draftfile::save(&path, &draft).unwrap();
    let before = std::fs::read(&path).unwrap();
    // The target is now a directory: the rename cannot happen, the file stays as it was.
    let target_dir = dir.path().join("dir.toml");
    std::fs::create_dir(&target_dir).unwrap();
    assert!(draftfile::save(&target_dir, &draft).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

fn para_strategy() -> impl Strategy<Value = (String, String)> {
    // Any text, including quotes, backslashes, newlines, markup characters and non-ASCII.
    ("\\PC{0,12}", "[a-zA-Z \"'\\\\*\n\t€“”—]{0,40}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_text_round_trips(
        paras in proptest::collection::vec(para_strategy(), 1..6),
        sponsors in proptest::collection::vec("\\PC{0,10}", 0..4),
        title in "\\PC{0,30}",
        level in 1u8..4,
    ) {
        let mut doc = Document::new(DocKind::Report);
        doc.header.title = title;
        doc.header.sponsors = sponsors;
        let mut section = Section { id: Id::new("s1"), level, numbered: level != 3, ..Default::default() };
        for (i, (lead, text)) in paras.iter().enumerate() {
            let mut p = Paragraph::new(Id(format!("p{}", i + 1)), lead.clone(), text.clone());
            p.subparagraphs.push(Paragraph::new(Id(format!("q{}", i + 1)), "", text.clone()));
            section.paragraphs.push(p);
        }
        doc.sections.push(section);
        doc.operative.push(Paragraph::new(Id::new("o1"), "Decides", "x[^f1]"));
        doc.footnotes.push(Footnote { id: Id::new("f1"), anchor: Id::new("o1"), text: "note".into() });
        let mut draft = Draft::new(doc.clone());
        draft.revisions.push(Revision { label: "L.1".into(), date: String::new(), note: "n".into(), document: doc });
        let text = draftfile::to_toml(&draft).unwrap();
        let back = draftfile::parse(&text, Path::new("p.toml")).unwrap();
        prop_assert_eq!(back, draft);
    }

    #[test]
    fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = draftfile::parse_bytes(&bytes, Path::new("g.toml"));
    }
}

#[test]
fn every_string_is_a_one_line_basic_string() {
    let mut doc = Document::new(DocKind::Resolution);
    doc.operative.push(Paragraph::new(
        Id::new("p1"),
        "Decides",
        "the \"quoted\" word,\na back\\slash and it's 'single'\u{1b}",
    ));
    let text = draftfile::to_toml(&Draft::new(doc.clone())).unwrap();
    assert!(
        text.contains(
            "text = \"the \\\"quoted\\\" word,\\na back\\\\slash and it's 'single'\\u001B\"\n"
        ),
        "{text}"
    );
    assert!(!text.contains("'''") && !text.contains("\"\"\""));
    let back = draftfile::parse(&text, Path::new("q.toml")).unwrap();
    assert_eq!(back.document, doc);
}

/// The text of a draft file whose one operative paragraph holds a chain of `levels` nested
/// sub-paragraphs ("p1" … "pN").
fn nested_file(levels: usize) -> String {
    let mut s = String::from(
        "format = 1\nkind = \"resolution\"\n\n[[operative]]\nid = \"p0\"\ntext = \"top:\"\n",
    );
    let mut table = String::from("operative");
    for k in 1..=levels {
        table.push_str(".subparagraphs");
        s.push_str(&format!(
            "\n[[{table}]]\nid = \"p{k}\"\ntext = \"level {k};\"\n"
        ));
    }
    s
}

fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).expect("the needle is in the text");
    text[..at].matches('\n').count() + 1
}

fn load_text(dir: &Path, text: &str) -> Result<Draft, FileError> {
    let path = dir.join("draft.toml");
    std::fs::write(&path, text).unwrap();
    draftfile::load(&path)
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let four = load_text(dir.path(), &nested_file(4)).unwrap();
    assert_eq!(four.document.paragraph_count(), 5);
    for levels in [5, 79, 200] {
        let text = nested_file(levels);
        let err = load_text(dir.path(), &text).unwrap_err();
        let msg = err.to_string();
        let expected = line_of(&text, "id = \"p5\"");
        assert!(
            err.line()
                .is_some_and(|l| l <= expected + 1 && l >= expected - 1),
            "{levels} levels: line {:?}, expected about {expected}: {msg}",
            err.line()
        );
        assert!(msg.contains("at most 4 levels"), "{levels} levels: {msg}");
        assert!(msg.contains(&format!(":{}:", err.line().unwrap())), "{msg}");
    }
}

#[test]
fn a_draft_that_would_not_load_is_never_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.toml");
    let mut doc = Document::new(DocKind::Resolution);
    doc.operative
        .push(Paragraph::new(Id::new("p1"), "Decides", "see note [^f9];"));
    let good = Draft::new(Document::new(DocKind::Resolution));
    draftfile::save(&path, &good).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = draftfile::save(&path, &Draft::new(doc)).unwrap_err();
    assert!(err.to_string().contains("names no footnote"), "{err}");
    assert!(err.to_string().contains("not saved"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the old file stays");
    // Too deep a nesting is not written either.
    let mut p = Paragraph::new(Id::new("d6"), "", "deepest;");
    for k in (0..6).rev() {
        let mut parent = Paragraph::new(Id::new(format!("d{k}")), "", "level:");
        parent.subparagraphs.push(p);
        p = parent;
    }
    let mut doc = Document::new(DocKind::Resolution);
    doc.operative.push(p);
    let err = draftfile::save(&path, &Draft::new(doc)).unwrap_err();
    assert!(err.to_string().contains("at most 4 levels"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn first_number_out_of_range_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    for value in ["4294967295", "0", "1000001"] {
        let text = format!(
            "format = 1\nkind = \"report\"\nfirst_number = {value}\n\n[[sections]]\nid = \"s1\"\nheading = \"A\"\n\n[[sections.paragraphs]]\nid = \"r1\"\ntext = \"x.\"\n"
        );
        let err = load_text(dir.path(), &text).unwrap_err();
        assert_eq!(err.line(), Some(3), "{err}");
        assert!(err.to_string().contains("out of range"), "{err}");
    }
    // The largest allowed number loads and numbers from there.
    let text = format!(
        "format = 1\nkind = \"report\"\nfirst_number = {}\n\n[[sections]]\nid = \"s1\"\nheading = \"A\"\n\n[[sections.paragraphs]]\nid = \"r1\"\ntext = \"x.\"\n",
        draftfile::MAX_FIRST_NUMBER
    );
    load_text(dir.path(), &text).unwrap();
    // Too large for the type at all: the parser's error names the line.
    let text = "format = 1\nkind = \"report\"\nfirst_number = 99999999999\n";
    let err = load_text(dir.path(), text).unwrap_err();
    assert_eq!(err.line(), Some(3), "{err}");
}
