//! `resdraft negotiate DRAFT …`: the negotiation of a draft from the command line, for
//! scripts and facilitators who prefer it: add delegations, record proposals, accept,
//! reject or withdraw them (accepting rebases the others), set paragraph statuses, choose
//! an alternative of a bracket, and list what is open. A paragraph is named by its id
//! ("p12") or by its negotiation number ("OP5", "OP5 bis", "PP3").

use anyhow::{Result, anyhow, bail};
use resdraft::draftfile;
use resdraft::model::{Draft, Id, Paragraph, ProposedChange, Status};
use resdraft::negotiate::{self, compilation, numbering};
use resdraft::sanitize::sanitize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  \
    resdraft negotiate draft.toml delegation EU --name \"European Union\"\n  \
    resdraft negotiate draft.toml propose --by EU replace OP3 \"calls upon\" \"urges\"\n  \
    resdraft negotiate draft.toml propose --by G77 new-paragraph --after OP5 \"Encourages all States to act;\"\n  \
    resdraft negotiate draft.toml accept n1\n  \
    resdraft negotiate draft.toml status OP2 agreed-ad-ref\n  \
    resdraft negotiate draft.toml choose b1 2\n  \
    resdraft negotiate draft.toml list")]
pub struct Args {
    /// The draft file.
    pub draft: PathBuf,
    #[command(subcommand)]
    pub command: Cmd,
}

#[derive(clap::Subcommand, Debug)]
pub enum Cmd {
    /// Add a delegation or group (or rename one).
    Delegation {
        /// Its short name in attributions ("EU", "G77").
        code: String,
        /// Its full name.
        #[arg(long, default_value = "")]
        name: String,
    },
    /// Record a proposal by a delegation.
    Propose {
        /// The delegation proposing it.
        #[arg(long)]
        by: String,
        /// When it was made (default today).
        #[arg(long)]
        date: Option<String>,
        /// Which occurrence of the quoted words in the paragraph (1 for the first).
        #[arg(long, default_value_t = 1)]
        occurrence: usize,
        #[command(subcommand)]
        change: ChangeCmd,
    },
    /// Accept a proposal: its change is made and the other proposals are rebased.
    Accept { id: String },
    /// Reject a proposal.
    Reject { id: String },
    /// Withdraw a proposal (its delegation takes it back).
    Withdraw { id: String },
    /// Set the status of a paragraph: pending, agreed-ad-ref or agreed.
    Status { paragraph: String, status: String },
    /// Resolve a bracket by choosing its alternative N (1 for the first).
    Choose { bracket: String, alternative: usize },
    /// List the open proposals and brackets, and the paragraph statuses.
    List,
}

#[derive(clap::Subcommand, Debug)]
pub enum ChangeCmd {
    /// Replace WORDS in PARAGRAPH with WITH.
    Replace {
        paragraph: String,
        words: String,
        with: String,
    },
    /// Delete WORDS from PARAGRAPH.
    Delete { paragraph: String, words: String },
    /// Insert TEXT into PARAGRAPH after the words --after (at the start without).
    Insert {
        paragraph: String,
        text: String,
        #[arg(long, default_value = "")]
        after: String,
    },
    /// A new paragraph (its full text, opening phrase included) after --after.
    NewParagraph {
        text: String,
        /// The paragraph it follows (first of the operative part without).
        #[arg(long)]
        after: Option<String>,
        /// A new preambular paragraph (when --after is not given).
        #[arg(long)]
        preambular: bool,
    },
    /// Delete PARAGRAPH.
    DeleteParagraph { paragraph: String },
    /// Move PARAGRAPH after --after (first of its list without).
    Move {
        paragraph: String,
        #[arg(long)]
        after: Option<String>,
    },
}

