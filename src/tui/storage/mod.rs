//! The editor's I/O at the edge: where config and data live, the last-opened draft, the
//! on-disk state of the open file (to notice changes by someone else), and recovery copies.
//!
//! Directories come from `directories` (XDG on Linux). `RESDRAFT_CONFIG_DIR` and
//! `RESDRAFT_DATA_DIR` override them (tests and portable installs).

pub mod recovery;

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The config and data directories (either may be unknown, e.g. without a home directory).
#[derive(Debug, Clone, Default)]
pub struct Dirs {
    pub config: Option<PathBuf>,
    pub data: Option<PathBuf>,
}

impl Dirs {
    /// The user's directories for resdraft.
    pub fn from_env() -> Self {
        let project = directories::ProjectDirs::from("org", "resdraft", "resdraft");
        let config = std::env::var_os("RESDRAFT_CONFIG_DIR")
            .map(PathBuf::from)
            .or_else(|| project.as_ref().map(|p| p.config_dir().to_path_buf()));
        let data = std::env::var_os("RESDRAFT_DATA_DIR")
            .map(PathBuf::from)
            .or_else(|| project.as_ref().map(|p| p.data_dir().to_path_buf()));
        Dirs { config, data }
    }

    fn last_file(&self) -> Option<PathBuf> {
        self.data.as_ref().map(|d| d.join("last-draft"))
    }

    /// The draft opened most recently, if it still exists.
    pub fn last_opened(&self) -> Option<PathBuf> {
        let text = std::fs::read_to_string(self.last_file()?).ok()?;
        let path = PathBuf::from(text.trim_end_matches(['\n', '\r']));
        path.is_file().then_some(path)
    }

    /// Remembers `path` as the most recently edited draft.
    pub fn remember(&self, path: &Path) -> std::io::Result<()> {
        let Some(file) = self.last_file() else {
            return Ok(());
        };
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        std::fs::write(file, abs.to_string_lossy().as_bytes())
    }
}

/// What a file looked like on disk: enough to tell whether it changed since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp {
    pub modified: Option<SystemTime>,
    pub len: u64,
}

impl FileStamp {
    /// The stamp of the file now, `None` if it does not exist.
    pub fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(FileStamp {
            modified: meta.modified().ok(),
            len: meta.len(),
        })
    }
}

/// Finds the sample draft shipped in drafts/: next to the current directory first, then in the
/// source tree this binary was built from.
pub fn sample_draft() -> Option<PathBuf> {
    let rel = Path::new("drafts").join("sample-resolution.toml");
    let candidates = [
        std::env::current_dir().ok().map(|d| d.join(&rel)),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join(&rel)),
    ];
    candidates.into_iter().flatten().find(|p| p.is_file())
}
