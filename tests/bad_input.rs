//! What a user can throw at `rubric` by mistake: empty, binary, oversized, unreadable and
//! malformed inputs. Each is refused with one line on stderr naming the input, the documented
//! exit code, nothing on stdout, quickly, and without a panic.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

mod common;
use common::ROOT;

/// Generous for a debug build on a busy machine; a hang or a quadratic blow-up still fails.
const TIMEOUT: Duration = Duration::from_secs(20);

fn rubric() -> Command {
    let mut c = common::rubric();
    c.timeout(TIMEOUT);
    c
}

fn fixture(name: &str) -> PathBuf {
    Path::new(ROOT).join("tests/fixtures/cli").join(name)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The refusal every bad input gets: the exit code, nothing on stdout, and one `rubric: ` line
/// on stderr containing every needle.
fn assert_refused(out: &Output, code: i32, needles: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(stdout(out), "", "stdout must be empty on error");
    assert!(
        err.starts_with("rubric: ") && err.ends_with('\n') && err.lines().count() == 1,
        "one `rubric: ` line expected, got: {err:?}"
    );
    for needle in needles {
        assert!(err.contains(needle), "{needle:?} missing from {err:?}");
    }
}

/// A temporary directory with one file of `bytes` named `name`; returns the dir and the path.
fn file_with(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    (d, p)
}

/// `rubric grade sre-13 FILE`, run from FILE's directory so messages show the plain name.
fn grade(path: &Path) -> Output {
    rubric()
        .current_dir(path.parent().unwrap())
        .args(["grade", "sre-13"])
        .arg(path.file_name().unwrap())
        .output()
        .unwrap()
}

fn grade_bytes(name: &str, bytes: &[u8]) -> Output {
    let (_d, p) = file_with(name, bytes);
    grade(&p)
}

/// True when the current user can read `path` whatever its mode says (root can).
#[cfg(unix)]
fn readable_anyway(path: &Path) -> bool {
    std::fs::read(path).is_ok()
}

// ---- Empty answers ----

#[test]
fn an_empty_file_is_refused() {
    let out = grade_bytes("empty.md", b"");
    assert_refused(&out, 2, &["empty.md: the answer is empty"]);
}

#[test]
fn a_whitespace_only_file_is_refused() {
    let out = grade_bytes("blank.md", b"  \n\t\r\n   \n");
    assert_refused(&out, 2, &["blank.md: the answer is empty"]);
}

#[test]
fn a_file_of_symbols_without_words_is_refused() {
    let out = grade_bytes("symbols.md", b"--- ... !!! // ***\n");
    assert_refused(&out, 2, &["symbols.md: the answer has no words"]);
}

#[test]
fn empty_standard_input_is_refused() {
    let out = rubric()
        .args(["grade", "sre-13", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_refused(&out, 2, &["<stdin>: the answer is empty"]);
}

// ---- Not text ----

#[test]
fn png_bytes_are_refused_as_binary() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend([0u8; 64]);
    let out = grade_bytes("diagram.png", &png);
    assert_refused(&out, 2, &["diagram.png: looks like a binary file"]);
}

#[test]
fn nul_bytes_in_text_are_refused_as_binary() {
    let out = grade_bytes("nul.md", b"Circuit breakers and\0 bulkheads.\n");
    assert_refused(&out, 2, &["nul.md: looks like a binary file", "NUL"]);
    let out = rubric()
        .args(["grade", "sre-13"])
        .write_stdin(&b"text\0more"[..])
        .output()
        .unwrap();
    assert_refused(&out, 2, &["<stdin>: looks like a binary file"]);
}

#[test]
fn invalid_utf8_is_refused_naming_the_line() {
    let out = grade_bytes("latin1.md", b"Timeouts and retries.\n\xff\xfe caf\xe9\n");
    assert_refused(
        &out,
        2,
        &[
            "latin1.md:2: not valid UTF-8 (byte 22)",
            "save the answer as UTF-8",
        ],
    );
    let out = rubric()
        .args(["grade", "sre-13", "-"])
        .write_stdin(&b"\xc3\x28 caf"[..])
        .output()
        .unwrap();
    assert_refused(&out, 2, &["<stdin>:1: not valid UTF-8"]);
}

// ---- Size ----

#[test]
fn a_50_mb_answer_is_refused_quickly_mentioning_the_limit() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("huge.md");
    let line = "Circuit breakers, bulkheads and load shedding stop cascading failures.\n";
    std::fs::write(&p, line.repeat(50 * 1024 * 1024 / line.len())).unwrap();
    assert!(std::fs::metadata(&p).unwrap().len() > 49 * 1024 * 1024);
    let start = Instant::now();
    let out = grade(&p);
    assert_refused(
        &out,
        2,
        &["huge.md: larger than the 1024 KiB limit for an answer"],
    );
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "took {:?}: the limit must stop reading early",
        start.elapsed()
    );
}

