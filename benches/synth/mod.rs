//! Generated resolutions for the speed benchmarks (shared by the criterion benches and the
//! `pairgen` example behind `benches/diff-vs-git.sh`): a long draft with a skewed vocabulary
//! of about 1,500 words (a few very common, most rare, as in real texts), cross-references
//! between paragraphs, and revisions of it with word edits, insertions, deletions and moves.
#![allow(dead_code)]

use resdraft::model::{Document, Id, Paragraph};

const VERBS: [&str; 8] = [
    "Requests",
    "Urges",
    "Invites",
    "Encourages",
    "Calls upon",
    "Decides",
    "Stresses",
    "Notes",
];
const COMMON: [&str; 16] = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "for",
    "on",
    "its",
    "with",
    "all",
    "States",
    "United",
    "Nations",
    "development",
    "international",
    "including",
];
const SYLLABLES: [&str; 12] = [
    "ra", "to", "mi", "sen", "que", "lor", "van", "de", "pli", "cu", "nes", "ta",
];

/// A deterministic pseudo-random sequence (no dependency needed for a fixed corpus).
pub struct Lcg(pub u64);
impl Lcg {
    pub fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

/// The vocabulary: the common words, then about 1,500 made-up words of 2–3 syllables.
fn vocabulary() -> Vec<String> {
    let mut v: Vec<String> = COMMON.iter().map(|s| s.to_string()).collect();
    for a in SYLLABLES {
        for b in SYLLABLES {
            v.push(format!("{a}{b}"));
            for c in SYLLABLES.iter().take(9) {
                v.push(format!("{a}{b}{c}"));
            }
        }
    }
    v
}

/// Draws words with a skew: half the draws from the common words, the rest spread over the
/// whole vocabulary with a preference for its start.
pub struct Words {
    vocab: Vec<String>,
}

impl Default for Words {
    fn default() -> Self {
        Words {
            vocab: vocabulary(),
        }
    }
}

impl Words {
    pub fn sentence(&self, r: &mut Lcg, n: usize) -> String {
        let mut s = String::new();
        for k in 0..n {
            if k > 0 {
                s.push(' ');
            }
            let w = if r.next().is_multiple_of(2) {
                &self.vocab[r.next() % COMMON.len()]
            } else {
                let u = (r.next() % 10_000) as f64 / 10_000.0;
                &self.vocab[((u * u) * self.vocab.len() as f64) as usize]
            };
            s.push_str(w);
        }
        s
    }
}

/// A resolution of `n` paragraphs (a tenth preambular) of `min..min+spread` words each.
pub fn generated(n: usize, min: usize, spread: usize) -> Document {
    let words = Words::default();
    let mut r = Lcg(42);
    let mut d = Document {
        authoring_body: "The General Assembly".into(),
        first_number: 1,
        ..Document::default()
    };
    d.header.title = "A generated resolution of great length".into();
    for i in 0..n {
        let len = min + r.next() % spread.max(1);
        let mut text = format!("{} {};", words.sentence(&mut r, len), i);
        if i % 25 == 7 && i > 10 {
            text = format!(
                "the work referred to in paragraph {} above, {}",
                i - 5,
                text
            );
        }
        let p = Paragraph::new(
            Id::new(format!("p{i}")),
            VERBS[r.next() % VERBS.len()],
            text,
        );
        if i < n / 10 {
            d.preamble.push(Paragraph::new(p.id, "Recalling", p.text));
        } else {
            d.operative.push(p);
        }
    }
    d
}

/// How a revision differs from its base.
#[derive(Debug, Clone, Copy)]
pub struct Changes {
    /// Paragraphs given a few words more.
    pub edits: usize,
    /// Paragraphs deleted, and as many new ones inserted elsewhere.
    pub replaced: usize,
    /// Paragraphs moved to another place.
    pub moves: usize,
}

impl Changes {
    /// About 10 % of the paragraphs edited or replaced, 1 % moved.
    pub fn tenth(n: usize) -> Self {
        Changes {
            edits: n * 8 / 100,
            replaced: n * 2 / 100,
            moves: n / 100,
        }
    }
}

/// The next revision of `old`.
pub fn revised(old: &Document, c: Changes) -> Document {
    let words = Words::default();
    let mut r = Lcg(7);
    let mut d = old.clone();
    let n = d.operative.len();
    for _ in 0..c.edits {
        let i = r.next() % n;
        let p = &mut d.operative[i];
        let cut = p
            .text
            .char_indices()
            .filter(|(_, ch)| *ch == ' ')
            .nth(r.next() % 12)
            .map_or(0, |(k, _)| k);
        p.text = format!(
            "{} {}{}",
            &p.text[..cut],
            words.sentence(&mut r, 3),
            &p.text[cut..]
        );
    }
    for k in 0..c.replaced {
        let i = r.next() % d.operative.len();
        d.operative.remove(i);
        let j = r.next() % d.operative.len();
        let text = format!("{};", words.sentence(&mut r, 40));
        d.operative
            .insert(j, Paragraph::new(Id::new(format!("n{k}")), "Decides", text));
    }
    for _ in 0..c.moves {
        let i = r.next() % d.operative.len();
        let p = d.operative.remove(i);
        let j = r.next() % d.operative.len();
        d.operative.insert(j, p);
    }
    d
}

/// The same text with fresh ids, as a separate import would give it.
pub fn reimported(d: &Document) -> Document {
    let mut d = d.clone();
    for (k, p) in d
        .preamble
        .iter_mut()
        .chain(d.operative.iter_mut())
        .enumerate()
    {
        p.id = Id::new(format!("x{k}"));
    }
    d
}
