//! `rubric build`, `list`, `show`, `grade` and `eval`, run as a user runs them: the real binary,
//! its stdout, stderr and exit code. JSON output is read into structs with the documented fields,
//! so a renamed or retyped field fails here.

use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::ROOT;

use common::rubric;

/// A file of the repository, by its path from the root.
fn repo(path: &str) -> PathBuf {
    Path::new(ROOT).join(path)
}

fn fixture(name: &str) -> PathBuf {
    repo("tests/fixtures/cli").join(name)
}

const STRONG: &str = "examples/answers/sre-13-strong.md";
const WEAK: &str = "examples/answers/sre-13-weak.md";

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// An error as the binary reports one: the documented exit code, nothing on stdout, and one
/// line on stderr, `rubric: ...`, containing every needle.
fn assert_error(out: &Output, code: i32, needles: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert_eq!(stdout(out), "", "stdout must be empty on error");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.starts_with("rubric: ") && err.ends_with('\n') && err.lines().count() == 1,
        "one `rubric: ` line expected, got: {err:?}"
    );
    for needle in needles {
        assert!(err.contains(needle), "{needle:?} missing from {err:?}");
    }
}

/// `grade --format json`, read strictly: every documented field must be there with its type.
/// Unknown fields are allowed, since fields are added freely.
#[derive(Debug, Deserialize, PartialEq)]
struct GradeJson {
    id: String,
    question: String,
    score: u32,
    band: Band,
    points: Vec<PointJson>,
    missing: Vec<String>,
    warnings: Vec<String>,
    words: usize,
}

#[derive(Debug, Deserialize, PartialEq, Eq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Band {
    Strong,
    Good,
    Partial,
    Weak,
}

