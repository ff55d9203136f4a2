//! The fast path of reading a draft file: a reader for the layout [`super::emit`] writes (one
//! `key = value` a line, one-line basic strings, plain integers and booleans, lists of
//! strings, table headers naming paragraphs in order) that fills the same [`FileV1`] serde
//! fills from `toml`, id spans included, without the generic tree `toml` builds first
//! (for a 100,000-paragraph draft that tree was most of the time and of the memory).
//!
//! It reads a line only when it reads it exactly as TOML does, and gives up (`None`) on
//! anything else: other spellings of values (literal or multi-line strings, `+1`, `1_000`),
//! comments after values, unknown keys or tables, duplicate keys or tables, missing required
//! keys, the `[negotiation]` tables. The caller then parses the file with `toml`, so the
//! result, and every error message with its line, is the same either way. The header table
//! is handed to `toml` on its own (a few lines).

mod items;

use super::schema::{DocMut, FileV1, RevisionFile};
use crate::model::{DocKind, Header, ListStyle};
use items::{Item, item, spanned};
use toml::Spanned;

/// Reads `text` as a draft file in the emitted layout, or `None` where `toml` must read it.
pub(super) fn read(text: &str) -> Option<FileV1> {
    Pieces::new().last(text)
}

/// A draft file read piece by piece (see [`super::stream`]), so the whole text need not be
/// held beside the draft it becomes: what the reader knows at the end of one piece and
/// needs in the next. Each piece but the last ends just before a line that opens with `[`
/// (a table header when the whole text reads by this reader), so no table or value is cut
/// but a multi-line list, which fails the read. Read so, a file gives what [`read`] gives
/// of its whole text, and `None` where that gives `None` or a list is cut.
pub(super) struct Pieces {
    file: FileV1,
    table: Table,
    /// The keys of the current table read so far, one bit each (see [`Reader::key_bit`]).
    seen: u32,
    top_header: bool,
    /// Whether the last revision opened its `[revisions.document]` (and its header).
    revision_doc: bool,
    revision_header: bool,
    /// The bytes of the file in the pieces before (for the spans).
    base: usize,
}

impl Pieces {
    pub(super) fn new() -> Self {
        Pieces {
            file: FileV1::blank(),
            table: Table::Root,
            seen: 0,
            top_header: false,
            revision_doc: false,
            revision_header: false,
            base: 0,
        }
    }

    /// Reads a piece that is not the last: its last table ends with it.
    pub(super) fn piece(&mut self, text: &str) -> Option<()> {
        let mut r = Reader::new(self, text)?;
        r.tables()?;
        r.close_table()?;
        r.st.table = Table::Root;
        self.base += text.len();
        Some(())
    }

    /// Reads the last piece (or the whole text) and gives the file.
    pub(super) fn last(mut self, text: &str) -> Option<FileV1> {
        Reader::new(&mut self, text)?.run()?;
        Some(self.file)
    }
}

/// The table the keys being read belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Table {
    Root,
    /// `[header]` or `[revisions.document.header]`: handed to `toml` when it ends.
    Header {
        revision: bool,
    },
    Revision,
    /// `[revisions.document]`: the keys of a document's top.
    RevisionDoc,
    /// An array-of-tables element: whether inside the last revision, and the path below the
    /// document ("operative.subparagraphs").
    Item {
        revision: bool,
        path: String,
    },
}

struct Reader<'a> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
    /// Where the current header table's keys start.
    header_at: Option<usize>,
    /// The draft read so far and the table open (see [`Pieces`]).
    st: &'a mut Pieces,
}

/// A value as written after `key = `.
enum Value {
    Str(Spanned<String>),
    Int(u64),
    Bool(bool),
    List(Vec<String>),
}

impl Value {
    fn string(self) -> Option<String> {
        self.spanned().map(Spanned::into_inner)
    }
    fn spanned(self) -> Option<Spanned<String>> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
    fn int<T: TryFrom<u64>>(self) -> Option<T> {
        match self {
            Value::Int(n) => T::try_from(n).ok(),
            _ => None,
        }
    }
    fn bool(self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }
    fn list(self) -> Option<Vec<String>> {
        match self {
            Value::List(l) => Some(l),
            _ => None,
        }
    }
}

/// Whether a byte may not stand raw in a TOML string or comment (controls but tab).
fn forbidden(c: u8) -> bool {
    // Without branches, for passes over many bytes.
    ((c < 0x20) & (c != b'\t')) | (c == 0x7f)
}

impl<'a> Reader<'a> {
    fn new(st: &'a mut Pieces, text: &'a str) -> Option<Self> {
        if text.contains('\r') {
            return None;
        }
        Some(Reader {
            text,
            b: text.as_bytes(),
            pos: 0,
            header_at: None,
            st,
        })
    }

