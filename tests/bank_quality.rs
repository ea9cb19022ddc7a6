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
