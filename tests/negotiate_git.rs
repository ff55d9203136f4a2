//! The negotiation walk-through of issue 16, end to end through the command line and a real
//! git repository: a zero draft imported from a real text of the corpus (A/80/L.3), two
//! delegations' proposals on one paragraph, one accepted and the other rebased, a paragraph
//! agreed ad referendum, the compilation text exported; a colleague's branch merged through
//! git (resdraft as merge driver) with one clean change and one conflict; the conflict
//! resolved by choosing an alternative; the clean text exported and checked. Also: a clean
//! merge, and `resdraft diff` as git's diff driver.

mod common;

use common::{resdraft, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_resdraft");

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Facilitator")
        .env("GIT_AUTHOR_EMAIL", "f@example.org")
        .env("GIT_COMMITTER_NAME", "Facilitator")
        .env("GIT_COMMITTER_EMAIL", "f@example.org")
        .output()
        .expect("git runs")
}

fn ok(o: std::process::Output) -> String {
    assert!(o.status.success(), "{}\n{}", stdout(&o), stderr(&o));
    stdout(&o)
}

/// A repository with resdraft set up as merge and diff driver for drafts.
fn repo() -> Option<(tempfile::TempDir, PathBuf)> {
    if !common::tool_available("git", "negotiate_git") {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    ok(git(&d, &["init", "-q", "-b", "main"]));
    std::fs::write(
        d.join(".gitattributes"),
        "*.toml merge=resdraft diff=resdraft\n",
    )
    .unwrap();
    ok(git(
        &d,
        &[
            "config",
            "merge.resdraft.name",
            "resdraft merge by paragraph id",
        ],
    ));
    ok(git(
        &d,
        &[
            "config",
            "merge.resdraft.driver",
            &format!("{BIN} merge %O %A %B -o %A --path %P"),
        ],
    ));
    ok(git(
        &d,
        &[
            "config",
            "diff.resdraft.command",
            &format!("{BIN} diff --format amendments"),
        ],
    ));
    Some((dir, d))
}

fn run(args: &[&str]) -> String {
    let o = resdraft(args);
    assert!(
        o.status.success(),
        "resdraft {args:?}\n{}\n{}",
        stdout(&o),
        stderr(&o)
    );
    stdout(&o)
}

/// Replaces the first `from` in the draft file (editing by hand, as the format allows).
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// A colleague works on a branch: a clean change to OP7 and a change to OP5's words, which
/// main changes differently meanwhile (a conflict to come).
fn colleague_and_main(d: &Path, draft: &Path) {
    ok(git(d, &["checkout", "-qb", "colleague"]));
    edit(
        draft,
        "the sustainable development of the",
        "the sustainable and inclusive development of the",
    );
    edit(draft, "innovation and investment", "innovation and funding");
    ok(git(d, &["commit", "-qam", "colleague"]));
    ok(git(d, &["checkout", "-q", "main"]));
    edit(
        draft,
        "innovation and investment",
        "innovation and financing",
    );
    ok(git(d, &["commit", "-qam", "main"]));
}

#[test]
fn negotiation_walk_through_with_git() {
    let Some(source) = common::shared(
        "corpus/un80/text/A_80_L.3.txt",
        "negotiation_walk_through_with_git",
    ) else {
        return;
    };
    let Some((_tmp, d)) = repo() else { return };
    let draft = d.join("zero.toml");
    let p = draft.to_str().unwrap();
    run(&["import", source.to_str().unwrap(), "-o", p]);
    ok(git(&d, &["add", "."]));
    ok(git(&d, &["commit", "-qm", "zero draft"]));

    // Two delegations propose on operative paragraph 4.
    run(&[
        "negotiate",
        p,
        "delegation",
        "EU",
        "--name",
        "European Union",
    ]);
    run(&[
        "negotiate",
        p,
        "delegation",
        "G77",
        "--name",
        "Group of 77 and China",
    ]);
    let eu = run(&[
        "negotiate",
        p,
        "propose",
        "--by",
        "EU",
        "replace",
        "OP4",
        "environmental and health monitoring",
        "environmental, health and social monitoring",
    ]);
    assert!(eu.contains("n1: EU proposes to replace"), "{eu}");
    run(&[
        "negotiate",
        p,
        "propose",
        "--by",
        "G77",
        "insert",
        "OP4",
        "and their neighbours",
        "--after",
        "regions and communities",
    ]);
    run(&[
        "negotiate",
        p,
        "propose",
        "--by",
        "G77",
        "delete",
        "OP4",
        "and health",
    ]);
    run(&[
        "negotiate",
        p,
        "propose",
        "--by",
        "EU",
        "new-paragraph",
        "--after",
        "OP4",
        "Encourages the sharing of monitoring data among the affected States;",
    ]);
    let accepted = run(&["negotiate", p, "accept", "n1"]);
    assert!(accepted.contains("n3 needs attention"), "{accepted}");
    run(&["negotiate", p, "status", "OP1", "agreed-ad-ref"]);
    let list = run(&["negotiate", p, "list"]);
    assert!(
        list.contains("n2  OP4  G77: insert “and their neighbours”"),
        "{list}"
    );
    assert!(
        list.contains("n3  OP4  G77: delete “and health” [needs attention]"),
        "{list}"
    );
    assert!(list.contains("n4  OP4 bis  EU"), "{list}");

    let comp = run(&["export", p, "--format", "compilation", "--width", "200"]);
    assert!(comp.contains("OP1 [agreed ad ref]"), "{comp}");
    assert!(
        comp.contains("environmental, health and social monitoring"),
        "{comp}"
    );
    assert!(
        comp.contains("communities [G77 add: and their neighbours]"),
        "{comp}"
    );
    assert!(comp.contains("OP4 bis [EU n4: new paragraph]"), "{comp}");
    let md = run(&["export", p, "--format", "compilation-markdown"]);
    assert!(md.contains("**[G77 add: and their neighbours]**"), "{md}");
    ok(git(&d, &["commit", "-qam", "first reading"]));

    colleague_and_main(&d, &draft);
    // The diff driver: the change in words.
    let diff = ok(git(&d, &["diff", "HEAD~1", "--", "zero.toml"]));
    assert!(diff.contains("“financing”"), "{diff}");

    let merge = git(&d, &["merge", "colleague", "-m", "merge colleague"]);
    assert!(!merge.status.success(), "the conflict stops the merge");
    let err = stderr(&merge) + &stdout(&merge);
    assert!(err.contains("both sides changed the same words"), "{err}");
    assert!(
        err.contains("1 conflict in zero.toml:"),
        "git's %P names the draft, not its temporary copy: {err}"
    );
    let merged = std::fs::read_to_string(&draft).unwrap();
    assert!(
        merged.contains("sustainable and inclusive development"),
        "the clean change merged"
    );
    assert!(
        !merged.contains("<<<<<<<"),
        "no text conflict markers in a draft"
    );
    let list = run(&["negotiate", p, "list"]);
    assert!(
        list.contains("b1  OP5  bracket: 1. (ours) “financing” / 2. (theirs) “funding”"),
        "{list}"
    );
    // Resolved by choosing the colleague's words.
    run(&["negotiate", p, "choose", "b1", "2"]);
    ok(git(&d, &["add", "zero.toml"]));
    ok(git(&d, &["commit", "-qm", "merge colleague"]));

    // Settle the rest and table the clean text.
    run(&["negotiate", p, "accept", "n2"]);
    run(&["negotiate", p, "reject", "n3"]);
    run(&["negotiate", p, "accept", "n4"]);
    let clean = run(&["export", p, "--width", "200"]);
    assert!(clean.contains("environmental, health and social monitoring of the Chernobyl-affected regions and communities and their neighbours"), "{clean}");
    assert!(clean.contains("innovation and funding"), "{clean}");
    assert!(
        clean.contains("5.  Encourages the sharing of monitoring data"),
        "the clean export renumbers: {clean}"
    );
    let check = resdraft(&["check", p]);
    let found = stdout(&check);
    assert!(
        !found.contains("open-proposal") && !found.contains("open-bracket"),
        "{found}"
    );
}

#[test]
fn clean_merge_through_git() {
    let Some((_tmp, d)) = repo() else { return };
    let draft = d.join("d.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts/sample-resolution.toml"),
        &draft,
    )
    .unwrap();
    ok(git(&d, &["add", "."]));
    ok(git(&d, &["commit", "-qm", "base"]));
    ok(git(&d, &["checkout", "-qb", "other"]));
    edit(
        &draft,
        "food security, public health",
        "food security, public health, gender equality",
    );
    ok(git(&d, &["commit", "-qam", "other"]));
    ok(git(&d, &["checkout", "-q", "main"]));
    edit(
        &draft,
        "eradication of poverty",
        "eradication of extreme poverty",
    );
    ok(git(&d, &["commit", "-qam", "mine"]));
    ok(git(&d, &["merge", "other", "-m", "merge"]));
    let text = run(&["export", draft.to_str().unwrap(), "--width", "300"]);
    assert!(
        text.contains(
            "eradication of extreme poverty, food security, public health, gender equality"
        ),
        "{text}"
    );
    // A conflict is left as a bracket, exit 1; a merge of the same change is clean.
    let base = d.join("base.toml");
    std::fs::write(&base, ok(git(&d, &["show", "HEAD~2:d.toml"]))).unwrap();
    let o = resdraft(&[
        "merge",
        base.to_str().unwrap(),
        draft.to_str().unwrap(),
        draft.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// The walk-through in a real terminal: the proposals made, accepted, undone and redone in
/// the editor (propose mode as the delegation of the config file), a status set with `S`,
/// the merge conflict resolved in the editor's negotiation panel.
#[test]
#[ignore = "unfinished: after the proposal is made OP4 is not scrolled into view in tmux (issue 16)"]
fn negotiation_walk_through_in_the_editor() {
    let Some(source) = common::shared(
        "corpus/un80/text/A_80_L.3.txt",
        "negotiation_walk_through_in_the_editor",
    ) else {
        return;
    };
    if !common::tool_available("tmux", "negotiation_walk_through_in_the_editor") {
        return;
    }
    let Some((_tmp, d)) = repo() else { return };
    let draft = d.join("zero.toml");
    let p = draft.to_str().unwrap();
    run(&["import", source.to_str().unwrap(), "-o", p]);
    ok(git(&d, &["add", "zero.toml", ".gitattributes"]));
    ok(git(&d, &["commit", "-qm", "zero draft"]));
    run(&["negotiate", p, "delegation", "G77"]);
    run(&[
        "negotiate",
        p,
        "propose",
        "--by",
        "G77",
        "insert",
        "OP4",
        "and their neighbours",
        "--after",
        "regions and communities",
    ]);
    // The editor proposes as the EU (its config file), in a home of its own.
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("home/config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "delegation = \"EU\"\n").unwrap();
    let cmd = format!("edit '{p}'");
    let t = common::tmux::start(home.path(), &cmd);
    t.wait_for("General Assembly");
    t.keys(&[":"]);
    t.literal("OP4");
    t.keys(&["Enter"]);
    t.wait_for_words("[G77 add: and their neighbours]");
    t.keys(&["P"]);
    t.wait_for("PROPOSING as EU");
    // Words typed at the end of OP4 become a proposal; the text does not change.
    t.keys(&["Enter"]);
    t.wait_for("Edit operative paragraph 4");
    t.keys(&["End", "BSpace"]);
    t.literal(" in all regions;");
    t.keys(&["Enter"]);
    t.wait_for("EU proposes:");
    let s = t.wait_for_words("[EU add: in all regions]");
    assert!(s.contains("2 pending"), "the status bar counts: {s}");
    // The panel: accept the EU's proposal (G77's is rebased and still applies), undo, redo.
    t.keys(&["c"]);
    t.wait_for("Negotiation: 2 pending");
    t.keys(&["Down", "a"]);
    t.wait_for("n2 accepted");
    t.keys(&["u"]);
    t.wait_for("Undone");
    t.keys(&["C-r"]);
    t.wait_for("Redone");
    t.keys(&["Escape", ":"]);
    t.literal("OP1");
    t.keys(&["Enter", "S"]);
    t.wait_for("agreed ad ref");
    t.keys(&["}"]);
    t.wait_for("OP4: open items here");
    t.keys(&["C-s"]);
    t.wait_for("Saved");
    t.keys(&["q"]);
    t.wait_for("EXITED 0");
    drop(t);

    let comp = run(&["export", p, "--format", "compilation", "--width", "200"]);
    assert!(comp.contains("OP1 [agreed ad ref]"), "{comp}");
    assert!(
        comp.contains("communities [G77 add: and their neighbours]"),
        "{comp}"
    );
    assert!(
        comp.contains("international assistance in all regions;"),
        "{comp}"
    );
    let docx = d.join("compilation.docx");
    run(&[
        "export",
        p,
        "--format",
        "compilation-docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("OP1 [agreed ad ref]"), "{xml}");
    assert!(xml.contains("G77 add:"), "{xml}");
    ok(git(&d, &["commit", "-qam", "first reading"]));

    colleague_and_main(&d, &draft);
    let merge = git(&d, &["merge", "colleague", "-m", "merge colleague"]);
    assert!(!merge.status.success(), "the conflict stops the merge");
    assert!(
        (stderr(&merge) + &stdout(&merge)).contains("1 conflict in zero.toml:"),
        "{}",
        stderr(&merge)
    );

    // Resolved in the editor: the bracket is the last item; 2 takes the colleague's words.
    let t = common::tmux::start(home.path(), &cmd);
    t.wait_for("General Assembly");
    t.keys(&["}", "}"]);
    t.wait_for_words("[Alt 1 (ours): financing / Alt 2 (theirs): funding]");
    t.keys(&["c"]);
    t.wait_for("1 bracket");
    t.keys(&["End", "2"]);
    t.wait_for("alternative 2 chosen");
    t.keys(&["Home", "a"]);
    t.wait_for("n1 accepted");
    t.keys(&["C-s"]);
    t.wait_for("Saved");
    t.keys(&["q"]);
    t.wait_for("EXITED 0");
    drop(t);
    ok(git(&d, &["add", "zero.toml"]));
    ok(git(&d, &["commit", "-qm", "merge colleague"]));

    let clean = run(&["export", p, "--width", "300"]);
    assert!(
        clean.contains("regions and communities and their neighbours for the purpose"),
        "{clean}"
    );
    assert!(
        clean.contains("international assistance in all regions;"),
        "{clean}"
    );
    assert!(clean.contains("innovation and funding"), "{clean}");
    assert!(
        clean.contains("sustainable and inclusive development"),
        "{clean}"
    );
    let found = stdout(&resdraft(&["check", p]));
    assert!(
        !found.contains("open-proposal") && !found.contains("open-bracket"),
        "{found}"
    );
}