    /// Reads to the end and checks the file is whole.
    fn run(&mut self) -> Option<()> {
        self.tables()?;
        self.close_table()?;
        let revision_without_document = !self.st.file.revisions.is_empty() && !self.st.revision_doc;
        (self.st.file._format != 0 && !revision_without_document).then_some(())
    }

    /// Reads the lines of the text, the last table left open.
    fn tables(&mut self) -> Option<()> {
        loop {
            self.skip_blank();
            let Some(&c) = self.b.get(self.pos) else {
                break;
            };
            match c {
                b'\n' => self.pos += 1,
                b'#' => self.comment()?,
                b'[' => self.table_header()?,
                _ if matches!(self.st.table, Table::Header { .. }) => self.skip_line(),
                _ => self.key_value()?,
            }
        }
        Some(())
    }

    fn skip_blank(&mut self) {
        while matches!(self.b.get(self.pos), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn skip_line(&mut self) {
        self.pos = self.b[self.pos..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(self.b.len(), |i| self.pos + i + 1);
    }

    /// A comment up to the end of the line (its characters checked as TOML does).
    fn comment(&mut self) -> Option<()> {
        let end = self.b[self.pos..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(self.b.len(), |i| self.pos + i);
        if self.b[self.pos + 1..end].iter().any(|&c| forbidden(c)) {
            return None;
        }
        self.pos = end;
        Some(())
    }

    /// After a value or a header: blanks, perhaps a comment, then the end of the line.
    fn end_of_line(&mut self) -> Option<()> {
        self.skip_blank();
        if self.b.get(self.pos) == Some(&b'#') {
            self.comment()?;
        }
        match self.b.get(self.pos) {
            None => Some(()),
            Some(b'\n') => {
                self.pos += 1;
                Some(())
            }
            Some(_) => None,
        }
    }

    /// The bits of the keys each kind of table must have.
    fn required(&self) -> u32 {
        match &self.st.table {
            Table::Root | Table::Header { .. } | Table::RevisionDoc => 0,
            Table::Revision => 1,
            Table::Item { path, .. } => match path.rsplit('.').next() {
                Some("headings") => 1 | 1 << 4,
                Some("footnotes") => 0b111,
                _ => 1,
            },
        }
    }

    /// Ends the current table: required keys present, a header table parsed.
    fn close_table(&mut self) -> Option<()> {
        let required = self.required();
        if self.st.seen & required != required {
            return None;
        }
        if let Table::Header { revision } = self.st.table {
            let start = self.header_at.take()?;
            let header: Header = toml::from_str(&self.text[start..self.pos]).ok()?;
            let doc = if revision {
                &mut self.st.file.revisions.last_mut()?.document.header
            } else {
                &mut self.st.file.header
            };
            *doc = header;
        }
        Some(())
    }

    fn table_header(&mut self) -> Option<()> {
        self.close_table()?;
        let array = self.b.get(self.pos + 1) == Some(&b'[');
        let open = if array { 2 } else { 1 };
        let start = self.pos + open;
        let len = self.b[start..]
            .iter()
            .position(|&c| !(c.is_ascii_lowercase() || c == b'_' || c == b'.'))?;
        let name = &self.text[start..start + len];
        let close = if array { "]]" } else { "]" };
        if !self.text[start + len..].starts_with(close) {
            return None;
        }
        self.pos = start + len + close.len();
        self.end_of_line()?;
        self.st.seen = 0;
        let (revision, path) = match name.strip_prefix("revisions.document.") {
            Some(p) => (true, p),
            None => (false, name),
        };
        self.st.table = match (array, name) {
            (false, "header") => {
                if std::mem::replace(&mut self.st.top_header, true) {
                    return None;
                }
                self.header_at = Some(self.pos);
                Table::Header { revision: false }
            }
            (false, "revisions.document.header") => {
                if !self.st.revision_doc || std::mem::replace(&mut self.st.revision_header, true) {
                    return None;
                }
                self.header_at = Some(self.pos);
                Table::Header { revision: true }
            }
            (false, "revisions.document") => {
                if self.st.file.revisions.is_empty()
                    || std::mem::replace(&mut self.st.revision_doc, true)
                {
                    return None;
                }
                Table::RevisionDoc
            }
            (true, "revisions") => {
                if !self.st.file.revisions.is_empty() && !self.st.revision_doc {
                    return None; // the previous revision has no document
                }
                self.st.revision_doc = false;
                self.st.revision_header = false;
                self.st.file.revisions.push(RevisionFile {
                    label: spanned(),
                    date: String::new(),
                    note: String::new(),
                    document: super::schema::DocFile::blank(),
                });
                Table::Revision
            }
            (true, _) => {
                if revision && !self.st.revision_doc {
                    return None;
                }
                let segments: Vec<&str> = path.split('.').collect();
                item(self.doc(revision)?, &segments, true)?;
                Table::Item {
                    revision,
                    path: path.to_string(),
                }
            }
            (false, _) => return None,
        };
        Some(())
    }

    fn doc(&mut self, revision: bool) -> Option<DocMut<'_>> {
        if revision {
            Some(self.st.file.revisions.last_mut()?.document.doc_mut())
        } else {
            Some(self.st.file.doc_mut())
        }
    }

    /// The bit of a key in the current table (each key may be given once); `None` for a key
    /// the table does not have.
    fn key_bit(&self, key: &str) -> Option<u32> {
        let keys: &[&str] = match &self.st.table {
            Table::Root => &["format", "kind", "authoring_body", "first_number", "notes"],
            Table::RevisionDoc => &["", "kind", "authoring_body", "first_number", "notes"],
            Table::Revision => &["label", "date", "note"],
            Table::Header { .. } => &[],
            Table::Item { path, .. } => match path.rsplit('.').next()? {
                "headings" => &["id", "level", "label", "heading", "before"],
                "parts" => &["id", "label", "heading"],
                "sections" => &["id", "level", "label", "heading", "numbered"],
                "annexes" => &["id", "label", "title", "numbered"],
                "footnotes" => &["id", "anchor", "text"],
                _ => &["id", "lead", "text", "list_style"],
            },
        };
        let i = keys.iter().position(|k| *k == key && !k.is_empty())?;
        Some(1 << i)
    }

    fn key_value(&mut self) -> Option<()> {
        let start = self.pos;
        let len = self.b[start..]
            .iter()
            .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c == b'-'))?;
        let key = &self.text[start..start + len];
        self.pos += len;
        self.skip_blank();
        if self.b.get(self.pos) != Some(&b'=') {
            return None;
        }
        self.pos += 1;
        self.skip_blank();
        let bit = self.key_bit(key)?;
        if self.st.seen & bit != 0 {
            return None;
        }
        self.st.seen |= bit;
        let value = self.value()?;
        self.end_of_line()?;
        self.set(key, value)
    }

    fn set(&mut self, key: &str, v: Value) -> Option<()> {
        match self.st.table.clone() {
            Table::Root | Table::RevisionDoc => {
                if key == "format" {
                    self.st.file._format = v.int()?;
                    return (self.st.file._format != 0).then_some(());
                }
                let doc = self.doc(self.st.table == Table::RevisionDoc)?;
                match key {
                    "kind" => *doc.kind = DocKind::from_name(&v.string()?)?,
                    "authoring_body" => *doc.authoring_body = v.string()?,
                    "first_number" => *doc.first_number = v.int()?,
                    "notes" => *doc.notes = v.list()?,
                    _ => return None,
                }
            }
            Table::Revision => {
                let r = self.st.file.revisions.last_mut()?;
                match key {
                    "label" => r.label = v.spanned()?,
                    "date" => r.date = v.string()?,
                    "note" => r.note = v.string()?,
                    _ => return None,
                }
            }
            Table::Header { .. } => return None,
            Table::Item { revision, path } => {
                let segments: Vec<&str> = path.split('.').collect();
                match (item(self.doc(revision)?, &segments, false)?, key) {
                    (Item::Para(p), "id") => p.id = v.spanned()?,
                    (Item::Para(p), "lead") => p.lead = v.string()?,
                    (Item::Para(p), "text") => p.text = v.string()?,
                    (Item::Para(p), "list_style") => {
                        p.list_style = match v.string()?.as_str() {
                            "default" => ListStyle::Default,
                            "numeric" => ListStyle::Numeric,
                            "quoted" => ListStyle::Quoted,
                            _ => return None,
                        }
                    }
                    (Item::Heading(h), "id") => h.id = v.spanned()?,
                    (Item::Heading(h), "level") => h.level = v.int()?,
                    (Item::Heading(h), "label") => h.label = v.string()?,
                    (Item::Heading(h), "heading") => h.heading = v.string()?,
                    (Item::Heading(h), "before") => h.before = v.spanned()?,
                    (Item::Part(p), "id") => p.id = v.spanned()?,
                    (Item::Part(p), "label") => p.label = v.string()?,
                    (Item::Part(p), "heading") => p.heading = v.string()?,
                    (Item::Section(s), "id") => s.id = v.spanned()?,
                    (Item::Section(s), "level") => s.level = v.int()?,
                    (Item::Section(s), "label") => s.label = v.string()?,
                    (Item::Section(s), "heading") => s.heading = v.string()?,
                    (Item::Section(s), "numbered") => s.numbered = v.bool()?,
                    (Item::Annex(a), "id") => a.id = v.spanned()?,
                    (Item::Annex(a), "label") => a.label = v.string()?,
                    (Item::Annex(a), "title") => a.title = v.string()?,
                    (Item::Annex(a), "numbered") => a.numbered = v.bool()?,
                    (Item::Footnote(f), "id") => f.id = v.spanned()?,
                    (Item::Footnote(f), "anchor") => f.anchor = v.spanned()?,
                    (Item::Footnote(f), "text") => f.text = v.string()?,
                    _ => return None,
                }
            }
        }
        Some(())
    }

    fn value(&mut self) -> Option<Value> {
        let rest = &self.b[self.pos..];
        match rest.first()? {
            b'"' => self.basic().map(Value::Str),
            b'[' => self.list().map(Value::List),
            b't' if rest.starts_with(b"true") => {
                self.pos += 4;
                Some(Value::Bool(true))
            }
            b'f' if rest.starts_with(b"false") => {
                self.pos += 5;
                Some(Value::Bool(false))
            }
            b'0'..=b'9' => {
                let len = rest
                    .iter()
                    .position(|c| !c.is_ascii_digit())
                    .unwrap_or(rest.len());
                if len > 1 && rest[0] == b'0' {
                    return None; // a leading zero is not TOML
                }
                let n = self.text[self.pos..self.pos + len].parse().ok()?;
                self.pos += len;
                // "1.5", "1e3", "1979-05-27" are other types
                if self
                    .b
                    .get(self.pos)
                    .is_some_and(|c| !matches!(c, b' ' | b'\t' | b'\n' | b'#'))
                {
                    return None;
                }
                Some(Value::Int(n))
            }
            _ => None,
        }
    }

    /// A list of basic strings, on one line or several (no comments inside).
    fn list(&mut self) -> Option<Vec<String>> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            self.skip_space();
            match self.b.get(self.pos)? {
                b']' => {
                    self.pos += 1;
                    return Some(out);
                }
                b'"' => out.push(self.basic()?.into_inner()),
                _ => return None,
            }
            self.skip_space();
            match self.b.get(self.pos)? {
                b',' => self.pos += 1,
                b']' => {}
                _ => return None,
            }
        }
    }

    /// Blanks and newlines (inside a list).
    fn skip_space(&mut self) {
        while matches!(self.b.get(self.pos), Some(b' ' | b'\t' | b'\n')) {
            self.pos += 1;
        }
    }

    /// A one-line basic string, with its span (quotes included, as `toml` gives it).
    fn basic(&mut self) -> Option<Spanned<String>> {
        let start = self.pos;
        let b = self.b;
        let mut i = start + 1;
        if b.get(i) == Some(&b'"') {
            if b.get(i + 1) == Some(&b'"') {
                return None; // a multi-line string
            }
            self.pos = i + 1;
            return Some(Spanned::new(
                self.st.base + start..self.st.base + self.pos,
                String::new(),
            ));
        }
        let mut out = String::new();
        let mut from = i;
        loop {
            // To the next quote or escape (memchr), then the bytes passed checked at once.
            let next = i + memchr::memchr2(b'"', b'\\', b.get(i..)?)?;
            if b[i..next].iter().fold(false, |bad, &c| bad | forbidden(c)) {
                return None;
            }
            i = next;
            if b[i] == b'"' {
                break;
            }
            out.push_str(&self.text[from..i]);
            let (ch, len) = escape(&self.text[i + 1..])?;
            out.push(ch);
            i += 1 + len;
            from = i;
        }
        if out.is_empty() {
            out = self.text[from..i].to_string();
        } else {
            out.push_str(&self.text[from..i]);
        }
        self.pos = i + 1;
        Some(Spanned::new(
            self.st.base + start..self.st.base + self.pos,
            out,
        ))
    }
}

/// The character of an escape (after its backslash) and the bytes it takes.
fn escape(s: &str) -> Option<(char, usize)> {
    let c = *s.as_bytes().first()?;
    let hex = |n: usize| {
        let digits = s.get(1..1 + n)?;
        if !digits.bytes().all(|d| d.is_ascii_hexdigit()) {
            return None;
        }
        let ch = char::from_u32(u32::from_str_radix(digits, 16).ok()?)?;
        Some((ch, 1 + n))
    };
    match c {
        b'"' => Some(('"', 1)),
        b'\\' => Some(('\\', 1)),
        b'n' => Some(('\n', 1)),
        b't' => Some(('\t', 1)),
        b'r' => Some(('\r', 1)),
        b'b' => Some(('\u{8}', 1)),
        b'f' => Some(('\u{c}', 1)),
        b'u' => hex(4),
        b'U' => hex(8),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
