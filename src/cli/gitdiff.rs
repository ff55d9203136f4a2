//! `resdraft diff` as a git diff driver. Git runs `diff.<driver>.command` with seven
//! arguments: `path old-file old-hex old-mode new-file new-hex new-mode`, where a file that
//! does not exist on one side is `/dev/null` (hex and mode `.`), and the old file is a
//! temporary copy of the blob. Both files are read as drafts whatever their name; a missing
//! side is an empty draft. Git stops at a driver that exits non-zero, so the caller exits 0
//! whether or not the drafts differ.

use super::source::Loaded;
use anyhow::{Result, bail};
use resdraft::draftfile;
use resdraft::model::Document;
use std::path::{Path, PathBuf};

/// The two versions named by git's arguments (`old` is git's path, `new` its old file and
/// `rest` the other five).
pub fn versions(path: &str, old_file: &str, rest: &[String]) -> Result<(Loaded, Loaded)> {
    let [_old_hex, _old_mode, new_file, _new_hex, _new_mode] = rest else {
        bail!(
            "as a git diff driver, resdraft diff takes the seven arguments git passes (path old-file old-hex old-mode new-file new-hex new-mode), not {}",
            rest.len() + 2
        );
    };
    let side = |file: &str, shown: String| -> Result<Loaded> {
        let document = if file == "/dev/null" {
            Document::default()
        } else {
            draftfile::load(Path::new(file))?.document
        };
        Ok(Loaded {
            draft: None,
            text: document,
            path: PathBuf::from(shown),
            revision: None,
            imported: false,
        })
    };
    Ok((
        side(old_file, format!("a/{path}"))?,
        side(new_file, format!("b/{path}"))?,
    ))
}
