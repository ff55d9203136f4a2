//! What the check reads from a paragraph's own words, whatever the document around it: the
//! -ise spellings, invisible characters, doubled spaces, which quotes it holds, its footnote
//! markers, a stray superscript number, its cross-references and their numbers, its final
//! mark, and what its opening phrase says in a preambular or an operative place. The rules
//! ([`super::spelling`], [`super::typography`], [`super::refs`], [`super::punctuation`],
//! [`super::leads`]) judge these against the document (its other quotes, its footnotes, its
//! paragraph numbers, where each paragraph stands) and name the place.
//!
//! [`Memo`] keeps them by text between two checks of an edited document, so the check of a
//! text that changed a little re-reads only the paragraphs whose words changed; what
//! depends on the place or on the whole document is worked out again every time. The
//! findings are those of a check from scratch by construction: a memo holds only what the
//! paragraph's lead and text alone decide, and an entry is used only for the very same lead
//! and text (compared, not only hashed).

use crate::model::{Document, Paragraph};
use foldhash::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::Arc;

/// What one paragraph's lead and text say, for the rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Local {
    /// Nothing but blanks (and markup) in the lead and text.
    pub blank: bool,
    /// Words spelt -ise where UN texts write -ize, with their -ize form.
    pub misspelt: Vec<(String, String)>,
    /// Invisible characters, doubled spaces, quotes.
    pub typo: super::typography::Typo,
    /// Footnote markers, a stray superscript number, cross-references.
    pub refs: super::refs::Refs,
    /// The end mark its words give it ([`super::punctuation::own_end`]).
    pub end: Option<char>,
    /// Whether it ends with a colon ([`Local::end`]) and its text announces what follows
    /// ([`crate::ops::announces`]).
    pub announces: bool,
    /// What its opening phrase decides in a preambular place and in an operative one, read
    /// when first asked (only top-level paragraphs of a resolution are asked).
    leads: [std::sync::OnceLock<super::leads::Verdict>; 2],
}

impl Local {
    /// Reads a paragraph's lead and text.
    pub(crate) fn of(p: &Paragraph) -> Local {
        let full = p.full_text();
        let plain = super::plain(&full);
        let end = super::punctuation::own_end(p);
        Local {
            blank: plain.trim().is_empty(),
            misspelt: super::spelling::misspelt(&plain),
            typo: super::typography::local(&plain),
            refs: super::refs::local(p, &plain),
            end,
            // Read only where the rule asks: a final colon.
            announces: end == Some(':') && crate::ops::announces(&p.text),
            leads: Default::default(),
        }
    }

    /// What the opening phrase of `p` (the paragraph this was read from) decides in a place
    /// of this kind.
    pub(crate) fn verdict(&self, p: &Paragraph, operative: bool) -> &super::leads::Verdict {
        self.leads[usize::from(operative)].get_or_init(|| super::leads::Verdict::of(p, operative))
    }

    /// Every paragraph of `doc` read afresh, in document order.
    pub(crate) fn all(doc: &Document) -> Vec<Arc<Local>> {
        let mut out = Vec::new();
        doc.walk(&mut |p, _| out.push(Arc::new(Local::of(p))));
        out
    }
}

struct Entry {
    lead: String,
    text: String,
    local: Arc<Local>,
    /// The check that last used it.
    used: u64,
}

/// What the paragraphs said at the last checks, by text (see the module comment).
#[derive(Default)]
pub struct Memo {
    entries: HashMap<u64, Vec<Entry>>,
    runs: u64,
    len: usize,
}

fn key(p: &Paragraph) -> u64 {
    // Fixed seeds: a bucket key, compared for the very same words in the bucket.
    let mut h = foldhash::fast::FixedState::with_seed(0).build_hasher();
    p.lead.hash(&mut h);
    p.text.hash(&mut h);
    h.finish()
}

impl Memo {
    /// Checks `doc` as [`super::check`] does, re-reading only paragraphs whose lead or text
    /// were not among those of the last checks.
    pub fn check(&mut self, doc: &Document) -> Vec<super::Finding> {
        let locals = self.locals(doc);
        super::run(doc, &locals)
    }

    /// The [`Local`] of every paragraph of `doc`, in document order.
    pub(crate) fn locals(&mut self, doc: &Document) -> Vec<Arc<Local>> {
        self.runs += 1;
        let run = self.runs;
        let mut out = Vec::new();
        let mut added = 0;
        doc.walk(&mut |p, _| {
            let bucket = self.entries.entry(key(p)).or_default();
            let hit = bucket
                .iter_mut()
                .find(|e| e.lead == p.lead && e.text == p.text);
            let local = match hit {
                Some(e) => {
                    e.used = run;
                    e.local.clone()
                }
                None => {
                    let local = Arc::new(Local::of(p));
                    bucket.push(Entry {
                        lead: p.lead.clone(),
                        text: p.text.clone(),
                        local: local.clone(),
                        used: run,
                    });
                    added += 1;
                    local
                }
            };
            out.push(local);
        });
        self.len += added;
        // Texts no longer in the document go once they outnumber those that are.
        if self.len > 2 * out.len() + 64 {
            self.entries.retain(|_, bucket| {
                bucket.retain(|e| e.used == run);
                !bucket.is_empty()
            });
            self.len = self.entries.values().map(Vec::len).sum();
        }
        out
    }
}
