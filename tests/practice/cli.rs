//! `rubric practice`: picking, the editor and terminal flows, what is recorded, exit codes.

use super::*;

const GOOD: &str = "Retry with exponential backoff and jitter. Only idempotent requests are retried, with an idempotency key.";
const HALF: &str = "Retry with exponential backoff and jitter.";

#[test]
fn practice_in_an_editor_grades_records_and_removes_its_file() {
    let m = Machine::new();
    let editor = m.script("editor", &format!("printf '%s\\n' '{HALF}' >> \"$1\""));
    let out = m.practice_tiny_with(&editor);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(text.starts_with("Practice tiny-01"), "{text}");
    assert!(text.contains("How do you make retries safe?"), "{text}");
    assert!(text.contains("Score "), "{text}");
    assert!(text.contains("✗ only idempotent requests"), "{text}");
    assert!(text.contains("Recorded attempt 1 at tiny-01"), "{text}");
    assert!(text.contains(&m.history().display().to_string()), "{text}");
    let attempts = m.attempts();
    assert_eq!(attempts.len(), 1);
    let a = &attempts[0];
    assert_eq!(a["question"], "tiny-01");
    assert_eq!(a["origin"], "practice");
    assert_eq!(a["answer"], format!("{HALF}\n"));
    assert!(a["rubric_version"]
        .as_str()
        .unwrap()
        .starts_with("fnv1a64:"));
    let states: Vec<(&str, &str)> = a["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        [("tiny-01/s1", "covered"), ("tiny-01/s2", "missing")]
    );
    assert_eq!(
        m.temp_files(),
        Vec::<PathBuf>::new(),
        "the editor's file is removed once recorded"
    );
}

#[test]
fn the_editor_gets_the_question_as_a_comment_header_and_never_the_sample_answer() {
    let m = Machine::new();
    let copy = m.path("seen.md");
    let editor = m.script(
        "editor",
        &format!(
            "cp \"$1\" '{}'; echo 'My answer.' >> \"$1\"",
            copy.display()
        ),
    );
    let out = m
        .rubric()
        .env("VISUAL", &editor)
        .env("EDITOR", "false")
        .args(["practice", "--question", "sys-01", "--guidance"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "VISUAL wins over EDITOR: {}",
        stderr(&out)
    );
    let seen = std::fs::read_to_string(&copy).unwrap();
    let show = m
        .rubric()
        .args(["show", "sys-01", "--format", "json"])
        .output()
        .unwrap();
    let q: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let header: String = seen
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        seen.starts_with("# rubric practice: sys-01 (sys, technical)\n"),
        "{seen}"
    );
    assert!(
        words(&header).contains(&words(q["question"].as_str().unwrap())),
        "{seen}"
    );
    assert!(
        words(&header).contains(&words(q["guidance"].as_str().unwrap())),
        "{seen}"
    );
    assert!(
        seen.contains("# ------------------------ >8 ------------------------\n"),
        "{seen}"
    );
    let sample = q["sample_answer"].as_str().unwrap();
    let first_sentence = sample.split(". ").next().unwrap();
    assert!(
        !seen.contains(first_sentence),
        "the sample answer leaked into {seen}"
    );
    assert!(
        !stdout(&out).contains(first_sentence),
        "the sample answer was shown"
    );
    assert_eq!(m.attempts()[0]["answer"], "My answer.\n");
}

