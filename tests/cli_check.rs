//! `rubric check`, `rubric config`, completions, man page and Markdown banks, run as a user runs
//! them: the real binary, its stdout, stderr and exit code.

use serde::Deserialize;
use std::path::{Path, PathBuf};

mod common;
use common::ROOT;

use common::rubric;

/// An answer from the example study repo.
fn study(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join("examples/study-repo").join(path)).unwrap()
}

/// The body of a strong answer to sre-30, without its title.
fn strong_sre30() -> String {
    study("sre/sre-30.md")
        .split_once('\n')
        .unwrap()
        .1
        .to_string()
}

const WEAK: &str = "Alerts should be good and not too noisy. Page people when things break.\n";

/// A temporary tree of files (a git repository, so .gitignore applies as in a real repo).
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(d.path())
        .status()
        .unwrap();
    for (path, text) in files {
        let p = d.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    d
}

/// One line of `check --format json`, read strictly: a renamed or unknown field fails.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum JsonLine {
    Answer(Box<Answer>),
    Summary(Summary),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Answer {
    id: Option<String>,
    question: Option<String>,
    score: Option<u32>,
    band: Option<String>,
    points: Option<Vec<serde_json::Value>>,
    missing: Option<Vec<String>>,
    warnings: Option<Vec<String>>,
    words: Option<usize>,
    coverage: Option<f64>,
    kind: Option<String>,
    flags: Option<Vec<String>>,
    depth: Option<usize>,
    path: String,
    line: usize,
    status: String,
    min_score: Option<u32>,
    error: Option<String>,
    reason: Option<String>,
    suppressed: Option<Vec<SuppressedPoint>>,
}

/// A point left out by `<!-- rubric: ignore ... -->`.
#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct SuppressedPoint {
    id: String,
    label: String,
    reason: String,
    line: usize,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Summary {
    answers: usize,
    passed: usize,
    failed: usize,
    skipped: usize,
    errors: usize,
    no_question: usize,
}

/// Runs `check --format json` in `dir` and parses every line strictly.
fn check_json(dir: &Path, args: &[&str]) -> (Vec<Answer>, Summary, i32) {
    let out = rubric()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut answers = Vec::new();
    let mut summary = None;
    for line in text.lines() {
        match serde_json::from_str::<JsonLine>(line).unwrap_or_else(|e| panic!("{e}: {line}")) {
            JsonLine::Answer(a) => {
                assert!(summary.is_none(), "the summary comes last");
                answers.push(*a);
            }
            JsonLine::Summary(s) => summary = Some(s),
        }
    }
    (
        answers,
        summary.expect("a summary line"),
        out.status.code().unwrap(),
    )
}

fn statuses(answers: &[Answer]) -> Vec<(String, usize, Option<String>, String)> {
    answers
        .iter()
        .map(|a| (a.path.clone(), a.line, a.id.clone(), a.status.clone()))
        .collect()
}

fn row(
    path: &str,
    line: usize,
    id: Option<&str>,
    status: &str,
) -> (String, usize, Option<String>, String) {
    (
        path.to_string(),
        line,
        id.map(str::to_string),
        status.to_string(),
    )
}

// ---- How a file says which question it answers ----

#[test]
fn rule_1_front_matter_names_the_question_and_its_threshold() {
    let t = tree(&[(
        "notes.md",
        &format!(
            "---\ntitle: Week 2\nquestion: sre-30\nmin_score: 99\n---\n{}",
            strong_sre30()
        ),
    )]);
    let (answers, _, code) = check_json(t.path(), &[]);
    assert_eq!(answers[0].id.as_deref(), Some("sre-30"));
    assert_eq!(answers[0].line, 3, "the line of `question:`");
    assert_eq!(answers[0].min_score, Some(99));
    let expected = if answers[0].score.unwrap() >= 99 {
        0
    } else {
        1
    };
    assert_eq!(code, expected);
}

#[test]
fn rule_1_front_matter_may_give_the_question_text() {
    let t = tree(&[("a.md", &format!("---\nquestion: \"Explain how rate limiting, load shedding, backpressure, and circuit breakers help protect services under stress.\"\n---\n{}", strong_sre30()))]);
    let (answers, _, code) = check_json(t.path(), &[]);
    assert_eq!((answers[0].id.as_deref(), code), (Some("sre-30"), 0));
}

#[test]
fn rule_2_the_file_name_starts_with_the_id() {
    let t = tree(&[
        ("answers/SRE-30-second-try.md", &strong_sre30()),
        ("sre-17.txt", WEAK),
    ]);
    let (answers, summary, code) = check_json(t.path(), &[]);
    assert_eq!(
        statuses(&answers),
        vec![
            row("answers/SRE-30-second-try.md", 1, Some("sre-30"), "pass"),
            row("sre-17.txt", 1, Some("sre-17"), "fail")
        ]
    );
    assert_eq!(
        summary,
        Summary {
            answers: 2,
            passed: 1,
            failed: 1,
            skipped: 0,
            errors: 0,
            no_question: 0
        }
    );
    assert_eq!(code, 1);
}

#[test]
fn rule_3_the_first_heading_or_line_is_the_question() {
    let q = "Explain how rate limiting, load shedding, backpressure, and circuit breakers help protect services under stress.";
    let t = tree(&[
        ("heading.md", &format!("\n# {q}\n\n{}", strong_sre30())),
        ("line.txt", &format!("{q}\n{}", strong_sre30())),
    ]);
    let (answers, _, code) = check_json(t.path(), &[]);
    assert_eq!(
        statuses(&answers),
        vec![
            row("heading.md", 2, Some("sre-30"), "pass"),
            row("line.txt", 1, Some("sre-30"), "pass")
        ]
    );
    assert_eq!(code, 0);
}

