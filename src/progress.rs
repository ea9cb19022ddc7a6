//! What the practice history says: per set and per question the attempts, best, last and the
//! scores over time; the questions never tried; the points missed most often. And which
//! question to practice next. Pure functions of the history and the loaded rubrics, so the same
//! history always gives the same progress.

use crate::grade::band_of;
use crate::history::{format_time, Attempt};
use crate::rubric::Question;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Progress over a history, limited to the questions asked about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// Attempts counted (those of the questions asked about).
    pub attempts: usize,
    /// Time of the first and the last attempt counted (RFC 3339), when there are any.
    pub first: Option<String>,
    pub last: Option<String>,
    pub sets: Vec<SetProgress>,
    /// Questions with at least one attempt, in rubric order (questions no longer loaded last).
    pub questions: Vec<QuestionProgress>,
    /// Loaded questions with no attempt, in rubric order.
    pub never_tried: Vec<Untried>,
    /// Scored points not covered, most often missed first.
    pub missed: Vec<MissedPoint>,
}

/// One set's tally.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetProgress {
    pub set: String,
    /// Questions of the set that are loaded.
    pub questions: usize,
    /// Of those, how many have been tried.
    pub tried: usize,
    pub attempts: usize,
    /// Mean of the tried questions' best scores, rounded.
    pub mean_best: Option<u32>,
    /// Mean of the tried questions' last scores, rounded.
    pub mean_last: Option<u32>,
}

/// One question's attempts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionProgress {
    pub id: String,
    pub set: String,
    /// The wording: the loaded rubric's, else the last attempt's.
    pub question: String,
    pub attempts: usize,
    pub best: u32,
    pub last: u32,
    pub last_band: String,
    /// Every score, oldest first.
    pub scores: Vec<u32>,
    /// When the question was last practiced (RFC 3339).
    pub last_at: String,
    /// How many versions of the rubric graded these attempts (more than 1 after an edit).
    pub rubric_versions: usize,
    /// False when the question's rubric is no longer loaded.
    pub loaded: bool,
}

/// A question never tried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Untried {
    pub id: String,
    pub set: String,
    pub question: String,
}

/// A scored point and how often answers left it out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissedPoint {
    /// The point's stable id (`sre-13/rollback`).
    pub id: String,
    pub question: String,
    /// The loaded rubric's label and hint when the point still exists, else the last attempt's.
    pub label: String,
    pub hint: String,
    /// Attempts in which the point was not covered (missing or only partly covered).
    pub missed: usize,
    /// Attempts graded on the point.
    pub graded: usize,
}

/// Computes progress for `questions` (the loaded questions asked about, in rubric order) from
/// `attempts` (oldest first). Attempts of questions that are not loaded count when their set is
/// in `sets` (all when `None`).
pub fn progress(questions: &[&Question], attempts: &[Attempt], sets: Option<&[&str]>) -> Progress {
    let loaded: HashMap<&str, &Question> = questions.iter().map(|q| (q.id.as_str(), *q)).collect();
    let counted: Vec<&Attempt> = attempts
        .iter()
        .filter(|a| {
            loaded.contains_key(a.question.as_str())
                || sets.is_none_or(|s| s.contains(&a.set.as_str()))
        })
        .collect();

    let mut by_question: BTreeMap<&str, Vec<&Attempt>> = BTreeMap::new();
    for a in &counted {
        by_question.entry(a.question.as_str()).or_default().push(a);
    }
    let order: HashMap<&str, usize> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let mut tried: Vec<QuestionProgress> = by_question
        .iter()
        .map(|(id, list)| {
            let last = list.last().expect("a question listed has an attempt");
            let mut versions: Vec<&str> = list.iter().map(|a| a.rubric_version.as_str()).collect();
            versions.sort_unstable();
            versions.dedup();
            QuestionProgress {
                id: id.to_string(),
                set: last.set.clone(),
                question: loaded
                    .get(id)
                    .map_or_else(|| last.question_text.clone(), |q| q.question.clone()),
                attempts: list.len(),
                best: list.iter().map(|a| a.score).max().unwrap_or(0),
                last: last.score,
                last_band: band_of(last.score).as_str().to_string(),
                scores: list.iter().map(|a| a.score).collect(),
                last_at: format_time(last.at),
                rubric_versions: versions.len(),
                loaded: loaded.contains_key(id),
            }
        })
        .collect();
    tried.sort_by_key(|p| {
        (
            order.get(p.id.as_str()).copied().unwrap_or(usize::MAX),
            p.id.clone(),
        )
    });

    let never_tried: Vec<Untried> = questions
        .iter()
        .filter(|q| !by_question.contains_key(q.id.as_str()))
        .map(|q| Untried {
            id: q.id.clone(),
            set: q.set.clone(),
            question: q.question.clone(),
        })
        .collect();

    let mut set_names: Vec<&str> = questions.iter().map(|q| q.set.as_str()).collect();
    set_names.extend(tried.iter().map(|p| p.set.as_str()));
    set_names.sort_unstable();
    set_names.dedup();
    let sets_progress = set_names
        .into_iter()
        .map(|set| {
            let of_set: Vec<&QuestionProgress> = tried.iter().filter(|p| p.set == set).collect();
            let mean = |f: fn(&QuestionProgress) -> u32| {
                (!of_set.is_empty()).then(|| {
                    let sum: u32 = of_set.iter().map(|p| f(p)).sum();
                    (f64::from(sum) / of_set.len() as f64).round() as u32
                })
            };
            SetProgress {
                set: set.to_string(),
                questions: questions.iter().filter(|q| q.set == set).count(),
                tried: of_set.iter().filter(|p| p.loaded).count(),
                attempts: of_set.iter().map(|p| p.attempts).sum(),
                mean_best: mean(|p| p.best),
                mean_last: mean(|p| p.last),
            }
        })
        .collect();

    Progress {
        attempts: counted.len(),
        first: counted.iter().map(|a| a.at).min().map(format_time),
        last: counted.iter().map(|a| a.at).max().map(format_time),
        sets: sets_progress,
        questions: tried,
        never_tried,
        missed: missed_points(&counted, &loaded),
    }
}

