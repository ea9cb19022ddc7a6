//! One test per bug that lost a user's data or crashed the binary, named after the bug (as
//! ripgrep's tests/regression.rs). Each fails on the code before its fix.

use assert_cmd::Command;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

mod common;
use common::ROOT;

/// Generous for a debug build on a busy machine; a hang still fails.
const TIMEOUT: Duration = Duration::from_secs(30);

fn rubric() -> Command {
    let mut c = common::rubric();
    c.timeout(TIMEOUT);
    c
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The answer to sre-30 of the example study repo: it passes.
fn strong_sre30() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("examples/study-repo/sre/sre-30.md")).unwrap()
}

/// A temporary directory holding `files`.
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = d.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    d
}

fn is_symlink(p: &Path) -> bool {
    std::fs::symlink_metadata(p)
        .unwrap()
        .file_type()
        .is_symlink()
}

/// One `rubric: ` line on stderr, no panic, the exit code, and every needle in the message.
fn assert_one_error_line(out: &Output, code: i32, needles: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.starts_with("rubric: ") && err.lines().count() == 1,
        "one `rubric: ` line expected, got: {err:?}"
    );
    for needle in needles {
        assert!(err.contains(needle), "{needle:?} missing from {err:?}");
    }
}

// ---- check -o ----

#[test]
fn check_output_overwrote_an_input_answer() {
    let answer = strong_sre30();
    let t = tree(&[("answers/sre-30.md", &answer)]);
    std::os::unix::fs::symlink("answers/sre-30.md", t.path().join("link.md")).unwrap();
    std::fs::hard_link(t.path().join("answers/sre-30.md"), t.path().join("hard.md")).unwrap();
    for target in [
        "answers/sre-30.md",
        "./answers/../answers/sre-30.md",
        "link.md",
        "hard.md",
    ] {
        let out = rubric()
            .current_dir(t.path())
            .args(["check", "--format", "markdown", "-o", target, "answers"])
            .output()
            .unwrap();
        assert_one_error_line(&out, 2, &["refusing to write the report", target]);
        assert_eq!(stdout(&out), "", "{target}");
        assert_eq!(
            std::fs::read_to_string(t.path().join("answers/sre-30.md")).unwrap(),
            answer,
            "-o {target} replaced the answer"
        );
    }
    // An answer read from standard input is an answer this run reads too.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("rubric"))
        .current_dir(t.path())
        .args(["check", "-o", "answers/sre-30.md", "-"])
        .stdin(std::fs::File::open(t.path().join("answers/sre-30.md")).unwrap())
        .output()
        .unwrap();
    assert_one_error_line(&out, 2, &["refusing to write the report"]);
    assert_eq!(
        std::fs::read_to_string(t.path().join("answers/sre-30.md")).unwrap(),
        answer
    );
}

#[test]
fn check_output_replaced_a_symlink_instead_of_writing_its_target() {
    let t = tree(&[("sre-30.md", &strong_sre30()), ("reports/latest.md", "old")]);
    std::os::unix::fs::symlink("reports/latest.md", t.path().join("summary.md")).unwrap();
    rubric()
        .current_dir(t.path())
        .args([
            "check",
            "--format",
            "markdown",
            "-o",
            "summary.md",
            "sre-30.md",
        ])
        .assert()
        .code(0);
    assert!(
        is_symlink(&t.path().join("summary.md")),
        "the link was replaced"
    );
    let report = std::fs::read_to_string(t.path().join("reports/latest.md")).unwrap();
    assert!(report.contains("### rubric check"), "{report}");
    // A device is written through: /dev/full fails the write and is still a device after. (As
    // root, the code before the fix replaced it; a link stands in here, so that the old code
    // only replaced the link.)
    std::os::unix::fs::symlink("/dev/full", t.path().join("full")).unwrap();
    let out = rubric()
        .current_dir(t.path())
        .args(["check", "--format", "json", "-o", "full", "sre-30.md"])
        .output()
        .unwrap();
    assert_one_error_line(
        &out,
        2,
        &["writing the report to full: ", "No space left on device"],
    );
    assert!(is_symlink(&t.path().join("full")));
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/full")
        .unwrap()
        .file_type()
        .is_char_device());
}

