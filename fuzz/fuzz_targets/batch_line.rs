//! Any bytes as `rubric batch` input (meant as one JSON Lines line; a newline in it makes more):
//! the run never fails or panics, writes one JSON object per input line, each with a `score` or
//! an `error` and its `line`, and a single line that names a question and an answer gets the
//! score that grading the answer directly gives.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rubric::batch::{run, Bank, Fields};
use rubric::grade::Grader;
use rubric::rubric::Question;
use serde_json::Value;
use std::sync::{Mutex, OnceLock};

fn questions() -> &'static [Question] {
    static Q: OnceLock<Vec<Question>> = OnceLock::new();
    Q.get_or_init(|| {
        // One worker: the machine is shared, and one line gives rayon nothing to split.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build_global();
        let catalog = rubric::catalog::Catalog::embedded();
        let questions = catalog.questions().unwrap();
        questions.into_iter().cloned().collect()
    })
}

fn bank() -> &'static Bank<'static> {
    static B: OnceLock<Bank<'static>> = OnceLock::new();
    B.get_or_init(|| Bank::new(questions()))
}

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    let stats = run(data, &mut out, bank(), &Fields::default()).expect("no I/O error in memory");
    let out = String::from_utf8(out).expect("output is UTF-8");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    assert_eq!(lines.len(), stats.lines, "one output line per input line");
    let mut errors = 0;
    for (n, v) in lines.iter().enumerate() {
        let o = v.as_object().expect("each output line is an object");
        if let Some(e) = o.get("error") {
            assert!(e.is_string());
            assert_eq!(o.get("line").and_then(Value::as_u64), Some(n as u64 + 1));
            errors += 1;
        } else {
            let score = o["score"].as_u64().expect("a graded line has a score");
            assert!(score <= 100);
            for f in rubric::batch::GRADE_FIELDS {
                assert!(o.contains_key(f), "{f} missing");
            }
        }
    }
    assert_eq!(errors, stats.errors);
    if stats.lines == 1 {
        same_as_direct(data, &lines[0]);
    }
});

/// The batch path grades a line as `grade` grades its answer.
fn same_as_direct(data: &[u8], out: &Value) {
    let Some(score) = out.get("score").and_then(Value::as_u64) else {
        return;
    };
    let data = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
    let text = std::str::from_utf8(data).unwrap();
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    let input: Value = serde_json::from_str(text).expect("a graded line was JSON");
    let id = input["id"].as_str().unwrap().trim();
    let answer = input["answer"].as_str().unwrap();
    let q = questions()
        .iter()
        .find(|q| q.id.eq_ignore_ascii_case(id))
        .expect("a graded line names a question");
    static GRADER: OnceLock<Mutex<Grader>> = OnceLock::new();
    let mut grader = GRADER.get_or_init(Default::default).lock().unwrap();
    let g = grader.grade(q, answer).unwrap();
    assert_eq!(u64::from(g.score), score, "batch and grade disagree");
    assert_eq!(out["band"], serde_json::to_value(g.band).unwrap());
}
