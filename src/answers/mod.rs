//! Answer files for `rubric check`: which question (or questions) a Markdown or text file answers, the answer text
//! of each, and the graded [`Record`]s of `rubric check`. Finding the question, in order:
//!
//! 1. front matter: `---` / `question: sre-13` / `---` (with an optional `min_score: 75`);
//! 2. the file name: an id at the start of the stem (`sre-13.md`, `sre-13-v2.md`);
//! 3. the first heading or line, when it is a question's wording (or starts with its id);
//!
//! and otherwise each `## ` heading that names a question starts one answer. A
//! `<!-- rubric: skip -->` line at the top of a file (or of an answer) skips it.

mod doc;
mod front;
mod name;
mod record;

pub use front::{skip_marker, FrontMatter};
pub use record::{grade, Record, Status, Summary};

use crate::catalog::Catalog;
use doc::{Doc, Kind};

/// Looks questions up for [`parse`]; [`Catalog`] is the real one.
pub trait Resolver {
    /// The canonical id of the question with id `id` (any case), if there is one.
    fn id(&self, id: &str) -> Option<String>;
    /// The question whose wording `text` is close to, or why none is (naming the closest).
    fn text(&self, text: &str) -> Result<String, String>;
}

impl Resolver for Catalog {
    fn id(&self, id: &str) -> Option<String> {
        self.by_id(id).ok().flatten().map(|q| q.id.clone())
    }

    fn text(&self, text: &str) -> Result<String, String> {
        self.resolve(text)
            .map(|q| q.id.clone())
            .map_err(|e| e.to_string())
    }
}

/// A practice file, split into the answers it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerFile {
    /// The file's own threshold, from its front matter.
    pub min_score: Option<u32>,
    pub pieces: Vec<Piece>,
}

/// One answer of a practice file, or why there is none to grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// 1-based line where the answer (or the problem) starts.
    pub line: usize,
    /// The question's id, when known.
    pub id: Option<String>,
    pub kind: PieceKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PieceKind {
    /// The answer's text.
    Answer(String),
    /// Skipped by a marker; the marker's reason, possibly empty.
    Skip(String),
    /// The file or this part of it cannot be graded.
    Error(String),
}

const HOW_TO_NAME: &str = "name the question in front matter (`question: sre-13`), start the file name with its id (`sre-13.md`), or make the first line the question itself";

/// Splits a practice file into answers. `file_name` (without directories) is for rule 2;
/// standard input has none. Never fails: problems are [`PieceKind::Error`] pieces.
pub fn parse(file_name: Option<&str>, text: &str, r: &dyn Resolver) -> AnswerFile {
    let doc = Doc::new(text);
    let (front, start) = match front::split(&doc.lines) {
        Ok(v) => v,
        Err(e) => {
            return AnswerFile {
                min_score: None,
                pieces: vec![Piece::error(e.line, e.message)],
            }
        }
    };
    let mut p = AnswerFile {
        min_score: front.min_score,
        pieces: Vec::new(),
    };
    // Rules 1 and 2: the whole file answers one question.
    let own = match &front.question {
        Some((line, q)) => Some((
            *line,
            name::question(q, r)
                .map_err(|e| format!("front matter `question: {q}` names no question: {e}")),
        )),
        None => file_name
            .and_then(|n| name::id_from_file_name(n, r))
            .map(|id| (1, Ok(id))),
    };
    if let Some((line, reason)) = doc.skip_at(start) {
        let id = own.and_then(|(_, id)| id.ok());
        p.pieces.push(Piece {
            line: line + 1,
            id,
            kind: PieceKind::Skip(reason),
        });
        return p;
    }
    match own {
        Some((line, Err(e))) => p.pieces.push(Piece::error(line, e)),
        Some((line, Ok(id))) => {
            // A leading heading is the file's title, not part of the answer.
            let from = match doc.first_content(start) {
                Some(i) if matches!(doc.kinds[i], Kind::Heading(_)) => i + 1,
                _ => start,
            };
            p.pieces.push(Piece {
                line,
                id: Some(id),
                kind: PieceKind::Answer(doc.body(from, doc.lines.len())),
            });
        }
        None => p.pieces = by_content(&doc, start, file_name, r),
    }
    p
}

/// Rule 3 and multi-answer files.
fn by_content(doc: &Doc, start: usize, file_name: Option<&str>, r: &dyn Resolver) -> Vec<Piece> {
    let Some(first) = doc.first_content(start) else {
        return vec![Piece::error(
            start + 1,
            "the file is empty: there is no answer to grade".to_string(),
        )];
    };
    let first_is_h2 = doc.kinds[first] == Kind::Heading(2);
    if !first_is_h2 {
        if let Ok(id) = name::question(doc.lines[first], r) {
            return vec![answer(doc, first, id, doc.lines.len())];
        }
    }
    let sections = sections(doc, start, r);
    if !sections.is_empty() {
        return sections;
    }
    let why = name::question(doc.lines[first], r)
        .err()
        .unwrap_or_default();
    let mut message =
        format!("cannot tell which question this answers: {why}. To fix it, {HOW_TO_NAME}");
    if let Some(prefix) = file_name.and_then(name::id_like_prefix) {
        message.push_str(&format!(
            " (the file name starts with `{prefix}`, which is no question's id)"
        ));
    }
    vec![Piece::error(first + 1, message)]
}