#[test]
fn a_10_mb_line_without_spaces_is_refused_as_over_the_limit() {
    let out = grade_bytes("one-line.md", &vec![b'a'; 10 * 1024 * 1024]);
    assert_refused(&out, 2, &["one-line.md: larger than the 1024 KiB limit"]);
}

#[test]
fn a_900_kb_line_without_spaces_is_under_the_limit_and_graded_quickly() {
    let word: Vec<u8> = b"abcdefghij".repeat(90_000);
    assert_eq!(word.len(), 900_000);
    let (_d, p) = file_with("long-word.md", &word);
    let start = Instant::now();
    let out = rubric()
        .current_dir(p.parent().unwrap())
        .args([
            "grade",
            "sre-13",
            "long-word.md",
            "--format",
            "json",
            "--min-score",
            "60",
        ])
        .output()
        .unwrap();
    let elapsed = start.elapsed();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "graded, not refused: {}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("panicked"));
    let g: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(g["words"], 1);
    assert!(g["score"].as_u64().unwrap() <= 100);
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
}

// ---- Not a readable file ----

#[test]
fn a_directory_is_not_an_answer_file() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("answers")).unwrap();
    let out = grade(&d.path().join("answers"));
    assert_refused(&out, 2, &["answers: is a directory, not an answer file"]);
}

#[test]
fn a_missing_file_is_refused_naming_it() {
    let d = tempfile::tempdir().unwrap();
    let out = grade(&d.path().join("missing.md"));
    assert_refused(&out, 2, &["missing.md: ", "No such file or directory"]);
}

/// Every I/O error names its path once and its cause once, as `path: cause`.
#[test]

