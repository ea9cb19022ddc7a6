//! The rubric format: what `rubric build` writes and every other command reads. Read strictly
//! (unknown fields are errors) so a typo in a hand-edited rubric never passes silently.

pub mod facets;
pub mod source;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Version written into every rubric file; bumped when the format changes incompatibly.
pub const FORMAT: &str = "rubric/1";

/// One rubric file: the rubrics of one question set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RubricFile {
    /// Always `rubric/1`.
    pub format: String,
    /// Set id (the seed file's stem), e.g. `sre`.
    pub set: String,
    /// Human title of the set, from the first line of its page.
    pub title: String,
    /// The file name of the bank the set was built from (`sre.txt`).
    pub source: String,
    pub questions: Vec<Question>,
}

/// The rubric of one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// `<set>-<NN>`, e.g. `sre-13`.
    pub id: String,
    pub set: String,
    /// Position in the set, from 1.
    pub number: usize,
    pub question: String,
    /// The interviewer's guidance ("In your answer, ..."), or null when the page has none.
    pub guidance: Option<String>,
    pub sample_answer: String,
    pub kind: Kind,
    pub points: Vec<Point>,
    /// The guidance split into the things it asks for, each as worded in the guidance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// True when a person reviewed the rubric's source against the guidance and sample answer;
    /// false for one drafted by heuristics.
    #[serde(default)]
    pub reviewed: bool,
}

/// What sort of question it is; behavioral answers are also checked for a concrete story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// "Tell me about a time...", "Share an example...", "Describe a situation...".
    Behavioral,
    /// "Why this role?", "Why are you excited...".
    Motivational,
    /// Everything else: design, process, troubleshooting.
    Technical,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Behavioral => "behavioral",
            Kind::Motivational => "motivational",
            Kind::Technical => "technical",
        }
    }
}

/// One thing an interviewer listens for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// `<question id>/<name>`, e.g. `sre-24/timeouts`: a name written in the rubric source, stable
    /// across edits.
    pub id: String,
    /// Short phrase a candidate understands ("Timeouts and bounded retries").
    pub label: String,
    pub source: Source,
    /// The guidance item the point stands for, as worded in the guidance ("availability patterns").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance_item: Option<String>,
    /// Why the point is listed but not scored (weight 0): no words can show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unscored: Option<String>,
    /// Relative importance within the question (guidance points weigh more). 0 lists the point
    /// for the candidate without scoring it: the grader cannot check it reliably.
    pub weight: u32,
    /// Words and phrases that show the point. Each entry is one piece of evidence, its ways of
    /// saying it separated by ` | `; `a + b` needs both in one sentence; `#name` is a detector
    /// (`#number`, `#result`, ...).
    pub terms: Vec<String>,
    /// Weaker evidence (common words, words of the question itself): each counts 0.15 of a
    /// term, and together at most 0.45 of the point's need, so they never cover it alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// What to add when the point is missing.
    pub hint: String,
    /// Evidence for full credit, in strong terms (a related term counts 0.15). When absent: 1,
    /// or 1.5 for a sample point with three or more distinct terms and 2 with six or more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need: Option<f64>,
    /// The shared facet the point is drawn from (`motivation-role`, `result`, ...), when it is
    /// one: the grader treats some facets as a kind of answer needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facet: Option<String>,
}

/// Where a point comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A thing the interviewer's guidance asks for.
    Guidance,
    /// A claim or technique of the sample answer.
    Sample,
    /// A property of a good answer's shape (a concrete situation, a measurable result).
    Structure,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Guidance => "guidance",
            Source::Sample => "sample",
            Source::Structure => "structure",
        }
    }
}

