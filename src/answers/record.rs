//! The result of checking one answer of a practice file, and the tally of a run.

use super::{AnswerFile, Ignore, Piece, PieceKind};
use crate::catalog::Catalog;
use crate::config::Effective;
use crate::grade::{Grade, Grader};
use crate::report::count;
use crate::rubric::Question;
use serde::Serialize;
use std::borrow::Cow;

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
    /// Points left out of the grade by `<!-- rubric: ignore ... -->`, in the order written.
    pub suppressed: Vec<Suppressed>,
    /// The text that was graded (graded answers only): what the grade's spans point into.
    pub answer: Option<String>,
}

/// A point an answer was graded without, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppressed {
    /// The point's full id (`sre-24/g1`).
    pub id: String,
    pub label: String,
    /// The reason written in the directive, possibly empty.
    pub reason: String,
    /// 1-based line of the directive.
    pub line: usize,
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
            suppressed: Vec::new(),
            answer: None,
        }
    }
}

/// What one `rubric check` run found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// One record per answer (or per file that could not be checked), in the order checked.
    pub records: Vec<Record>,
    /// Files a directory walk passed over because they name no question (a README, a LICENSE).
    pub no_question: Vec<String>,
}

impl Report {
    /// The counts of the run.
    pub fn summary(&self) -> Summary {
        Summary {
            no_question: self.no_question.len(),
            ..Summary::of(&self.records)
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
    /// Files a walk passed over because they name no question.
    pub no_question: usize,
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

    /// `12 answers: 9 passed, 2 failed, 1 skipped`, with `, 1 error` when there were any and
    /// `; 2 files name no question` when a walk passed over some.
    pub fn line(&self) -> String {
        let mut s = format!(
            "{}: {} passed, {} failed, {} skipped",
            count(self.answers, "answer", "answers"),
            self.passed,
            self.failed,
            self.skipped
        );
        if self.errors > 0 {
            s.push_str(&format!(", {}", count(self.errors, "error", "errors")));
        }
        if self.no_question > 0 {
            s.push_str(&format!(
                "; {} no question",
                count(self.no_question, "file names", "files name")
            ));
        }
        s
    }
}

/// Grades every answer of a parsed file at `path` against `catalog`, with thresholds from
/// `config` (and the file's own `min_score`).
pub fn grade(
    path: &str,
    file: &AnswerFile,
    catalog: &Catalog,
    grader: &mut Grader,
    config: &Effective,
) -> Vec<Record> {
    file.pieces
        .iter()
        .map(|piece| grade_piece(path, piece, file.min_score, catalog, grader, config))
        .collect()
}

fn grade_piece(
    path: &str,
    piece: &Piece,
    file_min: Option<u32>,
    catalog: &Catalog,
    grader: &mut Grader,
    config: &Effective,
) -> Record {
    let mut r = Record {
        id: piece.id.clone(),
        ..Record::error(path, piece.line, "")
    };
    let text = match &piece.kind {
        PieceKind::Skip(reason) => {
            r.status = Status::Skip;
            r.message = Some(if reason.is_empty() {
                "skipped by `<!-- rubric: skip -->`".to_string()
            } else {
                format!("skipped: {reason}")
            });
            return r;
        }
        PieceKind::Error(e) => {
            r.message = Some(e.clone());
            return r;
        }
        PieceKind::Answer(text) => text,
    };
    let id = piece.id.as_deref().unwrap_or("?");
    let Some(q) = catalog.by_id(id).ok().flatten() else {
        r.message = Some(format!("question `{id}` is not loaded"));
        return r;
    };
    let graded = match without(q, &piece.ignores) {
        Err((line, e)) => {
            r.line = line;
            r.message = Some(e);
            return r;
        }
        Ok((Cow::Borrowed(q), _)) => grader.grade(q, text),
        // A rubric with points removed is another rubric: it gets its own grader, since a
        // grader keeps each question's compiled rubric by id.
        Ok((Cow::Owned(kept), suppressed)) => {
            r.suppressed = suppressed;
            Grader::new().grade(&kept, text)
        }
    };
    match graded {
        Ok(g) => {
            let min = config.threshold(&q.id, &q.set, file_min);
            r.status = if g.score >= min {
                Status::Pass
            } else {
                Status::Fail
            };
            r.min_score = Some(min);
            r.message = None;
            r.grade = Some(g);
            r.answer = Some(text.clone());
        }
        Err(e) => {
            r.message = Some(format!(
                "{e}; write the answer, or mark it `<!-- rubric: skip -->` until it is ready"
            ))
        }
    }
    r
}

/// Question `q` without the points `ignores` names, and those points; or the line and message
/// of a directive that names no point of `q`, or of one that leaves nothing to grade.
fn without<'q>(
    q: &'q Question,
    ignores: &[Ignore],
) -> Result<(Cow<'q, Question>, Vec<Suppressed>), (usize, String)> {
    if ignores.is_empty() {
        return Ok((Cow::Borrowed(q), Vec::new()));
    }
    let mut suppressed: Vec<Suppressed> = Vec::new();
    for ig in ignores {
        // The full id (`sre-24/g1`), or the part after the `/` (`g1`).
        let named = |id: &str| {
            id.eq_ignore_ascii_case(&ig.point)
                || id
                    .rsplit_once('/')
                    .is_some_and(|(_, short)| short.eq_ignore_ascii_case(&ig.point))
        };
        let Some(p) = q.points.iter().find(|p| named(&p.id)) else {
            let points: Vec<String> = q
                .points
                .iter()
                .map(|p| format!("{} ({})", p.id, p.label))
                .collect();
            return Err((
                ig.line,
                format!(
                    "`<!-- rubric: ignore {} -->` names no point of {}; its points are {}",
                    ig.point,
                    q.id,
                    points.join(", ")
                ),
            ));
        };
        if !suppressed.iter().any(|s| s.id == p.id) {
            suppressed.push(Suppressed {
                id: p.id.clone(),
                label: p.label.clone(),
                reason: ig.reason.clone(),
                line: ig.line,
            });
        }
    }
    let mut kept = q.clone();
    kept.points
        .retain(|p| !suppressed.iter().any(|s| s.id == p.id));
    if !kept.points.iter().any(|p| p.weight > 0) {
        return Err((
            ignores[0].line,
            format!(
                "every scored point of {} is ignored, so nothing is left to grade; skip the answer instead (`<!-- rubric: skip (reason) -->`)",
                q.id
            ),
        ));
    }
    Ok((Cow::Owned(kept), suppressed))
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
        let report = Report {
            records: rs,
            no_question: vec!["README.md".into()],
        };
        assert_eq!(
            report.summary().line(),
            "1 answer: 0 passed, 0 failed, 0 skipped, 1 error; 1 file names no question"
        );
        let two = Report {
            no_question: vec!["README.md".into(), "LICENSE.md".into()],
            ..Report::default()
        };
        assert_eq!(
            two.summary().line(),
            "0 answers: 0 passed, 0 failed, 0 skipped; 2 files name no question"
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

    /// The ids of sre-30's points, whatever the rubric calls them: (full id, part after `/`).
    fn sre30_points(catalog: &Catalog) -> Vec<(String, String, String)> {
        let q = catalog.by_id("sre-30").unwrap().unwrap();
        q.points
            .iter()
            .map(|p| {
                let short = p.id.rsplit_once('/').map_or(p.id.as_str(), |(_, s)| s);
                (p.id.clone(), short.to_string(), p.label.clone())
            })
            .collect()
    }

    #[test]
    fn ignored_points_are_left_out_of_the_grade_and_recorded() {
        let catalog = Catalog::embedded();
        let config = Effective::new(None, &Overrides::default(), Path::new("/"));
        let points = sre30_points(&catalog);
        let (second, last) = (&points[1], &points[points.len() - 1]);
        // One point by the part after the `/`, one by its full id in another case.
        let text = format!(
            "## sre-30\nCircuit breakers stop calling a failing dependency.\n<!-- rubric: ignore {}, {} (no numbers in my story) -->\n## sre-30\nCircuit breakers stop calling a failing dependency.\n",
            second.1,
            last.0.to_uppercase()
        );
        let file = super::super::parse(Some("w.md"), &text, &catalog);
        let rs = grade("w.md", &file, &catalog, &mut Grader::new(), &config);
        let (with, plain) = (&rs[0], &rs[1]);
        let got: Vec<(&str, &str, &str, usize)> = with
            .suppressed
            .iter()
            .map(|s| (s.id.as_str(), s.label.as_str(), s.reason.as_str(), s.line))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    second.0.as_str(),
                    second.2.as_str(),
                    "no numbers in my story",
                    3
                ),
                (
                    last.0.as_str(),
                    last.2.as_str(),
                    "no numbers in my story",
                    3
                )
            ]
        );
        let (gw, gp) = (with.grade.as_ref().unwrap(), plain.grade.as_ref().unwrap());
        assert_eq!(gw.points.len() + 2, gp.points.len());
        assert!(!gw.points.iter().any(|p| *p.id == *second.0));
        assert!(gw.score >= gp.score, "{} < {}", gw.score, gp.score);
        assert!(plain.suppressed.is_empty());
    }

    #[test]
    fn an_unknown_point_or_ignoring_every_point_is_an_error_at_the_directive() {
        let catalog = Catalog::embedded();
        let config = Effective::new(None, &Overrides::default(), Path::new("/"));
        let points = sre30_points(&catalog);
        let text = "Circuit breakers.\n\n<!-- rubric: ignore no-such-point -->\n";
        let file = super::super::parse(Some("sre-30.md"), text, &catalog);
        let rs = grade("sre-30.md", &file, &catalog, &mut Grader::new(), &config);
        assert_eq!((rs[0].status, rs[0].line), (Status::Error, 3));
        let m = rs[0].message.as_deref().unwrap();
        let expected = format!(
            "`<!-- rubric: ignore no-such-point -->` names no point of sre-30; its points are {} ({})",
            points[0].0, points[0].2
        );
        assert!(m.starts_with(&expected), "{m}");
        let all: Vec<&str> = points.iter().map(|p| p.1.as_str()).collect();
        let text = format!(
            "Circuit breakers.\n<!-- rubric: ignore {} -->\n",
            all.join(" ")
        );
        let file = super::super::parse(Some("sre-30.md"), &text, &catalog);
        let rs = grade("sre-30.md", &file, &catalog, &mut Grader::new(), &config);
        assert_eq!((rs[0].status, rs[0].line), (Status::Error, 2));
        assert!(rs[0]
            .message
            .as_deref()
            .unwrap()
            .contains("nothing is left to grade"));
    }
}
