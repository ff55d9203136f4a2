//! Reading PDF files into the common [`Line`](super::lines::Line) form, with `pdf_oxide` (pure
//! Rust; text spans with their font, size and position): [`rows`] groups a page's spans into
//! rows and their text, [`layout`] lays them out as lines. What the PDF knows and plain text
//! loses is kept: italic spans become `*…*` (so opening phrases come from the document
//! itself), superscript digits (smaller than the text) become superscript markers (`Rights,²`,
//! never ambiguous), page furniture is told by its position (the running head, set small at the
//! top of each page after the first; the job number and page counter below the footnotes), and
//! each line's page, indent, baseline, size, bold and place in its paragraph (first-line indent
//! or left edge) go into its [`Style`](super::lines::Style) for the recogniser.
//!
//! The crate runs on its own thread under `catch_unwind` with a time limit on each step, so a
//! damaged or hostile file gives an error, never a panic or a hang.
//!
//! Pages are read on up to four threads, each with a `PdfDocument` of its own: the crate's
//! document is `Sync`, but sharing one between threads is not safe (see [`extract`]).

mod layout;
mod rows;
mod table;

pub use layout::Pdf;
use pdf_oxide::PdfDocument;
use rows::{Page, Span};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

/// The most pages read.
pub const MAX_PAGES: usize = 3000;
/// How long one step of reading (opening the file, reading one page, laying the pages out)
/// may take before reading is abandoned as hung. It bounds a step, not the whole document: a
/// real page takes milliseconds of CPU, so even a CI machine loaded many times over finishes
/// each step far inside it, however many pages the document has, while a file that sends the
/// crate into a loop is given up after this long.
pub const TIME_LIMIT: Duration = Duration::from_secs(30);

/// What the reader thread tells the caller.
enum Event {
    /// A step is done (the file opened, a page read, all pages read): the time limit starts
    /// again.
    Step,
    /// Reading ended: the result, or the panic it ended in.
    Done(std::thread::Result<Result<Pdf, String>>),
}

/// Reads a PDF from its bytes.
pub fn read(bytes: Vec<u8>) -> Result<Pdf, String> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("pdf-reader".into())
        .spawn(move || {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let pages = extract(bytes, &tx)?;
                let _ = tx.send(Event::Step);
                Ok(layout::layout(&pages))
            }));
            let _ = tx.send(Event::Done(r));
        })
        .map_err(|e| format!("cannot start the PDF reader: {e}"))?;
    loop {
        match rx.recv_timeout(TIME_LIMIT) {
            Ok(Event::Step) => {}
            Ok(Event::Done(Ok(r))) => return r,
            Ok(Event::Done(Err(_))) | Err(RecvTimeoutError::Disconnected) => {
                return Err("the PDF reader failed on this file (is it damaged?)".into());
            }
            Err(RecvTimeoutError::Timeout) => {
                return Err(format!(
                    "reading made no progress for {} s; giving up (is the file damaged?)",
                    TIME_LIMIT.as_secs()
                ));
            }
        }
    }
}

/// Opens a document from its bytes.
fn open(bytes: Vec<u8>) -> Result<PdfDocument, String> {
    PdfDocument::from_bytes(bytes).map_err(|e| format!("not a readable PDF ({e})"))
}

