//! `rubric eval`: grades answers that people have already scored and measures agreement, so a
//! teacher or study group can see how far to trust the grader on their own questions.
//!
//! Each line holds a question (or the id of a loaded question), a reference answer, an answer
//! and a human score. Questions with a reference get a rubric built on the fly from it, exactly
//! as `rubric build` would from a JSON Lines bank.

use crate::catalog::Catalog;
use crate::grade::Grader;
use crate::rubric::Question;
use crate::seed::{Bank, SeedQuestion};
use crate::stats;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Field names to read; the defaults fit the Mohler et al. short-answer data.
#[derive(Debug, Clone)]
pub struct Fields {
    pub id: String,
    pub question: String,
    pub reference: String,
    pub answer: String,
    pub score: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            id: "qid".into(),
            question: "question".into(),
            reference: "reference".into(),
            answer: "answer".into(),
            score: "score_avg".into(),
        }
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

/// Parses the input's lines; blank lines are skipped, any other bad line is an error.
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
        let answer =
            get_str(&f.answer).ok_or_else(|| err(line, format!("no `{}` string", f.answer)))?;
        let human = v
            .get(&f.score)
            .and_then(Value::as_f64)
            .ok_or_else(|| err(line, format!("no numeric `{}`", f.score)))?;
        let question = get_str(&f.question);
        let id = match v.get(&f.id) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => question
                .clone()
                .ok_or_else(|| err(line, format!("needs `{}` or `{}`", f.id, f.question)))?,
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

/// The agreement report.
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
    /// human ≈ fit_intercept + fit_slope × grader score.
    pub fit_intercept: f64,
    pub fit_slope: f64,
    /// Answers that could not be graded (empty), skipped.
    pub skipped: usize,
    pub worst: Vec<Disagreement>,
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
) -> Result<Report, EvalError> {
    let questions = rubrics_for(path, rows, catalog)?;
    let mut g = Grader::new();
    let (mut human, mut graded, mut kept) = (Vec::new(), Vec::new(), Vec::new());
    let mut skipped = 0;
    for r in rows {
        let q = &questions[&r.id];
        match g.grade(q, &r.answer) {
            Ok(x) => {
                human.push(r.human);
                graded.push(x.score as f64);
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
    let (a, b) = stats::linear_fit(&graded, &human);
    let (lo, hi) = human
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &h| (lo.min(h), hi.max(h)));
    // 0-100 laid onto the human scale as it stands (0 -> lowest, 100 -> highest): a fit would
    // pull every score toward the humans' mean and hide what the grader actually said.
    let predicted: Vec<f64> = graded.iter().map(|x| lo + (hi - lo) * x / 100.0).collect();
    let round = |v: &[f64]| v.iter().map(|x| x.round() as i64).collect::<Vec<_>>();
    let qwk = stats::quadratic_kappa(
        &round(&predicted),
        &round(&human),
        lo.floor() as i64,
        hi.ceil() as i64,
    );
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
        pearson: round4(stats::pearson(&graded, &human)),
        spearman: round4(stats::spearman(&graded, &human)),
        qwk: round4(qwk),
        rmse: round4(stats::rmse_after_fit(&graded, &human)),
        human_min: lo,
        human_max: hi,
        fit_intercept: round4(a),
        fit_slope: round4(b),
        skipped,
        worst,
    })
}

/// The rubric of every id: built from the reference answer when the rows give one, else the
/// loaded question with that id.
fn rubrics_for(
    path: &Path,
    rows: &[Row],
    catalog: &Catalog,
) -> Result<BTreeMap<String, Question>, EvalError> {
    let mut seeds: BTreeMap<String, SeedQuestion> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for r in rows {
        if seeds.contains_key(&r.id) || out.contains_key(&r.id) {
            continue;
        }
        match &r.reference {
            Some(reference) if !reference.trim().is_empty() => {
                let question = r.question.clone().unwrap_or_else(|| r.id.clone());
                seeds.insert(
                    r.id.clone(),
                    SeedQuestion {
                        number: seeds.len() + 1,
                        id: Some(r.id.clone()),
                        question,
                        guidance: None,
                        answer: reference.clone(),
                        line: r.line,
                    },
                );
            }
            _ => {
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
                out.insert(r.id.clone(), q.clone());
            }
        }
    }
    if !seeds.is_empty() {
        let bank = Bank {
            set: "eval".into(),
            title: "evaluation questions".into(),
            questions: seeds.into_values().collect(),
        };
        let file = crate::draft::build_bank(
            &bank,
            &path.display().to_string(),
            crate::lexicon::Lexicon::embedded(),
        );
        for q in file.questions {
            out.insert(q.id.clone(), q);
        }
    }
    Ok(out)
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