#[test]
fn rule_3_too_weak_a_match_names_no_question_an_error_when_named_or_strict() {
    let t = tree(&[
        (
            "limits.md",
            "# Protecting services with limits\n\nRate limits and breakers.\n",
        ),
        ("sre-30.md", &strong_sre30()),
    ]);
    // Named on the command line: an error naming the closest questions and the fixes.
    let out = rubric()
        .current_dir(t.path())
        .args(["check", "--color", "never", "limits.md"])
        .assert()
        .code(2);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("limits.md:1"), "{stdout}");
    assert!(
        stdout.contains("cannot tell which question this answers"),
        "{stdout}"
    );
    assert!(stdout.contains("closest: sre-30"), "{stdout}");
    for fix in [
        "front matter",
        "file name",
        "first heading",
        "`exclude`",
        "rubric: skip",
    ] {
        assert!(stdout.contains(fix), "the fix {fix:?} is named: {stdout}");
    }
    // Found by a walk: passed over and counted (a README is not an answer); --strict errs.
    let (answers, summary, code) = check_json(t.path(), &[]);
    assert_eq!((answers.len(), summary.no_question, code), (1, 1, 0));
    let (answers, summary, code) = check_json(t.path(), &["--strict"]);
    assert_eq!((answers.len(), summary.no_question, code), (2, 0, 2));
}

#[test]
fn a_multi_answer_file_grades_each_answer_at_its_line() {
    let (answers, _, _) = check_json(
        &Path::new(ROOT).join("examples/study-repo"),
        &["mock-interviews"],
    );
    assert_eq!(
        statuses(&answers),
        vec![
            row("mock-interviews/2026-11-14.md", 5, Some("sre-21"), "pass"),
            row("mock-interviews/2026-11-14.md", 25, Some("sre-22"), "pass"),
            row(
                "mock-interviews/2026-11-14.md",
                45,
                Some("infra-04"),
                "fail"
            ),
        ]
    );
}

#[test]
fn a_question_like_heading_that_matches_nothing_is_an_error_in_place() {
    let text = format!("# Week 1\n\n## sre-30\n\n{}\n## How do you bake sourdough bread at home?\n\nFlour, water, salt.\n\n## sre-17\n\n{WEAK}", strong_sre30());
    let t = tree(&[("week-1.md", &text)]);
    let (answers, summary, code) = check_json(t.path(), &[]);
    let s = statuses(&answers);
    assert_eq!(s[0], row("week-1.md", 3, Some("sre-30"), "pass"));
    assert_eq!(s[1].3, "error");
    assert_eq!(s[2].2.as_deref(), Some("sre-17"));
    assert_eq!(
        summary,
        Summary {
            answers: 3,
            passed: 1,
            failed: 1,
            skipped: 0,
            errors: 1,
            no_question: 0
        }
    );
    assert_eq!(code, 2, "errors outrank failures");
}

#[test]
fn skip_markers_skip_files_and_answers_and_are_reported() {
    let t = tree(&[
        (
            "a.md",
            &format!("<!-- rubric: skip (not ready) -->\n{WEAK}"),
        ),
        (
            "week.md",
            &format!(
                "## sre-17\n<!-- rubric: skip -->\n{WEAK}\n## sre-30\n{}",
                strong_sre30()
            ),
        ),
    ]);
    let (answers, summary, code) = check_json(t.path(), &[]);
    assert_eq!(
        statuses(&answers),
        vec![
            row("a.md", 1, None, "skip"),
            row("week.md", 1, Some("sre-17"), "skip"),
            row("week.md", 5, Some("sre-30"), "pass")
        ]
    );
    assert_eq!(answers[0].reason.as_deref(), Some("skipped: not ready"));
    assert_eq!(summary.skipped, 2);
    assert_eq!(code, 0, "skips do not fail a run");
}