/// Each `## ` heading that names a question starts an answer that runs to the next one. Other
/// `## ` headings belong to the answer above, unless they read as a question (end with `?`):
/// then failing to match is reported rather than silently merged.
fn sections(doc: &Doc, start: usize, r: &dyn Resolver) -> Vec<Piece> {
    let mut starts: Vec<(usize, Result<String, String>)> = Vec::new();
    for i in start..doc.lines.len() {
        if doc.kinds[i] != Kind::Heading(2) {
            continue;
        }
        match name::question(doc.lines[i], r) {
            Ok(id) => starts.push((i, Ok(id))),
            Err(e) if name::is_question_like(doc.lines[i]) => starts.push((i, Err(e))),
            Err(_) => {}
        }
    }
    let ends: Vec<usize> = starts
        .iter()
        .skip(1)
        .map(|(i, _)| *i)
        .chain([doc.lines.len()])
        .collect();
    starts
        .into_iter()
        .zip(ends)
        .map(|((i, named), end)| match named {
            Ok(id) => answer(doc, i, id, end),
            Err(e) => Piece::error(
                i + 1,
                format!(
                    "`{}` reads as a question but matches none closely enough: {e}",
                    doc.lines[i].trim()
                ),
            ),
        })
        .collect()
}

/// The answer under the heading or question line at `at`, up to line `end`.
fn answer(doc: &Doc, at: usize, id: String, end: usize) -> Piece {
    let kind = match doc.skip_at(at + 1) {
        Some((_, reason)) => PieceKind::Skip(reason),
        None => PieceKind::Answer(doc.body(at + 1, end)),
    };
    Piece {
        line: at + 1,
        id: Some(id),
        kind,
    }
}

