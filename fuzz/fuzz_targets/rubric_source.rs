//! Any text as a rubric source (`rubrics/<set>/<id>.toml`): parsing returns a source or errors
//! with a line in the file, never panics; a source it accepts writes back canonically to the same
//! source; when it compiles (embedded lexicon and facets), the rubric loads back as `rubric build`
//! writes it, lints, and grades its sample, its examples and a fixed answer without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rubric::grade::Grader;
use rubric::rubric::{source, RubricFile, FORMAT};
use std::path::Path;

/// A story with what the grader reads closely: denials, numbers, percentages, times, a year,
/// first-person actions and text beyond ASCII.
const ANSWER: &str =
    "Last year at 3:40 a.m. our checkout API went down for 45 minutes and we never had \
runbooks, nor any alert on the error rate. I rolled back the deploy, I added a circuit breaker and \
timeouts, and we cut p99 latency by 40% (from 900 ms to 120 ms) without adding hosts. It wasn't \
the database: not a single retry storm. Since 2023 the café team’s on-call — 日本語 too — \
pages 3x less.";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("rubrics/fz/fz-01.toml");
    let src = match source::parse(path, text) {
        Ok(src) => src,
        Err(errors) => {
            assert!(!errors.is_empty());
            let lines = text.lines().count().max(1);
            for e in errors {
                match e {
                    source::SourceError::Invalid { line, .. } => {
                        assert!((1..=lines + 1).contains(&line), "line {line} of {lines}")
                    }
                    source::SourceError::Io { .. } => panic!("I/O error from text"),
                }
            }
            return;
        }
    };
    let canonical = source::to_toml("fz-01", &src);
    let again = source::parse(path, &canonical).expect("the canonical layout parses");
    assert_eq!(
        again, src,
        "the canonical layout changed the source:\n{canonical}"
    );

    let lex = rubric::lexicon::Lexicon::embedded();
    let facets = rubric::rubric::facets::embedded();
    let Ok(q) = rubric::compile::question("fz", 1, "fz-01", &src, Some(lex), facets) else {
        return;
    };
    // The bank supplies the question text (a source that differs from it is stale), so an empty
    // one never reaches a built rubric.
    if !q.question.trim().is_empty() {
        let file = RubricFile {
            format: FORMAT.to_string(),
            set: "fz".to_string(),
            title: "fuzz".to_string(),
            source: "fz.md".to_string(),
            questions: vec![q.clone()],
        };
        let json = rubric::rubric::to_json(&file);
        let back = rubric::rubric::parse_file(Path::new("fz.json"), &json)
            .expect("a compiled rubric loads");
        assert_eq!(back.questions.len(), 1);
    }
    let mut g = Grader::new();
    let _ = rubric::compile::lint(&q, &mut g);
    let answers = [q.sample_answer.as_str(), ANSWER]
        .into_iter()
        .chain(src.examples.iter().map(|e| e.answer.as_str()));
    for answer in answers {
        if let Ok(grade) = g.grade(&q, answer) {
            assert!(grade.score <= 100);
            assert_eq!(grade.points.len(), q.points.len());
        }
    }
});
