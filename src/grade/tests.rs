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
        facet: None,
        id: format!("t-01/{id}"),
        label: label.into(),
        source,
        guidance_item: (source == Source::Guidance).then(|| label.to_string()),
        unscored: None,
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
        guidance: Some(
            "In your answer, cover how a bad release is undone and what on-call follows.".into(),
        ),
        sample_answer: "We roll back fast and keep runbooks. ".repeat(12),
        kind: Kind::Technical,
        items: vec![
            "how a bad release is undone".into(),
            "what on-call follows".into(),
        ],
        reviewed: true,
        points: vec![
            point(
                "rollback",
                "how a bad release is undone",
                Source::Guidance,
                2,
                &["rollback", "roll back", "revert"],
                &["undo"],
            ),
            point(
                "runbooks",
                "what on-call follows",
                Source::Guidance,
                2,
                &["runbook", "playbook"],
                &[],
            ),
            point(
                "replication",
                "replication",
                Source::Sample,
                1,
                &["replication"],
                &[],
            ),
            point(
                "mesh",
                "service mesh",
                Source::Sample,
                1,
                &["service mesh"],
                &[],
            ),
        ],
    }
}

fn grade_with(q: &Question, answer: &str) -> Grade {
    let lex = Lexicon::parse("rollback | roll back | revert\n", "").unwrap();
    let c = Compiled::new(q, &lex, &Stemmer::english());
    grade(q, &c, answer, &mut Scratch::new()).unwrap()
}

fn run(answer: &str) -> Grade {
    grade_with(&question(), answer)
}

fn point_of<'a>(g: &'a Grade, id: &str) -> &'a PointGrade {
    g.points.iter().find(|p| p.id.ends_with(id)).unwrap()
}

/// A one-point rubric with the given evidence, for detector and syntax tests.
fn one_point(terms: &[&str], need: f64) -> Question {
    let mut p = point("p", "the point", Source::Sample, 1, terms, &[]);
    p.need = Some(need);
    Question {
        points: vec![p],
        ..question()
    }
}

#[test]
fn phrases_match_through_a_word_or_two() {
    let g = run("When a deploy goes bad we roll the config back within minutes.");
    let p = point_of(&g, "rollback");
    assert!(p.covered);
    assert_eq!(p.evidence, ["roll the config back"]);
}

#[test]
fn phrases_do_not_match_across_clauses() {
    let g = run("We roll forward. Back in 2019 we had no such tooling.");
    assert!(!point_of(&g, "rollback").covered);
}

#[test]
fn a_soft_line_wrap_does_not_split_a_phrase() {
    let g = run("When a deploy goes bad we roll\nback within minutes.");
    assert!(point_of(&g, "rollback").covered);
}

#[test]
fn inflections_and_typos_match() {
    let g = run("Playbooks exist for every alert, and Postgres replcation is monitored.");
    assert!(point_of(&g, "runbooks").covered, "plural of playbook");
    let s1 = point_of(&g, "replication");
    assert!(s1.covered, "one-letter typo in a long word");
    assert_eq!(s1.evidence, ["replcation"]);
}

#[test]
fn short_words_get_no_typo_tolerance() {
    let g = run("We keep a runbok for each alert so the on-call engineer knows what to do.");
    assert!(!point_of(&g, "runbooks").covered);
}

#[test]
fn negation_covers_every_item_of_a_list() {
    let q = Question {
        points: vec![
            point("canary", "canary", Source::Sample, 1, &["canary"], &[]),
            point("bg", "blue/green", Source::Sample, 1, &["blue/green"], &[]),
            point(
                "rollback",
                "rollback",
                Source::Sample,
                1,
                &["rollback"],
                &[],
            ),
        ],
        ..question()
    };
    let g = grade_with(
        &q,
        "We never used canaries, blue/green deployments or rollbacks.",
    );
    for p in &g.points {
        assert_eq!(p.credit, 0.0, "{} must be denied", p.label);
        assert!(!p.denied.is_empty(), "{} reports what was denied", p.label);
    }
    assert!(g.flags.contains(&"denied"), "{:?}", g.flags);
    assert!(
        g.warnings.iter().any(|w| w.contains("never used canaries")),
        "{:?}",
        g.warnings
    );
}

