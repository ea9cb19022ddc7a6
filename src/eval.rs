//! `rubric eval`: grades answers that people have already scored and measures agreement, so a
//! teacher or study group can see how far to trust the grader on their own questions.
//!
//! Each line holds a question (or the id of a loaded question), a reference answer, an answer
//! and a human score. Questions with a reference get a rubric built on the fly from it, exactly
//! as `rubric build` would from a JSON Lines bank. Beside the grader's agreement it measures
//! plain word overlap (stemmed ROUGE-1 recall) on the same answers, so a user sees what the
//! rubric adds.

use crate::catalog::Catalog;
use crate::grade::Grader;
use crate::rubric::Question;
use crate::seed::{Bank, SeedQuestion};
use crate::stats;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Field names to read; the defaults fit the Mohler et al. and SAF short-answer data.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The question id field; `None` reads `id`, or `qid` where a line has no `id`.
    pub id: Option<String>,
    pub question: String,
    pub reference: String,
    pub answer: String,
    pub score: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            id: None,
            question: "question".into(),
            reference: "reference".into(),
            answer: "answer".into(),
            score: "score_avg".into(),
        }
    }
}

/// The human scale, when the user states it (`--scale 0-5`); otherwise the lowest and highest
/// human scores in the file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
}

impl std::str::FromStr for Scale {
    type Err = String;

    fn from_str(s: &str) -> Result<Scale, String> {
        let bad = || format!("`{s}` is not a scale: write MIN-MAX, such as 0-5 or 1-10");
        // Split at the `-` after the first character, so a negative minimum still reads.
        let at = s
            .char_indices()
            .skip(1)
            .find(|&(_, c)| c == '-')
            .map(|(i, _)| i)
            .ok_or_else(bad)?;
        let min: f64 = s[..at].trim().parse().map_err(|_| bad())?;
        let max: f64 = s[at + 1..].trim().parse().map_err(|_| bad())?;
        if !(min.is_finite() && max.is_finite() && min < max) {
            return Err(format!(
                "`{s}`: the scale's minimum must be below its maximum"
            ));
        }
        Ok(Scale { min, max })
    }
}

/// A scored answer read from the input.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    pub id: String,
    pub question: Option<String>,
    pub reference: Option<String>,
    pub answer: String,
    pub human: f64,
}

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}:{line}: {message}")]
    Line {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    File { path: PathBuf, message: String },
}

/// Parses the input's lines; blank lines are skipped, any other bad line is an error that names
/// the flag for a differently named field.
pub fn read_rows(path: &Path, text: &str, f: &Fields) -> Result<Vec<Row>, EvalError> {
    let err = |line: usize, message: String| EvalError::Line {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut rows = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let v: Value =
            serde_json::from_str(raw).map_err(|e| err(line, format!("invalid JSON: {e}")))?;
        let get_str = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let answer = get_str(&f.answer).ok_or_else(|| {
            err(
                line,
                format!(
                    "no `{}` string (name the answer's field with --answer-field)",
                    f.answer
                ),
            )
        })?;
        let human = v.get(&f.score).and_then(Value::as_f64).ok_or_else(|| {
            err(
                line,
                format!(
                    "no numeric `{}` (name the human score's field with --score-field)",
                    f.score
                ),
            )
        })?;
        let question = get_str(&f.question);
        let id_value = match &f.id {
            Some(k) => v.get(k),
            None => v.get("id").or_else(|| v.get("qid")),
        };
        let id = match id_value {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => question.clone().ok_or_else(|| {
                let id = f.id.as_deref().map_or("`id` or `qid`".to_string(), |k| format!("`{k}`"));
                err(
                    line,
                    format!(
                        "needs {id} or `{}` (name the question id's field with --id-field, the question's with --question-field)",
                        f.question
                    ),
                )
            })?,
        };
        rows.push(Row {
            line,
            id,
            question,
            reference: get_str(&f.reference),
            answer,
            human,
        });
    }
    if rows.is_empty() {
        return Err(EvalError::File {
            path: path.to_path_buf(),
            message: "no scored answers".into(),
        });
    }
    Ok(rows)
}

