//! The command line at the file system's edge: devices and FIFOs as targets and sources,
//! `--force` before an existing draft is replaced, read-only drafts, hard links and owners,
//! leftovers of interrupted saves, option bounds, raw control characters in what is printed,
//! and error messages that say what is wrong once.

mod common;

use common::{resdraft, stderr, stdout};
use resdraft::draftfile;
use resdraft::model::{DocKind, Document, Draft, Id, Paragraph};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

const SAMPLE: &str = "drafts/sample-resolution.toml";

fn sample_in(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE), &p).unwrap();
    p
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A draft whose punctuation `renumber` fixes (one change).
fn messy(dir: &Path, name: &str) -> PathBuf {
    let mut d = Document::new(DocKind::Resolution);
    d.authoring_body = "The General Assembly".into();
    d.operative.push(Paragraph::new(
        Id::new("p1"),
        "Welcomes",
        "the survey of coastal lights.",
    ));
    d.operative
        .push(Paragraph::new(Id::new("p2"), "Decides", "to meet again."));
    let p = dir.join(name);
    draftfile::save(&p, &Draft::new(d)).unwrap();
    p
}

fn mkfifo(path: &Path) {
    let st = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(st.success());
}

/// A character device (a null device made with mknod when we are root), else a FIFO with a
/// reader: what `-o` must write into and never rename over.
fn device_or_fifo(dir: &Path) -> (PathBuf, Option<std::thread::JoinHandle<Vec<u8>>>) {
    let p = dir.join("sink");
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if root
        && Command::new("mknod")
            .args([s(&p), "c", "1", "3"])
            .status()
            .is_ok_and(|st| st.success())
    {
        return (p, None);
    }
    mkfifo(&p);
    let q = p.clone();
    let reader = std::thread::spawn(move || std::fs::read(q).unwrap());
    std::thread::sleep(Duration::from_millis(100));
    (p, Some(reader))
}

