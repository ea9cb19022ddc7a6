//! The five question pages parse into the bank the product promises: 148 questions, guidance on
//! the four guidance pages, non-empty sample answers, and none of the pages' promotional text.

use rubric::seed::read_bank;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Text that sits between and after the SRE page's answers; none of it is part of an answer.
const PROMOTION: &[&str] = &[
    "No strings attached",
    "Nightfall illustration",
    "Find your perfect mentor match",
    "Start matching",
    "Get Interview Coaching",
    "every mentor you",
    "Thousands of mentors",
    "free trial",
    "Help us improve this answer",
    "User Check",
    "Don't just take our word",
];

#[test]
fn the_pages_give_148_questions_with_guidance_on_four_pages() {
    let mut total = 0;
    let mut with_guidance = 0;
    for (set, count) in [
        ("sys", 24),
        ("lead", 24),
        ("staff", 24),
        ("infra", 24),
        ("sre", 52),
    ] {
        let bank = read_bank(&Path::new(ROOT).join("seeds").join(format!("{set}.txt"))).unwrap();
        assert_eq!(bank.set, set);
        assert_eq!(bank.questions.len(), count, "{set}");
        for (k, q) in bank.questions.iter().enumerate() {
            assert_eq!(q.number, k + 1);
            assert!(
                q.question.ends_with('?') || q.question.ends_with('.'),
                "{set}-{:02}: {}",
                q.number,
                q.question
            );
            assert!(
                !q.answer.trim().is_empty(),
                "{set}-{:02} has no answer",
                q.number
            );
            for field in [
                q.question.as_str(),
                q.answer.as_str(),
                q.guidance.as_deref().unwrap_or(""),
            ] {
                for p in PROMOTION {
                    assert!(
                        !field.to_lowercase().contains(&p.to_lowercase()),
                        "{set}-{:02} contains `{p}`",
                        q.number
                    );
                }
            }
            if let Some(g) = &q.guidance {
                assert!(
                    g.starts_with("In your answer"),
                    "{set}-{:02}: {g}",
                    q.number
                );
            }
        }
        total += bank.questions.len();
        with_guidance += bank
            .questions
            .iter()
            .filter(|q| q.guidance.is_some())
            .count();
        assert!(
            bank.title.ends_with("Interview Questions"),
            "{}",
            bank.title
        );
    }
    assert_eq!(total, 148);
    assert_eq!(with_guidance, 96);
}

#[test]
fn the_sre_page_keeps_inline_bullets_and_the_last_answer_ends_before_the_promotion() {
    let bank = read_bank(&Path::new(ROOT).join("seeds/sre.txt")).unwrap();
    let q10 = &bank.questions[9];
    assert!(
        q10.answer.contains("\n- Bad liveness or readiness probes"),
        "{}",
        q10.answer
    );
    let last = &bank.questions[51];
    assert!(
        last.answer.ends_with("exec comms were too slow."),
        "{}",
        last.answer
    );
    // The answer before the first promotional block ends with its own last sentence.
    assert!(
        bank.questions[2].answer.ends_with("very explicit."),
        "{}",
        bank.questions[2].answer
    );
}
