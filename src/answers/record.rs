//! The result of checking one answer of a practice file, and the tally of a run.

use super::{AnswerFile, PieceKind};
use crate::catalog::Catalog;
use crate::config::Effective;
use crate::grade::{Grade, Grader};
use serde::Serialize;

/// What became of one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Scored at or above its threshold.
    Pass,
    /// Scored below its threshold.
    Fail,
    /// Skipped by a `<!-- rubric: skip -->` marker.
    Skip,
    /// Could not be read, matched to a question, or graded.
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Skip => "skip",
            Status::Error => "error",
        }
    }
}

/// One answer's outcome, or one file's error.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The file as the user named or walked it (`<stdin>` for standard input).
    pub path: String,
    /// 1-based line the answer or problem starts on.
    pub line: usize,
    /// The question id, when known.
    pub id: Option<String>,
    pub status: Status,
    /// The threshold applied (graded answers only).
    pub min_score: Option<u32>,
    pub grade: Option<Grade>,
    /// Why it was skipped, or what went wrong.
    pub message: Option<String>,
}

impl Record {
    /// A file-level error: unreadable, binary, not UTF-8, a walk error.
    pub fn error(path: impl Into<String>, line: usize, message: impl Into<String>) -> Record {
        Record {
            path: path.into(),
            line: line.max(1),
            id: None,
            status: Status::Error,
            min_score: None,
            grade: None,
            message: Some(message.into()),
        }
    }
}

/// Counts of a run, by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub answers: usize,
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    pub errors: usize,
}

impl Summary {
    pub fn of(records: &[Record]) -> Summary {
        let mut s = Summary {
            answers: records.len(),
            ..Summary::default()
        };
        for r in records {
            match r.status {
                Status::Pass => s.passed += 1,
                Status::Fail => s.failed += 1,
                Status::Skip => s.skipped += 1,
                Status::Error => s.errors += 1,
            }
        }
        s
    }

    /// `12 answers: 9 passed, 2 failed, 1 skipped`, with `, 1 error` when there were any.
    pub fn line(&self) -> String {
        let noun = if self.answers == 1 {
            "answer"
        } else {
            "answers"
        };
        let mut s = format!(
            "{} {noun}: {} passed, {} failed, {} skipped",
            self.answers, self.passed, self.failed, self.skipped
        );
        if self.errors > 0 {
            s.push_str(&format!(
                ", {} error{}",
                self.errors,
                if self.errors == 1 { "" } else { "s" }
            ));
        }
        s
    }
}

/// Grades every answer of a parsed practice file at `path` against `catalog`, with thresholds
/// from `config` (and the file's own `min_score`).
pub fn grade(
    path: &str,
    practice: &AnswerFile,
    catalog: &Catalog,
    grader: &mut Grader,
    config: &Effective,
) -> Vec<Record> {
    practice
        .pieces
        .iter()
        .map(|piece| {
            let mut r = Record { path: path.to_string(), line: piece.line, id: piece.id.clone(), status: Status::Error, min_score: None, grade: None, message: None };
            match &piece.kind {
                PieceKind::Skip(reason) => {
                    r.status = Status::Skip;
                    r.message = Some(if reason.is_empty() { "skipped by `<!-- rubric: skip -->`".to_string() } else { format!("skipped: {reason}") });
                }
                PieceKind::Error(e) => r.message = Some(e.clone()),
                PieceKind::Answer(text) => {
                    let q = piece.id.as_deref().and_then(|id| catalog.by_id(id).ok().flatten());
                    match q.map(|q| (q, grader.grade(q, text))) {
                        Some((q, Ok(g))) => {
                            let min = config.threshold(&q.id, &q.set, practice.min_score);
                            r.status = if g.score >= min { Status::Pass } else { Status::Fail };
                            r.min_score = Some(min);
                            r.grade = Some(g);
                        }
                        Some((_, Err(e))) => r.message = Some(format!("{e}; write the answer, or mark it `<!-- rubric: skip -->` until it is ready")),
                        None => r.message = Some(format!("question `{}` is not loaded", piece.id.as_deref().unwrap_or("?"))),
                    }
                }
            }
            r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;
    use std::path::Path;

    #[test]
    fn summary_line_counts_and_pluralizes() {
        let mk = |status| Record {
            status,
            ..Record::error("a.md", 1, "x")
        };
        let rs = vec![
            mk(Status::Pass),
            mk(Status::Fail),
            mk(Status::Skip),
            mk(Status::Pass),
        ];
        assert_eq!(
            Summary::of(&rs).line(),
            "4 answers: 2 passed, 1 failed, 1 skipped"
        );
        let rs = vec![mk(Status::Error)];
        assert_eq!(
            Summary::of(&rs).line(),
            "1 answer: 0 passed, 0 failed, 0 skipped, 1 error"
        );
    }

    #[test]
    fn grades_against_the_threshold_in_force() {
        let catalog = Catalog::embedded();
        let strong = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/answers/sre-13-strong.md"
        ))
        .unwrap();
        let text = format!("## sre-13\n{strong}\n## sre-13\nRetries, I guess.\n## sre-12\n<!-- rubric: skip -->\n## sre-12\n\n");
        let practice = super::super::parse(Some("week.md"), &text, &catalog);
        let config = Effective::new(None, &Overrides::default(), Path::new("/"));
        let rs = grade("week.md", &practice, &catalog, &mut Grader::new(), &config);
        let statuses: Vec<Status> = rs.iter().map(|r| r.status).collect();
        assert_eq!(
            statuses,
            vec![Status::Pass, Status::Fail, Status::Skip, Status::Error]
        );
        assert_eq!(rs[0].min_score, Some(60));
        assert!(
            rs[3]
                .message
                .as_deref()
                .unwrap()
                .starts_with("the answer is empty"),
            "{:?}",
            rs[3]
        );
    }
}
