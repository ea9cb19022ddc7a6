//! Any text as an answer, graded against one story question (behavioral or motivational, whose
//! points use the detectors `#number`, `#year`, `#result`, `#i-did` and `#time`) and one
//! technical question of the embedded bank: grading never panics, scores and credits stay in
//! range, evidence and spans quote the answer, and a warm cache (kept across inputs, or primed
//! with the answer's lowercase) gives what a cold one gives.
//!
//! The first byte picks the pair (low nibble: the story, high nibble: the technical question);
//! the rest, as UTF-8, is the answer.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rubric::grade::{band_of, grade, Compiled, Grade, GradeError, Scratch};
use rubric::rubric::{Kind, Question};
use std::sync::{Mutex, OnceLock};

/// Behavioral and motivational questions; between them every detector and every facet.
const STORIES: &[&str] = &[
    "sys-02", "sre-12", "staff-09", "lead-22", "infra-21", "sre-15", "lead-02", "sys-24",
];
/// Technical questions, two of them with detectors (`lead-19`, `sys-14`).
const TECHNICAL: &[&str] = &[
    "sre-13", "sre-24", "lead-19", "sys-14", "sre-41", "infra-11", "staff-18", "sys-09",
];

struct Bank {
    stories: Vec<(Question, Compiled)>,
    technical: Vec<(Question, Compiled)>,
}

fn bank() -> &'static Bank {
    static B: OnceLock<Bank> = OnceLock::new();
    B.get_or_init(|| {
        let catalog = rubric::catalog::Catalog::embedded();
        let stemmer = rubric::text::Stemmer::english();
        let load = |ids: &[&str]| -> Vec<(Question, Compiled)> {
            ids.iter()
                .map(|id| {
                    let q = catalog.by_id(id).unwrap().expect(id).clone();
                    let c = Compiled::new(&q, rubric::lexicon::Lexicon::embedded(), &stemmer);
                    (q, c)
                })
                .collect()
        };
        let b = Bank {
            stories: load(STORIES),
            technical: load(TECHNICAL),
        };
        assert!(b.stories.iter().all(|(q, _)| q.kind != Kind::Technical));
        assert!(b.technical.iter().all(|(q, _)| q.kind == Kind::Technical));
        b
    })
}

/// Kept across inputs, as `rubric batch` keeps one per thread for a whole run.
fn warm() -> &'static Mutex<Scratch> {
    static S: OnceLock<Mutex<Scratch>> = OnceLock::new();
    S.get_or_init(|| Mutex::new(Scratch::new()))
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(answer) = std::str::from_utf8(rest) else {
        return;
    };
    let b = bank();
    let story = &b.stories[usize::from(pick & 0x0f) % b.stories.len()];
    let technical = &b.technical[usize::from(pick >> 4) % b.technical.len()];
    // The warm cache's history is every earlier input, which a replayed crash file lacks; a
    // cache primed with the answer's lowercase makes a cache-order bug reproduce from one input
    // (the acronym-plural bug: "SLOs" after "slos").
    let lower = answer.to_lowercase();
    for (q, c) in [story, technical] {
        let first = grade(q, c, answer, &mut warm().lock().unwrap());
        check(answer, &first);
        let cold = grade(q, c, answer, &mut Scratch::new());
        assert_eq!(first, cold, "the warm cache changed the grade");
        if lower != answer {
            let mut primed = Scratch::new();
            let _ = grade(q, c, &lower, &mut primed);
            let again = grade(q, c, answer, &mut primed);
            assert_eq!(
                again, cold,
                "a cache primed with the lowercase changed the grade"
            );
        }
    }
});

fn check(answer: &str, result: &Result<Grade, GradeError>) {
    let g = match result {
        Ok(g) => g,
        Err(GradeError::Empty) => return assert!(answer.trim().is_empty()),
        Err(GradeError::NoWords) => return assert!(!answer.trim().is_empty()),
    };
    assert!(g.score <= 100, "score {}", g.score);
    assert_eq!(g.band, band_of(g.score));
    assert!((0.0..=1.0).contains(&g.coverage), "coverage {}", g.coverage);
    for p in &g.points {
        assert!(
            (0.0..=1.0).contains(&p.credit),
            "{}: credit {}",
            p.id,
            p.credit
        );
        for e in &p.evidence {
            assert!(answer.contains(e.as_str()), "{}: evidence {e:?}", p.id);
        }
        for s in &p.spans {
            assert!(s.start < s.end, "{}: empty span {s:?}", p.id);
            assert!(answer.get(s.start..s.end).is_some(), "{}: span {s:?}", p.id);
        }
        assert!(p
            .spans
            .windows(2)
            .all(|w| (w[0].start, w[0].end) < (w[1].start, w[1].end)));
    }
    let missing: Vec<&str> = g.missing_points().map(|p| p.label.as_str()).collect();
    assert_eq!(
        missing, g.missing,
        "`missing` lists the scored points not covered"
    );
}
