//! Grader behaviour on a small hand-made rubric: each matching rule alone, then scoring.

use super::*;
use crate::lexicon::Lexicon;
use crate::rubric::{Kind, Point, Question, Source};
use crate::text::Stemmer;

fn point(
    id: &str,
    label: &str,
    source: Source,
    weight: u32,
    terms: &[&str],
    related: &[&str],
) -> Point {
    Point {
        id: format!("t-01/{id}"),
        label: label.into(),
        source,
        weight,
        terms: terms.iter().map(|s| s.to_string()).collect(),
        related: related.iter().map(|s| s.to_string()).collect(),
        hint: format!("Mention {label}."),
        need: None,
    }
}

fn question() -> Question {
    Question {
        id: "t-01".into(),
        set: "t".into(),
        number: 1,
        question: "How do you ship safely?".into(),
        guidance: Some("In your answer, cover rollback and runbooks.".into()),
        sample_answer: "We roll back fast and keep runbooks. ".repeat(12),
        kind: Kind::Technical,
        points: vec![
            point(
                "g1",
                "rollback",
                Source::Guidance,
                2,
                &["rollback", "roll back", "revert"],
                &["undo"],
            ),
            point(
                "g2",
                "runbooks",
                Source::Guidance,
                2,
                &["runbook", "playbook"],
                &[],
            ),
            point(
                "s1",
                "replication",
                Source::Sample,
                1,
                &["replication"],
                &[],
            ),
            point(
                "s2",
                "service mesh",
                Source::Sample,
                1,
                &["service mesh"],
                &[],
            ),
        ],
    }
}

fn run(answer: &str) -> Grade {
    let q = question();
    let lex = Lexicon::parse("rollback | roll back | revert\n", "").unwrap();
    let c = Compiled::new(&q, &lex, &Stemmer::english());
    grade(&q, &c, answer, &mut Scratch::new()).unwrap()
}

fn point_of<'a>(g: &'a Grade, id: &str) -> &'a PointGrade {
    g.points.iter().find(|p| p.id.ends_with(id)).unwrap()
}

#[test]
fn phrases_match_through_a_word_or_two() {
    let g = run("When a deploy goes bad we roll the config back within minutes.");
    let p = point_of(&g, "g1");
    assert!(p.covered);
    assert_eq!(p.evidence, ["roll the config back"]);
}

#[test]
fn phrases_do_not_match_across_clauses() {
    let g = run("We roll forward. Back in 2019 we had no such tooling.");
    assert!(!point_of(&g, "g1").covered);
}

#[test]
fn inflections_and_typos_match() {
    let g = run("Playbooks exist for every alert, and Postgres replcation is monitored.");
    assert!(point_of(&g, "g2").covered, "plural of playbook");
    let s1 = point_of(&g, "s1");
    assert!(s1.covered, "one-letter typo in a long word");
    assert_eq!(s1.evidence, ["replcation"]);
}

#[test]
fn short_words_get_no_typo_tolerance() {
    let g = run("We keep a runbok for each alert so the on-call engineer knows what to do.");
    assert!(!point_of(&g, "g2").covered);
}

#[test]
fn negated_terms_earn_nothing_and_are_flagged() {
    let g = run("We never had runbooks, and I would not use a service mesh here at all.");
    assert!(!point_of(&g, "g2").covered);
    assert!(!point_of(&g, "s2").covered);
    assert!(
        g.warnings
            .iter()
            .any(|w| w.contains("never had runbooks") && w.contains("negated")),
        "{:?}",
        g.warnings
    );
    assert!(
        g.warnings
            .iter()
            .any(|w| w.contains("not use a service mesh")),
        "{:?}",
        g.warnings
    );
}

#[test]
fn related_terms_give_partial_credit() {
    let g = run("If it breaks we undo the change and tell the team what happened.");
    let p = point_of(&g, "g1");
    assert!(!p.covered);
    assert!(p.credit > 0.0 && p.credit < 0.5, "{}", p.credit);
}

#[test]
fn synonyms_of_one_group_count_once() {
    let g = run("We revert, that is we roll back, as soon as errors rise above the usual rate.");
    assert_eq!(point_of(&g, "g1").credit, 1.0);
    assert_eq!(point_of(&g, "g1").evidence.len(), 2);
}