#[test]
fn check_output_replaced_a_fifo_with_a_regular_file() {
    let t = tree(&[("sre-30.md", &strong_sre30())]);
    let fifo = t.path().join("report.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: no mkfifo");
        return;
    }
    // A reader, as `cat report.fifo` would be. It blocks until a writer opens the FIFO; if the
    // FIFO is renamed over instead, it is left waiting, and the channel says so.
    let (tx, rx) = std::sync::mpsc::channel();
    let reader_path = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::read_to_string(reader_path));
    });
    let out = rubric()
        .current_dir(t.path())
        .args([
            "check",
            "--format",
            "json",
            "-o",
            "report.fifo",
            "sre-30.md",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo(),
        "the FIFO was replaced by a regular file"
    );
    let read = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the reader got the report")
        .unwrap();
    assert!(read.contains("\"type\":\"summary\""), "{read}");
}

#[test]
fn check_output_to_dev_stdout_replaced_it_instead_of_printing() {
    // Through a link in a temporary folder, so that the code before the fix replaced the link,
    // not the machine's /dev/stdout.
    let t = tree(&[("sre-30.md", &strong_sre30())]);
    std::os::unix::fs::symlink("/dev/stdout", t.path().join("out")).unwrap();
    for target in ["out", "-"] {
        let out = rubric()
            .current_dir(t.path())
            .args(["check", "--format", "json", "-o", target, "sre-30.md"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.starts_with("{\"type\":\"answer\"") && text.contains("\"type\":\"summary\""),
            "-o {target}: the report goes to standard output, alone: {text}"
        );
        assert!(is_symlink(&t.path().join("out")));
    }
}

#[test]
fn a_report_written_inside_the_checked_tree_was_graded_on_the_next_run() {
    // The same command twice: the second run replaces its own report, and grades one answer.
    let t = tree(&[("sre-30.md", &strong_sre30())]);
    for _ in 0..2 {
        let out = rubric()
            .current_dir(t.path())
            .args(["check", "--format", "markdown", "-o", "summary.md", "."])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stdout(&out), "1 answer: 1 passed, 0 failed, 0 skipped\n");
    }
    let t = tree(&[("sre-30.md", &strong_sre30())]);
    for (format, file) in [
        ("markdown", "summary.md"),
        ("text", "report.txt"),
        ("github", "annotations.txt"),
        ("json", "sre-30-report.md"),
    ] {
        rubric()
            .current_dir(t.path())
            .args(["check", "--format", format, "-o", file, "."])
            .assert()
            .code(0);
        // The next run, and a report saved by shell redirection, see one answer still.
        let redirected = rubric()
            .current_dir(t.path())
            .args([
                "check",
                "--format",
                format,
                "--color",
                "always",
                "sre-30.md",
            ])
            .output()
            .unwrap();
        std::fs::write(
            t.path().join(format!("redirected-{format}.md")),
            redirected.stdout,
        )
        .unwrap();
        let out = rubric()
            .current_dir(t.path())
            .args(["check", "--color", "never", "."])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stdout(&out));
        assert!(
            stdout(&out).ends_with("\n1 answer: 1 passed, 0 failed, 0 skipped\n"),
            "{format}: {}",
            stdout(&out)
        );
    }
}

// ---- Write errors and closed pipes ----

/// Every command that prints, with arguments that make it print.
fn printing_commands() -> Vec<Vec<String>> {
    let strong = format!("{ROOT}/examples/answers/sre-13-strong.md");
    let study = format!("{ROOT}/examples/study-repo");
    let labelled = format!("{ROOT}/tests/data/labelled.jsonl");
    let eval = format!("{ROOT}/tests/fixtures/cli/eval.jsonl");
    [
        vec!["completions", "bash"],
        vec!["completions", "fish"],
        vec!["completions", "zsh"],
        vec!["man"],
        vec!["--help"],
        vec!["check", "--help"],
        vec!["list"],
        vec!["list", "--format", "json"],
        vec!["show", "sre-13"],
        vec!["grade", "sre-13", &strong],
        vec!["grade", "sre-13", &strong, "--format", "json"],
        vec!["check", "--no-fail", &study],
        vec!["check", "--no-fail", "--format", "junit", &study],
        vec!["batch", &labelled],
        vec!["config"],
        vec!["eval", &eval],
    ]
    .into_iter()
    .map(|v| v.into_iter().map(String::from).collect())
    .collect()
}

#[test]
fn completions_panicked_on_a_full_disk_and_every_command_must_say_so_instead() {
    for args in printing_commands() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("rubric"))
            .current_dir(ROOT)
            .env_remove("RUBRIC_RUBRICS")
            .env_remove("RUBRIC_CONFIG")
            .args(&args)
            .stdout(full)
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with("rubric: ")
                && err.contains("No space left on device")
                && err.lines().count() == 1,
            "{args:?}: {err:?}"
        );
    }
}

