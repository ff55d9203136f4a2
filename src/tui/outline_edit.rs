//! The outline keys (after `s`): add, edit, move and delete the heading before the selected
//! paragraph; add and edit resolution parts and annexes, move them and delete them with their
//! paragraphs. Everything goes through the core's outline operations, so it is undoable and
//! the numbering follows.

use super::action::Action;
use super::app::App;
use super::struct_form::{StructForm, Target};
use super::update::{open_editor, run_op};
use crate::model::{Annex, Heading, Id, Location, Paragraph, ResolutionPart};
use crate::numbering;
use crate::ops::Op;

/// The selected paragraph's top-level paragraph: its id and location.
fn top(app: &App) -> Option<(Id, Location)> {
    let loc = app.selected_location()?;
    let top = Location {
        part: loc.part,
        path: vec![loc.top()],
    };
    Some((app.draft.document.at(&top)?.id.clone(), top))
}

/// The heading standing right before the selection's top-level paragraph.
fn heading_here(app: &App) -> Option<Heading> {
    let (id, _) = top(app)?;
    app.draft.document.headings_before(&id).last().cloned()
}

/// An outline action.
pub fn perform(app: &mut App, action: Action) {
    use Action::*;
    let doc = &app.draft.document;
    let loc = app.selected_location();
    let part = loc.as_ref().and_then(|l| l.part.resolution_part());
    let annex = loc.as_ref().and_then(|l| l.part.annex());
    match action {
        HeadingEdit => {
            let Some((before, _)) = top(app) else {
                app.say("Select the paragraph the heading is to stand before");
                return;
            };
            let form = match heading_here(app) {
                Some(h) => StructForm::new(
                    Target::Heading { id: h.id.clone() },
                    "Heading".into(),
                    &fields_heading(h.level, &h.label, &h.heading),
                    &app.theme,
                ),
                None => {
                    let n = doc.headings.iter().filter(|h| h.level <= 1).count();
                    StructForm::new(
                        Target::NewHeading { before },
                        "New heading before this paragraph".into(),
                        &fields_heading(1, &numbering::roman(n + 1).to_uppercase(), ""),
                        &app.theme,
                    )
                }
            };
            app.struct_form = Some(form);
        }
        HeadingDelete => match heading_here(app) {
            Some(h) => {
                if run_op(app, Op::DeleteHeading { id: h.id }).is_some() && app.message.is_none() {
                    app.say("Heading deleted (u undoes it)");
                }
            }
            None => app.say("No heading stands before this paragraph"),
        },
        HeadingUp | HeadingDown => {
            let (Some(h), Some((_, tloc))) = (heading_here(app), top(app)) else {
                app.say("No heading stands before this paragraph");
                return;
            };
            let i = tloc.top();
            let to = if action == HeadingUp {
                i.checked_sub(1)
            } else {
                Some(i + 1)
            };
            let target = to.and_then(|k| doc.part(tloc.part).and_then(|l| l.get(k)));
            let Some(p) = target else {
                app.say("The heading cannot go further in this list");
                return;
            };
            let before = p.id.clone();
            if run_op(
                app,
                Op::MoveHeading {
                    id: h.id,
                    before: before.clone(),
                },
            )
            .is_some()
            {
                app.selected = Some(before);
            }
        }
        PartNew => {
            let index = part.map_or(doc.parts.len(), |k| k + 1);
            let label = numbering::roman(index + 1).to_uppercase();
            frame_form(
                app,
                Target::NewPart { index },
                "New part (numbered afresh)",
                [label, String::new()],
            );
        }
        PartEdit => match part.and_then(|k| doc.parts.get(k)) {
            Some(p) => {
                let target = Target::Part { id: p.id.clone() };
                let values = [p.label.clone(), p.heading.clone()];
                frame_form(app, target, "Part", values);
            }
            None => app.say("The selection is not in a part (s p adds one)"),
        },
        AnnexNew => {
            let index = annex.map_or(doc.annexes.len(), |a| a + 1);
            let label = if doc.annexes.is_empty() {
                String::new()
            } else {
                numbering::roman(index + 1).to_uppercase()
            };
            frame_form(
                app,
                Target::NewAnnex { index },
                "New annex",
                [label, String::new()],
            );
        }
        AnnexEdit => match annex.and_then(|a| doc.annexes.get(a)) {
            Some(a) => {
                let target = Target::Annex { id: a.id.clone() };
                let values = [a.label.clone(), a.title.clone()];
                frame_form(app, target, "Annex", values);
            }
            None => app.say("The selection is not in an annex (s a adds one)"),
        },
        FrameUp | FrameDown => {
            let up = action == FrameUp;
            let step = |i: usize| if up { i.checked_sub(1) } else { Some(i + 1) };
            let op = if let Some(k) = part {
                step(k)
                    .filter(|j| *j < doc.parts.len())
                    .map(|index| Op::MovePart {
                        id: doc.parts[k].id.clone(),
                        index,
                    })
            } else if let Some(a) = annex {
                step(a)
                    .filter(|j| *j < doc.annexes.len())
                    .map(|index| Op::MoveAnnex {
                        id: doc.annexes[a].id.clone(),
                        index,
                    })
            } else {
                app.say("The selection is in no part or annex");
                return;
            };
            match op {
                Some(op) => {
                    run_op(app, op);
                }
                None => app.say("It cannot go further"),
            }
        }
        FrameDelete => {
            let (op, what) = if let Some(k) = part {
                (
                    Op::DeletePart {
                        id: doc.parts[k].id.clone(),
                    },
                    format!("part {}", doc.parts[k].name(k)),
                )
            } else if let Some(a) = annex {
                (
                    Op::DeleteAnnex {
                        id: doc.annexes[a].id.clone(),
                    },
                    doc.annexes[a].printed_label().to_lowercase(),
                )
            } else {
                app.say("The selection is in no part or annex");
                return;
            };
            if run_op(app, op).is_some() {
                app.fix_selection();
                app.say(format!("Deleted {what} with its paragraphs (u undoes it)"));
            }
        }
        Cancel => app.message = None,
        _ => {}
    }
}

