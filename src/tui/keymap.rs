//! Key bindings: which key does which [`Action`] in each mode.
//!
//! One table drives dispatch, the help overlay and the hint line, so they can never disagree.
//! Defaults follow the issue; the config file can rebind any action (`[keys.normal] save =
//! "ctrl-s"`). Keys are written as `ctrl-r`, `alt-up`, `K`, `?`, `enter`, `pgdn`.

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// The modes that have their own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyMode {
    Normal,
    Editor,
    Form,
    Dialog,
    Help,
    /// The one-line prompt of `/` (search) and `:` (go to).
    Prompt,
    /// The second key after `s`: headings, parts and annexes.
    Outline,
    /// The revision view (comparing two texts).
    Revisions,
    /// The amendment view (instructions to accept or reject).
    Amendments,
    /// The negotiation panel (`c`).
    Negotiation,
}

impl KeyMode {
    pub const ALL: [KeyMode; 10] = [
        KeyMode::Normal,
        KeyMode::Outline,
        KeyMode::Editor,
        KeyMode::Form,
        KeyMode::Prompt,
        KeyMode::Revisions,
        KeyMode::Amendments,
        KeyMode::Dialog,
        KeyMode::Help,
        KeyMode::Negotiation,
    ];

    /// The name used in the config file and the help overlay.
    pub fn name(self) -> &'static str {
        match self {
            KeyMode::Normal => "normal",
            KeyMode::Editor => "editor",
            KeyMode::Form => "form",
            KeyMode::Dialog => "dialog",
            KeyMode::Help => "help",
            KeyMode::Prompt => "prompt",
            KeyMode::Outline => "outline",
            KeyMode::Revisions => "revisions",
            KeyMode::Amendments => "amendments",
            KeyMode::Negotiation => "negotiation",
        }
    }
}

/// A key with its modifiers, normalised (a typed `K` carries no SHIFT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyCombo {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl KeyCombo {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        let code = match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        KeyCombo { code, mods }
    }

    pub fn from_event(ev: &KeyEvent) -> Self {
        KeyCombo::new(ev.code, ev.modifiers)
    }

    /// Parses `ctrl-r`, `alt-up`, `shift-tab`, `K`, `?`, `enter`, `f2`, `-`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix_len, m) = if lower.starts_with("ctrl-") && rest.len() > 5 {
                (5, KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                (4, KeyModifiers::ALT)
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                (6, KeyModifiers::SHIFT)
            } else {
                break;
            };
            mods |= m;
            rest = &rest[prefix_len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                f if f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
                    KeyCode::F(f[1..].parse::<u8>().unwrap_or(1))
                }
                _ => return Err(format!("unknown key “{s}”")),
            },
        };
        Ok(KeyCombo::new(code, mods))
    }
}

impl fmt::Display for KeyCombo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.mods.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One binding: a key, the action, and whether the hint line shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub key: KeyCombo,
    pub action: Action,
    pub hint: bool,
}

/// All bindings of all modes.
#[derive(Debug, Clone)]
pub struct Keymap {
    modes: Vec<(KeyMode, Vec<Binding>)>,
}

