//! Rubric source: one TOML file per question (`rubrics/<set>/<id>.toml`) that people edit and
//! review in diffs. Read strictly, every problem reported with its file and line; written back
//! in one canonical layout so a draft and a reviewed file differ only where a person changed them.

use super::Kind;
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One question's rubric as people write it. The question, guidance and sample answer are copies
/// of the bank's, kept here so a reviewer sees what the points were written against and `rubric
/// build` can tell when the bank changed since.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    pub question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    /// The guidance split into the things it asks for, each as worded in the guidance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    pub kind: Kind,
    /// False for a draft nobody has checked against the guidance and sample answer yet.
    pub reviewed: bool,
    pub sample: String,
    #[serde(default, rename = "point")]
    pub points: Vec<SourcePoint>,
    /// Answers the rubric must grade as stated: documentation and a test in one.
    #[serde(default, rename = "example", skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
}

/// One concept an interviewer listens for.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourcePoint {
    /// Short stable name, `[a-z0-9-]+`, unique within the question: `sre-24/timeouts`.
    pub id: String,
    /// A shared facet of `rubrics/facets.toml` (a story's situation, its result, ...): label,
    /// evidence and hint come from there unless given here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The guidance item this point stands for, one of `items`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    /// Relative importance; default 2 for a guidance item, 1 otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    /// Distinct pieces of evidence for full credit; default 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need: Option<f64>,
    /// Words and phrases that show the point (`a + b`: both in one sentence; `#name`: a detector).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Weak evidence: adds to strong evidence, never covers the point alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weak: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Why no words can show this point; makes it listed but not scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unscored: Option<String>,
    /// Where the point comes from, when neither `guidance` nor `facet` says: `sample` (default)
    /// or `structure`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<super::Source>,
}

/// An answer with the score range the rubric must give it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// What the example is (`strong story in other words`, `names without explaining`).
    pub what: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    pub answer: String,
}