/// The id of a paragraph named by id or by negotiation number ("OP5 bis", "PP3", "5").
fn paragraph_id(draft: &Draft, name: &str) -> Result<Id> {
    let id = Id::new(name.trim());
    if draft.document.find(&id).is_some()
        || negotiate::proposed_paragraph(&draft.negotiation, &id).is_some()
    {
        return Ok(id);
    }
    let want = name.trim().to_uppercase().replace(' ', "");
    let (pp, rest) = if let Some(r) = want.strip_prefix("PP") {
        (Some(true), r.to_string())
    } else if let Some(r) = want.strip_prefix("OP") {
        (Some(false), r.to_string())
    } else {
        (None, want.clone())
    };
    let doc = &draft.document;
    for part in doc.part_keys() {
        if pp.is_some_and(|pre| pre != part.is_preamble()) || (pp.is_none() && part.is_preamble()) {
            continue;
        }
        for n in numbering::sequence(draft, part) {
            if n.label.to_uppercase().replace(' ', "") == rest {
                return Ok(n.entry.paragraph().id.clone());
            }
        }
    }
    bail!(
        "no paragraph “{}” (give an id such as p12, or a number such as OP5, OP5 bis, PP3)",
        sanitize(name)
    )
}

fn occurrence(k: usize) -> Result<usize> {
    k.checked_sub(1)
        .ok_or_else(|| anyhow!("--occurrence counts from 1"))
}

pub fn run(args: Args) -> Result<ExitCode> {
    let path = &args.draft;
    let mut draft = draftfile::load(path)?;
    let shown = sanitize(&path.display().to_string()).into_owned();
    let say = |s: String| println!("{shown}: {}", sanitize(&s));
    match args.command {
        Cmd::Delegation { code, name } => {
            let new = negotiate::add_delegation(&mut draft.negotiation, &code, &name)?;
            say(format!(
                "{} delegation {code}",
                if new { "added" } else { "updated" }
            ));
        }
        Cmd::Propose {
            by,
            date,
            occurrence: k,
            change,
        } => {
            let occurrence = occurrence(k)?;
            let change = match change {
                ChangeCmd::Replace {
                    paragraph,
                    words,
                    with,
                } => ProposedChange::ReplaceWords {
                    paragraph: paragraph_id(&draft, &paragraph)?,
                    words,
                    occurrence,
                    with,
                },
                ChangeCmd::Delete { paragraph, words } => ProposedChange::DeleteWords {
                    paragraph: paragraph_id(&draft, &paragraph)?,
                    words,
                    occurrence,
                },
                ChangeCmd::Insert {
                    paragraph,
                    text,
                    after,
                } => ProposedChange::InsertWords {
                    paragraph: paragraph_id(&draft, &paragraph)?,
                    after,
                    occurrence,
                    text,
                },
                ChangeCmd::NewParagraph {
                    text,
                    after,
                    preambular,
                } => {
                    let after = after.map(|a| paragraph_id(&draft, &a)).transpose()?;
                    let operative = match &after {
                        Some(a) => !negotiate_is_preamble(&draft, a),
                        None => !preambular,
                    };
                    let list = if operative {
                        resdraft::phrases::operative()
                    } else {
                        resdraft::phrases::preambular()
                    };
                    let (lead, rest) = match resdraft::phrases::match_lead(&text, list) {
                        Some(n) => (text[..n].to_string(), text[n..].trim_start().to_string()),
                        None => (String::new(), text.clone()),
                    };
                    ProposedChange::InsertParagraph {
                        after,
                        operative,
                        paragraph: Paragraph::new(
                            negotiate::fresh_paragraph_id(&draft),
                            lead,
                            rest,
                        ),
                    }
                }
                ChangeCmd::DeleteParagraph { paragraph } => ProposedChange::DeleteParagraph {
                    paragraph: paragraph_id(&draft, &paragraph)?,
                },
                ChangeCmd::Move { paragraph, after } => ProposedChange::MoveParagraph {
                    paragraph: paragraph_id(&draft, &paragraph)?,
                    after: after.map(|a| paragraph_id(&draft, &a)).transpose()?,
                },
            };
            let date = date.unwrap_or_else(super::revise::today);
            let id = negotiate::propose(&mut draft, &by, &date, change)?;
            let p = draft.negotiation.proposal(&id).expect("just made");
            say(format!(
                "{id}: {by} proposes to {}",
                compilation::describe(p)
            ));
        }
        Cmd::Accept { id } => {
            let id = Id::new(id);
            let s = negotiate::accept(&mut draft, &id)?;
            say(format!("{id} accepted"));
            for m in &s.change.messages {
                say(m.clone());
            }
            for a in &s.attention {
                say(format!("{a} needs attention: the words it quotes are gone"));
            }
        }
        Cmd::Reject { id } => {
            negotiate::reject(&mut draft, &Id::new(&id))?;
            say(format!("{id} rejected"));
        }
        Cmd::Withdraw { id } => {
            negotiate::withdraw(&mut draft, &Id::new(&id))?;
            say(format!("{id} withdrawn"));
        }
        Cmd::Status { paragraph, status } => {
            let s = Status::parse(&status).ok_or_else(|| {
                anyhow!(
                    "unknown status “{}” (pending, agreed-ad-ref or agreed)",
                    sanitize(&status)
                )
            })?;
            let id = paragraph_id(&draft, &paragraph)?;
            negotiate::set_status(&mut draft, &id, s)?;
            say(format!("{paragraph} ({id}) is {}", s.printed()));
        }
        Cmd::Choose {
            bracket,
            alternative,
        } => {
            let k = alternative
                .checked_sub(1)
                .ok_or_else(|| anyhow!("alternatives count from 1"))?;
            let s = negotiate::choose(&mut draft, &Id::new(&bracket), k)?;
            say(format!("{bracket}: alternative {alternative} chosen"));
            for a in &s.attention {
                say(format!("{a} needs attention: the words it quotes are gone"));
            }
        }
        Cmd::List => {
            print!("{}", sanitize_lines(&list(&draft)));
            return Ok(ExitCode::SUCCESS);
        }
    }
    draftfile::save(path, &draft)?;
    Ok(ExitCode::SUCCESS)
}

