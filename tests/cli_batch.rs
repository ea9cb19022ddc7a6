//! `rubric batch`, run as a program would run it: JSON Lines in, JSON Lines out, in order, with
//! bad lines reported in place, streaming as it goes.

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

mod common;
use common::ROOT;

use common::rubric;

/// The hand-judged answers in tests/data: realistic lengths and vocabulary.
fn labelled() -> Vec<Value> {
    std::fs::read_to_string(Path::new(ROOT).join("tests/data/labelled.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn parse_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

const GRADE_FIELDS: [&str; 6] = ["score", "band", "missing", "warnings", "words", "coverage"];

#[test]
fn one_line_out_per_line_in_with_fields_copied_and_bad_lines_in_place() {
    let rows = labelled();
    let mut input = String::new();
    for (i, r) in rows.iter().take(5).enumerate() {
        input.push_str(&serde_json::json!({"row": i, "id": r["id"], "answer": r["answer"], "meta": {"judge": "a"}}).to_string());
        input.push('\n');
    }
    input.push_str("{not json\n");
    input.push_str(r#"{"row": 6, "id": "sre-999", "answer": "Something."}"#);
    input.push('\n');
    input.push_str(r#"{"row": 7, "id": "sre-13", "answer": ""}"#);
    input.push('\n');
    input.push('\n');
    input.push_str(r#"{"row": 9, "answer": "No id."}"#);
    input.push('\n');
    input.push_str(
        &serde_json::json!({"row": 10, "id": "SRE-13", "answer": rows[0]["answer"]}).to_string(),
    );
    let out = rubric().args(["batch"]).write_stdin(input).assert().code(2);
    let lines = parse_lines(&out.get_output().stdout);
    assert_eq!(lines.len(), 11);
    for (i, l) in lines.iter().enumerate().take(5) {
        assert_eq!(l["row"], i);
        assert_eq!(l["meta"]["judge"], "a", "nested fields copied unchanged");
        assert_eq!(l["answer"], rows[i]["answer"]);
        for f in GRADE_FIELDS {
            assert!(l.get(f).is_some(), "{f} missing from {l}");
        }
        let keys: Vec<&String> = l.as_object().unwrap().keys().collect();
        assert_eq!(
            keys[..4],
            ["row", "id", "answer", "meta"],
            "input order kept, grade fields after"
        );
    }
    let errors: Vec<(u64, &str)> = lines[5..10]
        .iter()
        .map(|l| (l["line"].as_u64().unwrap(), l["error"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors.iter().map(|e| e.0).collect::<Vec<_>>(),
        vec![6, 7, 8, 9, 10]
    );
    assert!(errors[0].1.starts_with("invalid JSON"));
    assert!(errors[1].1.contains("unknown question id `sre-999`"));
    assert_eq!(errors[2].1, "the answer is empty");
    assert_eq!(errors[3].1, "the line is empty");
    assert!(errors[4].1.starts_with("no `id` field"));
    assert_eq!(
        lines[6]["row"], 6,
        "an error line keeps the input's fields for joining"
    );
    assert!(lines[10]["score"].is_u64(), "ids are matched in any case");
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("5 of 11 lines could not be graded; their output lines carry"),
        "{stderr}"
    );
}

#[test]
fn a_clean_run_exits_0_and_grades_like_grade_does() {
    let r = &labelled()[0];
    let line = serde_json::json!({"id": r["id"], "answer": r["answer"]}).to_string();
    let out = rubric()
        .args(["batch", "-"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .code(0)
        .stderr("");
    let batch = &parse_lines(&out.get_output().stdout)[0];
    let grade = rubric()
        .args(["grade", r["id"].as_str().unwrap(), "--format", "json"])
        .write_stdin(r["answer"].as_str().unwrap())
        .assert()
        .code(0);
    let graded: Value = serde_json::from_slice(&grade.get_output().stdout).unwrap();
    for f in GRADE_FIELDS {
        assert_eq!(batch[f], graded[f], "{f}");
    }
}

#[test]
fn field_names_can_be_chosen_and_files_read() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("in.jsonl");
    std::fs::write(&file, "{\"qid\": \"sre-13\", \"text\": \"Retries with backoff and jitter, circuit breakers and bulkheads.\", \"score\": 3}\n").unwrap();
    let out = rubric()
        .args(["batch", "--id-field", "qid", "--answer-field", "text"])
        .arg(&file)
        .assert()
        .code(0);
    let l = &parse_lines(&out.get_output().stdout)[0];
    assert!(
        l["score"].is_u64() && l["score"] != 3,
        "the grade's score replaces the input's"
    );
    rubric()
        .args(["batch"])
        .arg(d.path().join("missing.jsonl"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("missing.jsonl"));
}

/// Output appears as lines are graded, before the input ends: a program can write a line and
/// wait for its result.
#[test]
fn output_streams_before_the_input_ends() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("rubric"))
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    for (i, id) in ["sre-13", "sre-30"].iter().enumerate() {
        writeln!(
            stdin,
            "{}",
            serde_json::json!({"i": i, "id": id, "answer": "Circuit breakers and timeouts."})
        )
        .unwrap();
        stdin.flush().unwrap();
        let got = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("a result while the input is still open");
        let v: Value = serde_json::from_str(&got).unwrap();
        assert_eq!(v["i"], i);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn many_lines_keep_their_order_with_errors_in_place() {
    let rows = labelled();
    let n = 5_000;
    let mut input = String::new();
    for i in 0..n {
        if i % 997 == 500 {
            input.push_str("[\"not an object\"]\n");
        } else {
            let r = &rows[i % rows.len()];
            input.push_str(
                &serde_json::json!({"n": i, "id": r["id"], "answer": r["answer"]}).to_string(),
            );
            input.push('\n');
        }
    }
    let out = rubric().args(["batch"]).write_stdin(input).assert().code(2);
    let lines = parse_lines(&out.get_output().stdout);
    assert_eq!(lines.len(), n);
    for (i, l) in lines.iter().enumerate() {
        if i % 997 == 500 {
            assert_eq!(l["line"], i + 1);
            assert!(l["error"]
                .as_str()
                .unwrap()
                .starts_with("expected a JSON object"));
        } else {
            assert_eq!(l["n"], i);
        }
    }
}

/// 100,000 lines, as in the issue: run with
/// `cargo test --release --test cli_batch -- --ignored --nocapture`.
/// Prints throughput and, where /usr/bin/time exists, asserts a flat peak RSS.
#[test]
#[ignore]
fn a_hundred_thousand_lines() {
    let rows = labelled();
    let n = 100_000;
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("in.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
    for i in 0..n {
        if i % 10_007 == 5_000 {
            writeln!(f, "this line is not JSON").unwrap();
        } else {
            let r = &rows[i % rows.len()];
            writeln!(
                f,
                "{}",
                serde_json::json!({"n": i, "id": r["id"], "answer": r["answer"]})
            )
            .unwrap();
        }
    }
    drop(f);
    let bin = assert_cmd::cargo::cargo_bin("rubric");
    let time = Path::new("/usr/bin/time");
    let started = std::time::Instant::now();
    let out = if time.exists() {
        std::process::Command::new(time)
            .args(["-f", "peak_kb=%M"])
            .arg(&bin)
            .arg("batch")
            .arg(&input)
            .output()
            .unwrap()
    } else {
        std::process::Command::new(&bin)
            .arg("batch")
            .arg(&input)
            .output()
            .unwrap()
    };
    let secs = started.elapsed().as_secs_f64();
    assert_eq!(out.status.code(), Some(2), "bad lines make the exit code 2");
    let lines = parse_lines(&out.stdout);
    assert_eq!(lines.len(), n);
    for (i, l) in lines.iter().enumerate() {
        if i % 10_007 == 5_000 {
            assert_eq!(l["line"], i + 1);
        } else {
            assert_eq!(l["n"], i);
        }
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{n} lines in {secs:.2} s ({:.0} lines/s)", n as f64 / secs);
    if let Some(kb) = stderr.lines().find_map(|l| l.strip_prefix("peak_kb=")) {
        let kb: u64 = kb.trim().parse().unwrap();
        println!("peak RSS {kb} KB");
        assert!(kb < 100 * 1024, "peak RSS {kb} KB: memory is not flat");
    }
}

#[test]
fn regression_counts_of_one_read_as_plurals() {
    let out = rubric()
        .args(["batch"])
        .write_stdin("{\"id\": \"sre-13\", \"answer\": \"\"}\n")
        .assert()
        .code(2);
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stderr),
        "rubric: 1 of 1 line could not be graded; its output line carries an `error`\n"
    );
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("one.jsonl");
    std::fs::write(
        &file,
        "{\"qid\": \"sre-13\", \"answer\": \"Retries with backoff and jitter.\", \"score_avg\": 3}\n{\"qid\": \"sre-13\", \"answer\": \"Circuit breakers and bulkheads.\", \"score_avg\": 4}\n",
    )
    .unwrap();
    let out = rubric().arg("eval").arg(&file).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("2 answers, 1 question\n"), "{text}");
}
