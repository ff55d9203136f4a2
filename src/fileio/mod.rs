//! Files at the edges of the program. Reading a draft or a text with a size limit, where a
//! FIFO or a character device is read as a stream that cannot hang ([`read`]); writing one
//! so that nothing is lost or damaged ([`write`]): an atomic replace for regular files that
//! keeps their permissions, hard links and owner, writing into devices and FIFOs instead of
//! renaming over them, and a clear refusal for read-only files.

mod read;
mod write;

pub use read::{ReadError, STREAM_IDLE, read_limited, read_limited_with};
pub use write::{WriteOptions, explain, is_terminal, write};
