//! `rubric build` of banks from any subject, as a teacher or study group meets it: a bank of
//! questions and reference answers builds question by question, never sinking the bank for one
//! question, and a set id that collides with a built-in set is refused unless asked for.

use assert_cmd::Command;
use rubric::grade::Grader;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn rubric() -> Command {
    let mut c = Command::cargo_bin("rubric").unwrap();
    c.env_remove("RUBRIC_RUBRICS").env("NO_COLOR", "1");
    c
}

fn fixture(name: &str) -> PathBuf {
    Path::new(ROOT)
        .join("tests/fixtures/other-subject")
        .join(name)
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_biology_bank_builds_completely_and_right_answers_outscore_wrong_ones() {
    let d = tempfile::tempdir().unwrap();
    let out = rubric()
        .arg("build")
        .arg(fixture("biology.jsonl"))
        .arg("--out")
        .arg(d.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("biology.json (12 questions)"), "{err}");
    // The hedged reference gets a note; the one-number reference does not (a number is a fact).
    assert!(
        err.contains("biology.jsonl:8: the reference answer hedges"),
        "{err}"
    );
    assert!(!err.contains("biology.jsonl:5:"), "{err}");

    let file = rubric::rubric::read_file(&d.path().join("biology.json")).unwrap();
    // Out of the interview domain: no SRE lexicon in the evidence.
    let energy = file.questions.iter().find(|q| q.id == "energy").unwrap();
    let terms: Vec<&String> = energy.points.iter().flat_map(|p| &p.terms).collect();
    assert!(
        !terms
            .iter()
            .any(|t| t.contains("changelog") || t.contains("release notes")),
        "{terms:?}"
    );
    let mut g = Grader::new();
    let answers = std::fs::read_to_string(fixture("answers.jsonl")).unwrap();
    let mut checked = 0;
    for line in answers.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = v["id"].as_str().unwrap();
        let q = file.questions.iter().find(|q| q.id == id).unwrap();
        let right = g.grade(q, v["right"].as_str().unwrap()).unwrap().score;
        let wrong = g.grade(q, v["wrong"].as_str().unwrap()).unwrap().score;
        assert!(
            right > wrong + 20,
            "{id}: the right answer scores {right}, the wrong one {wrong}"
        );
        checked += 1;
    }
    assert_eq!(checked, 12);
}

/// "What is 7 times 8?" / "56" builds, a question whose reference has no word does not, and the
/// bank is written with every question that could be built.
#[test]
fn build_writes_every_question_it_can_and_names_the_others_with_exit_1() {
    let d = tempfile::tempdir().unwrap();
    let bank = d.path().join("maths.jsonl");
    std::fs::write(
        &bank,
        concat!(
            r#"{"id": "times", "question": "What is 7 times 8?", "answer": "56"}"#,
            "\n",
            r#"{"id": "blank", "question": "Why?", "answer": "..."}"#,
            "\n",
            r#"{"id": "prime", "question": "What is a prime number?", "answer": "A whole number above 1 whose only divisors are 1 and itself."}"#,
            "\n",
        ),
    )
    .unwrap();
    let out = rubric()
        .current_dir(d.path())
        .args(["build", "maths.jsonl", "--out", "OUT"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("maths.jsonl:2: `blank` cannot be built"),
        "{err}"
    );
    assert!(err.contains("write a fuller reference answer"), "{err}");
    assert!(err.contains("OUT/maths.json (2 questions)"), "{err}");
    let file = rubric::rubric::read_file(&d.path().join("OUT/maths.json")).unwrap();
    let ids: Vec<&str> = file.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["times", "prime"]);
    let mut g = Grader::new();
    let times = &file.questions[0];
    assert_eq!(g.grade(times, "7 times 8 is 56.").unwrap().score, 100);
    assert_eq!(g.grade(times, "It is 54.").unwrap().score, 0);
}

#[test]
fn banks_given_together_are_independent() {
    let d = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("biology.jsonl"), d.path().join("biology.jsonl")).unwrap();
    let out = rubric()
        .current_dir(d.path())
        .args(["build", "missing.jsonl", "biology.jsonl", "--out", "OUT"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unreadable bank is an I/O error: {err}"
    );
    assert!(err.contains("missing.jsonl"), "{err}");
    assert!(d.path().join("OUT/biology.json").exists(), "{err}");
}

#[test]
fn a_bank_named_like_a_builtin_set_is_refused_unless_replace_builtin() {
    let d = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("biology.jsonl"), d.path().join("sre.jsonl")).unwrap();
    let out = rubric()
        .current_dir(d.path())
        .args(["build", "sre.jsonl", "--out", "OUT"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("sre.jsonl: set `sre` is a built-in set") && err.contains("--replace-builtin"),
        "{err}"
    );
    assert!(!d.path().join("OUT/sre.json").exists());

    let out = rubric()
        .current_dir(d.path())
        .args(["--replace-builtin", "build", "sre.jsonl", "--out", "OUT"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // The built file in a --rubrics directory would hide the built-in SRE questions: refused...
    let out = rubric()
        .current_dir(d.path())
        .args(["--rubrics", "OUT", "list"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("OUT/sre.json: set `sre` is a built-in set")
            && err.contains("--replace-builtin"),
        "{err}"
    );
    // ... unless asked for, and then its questions are the `sre` set.
    let out = rubric()
        .current_dir(d.path())
        .args([
            "--replace-builtin",
            "--rubrics",
            "OUT",
            "list",
            "--set",
            "sre",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 12);
}