#[test]
fn negation_stops_where_the_clause_turns() {
    let g = run("We didn't have runbooks, but we rolled back within minutes.");
    assert!(point_of(&g, "rollback").covered);
    assert!(!point_of(&g, "runbooks").covered);
    let g = run("We don't have runbooks, we roll back whenever errors rise.");
    assert!(
        point_of(&g, "rollback").covered,
        "a new subject starts a new clause"
    );
}

#[test]
fn a_negation_after_its_subject_denies_it() {
    let g = run("The runbooks were never updated after the migration.");
    assert!(!point_of(&g, "runbooks").covered);
}

#[test]
fn not_thinking_a_practice_is_needed_denies_it() {
    let g = run("I don't think you need runbooks this early.");
    assert!(!point_of(&g, "runbooks").covered);
    let g = run("I don't believe that we need runbooks, we roll back whenever errors rise.");
    assert!(!point_of(&g, "runbooks").covered);
    assert!(
        point_of(&g, "rollback").covered,
        "the next clause is not denied"
    );
    let g = run("I don't know why, but we roll back whenever errors rise.");
    assert!(point_of(&g, "rollback").covered);
}

#[test]
fn no_compound_named_failure_since_is_the_practice_working() {
    let g = run(
        "We haven't had a runbook-related outage since, and we roll back whenever errors rise.",
    );
    assert!(
        g.points.iter().all(|p| p.denied.is_empty()),
        "{:?}",
        g.points
    );
    let g = run("We had no runbook-driven rollback process.");
    assert!(
        !point_of(&g, "rollback").covered,
        "a compound before a practice still denies it"
    );
}

#[test]
fn points_named_only_in_a_long_list_grade_partial_quoted_or_not() {
    let q = Question {
        points: ["slo", "mttr", "toil", "dora"]
            .iter()
            .map(|t| point(t, t, Source::Sample, 1, &[t], &[]))
            .collect(),
        ..one_point(&["x"], 1.0)
    };
    let listed = "I would look at SLO attainment, MTTR, MTTD, toil, DORA, postmortems and surveys.";
    let lex = Lexicon::parse("", "").unwrap();
    let c = Compiled::new(&q, &lex, &Stemmer::english());
    let quoted = grade(&q, &c, listed, &mut Scratch::new()).unwrap();
    let unquoted = super::grade_unquoted(&q, &c, listed, &mut Scratch::new()).unwrap();
    for g in [&quoted, &unquoted] {
        assert!(g.score <= 59, "{}", g.score);
        assert!(g.flags.contains(&"list"), "{:?}", g.flags);
    }
    let explained = "Our SLO is 99.9% of checkout requests. MTTR fell after we wrote runbooks. \
                     Toil went down when we automated restarts. DORA numbers showed faster deploys.";
    let g = grade(&q, &c, explained, &mut Scratch::new()).unwrap();
    assert!(!g.flags.contains(&"list"), "{:?}", g.flags);
}

#[test]
fn without_governs_every_item_joined_by_or() {
    let q = one_point(&["rollback plan"], 1.0);
    for denied in [
        "We switched traffic over without any canary or rollback plan.",
        "We switched traffic over without a canary or a rollback plan.",
    ] {
        let g = grade_with(&q, denied);
        assert_eq!(g.points[0].credit, 0.0, "{denied}");
    }
    // "and" after the phrase starts what was done: "without downtime and kept a rollback plan".
    let g = grade_with(
        &q,
        "We switched traffic over without downtime and kept a rollback plan ready.",
    );
    assert!(g.points[0].covered);
}

#[test]
fn double_negation_and_not_just_affirm() {
    let g = run("We never ship a release without a rollback plan.");
    assert!(point_of(&g, "rollback").covered);
    let g = run("Not just playbooks: the on-call engineer also has dashboards.");
    assert!(point_of(&g, "runbooks").covered);
}

#[test]
fn denying_a_failure_is_not_denying_the_practice() {
    let q = one_point(&["points", "choke"], 1.0);
    let g = grade_with(
        &q,
        "We add redundancy so there isn't a single point of failure anywhere in the request path.",
    );
    assert!(g.points[0].credit > 0.0, "{:?}", g.points[0]);
    assert!(!g.flags.contains(&"denied"), "{:?}", g.warnings);
}

#[test]
fn related_terms_give_partial_credit() {
    let g = run("If it breaks we undo the change and tell the team what happened.");
    let p = point_of(&g, "rollback");
    assert!(!p.covered);
    assert_eq!(p.state, State::Partial);
    assert!(p.credit > 0.0 && p.credit < 0.5, "{}", p.credit);
}