/// Scored points by how often they were not covered: most missed first, then the larger share
/// of attempts, then by id. Points never missed are left out.
fn missed_points(attempts: &[&Attempt], loaded: &HashMap<&str, &Question>) -> Vec<MissedPoint> {
    let mut tally: BTreeMap<&str, MissedPoint> = BTreeMap::new();
    for a in attempts {
        for p in a.points.iter().filter(|p| p.weight > 0) {
            let e = tally.entry(p.id.as_str()).or_insert_with(|| MissedPoint {
                id: p.id.clone(),
                question: a.question.clone(),
                label: String::new(),
                hint: String::new(),
                missed: 0,
                graded: 0,
            });
            e.graded += 1;
            if p.state != "covered" {
                e.missed += 1;
            }
            // The last attempt's wording, unless the loaded rubric has the point.
            e.label.clone_from(&p.label);
            e.hint.clone_from(&p.hint);
        }
    }
    let mut list: Vec<MissedPoint> = tally
        .into_values()
        .filter(|m| m.missed > 0)
        .map(|mut m| {
            if let Some(p) = loaded
                .get(m.question.as_str())
                .and_then(|q| q.points.iter().find(|p| p.id == m.id))
            {
                m.label.clone_from(&p.label);
                m.hint.clone_from(&p.hint);
            }
            m
        })
        .collect();
    list.sort_by(|a, b| {
        b.missed
            .cmp(&a.missed)
            .then_with(|| (b.missed * a.graded).cmp(&(a.missed * b.graded)))
            .then_with(|| a.id.cmp(&b.id))
    });
    list
}

/// Why a question was picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// No attempt yet.
    NeverTried,
    /// Its last score is in the weakest band left, and it is the least recently practiced there.
    Weakest { last: u32, attempts: usize, at: i64 },
    /// Drawn at random.
    Random,
    /// Named with `--question`.
    Named,
}

/// The question to practice next among `candidates` (in rubric order): the first never tried;
/// else the one whose last score is in the lowest band, the least recently practiced of those
/// (then the lowest last score, then rubric order).
pub fn next<'q>(
    candidates: &[&'q Question],
    attempts: &[Attempt],
) -> Option<(&'q Question, Reason)> {
    let mut last: HashMap<&str, (u32, i64, usize)> = HashMap::new();
    for a in attempts {
        let e = last
            .entry(a.question.as_str())
            .or_insert((a.score, a.at, 0));
        // Attempts come oldest first; ties in time keep the later one.
        if a.at >= e.1 {
            e.0 = a.score;
            e.1 = a.at;
        }
        e.2 += 1;
    }
    if let Some(q) = candidates
        .iter()
        .find(|q| !last.contains_key(q.id.as_str()))
    {
        return Some((q, Reason::NeverTried));
    }
    candidates
        .iter()
        .enumerate()
        .min_by_key(|(i, q)| {
            let (score, at, _) = last[q.id.as_str()];
            (band_of(score), at, score, *i)
        })
        .map(|(_, q)| {
            let (last, at, attempts) = last[q.id.as_str()];
            (*q, Reason::Weakest { last, attempts, at })
        })
}

/// A question drawn uniformly from `candidates` with `seed`: the same seed and candidates
/// always draw the same question, on every platform.
pub fn random<'q>(candidates: &[&'q Question], seed: u64) -> Option<&'q Question> {
    if candidates.is_empty() {
        return None;
    }
    let r = splitmix64(seed);
    let i = ((u128::from(r) * candidates.len() as u128) >> 64) as usize;
    Some(candidates[i])
}

