//! Answer files for `rubric check`: which question (or questions) a Markdown or text file
//! answers, the answer text of each, and the graded [`Record`]s. Finding the question, in order:
//!
//! 1. front matter: `---` / `question: sre-13` / `---` (with an optional `min_score: 75`), or
//!    the same keys in TOML between `+++` lines;
//! 2. the file name: an id at the start of the stem (`sre-13.md`, `sre-13-v2.md`);
//! 3. the first heading or line, when it is a question's wording (or starts with its id);
//!
//! and otherwise each `## ` heading that names a question starts one answer. Directives in HTML
//! comments (see [`directive`]) skip a file or an answer, or drop one point from an answer.

mod directive;
mod doc;
mod front;
mod name;
mod record;

pub use directive::Directive;
pub use front::FrontMatter;
pub use record::{grade, Record, Report, Status, Summary, Suppressed};

use crate::catalog::Catalog;
use doc::{Doc, Kind};
use std::ops::Range;

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
        self.resolve_heading(text)
            .map(|q| q.id.clone())
            .map_err(|e| e.to_string())
    }
}

/// A file of answers, split into the answers it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerFile {
    /// The file's own threshold, from its front matter.
    pub min_score: Option<u32>,
    pub pieces: Vec<Piece>,
    /// True when nothing in the file names a question or tries to (a README, a LICENSE): then
    /// `pieces` holds one error saying how to name one. A directory walk passes over such a
    /// file and counts it, unless `--strict`.
    pub names_no_question: bool,
}

/// One answer of a file, or why there is none to grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// 1-based line where the answer (or the problem) starts.
    pub line: usize,
    /// The question's id, when known.
    pub id: Option<String>,
    pub kind: PieceKind,
    /// Points this answer asks not to be graded on, in the order written.
    pub ignores: Vec<Ignore>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PieceKind {
    /// The answer's text.
    Answer(String),
    /// Skipped by a directive; its reason, possibly empty.
    Skip(String),
    /// The file or this part of it cannot be graded.
    Error(String),
}

/// `<!-- rubric: ignore sre-24/g1 (reason) -->`: one point an answer asks not to be graded on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore {
    /// 1-based line of the directive.
    pub line: usize,
    /// The point as written: a full id (`sre-24/g1`) or the part after the `/` (`g1`).
    pub point: String,
    pub reason: String,
}

/// How to say which question a file answers, or that it is not an answer.
pub const HOW_TO_NAME: &str = "name the question in front matter (`question: sre-13`), start the file name with its id (`sre-13.md`), or make the first heading the question or its id (`# sre-13`); if the file is not an answer, add it to `exclude` in rubric.toml or put `<!-- rubric: skip -->` at its top";

const MISPLACED_SKIP: &str = "`<!-- rubric: skip -->` works only at the top of a file or right under an answer's heading, before its text; move it there";

/// Splits a file into answers. `file_name` (without directories) is for rule 2; standard input
/// has none. Never fails: problems are [`PieceKind::Error`] pieces.
pub fn parse(file_name: Option<&str>, text: &str, r: &dyn Resolver) -> AnswerFile {
    parse_with(file_name, None, text, r)
}

/// Parses `text` as one answer to the question with id `id` (`check --question`), which wins
/// over anything the text says; its front matter may still set `min_score`.
pub fn parse_as(id: &str, text: &str, r: &dyn Resolver) -> AnswerFile {
    parse_with(None, Some(id), text, r)
}

/// The lines that answer one question.
struct Section {
    /// 1-based line reported for the answer.
    line: usize,
    id: String,
    /// Lines whose directives belong to this answer.
    scan: Range<usize>,
    /// Lines where a skip directive may stand.
    skip: Range<usize>,
    /// The answer's text.
    body: Range<usize>,
}

/// A part of a multi-answer file: an answer, or a heading that reads as a question but names none.
enum Part {
    Answer(Section),
    Error(usize, String),
}

/// A file that answers no question it names: where, why, and whether it names none at all.
struct Unnamed {
    line: usize,
    message: String,
    names_none: bool,
}

