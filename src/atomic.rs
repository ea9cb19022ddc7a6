//! Writes files the way shell redirection does, but atomically where it can: a regular file is
//! replaced through a temporary file in its directory and a rename, so a failed or interrupted
//! run leaves the previous file whole. What is not a regular file (a FIFO, a device such as
//! `/dev/null`, a pipe behind `/dev/stdout`) is written through, never renamed over, and a
//! symlink's target is written, never the link itself.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path`: atomically for a regular file (or a new one), through the file
/// for anything else.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // Callers name `path`; the temporary file's own name would only confuse the message.
    let result = match destination(path)? {
        Destination::Replace(target) => write_via_temporary(&target, bytes),
        Destination::Through => write_through(path, bytes),
    };
    result.map_err(|e| std::io::Error::new(e.kind(), plain(&e)))
}

/// How `write` puts bytes at a path.
enum Destination {
    /// Replace this regular file (the path itself, or the file a symlink points to).
    Replace(PathBuf),
    /// Open the path and write into it.
    Through,
}

fn destination(path: &Path) -> std::io::Result<Destination> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "is a directory",
        )),
        // Renaming over a link would replace the link; replace the file it points to.
        Ok(m) if m.is_file() && is_link => Ok(Destination::Replace(std::fs::canonicalize(path)?)),
        Ok(m) if m.is_file() => Ok(Destination::Replace(path.to_path_buf())),
        // A FIFO, a device, a socket: renaming over it would destroy it (as root, even
        // `/dev/full`).
        Ok(_) => Ok(Destination::Through),
        // A dangling symlink: the shell creates the file it points to, and so does this.
        Err(_) if is_link => Ok(Destination::Through),
        Err(_) => Ok(Destination::Replace(path.to_path_buf())),
    }
}

fn write_through(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)?;
    f.write_all(bytes)?;
    f.flush()
}

/// The OS's message without tempfile's "at path .rubric-XXXX.tmp" suffix.
fn plain(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" at path ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn write_via_temporary(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".rubric-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // Keep the mode of the file being replaced; a new file gets the usual 0644 rather than the
    // temporary file's private 0600.
    let perms = match std::fs::metadata(path) {
        Ok(m) => m.permissions(),
        Err(_) => default_permissions(),
    };
    tmp.as_file().set_permissions(perms)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
fn default_permissions() -> std::fs::Permissions {
    tempfile::tempfile()
        .and_then(|f| f.metadata())
        .map(|m| m.permissions())
        .expect("temporary file metadata")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_no_temporary_files() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("out.json");
        write(&p, b"one").unwrap();
        write(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_symlinks_and_devices_without_replacing_them() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("target.md");
        std::fs::write(&target, "old").unwrap();
        let link = d.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let dangling = d.path().join("dangling.md");
        std::os::unix::fs::symlink(d.path().join("created.md"), &dangling).unwrap();
        write(&dangling, b"made").unwrap();
        assert_eq!(std::fs::read(d.path().join("created.md")).unwrap(), b"made");
        // A device is written into, not renamed over.
        let null = d.path().join("null");
        std::os::unix::fs::symlink("/dev/null", &null).unwrap();
        write(&null, b"gone").unwrap();
        assert!(std::fs::symlink_metadata(&null)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(write(d.path(), b"x").is_err(), "a directory is refused");
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("missing-dir").join("out.json");
        assert!(write(&p, b"x").is_err());
        assert!(!p.exists());
    }
}