#[test]
fn an_editor_command_with_arguments_runs_through_the_shell() {
    let m = Machine::new();
    let editor = m.script(
        "editor",
        &format!("test \"$1\" = --flag && printf '%s\\n' '{GOOD}' >> \"$2\""),
    );
    let out = m.practice_tiny_with(format!("{} --flag", editor.display()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(m.attempts().len(), 1);
}

#[test]
fn without_an_editor_the_answer_is_read_until_end_of_input() {
    let m = Machine::new();
    let out = m
        .tiny()
        .args(["practice", "--question", "tiny-01"])
        .write_stdin(format!("{GOOD}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Recorded attempt 1"));
    // --no-editor reads standard input even with an editor set.
    let out = m
        .tiny()
        .env("EDITOR", "false")
        .args(["practice", "--no-editor", "--question", "tiny-01"])
        .write_stdin(HALF)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Recorded attempt 2"),
        "{}",
        stdout(&out)
    );
    assert_eq!(m.attempts().len(), 2);
}

#[test]
fn an_empty_answer_records_nothing_and_exits_0() {
    let m = Machine::new();
    // The editor leaves the file as it was given: only the header.
    let out = m.practice_tiny_with("true");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("nothing was recorded"),
        "{}",
        stdout(&out)
    );
    assert!(m.attempts().is_empty());
    assert!(m.temp_files().is_empty());
    let out = m
        .tiny()
        .args(["practice", "--question", "tiny-01"])
        .write_stdin("  \n\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(m.attempts().is_empty());
}

#[test]
fn a_failing_editor_exits_2_records_nothing_and_keeps_what_was_written() {
    let m = Machine::new();
    let editor = m.script(
        "editor",
        &format!("printf '%s\\n' '{HALF}' >> \"$1\"; exit 3"),
    );
    let out = m.practice_tiny_with(&editor);
    assert_error(
        &out,
        2,
        &["failed", "nothing was recorded", "your answer is kept in"],
    );
    let kept = m.temp_files();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(stderr(&out).contains(&kept[0].display().to_string()));
    assert!(std::fs::read_to_string(&kept[0]).unwrap().contains(HALF));
    assert!(m.attempts().is_empty());
    // An editor that fails before anything is written leaves nothing behind.
    let m = Machine::new();
    let out = m.practice_tiny_with("false");
    assert_error(&out, 2, &["the editor `false` failed"]);
    assert!(m.temp_files().is_empty());
}

#[test]
fn an_answer_that_cannot_be_recorded_is_kept_and_its_path_printed() {
    let m = Machine::new();
    // The history is made, then damaged while the candidate is writing.
    m.record("2026-11-01T10:00:00Z", "tiny-01", HALF);
    let editor = m.script(
        "editor",
        &format!(
            "printf '%s\\n' '{GOOD}' >> \"$1\"; printf 'not a database any more' > '{}'",
            m.history().display()
        ),
    );
    let out = m.practice_tiny_with(&editor);
    assert_error(
        &out,
        2,
        &["history.sqlite3", "not recorded", "your answer is kept in"],
    );
    assert!(stdout(&out).contains("Score "), "the grade is still shown");
    let kept = m.temp_files();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(std::fs::read_to_string(&kept[0]).unwrap().contains(GOOD));
    assert_eq!(
        std::fs::read_to_string(m.history()).unwrap(),
        "not a database any more"
    );

    // From standard input, the text is written to a file for the same reason.
    let m = Machine::new();
    let out = m
        .tiny()
        .args(["practice", "--question", "tiny-01"])
        .write_stdin("!!! ??? ...")
        .output()
        .unwrap();
    assert_error(
        &out,
        2,
        &["no words", "nothing was recorded", "your answer is kept in"],
    );
    let kept = m.temp_files();
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), "!!! ??? ...");
}

#[test]
fn min_score_exits_1_below_it_and_the_attempt_is_recorded_all_the_same() {
    let m = Machine::new();
    let run = |answer: &str| {
        m.tiny()
            .args(["practice", "--question", "tiny-01", "--min-score", "90"])
            .write_stdin(answer)
            .output()
            .unwrap()
    };
    assert_eq!(run(HALF).status.code(), Some(1));
    assert_eq!(run(GOOD).status.code(), Some(0));
    assert_eq!(m.attempts().len(), 2);
}

/// The question `practice` picks, from its first line (`Practice sre-01  sre, technical: ...`).
fn picked(out: &Output) -> String {
    assert!(out.status.code().is_some(), "{}", stderr(out));
    stdout(out)
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or_else(|| panic!("no question in {:?}: {}", stdout(out), stderr(out)))
        .to_string()
}