#[test]
fn regression_front_matter_and_directives_that_were_taken_or_ignored_silently() {
    let body = strong_sre30();
    let t = tree(&[
        // Two `question:` keys: the last one was taken silently.
        (
            "twice.md",
            &format!("---\nquestion: sre-30\nquestion: sre-17\n---\n{body}"),
        ),
        // `id:` holding a question's id was ignored silently.
        ("id.md", &format!("---\nid: sre-30\n---\n{body}")),
        // TOML front matter was an unknown question `+++`; now it is read.
        (
            "toml.md",
            &format!("+++\ntitle = \"Limits\"\nquestion = \"sre-30\"\n+++\n{body}"),
        ),
        // An unknown directive was ignored silently.
        (
            "sre-30-disable.md",
            &format!("<!-- rubric: disable -->\n{body}"),
        ),
        // `id:` that is no question's id belongs to a site generator and is left alone.
        (
            "sre-30-docs.md",
            &format!("---\nid: limits-page\n---\n{body}"),
        ),
    ]);
    let (answers, _, code) = check_json(t.path(), &[]);
    let got: Vec<(&str, usize, &str, &str)> = answers
        .iter()
        .map(|a| {
            (
                a.path.as_str(),
                a.line,
                a.status.as_str(),
                a.error.as_deref().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(got.len(), 5, "{got:?}");
    assert_eq!(got[0].0, "id.md");
    assert_eq!((got[0].1, got[0].2), (2, "error"));
    assert!(got[0].3.contains("write `question: sre-30`"), "{got:?}");
    assert_eq!(
        (got[1].0, got[1].1, got[1].2),
        ("sre-30-disable.md", 1, "error")
    );
    assert!(
        got[1].3.starts_with("unknown rubric directive `disable`"),
        "{got:?}"
    );
    assert_eq!((got[2].0, got[2].2), ("sre-30-docs.md", "pass"));
    assert_eq!((got[3].0, got[3].1, got[3].2), ("toml.md", 3, "pass"));
    assert_eq!((got[4].0, got[4].1, got[4].2), ("twice.md", 3, "error"));
    assert!(got[4].3.contains("given twice"), "{got:?}");
    assert_eq!(code, 2);
}

/// The points of a question as `rubric show --format json` gives them: (id, label).
fn points_of(question: &str) -> Vec<(String, String)> {
    let out = rubric()
        .args(["show", question, "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["label"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn an_inline_comment_suppresses_one_point_for_one_answer_and_is_reported() {
    let points = points_of("sre-30");
    let (id, label) = &points[1];
    let short = id.rsplit_once('/').unwrap().1;
    let text = format!(
        "# Week 4\n\n## sre-30\n\n{WEAK}\n<!-- rubric: ignore {short} (my story had no traffic numbers) -->\n\n## sre-30\n\n{WEAK}\n"
    );
    let t = tree(&[("week-4.md", &text)]);
    let (answers, _, _) = check_json(t.path(), &[]);
    assert_eq!(
        answers[0].suppressed,
        Some(vec![SuppressedPoint {
            id: id.clone(),
            label: label.clone(),
            reason: "my story had no traffic numbers".into(),
            line: 7
        }])
    );
    assert_eq!(answers[1].suppressed, None, "only the answer it is in");
    let count = |a: &Answer| a.points.as_ref().unwrap().len();
    assert_eq!(count(&answers[0]) + 1, count(&answers[1]));
    for (format, needle) in [
        (
            "text",
            format!("week-4.md:7  {id} ({label}) ignored: my story had no traffic numbers"),
        ),
        ("markdown", "- `week-4.md:7`: ".to_string()),
        (
            "github",
            format!("::notice file=week-4.md,line=7,title={id} ignored::"),
        ),
    ] {
        let out = rubric()
            .current_dir(t.path())
            .args(["check", "--no-fail", "--color", "never", "--format", format])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(&needle), "{format}: {needle}\n{stdout}");
    }
    // A point the question does not have is an error for that answer, at the directive's line.
    let t = tree(&[(
        "sre-30.md",
        &format!("{WEAK}\n<!-- rubric: ignore no-such-point -->\n"),
    )]);
    let (answers, _, code) = check_json(t.path(), &[]);
    assert_eq!(
        (answers[0].status.as_str(), answers[0].line, code),
        ("error", 3, 2)
    );
    let expected = format!(
        "`<!-- rubric: ignore no-such-point -->` names no point of sre-30; its points are {} (",
        points[0].0
    );
    assert!(
        answers[0].error.as_deref().unwrap().starts_with(&expected),
        "{answers:?}"
    );
}

// ---- A run goes on past bad files ----

#[test]
fn unreadable_and_unmatched_files_in_the_middle_of_a_run_are_reported_and_the_run_goes_on() {
    let t = tree(&[
        ("a/sre-30.md", &strong_sre30()),
        ("b/grocery.md", "# Groceries\n\nEggs, milk.\n"),
        ("b/sre-99.md", "Eggs, milk.\n"),
        ("d/sre-30.md", &strong_sre30()),
        ("e/sre-17.md", WEAK),
    ]);
    for dir in ["c", "c2", "c3"] {
        std::fs::create_dir(t.path().join(dir)).unwrap();
    }
    std::os::unix::fs::symlink("missing-target.md", t.path().join("c/sre-30.md")).unwrap();
    std::fs::write(
        t.path().join("c2/sre-30.md"),
        b"\x89PNG\r\n\x1a\n\0\0\0binary",
    )
    .unwrap();
    std::fs::write(t.path().join("c3/sre-30.md"), b"caf\xe9 au lait\n").unwrap();
    let (answers, summary, code) = check_json(t.path(), &[]);
    let s: Vec<(String, String)> = answers
        .iter()
        .map(|a| (a.path.clone(), a.status.clone()))
        .collect();
    let expect = [
        ("a/sre-30.md", "pass"),
        ("b/sre-99.md", "error"),
        ("c/sre-30.md", "error"),
        ("c2/sre-30.md", "error"),
        ("c3/sre-30.md", "error"),
        ("d/sre-30.md", "pass"),
        ("e/sre-17.md", "fail"),
    ];
    assert_eq!(s, expect.map(|(p, st)| (p.to_string(), st.to_string())));
    assert!(answers[3].error.as_deref().unwrap().contains("binary"));
    assert!(answers[4].error.as_deref().unwrap().contains("UTF-8"));
    assert_eq!(
        summary,
        Summary {
            answers: 7,
            passed: 2,
            failed: 1,
            skipped: 0,
            errors: 4,
            no_question: 1
        }
    );
    assert_eq!(code, 2);
}

#[test]
fn a_file_named_on_the_command_line_that_does_not_exist_is_an_error_not_the_end() {
    let t = tree(&[("sre-30.md", &strong_sre30())]);
    let (answers, _, code) = check_json(t.path(), &["nope.md", "sre-30.md"]);
    assert_eq!(
        statuses(&answers),
        vec![
            row("nope.md", 1, None, "error"),
            row("sre-30.md", 1, Some("sre-30"), "pass")
        ]
    );
    assert_eq!(code, 2);
}

#[test]
fn oversized_files_are_errors() {
    let t = tree(&[("sre-30.md", &"word ".repeat(300_000))]);
    let (answers, _, code) = check_json(t.path(), &[]);
    assert!(
        answers[0].error.as_deref().unwrap().contains("limit"),
        "{answers:?}"
    );
    assert_eq!(code, 2);
}

#[test]
fn symlink_loops_are_reported_without_hanging() {
    let t = tree(&[("sub/sre-30.md", &strong_sre30())]);
    std::os::unix::fs::symlink("..", t.path().join("sub/loop")).unwrap();
    let (answers, _, code) = check_json(t.path(), &[]);
    assert!(
        answers
            .iter()
            .any(|a| a.status == "error" && a.error.as_deref().unwrap().contains("loop")),
        "{answers:?}"
    );
    assert_eq!(
        answers.iter().filter(|a| a.status == "pass").count(),
        1,
        "the real file is checked once: {answers:?}"
    );
    assert_eq!(code, 2);
}

#[test]
fn walks_honour_gitignore_hidden_files_and_include_patterns() {
    let t = tree(&[
        (".gitignore", "ignored/\n"),
        ("ignored/sre-30.md", WEAK),
        (".hidden/sre-30.md", WEAK),
        (".sre-17.md", WEAK),
        ("notes.json", "{}"),
        ("sre-30.md", &strong_sre30()),
    ]);
    let (answers, _, code) = check_json(t.path(), &[]);
    assert_eq!(
        statuses(&answers),
        vec![row("sre-30.md", 1, Some("sre-30"), "pass")]
    );
    assert_eq!(code, 0);
    // A file named explicitly is checked whatever its name or ignore rules say.
    let (answers, _, _) = check_json(t.path(), &[".hidden/sre-30.md", "ignored/sre-30.md"]);
    assert_eq!(
        statuses(&answers),
        vec![
            row(".hidden/sre-30.md", 1, Some("sre-30"), "fail"),
            row("ignored/sre-30.md", 1, Some("sre-30"), "fail")
        ]
    );
}

#[test]
fn overlapping_arguments_check_each_file_once_in_order() {
    let t = tree(&[
        ("b/sre-30.md", &strong_sre30()),
        ("a/sre-30.md", &strong_sre30()),
    ]);
    let (answers, _, _) = check_json(t.path(), &["b", ".", "a/sre-30.md"]);
    let paths: Vec<&str> = answers.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(paths, vec!["b/sre-30.md", "a/sre-30.md"]);
}

#[test]
fn standard_input_is_one_practice_file() {
    let q = "Explain how rate limiting, load shedding, backpressure, and circuit breakers help protect services under stress.";
    let out = rubric()
        .args(["check", "--format", "json", "-"])
        .write_stdin(format!("# {q}\n{}", strong_sre30()))
        .assert()
        .code(0);
    let first = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .next()
        .unwrap()
        .to_string();
    let a: JsonLine = serde_json::from_str(&first).unwrap();
    let JsonLine::Answer(a) = a else { panic!() };
    assert_eq!(
        (a.path.as_str(), a.id.as_deref(), a.status.as_str()),
        ("<stdin>", Some("sre-30"), "pass")
    );
    // Without a question, the error says how to name one.
    rubric()
        .args(["check", "-"])
        .write_stdin("Just some words about nothing in particular.\n")
        .assert()
        .code(2)
        .stdout(predicates::str::contains("cannot tell which question"));
}

#[test]
fn standard_input_can_name_its_question_with_a_flag() {
    // An editor integration pipes the buffer in and says which question it answers.
    let out = rubric()
        .args(["check", "--format", "json", "--question", "SRE-30", "-"])
        .write_stdin(format!("# My draft\n{}", strong_sre30()))
        .assert()
        .code(0);
    let first = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .next()
        .unwrap()
        .to_string();
    let JsonLine::Answer(a) = serde_json::from_str(&first).unwrap() else {
        panic!("{first}")
    };
    assert_eq!(
        (a.path.as_str(), a.id.as_deref(), a.status.as_str()),
        ("<stdin>", Some("sre-30"), "pass")
    );
    // The flag wins over front matter; the front matter's threshold still applies.
    let out = rubric()
        .args(["check", "--format", "json", "--question", "sre-17", "-"])
        .write_stdin(format!("---\nquestion: sre-30\nmin_score: 0\n---\n{WEAK}"))
        .assert()
        .code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("\"id\":\"sre-17\"") && text.contains("\"min_score\":0"),
        "{text}"
    );
    // Without `-`, or naming no question, it is a usage error.
    rubric()
        .args(["check", "--question", "sre-30", "sre-30.md"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("add `-` to the paths"));
    rubric()
        .args(["check", "--question", "sre-999", "-"])
        .write_stdin(WEAK)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "rubric: --question: unknown question `sre-999`",
        ));
}

// ---- Exit codes ----

#[test]
fn exit_codes_pass_findings_no_fail_errors_and_usage() {
    let t = tree(&[("sre-30.md", &strong_sre30()), ("sre-17.md", WEAK)]);
    rubric()
        .current_dir(t.path())
        .args(["check", "sre-30.md"])
        .assert()
        .code(0);
    rubric()
        .current_dir(t.path())
        .args(["check"])
        .assert()
        .code(1);
    rubric()
        .current_dir(t.path())
        .args(["check", "--no-fail"])
        .assert()
        .code(0);
    rubric()
        .current_dir(t.path())
        .args(["check", "--min-score", "0"])
        .assert()
        .code(0);
    rubric()
        .current_dir(t.path())
        .args(["check", "--no-fail", "sre-17.md", "missing.md"])
        .assert()
        .code(2);
    rubric()
        .current_dir(t.path())
        .args(["check", "--min-score", "101"])
        .assert()
        .code(2);
    rubric()
        .current_dir(t.path())
        .args(["check", "--format", "yaml"])
        .assert()
        .code(2);
    // Nothing to check is not a failure.
    let empty = tree(&[]);
    rubric()
        .current_dir(empty.path())
        .args(["check"])
        .assert()
        .code(0)
        .stdout("0 answers: 0 passed, 0 failed, 0 skipped\n");
}

#[test]
fn help_documents_the_exit_codes_and_discovery_rules() {
    let out = rubric().args(["check", "--help"]).assert().code(0);
    let help = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    for needle in [
        "Exit status:",
        "front matter",
        "<!-- rubric: skip -->",
        "--no-fail",
        "--format",
        "--output",
    ] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
}

// ---- Formats ----

#[test]
fn text_shows_a_table_the_shortfalls_and_the_total() {
    let out = rubric()
        .current_dir(Path::new(ROOT).join("examples/study-repo"))
        .args(["check", "--color", "never"])
        .assert()
        .code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("PATH")
            && lines[0].contains("QUESTION")
            && lines[0].ends_with("STATUS"),
        "{text}"
    );
    assert!(text.contains("\nBelow the threshold\n"), "{text}");
    assert!(
        text.contains("sre/sre-07-first-try.md:1  sre-07"),
        "the details name the answer: {text}"
    );
    assert!(text.contains("  ✗ "), "missing points are listed: {text}");
    assert_eq!(
        lines.last(),
        Some(&"12 answers: 9 passed, 2 failed, 1 skipped")
    );
    assert!(!text.contains('\u{1b}'), "no color when asked for none");
}

#[test]
fn color_follows_the_flag_and_no_color_and_never_reaches_machine_formats() {
    let dir = Path::new(ROOT).join("examples/study-repo");
    let colored = rubric()
        .current_dir(&dir)
        .args(["check", "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&colored.stdout).contains('\u{1b}'));
    let no_color = rubric()
        .current_dir(&dir)
        .env("NO_COLOR", "1")
        .env("FORCE_COLOR", "1")
        .args(["check"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&no_color.stdout).contains('\u{1b}'));
    let explicit = rubric()
        .current_dir(&dir)
        .env("NO_COLOR", "1")
        .args(["check", "--color", "always"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&explicit.stdout).contains('\u{1b}'),
        "an explicit flag wins over NO_COLOR"
    );
    let forced = rubric()
        .current_dir(&dir)
        .env("CLICOLOR_FORCE", "1")
        .args(["check"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&forced.stdout).contains('\u{1b}'));
    let auto = rubric().current_dir(&dir).args(["check"]).output().unwrap();
    assert!(
        !String::from_utf8_lossy(&auto.stdout).contains('\u{1b}'),
        "stdout is not a terminal"
    );
    for format in ["json", "junit", "github", "markdown"] {
        let out = rubric()
            .current_dir(&dir)
            .args(["check", "--color", "always", "--format", format])
            .output()
            .unwrap();
        assert!(
            !String::from_utf8_lossy(&out.stdout).contains('\u{1b}'),
            "{format} is colored"
        );
    }
}

#[test]
fn json_lines_carry_grade_fields_path_line_status_then_a_summary() {
    let (answers, summary, code) = check_json(&Path::new(ROOT).join("examples/study-repo"), &[]);
    assert_eq!(
        summary,
        Summary {
            answers: 12,
            passed: 9,
            failed: 2,
            skipped: 1,
            errors: 0,
            no_question: 0
        }
    );
    assert_eq!(code, 1);
    let graded = answers
        .iter()
        .find(|a| a.path == "sys/secrets-management.md")
        .unwrap();
    assert_eq!(
        (
            graded.id.as_deref(),
            graded.line,
            graded.status.as_str(),
            graded.min_score
        ),
        (Some("sys-15"), 2, "pass", Some(70))
    );
    assert!(
        graded.question.is_some()
            && graded.points.is_some()
            && graded.missing.is_some()
            && graded.coverage.is_some()
    );
    let sre = answers
        .iter()
        .find(|a| a.path == "sre/sre-07-first-try.md")
        .unwrap();
    assert_eq!(
        (sre.status.as_str(), sre.min_score),
        ("fail", Some(65)),
        "the config's threshold for the sre set"
    );
    let skipped = answers.iter().find(|a| a.status == "skip").unwrap();
    assert_eq!(
        skipped.reason.as_deref(),
        Some("skipped: still collecting the numbers from the incident tracker")
    );
    assert!(skipped.score.is_none());
}

#[test]
fn junit_is_well_formed_with_a_test_case_per_answer() {
    let t = tree(&[
        ("sre-30.md", &strong_sre30()),
        ("sre-17.md", WEAK),
        ("x.md", "# Groceries & <stuff>?\n"),
        ("skip.md", "<!-- rubric: skip -->\n"),
    ]);
    let out = rubric()
        .current_dir(t.path())
        .args(["check", "--format", "junit"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let xml = String::from_utf8(out.stdout).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(
        [
            root.attribute("tests"),
            root.attribute("failures"),
            root.attribute("errors"),
            root.attribute("skipped")
        ],
        [Some("4"), Some("1"), Some("1"), Some("1")]
    );
    let cases: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 4);
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert!(
        failure.text().unwrap().starts_with("Missing:\n- "),
        "the failure lists the missing points"
    );
    assert_eq!(
        failure.parent().unwrap().attribute("file"),
        Some("sre-17.md")
    );
    let error = doc.descendants().find(|n| n.has_tag_name("error")).unwrap();
    assert!(
        error
            .attribute("message")
            .unwrap()
            .contains("Groceries & <stuff>"),
        "escaped and read back"
    );
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("skipped"))
            .count(),
        1
    );
}

#[test]
fn github_format_annotates_failures_and_errors_at_their_lines() {
    let text = format!("# Week\n## sre-30\n{}\n## sre-17\n{WEAK}", strong_sre30());
    let t = tree(&[
        ("week.md", &text),
        ("bad, name.md", "# How do you bake bread?\n"),
    ]);
    let out = rubric()
        .current_dir(t.path())
        .args(["check", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let re = regex::Regex::new(r"^::(error|warning) file=([^,]+),line=(\d+),title=([^:]+)::(.+)$")
        .unwrap();
    let commands: Vec<(String, String, String)> = stdout
        .lines()
        .filter(|l| l.starts_with("::"))
        .map(|l| {
            let c = re
                .captures(l)
                .unwrap_or_else(|| panic!("not a workflow command: {l}"));
            (c[1].to_string(), c[2].to_string(), c[3].to_string())
        })
        .collect();
    assert!(
        commands.contains(&("error".into(), "bad%2C name.md".into(), "1".into())),
        "{stdout}"
    );
    let fail_line = text.lines().position(|l| l == "## sre-17").unwrap() + 1;
    assert!(
        commands.contains(&("error".into(), "week.md".into(), fail_line.to_string())),
        "{stdout}"
    );
    assert!(
        !commands.iter().any(|c| c.0 == "error" && c.2 == "2"),
        "the passing answer is not annotated: {stdout}"
    );
    assert!(stdout
        .lines()
        .last()
        .unwrap()
        .starts_with("3 answers: 1 passed, 1 failed, 0 skipped, 1 error"));
    assert!(
        stdout.contains("%0A- "),
        "multi-line messages are escaped: {stdout}"
    );
}

#[test]
fn markdown_has_a_summary_table_and_details() {
    let out = rubric()
        .current_dir(Path::new(ROOT).join("examples/study-repo"))
        .args(["check", "--format", "markdown"])
        .assert()
        .code(1);
    let md = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        md.starts_with("<!-- @generated by rubric check: a report, not an answer -->\n### rubric check\n\n**12 answers: 9 passed, 2 failed, 1 skipped**\n"),
        "{md}"
    );
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(rows.len(), 1 + 12, "a header and a row per answer");
    assert!(
        rows.iter().all(|r| r.matches(" | ").count() == 5),
        "six cells a row: {rows:?}"
    );
    assert_eq!(md.matches("<details>").count(), 2);
}

#[test]
fn output_file_gets_the_report_and_the_terminal_the_summary() {
    let t = tree(&[("sre-30.md", &strong_sre30()), ("sre-17.md", WEAK)]);
    let report = t.path().join("out/report.xml");
    std::fs::create_dir_all(report.parent().unwrap()).unwrap();
    let out = rubric()
        .current_dir(t.path())
        .args([
            "check",
            "--format",
            "junit",
            "-o",
            "out/report.xml",
            "sre-30.md",
            "sre-17.md",
        ])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert_eq!(
        stdout, "2 answers: 1 passed, 1 failed, 0 skipped\n",
        "standard output keeps to the total"
    );
    roxmltree::Document::parse(&std::fs::read_to_string(&report).unwrap()).unwrap();
    // Only the report is left in the folder: it was written through a temporary file.
    assert_eq!(
        std::fs::read_dir(report.parent().unwrap()).unwrap().count(),
        1
    );
    // An unwritable destination is an error, and nothing is half-written.
    rubric()
        .current_dir(t.path())
        .args(["check", "-o", "no/such/dir/r.json", "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("writing the report"));
}

// ---- Configuration ----

#[test]
fn config_is_found_walking_up_from_the_checked_files() {
    let t = tree(&[
        (
            "repo/rubric.toml",
            "min_score = 100\nexclude = [\"drafts/\", \"README.md\"]\n",
        ),
        ("repo/README.md", "# Our repo\n"),
        ("repo/drafts/sre-17.md", WEAK),
        ("repo/answers/sre-30.md", &strong_sre30()),
        ("elsewhere/.keep", ""),
    ]);
    // From another directory, the config next to the files applies.
    let (answers, _, _) = check_json(&t.path().join("elsewhere"), &["../repo"]);
    assert_eq!(
        statuses(&answers).len(),
        1,
        "README.md and drafts/ are excluded: {answers:?}"
    );
    assert_eq!(answers[0].min_score, Some(100));
    // A folder the user names is checked even when the config excludes it.
    let (answers, _, _) = check_json(&t.path().join("repo"), &["drafts"]);
    assert_eq!(
        statuses(&answers),
        vec![row("drafts/sre-17.md", 1, Some("sre-17"), "fail")]
    );
    // --force-exclude applies exclude to named files too (as pre-commit passes them).
    let (answers, summary, code) = check_json(
        &t.path().join("repo"),
        &["--force-exclude", "README.md", "drafts/sre-17.md"],
    );
    assert!(
        answers.is_empty() && summary.answers == 0 && code == 0,
        "{answers:?}"
    );
    // --min-score replaces the config's thresholds.
    let (answers, _, _) = check_json(&t.path().join("repo"), &["--min-score", "10", "answers"]);
    assert_eq!(answers[0].min_score, Some(10));
}

#[test]
fn per_set_and_per_question_thresholds_apply_most_specific_first() {
    let t = tree(&[
        (
            "rubric.toml",
            "min_score = 10\n[thresholds]\nsre = 20\nsre-17 = 30\n",
        ),
        ("sre-17.md", WEAK),
        ("sre-30.md", &strong_sre30()),
        ("sys-15.md", "---\nmin_score: 40\n---\nVault."),
        (
            "sys-01.md",
            "We use a CDN, load balancers and several regions with replicas of the database.",
        ),
    ]);
    let (answers, _, _) = check_json(t.path(), &[]);
    let mins: Vec<(String, Option<u32>)> = answers
        .iter()
        .map(|a| (a.path.clone(), a.min_score))
        .collect();
    assert_eq!(
        mins,
        [
            ("sre-17.md", Some(30)),
            ("sre-30.md", Some(20)),
            ("sys-01.md", Some(10)),
            ("sys-15.md", Some(40))
        ]
        .map(|(p, m)| (p.to_string(), m))
    );
}

#[test]
fn regression_min_score_flag_was_overridden_by_the_config_thresholds() {
    let t = tree(&[
        (
            "rubric.toml",
            "min_score = 10\n[thresholds]\nsre = 20\nsre-17 = 30\n",
        ),
        ("sre-17.md", WEAK),
        ("sre-30.md", &strong_sre30()),
        ("sys-15.md", "---\nmin_score: 40\n---\nVault."),
    ]);
    let (answers, _, code) = check_json(t.path(), &["--min-score", "90"]);
    let mins: Vec<(String, Option<u32>)> = answers
        .iter()
        .map(|a| (a.path.clone(), a.min_score))
        .collect();
    assert_eq!(
        mins,
        [
            ("sre-17.md", Some(90)),
            ("sre-30.md", Some(90)),
            ("sys-15.md", Some(40))
        ]
        .map(|(p, m)| (p.to_string(), m)),
        "the flag wins over [thresholds]; the answer's own front matter wins over the flag"
    );
    assert_eq!(code, 1);
}

#[test]
fn config_errors_name_the_file_and_stop_the_run() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (
            &[(
                "rubric.toml",
                "min_score = 60\nexclude = [\"drafts/\"]\nexlcude = []\n",
            )],
            "rubric.toml:3:1: unknown field `exlcude`",
        ),
        (
            &[("rubric.toml", "[thresholds]\nsre-99 = 50\n")],
            "`[thresholds]` names `sre-99`",
        ),
        (
            &[("rubric.toml", "rubrics = [\"bank\"]\n")],
            "`rubrics` directory",
        ),
        (
            &[("rubric.toml", ""), (".rubric.toml", "")],
            "keep one of the two",
        ),
    ];
    let answer = strong_sre30();
    for (config, message) in cases {
        let mut files: Vec<(&str, &str)> = config.to_vec();
        files.push(("sre-30.md", &answer));
        let t = tree(&files);
        rubric()
            .current_dir(t.path())
            .args(["check"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains(*message));
    }
}

#[test]
fn rubric_config_and_dump_config_print_the_configuration_in_force() {
    let t = tree(&[
        (
            "sub/.rubric.toml",
            "min_score = 75\n[thresholds]\nsre = 80\n",
        ),
        ("sub/deeper/a.md", ""),
    ]);
    let out = rubric()
        .current_dir(t.path().join("sub/deeper"))
        .args(["config"])
        .assert()
        .code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains(".rubric.toml")
            && text.contains("min_score = 75")
            && text.contains("[thresholds]\nsre = 80"),
        "{text}"
    );
    let parsed: toml::Value = toml::from_str(&text).unwrap();
    assert_eq!(
        parsed["include"].as_array().unwrap().len(),
        3,
        "defaults are filled in"
    );
    let dump = rubric()
        .current_dir(t.path().join("sub/deeper"))
        .args(["check", "--dump-config", "--min-score", "50"])
        .assert()
        .code(0);
    assert!(
        String::from_utf8_lossy(&dump.get_output().stdout).contains("min_score = 50"),
        "flags are merged in"
    );
    let explicit = rubric()
        .current_dir(t.path())
        .args(["--config", "sub/.rubric.toml", "config"])
        .assert()
        .code(0);
    assert!(String::from_utf8_lossy(&explicit.get_output().stdout).contains("min_score = 75"));
    let none = rubric()
        .current_dir(t.path())
        .args(["config", "sub"])
        .assert()
        .code(0);
    assert!(
        String::from_utf8_lossy(&none.get_output().stdout).contains("min_score = 75"),
        "for a path"
    );
}

// ---- The example study repo and its walkthrough ----

#[test]
fn the_study_repo_gives_the_documented_summary_and_exit_code() {
    let out = rubric()
        .current_dir(ROOT)
        .args(["check", "examples/study-repo"])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        stdout.ends_with("\n12 answers: 9 passed, 2 failed, 1 skipped\n"),
        "{stdout}"
    );
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    assert!(
        readme.contains("12 answers: 9 passed, 2 failed, 1 skipped"),
        "the README shows the summary line"
    );
}

/// The `sh` blocks of the README's study-repo section (the walkthrough; `bash` blocks are
/// set-up snippets that touch the user's environment): every `rubric` command in them runs from
/// the repository root with the exit code its comment says (`# exit 1`), 0 without one. Paths
/// under /tmp/ are redirected to a temporary directory.
#[test]
fn the_readme_walkthrough_runs_as_written() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let section = readme
        .split("\n## Study-repo workflow\n")
        .nth(1)
        .expect("the section")
        .split("\n## ")
        .next()
        .unwrap()
        .to_string();
    let mut ran = 0;
    let out_dir = tempfile::tempdir().unwrap();
    let mut in_sh = false;
    for line in section.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        let Some(cmd) = line.strip_prefix("rubric ").filter(|_| in_sh) else {
            continue;
        };
        let (cmd, comment) = cmd.split_once("  #").unwrap_or((cmd, ""));
        let expected: i32 = comment
            .trim()
            .strip_prefix("exit ")
            .map_or(0, |c| c.parse().unwrap());
        let (cmd, stdout_to) = match cmd.split_once(" > ") {
            Some((c, file)) => (
                c,
                Some(
                    file.trim()
                        .replace("/tmp/", &format!("{}/", out_dir.path().display())),
                ),
            ),
            None => (cmd, None),
        };
        let (cmd, stdin) = match cmd.split_once(" < ") {
            Some((c, file)) => (
                c,
                Some(std::fs::read(Path::new(ROOT).join(file.trim())).unwrap()),
            ),
            None => (cmd, None),
        };
        let args: Vec<String> = shell_words(cmd)
            .into_iter()
            .map(|a| a.replace("/tmp/", &format!("{}/", out_dir.path().display())))
            .collect();
        let mut c = rubric();
        c.current_dir(ROOT).args(&args);
        if let Some(s) = stdin {
            c.write_stdin(s);
        }
        let out = c.output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(expected),
            "`rubric {cmd}`: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if let Some(file) = stdout_to {
            std::fs::write(file, &out.stdout).unwrap();
        }
        ran += 1;
    }
    assert!(ran >= 5, "only {ran} commands found in the walkthrough");
}

