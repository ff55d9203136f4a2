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

/// A repository holding the zero draft `zero.toml`, imported from A/80/L.3 of the corpus and
/// committed on main.
struct Walk {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    draft: PathBuf,
}

impl Walk {
    fn start(test: &str) -> Option<Walk> {
        let source = common::shared("corpus/un80/text/A_80_L.3.txt", test)?;
        let (tmp, dir) = repo()?;
        let draft = dir.join("zero.toml");
        run(&[
            "import",
            source.to_str().unwrap(),
            "-o",
            draft.to_str().unwrap(),
        ]);
        ok(git(&dir, &["add", "zero.toml", ".gitattributes"]));
        ok(git(&dir, &["commit", "-qm", "zero draft"]));
        Some(Walk {
            _tmp: tmp,
            dir,
            draft,
        })
    }

    fn path(&self) -> &str {
        self.draft.to_str().unwrap()
    }

    /// `resdraft negotiate zero.toml ARGS…`.
    fn negotiate(&self, args: &[&str]) -> String {
        run(&[&["negotiate", self.path()], args].concat())
    }

    /// G77 proposes to add words to OP4.
    fn g77_neighbours(&self) {
        self.negotiate(&[
            "propose",
            "--by",
            "G77",
            "insert",
            "OP4",
            "and their neighbours",
            "--after",
            "regions and communities",
        ]);
    }

    /// The compilation text, wide enough to read each paragraph on one line.
    fn compilation(&self) -> String {
        let comp = run(&[
            "export",
            self.path(),
            "--format",
            "compilation",
            "--width",
            "200",
        ]);
        assert!(comp.contains("OP1 [agreed ad ref]"), "{comp}");
        assert!(
            comp.contains("communities [G77 add: and their neighbours]"),
            "{comp}"
        );
        comp
    }

    /// The colleague's branch and main's own change (see [`colleague_and_main`]), then `git
    /// merge colleague`: stopped by the conflict, which resdraft names in the draft.
    fn merge_colleague(&self) -> String {
        colleague_and_main(&self.dir, &self.draft);
        let merge = git(&self.dir, &["merge", "colleague", "-m", "merge colleague"]);
        assert!(!merge.status.success(), "the conflict stops the merge");
        let said = stderr(&merge) + &stdout(&merge);
        assert!(
            said.contains("1 conflict in zero.toml:"),
            "git's %P names the draft, not its temporary copy: {said}"
        );
        let merged = std::fs::read_to_string(&self.draft).unwrap();
        assert!(
            merged.contains("sustainable and inclusive development"),
            "the clean change merged"
        );
        assert!(
            !merged.contains("<<<<<<<"),
            "no text conflict markers in a draft"
        );
        said
    }

    /// The merge committed once its conflict is resolved.
    fn commit_merge(&self) {
        ok(git(&self.dir, &["add", "zero.toml"]));
        ok(git(&self.dir, &["commit", "-qm", "merge colleague"]));
    }

    /// Tables the text: the clean text exported to `clean.txt` holds each of `words`; the
    /// draft's check lists no open proposal or bracket any more; and the check of the
    /// exported clean text (imported on the fly) finds what the draft's own check finds.
    fn table(&self, words: &[&str]) {
        let clean = self.dir.join("clean.txt");
        let c = clean.to_str().unwrap();
        run(&["export", self.path(), "--width", "300", "-o", c]);
        let text = std::fs::read_to_string(&clean).unwrap();
        for w in words {
            assert!(text.contains(w), "{w}: {text}");
        }
        let findings = |file: &str| {
            let o = resdraft(&["check", file, "--format", "json"]);
            assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
            let list: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
            let mut found: Vec<String> = list
                .iter()
                .map(|f| format!("{} {}", f["place"], f["rule"]))
                .collect();
            found.sort();
            found
        };
        let of_draft = findings(self.path());
        assert!(
            !of_draft
                .iter()
                .any(|f| f.contains("open-proposal") || f.contains("open-bracket")),
            "{of_draft:?}"
        );
        assert_eq!(findings(c), of_draft, "the clean text checks as the draft");
    }
}

