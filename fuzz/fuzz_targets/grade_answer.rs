//! Any text as an answer to a built-in question: grading never panics, scores stay in 0-100,
//! evidence always quotes the answer, and a second grade gives the same result.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

struct Bank {
    questions: Vec<rubric::rubric::Question>,
    compiled: Vec<rubric::grade::Compiled>,
}

fn bank() -> &'static Bank {
    static B: OnceLock<Bank> = OnceLock::new();
    B.get_or_init(|| {
        let catalog = rubric::catalog::Catalog::embedded();
        let questions: Vec<_> = catalog.questions().unwrap().into_iter().cloned().collect();
        let stemmer = rubric::text::Stemmer::english();
        let compiled = questions.iter().map(|q| rubric::grade::Compiled::new(q, rubric::lexicon::Lexicon::embedded(), &stemmer)).collect();
        Bank { questions, compiled }
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(answer) = std::str::from_utf8(rest) else { return };
    let b = bank();
    let i = pick as usize % b.questions.len();
    let mut scratch = rubric::grade::Scratch::new();
    let first = rubric::grade::grade(&b.questions[i], &b.compiled[i], answer, &mut scratch);
    if let Ok(g) = &first {
        assert!(g.score <= 100);
        for p in &g.points {
            assert!((0.0..=1.0).contains(&p.credit));
            for e in &p.evidence {
                assert!(answer.contains(e.as_str()));
            }
        }
    }
    let again = rubric::grade::grade(&b.questions[i], &b.compiled[i], answer, &mut scratch);
    assert_eq!(first, again);
});
