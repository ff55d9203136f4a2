//! Recovery copies of unsaved work: `<data dir>/recovery/<name>-<hash>.<session>.toml`, one
//! per running editor (`<session>` is the process id and a counter), written every few
//! seconds of change, on a signal, when the terminal goes away and on a panic; offered when
//! the draft is opened again; removed after a save or a quit that discards the changes.
//!
//! Each running editor holds an advisory lock on `<name>-<hash>.<session>.lock` beside its
//! copy, so another editor on the same draft can tell a copy that is still being kept (its
//! editor runs: not offered, but named) from one left behind (offered). The lock goes with
//! the process, however it ends. Copies and the folder are private (0600, 0700): a draft
//! under negotiation is confidential.

use crate::draftfile;
use crate::fileio::WriteOptions;
use crate::model::Draft;
use std::collections::hash_map::DefaultHasher;
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

/// `<name>-<hash>`: the part of a recovery file name that names the draft.
fn key(draft: &Path) -> String {
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
    format!("{stem}-{:016x}", h.finish())
}

fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery")
}

/// The recovery file an editor of an older version kept for a draft (one per draft).
pub fn path_for(data_dir: &Path, draft: &Path) -> PathBuf {
    folder(data_dir).join(format!("{}.toml", key(draft)))
}

/// One running editor's claim on its recovery copy.
#[derive(Debug)]
pub struct Session {
    /// This editor's recovery copy.
    pub copy: PathBuf,
    lock_path: PathBuf,
    _lock: Option<File>,
}

impl Session {
    /// Starts a session for `draft`: a copy name of its own and the lock that says it runs.
    pub fn start(data_dir: &Path, draft: &Path) -> Session {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let id = format!(
            "{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let base = format!("{}.{id}", key(draft));
        let copy = folder(data_dir).join(format!("{base}.toml"));
        let lock_path = folder(data_dir).join(format!("{base}.lock"));
        let lock = make_folder(data_dir).ok().and_then(|_| {
            let f = File::create(&lock_path).ok()?;
            rustix::fs::flock(&f, rustix::fs::FlockOperation::NonBlockingLockExclusive).ok()?;
            Some(f)
        });
        Session {
            copy,
            lock_path,
            _lock: lock,
        }
    }
}

impl Session {
    /// Ends the session the way a killed editor does: the lock is released, the copy and the
    /// lock file stay behind (used to test what the next editor finds).
    pub fn abandon(mut self) {
        drop(self._lock.take());
        std::mem::forget(self);
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.lock_path);
    }
}

/// A recovery copy found for a draft.
#[derive(Debug, Clone)]
pub struct Found {
    pub file: PathBuf,
    pub draft: Draft,
    pub modified: Option<SystemTime>,
    /// The copy is older than the draft file (saved since, perhaps by another editor).
    pub older_than_draft: bool,
}

/// What the recovery folder holds for a draft, apart from `own` (this editor's session).
#[derive(Debug, Default)]
pub struct Survey {
    /// Copies left by editors that no longer run, newest first.
    pub orphans: Vec<Found>,
    /// Process ids of other editors running on the same draft now.
    pub running: Vec<u32>,
}

fn make_folder(data_dir: &Path) -> std::io::Result<()> {
    let dir = folder(data_dir);
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)?;
    // An older version made it 0755.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))
}

/// Whether another process holds the lock at `lock`.
fn held(lock: &Path) -> bool {
    let Ok(f) = File::open(lock) else {
        return false;
    };
    rustix::fs::flock(&f, rustix::fs::FlockOperation::NonBlockingLockShared).is_err()
}

/// Looks for the copies of `draft_path` that other editors left or keep. A copy that no
/// longer loads, or that holds nothing the draft does not, is removed.
pub fn survey(data_dir: &Path, draft_path: &Path, current: &Draft, own: &Path) -> Survey {
    let mut out = Survey::default();
    let prefix = key(draft_path);
    let Ok(entries) = std::fs::read_dir(folder(data_dir)) else {
        return out;
    };
    let draft_time = std::fs::metadata(draft_path)
        .ok()
        .and_then(|m| m.modified().ok());
    for e in entries.flatten() {
        let file = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(prefix.as_str()) else {
            continue;
        };
        let (session, ext) = rest.rsplit_once('.').unwrap_or(("", rest));
        if !(session.is_empty() || session.starts_with('.')) {
            continue;
        }
        let session = session.trim_start_matches('.');
        if ext == "lock" {
            if file != own.with_extension("lock")
                && held(&file)
                && let Some(pid) = session.split('-').next().and_then(|p| p.parse().ok())
                && !out.running.contains(&pid)
            {
                out.running.push(pid);
            }
            continue;
        }
        if ext != "toml"
            || file == own
            || (!session.is_empty() && held(&file.with_extension("lock")))
        {
            continue;
        }
        let Ok(draft) = draftfile::load(&file) else {
            continue;
        };
        if &draft == current {
            discard(&file);
            continue;
        }
        let modified = e.metadata().ok().and_then(|m| m.modified().ok());
        out.orphans.push(Found {
            file,
            draft,
            modified,
            older_than_draft: matches!((modified, draft_time), (Some(c), Some(d)) if d > c),
        });
    }
    out.orphans.sort_by_key(|f| std::cmp::Reverse(f.modified));
    out
}

/// Writes a recovery copy of `draft` (as a draft file, private) to `file`.
pub fn write(file: &Path, draft: &Draft) -> anyhow::Result<()> {
    if let Some(data) = file.parent().and_then(Path::parent) {
        make_folder(data)?;
    }
    draftfile::save_with(file, draft, WriteOptions::private())?;
    Ok(())
}

/// Removes a recovery copy (and its editor's lock file, if that editor is gone). Missing is
/// fine.
pub fn discard(file: &Path) {
    let _ = std::fs::remove_file(file);
    let lock = file.with_extension("lock");
    if !held(&lock) {
        let _ = std::fs::remove_file(lock);
    }
}
