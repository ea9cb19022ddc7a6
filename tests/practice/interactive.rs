//! A practice session in a real terminal: tmux runs a shell, keys are typed into it, and the
//! screen is read back, as a candidate would see it. First with no editor (the answer typed
//! at the terminal, ended with Ctrl-D), then in vim; `rubric progress` before and after shows
//! the attempts arrive. Skipped, saying so, where tmux (or vim) is not installed.

use super::*;
use std::process::Command as Process;
use std::time::{Duration, Instant};

/// One tmux server of its own (its own socket), running one shell.
struct Terminal {
    socket: String,
}

impl Terminal {
    fn start(m: &Machine) -> Option<Terminal> {
        if Process::new("tmux").arg("-V").output().is_err() {
            eprintln!("tmux is not installed: the interactive session is not tested");
            return None;
        }
        let socket = format!("rubric-test-{}", std::process::id());
        let bin = assert_cmd::cargo::cargo_bin("rubric");
        // A clean environment: the developer's own editor, colors or history never leak in.
        let shell = format!(
            "env -i PATH='{}:/usr/bin:/bin' HOME='{}' TERM=xterm-256color LANG=C.UTF-8 NO_COLOR=1 RUBRIC_HOME='{}' TMPDIR='{}' RUBRIC_RUBRICS='{}' PS1='$ ' sh",
            bin.parent().unwrap().display(),
            m.path("data").display(),
            m.path("home").display(),
            m.path("tmp").display(),
            repo("tests/fixtures/cli/rubrics").display(),
        );
        let status = Process::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "main",
                "-x",
                "110",
                "-y",
                "50",
            ])
            .arg(shell)
            .current_dir(ROOT)
            .status()
            .unwrap();
        assert!(status.success());
        let t = Terminal { socket };
        t.wait_for("$ ");
        Some(t)
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Process::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap()
    }

    /// Presses keys (tmux key names: `Enter`, `C-d`, `Escape`).
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success());
    }

    /// Types text as it is.
    fn type_text(&self, text: &str) {
        assert!(self
            .tmux(&["send-keys", "-t", "main", "-l", text])
            .status
            .success());
    }

    /// Runs a command line in the shell.
    fn run(&self, line: &str) {
        self.type_text(line);
        self.keys(&["Enter"]);
    }

    /// The screen and its scrollback, long lines joined.
    fn screen(&self) -> String {
        String::from_utf8(
            self.tmux(&["capture-pane", "-p", "-J", "-t", "main", "-S", "-500"])
                .stdout,
        )
        .unwrap()
    }

    /// Waits until `needle` is on the screen (after `after` occurrences of it); returns the screen.
    fn wait_for_nth(&self, needle: &str, nth: usize) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.matches(needle).count() > nth {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(30) {
                panic!(
                    "{needle:?} (occurrence {}) never appeared; the screen:\n{screen}",
                    nth + 1
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn wait_for(&self, needle: &str) -> String {
        self.wait_for_nth(needle, 0)
    }

    /// Clears the screen and its scrollback, so the next wait sees only what comes next.
    fn clear(&self) {
        self.run("clear");
        std::thread::sleep(Duration::from_millis(200));
        self.tmux(&["clear-history", "-t", "main"]);
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

#[test]
fn a_candidate_practices_in_a_real_terminal_and_sees_progress_change() {
    let m = Machine::new();
    let Some(t) = Terminal::start(&m) else { return };

    t.run("rubric progress --set tiny");
    let screen = t.wait_for("Never tried: 1 question");
    assert!(screen.contains("No attempts yet"), "{screen}");
    t.clear();

    // No editor: the question, then the answer typed at the terminal, ended with Ctrl-D.
    t.run("rubric practice --question tiny-01");
    let screen = t.wait_for("press Ctrl-D");
    assert!(screen.contains("Practice tiny-01"), "{screen}");
    assert!(screen.contains("How do you make retries safe?"), "{screen}");
    t.type_text("Retry with exponential backoff and jitter.");
    t.keys(&["Enter", "C-d"]);
    let screen = t.wait_for("Recorded attempt 1 at tiny-01");
    assert!(screen.contains("Score "), "{screen}");
    assert!(screen.contains("✗ only idempotent requests"), "{screen}");
    assert!(
        screen.contains("Say which requests are safe to retry."),
        "{screen}"
    );
    t.clear();

    t.run("rubric progress --set tiny");
    let screen = t.wait_for("Points you miss most often");
    let row = screen
        .lines()
        .find(|l| l.starts_with("tiny-01"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert_eq!(
        row.split_whitespace().nth(1),
        Some("1"),
        "one attempt: {row}"
    );
    assert!(screen.contains("tiny  1 of 1"), "{screen}");
    assert!(!screen.contains("Never tried"), "{screen}");
    t.clear();

    // In vim, the way most candidates with EDITOR set would answer.
    if Process::new("vim").arg("--version").output().is_err() {
        eprintln!("vim is not installed: the editor half of the session is not tested");
        return;
    }
    t.run("EDITOR='vim -u NONE -N -n' rubric practice --question tiny-01");
    let screen = t.wait_for("# rubric practice: tiny-01");
    assert!(screen.contains(">8"), "{screen}");
    t.keys(&["G", "o"]);
    t.type_text("Only idempotent requests are retried, with exponential backoff and jitter.");
    t.keys(&["Escape"]);
    t.type_text(":wq");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Recorded attempt 2 at tiny-01");
    assert!(
        screen.contains("was "),
        "the attempt before is named: {screen}"
    );
    t.clear();

    t.run("rubric progress --set tiny");
    let screen = t.wait_for("MEAN BEST");
    let screen = if screen.lines().any(|l| l.starts_with("tiny-01")) {
        screen
    } else {
        t.wait_for("tiny-01 ")
    };
    let row = screen.lines().find(|l| l.starts_with("tiny-01")).unwrap();
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells[1], "2", "two attempts: {row}");
    assert_eq!(
        cells.last().unwrap().chars().count(),
        2,
        "a bar per attempt: {row}"
    );
    assert!(
        m.temp_files().is_empty(),
        "no draft left behind: {:?}",
        m.temp_files()
    );
    assert_eq!(m.attempts().len(), 2);
}