/// A mode's default bindings: (key, action, shown in the hint line).
type DefaultTable<'a> = [(KeyMode, &'a [(&'a str, Action, bool)]); 10];

impl Default for Keymap {
    fn default() -> Self {
        use Action::*;
        let table: DefaultTable = [
            (
                KeyMode::Normal,
                &[
                    ("down", SelectNext, false),
                    ("j", SelectNext, false),
                    ("up", SelectPrev, false),
                    ("k", SelectPrev, false),
                    ("home", SelectFirst, false),
                    ("g", SelectFirst, false),
                    ("end", SelectLast, false),
                    ("G", SelectLast, false),
                    ("pgdn", PageDown, false),
                    ("pgup", PageUp, false),
                    ("enter", Edit, true),
                    ("o", InsertOperativeAfter, true),
                    ("O", InsertOperativeBefore, false),
                    ("p", InsertPreambular, false),
                    ("a", InsertSub, false),
                    ("A", InsertChild, false),
                    ("d", Delete, true),
                    ("K", MoveUp, false),
                    ("alt-up", MoveUp, false),
                    ("J", MoveDown, false),
                    ("alt-down", MoveDown, false),
                    (">", Demote, false),
                    ("<", Promote, false),
                    ("m", Merge, false),
                    ("u", Undo, true),
                    ("ctrl-r", Redo, false),
                    ("H", EditHeader, false),
                    ("ctrl-s", Save, true),
                    ("tab", ToggleOutline, true),
                    ("/", Search, true),
                    ("n", SearchNext, false),
                    ("N", SearchPrev, false),
                    (":", GoTo, true),
                    ("s", OutlineKeys, false),
                    ("r", CompareRevision, false),
                    ("R", CompareLast, false),
                    ("F", FreezeRevision, false),
                    ("M", ShowMessage, false),
                    ("W", Warnings, false),
                    ("?", Help, true),
                    ("q", Quit, true),
                    ("ctrl-c", Quit, false),
                    ("P", ProposeMode, false),
                    ("c", OpenNegotiation, false),
                    ("}", NextPending, false),
                    ("{", PrevPending, false),
                    ("S", CycleStatus, false),
                    ("f", PendingOnly, false),
                ],
            ),
            (
                KeyMode::Editor,
                &[
                    ("enter", Commit, true),
                    ("esc", Commit, false),
                    ("ctrl-g", Cancel, true),
                    ("tab", NextField, true),
                    ("backtab", PrevField, false),
                    ("ctrl-n", NextCompletion, false),
                    ("ctrl-p", PrevCompletion, false),
                    ("alt-enter", SplitAtCursor, true),
                    ("ctrl-t", SplitAtCursor, false),
                    ("ctrl-f", AddFootnote, true),
                    ("ctrl-d", DeleteFootnote, false),
                ],
            ),
            (
                KeyMode::Form,
                &[
                    ("enter", Commit, true),
                    ("esc", Commit, false),
                    ("ctrl-g", Cancel, true),
                    ("tab", NextField, true),
                    ("down", NextField, false),
                    ("backtab", PrevField, false),
                    ("up", PrevField, false),
                ],
            ),
            (
                KeyMode::Dialog,
                &[
                    ("y", Yes, true),
                    ("enter", Yes, false),
                    ("n", No, true),
                    ("esc", Cancel, true),
                    ("down", NextField, false),
                    ("up", PrevField, false),
                ],
            ),
            (
                KeyMode::Help,
                &[
                    ("esc", CloseHelp, true),
                    ("?", CloseHelp, false),
                    ("q", CloseHelp, false),
                    ("down", SelectNext, false),
                    ("j", SelectNext, false),
                    ("up", SelectPrev, false),
                    ("k", SelectPrev, false),
                    ("pgdn", PageDown, false),
                    ("space", PageDown, false),
                    ("pgup", PageUp, false),
                    ("home", SelectFirst, false),
                    ("end", SelectLast, false),
                ],
            ),
            (
                KeyMode::Prompt,
                &[("enter", Commit, true), ("esc", Cancel, true)],
            ),
            (
                KeyMode::Outline,
                &[
                    ("h", HeadingEdit, true),
                    ("x", HeadingDelete, false),
                    ("k", HeadingUp, false),
                    ("j", HeadingDown, false),
                    ("p", PartNew, true),
                    ("P", PartEdit, false),
                    ("a", AnnexNew, true),
                    ("A", AnnexEdit, false),
                    ("K", FrameUp, false),
                    ("J", FrameDown, false),
                    ("D", FrameDelete, false),
                    ("esc", Cancel, true),
                ],
            ),
            (
                KeyMode::Revisions,
                &[
                    ("down", SelectNext, false),
                    ("j", SelectNext, true),
                    ("up", SelectPrev, false),
                    ("k", SelectPrev, false),
                    ("n", NextChange, true),
                    ("N", PrevChange, false),
                    ("pgdn", PageDown, false),
                    ("pgup", PageUp, false),
                    ("home", SelectFirst, false),
                    ("g", SelectFirst, false),
                    ("end", SelectLast, false),
                    ("G", SelectLast, false),
                    ("u", HideUnchanged, true),
                    ("i", ToggleInline, true),
                    ("tab", ToggleInline, false),
                    ("r", RevertChange, true),
                    ("A", ShowAmendments, true),
                    ("esc", CloseView, true),
                    ("q", CloseView, false),
                ],
            ),
            (
                KeyMode::Amendments,
                &[
                    ("down", SelectNext, false),
                    ("j", SelectNext, true),
                    ("up", SelectPrev, false),
                    ("k", SelectPrev, false),
                    ("home", SelectFirst, false),
                    ("g", SelectFirst, false),
                    ("end", SelectLast, false),
                    ("G", SelectLast, false),
                    ("a", AcceptInstruction, true),
                    ("x", RejectInstruction, true),
                    ("Y", AcceptAllInstructions, false),
                    ("X", RejectAllInstructions, false),
                    ("u", Undo, true),
                    ("esc", CloseView, true),
                    ("q", CloseView, false),
                ],
            ),
            (
                KeyMode::Negotiation,
                &[
                    ("down", SelectNext, false),
                    ("j", SelectNext, false),
                    ("up", SelectPrev, false),
                    ("k", SelectPrev, false),
                    ("home", SelectFirst, false),
                    ("end", SelectLast, false),
                    ("a", Accept, true),
                    ("r", Reject, true),
                    ("w", Withdraw, false),
                    ("right", NextAlternative, false),
                    ("l", NextAlternative, false),
                    ("left", PrevAlternative, false),
                    ("h", PrevAlternative, false),
                    ("s", CycleStatus, true),
                    ("f", ShowSettled, true),
                    ("u", Undo, true),
                    ("ctrl-r", Redo, false),
                    ("ctrl-s", Save, false),
                    ("enter", GoToParagraph, true),
                    ("esc", CloseView, true),
                    ("q", CloseView, false),
                ],
            ),
        ];
        let modes = table
            .iter()
            .map(|(mode, list)| {
                let bindings = list
                    .iter()
                    .filter_map(|(k, a, hint)| {
                        KeyCombo::parse(k).ok().map(|key| Binding {
                            key,
                            action: *a,
                            hint: *hint,
                        })
                    })
                    .collect();
                (*mode, bindings)
            })
            .collect();
        Keymap { modes }
    }
}

impl Keymap {
    /// The bindings of a mode, in display order.
    pub fn bindings(&self, mode: KeyMode) -> &[Binding] {
        self.modes
            .iter()
            .find(|(m, _)| *m == mode)
            .map(|(_, b)| b.as_slice())
            .unwrap_or(&[])
    }

    /// The action bound to a key in a mode.
    pub fn lookup(&self, mode: KeyMode, key: &KeyEvent) -> Option<Action> {
        let combo = KeyCombo::from_event(key);
        self.bindings(mode)
            .iter()
            .find(|b| b.key == combo)
            .map(|b| b.action)
    }

    /// The keys bound to an action in a mode, joined for display ("K/Alt-↑").
    pub fn keys_for(&self, mode: KeyMode, action: Action) -> String {
        let keys: Vec<String> = self
            .bindings(mode)
            .iter()
            .filter(|b| b.action == action)
            .map(|b| b.key.to_string())
            .collect();
        keys.join("/")
    }

    /// The actions of a mode, each once, in display order.
    pub fn actions(&self, mode: KeyMode) -> Vec<Action> {
        let mut out: Vec<Action> = Vec::new();
        for b in self.bindings(mode) {
            if !out.contains(&b.action) {
                out.push(b.action);
            }
        }
        out
    }

    /// Binds `keys` to `action` in `mode`, replacing the action's previous keys and taking the
    /// keys away from any other action of that mode.
    pub fn rebind(&mut self, mode: KeyMode, action: Action, keys: &[KeyCombo]) {
        if let Some((_, list)) = self.modes.iter_mut().find(|(m, _)| *m == mode) {
            let hint = list.iter().any(|b| b.action == action && b.hint);
            let pos = list.iter().position(|b| b.action == action);
            list.retain(|b| b.action != action && !keys.contains(&b.key));
            let at = pos.unwrap_or(list.len()).min(list.len());
            for (i, k) in keys.iter().enumerate() {
                list.insert(
                    at + i,
                    Binding {
                        key: *k,
                        action,
                        hint: hint && i == 0,
                    },
                );
            }
        }
    }

    /// The hint line of a mode: "Enter edit · o new operative after · …".
    pub fn hints(&self, mode: KeyMode) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        for b in self.bindings(mode).iter().filter(|b| b.hint) {
            out.push((b.key.to_string(), b.action.describe()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_keys() {
        let k = KeyCombo::parse("ctrl-r").unwrap();
        assert_eq!(k.to_string(), "Ctrl-R");
        assert_eq!(KeyCombo::parse("alt-up").unwrap().to_string(), "Alt-↑");
        assert_eq!(KeyCombo::parse("K").unwrap().code, KeyCode::Char('K'));
        assert!(KeyCombo::parse("hyper-x").is_err());
    }

    #[test]
    fn shifted_letters_match_their_binding() {
        let map = Keymap::default();
        let ev = KeyEvent::new(KeyCode::Char('K'), KeyModifiers::SHIFT);
        assert_eq!(map.lookup(KeyMode::Normal, &ev), Some(Action::MoveUp));
        let ev = KeyEvent::new(KeyCode::Up, KeyModifiers::ALT);
        assert_eq!(map.lookup(KeyMode::Normal, &ev), Some(Action::MoveUp));
    }

    #[test]
    fn rebinding_moves_a_key() {
        let mut map = Keymap::default();
        let w = KeyCombo::parse("ctrl-w").unwrap();
        map.rebind(KeyMode::Normal, Action::Save, &[w]);
        assert_eq!(map.keys_for(KeyMode::Normal, Action::Save), "Ctrl-W");
        let ev = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(map.lookup(KeyMode::Normal, &ev), None);
    }
}