fn regression_io_errors_printed_the_os_error_twice() {
    let d = tempfile::tempdir().unwrap();
    let cause = "No such file or directory (os error 2)";
    for args in [
        &["grade", "sre-13", "missing.md"][..],
        &["--rubrics", "missing-dir", "list"],
        &["build", "missing.txt", "--out", "OUT"],
        &["--config", "missing.toml", "check", "."],
    ] {
        let out = rubric().current_dir(d.path()).args(args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.matches(cause).count(), 1, "{args:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, p) = file_with("secret.md", b"Circuit breakers and bulkheads.\n");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if readable_anyway(&p) {
        eprintln!(
            "skipped: {} is readable despite mode 000 (running as root?)",
            p.display()
        );
        return;
    }
    let out = grade(&p);
    assert_refused(&out, 2, &["secret.md: ", "Permission denied"]);
}

// ---- Unknown questions ----

#[test]
fn an_unknown_question_id_is_refused() {
    let (_d, p) = file_with("answer.md", b"Circuit breakers and bulkheads.\n");
    let out = rubric()
        .current_dir(p.parent().unwrap())
        .args(["grade", "sre-999", "answer.md"])
        .output()
        .unwrap();
    assert_refused(&out, 2, &["unknown question `sre-999`"]);
}

// ---- Malformed rubrics and configuration ----

#[test]
fn malformed_rubric_json_names_file_line_and_column() {
    // The fixture's `sre.json` replaces the built-in SRE set (as asked), and breaks at line 3,
    // column 10.
    let dir = fixture("malformed-rubric");
    let answer = Path::new(ROOT).join("examples/answers/sre-13-strong.md");
    let out = rubric()
        .arg("--replace-builtin")
        .arg("--rubrics")
        .arg(&dir)
        .args(["grade", "sre-13"])
        .arg(&answer)
        .output()
        .unwrap();
    assert_refused(&out, 2, &["sre.json:3:10: expected value"]);
    // Commands that read every set refuse it too.
    let out = rubric()
        .arg("--replace-builtin")
        .arg("--rubrics")
        .arg(&dir)
        .arg("list")
        .output()
        .unwrap();
    assert_refused(&out, 2, &["malformed-rubric/sre.json:3:10: "]);
}

#[test]
fn the_tiny_rubric_fixture_is_valid() {
    let dir = fixture("rubrics");
    let out = rubric()
        .args(["--no-builtin", "--rubrics"])
        .arg(&dir)
        .args(["grade", "tiny-01", "-"])
        .write_stdin(
            "Retry with exponential backoff and jitter, and only retry idempotent requests \
             that carry an idempotency key.",
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("100/100 strong"), "{}", stdout(&out));
}

#[test]
fn a_rubric_file_with_an_unknown_field_is_refused() {
    let valid = std::fs::read_to_string(fixture("rubrics/tiny.json")).unwrap();
    let at = valid
        .lines()
        .position(|l| l.contains("\"kind\": \"technical\""))
        .unwrap();
    let text = valid.replacen(
        "\"kind\": \"technical\",",
        "\"kind\": \"technical\",\n      \"colour\": \"blue\",",
        1,
    );
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("tiny.json"), text).unwrap();
    let out = rubric()
        .current_dir(d.path())
        .args(["--rubrics", ".", "grade", "tiny-01", "-"])
        .write_stdin("Exponential backoff with jitter.")
        .output()
        .unwrap();
    // The unknown key sits on the line after `kind`.
    assert_refused(
        &out,
        2,
        &[&format!("tiny.json:{}:", at + 2), "unknown field `colour`"],
    );
}

#[test]
fn a_config_file_with_an_unknown_key_is_refused_naming_file_and_line() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("rubric.toml"), "min_score = 70\ncolour = 1\n").unwrap();
    std::fs::write(
        d.path().join("sre-13.md"),
        std::fs::read(Path::new(ROOT).join("examples/answers/sre-13-strong.md")).unwrap(),
    )
    .unwrap();
    let out = rubric()
        .current_dir(d.path())
        .arg("check")
        .output()
        .unwrap();
    assert_refused(&out, 2, &["rubric.toml:2:1: unknown field `colour`"]);
    // Every command reads the config of the working directory.
    let out = rubric()
        .current_dir(d.path())
        .args(["grade", "sre-13", "sre-13.md"])
        .output()
        .unwrap();
    assert_refused(&out, 2, &["rubric.toml:2:1: unknown field `colour`"]);
}

