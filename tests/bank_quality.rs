//! The built-in bank grades its own sample answers as strong and other questions' sample answers
//! as weak: a rubric that cannot tell its own reference answer from a neighbour's is broken,
//! whatever the unit tests say.

use rubric::catalog::Catalog;
use rubric::grade::Grader;
use rubric::rubric::Question;

fn questions(catalog: &Catalog) -> Vec<&Question> {
    let qs = catalog.questions().unwrap();
    assert_eq!(qs.len(), 148, "the five seed pages hold 148 questions");
    qs
}

#[test]
fn every_sample_answer_scores_at_least_85_on_its_own_rubric() {
    let catalog = Catalog::embedded();
    let mut grader = Grader::new();
    let low: Vec<(String, u32)> = questions(&catalog)
        .into_iter()
        .filter_map(|q| {
            let g = grader.grade(q, &q.sample_answer).unwrap();
            (g.score < 85).then(|| (q.id.clone(), g.score))
        })
        .collect();
    assert!(
        low.is_empty(),
        "sample answers below 85 on their own rubric: {low:?}"
    );
}

#[test]
fn sample_answers_score_a_median_of_at_most_15_on_other_questions_rubrics() {
    let catalog = Catalog::embedded();
    let qs = questions(&catalog);
    let mut grader = Grader::new();
    // Every ordered pair (answer of `a`, rubric of `b`), a != b: 148 x 147 gradings.
    let mut scores = Vec::with_capacity(qs.len() * (qs.len() - 1));
    for a in &qs {
        for b in &qs {
            if a.id != b.id {
                scores.push(grader.grade(b, &a.sample_answer).unwrap().score);
            }
        }
    }
    scores.sort_unstable();
    let median = scores[scores.len() / 2];
    assert!(
        median <= 15,
        "median cross-question score is {median} over {} pairs",
        scores.len()
    );
}

// ---- The bank as reviewed source ----

#[test]
fn every_built_in_question_has_been_reviewed() {
    let catalog = Catalog::embedded();
    let unreviewed: Vec<&str> = questions(&catalog)
        .into_iter()
        .filter(|q| !q.reviewed)
        .map(|q| q.id.as_str())
        .collect();
    assert!(unreviewed.is_empty(), "not reviewed: {unreviewed:?}");
}

#[test]
fn story_questions_are_classed_by_what_they_ask() {
    use rubric::rubric::Kind;
    let catalog = Catalog::embedded();
    let kind = |id: &str| catalog.by_id(id).unwrap().unwrap().kind;
    // "Describe a decision you made that did not work out" is a story; "why this company" a
    // motivation: each gets the checks of its kind.
    assert_eq!(kind("lead-22"), Kind::Behavioral);
    assert_eq!(kind("lead-23"), Kind::Motivational);
    assert_eq!(kind("sre-13"), Kind::Technical);
}

#[test]
fn every_guidance_item_is_a_scored_point() {
    let catalog = Catalog::embedded();
    let mut unmatched = Vec::new();
    for q in questions(&catalog) {
        for item in &q.items {
            let scored = q
                .points
                .iter()
                .any(|p| p.guidance_item.as_deref() == Some(item) && p.weight > 0);
            if !scored {
                unmatched.push(format!("{}: {item}", q.id));
            }
        }
    }
    assert!(
        unmatched.is_empty(),
        "guidance items without a scored point: {unmatched:#?}"
    );
}

/// "p50, vs, p95" or "SG, Terraform, rollback": three or more short comma-separated fragments.
fn keyword_list(label: &str) -> bool {
    let parts: Vec<&str> = label.split(',').map(str::trim).collect();
    parts.len() >= 3 && parts.iter().all(|p| p.split_whitespace().count() <= 2)
}