impl Piece {
    fn error(line: usize, message: String) -> Piece {
        Piece {
            line: line.max(1),
            id: None,
            kind: PieceKind::Error(message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three questions: `sre-13` (cascading failures), `sre-12` (SLOs), `sys-01` (rate limiter).
    pub(crate) struct Fake;

    impl Resolver for Fake {
        fn id(&self, id: &str) -> Option<String> {
            ["sre-13", "sre-12", "sys-01"]
                .into_iter()
                .find(|q| q.eq_ignore_ascii_case(id))
                .map(str::to_string)
        }

        fn text(&self, text: &str) -> Result<String, String> {
            let t = text.to_lowercase();
            if t.contains("cascading failures") {
                Ok("sre-13".into())
            } else if t.contains("slo") {
                Ok("sre-12".into())
            } else if t.contains("rate limiter") {
                Ok("sys-01".into())
            } else {
                Err(format!(
                    "unknown question `{text}`; closest: sre-13 (What causes cascading failures?)"
                ))
            }
        }
    }

    fn ids(p: &AnswerFile) -> Vec<(usize, Option<&str>, &PieceKind)> {
        p.pieces
            .iter()
            .map(|x| (x.line, x.id.as_deref(), &x.kind))
            .collect()
    }

    fn answer(s: &str) -> PieceKind {
        PieceKind::Answer(s.to_string())
    }

    #[test]
    fn rule_1_front_matter_wins_over_the_file_name() {
        let p = parse(
            Some("sre-12.md"),
            "---\nquestion: sre-13\nmin_score: 75\n---\n# My notes\n\nRetries amplify load.\n",
            &Fake,
        );
        assert_eq!(p.min_score, Some(75));
        assert_eq!(
            ids(&p),
            vec![(2, Some("sre-13"), &answer("Retries amplify load."))]
        );
        let p = parse(
            None,
            "---\nquestion: What causes cascading failures?\n---\nBody",
            &Fake,
        );
        assert_eq!(ids(&p), vec![(2, Some("sre-13"), &answer("Body"))]);
        let p = parse(None, "---\nquestion: how do I bake bread\n---\nBody", &Fake);
        assert!(
            matches!(&p.pieces[0].kind, PieceKind::Error(e) if e.starts_with("front matter `question: how do I bake bread` names no question"))
        );
        assert_eq!(p.pieces[0].line, 2);
    }

    #[test]
    fn rule_2_file_name_makes_the_whole_file_one_answer() {
        let p = parse(
            Some("sre-13-v2.md"),
            "# Cascading failures\n\nBody one.\n\n## What about SLOs?\n\nBody two.",
            &Fake,
        );
        assert_eq!(
            ids(&p),
            vec![(
                1,
                Some("sre-13"),
                &answer("Body one.\n\n## What about SLOs?\n\nBody two.")
            )]
        );
    }

    #[test]
    fn rule_3_first_heading_or_line_is_the_question() {
        let p = parse(
            Some("notes.md"),
            "# What causes cascading failures?\n\nRetries.\n## Prevention\nBreakers.",
            &Fake,
        );
        assert_eq!(
            ids(&p),
            vec![(
                1,
                Some("sre-13"),
                &answer("Retries.\n## Prevention\nBreakers.")
            )]
        );
        let p = parse(
            None,
            "\nHow would you design a rate limiter?\nToken buckets.",
            &Fake,
        );
        assert_eq!(
            ids(&p),
            vec![(2, Some("sys-01"), &answer("Token buckets."))]
        );
    }

    #[test]
    fn an_unmatched_file_is_an_error_naming_candidates_and_the_fixes() {
        let p = parse(
            Some("sre-99-notes.md"),
            "# Bread baking\n\nFlour and water.",
            &Fake,
        );
        let [Piece {
            line: 1,
            id: None,
            kind: PieceKind::Error(e),
        }] = p.pieces.as_slice()
        else {
            panic!("{p:?}")
        };
        assert!(e.contains("closest: sre-13"), "{e}");
        assert!(e.contains("front matter"), "{e}");
        assert!(e.contains("starts with `sre-99`"), "{e}");
        let p = parse(Some("x.md"), "\n\n<!-- only a comment -->\n", &Fake);
        assert!(matches!(&p.pieces[0].kind, PieceKind::Error(e) if e.contains("empty")));
    }

    #[test]
    fn several_answers_one_per_question_heading() {
        let text = "# Week 3\n\nIntro that is not graded.\n\n## sre-13\n\nRetries.\n\n## Prevention\n\nBreakers.\n\n## How would you define an SLO?\n\nUser journeys.\n";
        let p = parse(Some("week-3.md"), text, &Fake);
        assert_eq!(
            ids(&p),
            vec![
                (
                    5,
                    Some("sre-13"),
                    &answer("Retries.\n\n## Prevention\n\nBreakers.")
                ),
                (13, Some("sre-12"), &answer("User journeys."))
            ]
        );
    }

    #[test]
    fn a_question_like_heading_that_matches_nothing_is_reported_in_place() {
        let p = parse(
            Some("week-3.md"),
            "## sre-13\nRetries.\n## How do you bake bread?\nFlour.\n## sys-01\nBuckets.",
            &Fake,
        );
        let lines: Vec<usize> = p.pieces.iter().map(|x| x.line).collect();
        assert_eq!(lines, vec![1, 3, 5]);
        assert!(
            matches!(&p.pieces[1].kind, PieceKind::Error(e) if e.contains("reads as a question"))
        );
        assert_eq!(p.pieces[2].kind, answer("Buckets."));
    }

    #[test]
    fn skip_markers_skip_a_file_or_one_answer() {
        let p = parse(
            Some("sre-13.md"),
            "<!-- rubric: skip (draft) -->\n# Title\nText",
            &Fake,
        );
        assert_eq!(
            ids(&p),
            vec![(1, Some("sre-13"), &PieceKind::Skip("draft".into()))]
        );
        let p = parse(
            Some("x.md"),
            "---\nmin_score: 70\n---\n\n<!-- rubric: skip -->\nAnything at all",
            &Fake,
        );
        assert_eq!(ids(&p), vec![(5, None, &PieceKind::Skip(String::new()))]);
        let p = parse(
            Some("week.md"),
            "## sre-13\n<!-- rubric: skip -->\nTODO\n## sre-12\nSLIs.",
            &Fake,
        );
        assert_eq!(
            ids(&p),
            vec![
                (1, Some("sre-13"), &PieceKind::Skip(String::new())),
                (4, Some("sre-12"), &answer("SLIs."))
            ]
        );
        // A marker after the answer has started is just a comment.
        let p = parse(Some("sre-13.md"), "Text\n<!-- rubric: skip -->", &Fake);
        assert_eq!(ids(&p), vec![(1, Some("sre-13"), &answer("Text"))]);
    }

    #[test]
    fn headings_in_code_blocks_do_not_split_answers() {
        let p = parse(Some("w.md"), "## sre-13\n```\n## sre-12\n```\nText", &Fake);
        assert_eq!(
            ids(&p),
            vec![(1, Some("sre-13"), &answer("```\n## sre-12\n```\nText"))]
        );
    }

    #[test]
    fn a_bad_front_matter_is_an_error_for_the_file() {
        let p = parse(Some("sre-13.md"), "---\nmin_score: high\n---\nText", &Fake);
        assert!(matches!(
            &p.pieces[..],
            [Piece {
                line: 2,
                kind: PieceKind::Error(_),
                ..
            }]
        ));
    }
}
