//! The history: `grade --save`, export and import, where it is, concurrent writers, and files
//! that must be refused (not a history, damaged, from a newer rubric).

use super::*;

/// Every command that opens the history, as a user would run it.
fn every_history_command(m: &Machine) -> Vec<(&'static str, Output)> {
    let export = m.path("export.jsonl");
    std::fs::write(&export, read("tests/fixtures/history/v1.jsonl")).unwrap();
    vec![
        (
            "practice",
            m.tiny()
                .args(["practice", "--question", "tiny-01"])
                .write_stdin("Exponential backoff.")
                .output()
                .unwrap(),
        ),
        (
            "grade --save",
            m.tiny()
                .args(["grade", "tiny-01", "--save"])
                .write_stdin("Exponential backoff.")
                .output()
                .unwrap(),
        ),
        ("progress", m.rubric().arg("progress").output().unwrap()),
        (
            "report",
            m.rubric()
                .args(["report", "--html"])
                .arg(m.path("r.html"))
                .output()
                .unwrap(),
        ),
        (
            "export",
            m.rubric().args(["history", "export"]).output().unwrap(),
        ),
        (
            "import",
            m.rubric()
                .args(["history", "import"])
                .arg(&export)
                .output()
                .unwrap(),
        ),
    ]
}

#[test]
fn grade_save_records_a_piped_draft_and_keeps_stdout_for_the_report() {
    let m = Machine::new();
    let out = m
        .tiny()
        .env("RUBRIC_DATE", "2026-11-14T09:30:00Z")
        .args(["grade", "tiny-01", "--save", "--format", "json"])
        .write_stdin("Only idempotent requests are retried.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let grade: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(grade["id"], "tiny-01");
    assert!(
        stderr(&out).contains("Recorded attempt 1 at tiny-01"),
        "{}",
        stderr(&out)
    );
    let a = &m.attempts()[0];
    assert_eq!(a["origin"], "grade");
    assert_eq!(a["at"], "2026-11-14T09:30:00Z");
    assert_eq!(a["score"], grade["score"]);
    // Without --save nothing is recorded, and no history is made.
    let m = Machine::new();
    let out = m
        .tiny()
        .args(["grade", "tiny-01"])
        .write_stdin("Jitter.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!m.history().exists());
    // --min-score still decides the exit code; the attempt is saved all the same.
    let out = m
        .tiny()
        .args(["grade", "tiny-01", "--save", "--min-score", "90"])
        .write_stdin("Jitter.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(m.attempts().len(), 1);
}

#[test]
fn export_and_import_move_every_attempt_once() {
    let a = Machine::new();
    a.record("2026-11-01T10:00:00Z", "tiny-01", "Retries with jitter.");
    a.record(
        "2026-11-02T10:00:00Z",
        "sre-13",
        &read("examples/answers/sre-13-strong.md"),
    );
    let file = a.path("attempts.jsonl");
    let out = a
        .rubric()
        .args(["history", "export", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("exported 2 attempts"),
        "{}",
        stderr(&out)
    );
    let exported = std::fs::read_to_string(&file).unwrap();
    assert_eq!(exported.lines().count(), 2);

    let b = Machine::new();
    let out = b
        .rubric()
        .args(["history", "import"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Imported 2 attempts from "),
        "{}",
        stdout(&out)
    );
    let out = b.rubric().args(["history", "export"]).output().unwrap();
    assert_eq!(stdout(&out), exported, "the same attempts, byte for byte");
    // Importing again, from standard input, adds nothing.
    let out = b
        .rubric()
        .args(["history", "import", "-"])
        .write_stdin(exported.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("Imported 0 attempts from <stdin>"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("(2 already there)"),
        "{}",
        stdout(&out)
    );
    assert_eq!(b.attempts().len(), 2);
}

#[test]
fn import_refuses_a_bad_line_naming_it_and_imports_nothing() {
    let m = Machine::new();
    let good = read("tests/fixtures/history/v1.jsonl");
    let first = good.lines().next().unwrap();
    for (bad, needle) in [
        ("{\"uid\": 1}".to_string(), "not an attempt"),
        (first.replace("\"score\":0", "\"score\":140"), "over 100"),
        (
            first.replace("\"origin\"", "\"colour\":1,\"origin\""),
            "unknown field `colour`",
        ),
        (
            first.replace("2026-11-02T18:00:00Z", "yesterday"),
            "not a time",
        ),
    ] {
        assert_ne!(bad, first);
        let file = m.path("bad.jsonl");
        std::fs::write(&file, format!("{first}\n{bad}\n")).unwrap();
        let out = m
            .rubric()
            .args(["history", "import"])
            .arg(&file)
            .output()
            .unwrap();
        assert_error(
            &out,
            2,
            &[
                &format!("{}:2:", file.display()),
                needle,
                "nothing was imported",
            ],
        );
        assert!(!m.history().exists() || m.attempts().is_empty());
    }
    let out = m
        .rubric()
        .args(["history", "import", "no-such-file.jsonl"])
        .output()
        .unwrap();
    assert_error(&out, 2, &["no-such-file.jsonl"]);
}

#[test]
fn the_history_is_the_flag_then_rubric_home_then_the_platform_data_directory() {
    let m = Machine::new();
    let path = |c: &mut Command| stdout(&c.args(["history", "path"]).output().unwrap());
    assert_eq!(
        path(&mut m.rubric()),
        format!("{}\n", m.history().display())
    );
    let flag = stdout(
        &m.rubric()
            .args(["history", "path", "--history", "/x/h.db"])
            .output()
            .unwrap(),
    );
    assert_eq!(flag, "/x/h.db\n");
    let platform = stdout(
        &m.rubric()
            .env_remove("RUBRIC_HOME")
            .args(["history", "path"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        platform,
        format!("{}\n", m.path("data/rubric/history.sqlite3").display())
    );
    // --history is where everything goes.
    let other = m.path("elsewhere/mine.sqlite3");
    let out = m
        .tiny()
        .args(["grade", "tiny-01", "--save", "--history"])
        .arg(&other)
        .write_stdin("Jitter.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(other.exists() && !m.history().exists());
}

#[test]
fn two_processes_saving_at_once_lose_nothing() {
    let m = Machine::new();
    let answer = read("examples/answers/sre-13-strong.md");
    // Sixteen savers at once, on a history that does not exist yet: they also race to create
    // it and to bring its schema up to date.
    let children: Vec<std::process::Child> = (0..16)
        .map(|i| {
            let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("rubric"));
            c.current_dir(ROOT)
                .env("RUBRIC_HOME", m.path("home"))
                .env("RUBRIC_DATE", "2026-11-14T09:30:00Z")
                .args([
                    "grade",
                    if i % 2 == 0 { "sre-13" } else { "sre-24" },
                    "--save",
                ])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped());
            let mut child = c.spawn().unwrap();
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(answer.as_bytes())
                .unwrap();
            child
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let attempts = m.attempts();
    assert_eq!(attempts.len(), 16, "every attempt is kept");
    let uids: std::collections::BTreeSet<&str> = attempts
        .iter()
        .map(|a| a["uid"].as_str().unwrap())
        .collect();
    assert_eq!(uids.len(), 16);
}

#[test]
fn a_history_from_a_newer_rubric_is_refused_by_every_command_naming_the_file() {
    let m = Machine::new();
    m.record("2026-11-01T10:00:00Z", "tiny-01", "Jitter.");
    let conn = rusqlite::Connection::open(m.history()).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    conn.pragma_update(None, "user_version", version + 1)
        .unwrap();
    drop(conn);
    let before = std::fs::read(m.history()).unwrap();
    let shown = m.history().display().to_string();
    for (name, out) in every_history_command(&m) {
        assert_error(
            &out,
            2,
            &[&shown, "written by a newer rubric", "upgrade rubric"],
        );
        assert!(!stderr(&out).contains("panicked"), "{name}");
    }
    assert_eq!(
        std::fs::read(m.history()).unwrap(),
        before,
        "left as it was"
    );
}

#[test]
fn a_corrupt_history_is_refused_by_every_command_and_never_replaced() {
    // Not a database at all.
    let m = Machine::new();
    std::fs::write(m.history(), "these are my notes, not a database\n").unwrap();
    let shown = m.history().display().to_string();
    for (name, out) in every_history_command(&m) {
        assert_error(&out, 2, &[&shown, "not a rubric history", "left as it is"]);
        assert!(!stderr(&out).contains("panicked"), "{name}");
    }
    assert_eq!(
        std::fs::read_to_string(m.history()).unwrap(),
        "these are my notes, not a database\n"
    );

    // A real history whose pages were damaged.
    let m = Machine::new();
    for day in 1..=9 {
        m.record(
            &format!("2026-11-0{day}T10:00:00Z"),
            "sre-13",
            &read("examples/answers/sre-13-strong.md"),
        );
    }
    let mut bytes = std::fs::read(m.history()).unwrap();
    for b in bytes.iter_mut().skip(4096).step_by(3) {
        *b ^= 0x5a;
    }
    std::fs::write(m.history(), &bytes).unwrap();
    let shown = m.history().display().to_string();
    for (name, out) in every_history_command(&m) {
        assert_error(&out, 2, &[&shown]);
        let err = stderr(&out);
        assert!(
            err.contains("damaged") || err.contains("not a rubric history"),
            "{name}: {err}"
        );
    }
    assert_eq!(std::fs::read(m.history()).unwrap(), bytes, "never replaced");
}

#[test]
fn a_history_written_by_schema_version_1_opens_and_keeps_its_attempts() {
    let m = Machine::new();
    std::fs::copy(repo("tests/fixtures/history/v1.sqlite3"), m.history()).unwrap();
    let out = m.rubric().args(["history", "export"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), read("tests/fixtures/history/v1.jsonl"));
}