/// SplitMix64 (Steele, Lea and Flood, 2014): one step, a well-mixed 64-bit value per seed.
fn splitmix64(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::PointCredit;
    use crate::rubric::Kind;

    fn question(id: &str) -> Question {
        let set = id.rsplit_once('-').unwrap().0.to_string();
        Question {
            id: id.into(),
            set,
            number: 1,
            question: format!("Question {id}?"),
            guidance: None,
            sample_answer: String::new(),
            kind: Kind::Technical,
            points: vec![],
            items: vec![],
            reviewed: true,
        }
    }

    fn attempt(id: &str, at: i64, score: u32, missing: &[&str]) -> Attempt {
        let point = |name: &str, state: &str| PointCredit {
            id: format!("{id}/{name}"),
            label: name.to_string(),
            state: state.into(),
            credit: if state == "covered" { 1.0 } else { 0.0 },
            weight: 1,
            hint: format!("Say {name}."),
            spans: vec![],
        };
        Attempt {
            uid: format!("{id}-{at}"),
            question: id.into(),
            set: id.rsplit_once('-').unwrap().0.into(),
            kind: Kind::Technical,
            question_text: format!("Old wording of {id}?"),
            at,
            origin: "practice".into(),
            rubric_version: format!("v{}", at % 2),
            grader: "rubric test".into(),
            answer: "text".into(),
            score,
            band: band_of(score).as_str().into(),
            words: 1,
            flags: vec![],
            points: ["a", "b", "c"]
                .iter()
                .map(|n| {
                    point(
                        n,
                        if missing.contains(n) {
                            "missing"
                        } else {
                            "covered"
                        },
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn tallies_questions_sets_untried_and_missed_points() {
        let (q1, q2, q3) = (question("sre-01"), question("sre-02"), question("sys-01"));
        let qs = vec![&q1, &q2, &q3];
        let attempts = vec![
            attempt("sre-02", 10, 30, &["a", "b"]),
            attempt("sre-02", 20, 70, &["a"]),
            attempt("sys-01", 30, 90, &[]),
            attempt("gone-01", 40, 50, &["c"]),
        ];
        let p = progress(&qs, &attempts, None);
        assert_eq!(p.attempts, 4);
        assert_eq!(p.first.as_deref(), Some("1970-01-01T00:00:10Z"));
        let ids: Vec<&str> = p.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["sre-02", "sys-01", "gone-01"]);
        let sre02 = &p.questions[0];
        assert_eq!((sre02.best, sre02.last, sre02.attempts), (70, 70, 2));
        assert_eq!(sre02.scores, vec![30, 70]);
        assert_eq!(sre02.question, "Question sre-02?");
        assert_eq!(sre02.rubric_versions, 1);
        assert!(!p.questions[2].loaded);
        assert_eq!(p.questions[2].question, "Old wording of gone-01?");
        assert_eq!(
            p.never_tried
                .iter()
                .map(|u| u.id.as_str())
                .collect::<Vec<_>>(),
            ["sre-01"]
        );
        let sre = p.sets.iter().find(|s| s.set == "sre").unwrap();
        assert_eq!((sre.questions, sre.tried, sre.attempts), (2, 1, 2));
        assert_eq!(sre.mean_best, Some(70));
        let missed: Vec<(&str, usize, usize)> = p
            .missed
            .iter()
            .map(|m| (m.id.as_str(), m.missed, m.graded))
            .collect();
        assert_eq!(
            missed,
            [("sre-02/a", 2, 2), ("gone-01/c", 1, 1), ("sre-02/b", 1, 2)]
        );
        // Limited to one set, other sets' attempts do not count.
        let only = progress(&[&q1, &q2], &attempts, Some(&["sre"]));
        assert_eq!(only.attempts, 2);
        assert_eq!(only.sets.len(), 1);
    }

    #[test]
    fn picks_never_tried_first_then_the_weakest_least_recent() {
        let (q1, q2, q3) = (question("sre-01"), question("sre-02"), question("sre-03"));
        let qs = vec![&q1, &q2, &q3];
        assert_eq!(next(&qs, &[]).unwrap(), (&q1, Reason::NeverTried));
        let attempts = vec![
            attempt("sre-01", 10, 90, &[]),
            attempt("sre-03", 20, 20, &[]),
        ];
        assert_eq!(next(&qs, &attempts).unwrap(), (&q2, Reason::NeverTried));
        let mut attempts = attempts;
        attempts.push(attempt("sre-02", 30, 25, &[]));
        // sre-03 and sre-02 are both weak: the one practiced longer ago first.
        assert_eq!(
            next(&qs, &attempts).unwrap(),
            (
                &q3,
                Reason::Weakest {
                    last: 20,
                    attempts: 1,
                    at: 20
                }
            )
        );
        attempts.push(attempt("sre-03", 40, 85, &[]));
        assert_eq!(next(&qs, &attempts).unwrap().0, &q2);
        assert!(next(&[], &attempts).is_none());
    }

    #[test]
    fn random_draws_are_fixed_by_the_seed_and_cover_the_candidates() {
        let qs: Vec<Question> = (1..=5).map(|i| question(&format!("sre-0{i}"))).collect();
        let refs: Vec<&Question> = qs.iter().collect();
        let draw = |seed| random(&refs, seed).unwrap().id.clone();
        assert_eq!(draw(7), draw(7));
        let seen: std::collections::BTreeSet<String> = (0..200).map(draw).collect();
        assert_eq!(seen.len(), 5);
        assert!(random(&[], 1).is_none());
        // Pinned: a seed gives the same question in every version, on every platform.
        assert_eq!(splitmix64(0), 0xe220_a839_7b1d_cdaf);
    }
}
