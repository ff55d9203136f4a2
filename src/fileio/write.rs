//! Safe writes. What happens depends on what the target is:
//! - nothing yet: a temporary file in the same folder is written, synced and renamed into
//!   place, then the folder is synced (a crash leaves the old state or the new, never half);
//! - a regular file: the same atomic replace, keeping its permissions and owner; a file with
//!   other hard links, or one owned by someone else that we cannot give back, is rewritten in
//!   place instead (a rename would cut the links or take it over), after a synced safety copy
//!   of the new text is on disk beside it; a read-only file is refused;
//! - a character device or a FIFO (`/dev/null`, `/dev/stdout`, a pipe): written into, never
//!   renamed over (a root user's `-o /dev/null` used to replace the device); a FIFO nobody
//!   reads from is refused instead of blocking forever;
//! - a directory, a block device or a socket: refused.
//!
//! Symbolic links are followed, so the file they point to is written, not the link.
//! Temporary files left by an interrupted save (`.resdraft-*.tmp`, older than a minute, ours)
//! are removed on the next save into the same folder.

use std::io::Write;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How a new file is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteOptions {
    /// Permissions of a file that did not exist (0644; 0600 for private copies).
    pub new_mode: u32,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions { new_mode: 0o644 }
    }
}

impl WriteOptions {
    /// Readable by the owner only (recovery copies: a draft under negotiation is
    /// confidential).
    pub fn private() -> Self {
        WriteOptions { new_mode: 0o600 }
    }
}

const TMP_PREFIX: &str = ".resdraft-";
const TMP_SUFFIX: &str = ".tmp";
/// A temporary file older than this is left over from an interrupted save.
const STALE: Duration = Duration::from_secs(60);

fn err(kind: std::io::ErrorKind, msg: impl Into<String>) -> std::io::Error {
    std::io::Error::new(kind, msg.into())
}

/// Writes `contents` to `path` (see the module documentation for what that means for each
/// kind of target).
pub fn write(path: &Path, contents: &[u8], opts: WriteOptions) -> std::io::Result<()> {
    use std::io::ErrorKind::*;
    let meta = match std::fs::metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == NotFound => {
            if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
                let to = std::fs::read_link(path).unwrap_or_default();
                return Err(err(
                    NotFound,
                    format!(
                        "is a symbolic link to {}, which does not exist",
                        to.display()
                    ),
                ));
            }
            None
        }
        Err(e) => return Err(explain(e)),
    };
    let Some(meta) = meta else {
        return replace(path, contents, None, opts);
    };
    let ft = meta.file_type();
    if ft.is_dir() {
        return Err(err(IsADirectory, "is a directory"));
    }
    if ft.is_char_device() || ft.is_fifo() {
        return write_into(path, contents, ft.is_fifo());
    }
    if ft.is_block_device() {
        return Err(err(
            InvalidInput,
            "is a block device: refusing to write a file onto it",
        ));
    }
    if ft.is_socket() {
        return Err(err(
            InvalidInput,
            "is a socket: cannot write a file into it",
        ));
    }
    if meta.permissions().mode() & 0o222 == 0 {
        return Err(read_only(&meta));
    }
    let target = std::fs::canonicalize(path)?;
    if let Err(e) = std::fs::OpenOptions::new().write(true).open(&target) {
        return Err(if e.kind() == PermissionDenied {
            read_only(&meta)
        } else {
            e
        });
    }
    let euid = rustix::process::geteuid();
    let foreign = meta.uid() != euid.as_raw() && !euid.is_root();
    if meta.nlink() > 1 || foreign {
        return rewrite_in_place(&target, contents);
    }
    replace(&target, contents, Some(&meta), opts)
}

/// Whether `path` is a terminal (written into, so text must be made safe first).
pub fn is_terminal(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.file_type().is_char_device())
        && std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
            .open(path)
            .is_ok_and(|f| rustix::termios::isatty(&f))
}

/// The error, with a plainer message for a symbolic-link loop (ELOOP).
pub fn explain(e: std::io::Error) -> std::io::Error {
    if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
        return err(
            e.kind(),
            "too many levels of symbolic links (a symbolic link that points to itself, \
             directly or through others)",
        );
    }
    e
}

fn read_only(meta: &std::fs::Metadata) -> std::io::Error {
    err(
        std::io::ErrorKind::PermissionDenied,
        format!(
            "the file is read-only (permissions {:04o}): not replacing it; make it writable \
             (chmod u+w) or save under another name",
            meta.permissions().mode() & 0o7777
        ),
    )
}

/// Writes into a device or a FIFO.
fn write_into(path: &Path, contents: &[u8], fifo: bool) -> std::io::Result<()> {
    // Without blocking: opening a FIFO for writing waits for a reader, possibly forever.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
        .map_err(|e| {
            if fifo && e.raw_os_error() == Some(rustix::io::Errno::NXIO.raw_os_error()) {
                err(
                    std::io::ErrorKind::BrokenPipe,
                    "is a FIFO that no program is reading from",
                )
            } else {
                e
            }
        })?;
    let flags = rustix::fs::fcntl_getfl(&file)?;
    rustix::fs::fcntl_setfl(&file, flags - rustix::fs::OFlags::NONBLOCK)?;
    let mut file = file;
    file.write_all(contents)?;
    file.flush()
}

/// The atomic replace (or creation) of a regular file.
fn replace(
    target: &Path,
    contents: &[u8],
    old: Option<&std::fs::Metadata>,
    opts: WriteOptions,
) -> std::io::Result<()> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_temporaries(&dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .suffix(TMP_SUFFIX)
        .tempfile_in(&dir)?;
    tmp.write_all(contents)?;
    let file = tmp.as_file();
    match old {
        Some(meta) => {
            // Best effort: a file system without permissions still gets the new text.
            let _ = file.set_permissions(meta.permissions());
            if rustix::process::geteuid().is_root() {
                let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
            } else {
                // Keep the group where we may (we own the file, maybe not its group).
                let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
            }
        }
        None => {
            let _ = file.set_permissions(std::fs::Permissions::from_mode(opts.new_mode));
        }
    }
    file.sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    // The rename itself is only durable once the folder is synced.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Rewrites a file in place (keeps its inode: hard links, owner, ACLs). A synced copy of the
/// new text is written beside it first and removed after; if the rewrite fails, the error
/// names that copy.
fn rewrite_in_place(target: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut safety = tempfile::Builder::new()
        .prefix(&format!(".{name}.resdraft-saving-"))
        .tempfile_in(dir)?;
    safety.write_all(contents)?;
    safety.as_file().sync_all()?;
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(target)?;
        f.write_all(contents)?;
        f.sync_all()
    })();
    match result {
        Ok(()) => Ok(()),
        Err(e) => {
            let (_, kept) = safety.keep().map_err(|k| k.error)?;
            Err(err(
                e.kind(),
                format!(
                    "{e}; the new text is kept in {} (the file has other hard links or \
                     another owner, so it was rewritten in place)",
                    kept.display()
                ),
            ))
        }
    }
}

/// Removes temporary files an interrupted save left in `dir`: ours, named
/// `.resdraft-*.tmp`, regular files, older than a minute (a save in progress elsewhere has a
/// fresh one).
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let euid = rustix::process::geteuid().as_raw();
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TMP_PREFIX) && name.ends_with(TMP_SUFFIX)) {
            continue;
        }
        let Ok(meta) = e.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if meta.is_file() && meta.uid() == euid && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}