fn parse_with(
    file_name: Option<&str>,
    forced: Option<&str>,
    text: &str,
    r: &dyn Resolver,
) -> AnswerFile {
    let doc = Doc::new(text);
    let mut file = AnswerFile {
        min_score: None,
        pieces: Vec::new(),
        names_no_question: false,
    };
    let (front, start) = match front::split(&doc.lines) {
        Ok(v) => v,
        Err(e) => {
            file.pieces.push(Piece::error(e.line, e.message, None));
            return file;
        }
    };
    file.min_score = front.min_score;
    let len = doc.lines.len();
    // Rules 1 and 2 (or `--question`): the whole file answers one question.
    let own = match (forced, &front.question) {
        (Some(id), _) => Some((1, Ok(id.to_string()))),
        (None, Some((line, q))) => Some((
            *line,
            name::question(q, r)
                .map_err(|e| format!("front matter `question: {q}` names no question: {e}")),
        )),
        (None, None) => match &front.id {
            // `id:` is a site generator's key, but an `id:` holding a question's id was meant
            // as `question:`; grading the file as something else would be a surprise.
            Some((line, v)) if name::id(v, r).is_some() => Some((
                *line,
                Err(format!("front matter `id: {v}` does not name the question: rubric reads `question:` (write `question: {v}`), and leaves `id:` to site generators")),
            )),
            _ => file_name
                .and_then(|n| name::id_from_file_name(n, r))
                .map(|id| (1, Ok(id))),
        },
    };
    // A skip directive at the top skips the whole file, whatever it answers.
    let top = doc.preamble(start);
    if let Some((i, reason)) =
        directives(&doc, top.clone())
            .into_iter()
            .find_map(|(i, d)| match d {
                Ok(Directive::Skip(reason)) => Some((i, reason)),
                _ => None,
            })
    {
        let id = own.and_then(|(_, id)| id.ok());
        file.pieces.push(Piece {
            line: i + 1,
            id,
            kind: PieceKind::Skip(reason),
            ignores: Vec::new(),
        });
        return file;
    }
    let parts = match own {
        Some((line, Err(e))) => {
            file.pieces.push(Piece::error(line, e, None));
            return file;
        }
        Some((line, Ok(id))) => {
            // A leading heading is the file's title, not part of the answer.
            let from = match doc.first_content(start) {
                Some(i) if matches!(doc.kinds[i], Kind::Heading(_)) => i + 1,
                _ => start,
            };
            vec![Part::Answer(Section {
                line,
                id,
                scan: start..len,
                skip: doc.preamble(from),
                body: from..len,
            })]
        }
        None => match by_content(&doc, start, file_name, r) {
            Ok(parts) => parts,
            Err(u) => {
                file.pieces.push(Piece::error(u.line, u.message, None));
                file.names_no_question = u.names_none;
                return file;
            }
        },
    };
    // Directives before the first answer (a multi-answer file's introduction) belong to none.
    let first = parts.iter().map(Part::start).min().unwrap_or(len);
    for (i, d) in directives(&doc, start..first) {
        let message = match d {
            Err(e) => e,
            Ok(Directive::Skip(_)) => MISPLACED_SKIP.to_string(),
            Ok(Directive::Ignore { .. }) => "`<!-- rubric: ignore ... -->` belongs to an answer: put it under the answer's `## ` heading".to_string(),
        };
        file.pieces.push(Piece::error(i + 1, message, None));
    }
    for part in parts {
        file.pieces.push(match part {
            Part::Answer(s) => section_piece(&doc, s),
            Part::Error(line, message) => Piece::error(line, message, None),
        });
    }
    file
}