#[test]
fn regression_a_fractional_score_was_not_a_score_and_type_errors_said_i64() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("sre-13.md"),
        std::fs::read(Path::new(ROOT).join("examples/answers/sre-13-strong.md")).unwrap(),
    )
    .unwrap();
    for (config, needles) in [
        (
            "min_score = 99.5\n",
            &[
                "rubric.toml:1:13: ",
                "not 99.5: scores have no fractions (use 99 or 100)",
            ][..],
        ),
        (
            "min_score = \"70\"\n",
            &[
                "rubric.toml:1:13: ",
                "not the text \"70\" (write it without quotes)",
            ],
        ),
        (
            "exclude = \"README.md\"\n",
            &[
                "rubric.toml:1:11: ",
                "a list is written in brackets: [\"README.md\"]",
            ],
        ),
    ] {
        std::fs::write(d.path().join("rubric.toml"), config).unwrap();
        let out = rubric()
            .current_dir(d.path())
            .arg("check")
            .output()
            .unwrap();
        assert_refused(&out, 2, needles);
        assert!(!stderr(&out).contains("i64"), "{}", stderr(&out));
    }
    std::fs::remove_file(d.path().join("rubric.toml")).unwrap();
    // The same words for front matter and for the flag.
    std::fs::write(
        d.path().join("x.md"),
        "---\nquestion: sre-13\nmin_score: 99.5\n---\nText.\n",
    )
    .unwrap();
    let out = rubric()
        .current_dir(d.path())
        .args(["check", "--color", "never", "x.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out)
            .contains("`min_score: 99.5`: a score is a whole number from 0 to 100, not 99.5"),
        "{}",
        stdout(&out)
    );
    let out = rubric()
        .current_dir(d.path())
        .args(["grade", "sre-13", "sre-13.md", "--min-score", "99.5"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("a score is a whole number from 0 to 100, not 99.5"),
        "{}",
        stderr(&out)
    );
}

// ---- Walks and terminals ----

/// A directory holding `sub/sre-13.md` and `sub/loop -> ..`: walking `sub` goes up through the
/// link once, and comes back down to `sub`.
#[cfg(unix)]
fn tree_with_a_symlink_loop() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("sub")).unwrap();
    std::fs::write(
        d.path().join("sub/sre-13.md"),
        std::fs::read(Path::new(ROOT).join("examples/answers/sre-13-strong.md")).unwrap(),
    )
    .unwrap();
    std::os::unix::fs::symlink("..", d.path().join("sub/loop")).unwrap();
    d
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_inside_a_checked_directory_does_not_hang() {
    let d = tree_with_a_symlink_loop();
    let out = rubric()
        .current_dir(d.path())
        .args(["check", "--color", "never", "sub"])
        .output()
        .unwrap();
    // `check` reports a bad file in its report, goes on, and exits 2 at the end.
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
    let report = stdout(&out);
    assert!(report.contains("symbolic link loop"), "{report}");
    assert!(report.contains("sub/sre-13.md:1  sre-13"), "{report}");
    assert!(report.contains(" 1 error\n"), "{report}");
}

#[cfg(unix)]
#[test]

fn regression_a_file_reached_again_through_a_symlink_was_checked_twice() {
    let d = tree_with_a_symlink_loop();
    let out = rubric()
        .current_dir(d.path())
        .args(["check", "--color", "never", "sub"])
        .output()
        .unwrap();
    let report = stdout(&out);
    assert_eq!(report.matches(" sre-13 ").count(), 1, "{report}");
    assert!(
        report.ends_with("2 answers: 1 passed, 0 failed, 0 skipped, 1 error\n"),
        "{report}"
    );
}

/// With standard input on a terminal, `grade` says it is waiting for the answer. A terminal
/// needs a pty: util-linux `script` provides one. Without `script` this is not tested, since
/// allocating a pty by hand needs libc.
#[cfg(unix)]
#[test]
fn a_terminal_on_standard_input_gets_a_hint() {
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: no util-linux `script` to allocate a pseudo-terminal");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("rubric");
    // `script` copies its own standard input (empty here) to the pty and then sends an end of
    // file, so `grade` sees a terminal, prints the hint, and reads an empty answer.
    let out = Command::new("script")
        .args([
            "-qec",
            &format!("'{}' grade sre-13", bin.display()),
            "/dev/null",
        ])
        .env_remove("RUBRIC_RUBRICS")
        .env_remove("RUBRIC_CONFIG")
        .write_stdin("")
        .timeout(TIMEOUT)
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        text.contains("rubric: reading the answer to sre-13 from the terminal")
            && text.contains("Ctrl-D"),
        "{text:?}"
    );
    assert!(
        text.contains("rubric: <stdin>: the answer is empty"),
        "{text:?}"
    );
    assert_eq!(out.status.code(), Some(2), "{text:?}");
}
