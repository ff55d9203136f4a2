//! Recovery copies of unsaved work: `<data dir>/recovery/<name>-<hash>.toml`, written every
//! few seconds of change, on a panic and on SIGTERM; offered when the draft is opened again;
//! removed after a save or a clean quit.

use crate::draftfile;
use crate::model::Draft;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// The recovery file for a draft path.
pub fn path_for(data_dir: &Path, draft: &Path) -> PathBuf {
    let abs = std::path::absolute(draft).unwrap_or_else(|_| draft.to_path_buf());
    let mut h = DefaultHasher::new();
    abs.hash(&mut h);
    let stem = draft
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "draft".into());
    let stem: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    data_dir
        .join("recovery")
        .join(format!("{stem}-{:016x}.toml", h.finish()))
}

/// Writes a recovery copy of `draft` (as a draft file) to `file`.
pub fn write(file: &Path, draft: &Draft) -> anyhow::Result<()> {
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent)?;
    }
    draftfile::save(file, draft)?;
    Ok(())
}

/// A recovery copy newer than the draft file itself, if one exists and loads.
pub fn pending(file: &Path, draft_path: &Path) -> Option<Draft> {
    let rec_time = std::fs::metadata(file).ok()?.modified().ok()?;
    if let Some(orig) = std::fs::metadata(draft_path)
        .ok()
        .and_then(|m| m.modified().ok())
        && orig > rec_time
    {
        return None;
    }
    draftfile::load(file).ok()
}

/// Removes the recovery copy (after a save or a clean quit). Missing is fine.
pub fn discard(file: &Path) {
    let _ = std::fs::remove_file(file);
}