/// A source file that could not be read or does not hold together.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: {cause}")]
    Io {
        path: PathBuf,
        /// Shown in the message, and not chained as a source, so it prints once.
        cause: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Invalid {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

impl SourceError {
    pub fn at(path: &Path, line: usize, message: impl Into<String>) -> Self {
        SourceError::Invalid {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

/// Reads and parses one source file.
pub fn read(path: &Path) -> Result<SourceFile, Vec<SourceError>> {
    let text = std::fs::read_to_string(path).map_err(|cause| {
        vec![SourceError::Io {
            path: path.to_path_buf(),
            cause,
        }]
    })?;
    parse(path, &text)
}

/// Parses a source file's text and checks what the types cannot; every problem is reported.
pub fn parse(path: &Path, text: &str) -> Result<SourceFile, Vec<SourceError>> {
    let src: SourceFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        vec![SourceError::at(path, line, e.message().trim_end())]
    })?;
    let src = normalize(src);
    let problems: Vec<SourceError> = validate(&src)
        .into_iter()
        .map(|(point, message)| {
            let line = point.map_or(1, |k| point_line(text, k));
            SourceError::at(path, line, message)
        })
        .collect();
    if problems.is_empty() {
        Ok(src)
    } else {
        Err(problems)
    }
}

/// Problems as (index of the point they concern, message).
fn validate(src: &SourceFile) -> Vec<(Option<usize>, String)> {
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for item in &src.items {
        let in_guidance = src
            .guidance
            .as_deref()
            .is_some_and(|g| g.to_lowercase().contains(&item.to_lowercase()));
        if !in_guidance {
            out.push((
                None,
                format!("item `{item}` is not worded as in the guidance"),
            ));
        }
    }
    for (k, p) in src.points.iter().enumerate() {
        let mut bad = |m: String| out.push((Some(k), m));
        if p.id.is_empty()
            || !p
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            bad(format!(
                "point id `{}` must be lowercase letters, digits and `-`",
                p.id
            ));
        }
        if !seen.insert(p.id.as_str()) {
            bad(format!("point id `{}` is used twice", p.id));
        }
        if p.facet.is_none() && p.label.as_deref().is_none_or(|l| l.trim().is_empty()) {
            bad(format!("point `{}` needs a `label`", p.id));
        }
        if p.facet.is_none() && p.hint.as_deref().is_none_or(|h| h.trim().is_empty()) {
            bad(format!("point `{}` needs a `hint`", p.id));
        }
        if p.facet.is_none() && p.evidence.is_empty() && p.unscored.is_none() {
            bad(format!(
                "point `{}` needs `evidence` (or `unscored` with the reason)",
                p.id
            ));
        }
        if let Some(item) = &p.guidance {
            if !src.items.contains(item) {
                bad(format!(
                    "point `{}`: guidance item `{item}` is not one of `items`",
                    p.id
                ));
            }
        }
        if p.need.is_some_and(|n| !(n > 0.0 && n <= 20.0)) {
            bad(format!(
                "point `{}`: `need` must be above 0 and at most 20",
                p.id
            ));
        }
        if p.evidence
            .iter()
            .chain(&p.weak)
            .any(|t| t.trim().is_empty())
        {
            bad(format!("point `{}` has an empty evidence term", p.id));
        }
    }
    for item in &src.items {
        if !src.points.iter().any(|p| p.guidance.as_ref() == Some(item)) {
            out.push((None, format!("guidance item `{item}` has no point")));
        }
    }
    for e in &src.examples {
        if e.min.is_none() && e.max.is_none() {
            out.push((None, format!("example `{}` needs `min` or `max`", e.what)));
        }
    }
    out
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Line of the `k`th `[[point]]` table, for messages about that point.
fn point_line(text: &str, k: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[point]]")
        .nth(k)
        .map_or(1, |(n, _)| n + 1)
}

/// The source in its canonical layout: header comment, question texts, then points and examples.
pub fn to_toml(id: &str, src: &SourceFile) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Rubric source for {id}. Edit, then run `rubric build`; the format is in docs/rubric-source.md."
    );
    kv(&mut s, "question", &src.question);
    if let Some(g) = &src.guidance {
        kv(&mut s, "guidance", g);
        list(&mut s, "items", &src.items);
    }
    let _ = writeln!(s, "kind = \"{}\"", src.kind.as_str());
    let _ = writeln!(s, "reviewed = {}", src.reviewed);
    long(&mut s, "sample", &src.sample);
    for p in &src.points {
        s.push_str("\n[[point]]\n");
        kv(&mut s, "id", &p.id);
        opt(&mut s, "facet", &p.facet);
        opt(&mut s, "label", &p.label);
        opt(&mut s, "guidance", &p.guidance);
        if let Some(f) = p.from {
            let _ = writeln!(s, "from = \"{}\"", f.as_str());
        }
        if let Some(w) = p.weight {
            let _ = writeln!(s, "weight = {w}");
        }
        if let Some(n) = p.need {
            let _ = writeln!(s, "need = {n}");
        }
        list(&mut s, "evidence", &p.evidence);
        list(&mut s, "weak", &p.weak);
        opt(&mut s, "hint", &p.hint);
        opt(&mut s, "unscored", &p.unscored);
    }
    for e in &src.examples {
        s.push_str("\n[[example]]\n");
        kv(&mut s, "what", &e.what);
        if let Some(m) = e.min {
            let _ = writeln!(s, "min = {m}");
        }
        if let Some(m) = e.max {
            let _ = writeln!(s, "max = {m}");
        }
        long(&mut s, "answer", &e.answer);
    }
    s
}

fn quote(v: &str) -> String {
    toml::Value::String(v.to_string()).to_string()
}

fn kv(s: &mut String, key: &str, v: &str) {
    let _ = writeln!(s, "{key} = {}", quote(v));
}

fn opt(s: &mut String, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        kv(s, key, v);
    }
}