/// The agreement report: the grader's figures, and the same figures for the word-overlap
/// baseline on the same answers.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub answers: usize,
    pub questions: usize,
    pub pearson: f64,
    pub spearman: f64,
    /// Quadratic weighted kappa, grader scores laid linearly onto the human scale (0 -> its
    /// lowest, 100 -> its highest) and rounded to whole points.
    pub qwk: f64,
    /// Root mean squared error of the least-squares fit from grader score to human score.
    pub rmse: f64,
    pub human_min: f64,
    pub human_max: f64,
    /// True when the scale was given (`--scale`), false when read off the scores.
    pub scale_given: bool,
    /// human ≈ fit_intercept + fit_slope × grader score.
    pub fit_intercept: f64,
    pub fit_slope: f64,
    /// Stemmed ROUGE-1 recall of the reference answer (×100), on the same answers: what plain
    /// word overlap gives. Absent when no question had a reference answer.
    pub baseline: Option<Agreement>,
    /// Answers that could not be graded (empty), skipped.
    pub skipped: usize,
    /// Questions whose rubric could not be built, with why; their answers are not counted.
    pub unbuilt: Vec<String>,
    pub worst: Vec<Disagreement>,
}

/// Agreement of one set of scores (0-100) with the human ones.
#[derive(Debug, Clone, Serialize)]
pub struct Agreement {
    pub pearson: f64,
    pub spearman: f64,
    pub qwk: f64,
    pub rmse: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    pub line: usize,
    pub id: String,
    pub human: f64,
    pub score: u32,
    /// The grader's score on the human scale.
    pub predicted: f64,
    pub answer: String,
}

/// Grades every row and measures agreement. `worst` is how many disagreements to list.
pub fn evaluate(
    path: &Path,
    rows: &[Row],
    catalog: &Catalog,
    worst: usize,
    scale: Option<Scale>,
) -> Result<Report, EvalError> {
    let built = rubrics_for(path, rows, catalog)?;
    let questions = &built.questions;
    let mut g = Grader::new();
    let (mut human, mut graded, mut overlap, mut kept) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut skipped = 0;
    for (r, key) in rows.iter().zip(&built.keys) {
        let Some(q) = questions.get(key) else {
            continue;
        };
        match g.grade(q, &r.answer) {
            Ok(x) => {
                human.push(r.human);
                graded.push(x.score as f64);
                let reference = r.reference.as_deref().unwrap_or("");
                overlap.push(100.0 * crate::rouge::rouge1_recall(reference, &r.answer));
                kept.push(r);
            }
            Err(_) => skipped += 1,
        }
    }
    if human.len() < 2 {
        return Err(EvalError::File {
            path: path.to_path_buf(),
            message: "fewer than two gradable answers".into(),
        });
    }
    let (lo, hi) = match scale {
        Some(s) => (s.min, s.max),
        None => human
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), &h| (lo.min(h), hi.max(h))),
    };
    // 0-100 laid onto the human scale as it stands (0 -> lowest, 100 -> highest): a fit would
    // pull every score toward the humans' mean and hide what the grader actually said.
    let predicted: Vec<f64> = graded.iter().map(|x| lo + (hi - lo) * x / 100.0).collect();
    let grader = agreement(&graded, &human, lo, hi);
    let with_reference = kept.iter().any(|r| r.reference.is_some());
    let baseline = with_reference.then(|| agreement(&overlap, &human, lo, hi));
    let (a, b) = stats::linear_fit(&graded, &human);
    let mut order: Vec<usize> = (0..human.len()).collect();
    order.sort_by(|&i, &j| {
        (predicted[j] - human[j])
            .abs()
            .total_cmp(&(predicted[i] - human[i]).abs())
            .then(kept[i].line.cmp(&kept[j].line))
    });
    let worst = order
        .into_iter()
        .take(worst)
        .map(|i| Disagreement {
            line: kept[i].line,
            id: kept[i].id.clone(),
            human: human[i],
            score: graded[i] as u32,
            predicted: round2(predicted[i]),
            answer: kept[i].answer.clone(),
        })
        .collect();
    Ok(Report {
        answers: human.len(),
        questions: questions.len(),
        pearson: grader.pearson,
        spearman: grader.spearman,
        qwk: grader.qwk,
        rmse: grader.rmse,
        human_min: lo,
        human_max: hi,
        scale_given: scale.is_some(),
        fit_intercept: round4(a),
        fit_slope: round4(b),
        baseline,
        skipped,
        unbuilt: built.unbuilt,
        worst,
    })
}

/// Agreement of `scores` (0-100) with `human` on the scale `lo..=hi`.
fn agreement(scores: &[f64], human: &[f64], lo: f64, hi: f64) -> Agreement {
    let predicted: Vec<f64> = scores.iter().map(|x| lo + (hi - lo) * x / 100.0).collect();
    let round = |v: &[f64]| v.iter().map(|x| x.round() as i64).collect::<Vec<_>>();
    let qwk = stats::quadratic_kappa(
        &round(&predicted),
        &round(human),
        lo.floor() as i64,
        hi.ceil() as i64,
    );
    Agreement {
        pearson: round4(stats::pearson(scores, human)),
        spearman: round4(stats::spearman(scores, human)),
        qwk: round4(qwk),
        rmse: round4(stats::rmse_after_fit(scores, human)),
    }
}

