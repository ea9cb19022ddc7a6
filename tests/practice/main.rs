//! `rubric practice`, the history (`grade --save`, `history export | import | path`),
//! `rubric progress`, and the HTML pages (`report --html`, `check --format html`), run as a user
//! runs them: the real binary, with the history in a temporary directory, the editor replaced
//! by a script, and one session driven through a real terminal (tmux). One test binary.

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod history;
mod html;
mod interactive;
mod progress;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Output;

pub use common::ROOT;

/// A user's machine for one test: a history folder (`RUBRIC_HOME`), a temporary folder
/// (`TMPDIR`, where the editor's file goes) and a data folder, all inside one temporary
/// directory, with no editor set.
pub struct Machine {
    pub dir: tempfile::TempDir,
}

impl Default for Machine {
    fn default() -> Self {
        Machine::new()
    }
}

impl Machine {
    pub fn new() -> Machine {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["home", "tmp", "data"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        Machine { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The history file `rubric` uses on this machine.
    pub fn history(&self) -> PathBuf {
        self.path("home/history.sqlite3")
    }

    /// `rubric` on this machine.
    pub fn rubric(&self) -> Command {
        let mut c = common::rubric();
        c.current_dir(ROOT)
            .env("RUBRIC_HOME", self.path("home"))
            .env("TMPDIR", self.path("tmp"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env_remove("EDITOR")
            .env_remove("VISUAL")
            .env_remove("RUBRIC_DATE");
        c
    }

    /// `rubric` with only the tiny rubric of the CLI fixtures loaded (question `tiny-01`).
    pub fn tiny(&self) -> Command {
        let mut c = self.rubric();
        c.args(["--no-builtin", "--rubrics", "tests/fixtures/cli/rubrics"]);
        c
    }

    /// `rubric practice --question tiny-01`, the answer written by `editor`.
    pub fn practice_tiny_with(&self, editor: impl AsRef<std::ffi::OsStr>) -> std::process::Output {
        self.tiny()
            .env("EDITOR", editor)
            .args(["practice", "--question", "tiny-01"])
            .output()
            .unwrap()
    }

    /// An executable shell script in this machine's folder, standing in for an editor.
    pub fn script(&self, name: &str, body: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        path
    }

    /// Files left in the temporary folder (drafts kept, or editor files not cleaned up).
    pub fn temp_files(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(self.path("tmp"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    }

    /// The attempts in the history, as `history export` writes them.
    pub fn attempts(&self) -> Vec<serde_json::Value> {
        let out = self.rubric().args(["history", "export"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// Records `answer` at `question` at `date` with `grade --save` (the tiny rubric when the
    /// question is `tiny-01`).
    pub fn record(&self, date: &str, question: &str, answer: &str) {
        let mut c = if question.starts_with("tiny") {
            self.tiny()
        } else {
            self.rubric()
        };
        let out = c
            .env("RUBRIC_DATE", date)
            .args(["grade", question, "--save"])
            .write_stdin(answer)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A file of the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(ROOT).join(path)
}

pub fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap()
}

/// An error as the binary reports one: the code, and a `rubric: ` line on stderr holding
/// every needle.
pub fn assert_error(out: &Output, code: i32, needles: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    let line = err
        .lines()
        .find(|l| l.starts_with("rubric: "))
        .unwrap_or_else(|| panic!("no `rubric: ` line in {err:?}"));
    for needle in needles {
        assert!(line.contains(needle), "{needle:?} missing from {line:?}");
    }
}