/// Lists short enough for one line stay on one; longer ones get a line per entry.
fn list(s: &mut String, key: &str, v: &[String]) {
    if v.is_empty() {
        return;
    }
    let items: Vec<String> = v.iter().map(|t| quote(t)).collect();
    let one = format!("{key} = [{}]", items.join(", "));
    if one.chars().count() <= 100 {
        let _ = writeln!(s, "{one}");
    } else {
        let _ = writeln!(s, "{key} = [");
        for i in items {
            let _ = writeln!(s, "  {i},");
        }
        s.push_str("]\n");
    }
}

/// A multi-line literal string where the text allows one (no `'''`, no control characters),
/// else a quoted string.
fn long(s: &mut String, key: &str, v: &str) {
    let literal_ok = !v.contains("'''")
        && !v.ends_with('\'')
        && !v.chars().any(|c| c.is_control() && c != '\n' && c != '\t');
    if literal_ok {
        let _ = writeln!(s, "{key} = '''\n{v}\n'''");
    } else {
        kv(s, key, v);
    }
}

/// A multi-line literal string ends in the newline before its closing quotes; the value does
/// not. Parsing strips the first newline only, so the last one is dropped here.
fn normalize(mut src: SourceFile) -> SourceFile {
    let trim = |s: &mut String| {
        if s.ends_with('\n') {
            s.pop();
        }
    };
    trim(&mut src.sample);
    for e in &mut src.examples {
        trim(&mut e.answer);
    }
    src
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SourceFile {
        SourceFile {
            question: "Why \"retry\"?".into(),
            guidance: Some("In your answer, cover backoff and jitter.".into()),
            items: vec!["backoff".into(), "jitter".into()],
            kind: Kind::Technical,
            reviewed: false,
            sample: "Retries back off.\n\n- With jitter.".into(),
            points: vec![
                SourcePoint {
                    id: "backoff".into(),
                    label: Some("Exponential backoff".into()),
                    guidance: Some("backoff".into()),
                    evidence: vec!["exponential backoff".into(), "retry + delay".into()],
                    hint: Some("Say how retries wait longer each time.".into()),
                    ..Default::default()
                },
                SourcePoint {
                    id: "jitter".into(),
                    label: Some("Jitter".into()),
                    guidance: Some("jitter".into()),
                    need: Some(1.5),
                    evidence: vec!["jitter".into()],
                    hint: Some("Say why retries are randomized.".into()),
                    ..Default::default()
                },
            ],
            examples: vec![Example {
                what: "names only".into(),
                min: None,
                max: Some(39),
                answer: "Backoff. Jitter.".into(),
            }],
        }
    }

    #[test]
    fn canonical_text_round_trips() {
        let text = to_toml("t-01", &sample());
        let back = parse(Path::new("t-01.toml"), &text).unwrap();
        assert_eq!(back, sample());
        assert_eq!(to_toml("t-01", &back), text);
    }

    #[test]
    fn problems_name_the_line_of_their_point() {
        let mut s = sample();
        s.points[1].id = "backoff".into();
        s.points[1].guidance = Some("retries".into());
        let text = to_toml("t-01", &s);
        let errs: Vec<String> = parse(Path::new("r/t-01.toml"), &text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        let line = text
            .lines()
            .enumerate()
            .filter(|(_, l)| *l == "[[point]]")
            .nth(1)
            .unwrap()
            .0
            + 1;
        assert!(
            errs.contains(&format!(
                "r/t-01.toml:{line}: point id `backoff` is used twice"
            )),
            "{errs:?}"
        );
        assert!(
            errs.iter()
                .any(|e| e.contains("guidance item `jitter` has no point")),
            "{errs:?}"
        );
        assert!(
            errs.iter()
                .any(|e| e.contains("`retries` is not one of `items`")),
            "{errs:?}"
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_their_line() {
        let text =
            to_toml("t-01", &sample()).replace("reviewed = false", "reviewed = false\ncolour = 1");
        let e = parse(Path::new("t.toml"), &text).unwrap_err();
        let line = text.lines().position(|l| l == "colour = 1").unwrap() + 1;
        assert!(
            e[0].to_string()
                .starts_with(&format!("t.toml:{line}: unknown field `colour`")),
            "{}",
            e[0]
        );
    }
}