/// The rubrics eval grades with, the rubric of each row, and the questions it could not build.
struct Built {
    questions: BTreeMap<String, Question>,
    /// The rubric id of each row, in row order.
    keys: Vec<String>,
    unbuilt: Vec<String>,
}

/// The rubric of every id: built from the reference answer when the rows give one, exactly as
/// `rubric build` builds a JSON Lines bank (drafted, written as source, compiled), else the
/// loaded question with that id.
fn rubrics_for(path: &Path, rows: &[Row], catalog: &Catalog) -> Result<Built, EvalError> {
    let mut seeds: Vec<SeedQuestion> = Vec::new();
    let mut out = BTreeMap::new();
    let mut keys = Vec::with_capacity(rows.len());
    // Lines with one id may still carry different questions (a data set that reuses an id per
    // assignment): each distinct question and reference gets its own rubric, `<id>~2`, ...
    let mut texts: BTreeMap<(&str, &str, &str), String> = BTreeMap::new();
    let mut per_id: BTreeMap<&str, usize> = BTreeMap::new();
    for r in rows {
        let reference = r.reference.as_deref().filter(|s| !s.trim().is_empty());
        let question = r.question.as_deref().unwrap_or("");
        let text_key = (r.id.as_str(), question, reference.unwrap_or(""));
        if let Some(k) = texts.get(&text_key) {
            keys.push(k.clone());
            continue;
        }
        let n = per_id.entry(r.id.as_str()).or_default();
        *n += 1;
        let key = if *n == 1 {
            r.id.clone()
        } else {
            format!("{}~{n}", r.id)
        };
        texts.insert(text_key, key.clone());
        keys.push(key.clone());
        match reference {
            Some(reference) => {
                let question = r.question.clone().unwrap_or_else(|| r.id.clone());
                seeds.push(SeedQuestion {
                    number: seeds.len() + 1,
                    id: Some(key),
                    question,
                    guidance: None,
                    answer: reference.to_string(),
                    line: r.line,
                });
            }
            None => {
                let q = catalog
                    .by_id(&r.id)
                    .map_err(|e| EvalError::File {
                        path: path.to_path_buf(),
                        message: e.to_string(),
                    })?
                    .ok_or_else(|| EvalError::Line {
                        path: path.to_path_buf(),
                        line: r.line,
                        message: format!("no reference answer and no loaded question `{}`", r.id),
                    })?;
                out.insert(key, q.clone());
            }
        }
    }
    let mut unbuilt = Vec::new();
    if !seeds.is_empty() {
        let bank = Bank {
            set: "eval".into(),
            title: "evaluation questions".into(),
            questions: seeds,
        };
        let b = crate::compile::build_bank(
            &bank,
            path,
            None,
            crate::lexicon::Lexicon::embedded(),
            crate::rubric::facets::embedded(),
        );
        unbuilt.extend(b.problems.iter().map(ToString::to_string));
        for q in b.file.questions {
            out.insert(q.id.clone(), q);
        }
    }
    Ok(Built {
        questions: out,
        keys,
        unbuilt,
    })
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_read_as_min_dash_max() {
        assert_eq!("0-5".parse::<Scale>(), Ok(Scale { min: 0.0, max: 5.0 }));
        assert_eq!(
            "-1-1".parse::<Scale>(),
            Ok(Scale {
                min: -1.0,
                max: 1.0
            })
        );
        assert!("5-0".parse::<Scale>().unwrap_err().contains("below"));
        assert!("five".parse::<Scale>().unwrap_err().contains("MIN-MAX"));
    }

    #[test]
    fn the_id_is_id_or_qid_and_missing_fields_name_their_flag() {
        let f = Fields::default();
        let text = "{\"id\": \"a\", \"answer\": \"x\", \"score_avg\": 1}\n{\"qid\": 7, \"answer\": \"y\", \"score_avg\": 2}\n";
        let rows = read_rows(Path::new("e.jsonl"), text, &f).unwrap();
        assert_eq!((rows[0].id.as_str(), rows[1].id.as_str()), ("a", "7"));
        let e = read_rows(
            Path::new("e.jsonl"),
            "{\"id\": \"a\", \"text\": \"x\", \"score_avg\": 1}",
            &f,
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("e.jsonl:1: no `answer` string") && e.contains("--answer-field"),
            "{e}"
        );
        let e = read_rows(
            Path::new("e.jsonl"),
            "{\"answer\": \"x\", \"score_avg\": 1}",
            &f,
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("`id` or `qid`") && e.contains("--id-field"),
            "{e}"
        );
    }
}
