//! The user's config file, `config.toml` in the config dir: theme, key bindings, wrap width,
//! autosave interval, the author named on tracked changes (`resdraft diff --format docx`).
//! Unknown keys and bad values are reported (as messages shown in the status
//! bar), never silently ignored; the rest of the file still applies.
//!
//! ```toml
//! theme = "light"
//! wrap_width = 100        # the text measure in columns (default 100); 0 = the window width
//! autosave_seconds = 5    # recovery copy interval
//! author = "Delegation of Arcadia"   # tracked changes in Word
//! delegation = "EU"       # who proposes in propose mode (P)
//! [keys.normal]
//! save = "ctrl-s"
//! move_up = ["K", "alt-up"]
//! ```

use super::action::Action;
use super::keymap::{KeyCombo, KeyMode, Keymap};
use std::path::Path;

/// The default text measure of the document view (columns): a readable line at wide
/// terminals, centred in the window.
pub const DEFAULT_MEASURE: u16 = 100;

/// Settings after reading the config file.
#[derive(Debug, Clone)]
pub struct Config {
    pub theme: Option<String>,
    /// Maximum text width of the document view; 0 = the window width.
    pub wrap_width: u16,
    pub autosave_seconds: u64,
    pub keymap: Keymap,
    /// The author of tracked changes written to Word documents.
    pub author: Option<String>,
    /// The delegation the user proposes as in propose mode.
    pub delegation: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: None,
            wrap_width: DEFAULT_MEASURE,
            autosave_seconds: 5,
            keymap: Keymap::default(),
            author: None,
            delegation: None,
        }
    }
}

/// Reads `config.toml` from `dir` (absent file = defaults). Returns the config and the
/// problems found, each naming the file.
pub fn load(dir: Option<&Path>) -> (Config, Vec<String>) {
    let Some(dir) = dir else {
        return (Config::default(), Vec::new());
    };
    let path = dir.join("config.toml");
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (Config::default(), vec![format!("{}: {e}", path.display())]),
    }
}

/// Parses config text; `origin` names the file in messages.
pub fn parse(text: &str, origin: &str) -> (Config, Vec<String>) {
    let mut cfg = Config::default();
    let mut problems = Vec::new();
    let table: toml::Table = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let at = line.map(|l| format!(":{l}")).unwrap_or_default();
            problems.push(format!("{origin}{at}: {}", e.message().trim()));
            return (cfg, problems);
        }
    };
    for (key, value) in &table {
        match key.as_str() {
            "theme" => match value.as_str() {
                Some(s) => cfg.theme = Some(s.to_string()),
                None => problems.push(format!("{origin}: “theme” must be a string")),
            },
            "wrap_width" => match value.as_integer().and_then(|n| u16::try_from(n).ok()) {
                Some(n) => cfg.wrap_width = n,
                None => problems.push(format!(
                    "{origin}: “wrap_width” must be a whole number from 0 to 65535"
                )),
            },
            "autosave_seconds" => match value.as_integer().and_then(|n| u64::try_from(n).ok()) {
                Some(n) if n > 0 => cfg.autosave_seconds = n,
                _ => problems.push(format!(
                    "{origin}: “autosave_seconds” must be a positive whole number"
                )),
            },
            "author" => match value.as_str() {
                Some(s) if !s.trim().is_empty() => cfg.author = Some(s.trim().to_string()),
                _ => problems.push(format!("{origin}: “author” must be a non-empty string")),
            },
            "delegation" => match value.as_str() {
                Some(s) if !s.trim().is_empty() => cfg.delegation = Some(s.trim().to_string()),
                _ => problems.push(format!(
                    "{origin}: “delegation” must be a non-empty string (a code such as EU or G77)"
                )),
            },
            "keys" => match value.as_table() {
                Some(modes) => parse_keys(modes, origin, &mut cfg.keymap, &mut problems),
                None => problems.push(format!("{origin}: “keys” must be a table")),
            },
            other => problems.push(format!(
                "{origin}: unknown key “{other}” (known: theme, wrap_width, autosave_seconds, author, delegation, keys)"
            )),
        }
    }
    (cfg, problems)
}

fn parse_keys(modes: &toml::Table, origin: &str, keymap: &mut Keymap, problems: &mut Vec<String>) {
    for (mode_name, bindings) in modes {
        let Some(mode) = KeyMode::ALL.iter().find(|m| m.name() == mode_name) else {
            problems.push(format!(
                "{origin}: unknown key mode “keys.{mode_name}” (known: {})",
                KeyMode::ALL.map(KeyMode::name).join(", ")
            ));
            continue;
        };
        let Some(bindings) = bindings.as_table() else {
            problems.push(format!("{origin}: “keys.{mode_name}” must be a table"));
            continue;
        };
        for (action_name, keys) in bindings {
            let action: Action = match toml::Value::String(action_name.clone()).try_into::<Action>()
            {
                Ok(a) => a,
                Err(_) => {
                    problems.push(format!(
                        "{origin}: unknown action “keys.{mode_name}.{action_name}”"
                    ));
                    continue;
                }
            };
            let names: Vec<&str> = match keys {
                toml::Value::String(s) => vec![s.as_str()],
                toml::Value::Array(a) => a.iter().filter_map(|v| v.as_str()).collect(),
                _ => {
                    problems.push(format!(
                        "{origin}: “keys.{mode_name}.{action_name}” must be a key or a list of keys"
                    ));
                    continue;
                }
            };
            let mut combos = Vec::new();
            for n in names {
                match KeyCombo::parse(n) {
                    Ok(k) => combos.push(k),
                    Err(e) => {
                        problems.push(format!("{origin}: keys.{mode_name}.{action_name}: {e}"))
                    }
                }
            }
            if !combos.is_empty() {
                keymap.rebind(*mode, action, &combos);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_settings_and_reports_unknown_keys() {
        let text = "theme = \"light\"\nwrap_width = 90\ncolour = 3\n[keys.normal]\nsave = \"ctrl-w\"\nfly = \"x\"\n";
        let (cfg, problems) = parse(text, "config.toml");
        assert_eq!(cfg.theme.as_deref(), Some("light"));
        assert_eq!(cfg.wrap_width, 90);
        assert_eq!(cfg.keymap.keys_for(KeyMode::Normal, Action::Save), "Ctrl-W");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("colour") || problems[1].contains("colour"));
        assert!(problems.iter().any(|p| p.contains("fly")));
    }

    #[test]
    fn malformed_config_names_file_and_line() {
        let (_, problems) = parse("theme = \"dark\"\nwrap_width = [\n", "c.toml");
        assert!(problems[0].starts_with("c.toml:"), "{problems:?}");
    }
}