/// The example workflow is valid YAML, and every `rubric` command in it is one the CLI accepts
/// (run in the study repo, it exits 0 or 1, never 2).
#[test]
fn the_example_workflow_is_valid_and_runs() {
    let dir = Path::new(ROOT).join("examples/study-repo");
    let text = std::fs::read_to_string(dir.join(".github/workflows/rubric.yml")).unwrap();
    let y: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    assert!(y["on"]["pull_request"].is_null() || y["on"]["pull_request"].is_mapping());
    let steps = y["jobs"]["check"]["steps"]
        .as_sequence()
        .expect("jobs.check.steps");
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(
        runs.iter().any(|r| r.starts_with("cargo install")),
        "the workflow installs rubric"
    );
    // A release tag, the one of this version, resolved to a commit that keys the cache, so a new
    // release is picked up; the toolchain is installed only when the cache misses.
    assert_eq!(
        y["env"]["RUBRIC_REV"].as_str(),
        Some(format!("v{}", env!("CARGO_PKG_VERSION")).as_str())
    );
    let position = |pred: &dyn Fn(&serde_yaml::Value) -> bool| {
        steps
            .iter()
            .position(pred)
            .unwrap_or_else(|| panic!("a step is missing: {steps:?}"))
    };
    let resolve = position(&|s| {
        s["run"]
            .as_str()
            .is_some_and(|r| r.contains("git ls-remote"))
    });
    let cache = position(&|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("actions/cache"))
    });
    let toolchain = position(&|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("dtolnay/rust-toolchain"))
    });
    let install = position(&|s| {
        s["run"]
            .as_str()
            .is_some_and(|r| r.starts_with("cargo install"))
    });
    assert!(resolve < cache && cache < toolchain && toolchain < install);
    let id = steps[resolve]["id"].as_str().unwrap();
    let key = steps[cache]["with"]["key"].as_str().unwrap();
    assert!(
        key.contains(&format!("steps.{id}.outputs.commit")),
        "the cache key follows the resolved commit: {key}"
    );
    for step in [toolchain, install] {
        assert_eq!(
            steps[step]["if"].as_str(),
            Some("steps.cache.outputs.cache-hit != 'true'"),
            "{:?}",
            steps[step]
        );
    }
    assert!(steps[install]["run"]
        .as_str()
        .unwrap()
        .contains(&format!("steps.{id}.outputs.commit")));
    let summary = tempfile::NamedTempFile::new().unwrap();
    let mut checked = 0;
    for run in runs
        .iter()
        .flat_map(|r| r.lines())
        .filter_map(|l| l.trim().strip_prefix("rubric "))
    {
        let args: Vec<String> = shell_words(run)
            .into_iter()
            .map(|a| {
                a.replace(
                    "$GITHUB_STEP_SUMMARY",
                    &summary.path().display().to_string(),
                )
            })
            .collect();
        let out = rubric().current_dir(&dir).args(&args).output().unwrap();
        let code = out.status.code().unwrap();
        assert!(
            code == 0 || code == 1,
            "`rubric {run}` exited {code}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if args.contains(&"github".to_string()) {
            assert!(String::from_utf8_lossy(&out.stdout)
                .lines()
                .any(|l| l.starts_with("::error file=")));
        }
        checked += 1;
    }
    assert_eq!(checked, 2);
    assert!(
        std::fs::read_to_string(summary.path())
            .unwrap()
            .starts_with(
                "<!-- @generated by rubric check: a report, not an answer -->\n### rubric check"
            ),
        "the job summary was written"
    );
}