#[test]
fn export_into_a_device_or_fifo_writes_into_it_and_leaves_it_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let draft = sample_in(dir.path(), "d.toml");
    let (sink, reader) = device_or_fifo(dir.path());
    let o = resdraft(&["export", s(&draft), "-o", s(&sink)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ft = std::fs::symlink_metadata(&sink).unwrap().file_type();
    assert!(
        ft.is_char_device() || ft.is_fifo(),
        "the target was replaced by a {ft:?}"
    );
    if let Some(r) = reader {
        let got = String::from_utf8(r.join().unwrap()).unwrap();
        assert!(got.contains("The General Assembly"), "{got}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".resdraft-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn export_to_dev_stdout_and_dev_null_work() {
    let o = resdraft(&["export", SAMPLE, "-o", "/dev/stdout"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("The General Assembly"));
    let o = resdraft(&["export", SAMPLE, "-o", "/dev/null"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn a_fifo_with_no_reader_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let o = resdraft(&["export", SAMPLE, "-o", s(&fifo)]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no program is reading"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_draft_read_from_a_fifo_is_read_as_a_stream() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("in.toml");
    mkfifo(&fifo);
    let text = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)).unwrap();
    let f = fifo.clone();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let mut w = std::fs::OpenOptions::new().write(true).open(f).unwrap();
        w.write_all(&text).unwrap();
    });
    let o = resdraft(&["export", s(&fifo)]);
    writer.join().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("The General Assembly"));
}

/// A draft is told by its content where its name does not say it: a pipe such as
/// `<(cat draft.toml)` (here a FIFO with no extension), a draft saved without `.toml`; a text
/// under such a name is still imported, and a broken draft names its file and line.
#[test]
fn a_draft_under_another_name_is_read_as_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)).unwrap();
    let fifo = dir.path().join("63");
    mkfifo(&fifo);
    let (f, bytes) = (fifo.clone(), text.clone());
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let mut w = std::fs::OpenOptions::new().write(true).open(f).unwrap();
        w.write_all(&bytes).unwrap();
    });
    let piped = resdraft(&["export", s(&fifo), "--format", "json"]);
    writer.join().unwrap();
    assert!(piped.status.success(), "{}", stderr(&piped));
    let direct = resdraft(&["export", SAMPLE, "--format", "json"]);
    assert_eq!(stdout(&piped), stdout(&direct));

    let bare = dir.path().join("draft-without-extension");
    std::fs::write(&bare, &text).unwrap();
    let o = resdraft(&["diff", s(&bare), SAMPLE, "--stat"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = resdraft(&["check", s(&bare)]);
    assert!(o.status.success(), "{}", stderr(&o));

    let plain = dir.path().join("text-without-extension");
    std::fs::write(
        &plain,
        "The Assembly of Lamplighters,\n\n1. Decides to meet at dusk.\n",
    )
    .unwrap();
    let o = resdraft(&["export", s(&plain), "--format", "text"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Decides to meet at dusk."),
        "{}",
        stdout(&o)
    );

    let broken = dir.path().join("broken");
    std::fs::write(&broken, "format = 1\n[header\n").unwrap();
    let o = resdraft(&["export", s(&broken)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("broken:2:"), "{}", stderr(&o));
}

#[test]
fn writing_onto_an_existing_draft_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    let draft = sample_in(dir.path(), "d.toml");
    let other = sample_in(dir.path(), "other.toml");
    let before = std::fs::read(&other).unwrap();
    let text = dir.path().join("t.txt");
    std::fs::write(
        &text,
        "The General Assembly,\n\n1. Decides to meet again.\n",
    )
    .unwrap();
    let messy = messy(dir.path(), "m.toml");
    for args in [
        vec!["import", s(&text), "-o", s(&other)],
        vec!["export", s(&draft), "-o", s(&other)],
        vec!["renumber", s(&messy), "-o", s(&other)],
    ] {
        let o = resdraft(&args);
        assert!(!o.status.success(), "{args:?} replaced an existing draft");
        assert!(stderr(&o).contains("--force"), "{args:?}: {}", stderr(&o));
        assert_eq!(std::fs::read(&other).unwrap(), before, "{args:?}");
        let mut forced = args.clone();
        forced.push("--force");
        let o = resdraft(&forced);
        assert!(o.status.success(), "{forced:?}: {}", stderr(&o));
        std::fs::write(&other, &before).unwrap();
    }
    // An export over an old export (not a draft) is fine without --force.
    let out = dir.path().join("out.txt");
    std::fs::write(&out, "old export\n").unwrap();
    let o = resdraft(&["export", s(&draft), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn import_replaces_an_unedited_import_but_not_an_edited_one() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("t.txt");
    std::fs::write(
        &text,
        "The General Assembly,\n\n1. Decides to meet again.\n",
    )
    .unwrap();
    let out = dir.path().join("d.toml");
    let o = resdraft(&["import", s(&text), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Exactly as the import wrote it: importing again (as a batch over many texts does)
    // replaces it without --force.
    std::fs::write(
        &text,
        "The General Assembly,\n\n1. Decides to meet once more.\n",
    )
    .unwrap();
    let o = resdraft(&["import", s(&text), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&out).unwrap().contains("once more"));
    // Changed by hand: it holds work of its own and needs --force.
    let edited = std::fs::read_to_string(&out)
        .unwrap()
        .replace("once more", "next year");
    std::fs::write(&out, &edited).unwrap();
    let o = resdraft(&["import", s(&text), "-o", s(&out)]);
    assert!(!o.status.success(), "an edited draft was replaced");
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), edited);
    // Saved by another command (here a revision frozen): no longer an unedited import.
    let o = resdraft(&["import", s(&text), "-o", s(&out), "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = resdraft(&["revise", s(&out), "--label", "L.1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = resdraft(&["import", s(&text), "-o", s(&out)]);
    assert!(!o.status.success(), "a draft with a revision was replaced");
}

#[test]
fn a_read_only_draft_is_not_replaced_by_revise() {
    let dir = tempfile::tempdir().unwrap();
    let draft = sample_in(dir.path(), "d.toml");
    std::fs::set_permissions(&draft, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&draft).unwrap();
    let o = resdraft(&["revise", s(&draft), "--label", "L.9"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("read-only"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&draft).unwrap(), before);
    let mode = std::fs::metadata(&draft).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
}

#[test]
fn saves_keep_hard_links_and_the_owner() {
    let dir = tempfile::tempdir().unwrap();
    let draft = sample_in(dir.path(), "d.toml");
    let link = dir.path().join("link.toml");
    std::fs::hard_link(&draft, &link).unwrap();
    let o = resdraft(&["revise", s(&draft), "--label", "L.1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (a, b) = (
        std::fs::metadata(&draft).unwrap(),
        std::fs::metadata(&link).unwrap(),
    );
    assert_eq!(a.ino(), b.ino(), "the hard link was cut");
    assert_eq!(
        draftfile::load(&link).unwrap().revisions,
        draftfile::load(&draft).unwrap().revisions,
        "both names see the new revision"
    );

    // As root, a draft owned by someone else stays theirs.
    let single = sample_in(dir.path(), "owned.toml");
    if std::os::unix::fs::chown(&single, Some(4321), Some(4321)).is_ok() {
        let o = resdraft(&["revise", s(&single), "--label", "L.2"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let m = std::fs::metadata(&single).unwrap();
        assert_eq!(
            (m.uid(), m.gid()),
            (4321, 4321),
            "owner changed by the save"
        );
    }
}

#[test]
fn leftover_temporary_files_are_removed_on_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let draft = sample_in(dir.path(), "d.toml");
    let stale = dir.path().join(".resdraft-AbCdEf.tmp");
    let fresh = dir.path().join(".resdraft-GhIjKl.tmp");
    std::fs::write(&stale, "half a draft").unwrap();
    std::fs::write(&fresh, "a save in progress").unwrap();
    let old = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let o = resdraft(&["revise", s(&draft), "--label", "L.1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stale.exists(), "the leftover of an interrupted save stays");
    assert!(
        fresh.exists(),
        "a save in progress elsewhere must not lose its file"
    );
}

#[test]
fn widths_are_bounded_and_the_help_says_so() {
    for cmd in ["export", "diff"] {
        for bad in ["0", "19", "1001", "4294967295", "18446744073709551615"] {
            let mut args = vec![cmd, SAMPLE];
            if cmd == "diff" {
                args.push(SAMPLE);
            }
            args.extend(["--width", bad]);
            let o = resdraft(&args);
            assert_eq!(o.status.code(), Some(2), "{cmd} --width {bad}");
            assert!(
                stderr(&o).contains("20..=1000"),
                "{cmd} --width {bad}: {}",
                stderr(&o)
            );
            assert!(!stderr(&o).contains("panicked"));
        }
        let help = stdout(&resdraft(&[cmd, "--help"]));
        assert!(help.contains("20–1000"), "{cmd} --help: {help}");
    }
    let o = resdraft(&["export", SAMPLE, "--width", "20"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = resdraft(&["diff", SAMPLE, SAMPLE, "--width", "1000"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn file_names_are_printed_safely() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "t\u{1b}]2;owned\u{7}.toml";
    let draft = sample_in(dir.path(), evil);
    let o = resdraft(&["revise", s(&draft), "--label", "L.1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let new = dir.path().join(format!("n{evil}"));
    let o2 = resdraft(&["new", "-o", s(&new)]);
    assert!(o2.status.success(), "{}", stderr(&o2));
    for out in [stdout(&o), stderr(&o), stdout(&o2), stderr(&o2)] {
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    }
}

/// A draft with C1 controls and bidi overrides in its text.
fn hostile(dir: &Path, name: &str, extra: &str) -> PathBuf {
    let mut d = Document::new(DocKind::Resolution);
    d.authoring_body = "The General Assembly".into();
    d.operative.push(Paragraph::new(
        Id::new("p1"),
        "Decidez\u{85}",
        // Ends with a comma: `check` quotes the text in its suggestion.
        format!("to act \u{9b}2J\u{202e}now\u{2066} {extra},"),
    ));
    let p = dir.join(name);
    draftfile::save(&p, &Draft::new(d)).unwrap();
    p
}

#[test]
fn json_output_escapes_c1_controls_and_bidi_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let a = hostile(dir.path(), "a.toml", "today");
    let b = hostile(dir.path(), "b.toml", "tomorrow");
    let unsafe_char = |c: char| matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    for args in [
        vec!["diff", s(&a), s(&b), "--format", "json"],
        vec!["check", s(&a), "--format", "json"],
        vec!["export", s(&a), "--format", "json"],
    ] {
        let o = resdraft(&args);
        let out = stdout(&o);
        assert!(!out.is_empty(), "{args:?}: {}", stderr(&o));
        assert!(
            !out.chars().any(unsafe_char),
            "{args:?} printed raw: {out:?}"
        );
        assert!(
            out.contains("\\u202e"),
            "{args:?}: escaped, not dropped: {out}"
        );
        serde_json::from_str::<serde_json::Value>(&out).expect("valid JSON");
    }
}

#[test]
fn an_os_error_is_named_once() {
    let o = resdraft(&["export", "no-such-draft.toml"]);
    let err = stderr(&o);
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
}

#[test]
fn renumber_does_not_claim_a_change_it_could_not_save() {
    let dir = tempfile::tempdir().unwrap();
    let m = messy(dir.path(), "m.toml");
    std::fs::set_permissions(&m, std::fs::Permissions::from_mode(0o444)).unwrap();
    let o = resdraft(&["renumber", s(&m)]);
    assert!(!o.status.success());
    let (out, err) = (stdout(&o), stderr(&o));
    assert!(
        !out.contains("change made") && !out.contains("changes made"),
        "{out}"
    );
    assert!(
        err.contains("read-only") && err.contains("not saved"),
        "{err}"
    );
}

#[test]
fn edit_on_a_symlink_loop_says_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let o = resdraft(&["edit", s(&a)]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("symbolic link"), "{}", stderr(&o));
}