#[test]
fn labels_are_phrases_and_hints_never_say_copy_the_sample() {
    let catalog = Catalog::embedded();
    let mut bad = Vec::new();
    for q in questions(&catalog) {
        for p in &q.points {
            let hint = p.hint.to_lowercase();
            if keyword_list(&p.label) {
                bad.push(format!("{}: label is a keyword list: {}", p.id, p.label));
            }
            if p.label.split_whitespace().count() > 16 {
                bad.push(format!("{}: label is a sentence: {}", p.id, p.label));
            }
            if hint.contains("sample answer puts it") || hint.trim().is_empty() {
                bad.push(format!("{}: hint: {}", p.id, p.hint));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn the_keyword_list_check_tells_lists_from_phrases() {
    assert!(keyword_list("p50, vs, p95"));
    assert!(keyword_list("SG, Terraform, rollback"));
    assert!(!keyword_list(
        "Bounded retries with exponential backoff and jitter"
    ));
    assert!(!keyword_list("Tested restores, not just backups"));
}

// ---- Answers without substance, over the whole bank ----

#[test]
fn the_question_pasted_back_grades_below_40_on_every_question() {
    let catalog = Catalog::embedded();
    let mut grader = Grader::new();
    let high: Vec<(String, u32)> = questions(&catalog)
        .into_iter()
        .filter_map(|q| {
            let g = grader.grade(q, &q.question).ok()?;
            (g.score >= 40).then(|| (q.id.clone(), g.score))
        })
        .collect();
    assert!(high.is_empty(), "{high:?}");
}

#[test]
fn key_terms_named_in_one_list_never_grade_strong() {
    let catalog = Catalog::embedded();
    let mut grader = Grader::new();
    let high: Vec<(String, u32)> = questions(&catalog)
        .into_iter()
        .filter_map(|q| {
            let a = rubric::compile::terms_listed(q)?;
            let g = grader.grade(q, &a).ok()?;
            (g.score >= 80).then(|| (q.id.clone(), g.score))
        })
        .collect();
    assert!(high.is_empty(), "{high:?}");
}

#[test]
fn the_point_labels_pasted_back_stay_below_80() {
    let catalog = Catalog::embedded();
    let mut grader = Grader::new();
    let high: Vec<(String, u32)> = questions(&catalog)
        .into_iter()
        .filter_map(|q| {
            let answer: String = q
                .points
                .iter()
                .filter(|p| p.weight > 0)
                .map(|p| format!("I would cover {}. ", p.label))
                .collect();
            let g = grader.grade(q, &answer).ok()?;
            (g.score >= 80).then(|| (q.id.clone(), g.score))
        })
        .collect();
    assert!(high.is_empty(), "{high:?}");
}

#[derive(serde::Deserialize)]
struct Row {
    id: String,
    answer: String,
}

fn battery(name: &str) -> Vec<Row> {
    let path = format!("{}/tests/data/battery/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The share of a battery file's answers whose grade passes `ok`.
fn share(name: &str, ok: impl Fn(u32) -> bool) -> f64 {
    let catalog = Catalog::embedded();
    let mut grader = Grader::new();
    let rows = battery(name);
    let passed = rows
        .iter()
        .filter(|r| {
            let q = catalog.by_id(&r.id).unwrap().unwrap();
            ok(grader.grade(q, &r.answer).map_or(0, |g| g.score))
        })
        .count();
    passed as f64 / rows.len() as f64
}

#[test]
fn sample_answers_with_every_claim_denied_grade_below_40() {
    let s = share("denied.jsonl", |score| score < 40);
    assert!(s >= 0.95, "{:.1}% below 40", s * 100.0);
}

#[test]
fn paragraphs_of_buzzwords_grade_below_40_on_every_question() {
    #[derive(serde::Deserialize)]
    struct Paragraph {
        answer: String,
    }
    let path = format!(
        "{}/tests/data/battery/buzzwords.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let paragraphs: Vec<Paragraph> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let catalog = Catalog::embedded();
    let mut grader = Grader::new();
    let (mut below, mut all) = (0, 0);
    for q in questions(&catalog) {
        for p in &paragraphs {
            all += 1;
            below += (grader.grade(q, &p.answer).map_or(0, |g| g.score) < 40) as usize;
        }
    }
    let s = below as f64 / all as f64;
    assert!(s >= 0.95, "{:.1}% below 40", s * 100.0);
}

#[test]
fn sample_answers_paraphrased_in_other_words_still_grade_strong() {
    let s = share("paraphrased.jsonl", |score| score >= 80);
    assert!(s >= 0.85, "{:.1}% strong", s * 100.0);
}

/// Enthusiasm with nothing of the candidate and nothing of the company is what interviewers
/// discount most; one real tie to the candidate's own work is credited and lifts the grade.
#[test]
fn motivation_answers_with_nothing_specific_grade_weak() {
    let generic = "I'm really excited about this opportunity. I love fast-moving environments \
        where I can make an impact, and I'm passionate about building reliable infrastructure \
        and a great developer experience. I think this role would be a great next step for my \
        growth, and I'd be thrilled to be part of the journey.";
    let with_experience = format!(
        "{generic} At my last company I spent three years running the deploy pipeline and the \
        Terraform setup for forty engineers, and I rebuilt our on-call rotation."
    );
    let catalog = Catalog::embedded();
    let mut grader = Grader::new();
    let motivational: Vec<&Question> = questions(&catalog)
        .into_iter()
        .filter(|q| q.kind == rubric::rubric::Kind::Motivational)
        .collect();
    assert!(
        motivational.len() >= 4,
        "sys-21, infra-21, staff-23, lead-23"
    );
    for q in motivational {
        let bare = grader.grade(q, generic).unwrap();
        assert!(bare.score <= 35, "{}: {}", q.id, bare.score);
        assert!(
            bare.flags.contains(&"generic"),
            "{}: {:?}",
            q.id,
            bare.flags
        );
        let tied = grader.grade(q, &with_experience).unwrap();
        assert!(tied.score > bare.score, "{}: {}", q.id, tied.score);
        let experience = q
            .points
            .iter()
            .position(|p| p.facet.as_deref() == Some("motivation-experience"))
            .unwrap_or_else(|| panic!("{}: no point for the candidate's experience", q.id));
        assert!(tied.points[experience].covered, "{}", q.id);
    }
}