#[test]
fn the_pre_commit_examples_pin_a_release_tag() {
    let tag = format!("v{}", env!("CARGO_PKG_VERSION"));
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let hooks = std::fs::read_to_string(Path::new(ROOT).join(".pre-commit-hooks.yaml")).unwrap();
    for (name, text) in [("README.md", &readme), (".pre-commit-hooks.yaml", &hooks)] {
        let revs: Vec<&str> = text
            .lines()
            .filter_map(|l| {
                l.trim()
                    .trim_start_matches('#')
                    .trim()
                    .strip_prefix("rev: ")
            })
            .map(|r| r.split_whitespace().next().unwrap())
            .collect();
        assert!(!revs.is_empty(), "{name} shows a `rev:`");
        assert!(
            revs.iter().all(|r| *r == tag),
            "{name}: {revs:?}, not {tag}"
        );
    }
}

#[test]
fn pre_commit_hook_definition_runs_rubric_check() {
    let text = std::fs::read_to_string(Path::new(ROOT).join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: Vec<serde_yaml::Value> = serde_yaml::from_str(&text).unwrap();
    let hook = hooks
        .iter()
        .find(|h| h["id"] == "rubric-check")
        .expect("a rubric-check hook");
    assert_eq!(hook["language"], "rust");
    let entry = hook["entry"].as_str().unwrap();
    assert!(entry.starts_with("rubric check"), "{entry}");
    // The entry, given the files pre-commit would pass, is accepted by the CLI.
    let args: Vec<String> = shell_words(entry).into_iter().skip(1).collect();
    let dir = Path::new(ROOT).join("examples/study-repo");
    let out = rubric()
        .current_dir(&dir)
        .args(&args)
        .args(["README.md", "drafts/sre-44.md", "sre/sre-30.md"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "README.md and drafts/ are excluded even when named: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let files = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    assert!(
        files.is_match("sre/sre-30.md")
            && files.is_match("notes.txt")
            && !files.is_match("rubric.toml")
    );
    // The files every repository has are left out, as pre-commit applies `exclude`.
    let exclude = regex::Regex::new(hook["exclude"].as_str().unwrap()).unwrap();
    for name in [
        "README.md",
        "docs/readme.txt",
        "LICENSE.md",
        "LICENCE.txt",
        "CHANGELOG.md",
        "CONTRIBUTING.md",
        "CODE_OF_CONDUCT.md",
        "SECURITY.md",
    ] {
        assert!(exclude.is_match(name), "{name}");
    }
    for name in [
        "sre/sre-30.md",
        "readme-notes/sre-13.md",
        "licensing-answers.md",
    ] {
        assert!(!exclude.is_match(name), "{name}");
    }
}

// ---- Completions, man page, Markdown banks ----

#[test]
fn completions_and_man_page_come_from_the_clap_definitions() {
    for (shell, needle) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef rubric"),
        ("fish", "complete -c rubric"),
    ] {
        let out = rubric().args(["completions", shell]).assert().code(0);
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(
            text.contains(needle) && text.contains("check") && text.contains("batch"),
            "{shell}"
        );
    }
    let out = rubric().args(["man"]).assert().code(0);
    let man = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        man.starts_with(".ie") || man.contains(".TH rubric"),
        "{}",
        &man[..200.min(man.len())]
    );
    assert!(man.contains(".SH \"EXIT STATUS\"") && man.contains("check"));
    let d = tempfile::tempdir().unwrap();
    rubric()
        .args(["man", "--out"])
        .arg(d.path())
        .assert()
        .code(0);
    assert!(
        d.path().join("rubric.1").is_file()
            && d.path().join("rubric-check.1").is_file()
            && d.path().join("rubric-batch.1").is_file()
    );
}