fn negotiate_is_preamble(draft: &Draft, id: &Id) -> bool {
    draft
        .document
        .locate(id)
        .is_some_and(|l| l.part.is_preamble())
}

fn sanitize_lines(s: &str) -> String {
    resdraft::sanitize::sanitize_keep_newlines(s).into_owned()
}

/// The open items of the negotiation, one a line.
fn list(draft: &Draft) -> String {
    let labels = numbering::labels(draft);
    let name = |id: &Id| {
        let part = draft.document.locate(id).map(|l| l.part.is_preamble());
        match (labels.get(id), part) {
            (Some(l), Some(true)) => format!("PP{l}"),
            (Some(l), _) => format!("OP{l}"),
            (None, _) => id.to_string(),
        }
    };
    let n = &draft.negotiation;
    let c = negotiate::counts(draft);
    let mut out = format!(
        "{} proposals pending ({} needing attention), {} brackets open; paragraphs: {} agreed, {} agreed ad ref, {} pending\n",
        c.pending, c.attention, c.brackets, c.agreed, c.ad_ref, c.paragraphs_pending
    );
    for p in n.pending() {
        let attention = if p.needs_attention {
            " [needs attention]"
        } else {
            ""
        };
        out.push_str(&format!(
            "{}  {}  {}: {}{attention}\n",
            p.id,
            name(p.change.paragraph()),
            p.by,
            compilation::describe(p)
        ));
    }
    for b in &n.brackets {
        let alts: Vec<String> = b
            .alternatives
            .iter()
            .enumerate()
            .map(|(k, a)| {
                let t = if b.whole {
                    format!("{} {}", a.lead, a.text).trim().to_string()
                } else {
                    a.text.clone()
                };
                format!(
                    "{}. ({}) “{}”",
                    k + 1,
                    a.by,
                    if t.is_empty() {
                        "(no paragraph)".into()
                    } else {
                        t
                    }
                )
            })
            .collect();
        let attention = if b.needs_attention {
            " [needs attention]"
        } else {
            ""
        };
        out.push_str(&format!(
            "{}  {}  bracket: {}{attention}\n",
            b.id,
            name(&b.paragraph),
            alts.join(" / ")
        ));
    }
    for (id, s) in &n.status {
        out.push_str(&format!("{}  {}\n", name(id), s.printed()));
    }
    out
}