/// A rubric file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RubricError {
    #[error("{path}: {cause}")]
    Io {
        path: PathBuf,
        /// Shown in the message, and not chained as a source, so it prints once.
        cause: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// Parses and validates one rubric file's text; `path` names it in errors.
pub fn parse_file(path: &Path, text: &str) -> Result<RubricFile, RubricError> {
    let file: RubricFile = serde_json::from_str(text).map_err(|e| RubricError::Json {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    validate(&file).map_err(|message| RubricError::Invalid {
        path: path.to_path_buf(),
        message,
    })?;
    Ok(file)
}

/// Reads and parses a rubric file from disk.
pub fn read_file(path: &Path) -> Result<RubricFile, RubricError> {
    let text = std::fs::read_to_string(path).map_err(|cause| RubricError::Io {
        path: path.to_path_buf(),
        cause,
    })?;
    parse_file(path, &text)
}

/// Serializes a rubric file exactly as `rubric build` writes it (pretty JSON, trailing newline).
pub fn to_json(file: &RubricFile) -> String {
    let mut s = serde_json::to_string_pretty(file).expect("rubric serializes");
    s.push('\n');
    s
}

/// Checks what the JSON types cannot: ids unique, sets consistent, every question gradable.
pub fn validate(f: &RubricFile) -> Result<(), String> {
    if f.format != FORMAT {
        return Err(format!(
            "unsupported format `{}` (expected `{FORMAT}`)",
            f.format
        ));
    }
    let mut ids = std::collections::BTreeSet::new();
    for q in &f.questions {
        if !ids.insert(q.id.to_ascii_lowercase()) {
            return Err(format!("duplicate question id `{}`", q.id));
        }
        if q.set != f.set {
            return Err(format!(
                "question `{}` has set `{}` in a file of set `{}`",
                q.id, q.set, f.set
            ));
        }
        if q.question.trim().is_empty() {
            return Err(format!("question `{}` has no question text", q.id));
        }
        if q.points.iter().all(|p| p.weight == 0) {
            return Err(format!("question `{}` has no scored points", q.id));
        }
        for p in &q.points {
            if p.terms
                .iter()
                .chain(&p.related)
                .any(|t| t.trim().is_empty())
            {
                return Err(format!("point `{}` has an empty term", p.id));
            }
            if p.terms.is_empty() && p.related.is_empty() {
                return Err(format!("point `{}` has no terms", p.id));
            }
            if p.need.is_some_and(|n| !(n > 0.0 && n <= 100.0)) {
                return Err(format!("point `{}` needs a `need` between 0 and 100", p.id));
            }
        }
    }
    Ok(())
}

/// serde_json appends " at line L column C"; the error already carries both.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// JSON schema of the rubric format, as committed in `docs/rubric.schema.json`.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(RubricFile);
    let mut s = serde_json::to_string_pretty(&schema).expect("schema serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> RubricFile {
        RubricFile {
            format: FORMAT.into(),
            set: "t".into(),
            title: "T".into(),
            source: "t.txt".into(),
            questions: vec![Question {
                id: "t-01".into(),
                set: "t".into(),
                number: 1,
                question: "Why?".into(),
                guidance: None,
                sample_answer: "Because.".into(),
                kind: Kind::Technical,
                items: vec![],
                reviewed: false,
                points: vec![Point {
                    facet: None,
                    id: "t-01/s1".into(),
                    label: "because".into(),
                    source: Source::Sample,
                    guidance_item: None,
                    unscored: None,
                    weight: 1,
                    terms: vec!["because".into()],
                    related: vec![],
                    hint: "Say why.".into(),
                    need: None,
                }],
            }],
        }
    }

    #[test]
    fn round_trips() {
        let f = sample();
        let text = to_json(&f);
        assert_eq!(parse_file(Path::new("t.json"), &text).unwrap(), f);
    }

    #[test]
    fn unknown_field_names_file_line_and_column() {
        let text = to_json(&sample()).replace("\"title\"", "\"colour\": 1,\n  \"title\"");
        let e = parse_file(Path::new("r/t.json"), &text)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("r/t.json:4:"), "{e}");
        assert!(e.contains("unknown field `colour`"), "{e}");
    }

    #[test]
    fn semantic_errors_are_reported() {
        let mut f = sample();
        f.questions[0].points[0].terms.clear();
        let e = parse_file(Path::new("t.json"), &to_json(&f))
            .unwrap_err()
            .to_string();
        assert_eq!(e, "t.json: point `t-01/s1` has no terms");
    }
}
