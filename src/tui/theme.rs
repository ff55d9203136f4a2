//! Colour themes: every colour and text effect of the editor comes from a [`Theme`], read from
//! TOML. Built-in themes (themes/dark.toml, light.toml, mono.toml) are compiled in; a user
//! theme in `<config dir>/themes/NAME.toml` overrides or adds to them.
//!
//! A malformed theme is reported (file, line, problem) and the default theme is used instead.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::path::Path;

/// The themes shipped with resdraft: (name, TOML source).
pub const BUILTIN: [(&str, &str); 3] = [
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("mono", include_str!("../../themes/mono.toml")),
];

/// The theme used when none is named.
pub const DEFAULT: &str = "dark";

/// One style as written in a theme file.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct StyleDef {
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub italic: bool,
    #[serde(default)]
    pub underline: bool,
    #[serde(default)]
    pub reverse: bool,
    #[serde(default)]
    pub dim: bool,
}

impl StyleDef {
    pub fn style(&self) -> Style {
        let mut s = Style::default();
        if let Some(c) = self.fg {
            s = s.fg(c);
        }
        if let Some(c) = self.bg {
            s = s.bg(c);
        }
        let mut m = Modifier::empty();
        for (on, flag) in [
            (self.bold, Modifier::BOLD),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reverse, Modifier::REVERSED),
            (self.dim, Modifier::DIM),
        ] {
            if on {
                m |= flag;
            }
        }
        s.add_modifier(m)
    }
}

/// A theme file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ThemeFile {
    pub name: String,
    /// Text put before the selected paragraph (e.g. "▶"), for themes that cannot rely on colour.
    pub selection_marker: String,
    pub base: StyleDef,
    pub header: StyleDef,
    pub title: StyleDef,
    pub authoring: StyleDef,
    pub section: StyleDef,
    pub label: StyleDef,
    pub lead: StyleDef,
    pub text: StyleDef,
    pub footnote: StyleDef,
    pub selected: StyleDef,
    pub finding: StyleDef,
    pub status: StyleDef,
    pub status_dirty: StyleDef,
    pub message: StyleDef,
    pub error: StyleDef,
    pub hint_key: StyleDef,
    pub hint: StyleDef,
    pub border: StyleDef,
    pub popup: StyleDef,
    pub popup_title: StyleDef,
    pub outline: StyleDef,
    pub outline_selected: StyleDef,
    pub completion: StyleDef,
    pub completion_selected: StyleDef,
    pub cursor: StyleDef,
    /// One style per delegation of a negotiation, in the order the draft lists them (cycled
    /// when there are more delegations); none in the mono theme, where brackets and names
    /// tell proposals apart.
    pub delegations: Vec<StyleDef>,
}

/// A theme ready to use: styles resolved.
#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    pub selection_marker: String,
    pub base: Style,
    pub header: Style,
    pub title: Style,
    pub authoring: Style,
    pub section: Style,
    pub label: Style,
    pub lead: Style,
    pub text: Style,
    pub footnote: Style,
    pub selected: Style,
    pub finding: Style,
    pub status: Style,
    pub status_dirty: Style,
    pub message: Style,
    pub error: Style,
    pub hint_key: Style,
    pub hint: Style,
    pub border: Style,
    pub popup: Style,
    pub popup_title: Style,
    pub outline: Style,
    pub outline_selected: Style,
    pub completion: Style,
    pub completion_selected: Style,
    pub cursor: Style,
    pub delegations: Vec<Style>,
}

impl From<&ThemeFile> for Theme {
    fn from(f: &ThemeFile) -> Self {
        Theme {
            name: f.name.clone(),
            selection_marker: f.selection_marker.clone(),
            base: f.base.style(),
            header: f.header.style(),
            title: f.title.style(),
            authoring: f.authoring.style(),
            section: f.section.style(),
            label: f.label.style(),
            lead: f.lead.style(),
            text: f.text.style(),
            footnote: f.footnote.style(),
            selected: f.selected.style(),
            finding: f.finding.style(),
            status: f.status.style(),
            status_dirty: f.status_dirty.style(),
            message: f.message.style(),
            error: f.error.style(),
            hint_key: f.hint_key.style(),
            hint: f.hint.style(),
            border: f.border.style(),
            popup: f.popup.style(),
            popup_title: f.popup_title.style(),
            outline: f.outline.style(),
            outline_selected: f.outline_selected.style(),
            completion: f.completion.style(),
            completion_selected: f.completion_selected.style(),
            cursor: f.cursor.style(),
            delegations: f.delegations.iter().map(StyleDef::style).collect(),
        }
    }
}