#[test]
fn synonyms_of_one_group_count_once() {
    let g = run("We revert, that is we roll back, as soon as errors rise above the usual rate.");
    assert_eq!(point_of(&g, "rollback").credit, 1.0);
    assert_eq!(point_of(&g, "rollback").evidence.len(), 2);
}

#[test]
fn ways_of_saying_one_entry_count_once() {
    let q = one_point(&["canary | canary release | staged rollout"], 2.0);
    let g = grade_with(&q, "We do a canary release, a staged rollout to 1% first.");
    // Half the need found, and a point short of covered keeps three quarters of that.
    assert_eq!(g.points[0].credit, 0.38);
}

#[test]
fn a_conjunction_needs_its_parts_in_one_sentence() {
    let q = one_point(&["restore + test"], 1.0);
    assert!(
        grade_with(
            &q,
            "Every quarter we test a full restore into a scratch account."
        )
        .points[0]
            .covered
    );
    assert!(
        !grade_with(
            &q,
            "We take backups nightly. Tests run in CI. Restores happen when needed."
        )
        .points[0]
            .covered
    );
}

#[test]
fn evidence_that_echoes_the_question_counts_half() {
    let q = one_point(&["ship safely", "feature flag"], 1.0);
    let g = grade_with(&q, "We ship safely, always.");
    // An echo is half a term; a point short of covered keeps three quarters of that.
    assert_eq!(g.points[0].credit, 0.38);
    let g = grade_with(&q, "Every change goes out behind a feature flag.");
    assert_eq!(g.points[0].credit, 1.0);
}

#[test]
fn a_result_is_a_change_in_numbers() {
    let q = one_point(&["#result"], 1.0);
    let covered = |a: &str| grade_with(&q, a).points[0].covered;
    assert!(covered("Latency dropped 60% after the fix."));
    assert!(covered("Deploys went from three days to under one."));
    assert!(covered("We had a third fewer pages the next quarter."));
    assert!(!covered(
        "I was paged at 2am and fixed it by 3:40 that night."
    ));
    assert!(!covered("That was back in 2022 when the team was small."));
    assert!(!covered("We raised the pool size to 200 connections."));
    assert!(!covered("Each call has a 100ms deadline and p95 alerts."));
}

#[test]
fn a_comparative_is_a_result_only_beside_its_amount() {
    let q = one_point(&["#result"], 1.0);
    let covered = |a: &str| grade_with(&q, a).points[0].covered;
    for changed in [
        "Builds are now 3x faster.",
        "p99 went down to 200 ms.",
        "Error rate was down 40% after the change.",
        "It made releases two hours quicker.",
        "We reduced the number of pages engineers received each week by 60%.",
        "We were fully recovered in 48 minutes.",
        "Service was restored within an hour.",
        "Sev-1 incidents were down from nine to three a quarter.",
    ] {
        assert!(covered(changed), "{changed}");
    }
    for described in [
        "The site went down for 3 hours on a Friday.",
        "We had more than 200 services on the cluster.",
        "I sat down with two engineers from the team.",
        "We tracked it down in two days.",
        "I shut down 4 old clusters.",
        "It led to higher error rates for 20 minutes.",
        "Nobody owned the reminder any more after the engineer left two years earlier.",
        "We had more sev-1 incidents that quarter.",
    ] {
        assert!(!covered(described), "{described}");
    }
}

#[test]
fn actions_in_the_first_person_count_up_to_three() {
    let q = one_point(&["#i-did"], 3.0);
    let credit = |a: &str| grade_with(&q, a).points[0].credit;
    // Liking, preferring and wishing are not things done.
    assert_eq!(
        credit("I preferred Kubernetes, I enjoyed the work and I wished we had more time."),
        0.0
    );
    assert_eq!(
        credit("At my last company I was the on-call lead. I think it went well."),
        0.0
    );
    assert_eq!(
        credit("I paged the database team, then I rolled back the release."),
        0.67
    );
    assert_eq!(
        credit("I paged them. I rolled back. I also wrote the postmortem. I added alerts."),
        1.0
    );
}