#[test]
fn full_coverage_scores_100_and_nothing_scores_0() {
    let g = run("When a release goes bad we roll back within minutes, because a fast revert beats a slow fix. \
        During incidents the on-call engineer follows runbooks that we review after every page. \
        The database relies on replication across zones, so losing a node costs no data, and a service mesh \
        applies retries, timeouts and traffic policy the same way for every team.");
    assert_eq!(g.score, 100);
    assert_eq!(g.band, Band::Strong);
    assert!(g.missing.is_empty());
    let g = run("I like to cook pasta on weekends and go hiking with my friends in the mountains.");
    assert_eq!(g.score, 0);
    assert_eq!(g.band, Band::Weak);
    assert_eq!(
        g.missing,
        ["rollback", "runbooks", "replication", "service mesh"]
    );
}

#[test]
fn keyword_lists_are_penalised_and_warned() {
    let prose = run("We roll back bad releases and we follow runbooks during incidents.");
    let list = run("rollback, runbooks, replication, service mesh, revert, playbook");
    assert!(list.warnings.iter().any(|w| w.contains("list of keywords")));
    assert!(
        list.score < prose.score + 20,
        "a list of every term must not beat prose by much: {} vs {}",
        list.score,
        prose.score
    );
    assert!(!prose.warnings.iter().any(|w| w.contains("keywords")));
}

#[test]
fn short_answers_are_warned() {
    let g = run("We roll back.");
    assert!(
        g.warnings.iter().any(|w| w.contains("short")),
        "{:?}",
        g.warnings
    );
}

#[test]
fn empty_answers_are_errors() {
    let q = question();
    let c = Compiled::new(&q, Lexicon::embedded(), &Stemmer::english());
    assert_eq!(
        grade(&q, &c, "  \n\t", &mut Scratch::new()),
        Err(GradeError::Empty)
    );
    assert_eq!(
        grade(&q, &c, "-- ... !!", &mut Scratch::new()),
        Err(GradeError::NoWords)
    );
}

#[test]
fn caches_never_change_results() {
    let q = question();
    let lex = Lexicon::parse("rollback | roll back | revert\n", "").unwrap();
    let c = Compiled::new(&q, &lex, &Stemmer::english());
    let mut warm = Scratch::new();
    let a = "We roll back, keep playbooks, and watch replcation lag.";
    let first = grade(&q, &c, a, &mut warm).unwrap();
    let _ = grade(&q, &c, "unrelated words about runbooks", &mut warm).unwrap();
    assert_eq!(grade(&q, &c, a, &mut warm).unwrap(), first);
    assert_eq!(grade(&q, &c, a, &mut Scratch::new()).unwrap(), first);
}

#[test]
fn bands_follow_thresholds() {
    assert_eq!(band_of(80), Band::Strong);
    assert_eq!(band_of(79), Band::Good);
    assert_eq!(band_of(60), Band::Good);
    assert_eq!(band_of(59), Band::Partial);
    assert_eq!(band_of(40), Band::Partial);
    assert_eq!(band_of(39), Band::Weak);
    assert_eq!(calibrate(0.0), 0.0);
    assert_eq!(calibrate(1.0), 100.0);
}

#[test]
fn denying_a_failure_is_not_denying_the_practice() {
    // "points" sits inside "single point of failure": the answer denies the failure, so any
    // term in that phrase still counts and no warning is given.
    let q = Question {
        points: vec![point(
            "s1",
            "choke points",
            Source::Sample,
            1,
            &["points", "choke"],
            &[],
        )],
        ..question()
    };
    let lex = Lexicon::parse("rollback | revert\n", "").unwrap();
    let c = Compiled::new(&q, &lex, &Stemmer::english());
    let g = grade(
        &q,
        &c,
        "We add redundancy so there isn't a single point of failure anywhere in the request path.",
        &mut Scratch::new(),
    )
    .unwrap();
    assert!(g.points[0].credit > 0.0, "{:?}", g.points[0]);
    assert!(
        !g.warnings.iter().any(|w| w.contains("negated")),
        "{:?}",
        g.warnings
    );
}
