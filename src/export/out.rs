//! The text of the text and Markdown exports, written block by block into one string sized
//! once for the document: blocks separated by a blank line, a newline at the end. (Collected
//! and joined, a 100,000-paragraph draft's text was held twice, then copied again to add the
//! last newline.)

use crate::model::Document;

/// Blocks of text separated by a blank line.
pub(super) struct Blocks {
    out: String,
    /// The blocks written.
    n: usize,
    /// Written before each block (`"> "` for a quotation in Markdown).
    pub prefix: &'static str,
}

impl Blocks {
    /// Room for the text of `doc` at `width` columns (see [`capacity`]).
    pub fn new(doc: &Document, width: usize) -> Self {
        Blocks {
            out: String::with_capacity(capacity(doc, width)),
            n: 0,
            prefix: "",
        }
    }

    /// A block.
    pub fn push(&mut self, block: impl AsRef<str>) {
        self.lines(&[block], "");
    }

    /// A block of lines joined by `sep`.
    pub fn lines<S: AsRef<str>>(&mut self, lines: &[S], sep: &str) {
        if self.n > 0 {
            self.out.push_str("\n\n");
        }
        self.n += 1;
        self.out.push_str(self.prefix);
        for (i, l) in lines.iter().enumerate() {
            if i > 0 {
                self.out.push_str(sep);
            }
            self.out.push_str(l.as_ref());
        }
    }

    /// The text, with its last newline.
    pub fn finish(mut self) -> String {
        self.out.push('\n');
        self.out
    }
}

/// Room for the text of `doc` at `width`: its texts with the indents of their wrapped
/// lines, a label and a blank line a paragraph (more than a text needs, which costs no
/// memory until written).
fn capacity(doc: &Document, width: usize) -> usize {
    let (mut bytes, mut paragraphs) = (0, 0);
    doc.walk(&mut |p, _| {
        bytes += p.lead.len() + p.text.len();
        paragraphs += 1;
    });
    bytes += doc.footnotes.iter().map(|f| f.text.len()).sum::<usize>();
    bytes + bytes / width.max(20) * 16 + 32 * paragraphs + 4096
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_joined_by_a_blank_line_and_end_with_a_newline() {
        let doc = Document::default();
        let mut b = Blocks::new(&doc, 80);
        b.push("one");
        b.lines(&["a", "b"], "  \n");
        b.prefix = "> ";
        b.push("");
        assert_eq!(b.finish(), "one\n\na  \nb\n\n> \n");
        assert_eq!(Blocks::new(&doc, 80).finish(), "\n");
    }
}
