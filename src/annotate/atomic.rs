//! Writing a file so that a crash or power cut at any moment leaves either
//! the old or the new file, never a broken one, and keeps the old one as a
//! backup.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// `notes.ron` → `notes.ron.bak`
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Replace `path` with `bytes`: the old file is copied to `.bak` (synced),
/// a temporary file in the same folder is written and synced, given the
/// old file's mode, owner and group, renamed over the target, and the
/// folder is synced so the rename itself is durable.
///
/// Temporary files are private (0600) from the moment they exist, since
/// they hold the same private notes; ones left by a process that died are
/// removed on the next save. A symlink is written through (its target is
/// replaced, the link stays); a file with other hard links is rewritten in
/// place after its backup is safe, since a rename would split the links.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let path = resolve_symlinks(path);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)?;
    remove_stale_temporaries(&path);
    let old = fs::metadata(&path).ok();
    let pid = std::process::id();
    let tmp = with_suffix(&path, &format!(".tmp.{pid}"));
    let bak_tmp = with_suffix(&path, &format!(".bak.tmp.{pid}"));
    let result = (|| {
        if let Some(meta) = &old {
            // The previous version, kept: copied (not moved) so `path`
            // never stops existing.
            let mut copy = create_private(&bak_tmp)?;
            std::io::copy(&mut File::open(&path)?, &mut copy)?;
            keep_owner_and_mode(&copy, meta)?;
            copy.sync_all()?;
            fs::rename(&bak_tmp, backup_path(&path))?;
            if meta.nlink() > 1 {
                let mut file = OpenOptions::new().write(true).truncate(true).open(&path)?;
                file.write_all(bytes)?;
                return file.sync_all();
            }
        }
        let mut file = create_private(&tmp)?;
        file.write_all(bytes)?;
        if let Some(meta) = &old {
            keep_owner_and_mode(&file, meta)?;
        }
        file.sync_all()?;
        fs::rename(&tmp, &path)?;
        File::open(&dir)?.sync_all()
    })();
    if result.is_err() {
        // A full disk must not leave a partial private copy behind.
        let _ = fs::remove_file(&tmp);
        let _ = fs::remove_file(&bak_tmp);
    }
    result
}

/// The file a chain of symlinks ends at (the path itself if it is none).
/// A dangling link gives the path it points to, which is then created.
pub fn resolve_symlinks(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    // As many hops as the kernel follows before it gives up (ELOOP).
    for _ in 0..40 {
        match fs::read_link(&p) {
            Ok(target) if target.is_absolute() => p = target,
            Ok(target) => p = p.parent().map_or_else(|| target.clone(), |d| d.join(&target)),
            Err(_) => break,
        }
    }
    p
}

/// A new file readable by its owner only, replacing any leftover of the
/// same name (a process id used again).
fn create_private(path: &Path) -> std::io::Result<File> {
    let _ = fs::remove_file(path);
    OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)
}

/// Give `file` the owner, group and mode of the file it replaces. Only the
/// superuser may give a file away, and only a member may set a group:
/// what is not allowed is left as created (ours, our group).
fn keep_owner_and_mode(file: &File, old: &fs::Metadata) -> std::io::Result<()> {
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
    file.set_permissions(fs::Permissions::from_mode(old.permissions().mode() & 0o7777))
}

/// Remove `NAME.tmp.PID` and `NAME.bak.tmp.PID` left by processes that no
/// longer run (killed mid-save): they are private copies of the notes.
fn remove_stale_temporaries(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else { return };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(name)) else { continue };
        let Some(pid) = rest.strip_prefix(".tmp.").or_else(|| rest.strip_prefix(".bak.tmp.")) else { continue };
        let Ok(pid) = pid.parse::<u32>() else { continue };
        if pid != std::process::id() && !process_alive(pid, &entry) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` still runs. Where /proc is not there to ask, a
/// temporary file untouched for an hour is taken as abandoned.
fn process_alive(pid: u32, entry: &fs::DirEntry) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    let age = entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
    age.is_none_or(|a| a < std::time::Duration::from_secs(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_keeps_permissions_and_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.ron");
        write_atomic(&path, b"one").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_file_is_private_from_the_start() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.ron");
        write_atomic(&path, b"one").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn stale_temporary_files_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.ron");
        write_atomic(&path, b"one").unwrap();
        // No process has this id (above Linux's pid_max).
        for name in ["notes.ron.tmp.99999999", "notes.ron.bak.tmp.99999999", "other.ron.tmp.99999999"] {
            fs::write(dir.path().join(name), "private").unwrap();
        }
        // Process 1 always runs: its temporary file is left alone.
        let live = "notes.ron.tmp.1".to_string();
        fs::write(dir.path().join(&live), "x").unwrap();
        write_atomic(&path, b"two").unwrap();
        let names = names_in(dir.path());
        assert_eq!(names, ["notes.ron", "notes.ron.bak", live.as_str(), "other.ron.tmp.99999999"], "{names:?}");
    }

    #[test]
    fn a_symlinked_file_is_written_through_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("real")).unwrap();
        let target = dir.path().join("real").join("notes.ron");
        fs::write(&target, "one").unwrap();
        let link = dir.path().join("notes.ron");
        std::os::unix::fs::symlink("real/notes.ron", &link).unwrap();
        write_atomic(&link, b"two").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(&target).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&target)).unwrap(), b"one");
    }

    #[test]
    fn a_hard_linked_file_stays_linked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.ron");
        fs::write(&path, "one").unwrap();
        let other = dir.path().join("also.ron");
        fs::hard_link(&path, &other).unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&other).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
    }

    #[test]
    fn owner_and_group_are_kept_where_allowed() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.ron");
        fs::write(&path, "one").unwrap();
        let meta = fs::metadata(&path).unwrap();
        // Another group than the one a new file gets; only possible where
        // we may give files away (root, or a member of several groups).
        let group = if meta.gid() == 0 { 1 } else { 0 };
        if std::os::unix::fs::chown(&path, None, Some(group)).is_err() {
            eprintln!("cannot change a file's group here: nothing to check");
            return;
        }
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().gid(), group);
    }

    #[test]
    fn temporary_files_are_private_from_their_creation() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path().join("notes.ron.tmp.1");
        // A leftover of the same name with a wide mode is not reused.
        fs::write(&tmp, "old").unwrap();
        fs::set_permissions(&tmp, fs::Permissions::from_mode(0o644)).unwrap();
        let file = create_private(&tmp).unwrap();
        assert_eq!(file.metadata().unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(file.metadata().unwrap().len(), 0);
    }
}