/// Runs the crate over every page, telling `progress` of each page read.
///
/// Pages are read on up to four threads (a 56-page resolution reads in half the time on two
/// cores), and each thread reads from a `PdfDocument` of its own, never one shared. The crate
/// (0.3) reads every object through one shared reader whose position is part of its state: a
/// cold load of an object seeks to it and reads its header under one lock, then reads its body
/// from wherever the reader is under a second one, and the whole load is serialised against
/// other loads only. The light look at an XObject's `/Subtype` that text extraction makes at
/// each `Do` (`is_form_xobject`) seeks and reads without that serialisation, so when it runs
/// on another thread between the two halves of a load (a window of microseconds, hit when the
/// loading thread is preempted there, as on a machine under load), the load reads the image's
/// bytes as the object's body, fails to parse them and caches the object as null for good. A
/// page object lost so makes the page tree and the crate's fallback scan miss it ("Page index 7
/// not found by scanning" for the last page of an eight-page resolution with images on its
/// first page); a lost content stream or font would silently drop or garble text instead. No
/// prefetching or retry on a shared document removes that (the null stays cached, and any cold
/// object can be hit), so nothing of a document is shared: the threads only share the bytes,
/// each opening its own copy (as the crate's own `parallel` feature does).
fn extract(bytes: Vec<u8>, progress: &Sender<Event>) -> Result<Vec<Page>, String> {
    let doc = open(bytes)?;
    let encrypted = doc.is_encrypted();
    let n = doc.page_count().map_err(|e| {
        if encrypted {
            "an encrypted (password-protected) PDF".to_string()
        } else {
            format!("cannot read the page list ({e})")
        }
    })?;
    if n == 0 {
        return Err("a PDF with no pages".into());
    }
    if n > MAX_PAGES {
        return Err(format!(
            "{n} pages; the limit is {MAX_PAGES} (not a resolution or report)"
        ));
    }
    let _ = progress.send(Event::Step);
    let workers = std::thread::available_parallelism()
        .map_or(1, |w| w.get())
        .clamp(1, 4)
        .min(n);
    let doc = &doc;
    let mut pages: Vec<Option<Result<Page, String>>> = (0..n).map(|_| None).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let progress = progress.clone();
                scope.spawn(move || {
                    // The first thread reads the document already open; each other one
                    // opens its own from the same bytes.
                    let own = match w {
                        0 => None,
                        _ => Some(open(doc.source_bytes.clone())),
                    };
                    let doc = match &own {
                        None => Ok(doc),
                        Some(Ok(d)) => Ok(d),
                        Some(Err(e)) => Err(e.clone()),
                    };
                    (w..n)
                        .step_by(workers)
                        .map(|p| {
                            let r = doc.clone().and_then(|d| page(d, p, encrypted));
                            let _ = progress.send(Event::Step);
                            (p, r)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            // A panic in a worker goes on to the caller's `catch_unwind`.
            let done = h.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            for (p, r) in done {
                pages[p] = Some(r);
            }
        }
    });
    let pages = pages
        .into_iter()
        .map(|p| p.unwrap_or_else(|| Err("a page was not read".into())))
        .collect::<Result<Vec<Page>, String>>()?;
    if pages.iter().all(|p| p.spans.is_empty()) {
        return Err(if encrypted {
            "an encrypted (password-protected) PDF: its text cannot be read".into()
        } else {
            "no text in this PDF (a scanned document? resdraft reads the text of a PDF, \
             it does not recognise images of text)"
                .into()
        });
    }
    Ok(pages)
}

/// The widest (in ems) a space the crate puts inside a word may be: where a PDF sets a word
/// in two pieces (`meetin` + `g`) the crate may join them with a narrow space of its own
/// (0.07–0.12 em on the real corpus), while a space between words is a space glyph (0.16 em
/// and more, 0.25 em in Times).
const FALSE_SPACE_EM: f32 = 0.135;

/// A span's text without the narrow spaces the crate set between two pieces of one word or
/// number (`meetin g,` → `meeting,`; `202 4` → `2024`), told by their advance width; a space
/// before punctuation that closes or joins (`stimulus ,`, `Secretary -General`) goes too.
fn without_false_spaces(text: String, widths: &[f32], size: f32) -> String {
    let chars: Vec<char> = text.chars().collect();
    if widths.len() != chars.len() || !chars.contains(&' ') {
        return text;
    }
    let joins = |c: char| c.is_alphanumeric() || matches!(c, ',' | ';' | ':' | '-' | ')');
    let false_space = |k: usize| {
        chars[k] == ' '
            && k > 0
            && k + 1 < chars.len()
            && chars[k - 1].is_alphanumeric()
            && joins(chars[k + 1])
            && widths[k] < FALSE_SPACE_EM * size
    };
    if !(0..chars.len()).any(false_space) {
        return text;
    }
    (0..chars.len())
        .filter(|&k| !false_space(k))
        .map(|k| chars[k])
        .collect()
}

/// Reads one page's spans.
fn page(doc: &PdfDocument, p: usize, encrypted: bool) -> Result<Page, String> {
    let (_, y0, _, y1) = doc
        .get_page_media_box(p)
        .unwrap_or((0.0, 0.0, 612.0, 792.0));
    let height = (y1 - y0).abs().max(1.0);
    let spans = match doc.extract_spans_with_config(p, Default::default()) {
        Ok(s) => s,
        Err(e) if encrypted => {
            return Err(format!(
                "an encrypted (password-protected) PDF: its text cannot be read ({e})"
            ));
        }
        Err(e) => return Err(format!("page {}: {e}", p + 1)),
    };
    let spans = spans
        .into_iter()
        .filter(|s| !s.text.trim().is_empty() && s.font_size.is_finite() && s.font_size > 0.0)
        .map(|s| {
            let font = s.font_name.to_ascii_lowercase();
            let bottom_up = s.bbox.y - y0.min(y1);
            Span {
                x0: s.bbox.x,
                x1: s.bbox.x + s.bbox.width.max(0.0),
                bottom: height - bottom_up,
                size: s.font_size,
                italic: s.is_italic || font.contains("italic") || font.contains("oblique"),
                bold: s.font_weight as u32 >= 600 || font.contains("bold"),
                text: without_false_spaces(s.text, &s.char_widths, s.font_size),
            }
        })
        .collect();
    Ok(Page { height, spans })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_spaces_inside_a_word_are_dropped() {
        // "of the meetin g," as the crate gives it: real spaces 0.25 em, the false one 0.1 em.
        let text = "the meetin g, 202 4 and";
        let mut widths = vec![5.0; text.chars().count()];
        for (k, c) in text.chars().enumerate() {
            if c == ' ' {
                widths[k] = 2.5;
            }
        }
        widths[10] = 1.0;
        widths[17] = 0.7;
        assert_eq!(
            without_false_spaces(text.into(), &widths, 10.0),
            "the meeting, 2024 and"
        );
        // Without widths for every character nothing is changed.
        assert_eq!(without_false_spaces(text.into(), &widths[1..], 10.0), text);
    }
}
