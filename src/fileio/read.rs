//! Bounded reads. A regular file is read up to a limit (one byte past it, so a file that grew
//! since it was measured is still refused). A FIFO or a character device is read as a
//! stream: opened without blocking (a FIFO nobody writes to would block `open` forever),
//! then read while data keeps arriving, up to the same limit; if nothing arrives for
//! [`STREAM_IDLE`] the read gives up with a clear error. Block devices and sockets are
//! refused.

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;
use std::time::Duration;

/// How long a stream (FIFO, device) may stay silent before the read gives up.
pub const STREAM_IDLE: Duration = Duration::from_secs(10);

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("is a directory")]
    Directory,
    #[error("the file is {size} bytes, larger than the {limit}-byte limit")]
    TooLarge { size: u64, limit: u64 },
    #[error("is {0}, not a file that can be read as text")]
    Unsupported(&'static str),
    #[error(
        "is {what} and nothing arrived from it for {} s (is a program writing to it?)",
        .idle.as_secs()
    )]
    Idle { what: &'static str, idle: Duration },
}

/// Reads `path`, refusing more than `limit` bytes; streams wait at most [`STREAM_IDLE`]
/// for data.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_limited_with(path, limit, STREAM_IDLE)
}

/// [`read_limited`] with the silence a stream is allowed.
pub fn read_limited_with(path: &Path, limit: u64, idle: Duration) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path)?;
    let ft = meta.file_type();
    if ft.is_dir() {
        return Err(ReadError::Directory);
    }
    if ft.is_file() {
        if meta.len() > limit {
            return Err(ReadError::TooLarge {
                size: meta.len(),
                limit,
            });
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        std::fs::File::open(path)?
            .take(limit + 1)
            .read_to_end(&mut bytes)?;
        return check_size(bytes, limit);
    }
    let what = if ft.is_fifo() {
        "a FIFO"
    } else if ft.is_char_device() {
        "a character device"
    } else if ft.is_block_device() {
        return Err(ReadError::Unsupported("a block device"));
    } else if ft.is_socket() {
        return Err(ReadError::Unsupported("a socket"));
    } else {
        return Err(ReadError::Unsupported("not a regular file"));
    };
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)?;
    let mut bytes = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    let timeout = Timespec {
        tv_sec: idle.as_secs() as i64,
        tv_nsec: idle.subsec_nanos().into(),
    };
    loop {
        let mut fds = [PollFd::new(&file, PollFlags::IN)];
        match poll(&mut fds, Some(&timeout)) {
            Ok(0) => return Err(ReadError::Idle { what, idle }),
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(ReadError::Io(e.into())),
        }
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                bytes.extend_from_slice(&buf[..n]);
                if bytes.len() as u64 > limit {
                    return Err(ReadError::TooLarge {
                        size: bytes.len() as u64,
                        limit,
                    });
                }
            }
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::Interrupted
                ) => {}
            Err(e) => return Err(ReadError::Io(e)),
        }
    }
    Ok(bytes)
}

fn check_size(bytes: Vec<u8>, limit: u64) -> Result<Vec<u8>, ReadError> {
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::time::Instant;

    fn fifo(dir: &Path) -> std::path::PathBuf {
        let p = dir.join("fifo");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &p,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        p
    }

    #[test]
    fn a_fifo_nobody_writes_to_gives_up_instead_of_hanging() {
        let dir = tempfile::tempdir().unwrap();
        let p = fifo(dir.path());
        let start = Instant::now();
        let err = read_limited_with(&p, 1000, Duration::from_millis(200)).unwrap_err();
        assert!(matches!(err, ReadError::Idle { .. }), "{err}");
        assert!(err.to_string().contains("a FIFO"), "{err}");
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_fifo_is_read_as_a_stream_with_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let p = fifo(dir.path());
        let writer = {
            let p = p.clone();
            std::thread::spawn(move || {
                let mut f = std::fs::OpenOptions::new().write(true).open(p).unwrap();
                f.write_all(b"format = 1\n").unwrap();
            })
        };
        let bytes = read_limited_with(&p, 1000, Duration::from_secs(5)).unwrap();
        writer.join().unwrap();
        assert_eq!(bytes, b"format = 1\n");

        let writer = {
            let p = p.clone();
            std::thread::spawn(move || {
                let mut f = std::fs::OpenOptions::new().write(true).open(p).unwrap();
                let _ = f.write_all(&[b'x'; 5000]);
            })
        };
        let err = read_limited_with(&p, 1000, Duration::from_secs(5)).unwrap_err();
        writer.join().unwrap();
        assert!(matches!(err, ReadError::TooLarge { .. }), "{err}");
    }

    #[test]
    fn devices_are_streams_with_the_limit() {
        let zero = read_limited_with(Path::new("/dev/zero"), 100_000, Duration::from_secs(1));
        assert!(matches!(zero, Err(ReadError::TooLarge { .. })), "{zero:?}");
        let null = read_limited_with(Path::new("/dev/null"), 100, Duration::from_secs(1));
        assert_eq!(null.unwrap(), b"");
    }
}