#[test]
fn negotiation_walk_through_with_git() {
    let Some(w) = Walk::start("negotiation_walk_through_with_git") else {
        return;
    };
    // Two delegations propose on operative paragraph 4.
    w.negotiate(&["delegation", "EU", "--name", "European Union"]);
    w.negotiate(&["delegation", "G77", "--name", "Group of 77 and China"]);
    let eu = w.negotiate(&[
        "propose",
        "--by",
        "EU",
        "replace",
        "OP4",
        "environmental and health monitoring",
        "environmental, health and social monitoring",
    ]);
    assert!(eu.contains("n1: EU proposes to replace"), "{eu}");
    w.g77_neighbours();
    w.negotiate(&["propose", "--by", "G77", "delete", "OP4", "and health"]);
    w.negotiate(&[
        "propose",
        "--by",
        "EU",
        "new-paragraph",
        "--after",
        "OP4",
        "Encourages the sharing of monitoring data among the affected States;",
    ]);
    let accepted = w.negotiate(&["accept", "n1"]);
    assert!(accepted.contains("n3 needs attention"), "{accepted}");
    w.negotiate(&["status", "OP1", "agreed-ad-ref"]);
    let list = w.negotiate(&["list"]);
    assert!(
        list.contains("n2  OP4  G77: insert “and their neighbours”"),
        "{list}"
    );
    assert!(
        list.contains("n3  OP4  G77: delete “and health” [needs attention]"),
        "{list}"
    );
    assert!(list.contains("n4  OP4 bis  EU"), "{list}");

    let comp = w.compilation();
    assert!(
        comp.contains("environmental, health and social monitoring"),
        "{comp}"
    );
    assert!(comp.contains("OP4 bis [EU n4: new paragraph]"), "{comp}");
    let md = run(&["export", w.path(), "--format", "compilation-markdown"]);
    assert!(md.contains("**[G77 add: and their neighbours]**"), "{md}");
    ok(git(&w.dir, &["commit", "-qam", "first reading"]));

    let said = w.merge_colleague();
    assert!(said.contains("both sides changed the same words"), "{said}");
    // The diff driver: main's own change, in words.
    let diff = ok(git(&w.dir, &["diff", "HEAD~1", "HEAD", "--", "zero.toml"]));
    assert!(diff.contains("“financing”"), "{diff}");
    let list = w.negotiate(&["list"]);
    assert!(
        list.contains("b1  OP5  bracket: 1. (ours) “financing” / 2. (theirs) “funding”"),
        "{list}"
    );
    // Before the text is tabled, the check lists what is still open.
    let open = stdout(&resdraft(&["check", w.path()]));
    assert!(
        open.contains("open-proposal") && open.contains("open-bracket"),
        "{open}"
    );
    // Resolved by choosing the colleague's words.
    w.negotiate(&["choose", "b1", "2"]);
    w.commit_merge();

    // Settle the rest and table the clean text.
    w.negotiate(&["accept", "n2"]);
    w.negotiate(&["reject", "n3"]);
    w.negotiate(&["accept", "n4"]);
    w.table(&[
        "environmental, health and social monitoring of the Chernobyl-affected regions and communities and their neighbours",
        "innovation and funding",
        "sustainable and inclusive development",
        // The clean export renumbers.
        "5.  Encourages the sharing of monitoring data",
    ]);
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
    // A merge of the same change is clean; a conflict is left as a bracket, exit 1.
    let base = d.join("base.toml");
    std::fs::write(&base, ok(git(&d, &["show", "HEAD~2:d.toml"]))).unwrap();
    let (b, ours) = (base.to_str().unwrap(), draft.to_str().unwrap());
    let o = resdraft(&["merge", b, ours, ours]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let theirs = d.join("theirs.toml");
    std::fs::copy(&draft, &theirs).unwrap();
    edit(&draft, "extreme poverty", "absolute poverty");
    edit(&theirs, "extreme poverty", "all poverty");
    let out = d.join("out.toml");
    let o = resdraft(&[
        "merge",
        b,
        ours,
        theirs.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("both sides changed the same words"),
        "{}",
        stderr(&o)
    );
    let list = run(&["negotiate", out.to_str().unwrap(), "list"]);
    assert!(
        list.contains("(ours) “absolute”") && list.contains("(theirs) “all”"),
        "{list}"
    );
}

/// The walk-through in a real terminal: the proposals made, accepted, undone and redone in
/// the editor (propose mode as the delegation of the config file), a status set with `S`,
/// "pending only", the merge conflict resolved in the editor's negotiation panel.
#[test]
fn negotiation_walk_through_in_the_editor() {
    let test = "negotiation_walk_through_in_the_editor";
    if !common::tool_available("tmux", test) {
        return;
    }
    let Some(w) = Walk::start(test) else { return };
    w.negotiate(&["delegation", "G77"]);
    w.g77_neighbours();
    // The editor proposes as the EU (its config file), in a home of its own.
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("home/config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "delegation = \"EU\"\n").unwrap();
    let cmd = format!("edit '{}'", w.path());
    let t = common::tmux::start(home.path(), &cmd);
    t.wait_for("General Assembly");
    t.keys(&[":"]);
    t.literal("OP4");
    t.keys(&["Enter"]);
    t.wait_for_words("[G77 add: and their neighbours]");
    t.press(&["P"], "PROPOSING as EU");
    // Words typed at the end of OP4 become a proposal; the text does not change.
    t.press(&["Enter"], "Edit operative paragraph 4");
    t.keys(&["End", "BSpace"]);
    t.literal(" in all regions;");
    t.press(&["Enter"], "EU proposes:");
    let s = t.wait_for_words("[EU add: in all regions];");
    assert!(s.contains("2 pending"), "the status bar counts: {s}");
    // The panel: accept the EU's proposal (G77's is rebased and still applies), undo, redo.
    t.press(&["c"], "Negotiation: 2 pending");
    t.press(&["Down", "a"], "n2 accepted");
    t.press(&["u"], "Undone");
    t.press(&["C-r"], "Redone");
    t.keys(&["Escape", ":"]);
    t.literal("OP1");
    t.press(&["Enter", "S"], "agreed ad ref");
    t.press(&["}"], "OP4: open items here");
    // Pending only: OP4 alone of the paragraphs, until f shows all again.
    let s = t.press(&["f"], "PENDING ONLY (f all)");
    assert!(
        !s.contains("Takes note of the report"),
        "OP1 is hidden: {s}"
    );
    t.press(&["f"], "Showing every paragraph");
    t.press(&["C-s"], "Saved");
    t.press(&["q"], "EXITED 0");
    drop(t);

    let comp = w.compilation();
    assert!(
        comp.contains("international assistance in all regions;"),
        "{comp}"
    );
    let docx = w.dir.join("compilation.docx");
    run(&[
        "export",
        w.path(),
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
    ok(git(&w.dir, &["commit", "-qam", "first reading"]));

    w.merge_colleague();

    // Resolved in the editor: the bracket is the last item; 2 takes the colleague's words.
    let t = common::tmux::start(home.path(), &cmd);
    t.wait_for("General Assembly");
    t.keys(&["}", "}"]);
    t.wait_for_words("[Alt 1 (ours): financing / Alt 2 (theirs): funding]");
    t.press(&["c"], "Negotiation: 1 pending");
    t.press(&["End", "2"], "alternative 2 chosen");
    t.press(&["Home", "a"], "n1 accepted");
    t.press(&["C-s"], "Saved");
    // Esc closes the panel, q leaves the editor.
    t.press(&["Escape", "q"], "EXITED 0");
    drop(t);
    w.commit_merge();

    w.table(&[
        "regions and communities and their neighbours for the purpose",
        "international assistance in all regions;",
        "innovation and funding",
        "sustainable and inclusive development",
    ]);
}