impl Theme {
    /// The style of the delegation listed `k`-th in the draft (`None`: not listed, such as a
    /// branch name after a merge: the last style of the palette).
    pub fn delegation(&self, k: Option<usize>) -> Style {
        let n = self.delegations.len();
        match (n, k) {
            (0, _) => Style::default(),
            (_, Some(k)) => self.delegations[k % n],
            (_, None) => self.delegations[n - 1],
        }
    }

    /// Whether any style of the theme sets a colour (the mono theme sets none).
    pub fn has_colour(&self) -> bool {
        [
            self.base,
            self.text,
            self.lead,
            self.selected,
            self.status,
            self.message,
            self.error,
            self.footnote,
            self.finding,
        ]
        .iter()
        .any(|s| s.fg.is_some() || s.bg.is_some())
    }
}

impl Default for Theme {
    fn default() -> Self {
        builtin(DEFAULT).unwrap_or_else(|| Theme::from(&ThemeFile::default()))
    }
}

/// Parses a theme from TOML; the error names `origin`, the line and the problem.
pub fn parse(text: &str, origin: &str) -> Result<Theme, String> {
    match toml::from_str::<ThemeFile>(text) {
        Ok(f) => Ok(Theme::from(&f)),
        Err(e) => {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let msg = e.message().trim().to_string();
            Err(match line {
                Some(l) => format!("theme {origin}:{l}: {msg}"),
                None => format!("theme {origin}: {msg}"),
            })
        }
    }
}

/// A built-in theme by name.
pub fn builtin(name: &str) -> Option<Theme> {
    BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(n, src)| parse(src, n).ok())
}

/// Names of the built-in themes and the user themes in `config_dir/themes`.
pub fn available(config_dir: Option<&Path>) -> Vec<String> {
    let mut names: Vec<String> = BUILTIN.iter().map(|(n, _)| n.to_string()).collect();
    if let Some(dir) = config_dir
        && let Ok(rd) = std::fs::read_dir(dir.join("themes"))
    {
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "toml")
                && let Some(stem) = p.file_stem().and_then(|s| s.to_str())
                && !names.iter().any(|n| n == stem)
            {
                names.push(stem.to_string());
            }
        }
    }
    names
}

/// Loads the theme called `name`: a user theme in `config_dir/themes/NAME.toml` first, then a
/// built-in one. On failure, returns the default theme and the problem to show.
pub fn load(name: &str, config_dir: Option<&Path>) -> (Theme, Option<String>) {
    if let Some(dir) = config_dir {
        let path = dir.join("themes").join(format!("{name}.toml"));
        if path.is_file() {
            let origin = path.display().to_string();
            return match std::fs::read_to_string(&path) {
                Ok(text) => match parse(&text, &origin) {
                    Ok(t) => (t, None),
                    Err(e) => (
                        Theme::default(),
                        Some(format!("{e}; using the default theme")),
                    ),
                },
                Err(e) => (
                    Theme::default(),
                    Some(format!("theme {origin}: {e}; using the default theme")),
                ),
            };
        }
    }
    match builtin(name) {
        Some(t) => (t, None),
        None => (
            Theme::default(),
            Some(format!(
                "no theme named “{name}” (available: {}); using the default theme",
                available(config_dir).join(", ")
            )),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_themes_parse() {
        for (name, src) in BUILTIN {
            assert!(
                parse(src, name).is_ok(),
                "{name}: {:?}",
                parse(src, name).err()
            );
        }
    }

    #[test]
    fn malformed_theme_reports_line_and_falls_back() {
        let err = parse("name = \"x\"\n[base]\nfg = \"not-a-colour\"\n", "bad.toml").unwrap_err();
        assert!(err.contains("bad.toml:3"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("themes")).unwrap();
        std::fs::write(dir.path().join("themes/bad.toml"), "[base\n").unwrap();
        let (theme, msg) = load("bad", Some(dir.path()));
        assert_eq!(theme.name, "dark");
        assert!(msg.unwrap().contains("bad.toml"));
    }

    #[test]
    fn delegations_have_colours_except_in_mono() {
        let dark = builtin("dark").unwrap();
        assert!(dark.delegations.len() >= 6);
        assert_ne!(dark.delegation(Some(0)), dark.delegation(Some(1)));
        assert!(dark.delegation(Some(0)).fg.is_some());
        let mono = builtin("mono").unwrap();
        assert!(mono.delegation(Some(3)).fg.is_none());
        assert!(builtin("light").unwrap().delegation(None).fg.is_some());
    }

    #[test]
    fn unknown_theme_falls_back_with_message() {
        let (theme, msg) = load("nope", None);
        assert_eq!(theme.name, DEFAULT);
        assert!(msg.unwrap().contains("nope"));
    }
}
