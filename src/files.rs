//! Reading a file a user named: only a regular file (never a device, a FIFO
//! or a socket, which can block forever or never end), and never more than
//! a stated limit, so a wrong path cannot hang reso or fill memory.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// A directory, device, FIFO or socket: what it is.
    NotRegular(&'static str),
    /// Larger than the limit: its size in bytes.
    TooLarge(u64, u64),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => match e.kind() {
                std::io::ErrorKind::NotFound => write!(f, "no such file or folder"),
                std::io::ErrorKind::PermissionDenied => write!(f, "permission denied"),
                _ => write!(f, "{e}"),
            },
            ReadError::NotRegular(what) => write!(f, "not a regular file ({what})"),
            ReadError::TooLarge(size, limit) => {
                write!(f, "too large: {} (reso reads files up to {})", human_size(*size), human_size(*limit))
            }
        }
    }
}

/// `1536` → `1.5 KB`: sizes in messages, in powers of 1024.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 { format!("{bytes} bytes") } else { format!("{value:.1} {}", UNITS[unit]) }
}

/// What a file that is not regular is, for the message.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_dir() {
        "a folder"
    } else if t.is_fifo() {
        "a named pipe"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "not a file"
    }
}

/// The bytes of the regular file at `path`, if it holds at most `limit`.
/// The check is made on the opened file (no race with a rename), and the
/// read stops at the limit even if the file grows meanwhile.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Opening a FIFO for reading blocks until a writer comes: look first.
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(&meta)));
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(&meta)));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len(), limit));
    }
    let mut bytes = read_large_in_halves(&file, meta.len()).unwrap_or_default();
    // What is left: all of a small file; what a large one grew by meanwhile.
    let mut rest = &file;
    rest.seek(SeekFrom::Start(bytes.len() as u64)).map_err(ReadError::Io)?;
    bytes.reserve_exact(usize::try_from(meta.len()).unwrap_or(0).saturating_sub(bytes.len()));
    rest.take((limit + 1).saturating_sub(bytes.len() as u64)).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// Below this size one read is as quick as two.
const READ_IN_HALVES_FROM: u64 = 8 << 20;

/// A large file's `size` bytes read in two halves on two threads: copying
/// 50 MB out of the page cache is a tenth of `reso find`'s time on such a
/// file, and both halves copy at once. None for a small file, or when a
/// read fails (the file shrank meanwhile): the caller then reads it all.
fn read_large_in_halves(file: &std::fs::File, size: u64) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    if size < READ_IN_HALVES_FROM {
        return None;
    }
    // Zeroed memory straight from the system: its pages are first touched
    // by the reads themselves.
    let mut bytes = vec![0u8; usize::try_from(size).ok()?];
    let middle = bytes.len() / 2;
    let (first, second) = bytes.split_at_mut(middle);
    let read = std::thread::scope(|scope| {
        let other = scope.spawn(|| file.read_exact_at(second, middle as u64));
        let here = file.read_exact_at(first, 0);
        here.is_ok() && other.join().is_ok_and(|r| r.is_ok())
    });
    read.then_some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_read_in_halves_is_every_byte_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("large.txt");
        // Bytes that differ from place to place, an odd length, a split
        // that falls inside a multi-byte char.
        let text =
            (0..(READ_IN_HALVES_FROM as usize / 7 + 3)).map(|i| format!("{:06}é", i % 999_983)).collect::<String>()
                + "x";
        std::fs::write(&path, &text).unwrap();
        assert!(text.len() as u64 >= READ_IN_HALVES_FROM && text.len() % 2 == 1);
        assert_eq!(read_regular(&path, 1 << 30).unwrap(), text.as_bytes());
        assert!(matches!(read_regular(&path, 1 << 20), Err(ReadError::TooLarge(..))));
        let small = dir.path().join("small.txt");
        std::fs::write(&small, "Recalling;\n").unwrap();
        assert_eq!(read_regular(&small, 1 << 20).unwrap(), b"Recalling;\n");
    }

    #[test]
    fn devices_folders_and_fifos_are_refused_without_reading() {
        for path in ["/dev/zero", "/dev/null", "/"] {
            let err = read_regular(Path::new(path), 1 << 20).unwrap_err();
            assert!(matches!(err, ReadError::NotRegular(_)), "{path}: {err}");
        }
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        if std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
            let err = read_regular(&fifo, 1 << 20).unwrap_err();
            assert_eq!(err.to_string(), "not a regular file (a named pipe)");
        }
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, vec![b'x'; 3000]).unwrap();
        assert_eq!(read_regular(&path, 3000).unwrap().len(), 3000);
        let err = read_regular(&path, 2048).unwrap_err();
        assert_eq!(err.to_string(), "too large: 2.9 KB (reso reads files up to 2.0 KB)");
    }
}