#[test]
fn the_example_markdown_bank_builds_and_grades() {
    let d = tempfile::tempdir().unwrap();
    let out: PathBuf = d.path().join("rubrics");
    rubric()
        .current_dir(ROOT)
        .args(["build", "examples/bank.md", "--out"])
        .arg(&out)
        .assert()
        .code(0);
    let json = std::fs::read_to_string(out.join("bank.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let questions = v["questions"].as_array().unwrap();
    assert!((3..=4).contains(&questions.len()));
    assert!(
        questions.iter().any(|q| !q["guidance"].is_null()),
        "a question has guidance"
    );
    // Grading against the built bank: a good answer passes, a thin one does not.
    let answer =
        std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/bank/bank-01-answer.md"))
            .unwrap();
    let graded = rubric()
        .args(["--rubrics"])
        .arg(&out)
        .args(["grade", "bank-01", "--format", "json", "--min-score", "60"])
        .write_stdin(answer)
        .assert()
        .code(0);
    let g: serde_json::Value = serde_json::from_slice(&graded.get_output().stdout).unwrap();
    assert_eq!(g["id"], "bank-01");
    rubric()
        .args(["--rubrics"])
        .arg(&out)
        .args(["grade", "bank-01", "--min-score", "60"])
        .write_stdin("It depends.")
        .assert()
        .code(1);
    // And check finds a practice file for it by name, with the bank loaded from config.
    let t = tree(&[(
        "bank-01.md",
        &std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/bank/bank-01-answer.md"))
            .unwrap(),
    )]);
    std::fs::write(
        t.path().join("rubric.toml"),
        format!("rubrics = [{:?}]\n", out.display().to_string()),
    )
    .unwrap();
    let (answers, _, code) = check_json(t.path(), &[]);
    assert_eq!(
        statuses(&answers),
        vec![row("bank-01.md", 1, Some("bank-01"), "pass")]
    );
    assert_eq!(code, 0);
    // The config's rubric directories serve the other commands too.
    rubric()
        .current_dir(t.path())
        .args(["show", "bank-03"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("TLS handshake"));
}

/// Splits a command line the way a POSIX shell would for these simple cases: spaces separate
/// words, double quotes group them.
fn shell_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in s.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(cur);
    }
    words
}
