//! The editorial check off the key path: a worker thread checks the document as it was after
//! the latest change, so a key that changes a long draft costs a copy of the document
//! rather than the whole check. Each result carries the generation of the document it was
//! made for (see [`super::app::App::generation`]); the editor shows findings only while they
//! are of the current generation ("checking…" in the status bar meanwhile) and never shows
//! the findings of an older text as current.
//!
//! Requests arriving while a check runs are coalesced: only the latest is checked. The worker
//! keeps a [`check::Memo`], so it re-reads only the paragraphs whose words changed.

use crate::check::{self, Finding};
use crate::model::Document;
use std::sync::mpsc::{self, Receiver, Sender};

/// A worker thread running the check.
#[derive(Debug)]
pub struct Checker {
    requests: Sender<(u64, Document)>,
    results: Receiver<(u64, Vec<Finding>)>,
}

impl Checker {
    /// Starts the worker; `None` when no thread can be started (the editor then checks on
    /// the key path).
    pub fn start() -> Option<Checker> {
        let (requests, inbox) = mpsc::channel::<(u64, Document)>();
        let (outbox, results) = mpsc::channel();
        std::thread::Builder::new()
            .name("check".into())
            .spawn(move || {
                let mut memo = check::Memo::default();
                while let Ok(mut job) = inbox.recv() {
                    while let Ok(newer) = inbox.try_recv() {
                        job = newer;
                    }
                    let findings = memo.check(&job.1);
                    if outbox.send((job.0, findings)).is_err() {
                        break;
                    }
                }
            })
            .ok()?;
        Some(Checker { requests, results })
    }

    /// Asks for the check of `doc` at `generation`; false when the worker is gone.
    pub fn request(&self, generation: u64, doc: Document) -> bool {
        self.requests.send((generation, doc)).is_ok()
    }

    /// The newest result that arrived, without waiting.
    pub fn latest(&self) -> Option<(u64, Vec<Finding>)> {
        self.results.try_iter().last()
    }

    /// Waits for the result of `generation` (the latest one asked for); `None` when the
    /// worker is gone.
    pub fn wait(&self, generation: u64) -> Option<Vec<Finding>> {
        loop {
            let (g, findings) = self.results.recv().ok()?;
            if g == generation {
                return Some(findings);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Id, Paragraph};

    #[test]
    fn results_name_their_generation_and_only_the_latest_counts() {
        let checker = Checker::start().expect("a thread");
        let mut doc = Document::new(DocKind::Resolution);
        doc.operative
            .push(Paragraph::new(Id::new("p1"), "Decides", "to act"));
        assert!(checker.request(1, doc.clone()));
        doc.operative[0].text = "to act.".into();
        assert!(checker.request(2, doc.clone()));
        let findings = checker.wait(2).expect("worker runs");
        assert_eq!(findings, check::check(&doc));
        assert!(checker.latest().is_none_or(|(g, _)| g <= 2));
    }
}