#[test]
fn completions_panicked_on_a_closed_pipe_and_every_command_must_exit_quietly() {
    let bin = assert_cmd::cargo::cargo_bin("rubric");
    for args in printing_commands() {
        // `true` exits at once, closing the pipe before rubric (started a moment later) writes.
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(r#"(sleep 0.5; "$0" "$@"; echo "exit $?" >&2) | true"#)
            .arg(&bin)
            .args(&args)
            .current_dir(ROOT)
            .env_remove("RUBRIC_RUBRICS")
            .env_remove("RUBRIC_CONFIG")
            .output()
            .unwrap();
        assert_eq!(stderr(&out), "exit 0\n", "{args:?}");
    }
}

// ---- batch ----

#[test]
fn batch_lost_line_1_of_a_file_starting_with_a_utf8_bom() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("in.jsonl");
    let line =
        r#"{"id": "sre-13", "answer": "Retries with backoff and jitter, circuit breakers."}"#;
    std::fs::write(&file, format!("\u{feff}{line}\n{line}\n")).unwrap();
    let out = rubric().arg("batch").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["score"], lines[1]["score"], "{}", lines[0]);
    assert!(lines[0]["score"].is_u64());
}

/// Found by fuzzing (fuzz/regressions/batch_line/crash-876a6b59...): a line naming `answer` twice,
/// the first with a lone surrogate, was graded, though a JSON parser refuses the line.
#[test]
fn batch_graded_a_line_whose_repeated_field_json_parsers_refuse() {
    let input = concat!(
        r#"{"id":"sys-02","answer":"At 4:42 \ude002","answer":"At 4:42 it fell","band":null}"#,
        "\n",
        r#"{"id":"sys-02","answer":"At 4:42 it fell","answer":"At 4:42 it fell over"}"#,
        "\n",
    );
    let out = rubric().arg("batch").write_stdin(input).output().unwrap();
    // A line that cannot be graded is an input error.
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let error = lines[0]["error"]
        .as_str()
        .expect("the first line is an error");
    assert!(error.starts_with("invalid JSON in `answer`"), "{error}");
    // A valid repeated name is read as a parser reads it: the last value, in the first place.
    assert!(lines[1]["score"].is_u64(), "{}", lines[1]);
    assert_eq!(lines[1]["answer"], "At 4:42 it fell over");
}

/// Found by fuzzing (fuzz/regressions/batch_line/crash-fdfa541f...): a graded line copied an input
/// field named `error` through, so it read as a line that could not be graded.
#[test]
fn batch_graded_a_line_with_an_error_field_and_the_output_said_it_failed() {
    let input = concat!(
        r#"{"id":"sys-02","answer":"At 803:4scad09", "error":null}"#,
        "\n",
        r#"{"id":"sre-13","answer":"Retries with jitter.","error":"mine","line":3}"#,
        "\n",
    );
    let out = rubric().arg("batch").write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    for l in stdout(&out).lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(
            v.get("error").is_none(),
            "a graded line carries no `error`: {l}"
        );
        assert!(v["score"].is_u64(), "{l}");
    }
    assert!(
        stdout(&out).contains(r#""line":3"#),
        "other input fields stay"
    );
}

// ---- Rubric directories ----

