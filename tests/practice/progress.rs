//! `rubric progress`, in text and JSON, and how it reads a history graded by older rubrics.

use super::*;
use serde::Deserialize;

/// `progress --format json`, read strictly: every documented field, with its type.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct ProgressJson {
    history: String,
    attempts: usize,
    first: Option<String>,
    last: Option<String>,
    sets: Vec<SetJson>,
    questions: Vec<QuestionJson>,
    never_tried: Vec<UntriedJson>,
    missed: Vec<MissedJson>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct SetJson {
    set: String,
    questions: usize,
    tried: usize,
    attempts: usize,
    mean_best: Option<u32>,
    mean_last: Option<u32>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct QuestionJson {
    id: String,
    set: String,
    question: String,
    attempts: usize,
    best: u32,
    last: u32,
    last_band: String,
    scores: Vec<u32>,
    last_at: String,
    rubric_versions: usize,
    loaded: bool,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct UntriedJson {
    id: String,
    set: String,
    question: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct MissedJson {
    id: String,
    question: String,
    label: String,
    hint: String,
    missed: usize,
    graded: usize,
}

fn progress_json(c: &mut Command, extra: &[&str]) -> ProgressJson {
    let out = c
        .args(["progress", "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "one object on one line");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn progress_shows_sets_questions_trends_missed_points_and_what_was_never_tried() {
    let m = Machine::new();
    let weak = read("examples/answers/sre-13-weak.md");
    let strong = read("examples/answers/sre-13-strong.md");
    m.record("2026-11-01T10:00:00Z", "sre-13", &weak);
    m.record("2026-11-03T10:00:00Z", "sre-13", &weak);
    m.record("2026-11-05T10:00:00Z", "sre-13", &strong);
    m.record(
        "2026-11-06T10:00:00Z",
        "sys-02",
        &read("examples/answers/sys-02-strong.md"),
    );
    let out = m.rubric().args(["progress"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("History {}\n", m.history().display())),
        "{text}"
    );
    assert!(
        text.contains("4 attempts on 2 questions, 2026-11-01 to 2026-11-06"),
        "{text}"
    );
    let row = |id: &str| {
        text.lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("no row for {id} in {text}"))
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    let json = progress_json(&mut m.rubric(), &[]);
    let sre13 = json.questions.iter().find(|q| q.id == "sre-13").unwrap();
    assert_eq!(sre13.attempts, 3);
    assert_eq!(sre13.scores.len(), 3);
    let spark: String = row("sre-13").last().unwrap().to_string();
    assert_eq!(spark.chars().count(), 3, "one bar per attempt: {text}");
    assert_eq!(row("sre-13")[1], "3");
    assert_eq!(row("sre-13")[2], sre13.best.to_string());
    let sre = row("sre");
    assert_eq!(&sre[..4], ["sre", "1", "of", "52"], "{text}");
    assert!(text.contains("Points you miss most often"), "{text}");
    assert!(text.contains("Never tried: 146 questions"), "{text}");
    assert!(
        text.contains("sre: sre-01 to sre-12, sre-14 to sre-52"),
        "{text}"
    );
    assert!(text.contains("sys: sys-01, sys-03 to sys-24"), "{text}");

    // --set keeps to one set (in any case).
    let sys = progress_json(&mut m.rubric(), &["--set", "SYS"]);
    assert_eq!(sys.attempts, 1);
    assert_eq!(sys.sets.len(), 1);
    assert_eq!(sys.never_tried.len(), 23);
}

#[test]
fn progress_json_is_strict_complete_and_the_same_for_the_same_history() {
    let m = Machine::new();
    m.record("2026-11-01T10:00:00Z", "tiny-01", "Retry with jitter.");
    m.record(
        "2026-11-02T10:00:00Z",
        "tiny-01",
        "Retry with exponential backoff and jitter.",
    );
    let a = progress_json(&mut m.tiny(), &[]);
    let b = progress_json(&mut m.tiny(), &[]);
    assert_eq!(a, b);
    assert_eq!(a.history, m.history().display().to_string());
    assert_eq!(a.attempts, 2);
    assert_eq!(a.first.as_deref(), Some("2026-11-01T10:00:00Z"));
    assert_eq!(a.last.as_deref(), Some("2026-11-02T10:00:00Z"));
    assert_eq!(
        a.sets,
        [SetJson {
            set: "tiny".into(),
            questions: 1,
            tried: 1,
            attempts: 2,
            mean_best: Some(a.questions[0].best),
            mean_last: Some(a.questions[0].last)
        }]
    );
    let q = &a.questions[0];
    assert_eq!(
        (q.id.as_str(), q.attempts, q.loaded, q.rubric_versions),
        ("tiny-01", 2, true, 1)
    );
    assert_eq!(q.last_at, "2026-11-02T10:00:00Z");
    assert!(a.never_tried.is_empty());
    // The points missed are those the recorded attempts did not cover, most missed first.
    let mut expected: Vec<(String, usize, usize)> = ["tiny-01/s1", "tiny-01/s2"]
        .iter()
        .map(|id| {
            let states: Vec<String> = m
                .attempts()
                .iter()
                .flat_map(|a| a["points"].as_array().unwrap().clone())
                .filter(|p| p["id"] == *id)
                .map(|p| p["state"].as_str().unwrap().to_string())
                .collect();
            (
                id.to_string(),
                states.iter().filter(|s| *s != "covered").count(),
                states.len(),
            )
        })
        .filter(|(_, missed, _)| *missed > 0)
        .collect();
    expected.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let missed: Vec<(String, usize, usize)> = a
        .missed
        .iter()
        .map(|p| (p.id.clone(), p.missed, p.graded))
        .collect();
    assert_eq!(missed, expected);
    assert!(a
        .missed
        .iter()
        .any(|p| p.hint == "Say which requests are safe to retry."));
    // With --set, only that set; an unknown set is an error.
    let out = m
        .tiny()
        .args(["progress", "--set", "nope"])
        .output()
        .unwrap();
    assert_error(&out, 2, &["unknown set `nope`"]);
}

#[test]
fn progress_with_no_history_lists_every_question_as_never_tried_and_creates_nothing() {
    let m = Machine::new();
    let p = progress_json(&mut m.tiny(), &[]);
    assert_eq!(p.attempts, 0);
    assert_eq!(p.never_tried.len(), 1);
    assert!(p.questions.is_empty() && p.missed.is_empty());
    let out = m.tiny().arg("progress").output().unwrap();
    assert!(stdout(&out).contains("No attempts yet"), "{}", stdout(&out));
    assert!(!m.history().exists(), "reading creates nothing");
}

#[test]
fn progress_survives_rubric_edits_by_point_id() {
    let m = Machine::new();
    // A private copy of the tiny rubric, edited between two attempts.
    let dir = m.path("rubrics");
    std::fs::create_dir_all(&dir).unwrap();
    let original = read("tests/fixtures/cli/rubrics/tiny.json");
    std::fs::write(dir.join("tiny.json"), &original).unwrap();
    let run = |date: &str| {
        let out = m
            .rubric()
            .env("RUBRIC_DATE", date)
            .args(["--no-builtin", "--rubrics"])
            .arg(&dir)
            .args(["grade", "tiny-01", "--save"])
            .write_stdin("Exponential backoff and jitter.")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    };
    run("2026-11-01T10:00:00Z");
    let edited = original
        .replace(
            "\"only idempotent requests\"",
            "\"retry only what is safe to repeat\"",
        )
        .replace(
            "\"idempotency key\"]",
            "\"idempotency key\", \"safe to repeat\"]",
        );
    assert_ne!(edited, original);
    std::fs::write(dir.join("tiny.json"), edited).unwrap();
    run("2026-11-02T10:00:00Z");
    let p = progress_json(
        m.rubric().args(["--no-builtin", "--rubrics"]).arg(&dir),
        &[],
    );
    let q = &p.questions[0];
    assert_eq!((q.attempts, q.rubric_versions), (2, 2));
    let versions: std::collections::BTreeSet<String> = m
        .attempts()
        .iter()
        .map(|a| a["rubric_version"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        versions.len(),
        2,
        "each attempt keeps the rubric it was graded with"
    );
    // The point kept its id, so its misses add up, under the rubric's new wording.
    let s2 = p.missed.iter().find(|x| x.id == "tiny-01/s2").unwrap();
    assert_eq!((s2.missed, s2.graded), (2, 2));
    assert_eq!(s2.label, "retry only what is safe to repeat");
    // Without the rubric loaded at all, the history still reads, in its own words.
    let p = progress_json(&mut m.rubric(), &[]);
    let q = p.questions.iter().find(|q| q.id == "tiny-01").unwrap();
    assert!(!q.loaded);
    assert_eq!(q.question, "How do you make retries safe?");
}
