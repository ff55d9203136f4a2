//! What the editor has to tell about the draft as a list (W): the warnings of the import the
//! draft came from (`resdraft edit X.txt`), each tied to the paragraph it is about, and the
//! editorial-check findings. Enter on one selects its paragraph.

use super::app::App;
use super::dialog::Dialog;
use crate::import::Warning;
use crate::markup;
use crate::model::{Document, Id};

/// An import warning and the paragraph it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub message: String,
    pub paragraph: Option<Id>,
}

/// One entry of the list: what it says and where it jumps.
pub struct Entry {
    pub text: String,
    pub paragraph: Option<Id>,
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Ties each import warning to the paragraph that holds the source line it names: the first
/// paragraph whose words contain the line's words (or the next lines' when the line is too
/// short to tell); `None` when no paragraph does (a line of the header, before the authoring
/// body, or a line left out).
pub fn tie(doc: &Document, source: &str, warnings: &[Warning]) -> Vec<Notice> {
    let lines: Vec<&str> = source.lines().collect();
    let paras: Vec<(Id, String)> = doc
        .paragraphs()
        .into_iter()
        .map(|(p, _)| {
            let w = words(&format!("{} {}", p.lead, markup::strip(&p.text)));
            (p.id.clone(), format!(" {} ", w.join(" ")))
        })
        .collect();
    // Lines before the authoring body ("The General Assembly,") are the header's.
    let body = doc.authoring_body.trim();
    let body_start = if body.is_empty() {
        0
    } else {
        lines
            .iter()
            .position(|l| l.trim().starts_with(body))
            .unwrap_or(0)
    };
    warnings
        .iter()
        .map(|w| {
            let mut paragraph = None;
            let in_header = w.line.saturating_sub(1) < body_start;
            for k in (0..4).filter(|_| !in_header) {
                let Some(line) = w.line.checked_sub(1).and_then(|i| lines.get(i + k)) else {
                    break;
                };
                let lw = words(line);
                // The line as it reads, then without a leading number or label ("1.", "(a)").
                for skip in 0..=1 {
                    if lw.len() < skip + 3 {
                        break;
                    }
                    let needle = format!(" {} ", lw[skip..].join(" "));
                    if let Some((id, _)) = paras.iter().find(|(_, t)| t.contains(&needle)) {
                        paragraph = Some(id.clone());
                        break;
                    }
                }
                if paragraph.is_some() {
                    break;
                }
            }
            Notice {
                message: format!("line {}: {}", w.line, w.message),
                paragraph,
            }
        })
        .collect()
}

/// The entries of the list: import warnings, then check findings.
pub fn entries(app: &App) -> Vec<Entry> {
    let doc = &app.draft.document;
    let name = |id: &Option<Id>| {
        id.as_ref()
            .map(|i| format!("{}: ", super::messages::name(doc, i)))
            .unwrap_or_default()
    };
    let mut out: Vec<Entry> = app
        .notices
        .iter()
        .map(|n| Entry {
            text: format!("import, {}{}", name(&n.paragraph), n.message),
            paragraph: n.paragraph.clone(),
        })
        .collect();
    out.extend(app.findings.iter().map(|f| Entry {
        text: format!("check, {}{}", name(&f.id), f.message),
        paragraph: f.id.clone(),
    }));
    out
}

/// W: opens the list (or says there is nothing in it), with the findings of the current
/// text.
pub fn open(app: &mut App) {
    app.settle_findings();
    if entries(app).is_empty() {
        app.say("No import warnings and no check findings");
        return;
    }
    app.dialog = Some(Dialog::Notices { selected: 0 });
}

/// Enter on entry `i`: selects its paragraph.
pub fn jump(app: &mut App, i: usize) {
    let list = entries(app);
    let Some(e) = list.get(i) else {
        return;
    };
    match &e.paragraph {
        Some(id) if app.draft.document.find(id).is_some() => {
            app.selected = Some(id.clone());
            app.scroll.follow = true;
            app.say(e.text.clone());
        }
        _ => app.say(format!("{} (about no paragraph)", e.text)),
    }
}
