//! Which file a path or a standard stream is, by device and inode, so that `check -o` can
//! refuse to write its report over an answer it reads, and can tell `-o /dev/stdout` from a file.

use std::path::Path;

/// One file on disk, however it was reached (a symlink, a hard link, `/dev/stdin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

/// The file at `path`, following symlinks; `None` when it does not exist or cannot be read.
pub fn of_path(path: &Path) -> Option<FileId> {
    std::fs::metadata(path).ok().and_then(|m| of_metadata(&m))
}

/// The file behind standard input, when it is one (`rubric check - < answer.md`).
pub fn of_stdin() -> Option<FileId> {
    of_stream(&std::io::stdin())
}

/// The file, pipe or terminal behind standard output.
pub fn of_stdout() -> Option<FileId> {
    of_stream(&std::io::stdout())
}

#[cfg(unix)]
fn of_metadata(m: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some(FileId {
        dev: m.dev(),
        ino: m.ino(),
    })
}

#[cfg(not(unix))]
fn of_metadata(_: &std::fs::Metadata) -> Option<FileId> {
    None
}

#[cfg(unix)]
fn of_stream(s: &impl std::os::fd::AsFd) -> Option<FileId> {
    let fd = s.as_fd().try_clone_to_owned().ok()?;
    of_metadata(&std::fs::File::from(fd).metadata().ok()?)
}

#[cfg(not(unix))]
fn of_stream<T>(_: &T) -> Option<FileId> {
    None
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_symlink_and_a_hard_link_are_the_same_file() {
        let d = tempfile::tempdir().unwrap();
        let a = d.path().join("a.md");
        std::fs::write(&a, "x").unwrap();
        std::os::unix::fs::symlink(&a, d.path().join("s.md")).unwrap();
        std::fs::hard_link(&a, d.path().join("h.md")).unwrap();
        std::fs::write(d.path().join("b.md"), "x").unwrap();
        let id = of_path(&a).unwrap();
        assert_eq!(of_path(&d.path().join("s.md")), Some(id));
        assert_eq!(of_path(&d.path().join("h.md")), Some(id));
        assert_ne!(of_path(&d.path().join("b.md")), Some(id));
        assert_eq!(of_path(&d.path().join("missing.md")), None);
    }
}