#[test]
fn a_malformed_rubric_file_stopped_some_commands_while_others_ignored_it() {
    // `sre.json` (asked to replace the built-in set) breaks at line 3, column 10; before the fix,
    // `grade sys-01` and `show sys-01` succeeded silently while `list`, `batch`, `check` and
    // grading by text aborted.
    let dir = format!("{ROOT}/tests/fixtures/cli/malformed-rubric");
    let answer = format!("{ROOT}/examples/answers/sys-02-strong.md");
    let t = tree(&[
        (
            "sys-01.md",
            "We use a CDN and load balancers in several regions.",
        ),
        ("in.jsonl", r#"{"id": "sys-01", "answer": "A CDN."}"#),
    ]);
    for args in [
        vec!["grade", "sys-01", &answer],
        vec![
            "grade",
            "How would you architect a highly available, scalable API?",
            &answer,
        ],
        vec!["show", "sys-01"],
        vec!["list"],
        vec!["batch", "in.jsonl"],
        vec!["check", "sys-01.md"],
        vec!["config"],
    ] {
        let out = rubric()
            .current_dir(t.path())
            .args(["--replace-builtin", "--rubrics", &dir])
            .args(&args)
            .output()
            .unwrap();
        assert_one_error_line(&out, 2, &["malformed-rubric/sre.json:3:10: "]);
        assert_eq!(stdout(&out), "", "{args:?}");
    }
}

// ---- What check reads ----

#[test]
fn a_dangling_symlink_that_check_would_never_read_forced_exit_2() {
    let t = tree(&[
        ("sre-30.md", &strong_sre30()),
        ("rubric.toml", "exclude = [\"old/\"]\n"),
    ]);
    for (link, target) in [
        ("build.log", "/nonexistent/build.log"),
        ("cache", "/nonexistent/dir"),
        ("notes.json", "gone.json"),
    ] {
        std::os::unix::fs::symlink(target, t.path().join(link)).unwrap();
    }
    std::fs::create_dir(t.path().join("old")).unwrap();
    std::os::unix::fs::symlink("gone.md", t.path().join("old/sre-17.md")).unwrap();
    let out = rubric()
        .current_dir(t.path())
        .args(["check", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // One named like an answer is still reported: the answer it stood for is missing.
    std::os::unix::fs::symlink("gone.md", t.path().join("sre-17.md")).unwrap();
    let out = rubric()
        .current_dir(t.path())
        .args(["check", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stdout(&out).contains("sre-17.md:1"), "{}", stdout(&out));
}

#[test]
fn utf16_answers_were_called_binary() {
    let text = strong_sre30();
    let with_bom: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let without_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let t = tree(&[]);
    std::fs::write(t.path().join("sre-30.md"), &with_bom).unwrap();
    std::fs::write(t.path().join("plain.md"), &without_bom).unwrap();
    // With a byte-order mark (Notepad's "Unicode"), it is read.
    rubric()
        .current_dir(t.path())
        .args(["grade", "sre-30", "sre-30.md", "--min-score", "80"])
        .assert()
        .code(0);
    rubric()
        .current_dir(t.path())
        .args(["check", "sre-30.md"])
        .assert()
        .code(0);
    // Without one, the message says what the file is and how to save it.
    let out = rubric()
        .current_dir(t.path())
        .args(["grade", "sre-30", "plain.md"])
        .output()
        .unwrap();
    assert_one_error_line(
        &out,
        2,
        &[
            "plain.md: looks like UTF-16 text",
            "save the answer as UTF-8",
            "iconv -f UTF-16BE",
        ],
    );
}

/// Fuzzing (grade_answer) found a grade that depended on earlier answers: the per-word cache was
/// keyed by the lowercased word, but "SLOs" (an acronym plural, looked up as "SLO") and "slos"
/// match differently, so whichever came first answered for both.
#[test]
fn acronym_plural_cached_as_its_lowercase() {
    use rubric::grade::{grade, Compiled, Scratch};
    let catalog = rubric::catalog::Catalog::embedded();
    let stemmer = rubric::text::Stemmer::english();
    let lower = "Our slis, slos and slas, the apis and prs, and the dbs we run.";
    let upper = "Our SLIs, SLOs and SLAs, the APIs and PRs, and the DBs we run.";
    for q in catalog.questions().unwrap() {
        let c = Compiled::new(q, rubric::lexicon::Lexicon::embedded(), &stemmer);
        for (first, then) in [(lower, upper), (upper, lower)] {
            let mut warm = Scratch::new();
            let _ = grade(q, &c, first, &mut warm);
            assert_eq!(
                grade(q, &c, then, &mut warm),
                grade(q, &c, then, &mut Scratch::new()),
                "{}: {then:?} after {first:?}",
                q.id
            );
        }
    }
}

/// Found reading my own denied answer: the warning quoted "didn't write a script" and then
/// "didn't write a script or a pipeline", the same denial twice.
#[test]
fn the_denial_warning_quoted_a_denial_again_inside_a_longer_one() {
    let answer =
        "We never automated the password rotation; it stayed a manual checklist. I didn't \
                  write a script or a pipeline for it, and we had no rollback.";
    let out = rubric()
        .args(["grade", "sys-18", "--format", "json"])
        .write_stdin(answer)
        .output()
        .unwrap();
    let g: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let warning = g["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w.as_str())
        .find(|w| w.starts_with("The answer says these were not done"))
        .expect("a denial warning");
    assert!(
        warning.contains("didn't write a script or a pipeline"),
        "{warning}"
    );
    assert!(
        !warning.contains("\u{201c}didn't write a script\u{201d}"),
        "{warning}"
    );
}
