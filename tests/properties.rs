//! Properties of the text pipeline and the grader over arbitrary input: nothing panics, token
//! spans slice the original text, grades stay in range, evidence is the answer's own words, and
//! the grader's caches never change a result. Case counts are kept modest so that a debug
//! `cargo test` stays quick; set PROPTEST_CASES to search harder.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use rubric::catalog::Catalog;
use rubric::grade::{self, band_of, Compiled, Grade, GradeError, Grader, Scratch};
use rubric::lexicon::Lexicon;
use rubric::rubric::Question;
use rubric::text::{analyze, tokenize, Stemmer};
use std::cell::RefCell;

/// Questions of every kind: technical, behavioral (structure points, `#number`), motivational.
const QUESTIONS: [&str; 4] = ["sre-13", "sys-02", "infra-21", "staff-07"];

/// `cases` by default; `PROPTEST_CASES=N` overrides it to search harder.
fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        // Failures are reported with their minimal input; no files are written into the tree.
        failure_persistence: None,
        ..Config::default()
    }
}

/// Characters that stress the tokenizer: ASCII and non-ASCII letters and digits, the three
/// apostrophes, combining marks, clause punctuation, hyphens and slashes, whitespace and
/// control characters.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            'a', 'Z', '0', '9', 'é', 'ß', 'İ', 'ǅ', 'Ω', 'ж', '中', '٣', '½', '\'', '’', 'ʼ',
            '\u{301}', '\u{200d}', '-', '/', '.', ',', ';', ':', '!', '?', '(', ')', '—', '–',
            '"', '“', '”', '•', '#', '%', ' ', '\t', '\n', '\r', '\0', '\u{feff}', '🦀',
        ]),
        1 => any::<char>(),
    ]
}

fn tricky_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(tricky_char(), 0..120).prop_map(|v| v.into_iter().collect()),
    ]
}

/// Text made of the rubrics' own vocabulary, so that grading finds matches, phrases, negations
/// and numbers, mixed with arbitrary words and separators.
fn answer_text(vocabulary: Vec<String>) -> impl Strategy<Value = String> {
    let word = prop_oneof![
        6 => prop::sample::select(vocabulary),
        1 => prop::sample::select(vec![
            "not".to_string(), "never".into(), "don't".into(), "we".into(), "the".into(),
            "40%".into(), "15".into(), "minutes".into(), "MTTR".into(),
        ]),
        1 => tricky_text(),
    ];
    let sep = prop::sample::select(vec![" ", " ", " ", ", ", ". ", "\n", "\n- ", "/", "-", ""]);
    prop::collection::vec((word, sep), 0..80).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(w, s)| [w, s.to_string()])
            .collect()
    })
}

fn embedded_questions() -> Vec<Question> {
    let catalog = Catalog::embedded();
    QUESTIONS
        .iter()
        .map(|id| catalog.by_id(id).unwrap().unwrap().clone())
        .collect()
}

fn vocabulary(qs: &[Question]) -> Vec<String> {
    let mut v: Vec<String> = qs
        .iter()
        .flat_map(|q| {
            q.sample_answer
                .split_whitespace()
                .map(str::to_string)
                .chain(q.points.iter().flat_map(|p| p.terms.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn tokens_slice_the_original_text_on_char_boundaries() {
    TestRunner::new(config(1024))
        .run(&tricky_text(), |text| {
            let mut last_end = 0;
            for t in tokenize(&text) {
                prop_assert!(t.start < t.end, "empty token {t:?}");
                prop_assert!(t.start >= last_end, "tokens overlap or go backwards: {t:?}");
                prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                prop_assert_eq!(&text[t.start..t.end], t.text);
                last_end = t.end;
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn analyze_never_panics_and_keeps_spans() {
    let stemmer = Stemmer::english();
    TestRunner::new(config(256))
        .run(&tricky_text(), |text| {
            let words = analyze(&text, &stemmer);
            prop_assert_eq!(words.len(), tokenize(&text).len());
            for w in &words {
                prop_assert!(text.get(w.start..w.end).is_some(), "{w:?}");
                prop_assert!(!w.norm.is_empty(), "{w:?}");
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn grades_stay_in_range_and_evidence_is_the_answers_own_words() {
    let qs = embedded_questions();
    let stemmer = Stemmer::english();
    let compiled: Vec<Compiled> = qs
        .iter()
        .map(|q| Compiled::new(q, Lexicon::embedded(), &stemmer))
        .collect();
    let scratch = RefCell::new(Scratch::new());
    let scored = std::cell::Cell::new(0);
    let input = (0..qs.len(), answer_text(vocabulary(&qs)));
    TestRunner::new(config(128))
        .run(&input, |(i, answer)| {
            let (q, c) = (&qs[i], &compiled[i]);
            match grade::grade(q, c, &answer, &mut scratch.borrow_mut()) {
                Ok(g) => {
                    check_grade(q, &g, &answer)?;
                    scored.set(scored.get() + usize::from(g.score > 0));
                }
                Err(GradeError::Empty) => prop_assert!(answer.trim().is_empty()),
                Err(GradeError::NoWords) => prop_assert!(tokenize(&answer).is_empty()),
            }
            Ok(())
        })
        .unwrap();
    assert!(
        scored.get() > 0,
        "the generated answers never scored: the strategy no longer exercises matching"
    );
}

#[test]
fn warm_caches_grade_exactly_like_fresh_ones() {
    let qs = embedded_questions();
    let stemmer = Stemmer::english();
    let compiled: Vec<Compiled> = qs
        .iter()
        .map(|q| Compiled::new(q, Lexicon::embedded(), &stemmer))
        .collect();
    // One scratch and one grader stay warm across every case and every question.
    let warm = RefCell::new(Scratch::new());
    let grader = RefCell::new(Grader::new());
    let input = (0..qs.len(), answer_text(vocabulary(&qs)));
    TestRunner::new(config(96))
        .run(&input, |(i, answer)| {
            let (q, c) = (&qs[i], &compiled[i]);
            let fresh = grade::grade(q, c, &answer, &mut Scratch::new());
            let warm_once = grade::grade(q, c, &answer, &mut warm.borrow_mut());
            let warm_twice = grade::grade(q, c, &answer, &mut warm.borrow_mut());
            let via_grader = grader.borrow_mut().grade(q, &answer);
            prop_assert_eq!(&fresh, &warm_once);
            prop_assert_eq!(&fresh, &warm_twice);
            prop_assert_eq!(&fresh, &via_grader);
            Ok(())
        })
        .unwrap();
}

fn check_grade(q: &Question, g: &Grade, answer: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(&g.id, &q.id);
    prop_assert!(g.score <= 100, "score {}", g.score);
    prop_assert_eq!(g.band, band_of(g.score));
    prop_assert!((0.0..=1.0).contains(&g.coverage), "coverage {}", g.coverage);
    prop_assert_eq!(g.words, tokenize(answer).len());
    prop_assert_eq!(g.points.len(), q.points.len());
    for p in &g.points {
        prop_assert!(
            (0.0..=1.0).contains(&p.credit),
            "{} credit {}",
            p.id,
            p.credit
        );
        for e in &p.evidence {
            prop_assert!(!e.is_empty() && answer.contains(e.as_str()), "{e:?}");
        }
    }
    let missing: Vec<&std::sync::Arc<str>> = g
        .points
        .iter()
        .filter(|p| !p.covered && p.weight > 0)
        .map(|p| &p.label)
        .collect();
    prop_assert_eq!(g.missing.iter().collect::<Vec<_>>(), missing);
    Ok(())
}