/// Opens the form of a part or an annex (new or existing, by `target`) on its label and its
/// heading or title, `values`.
fn frame_form(app: &mut App, target: Target, title: &str, values: [String; 2]) {
    let [label, text] = values;
    let annex = matches!(target, Target::NewAnnex { .. } | Target::Annex { .. });
    let fields = if annex {
        [
            ("Label (I, II; empty for a lone annex)", label),
            ("Title", text),
        ]
    } else {
        [("Label (II, B)", label), ("Heading", text)]
    };
    app.struct_form = Some(StructForm::new(target, title.into(), &fields, &app.theme));
}

fn fields_heading(level: u8, label: &str, heading: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Level (1: I, II; 2: A, B; 3)", level.to_string()),
        ("Label (may be empty)", label.to_string()),
        ("Heading", heading.to_string()),
    ]
}

/// Actions in the heading/part/annex form.
pub fn form(app: &mut App, action: Action) {
    use Action::*;
    let Some(f) = app.struct_form.as_mut() else {
        return;
    };
    match action {
        NextField => f.next(),
        PrevField => f.prev(),
        Cancel => {
            app.struct_form = None;
            app.say("Cancelled");
        }
        Commit => {
            if let Some(f) = app.struct_form.take() {
                commit(app, f);
            }
        }
        _ => {}
    }
}

fn commit(app: &mut App, f: StructForm) {
    let doc = &app.draft.document;
    let level = || f.value(0).parse::<u8>().unwrap_or(1).clamp(1, 3);
    let blank = |doc: &crate::model::Document| Paragraph::new(doc.fresh_id("p"), "", "");
    match f.target.clone() {
        Target::NewHeading { before } => {
            let op = Op::AddHeading(Heading {
                id: doc.fresh_id("h"),
                level: level(),
                label: f.value(1),
                heading: f.value(2),
                before,
            });
            run_op(app, op);
        }
        Target::Heading { id } => {
            run_op(
                app,
                Op::SetHeading {
                    id,
                    level: level(),
                    label: f.value(1),
                    heading: f.value(2),
                },
            );
        }
        Target::NewPart { index } => {
            let p = blank(doc);
            let pid = p.id.clone();
            let part = ResolutionPart {
                id: doc.fresh_id("part"),
                label: f.value(0),
                heading: f.value(1),
                preamble: Vec::new(),
                operative: vec![p],
            };
            if run_op(app, Op::AddPart { index, part }).is_some() {
                app.selected = Some(pid);
                open_editor(app, false);
            }
        }
        Target::Part { id } => {
            run_op(
                app,
                Op::SetPart {
                    id,
                    label: f.value(0),
                    heading: f.value(1),
                },
            );
        }
        Target::NewAnnex { index } => {
            let p = blank(doc);
            let pid = p.id.clone();
            let annex = Annex {
                id: doc.fresh_id("annex"),
                label: f.value(0),
                title: f.value(1),
                paragraphs: vec![p],
                ..Annex::default()
            };
            if run_op(app, Op::AddAnnex { index, annex }).is_some() {
                app.selected = Some(pid);
                open_editor(app, false);
            }
        }
        Target::Annex { id } => {
            run_op(
                app,
                Op::SetAnnex {
                    id,
                    label: f.value(0),
                    title: f.value(1),
                },
            );
        }
    }
}