/// The answer of a section, applying its directives.
fn section_piece(doc: &Doc, s: Section) -> Piece {
    let mut ignores = Vec::new();
    let mut skip = None;
    for (i, d) in directives(doc, s.scan.clone()) {
        match d {
            Err(e) => return Piece::error(i + 1, e, Some(s.id)),
            Ok(Directive::Skip(reason)) if s.skip.contains(&i) => {
                skip.get_or_insert(reason);
            }
            Ok(Directive::Skip(_)) => {
                return Piece::error(i + 1, MISPLACED_SKIP.to_string(), Some(s.id))
            }
            Ok(Directive::Ignore { points, reason }) => {
                ignores.extend(points.into_iter().map(|point| Ignore {
                    line: i + 1,
                    point,
                    reason: reason.clone(),
                }))
            }
        }
    }
    let kind = match skip {
        Some(reason) => {
            ignores.clear();
            PieceKind::Skip(reason)
        }
        None => PieceKind::Answer(doc.body(s.body.start, s.body.end)),
    };
    Piece {
        line: s.line,
        id: Some(s.id),
        kind,
        ignores,
    }
}

/// The `<!-- rubric: ... -->` directives on lines `range`, by 0-based line.
fn directives(doc: &Doc, range: Range<usize>) -> Vec<(usize, Result<Directive, String>)> {
    range
        .filter(|&i| doc.kinds[i] == Kind::Comment)
        .filter_map(|i| directive::parse(doc.lines[i]).map(|d| (i, d)))
        .collect()
}

/// Rule 3 and multi-answer files.
fn by_content(
    doc: &Doc,
    start: usize,
    file_name: Option<&str>,
    r: &dyn Resolver,
) -> Result<Vec<Part>, Unnamed> {
    let len = doc.lines.len();
    let Some(first) = doc.first_content(start) else {
        return Err(Unnamed {
            line: start + 1,
            message: "the file is empty: there is no answer to grade. If it is not meant to be one, add it to `exclude` in rubric.toml or put `<!-- rubric: skip -->` at its top".to_string(),
            names_none: file_name.and_then(name::id_like_prefix).is_none(),
        });
    };
    let first_is_h2 = doc.kinds[first] == Kind::Heading(2);
    if !first_is_h2 {
        if let Ok(id) = name::question(doc.lines[first], r) {
            return Ok(vec![Part::Answer(Section {
                line: first + 1,
                id,
                scan: start..len,
                skip: doc.preamble(first + 1),
                body: first + 1..len,
            })]);
        }
    }
    let parts = sections(doc, start, r);
    if !parts.is_empty() {
        return Ok(parts);
    }
    let why = name::question(doc.lines[first], r)
        .err()
        .unwrap_or_default();
    let mut message =
        format!("cannot tell which question this answers: {why}. To fix it, {HOW_TO_NAME}");
    let prefix = file_name.and_then(name::id_like_prefix);
    if let Some(prefix) = prefix {
        message.push_str(&format!(
            " (the file name starts with `{prefix}`, which is no question's id)"
        ));
    }
    // A first line that reads as a question names one that does not exist; anything else
    // names none at all.
    let tries = prefix.is_some() || name::is_question_like(doc.lines[first]);
    Err(Unnamed {
        line: first + 1,
        message,
        names_none: !tries,
    })
}

/// Each `## ` heading that names a question starts an answer that runs to the next one. Other
/// `## ` headings belong to the answer above, unless they read as a question (end with `?`):
/// then failing to match is reported rather than silently merged.
fn sections(doc: &Doc, start: usize, r: &dyn Resolver) -> Vec<Part> {
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
            Ok(id) => Part::Answer(Section {
                line: i + 1,
                id,
                scan: i..end,
                skip: doc.preamble(i + 1),
                body: i + 1..end,
            }),
            Err(e) => Part::Error(
                i + 1,
                format!(
                    "`{}` reads as a question but matches none closely enough: {e}",
                    doc.lines[i].trim()
                ),
            ),
        })
        .collect()
}

impl Part {
    /// The first line (0-based) of the part.
    fn start(&self) -> usize {
        match self {
            Part::Answer(s) => s.scan.start,
            Part::Error(line, _) => line - 1,
        }
    }
}

