//! Parses a JSON Lines question bank: one object a line with `id`, `question`, optional
//! `guidance`, and `answer` (the reference answer). Blank lines are skipped.

use super::{squash, Bank, SeedError, SeedQuestion};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    id: String,
    question: String,
    #[serde(default)]
    guidance: Option<String>,
    answer: String,
}

pub(super) fn parse(path: &Path, set: &str, text: &str) -> Result<Bank, SeedError> {
    let mut questions = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let l: Line = serde_json::from_str(raw)
            .map_err(|e| SeedError::parse(path, line, format!("invalid question object: {e}")))?;
        let id = l.id.trim().to_ascii_lowercase();
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        {
            return Err(SeedError::parse(
                path,
                line,
                format!(
                    "invalid id `{}`: use letters, digits, `-`, `_` or `.`",
                    l.id
                ),
            ));
        }
        if !seen.insert(id.clone()) {
            return Err(SeedError::parse(path, line, format!("duplicate id `{id}`")));
        }
        let question = squash(&l.question);
        let answer = l.answer.trim().to_string();
        if question.is_empty() || answer.is_empty() {
            return Err(SeedError::parse(
                path,
                line,
                format!("`{id}` needs a non-empty question and answer"),
            ));
        }
        let guidance = l.guidance.map(|g| squash(&g)).filter(|g| !g.is_empty());
        questions.push(SeedQuestion {
            number: questions.len() + 1,
            id: Some(id),
            question,
            guidance,
            answer,
            line,
        });
    }
    if questions.is_empty() {
        return Err(SeedError::parse(
            path,
            1,
            "no questions in this JSON Lines bank",
        ));
    }
    let title = format!("{set} questions");
    Ok(Bank {
        set: set.to_string(),
        title,
        questions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_objects_and_rejects_bad_lines() {
        let ok = "{\"id\":\"Q1\",\"question\":\"Why?\",\"answer\":\"Because.\"}\n\n{\"id\":\"q2\",\"question\":\"How?\",\"guidance\":\"In your answer, say how.\",\"answer\":\"So.\"}\n";
        let b = parse(Path::new("b.jsonl"), "b", ok).unwrap();
        assert_eq!(b.questions.len(), 2);
        assert_eq!(b.questions[0].id.as_deref(), Some("q1"));
        assert_eq!(b.questions[1].line, 3);
        let e = parse(
            Path::new("b.jsonl"),
            "b",
            "{\"id\":\"q\",\"question\":\"x\",\"answer\":\"y\",\"extra\":1}",
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("b.jsonl:1: invalid question object"), "{e}");
        let e = parse(Path::new("b.jsonl"), "b", &ok.replace("q2", "q1"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("duplicate id"), "{e}");
    }
}