#[test]
fn practice_picks_never_tried_first_then_the_weakest_least_recently_practiced() {
    let m = Machine::new();
    let practice = |date: &str, answer: &str| {
        m.rubric()
            .env("RUBRIC_DATE", date)
            .args(["practice", "--set", "sre"])
            .write_stdin(answer)
            .output()
            .unwrap()
    };
    let first = practice("2026-11-01T10:00:00Z", "I would look at the logs.");
    assert_eq!(picked(&first), "sre-01");
    assert!(stdout(&first).contains("never tried"), "{}", stdout(&first));
    assert_eq!(
        picked(&practice("2026-11-02T10:00:00Z", "Logs again.")),
        "sre-02"
    );
    // With every question tried, the weakest least recently practiced comes back first.
    let m = Machine::new();
    m.record("2026-11-01T10:00:00Z", "tiny-01", HALF);
    let out = m
        .tiny()
        .args(["practice"])
        .write_stdin(GOOD)
        .output()
        .unwrap();
    assert_eq!(picked(&out), "tiny-01");
    assert!(stdout(&out).contains("last scored"), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("on 2026-11-01, 1 attempt so far"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn kind_and_set_narrow_the_pick() {
    let m = Machine::new();
    let out = m
        .rubric()
        .args(["practice", "--set", "sys", "--kind", "behavioral"])
        .write_stdin("")
        .output()
        .unwrap();
    let id = picked(&out);
    let show = m
        .rubric()
        .args(["show", &id, "--format", "json"])
        .output()
        .unwrap();
    let q: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(
        (q["set"].as_str(), q["kind"].as_str()),
        (Some("sys"), Some("behavioral"))
    );
    let out = m
        .tiny()
        .args(["practice", "--kind", "behavioral"])
        .output()
        .unwrap();
    assert_error(&out, 2, &["no question is of that set and kind"]);
}

#[test]
fn random_with_a_seed_picks_the_same_question_every_time() {
    let m = Machine::new();
    let pick = |seed: &str| {
        let out = m
            .rubric()
            .args(["practice", "--random", "--seed", seed])
            .write_stdin("")
            .output()
            .unwrap();
        assert!(stdout(&out).contains("drawn at random"), "{}", stdout(&out));
        picked(&out)
    };
    assert_eq!(pick("7"), pick("7"));
    let seen: std::collections::BTreeSet<String> = (1..8).map(|s| pick(&s.to_string())).collect();
    assert!(seen.len() > 2, "{seen:?}");
    // Without a seed, the one drawn is printed so the pick can be made again.
    let out = m
        .rubric()
        .args(["practice", "--random"])
        .write_stdin("")
        .output()
        .unwrap();
    let err = stderr(&out);
    let seed = err
        .split("--seed ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_else(|| panic!("no seed in {err}"));
    assert_eq!(pick(seed), picked(&out));
}

#[test]
fn usage_errors_exit_2() {
    let m = Machine::new();
    let run = |args: &[&str]| {
        m.rubric()
            .arg("practice")
            .args(args)
            .write_stdin("")
            .output()
            .unwrap()
    };
    assert_error(
        &run(&["--question", "nope-99"]),
        2,
        &["unknown question `nope-99`"],
    );
    assert_error(&run(&["--set", "nope"]), 2, &["unknown set `nope`"]);
    assert_eq!(
        run(&["--seed", "3"]).status.code(),
        Some(2),
        "--seed needs --random"
    );
    assert_eq!(
        run(&["--question", "sre-13", "--set", "sre"]).status.code(),
        Some(2)
    );
    let out = m
        .rubric()
        .env("RUBRIC_DATE", "last tuesday")
        .args(["practice", "--question", "sre-13"])
        .output()
        .unwrap();
    assert_error(&out, 2, &["RUBRIC_DATE", "last tuesday"]);
    assert!(!m.history().exists() || m.attempts().is_empty());
}

#[test]
fn help_and_man_pages_document_every_new_commands_exit_codes() {
    for (cmd, codes) in [
        (&["practice"][..], &["0", "1", "2"][..]),
        (&["progress"], &["0", "2"]),
        (&["report"], &["0", "2"]),
        (&["history", "export"], &["0", "2"]),
        (&["history", "import"], &["0", "2"]),
        (&["history", "path"], &["0", "2"]),
        (&["history"], &["0", "2"]),
    ] {
        let out = common::rubric().args(cmd).arg("--help").output().unwrap();
        let text = stdout(&out);
        let status = text
            .split("Exit status:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{cmd:?}: no exit status in {text}"));
        let listed: Vec<&str> = status
            .lines()
            .filter_map(|l| {
                l.strip_prefix("  ")
                    .and_then(|l| l.split_whitespace().next())
            })
            .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
            .collect();
        assert_eq!(listed, codes, "{cmd:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let out = common::rubric()
        .args(["man", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    for page in ["practice", "progress", "report", "history"] {
        let man = std::fs::read_to_string(dir.path().join(format!("rubric-{page}.1"))).unwrap();
        assert!(man.contains(".SH \"EXIT STATUS\""), "{page}");
        assert!(man.contains("RUBRIC_HOME"), "{page}");
    }
    let grade = stdout(&common::rubric().args(["grade", "--help"]).output().unwrap());
    assert!(grade.contains("--save"), "{grade}");
    let check = stdout(&common::rubric().args(["check", "--help"]).output().unwrap());
    assert!(check.contains("html"), "{check}");
}