#[derive(Debug, Deserialize, PartialEq)]
struct PointJson {
    id: String,
    label: String,
    source: Source,
    weight: u32,
    covered: bool,
    credit: f64,
    evidence: Vec<String>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Source {
    Guidance,
    Sample,
    Structure,
}

/// One item of `list --format json`.
#[derive(Debug, Deserialize)]
struct ListItem {
    id: String,
    set: String,
    number: usize,
    question: String,
    kind: Kind,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Behavioral,
    Motivational,
    Technical,
}

/// `show --format json`.
#[derive(Debug, Deserialize)]
struct ShowJson {
    id: String,
    set: String,
    number: usize,
    question: String,
    guidance: Option<String>,
    sample_answer: String,
    kind: Kind,
    points: Vec<ShowPoint>,
}

#[derive(Debug, Deserialize)]
struct ShowPoint {
    id: String,
    label: String,
    source: Source,
    weight: u32,
    terms: Vec<String>,
    hint: String,
}

/// `eval --format json`.
#[derive(Debug, Deserialize)]
struct EvalJson {
    answers: usize,
    questions: usize,
    pearson: f64,
    spearman: f64,
    qwk: f64,
    rmse: f64,
    worst: Vec<Disagreement>,
}

#[derive(Debug, Deserialize)]
struct Disagreement {
    line: usize,
    id: String,
    human: f64,
    score: u32,
}

fn grade_json(args: &[&str]) -> GradeJson {
    let out = rubric()
        .args(["grade", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)))
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

// ---- Help, version and exit codes ----

#[test]
fn help_lists_the_commands_and_the_exit_status_table() {
    for args in [&["--help"][..], &["-h"]] {
        let out = rubric().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(stderr(&out), "", "{args:?}");
        let help = stdout(&out);
        for needle in [
            "Exit status:",
            "\n  0  every graded answer met its threshold",
            "\n  1  at least one answer scored below its threshold, or `build --check` found stale rubrics",
            "\n  2  usage, input, rubric or I/O error",
        ] {
            assert!(help.contains(needle), "{args:?}: {needle:?} missing from:\n{help}");
        }
    }
    let help = stdout(&rubric().arg("--help").output().unwrap());
    for command in ["build", "list", "show", "grade", "eval", "check", "batch"] {
        assert!(
            help.contains(&format!("\n  {command} ")),
            "{command} missing from:\n{help}"
        );
    }
}

#[test]
fn version_prints_the_package_version() {
    rubric()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(format!("rubric {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_exit_2_with_nothing_on_stdout() {
    let strong = repo(STRONG);
    let strong = path_str(&strong);
    for (args, needle) in [
        (&["grade", "sre-13", strong, "--bogus"][..], "--bogus"),
        (&["--bogus", "list"], "--bogus"),
        (&["grade"], "<QUESTION>"),
        (&["frobnicate"], "frobnicate"),
        (&["grade", "sre-13", strong, "--min-score", "101"], "101"),
        (&["grade", "sre-13", strong, "--format", "yaml"], "yaml"),
        (&["list", "--color", "sometimes"], "sometimes"),
        (&["build", "--out"], "--out"),
        (&[], "Usage"),
    ] {
        let out = rubric().args(args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(stdout(&out), "", "{args:?}");
        assert!(
            err.contains(needle),
            "{args:?}: {needle} missing from {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn grade_exit_code_is_1_only_below_min_score() {
    let weak = repo(WEAK);
    let weak = path_str(&weak);
    let score = grade_json(&["sre-13", weak]).score;
    assert!(score < 100, "the weak example is not perfect");
    let code = |min: u32| {
        rubric()
            .args(["grade", "sre-13", weak, "--min-score", &min.to_string()])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(
        code(score),
        Some(0),
        "a score equal to the threshold passes"
    );
    assert_eq!(code(score + 1), Some(1), "one point short fails");
    assert_eq!(code(0), Some(0));
    // Below the threshold is a finding, not an error: the report is still printed.
    let out = rubric()
        .args(["grade", "sre-13", weak, "--min-score", "100"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with("sre-13  "), "{}", stdout(&out));
    assert_eq!(stderr(&out), "");
    let strong = repo(STRONG);
    rubric()
        .args(["grade", "sre-13", path_str(&strong), "--min-score", "80"])
        .assert()
        .code(0);
}

/// The exit codes each command documents: its own, and only those.
const EXIT_CODES: &[(&str, &[u8])] = &[
    ("build", &[0, 1, 2]),
    ("list", &[0, 2]),
    ("show", &[0, 2]),
    ("grade", &[0, 1, 2]),
    ("eval", &[0, 2]),
    ("check", &[0, 1, 2]),
    ("batch", &[0, 2]),
    ("config", &[0, 2]),
    ("completions", &[0, 2]),
    ("man", &[0, 2]),
];

/// The exit codes listed under `header` in `text`: lines `  N  meaning` up to a blank line.
fn listed_codes(text: &str, header: &str) -> Vec<u8> {
    text.split(header)
        .nth(1)
        .unwrap_or_else(|| panic!("no {header:?} in:\n{text}"))
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next()?.parse().ok())
        .collect()
}

#[test]
fn regression_every_command_listed_every_exit_code_and_man_pages_lacked_sections() {
    for (command, codes) in EXIT_CODES {
        let out = rubric().args([command, "--help"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{command}");
        let help = stdout(&out);
        assert_eq!(
            &listed_codes(&help, "Exit status:"),
            codes,
            "{command}:\n{help}"
        );
        assert!(
            help.contains("\nExamples:\n  rubric "),
            "{command}:\n{help}"
        );
        if *command == "grade" {
            assert!(
                help.contains("1  the answer scored below --min-score"),
                "{help}"
            );
            assert!(!help.contains("build --check"), "{help}");
        }
    }
    let d = tempfile::tempdir().unwrap();
    rubric()
        .args(["man", "--out"])
        .arg(d.path())
        .assert()
        .code(0);
    for (command, codes) in EXIT_CODES {
        let man = std::fs::read_to_string(d.path().join(format!("rubric-{command}.1"))).unwrap();
        for section in [".SH EXAMPLES", ".SH ENVIRONMENT", ".SH \"EXIT STATUS\""] {
            assert!(man.contains(section), "rubric-{command}.1 lacks {section}");
        }
        let status = man.split(".SH \"EXIT STATUS\"").nth(1).unwrap();
        let status = status.split(".SH").next().unwrap();
        let listed: Vec<u8> = status
            .lines()
            .filter_map(|l| l.trim().parse().ok())
            .collect();
        assert_eq!(&listed, codes, "rubric-{command}.1");
    }
    let main = std::fs::read_to_string(d.path().join("rubric.1")).unwrap();
    assert!(main.contains(".SH ENVIRONMENT") && main.contains("NO_COLOR"));
    assert!(main.contains(".SH EXAMPLES") && main.contains("rubric grade sre\\-13 answer.md"));
}

// ---- grade ----

#[test]
fn grade_rates_the_strong_example_strong_and_the_weak_one_lower() {
    let out = rubric()
        .args(["grade", "sre-13", path_str(&repo(STRONG))])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("sre-13  What are the most common causes of cascading failures"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("Score ") && lines[1].contains("/100 strong"),
        "{text}"
    );
    assert!(text.contains("\nCovered\n  ✓ "), "{text}");

    let strong = grade_json(&["sre-13", path_str(&repo(STRONG))]);
    let weak = grade_json(&["sre-13", path_str(&repo(WEAK))]);
    assert_eq!(strong.band, Band::Strong);
    assert!(strong.score >= 80, "{}", strong.score);
    assert!(
        weak.score < strong.score,
        "weak {} vs strong {}",
        weak.score,
        strong.score
    );
    assert!(weak.missing.len() > strong.missing.len());
}

#[test]
fn grade_json_has_every_documented_field_in_range() {
    for file in [STRONG, WEAK] {
        let answer = std::fs::read_to_string(repo(file)).unwrap();
        let g = grade_json(&["sre-13", path_str(&repo(file))]);
        assert_eq!(g.id, "sre-13");
        assert!(g.question.starts_with("What are the most common causes"));
        assert!(g.score <= 100);
        let band = match g.score {
            80.. => Band::Strong,
            60..=79 => Band::Good,
            40..=59 => Band::Partial,
            _ => Band::Weak,
        };
        assert_eq!(g.band, band, "score {}", g.score);
        assert!(!g.points.is_empty());
        assert!(g.words > 0);
        for p in &g.points {
            assert!(p.id.starts_with("sre-13/"), "{}", p.id);
            assert!(!p.label.is_empty());
            assert!((0.0..=1.0).contains(&p.credit), "{p:?}");
            for e in &p.evidence {
                assert!(
                    answer.contains(e.as_str()),
                    "evidence {e:?} is not the answer's"
                );
            }
            if p.covered {
                assert!(p.credit > 0.0, "{p:?}");
            }
        }
        let uncovered: Vec<&str> = g
            .points
            .iter()
            .filter(|p| !p.covered && p.weight > 0)
            .map(|p| p.label.as_str())
            .collect();
        assert_eq!(
            g.missing, uncovered,
            "missing lists uncovered points in order"
        );
    }
}

#[test]
fn grade_json_is_one_line_and_identical_across_runs() {
    let run = || {
        rubric()
            .args(["grade", "sre-13", path_str(&repo(WEAK)), "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    let first = run();
    assert_eq!(first, run());
    let text = String::from_utf8(first).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.ends_with('\n'));
}

#[test]

fn regression_credit_without_evidence_was_negative_zero_in_json() {
    let out = rubric()
        .args(["grade", "sre-13", "--format", "json"])
        .write_stdin("Alerts should be good.")
        .output()
        .unwrap();
    let g: GradeJson = serde_json::from_slice(&out.stdout).unwrap();
    for p in &g.points {
        assert!(
            p.credit.is_sign_positive(),
            "{}: credit {:?}",
            p.id,
            p.credit
        );
    }
    assert!(!stdout(&out).contains(":-0.0"), "{}", stdout(&out));
}

#[test]
fn grade_accepts_the_question_as_free_text() {
    let g = grade_json(&[
        "cascading failures distributed systems",
        path_str(&repo(STRONG)),
    ]);
    assert_eq!(g.id, "sre-13");
    // The README's example: one question holds both words, so it is a clear match.
    let g = grade_json(&["cascading failures", path_str(&repo(STRONG))]);
    assert_eq!(g.id, "sre-13");
    for loose in ["sre13", "sre 13", "SRE_13"] {
        assert_eq!(grade_json(&[loose, path_str(&repo(STRONG))]).id, "sre-13");
    }
    let g = grade_json(&[
        "How would you architect a highly available, scalable API for a global user base in the public cloud?",
        path_str(&repo(STRONG)),
    ]);
    assert_eq!(g.id, "sys-01", "the exact wording resolves");
}

#[test]
fn ambiguous_question_text_exits_2_and_lists_the_candidates() {
    let out = rubric()
        .args(["grade", "stay current trends", path_str(&repo(STRONG))])
        .output()
        .unwrap();
    assert_error(
        &out,
        2,
        &[
            "`stay current trends` matches several questions equally well",
            "closest: ",
            "staff-22 (",
            "infra-22 (",
        ],
    );
}

#[test]
fn unknown_question_exits_2_and_points_to_the_list_or_the_closest_ids() {
    let strong = repo(STRONG);
    let out = rubric()
        .args(["grade", "sre-99", path_str(&strong)])
        .output()
        .unwrap();
    assert_error(&out, 2, &["unknown question `sre-99`"]);
    let out = rubric()
        .args(["grade", "zzz-99", path_str(&strong)])
        .output()
        .unwrap();
    assert_error(
        &out,
        2,
        &[
            "unknown question `zzz-99`",
            "`rubric list` shows every question",
        ],
    );
    let out = rubric()
        .args(["grade", "design system", path_str(&strong)])
        .output()
        .unwrap();
    assert_error(
        &out,
        2,
        &[
            "`design system` matches several questions equally well",
            "closest: sre-13 (",
        ],
    );
    let out = rubric()
        .args(["show", "nothing like any question"])
        .output()
        .unwrap();
    assert_error(&out, 2, &["unknown question `nothing like any question`"]);
}

#[test]
fn question_ids_are_case_insensitive() {
    let upper = grade_json(&["SRE-13", path_str(&repo(STRONG))]);
    let lower = grade_json(&["sre-13", path_str(&repo(STRONG))]);
    assert_eq!(upper.id, "sre-13");
    assert_eq!(upper, lower);
}

#[test]
fn grade_reads_standard_input_when_the_file_is_absent_or_a_dash() {
    let answer = std::fs::read_to_string(repo(STRONG)).unwrap();
    let from_file = rubric()
        .args(["grade", "sre-13", path_str(&repo(STRONG))])
        .output()
        .unwrap();
    let absent = rubric()
        .args(["grade", "sre-13"])
        .write_stdin(answer.clone())
        .output()
        .unwrap();
    let dash = rubric()
        .args(["grade", "sre-13", "-"])
        .write_stdin(answer)
        .output()
        .unwrap();
    assert_eq!(absent.status.code(), Some(0));
    assert_eq!(dash.status.code(), Some(0));
    assert_eq!(absent.stdout, from_file.stdout);
    assert_eq!(dash.stdout, from_file.stdout);
    assert_eq!(stderr(&absent), "", "no terminal hint when stdin is a pipe");
}

#[test]
fn color_follows_an_explicit_flag_then_no_color_force_color_and_clicolor_never_json() {
    let strong = repo(STRONG);
    let run_env = |args: &[&str], env: &[(&str, &str)]| {
        let mut c = rubric();
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c
            .args(["grade", "sre-13", path_str(&strong)])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        stdout(&out).contains('\u{1b}')
    };
    // An explicit flag wins over the environment (no-color.org).
    assert!(run_env(&["--color", "always"], &[("NO_COLOR", "1")]));
    assert!(!run_env(&["--color", "never"], &[("FORCE_COLOR", "1")]));
    assert!(!run_env(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    // With auto, in a pipe: forced by FORCE_COLOR or CLICOLOR_FORCE, NO_COLOR winning.
    assert!(run_env(&[], &[("FORCE_COLOR", "1")]));
    assert!(run_env(&["--color", "auto"], &[("FORCE_COLOR", "true")]));
    assert!(!run_env(&[], &[("FORCE_COLOR", "0")]));
    assert!(run_env(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!run_env(&[], &[("CLICOLOR_FORCE", "0")]));
    assert!(!run_env(&[], &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]));
    assert!(
        !run_env(&[], &[("NO_COLOR", "")]),
        "an empty NO_COLOR is unset"
    );
    assert!(!run_env(
        &["--format", "json"],
        &[("FORCE_COLOR", "1"), ("CLICOLOR_FORCE", "1")]
    ));
    let run = |args: &[&str], no_color: bool| {
        let mut c = rubric();
        if no_color {
            c.env("NO_COLOR", "1");
        }
        let out = c
            .args(["grade", "sre-13", path_str(&strong)])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        stdout(&out)
    };
    assert!(run(&["--color", "always"], false).contains("\u{1b}["));
    assert!(
        !run(&["--color", "auto"], true).contains('\u{1b}'),
        "NO_COLOR turns auto off"
    );
    assert!(!run(&["--color", "never"], false).contains('\u{1b}'));
    assert!(!run(&[], false).contains('\u{1b}'), "stdout is a pipe");
    assert!(!run(&["--color", "auto"], false).contains('\u{1b}'));
    let json = run(&["--color", "always", "--format", "json"], false);
    assert!(!json.contains('\u{1b}'), "JSON is never colored");
    let list = rubric()
        .args(["list", "--color", "always"])
        .output()
        .unwrap();
    assert!(stdout(&list).contains("\u{1b}["));
}

// ---- list and show ----

#[test]
fn list_prints_one_line_per_question() {
    let out = rubric().arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 148);
    assert!(
        text.lines().next().unwrap().starts_with("infra-01 "),
        "{text}"
    );
    for (args, n, prefix) in [
        (&["list", "--set", "sre"][..], 52, "sre-"),
        (&["list", "--set", "SRE"], 52, "sre-"),
        (&["list", "--set", "sys"], 24, "sys-"),
    ] {
        let out = rubric().args(args).output().unwrap();
        let text = stdout(&out);
        assert_eq!(text.lines().count(), n, "{args:?}");
        assert!(text.lines().all(|l| l.starts_with(prefix)), "{text}");
    }
}

#[test]
fn list_json_is_an_array_of_questions() {
    let out = rubric()
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let items: Vec<ListItem> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(items.len(), 148);
    let mut ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 148, "ids are unique");
    for i in &items {
        assert_eq!(i.id, format!("{}-{:02}", i.set, i.number), "{i:?}");
        assert!(!i.question.is_empty());
    }
    let per_set = |set: &str| items.iter().filter(|i| i.set == set).count();
    assert_eq!(
        [
            per_set("infra"),
            per_set("lead"),
            per_set("sre"),
            per_set("staff"),
            per_set("sys")
        ],
        [24, 24, 52, 24, 24]
    );
    let sys02 = items.iter().find(|i| i.id == "sys-02").unwrap();
    assert_eq!(sys02.kind, Kind::Behavioral);
    let sre = rubric()
        .args(["list", "--set", "sre", "--format", "json"])
        .output()
        .unwrap();
    let sre: Vec<ListItem> = serde_json::from_slice(&sre.stdout).unwrap();
    assert_eq!(sre.len(), 52);
}

#[test]
fn list_with_an_unknown_set_exits_2_naming_the_sets() {
    let out = rubric().args(["list", "--set", "nope"]).output().unwrap();
    assert_error(
        &out,
        2,
        &["unknown set `nope`", "sets: infra, lead, sre, staff, sys"],
    );
}

#[test]
fn show_json_has_the_question_guidance_sample_answer_and_points() {
    let out = rubric()
        .args(["show", "sys-01", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let q: ShowJson = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (q.id.as_str(), q.set.as_str(), q.number),
        ("sys-01", "sys", 1)
    );
    assert!(q
        .question
        .starts_with("How would you architect a highly available"));
    assert!(q.guidance.as_deref().unwrap().starts_with("In your answer"));
    assert!(q.sample_answer.contains("multi-region"));
    assert_eq!(q.kind, Kind::Technical);
    assert!(q.points.iter().any(|p| p.source == Source::Guidance));
    for p in &q.points {
        assert!(p.id.starts_with("sys-01/"), "{p:?}");
        assert!(!p.label.is_empty() && !p.hint.is_empty(), "{p:?}");
        assert!(!p.terms.is_empty() || p.weight == 0, "{p:?}");
    }
    // The SRE page has no guidance.
    let out = rubric()
        .args(["show", "SRE-13", "--format", "json"])
        .output()
        .unwrap();
    let q: ShowJson = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(q.id, "sre-13");
    assert_eq!(q.guidance, None);
}

#[test]
fn show_text_has_the_guidance_sample_answer_and_points() {
    let out = rubric().args(["show", "sys-01"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("sys-01  How would you architect"),
        "{text}"
    );
    for section in [
        "\nGuidance\n",
        "\nSample answer\n",
        "\nWhat the interviewer listens for\n",
        "guidance: \u{201c}availability patterns\u{201d}, weight 2",
        "hint: ",
    ] {
        assert!(text.contains(section), "{section:?} missing from:\n{text}");
    }
}

// ---- build ----

/// A temporary directory holding a copy of the repository's seed pages, as a checkout would.
/// The reviewed rubric sources (`rubrics/<set>/*.toml`) are copied too, into `rubrics/`.
fn seeds_copy() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    copy_dir(&repo("seeds"), &d.path().join("seeds"));
    for e in std::fs::read_dir(repo("rubrics")).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            copy_dir(&p, &d.path().join("rubrics").join(p.file_name().unwrap()));
        }
    }
    d
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        std::fs::write(to.join(p.file_name().unwrap()), std::fs::read(&p).unwrap()).unwrap();
    }
}

/// A temporary copy of the committed rubric files, in `<dir>/OUT`.
fn committed_rubrics_copy(dir: &Path) -> PathBuf {
    let out = dir.join("OUT");
    std::fs::create_dir(&out).unwrap();
    for name in committed_rubric_names() {
        std::fs::copy(repo("rubrics").join(&name), out.join(&name)).unwrap();
    }
    // The default build also writes the vocabulary buzzwords are told by.
    std::fs::copy(
        repo("rubrics").join("vocabulary.txt"),
        out.join("vocabulary.txt"),
    )
    .unwrap();
    out
}

fn committed_rubric_names() -> Vec<String> {
    json_names(&repo("rubrics"))
}

fn json_names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    v.sort();
    v
}

fn temporary_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".rubric-") || n.ends_with(".tmp"))
        .collect()
}

#[test]
fn committed_rubrics_are_fresh_build_from_the_seeds_reproduces_them_byte_for_byte() {
    let d = seeds_copy();
    let out = rubric()
        .current_dir(d.path())
        .args(["build", "--out", "OUT", "--sources", "rubrics"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let names = committed_rubric_names();
    assert_eq!(
        names,
        [
            "infra.json",
            "lead.json",
            "sre.json",
            "staff.json",
            "sys.json"
        ]
    );
    assert_eq!(json_names(&d.path().join("OUT")), names);
    for name in &names {
        assert!(
            stderr(&out).contains(&format!("rubric: wrote OUT/{name} (")),
            "{}",
            stderr(&out)
        );
        let built = std::fs::read(d.path().join("OUT").join(name)).unwrap();
        let committed = std::fs::read(repo("rubrics").join(name)).unwrap();
        assert!(
            built == committed,
            "rubrics/{name} is stale: run `rubric build` and commit the result"
        );
    }

    // Again, into the same directory (nothing to write) and into a new one: the same bytes.
    let again = rubric()
        .current_dir(d.path())
        .args(["build", "--out", "OUT", "--sources", "rubrics"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stderr(&again).contains("rubric: OUT/sre.json is up to date (52 questions)"),
        "{}",
        stderr(&again)
    );
    rubric()
        .current_dir(d.path())
        .args(["build", "--out", "OUT2", "--sources", "rubrics"])
        .assert()
        .code(0);
    for name in &names {
        assert_eq!(
            std::fs::read(d.path().join("OUT").join(name)).unwrap(),
            std::fs::read(d.path().join("OUT2").join(name)).unwrap(),
            "{name} differs between two builds"
        );
    }
    assert!(temporary_files(&d.path().join("OUT")).is_empty());
}

#[test]
fn build_check_exits_0_when_fresh_and_1_naming_each_stale_file() {
    let d = seeds_copy();
    let out_dir = committed_rubrics_copy(d.path());
    let check = || {
        rubric()
            .current_dir(d.path())
            .args(["build", "--check", "--out", "OUT", "--sources", "rubrics"])
            .output()
            .unwrap()
    };
    let fresh = check();
    assert_eq!(fresh.status.code(), Some(0), "{}", stderr(&fresh));
    assert_eq!(stdout(&fresh), "");
    assert!(stderr(&fresh).contains("5 rubric files are fresh"));

    let sre = out_dir.join("sre.json");
    let mut edited = std::fs::read_to_string(&sre).unwrap();
    edited = edited.replacen("\"weight\": 1", "\"weight\": 3", 1);
    std::fs::write(&sre, &edited).unwrap();
    std::fs::remove_file(out_dir.join("lead.json")).unwrap();
    let stale = check();
    assert_eq!(stale.status.code(), Some(1), "{}", stderr(&stale));
    assert_eq!(stdout(&stale), "");
    let err = stderr(&stale);
    assert!(err.contains("rubric: OUT/sre.json is stale"), "{err}");
    assert!(err.contains("rubric: OUT/lead.json is missing"), "{err}");
    assert!(
        !err.contains("infra.json"),
        "fresh files are not named: {err}"
    );
    assert_eq!(
        std::fs::read_to_string(&sre).unwrap(),
        edited,
        "--check writes nothing"
    );
    assert!(
        !out_dir.join("lead.json").exists(),
        "--check writes nothing"
    );
}

#[test]
fn a_jsonl_bank_builds_and_grades_with_rubrics() {
    let d = tempfile::tempdir().unwrap();
    let out = rubric()
        .args(["build", path_str(&fixture("bank.jsonl")), "--out"])
        .arg(d.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("bank.json (2 questions)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(json_names(d.path()), ["bank.json"]);
    let file = rubric::rubric::read_file(&d.path().join("bank.json")).unwrap();
    assert_eq!(file.set, "bank");
    assert_eq!(file.source, "bank.jsonl");

    let rubrics = path_str(d.path());
    let grade = |answer: &str| {
        let out = rubric()
            .args([
                "--rubrics",
                rubrics,
                "grade",
                "deploy-rollback",
                "--format",
                "json",
            ])
            .arg(fixture(answer))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        serde_json::from_slice::<GradeJson>(&out.stdout).unwrap()
    };
    let strong = grade("deploy-rollback-strong.md");
    let weak = grade("deploy-rollback-weak.md");
    assert_eq!(strong.id, "deploy-rollback");
    assert_eq!(
        strong.question,
        "How do you roll back a bad deployment safely?"
    );
    assert!(strong.points.iter().any(|p| p.source == Source::Guidance));
    assert!(strong.score >= 80, "{strong:?}");
    assert!(weak.score < 40, "{weak:?}");

    let listed = rubric()
        .args(["--no-builtin", "--rubrics", rubrics, "list"])
        .output()
        .unwrap();
    let text = stdout(&listed);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.starts_with("deploy-rollback "), "{text}");
    // Built-in questions are still there without --no-builtin; RUBRIC_RUBRICS works too.
    let both = rubric()
        .env("RUBRIC_RUBRICS", rubrics)
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(stdout(&both).lines().count(), 150);
}

#[test]
fn a_truncated_seed_page_exits_2_naming_the_file_and_line() {
    let d = tempfile::tempdir().unwrap();
    let page = std::fs::read_to_string(repo("seeds/sys.txt")).unwrap();
    let lines: Vec<&str> = page.lines().collect();
    // Cut the second question's `Answer Example:` line; its block starts two lines above it
    // (question, guidance paragraph, answer).
    let cut = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("Answer Example:"))
        .nth(1)
        .unwrap()
        .0;
    let question_line = cut - 2 + 1;
    let truncated: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != cut)
        .map(|(_, l)| *l)
        .collect();
    std::fs::write(d.path().join("sys.txt"), truncated.join("\n") + "\n").unwrap();
    let out = rubric()
        .current_dir(d.path())
        .args(["build", "sys.txt", "--out", "OUT"])
        .output()
        .unwrap();
    assert_error(
        &out,
        2,
        &[
            &format!("rubric: sys.txt:{question_line}: question 2 "),
            "no `Answer Example:` line",
        ],
    );
    assert!(!d.path().join("OUT").exists(), "nothing is written");
}

#[test]
fn regression_fuzz_empty_markdown_heading_is_an_error_not_a_panic() {
    for name in ["fuzz-seed-empty-heading.md", "fuzz-seed-empty-heading-2.md"] {
        let d = tempfile::tempdir().unwrap();
        let out = rubric()
            .current_dir(d.path())
            .args([
                "build",
                path_str(&repo("tests/regressions").join(name)),
                "--out",
                "OUT",
            ])
            .output()
            .unwrap();
        assert_error(&out, 2, &[&format!("{name}:2: "), "empty `## ` heading"]);
        assert!(!d.path().join("OUT").exists());
    }
}

/// Runs `rubric build --out OUT` in `dir` with the file size limit far below a rubric file's
/// size, so the write fails part-way on any machine, even as root. SIGXFSZ is ignored so the
/// write returns an error instead of killing the process.
#[cfg(unix)]
fn build_with_small_file_size_limit(dir: &Path) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("rubric");
    std::process::Command::new("sh")
        .current_dir(dir)
        .args([
            "-c",
            "trap '' XFSZ; ulimit -f 64 && exec \"$0\" build --out OUT --sources rubrics",
        ])
        .arg(bin)
        .env_remove("RUBRIC_RUBRICS")
        .env_remove("RUBRIC_CONFIG")
        .output()
        .unwrap()
}

/// A copy of the seeds and of the committed rubrics with `sre.json` edited, so a build must
/// rewrite it: (the seeds' directory, the rubrics copy, `sre.json`, its edited text).
fn stale_sre_rubric() -> (tempfile::TempDir, PathBuf, PathBuf, String) {
    let d = seeds_copy();
    let out_dir = committed_rubrics_copy(d.path());
    let sre = out_dir.join("sre.json");
    let old = std::fs::read_to_string(&sre)
        .unwrap()
        .replacen("\"weight\": 1", "\"weight\": 3", 1);
    std::fs::write(&sre, &old).unwrap();
    (d, out_dir, sre, old)
}

#[cfg(unix)]
#[test]
fn a_failed_write_keeps_the_old_rubric_file_and_leaves_no_temporary_file() {
    let (d, out_dir, sre, old) = stale_sre_rubric();

    let out = build_with_small_file_size_limit(d.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    let last = err.lines().last().unwrap();
    assert!(last.starts_with("rubric: writing OUT/sre.json: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&sre).unwrap(),
        old,
        "the old file is whole"
    );
    assert_eq!(temporary_files(&out_dir), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn a_read_only_out_dir_keeps_the_old_rubric_file() {
    use std::os::unix::fs::PermissionsExt;
    let (d, out_dir, sre, old) = stale_sre_rubric();
    std::fs::set_permissions(&out_dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores directory permissions: probe before asserting anything about them.
    let probe = out_dir.join("probe");
    let writable = std::fs::write(&probe, b"").is_ok();
    let out = rubric()
        .current_dir(d.path())
        .args(["build", "--out", "OUT", "--sources", "rubrics"])
        .output()
        .unwrap();
    std::fs::set_permissions(&out_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    if writable {
        eprintln!("skipped: the out dir is writable despite its mode (running as root?)");
        return;
    }
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(
        err.lines()
            .last()
            .unwrap()
            .starts_with("rubric: writing OUT/sre.json: "),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&sre).unwrap(), old);
    assert_eq!(temporary_files(&out_dir), Vec::<String>::new());
}

#[test]
fn an_out_dir_under_a_regular_file_is_an_error_that_touches_nothing() {
    let d = seeds_copy();
    std::fs::write(d.path().join("afile"), "keep me\n").unwrap();
    let out = rubric()
        .current_dir(d.path())
        .args(["build", "seeds/sys.txt", "--out", "afile/rubrics"])
        .output()
        .unwrap();
    assert_error(&out, 2, &["afile/rubrics"]);
    assert_eq!(
        std::fs::read_to_string(d.path().join("afile")).unwrap(),
        "keep me\n"
    );
    assert_eq!(temporary_files(d.path()), Vec::<String>::new());
}

// ---- eval ----

/// The hand-scored answers in the fixture, as (question id, answer, human score).
fn eval_rows() -> Vec<(String, String, f64)> {
    std::fs::read_to_string(fixture("eval.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["qid"].as_str().unwrap().to_string(),
                v["answer"].as_str().unwrap().to_string(),
                v["score_avg"].as_f64().unwrap(),
            )
        })
        .collect()
}

fn eval_json(file: &Path, extra: &[&str]) -> (EvalJson, Vec<u8>) {
    let out = rubric()
        .args(["eval", "--format", "json"])
        .arg(file)
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    (
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out))),
        out.stdout,
    )
}

#[test]
fn eval_prints_the_agreement_statistics() {
    let out = rubric()
        .arg("eval")
        .arg(fixture("eval.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "6 answers, 2 questions");
    for (line, name) in lines[1..5]
        .iter()
        .zip(["Pearson ", "Spearman ", "QWK ", "RMSE "])
    {
        assert!(line.starts_with(name), "{name:?} line expected: {text}");
    }
    assert!(text.contains("\nWorst disagreements\n  line "), "{text}");
}

#[test]
fn eval_json_counts_answers_and_questions_and_its_pearson_matches_the_grades() {
    let (r, _) = eval_json(&fixture("eval.jsonl"), &[]);
    assert_eq!((r.answers, r.questions), (6, 2));
    for (name, v) in [
        ("pearson", r.pearson),
        ("spearman", r.spearman),
        ("qwk", r.qwk),
    ] {
        assert!((-1.0..=1.0).contains(&v), "{name} {v}");
    }
    assert!(r.rmse >= 0.0);
    assert_eq!(r.worst.len(), 5, "five worst by default");
    let rows = eval_rows();
    for w in &r.worst {
        let (id, _, human) = &rows[w.line - 1];
        assert_eq!((&w.id, w.human), (id, *human), "worst names its line");
        assert!(w.score <= 100);
    }

    // Eval builds a rubric from each question's reference answer, as `rubric build` does from a
    // JSON Lines bank: build that bank and grade each answer with `grade`.
    let d = tempfile::tempdir().unwrap();
    let mut bank = String::new();
    let mut seen = Vec::new();
    for l in std::fs::read_to_string(fixture("eval.jsonl"))
        .unwrap()
        .lines()
    {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        if !seen.contains(&v["qid"]) {
            seen.push(v["qid"].clone());
            bank.push_str(
                &serde_json::json!({"id": v["qid"], "question": v["question"], "answer": v["reference"]})
                    .to_string(),
            );
            bank.push('\n');
        }
    }
    std::fs::write(d.path().join("eval.jsonl"), bank).unwrap();
    rubric()
        .current_dir(d.path())
        .args(["build", "eval.jsonl", "--out", "OUT"])
        .assert()
        .code(0);
    let grades: Vec<f64> = rows
        .iter()
        .map(|(id, answer, _)| {
            let out = rubric()
                .current_dir(d.path())
                .args(["--rubrics", "OUT", "grade", id, "--format", "json"])
                .write_stdin(answer.clone())
                .output()
                .unwrap();
            serde_json::from_slice::<GradeJson>(&out.stdout)
                .unwrap()
                .score as f64
        })
        .collect();
    let human: Vec<f64> = rows.iter().map(|r| r.2).collect();
    let expected = pearson(&grades, &human);
    assert!(
        (r.pearson - expected).abs() < 1e-4,
        "eval says {}, the grades give {expected} ({grades:?} vs {human:?})",
        r.pearson
    );
    for w in &r.worst {
        assert_eq!(w.score as f64, grades[w.line - 1], "line {}", w.line);
    }
}

#[test]
fn eval_is_reproducible_and_field_names_can_be_changed() {
    let (_, first) = eval_json(&fixture("eval.jsonl"), &[]);
    let (_, second) = eval_json(&fixture("eval.jsonl"), &[]);
    assert_eq!(first, second, "the same input gives the same bytes");

    let d = tempfile::tempdir().unwrap();
    let renamed = d.path().join("renamed.jsonl");
    let text = std::fs::read_to_string(fixture("eval.jsonl"))
        .unwrap()
        .replace("\"qid\":", "\"qn\":")
        .replace("\"question\":", "\"prompt\":")
        .replace("\"reference\":", "\"model_answer\":")
        .replace("\"answer\":", "\"response\":")
        .replace("\"score_avg\":", "\"mark\":");
    std::fs::write(&renamed, text).unwrap();
    let (_, bytes) = eval_json(
        &renamed,
        &[
            "--id-field",
            "qn",
            "--question-field",
            "prompt",
            "--reference-field",
            "model_answer",
            "--answer-field",
            "response",
            "--score-field",
            "mark",
        ],
    );
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        String::from_utf8(first).unwrap(),
        "renamed fields give the same report"
    );

    // Without the flags, the renamed file has no `answer` field on its first line.
    let out = rubric().arg("eval").arg(&renamed).output().unwrap();
    assert_error(&out, 2, &["renamed.jsonl:1: ", "`answer`"]);
}

#[test]
fn eval_bad_line_exits_2_naming_file_and_line() {
    let d = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(fixture("eval.jsonl")).unwrap();
    let lines: Vec<&str> = good.lines().collect();
    for (name, bad, needle) in [
        ("json.jsonl", "{oops", "invalid JSON"),
        (
            "score.jsonl",
            r#"{"qid": "q1", "answer": "Roll back.", "score_avg": "high"}"#,
            "`score_avg`",
        ),
    ] {
        let path = d.path().join(name);
        let text = [&lines[..2], &[bad], &lines[2..]].concat().join("\n");
        std::fs::write(&path, text).unwrap();
        let out = rubric().arg("eval").arg(&path).output().unwrap();
        assert_error(&out, 2, &[&format!("{name}:3: "), needle]);
    }
}

// ---- batch ----

#[test]
fn batch_output_does_not_depend_on_the_thread_count() {
    let labelled = std::fs::read_to_string(repo("tests/data/labelled.jsonl")).unwrap();
    let rows: Vec<serde_json::Value> = labelled
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut input = String::new();
    for n in 0..200 {
        let r = &rows[n % rows.len()];
        input.push_str(
            &serde_json::json!({"n": n, "id": r["id"], "answer": r["answer"]}).to_string(),
        );
        input.push('\n');
    }
    let run = |threads: &str| {
        let out = rubric()
            .args(["batch", "-j", threads])
            .write_stdin(input.clone())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        out.stdout
    };
    let one = run("1");
    let two = run("2");
    assert_eq!(String::from_utf8_lossy(&one).lines().count(), 200);
    assert!(one == two, "-j 1 and -j 2 differ");
}

/// Pearson correlation, written out here so the test does not trust the library's.
fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let cov: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let vy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    cov / (vx * vy).sqrt()
}