#[test]
fn states_and_spans_describe_each_point() {
    let a = "When a deploy goes bad we revert it; the mesh team handles replication.";
    let g = run(a);
    let p = point_of(&g, "rollback");
    assert_eq!(p.state, State::Covered);
    assert_eq!(
        p.guidance_item.as_deref(),
        Some("how a bad release is undone")
    );
    let spans: Vec<&str> = p.spans.iter().map(|s| &a[s.start..s.end]).collect();
    assert_eq!(spans, ["revert"]);
    assert_eq!(point_of(&g, "runbooks").state, State::Missing);
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
        g.missing.iter().map(|m| &**m).collect::<Vec<_>>(),
        [
            "how a bad release is undone",
            "what on-call follows",
            "replication",
            "service mesh"
        ]
    );
}

#[test]
fn a_missing_point_keeps_the_score_below_100() {
    let g = run("When a release goes bad we roll back within minutes, because a fast revert beats a slow fix. \
        During incidents the on-call engineer follows runbooks that we review after every page. \
        The database relies on replication across zones, so losing a node costs no data.");
    assert!(!g.missing.is_empty());
    assert!(g.score < 100, "{}", g.score);
}

#[test]
fn keyword_lists_are_penalised_and_warned() {
    let prose = run("We roll back bad releases and we follow runbooks during incidents.");
    let list = run("rollback, runbooks, replication, service mesh, revert, playbook");
    assert!(list.flags.contains(&"keyword-list"));
    assert!(
        list.score < prose.score + 20,
        "{} vs {}",
        list.score,
        prose.score
    );
    assert!(!prose.flags.contains(&"keyword-list"));
}

#[test]
fn short_answers_are_warned_relative_to_the_reference() {
    let g = run("We roll back.");
    assert!(g.flags.contains(&"short"), "{:?}", g.warnings);
    assert!(
        g.warnings.iter().any(|w| w.contains("about 80 words")),
        "{:?}",
        g.warnings
    );
}

#[test]
fn echoing_the_question_is_warned_and_capped() {
    let g = run("How do you ship safely? You ship safely by shipping safely.");
    assert!(g.flags.contains(&"echo"), "{:?}", g.flags);
    assert!(g.score <= 20);
}

#[test]
fn an_answer_pasted_twice_is_warned_as_padding() {
    let once = "We ship behind a canary to five percent of traffic, watch error rates and latency \
                against the baseline for fifteen minutes, and roll back automatically when either \
                degrades; feature flags let us turn a change off without a deploy.";
    assert!(!run(once).flags.contains(&"padding"));
    let twice = run(&format!("{once}\n\n{once}"));
    assert!(twice.flags.contains(&"padding"), "{:?}", twice.flags);
    assert!(twice
        .warnings
        .iter()
        .any(|w| w.contains("same thing again")));
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
fn a_negative_fact_is_shown_by_denying_it() {
    let q = one_point(&["~acknowledgement number"], 1.0);
    assert!(grade_with(&q, "UDP does not have an acknowledgement number.").points[0].covered);
    assert!(!grade_with(&q, "UDP has an acknowledgement number.").points[0].covered);
}

#[test]
fn a_negated_list_before_its_verb_is_denied() {
    let q = Question {
        points: vec![
            point("queue", "queue", Source::Sample, 1, &["queue buildup"], &[]),
            point(
                "noisy",
                "noisy",
                Source::Sample,
                1,
                &["noisy neighbors"],
                &[],
            ),
        ],
        ..question()
    };
    let g = grade_with(
        &q,
        "Queue buildup, connection exhaustion and noisy neighbors aren't on my list.",
    );
    assert!(g.points.iter().all(|p| p.credit == 0.0), "{:?}", g.points);
    let g = grade_with(
        &q,
        "Queue buildup was the cause, so noisy neighbors were never a factor.",
    );
    assert_eq!(g.points[0].credit, 1.0, "a clause of its own is not denied");
}

#[test]
fn a_short_denial_after_a_question_denies_what_it_asked() {
    let g = run("Runbooks and playbooks? We never had them. We roll back bad releases.");
    assert_eq!(point_of(&g, "runbooks").credit, 0.0);
    assert!(point_of(&g, "rollback").covered);
}

#[test]
fn conditions_and_compounds_are_not_denials() {
    let g = run("If a release cannot pass its checks, we roll back; reviews are no-blame and use the playbook.");
    assert!(point_of(&g, "rollback").covered);
    assert!(point_of(&g, "runbooks").covered);
    assert!(!g.flags.contains(&"denied"), "{:?}", g.warnings);
}