impl Piece {
    fn error(line: usize, message: String, id: Option<String>) -> Piece {
        Piece {
            line: line.max(1),
            id,
            kind: PieceKind::Error(message),
            ignores: Vec::new(),
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
            ..
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
        // Right under the title of a one-answer file.
        let p = parse(
            Some("sre-13.md"),
            "# Cascades\n\n<!-- rubric: skip (later) -->\nText",
            &Fake,
        );
        assert_eq!(
            ids(&p),
            vec![(1, Some("sre-13"), &PieceKind::Skip("later".into()))]
        );
        // A marker after the answer has started is an error, not a silent comment.
        let p = parse(Some("sre-13.md"), "Text\n<!-- rubric: skip -->", &Fake);
        assert!(
            matches!(&p.pieces[..], [Piece { line: 2, kind: PieceKind::Error(e), .. }] if e.contains("only at the top")),
            "{p:?}"
        );
    }

    #[test]
    fn unknown_directives_are_errors_for_their_answer() {
        let p = parse(
            Some("week.md"),
            "## sre-13\nRetries.\n<!-- rubric: disable -->\n## sre-12\nSLIs.",
            &Fake,
        );
        assert!(
            matches!(&p.pieces[0], Piece { line: 3, id: Some(id), kind: PieceKind::Error(e), .. } if id == "sre-13" && e.starts_with("unknown rubric directive `disable`")),
            "{p:?}"
        );
        assert_eq!(p.pieces[1].kind, answer("SLIs."));
        // At the top of a file, and in a multi-answer file's introduction.
        let p = parse(Some("sre-13.md"), "<!-- rubric: disable -->\nText", &Fake);
        assert!(matches!(&p.pieces[0].kind, PieceKind::Error(e) if e.contains("`disable`")));
        let p = parse(
            Some("week.md"),
            "# Week\n<!-- rubric: ignore g1 -->\n## sre-13\nText",
            &Fake,
        );
        assert!(
            matches!(&p.pieces[0], Piece { line: 2, kind: PieceKind::Error(e), .. } if e.contains("belongs to an answer")),
            "{p:?}"
        );
        assert_eq!(p.pieces[1].kind, answer("Text"));
        // Other comments are left alone.
        let p = parse(Some("sre-13.md"), "<!-- note -->\nText", &Fake);
        assert_eq!(ids(&p), vec![(1, Some("sre-13"), &answer("Text"))]);
    }

    #[test]
    fn ignore_directives_belong_to_their_answer() {
        let p = parse(
            Some("week.md"),
            "## sre-13\nRetries.\n<!-- rubric: ignore g1, sre-13/s2 (no story) -->\n## sre-12\n<!-- rubric: ignore t1 -->\nSLIs.",
            &Fake,
        );
        let ignores: Vec<Vec<(usize, &str, &str)>> = p
            .pieces
            .iter()
            .map(|x| {
                x.ignores
                    .iter()
                    .map(|i| (i.line, i.point.as_str(), i.reason.as_str()))
                    .collect()
            })
            .collect();
        assert_eq!(
            ignores,
            vec![
                vec![(3, "g1", "no story"), (3, "sre-13/s2", "no story")],
                vec![(5, "t1", "")]
            ]
        );
        assert_eq!(p.pieces[0].kind, answer("Retries."));
    }

    #[test]
    fn a_file_that_names_no_question_is_told_apart_from_one_naming_a_missing_question() {
        for (name, text) in [
            ("README.md", "# Our study group\n\nWe meet on Tuesdays."),
            ("LICENSE.md", "MIT License\n\nCopyright (c) 2026"),
            ("notes.md", ""),
        ] {
            let p = parse(Some(name), text, &Fake);
            assert!(p.names_no_question, "{name}: {p:?}");
            assert!(
                matches!(&p.pieces[..], [Piece { kind: PieceKind::Error(e), .. }] if e.contains("`exclude`") && e.contains("rubric: skip")),
                "{name}: {p:?}"
            );
        }
        for (name, text) in [
            ("sre-99.md", "Text"),
            ("notes.md", "# How do you bake bread?\nFlour."),
            ("notes.md", "---\nquestion: sre-99\n---\nText"),
            ("week.md", "# Week\n## How do you bake bread?\nFlour."),
        ] {
            let p = parse(Some(name), text, &Fake);
            assert!(!p.names_no_question, "{name}: {text}: {p:?}");
            assert!(matches!(p.pieces[0].kind, PieceKind::Error(_)));
        }
    }

    #[test]
    fn front_matter_id_naming_a_question_is_an_error_and_any_other_id_is_left_alone() {
        let p = parse(Some("notes.md"), "---\nid: sre-13\n---\nText", &Fake);
        assert!(
            matches!(&p.pieces[..], [Piece { line: 2, kind: PieceKind::Error(e), .. }] if e.contains("write `question: sre-13`")),
            "{p:?}"
        );
        let p = parse(Some("sre-13.md"), "---\nid: my-doc\n---\nText", &Fake);
        assert_eq!(ids(&p), vec![(1, Some("sre-13"), &answer("Text"))]);
        let p = parse(
            Some("x.md"),
            "---\nid: sre-12\nquestion: sre-13\n---\nText",
            &Fake,
        );
        assert_eq!(ids(&p), vec![(3, Some("sre-13"), &answer("Text"))]);
    }

    #[test]
    fn toml_front_matter_names_the_question() {
        let p = parse(
            Some("notes.md"),
            "+++\ntitle = \"x\"\nquestion = \"sre-13\"\nmin_score = 70\n+++\nText",
            &Fake,
        );
        assert_eq!(p.min_score, Some(70));
        assert_eq!(ids(&p), vec![(3, Some("sre-13"), &answer("Text"))]);
    }

    #[test]
    fn a_question_given_by_the_caller_wins() {
        let p = parse_as(
            "sre-12",
            "---\nquestion: sre-13\nmin_score: 70\n---\n# Title\nText",
            &Fake,
        );
        assert_eq!(p.min_score, Some(70));
        assert_eq!(ids(&p), vec![(1, Some("sre-12"), &answer("Text"))]);
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

    proptest::proptest! {
        /// Files made of the lines rubric reads specially, in any order and with any text
        /// between: parsing never panics, and every piece points at a line of the file.
        #[test]
        fn parsing_never_panics_and_points_into_the_file(
            lines in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("---".to_string()),
                    proptest::strategy::Just("+++".to_string()),
                    proptest::strategy::Just("question: sre-13".to_string()),
                    proptest::strategy::Just("question = \"sre-12\"".to_string()),
                    proptest::strategy::Just("min_score: 99.5".to_string()),
                    proptest::strategy::Just("id: sre-13".to_string()),
                    proptest::strategy::Just("<!-- rubric: skip (x) -->".to_string()),
                    proptest::strategy::Just("<!-- rubric: ignore g1, s2 (y) -->".to_string()),
                    proptest::strategy::Just("<!-- rubric: disable -->".to_string()),
                    proptest::strategy::Just("<!-- rubric: ignore".to_string()),
                    proptest::strategy::Just("<!--".to_string()),
                    proptest::strategy::Just("-->".to_string()),
                    proptest::strategy::Just("## sre-13".to_string()),
                    proptest::strategy::Just("## How do you bake bread?".to_string()),
                    proptest::strategy::Just("# What causes cascading failures?".to_string()),
                    proptest::strategy::Just("```".to_string()),
                    proptest::strategy::Just(String::new()),
                    "\\PC{0,12}",
                ],
                0..24,
            ),
            name in proptest::option::of(proptest::prop_oneof![
                proptest::strategy::Just("sre-13.md"),
                proptest::strategy::Just("sre-99.md"),
                proptest::strategy::Just("notes.md"),
            ]),
        ) {
            let text = lines.join("\n");
            let count = text.lines().count().max(1);
            for p in [parse(name, &text, &Fake), parse_as("sre-12", &text, &Fake)] {
                for piece in &p.pieces {
                    proptest::prop_assert!(piece.line >= 1 && piece.line <= count + 1, "{piece:?} in {count} lines");
                    for ignore in &piece.ignores {
                        proptest::prop_assert!(ignore.line >= 1 && ignore.line <= count);
                    }
                }
                proptest::prop_assert!(!p.names_no_question || p.pieces.len() == 1);
            }
        }
    }
}
