//! Reading a file a user named: only a regular file (never a device, a FIFO
//! or a socket, which can block forever or never end), and never more than
//! a stated limit, so a wrong path cannot hang reso or fill memory.

use std::io::Read;
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
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

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
