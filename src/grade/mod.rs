//! Grading: a pure function from a compiled rubric and an answer to a [`Grade`]. The answer goes
//! through the same text pipeline as the rubric's terms; a point is covered by its terms found
//! directly, through lexicon alternatives, with a word or two in between, or with a typo.

mod analyze;
mod classes;
mod evidence;
pub mod matcher;
mod padding;
mod score;
pub mod vocabulary;
mod words;

pub use analyze::Scratch;
pub use matcher::{Compiled, Detector};
pub use score::{band_of, calibrate, Band};

use crate::rubric::{Kind, Question, Source};
use serde::Serialize;
use std::sync::Arc;

/// The grade of one answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grade {
    pub id: String,
    pub question: String,
    /// 0-100.
    pub score: u32,
    pub band: Band,
    pub points: Vec<PointGrade>,
    /// Labels of the scored points not covered, in rubric order.
    pub missing: Vec<Arc<str>>,
    pub warnings: Vec<String>,
    /// Length of the answer in words.
    pub words: usize,
    /// Weighted share of the rubric covered, 0..1, before calibration and penalties.
    pub coverage: f64,
    pub kind: Kind,
    /// Machine-readable names of the warnings: `keyword-list`, `short`, `echo`, `denied`,
    /// `buzzwords`, `padding`, `generic`.
    pub flags: Vec<&'static str>,
    /// Distinct content words in the sentences that show some point: how much the answer says
    /// about the question, as opposed to its length.
    pub depth: usize,
}

impl Grade {
    /// Scored points not covered, in rubric order: what `missing` lists.
    pub fn missing_points(&self) -> impl Iterator<Item = &PointGrade> {
        self.points.iter().filter(|p| !p.covered && p.weight > 0)
    }

    /// Labels of the points listed but not scored (weight 0) that the answer does not cover.
    pub fn unscored_missing(&self) -> Vec<&str> {
        self.points
            .iter()
            .filter(|p| !p.covered && p.weight == 0)
            .map(|p| &*p.label)
            .collect()
    }
}

/// How one point fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointGrade {
    pub id: Arc<str>,
    pub label: Arc<str>,
    pub source: Source,
    pub weight: u32,
    pub covered: bool,
    /// 0..1.
    pub credit: f64,
    /// The answer's own words that earned the credit, in order of appearance.
    pub evidence: Vec<String>,
    pub hint: Arc<str>,
    /// The guidance item the point stands for, as worded in the guidance.
    pub guidance_item: Option<Arc<str>>,
    pub state: State,
    /// Byte ranges of the evidence in the answer, in order, for highlighting.
    pub spans: Vec<Span>,
    /// What the answer says was not done, quoted, for this point.
    pub denied: Vec<String>,
    /// Why the point is not scored, when it is not.
    pub unscored: Option<Arc<str>>,
}

/// Where a point stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Enough evidence for the point (credit at least 0.6).
    Covered,
    /// Some evidence, not enough.
    Partial,
    /// No evidence.
    Missing,
    /// Listed for the candidate, not scored: no words can show it.
    Unscored,
}

/// A byte range of the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Why an answer could not be graded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GradeError {
    #[error("the answer is empty")]
    Empty,
    #[error("the answer has no words, only symbols or whitespace")]
    NoWords,
}

/// Grades `answer` against question `q`, compiled as `c`. `scratch` caches stems and typo
/// lookups between calls; it never changes the result.
pub fn grade(
    q: &Question,
    c: &Compiled,
    answer: &str,
    scratch: &mut Scratch,
) -> Result<Grade, GradeError> {
    grade_quoting(q, c, answer, scratch, true)
}

/// [`grade`] for a caller that reads only the score, band, missing points, warnings, words and
/// coverage (`rubric batch`): the points' evidence and spans, which none of those depend on,
/// are left empty rather than copied out of the answer.
pub(crate) fn grade_unquoted(
    q: &Question,
    c: &Compiled,
    answer: &str,
    scratch: &mut Scratch,
) -> Result<Grade, GradeError> {
    grade_quoting(q, c, answer, scratch, false)
}

fn grade_quoting(
    q: &Question,
    c: &Compiled,
    answer: &str,
    scratch: &mut Scratch,
    quote: bool,
) -> Result<Grade, GradeError> {
    if answer.trim().is_empty() {
        return Err(GradeError::Empty);
    }
    let a = scratch.analyze(c, answer);
    if a.tokens.is_empty() {
        return Err(GradeError::NoWords);
    }
    let g = score::score(q, c, answer, &a, scratch.lists(), quote);
    scratch.keep(a);
    Ok(g)
}

/// Grades many answers: compiles each question once and keeps the caches warm.
#[derive(Debug, Default)]
pub struct Grader {
    compiled: std::collections::HashMap<String, Compiled>,
    scratch: Scratch,
}

impl Grader {
    pub fn new() -> Self {
        Self::default()
    }

    /// Grades `answer` against `q` with the embedded lexicon.
    pub fn grade(&mut self, q: &Question, answer: &str) -> Result<Grade, GradeError> {
        let scratch = &mut self.scratch;
        let c = self.compiled.entry(q.id.clone()).or_insert_with(|| {
            let (lex, stemmer) = (
                crate::lexicon::Lexicon::embedded(),
                &crate::text::Stemmer::english(),
            );
            Compiled::new_in(q, lex, stemmer, scratch)
        });
        grade(q, c, answer, &mut self.scratch)
    }
}

#[cfg(test)]
mod tests;
