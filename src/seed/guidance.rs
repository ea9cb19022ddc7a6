//! Parses a guidance page: a title, a list of questions, then one block per question separated
//! by `-` lines, each with the question, a paragraph holding the interviewer's guidance
//! ("In your answer, ..."), and `Answer Example: "..."`.

use super::{squash, Bank, SeedError, SeedQuestion};
use std::path::Path;

const LIST_MARKER: &str = "Interview Questions for ";
const ANSWER_PREFIX: &str = "Answer Example:";
const GUIDANCE_START: &str = "In your answer";
const FEEDBACK_LINE: &str = "Help us improve this answer.";

pub(super) fn parse(path: &Path, set: &str, text: &str) -> Result<Bank, SeedError> {
    let lines: Vec<&str> = text.lines().collect();
    let title = lines
        .first()
        .map(|l| squash(l))
        .filter(|t| !t.is_empty())
        .ok_or_else(|| SeedError::parse(path, 1, "empty page: the first line must be the title"))?;

    let list_at = lines
        .iter()
        .position(|l| l.trim_start().starts_with(LIST_MARKER))
        .ok_or_else(|| {
            SeedError::parse(
                path,
                1,
                format!("no `{LIST_MARKER}...` line before the question list"),
            )
        })?;

    // The list runs to the first block separator.
    let mut listed: Vec<(usize, String)> = Vec::new();
    let mut i = list_at + 1;
    while i < lines.len() && !is_separator(lines[i]) {
        let l = squash(lines[i]);
        if !l.is_empty() {
            listed.push((i + 1, l));
        }
        i += 1;
    }
    if listed.is_empty() {
        return Err(SeedError::parse(
            path,
            list_at + 1,
            "the question list is empty",
        ));
    }

    // Blocks: runs of lines between separators.
    let mut blocks: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut current: Vec<(usize, &str)> = Vec::new();
    for (n, raw) in lines.iter().enumerate().skip(i) {
        let line = strip_feedback(raw);
        if is_separator(raw) {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !line.trim().is_empty() {
            current.push((n + 1, line));
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }

    let mut questions = Vec::with_capacity(blocks.len());
    for (k, block) in blocks.iter().enumerate() {
        let number = k + 1;
        let (qline, qtext) = block[0];
        let question = squash(qtext);
        let answer_at = block.iter().position(|(_, l)| l.trim_start().starts_with(ANSWER_PREFIX)).ok_or_else(|| {
            SeedError::parse(path, qline, format!("question {number} (\"{}\") has no `{ANSWER_PREFIX}` line: is the block truncated?", short(&question)))
        })?;
        let (aline, atext) = block[answer_at];
        let answer = unquote(atext.trim_start()[ANSWER_PREFIX.len()..].trim());
        if answer.is_empty() {
            return Err(SeedError::parse(
                path,
                aline,
                format!("question {number} has an empty answer example"),
            ));
        }
        if answer_at + 1 < block.len() {
            let (l, _) = block[answer_at + 1];
            return Err(SeedError::parse(
                path,
                l,
                format!("unexpected text after the answer example of question {number}"),
            ));
        }
        let paragraph = squash(
            &block[1..answer_at]
                .iter()
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join(" "),
        );
        let guidance = paragraph
            .find(GUIDANCE_START)
            .map(|at| paragraph[at..].to_string());
        match listed.get(k) {
            Some((_, listed_q)) if *listed_q == question => {}
            Some((lline, listed_q)) => {
                return Err(SeedError::parse(
                    path,
                    qline,
                    format!("question {number} (\"{}\") differs from entry {number} of the list at line {lline} (\"{}\")", short(&question), short(listed_q)),
                ))
            }
            None => return Err(SeedError::parse(path, qline, format!("question {number} is not in the question list ({} entries)", listed.len()))),
        }
        questions.push(SeedQuestion {
            number,
            id: None,
            question,
            guidance,
            answer,
            line: qline,
        });
    }
    if questions.len() != listed.len() {
        let (l, q) = &listed[questions.len().min(listed.len() - 1)];
        return Err(SeedError::parse(
            path,
            *l,
            format!(
                "the list has {} questions but the page answers {}: no block for \"{}\"",
                listed.len(),
                questions.len(),
                short(q)
            ),
        ));
    }
    Ok(Bank {
        set: set.to_string(),
        title,
        questions,
    })
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t == "-" || t.ends_with("/ -") || t == format!("{FEEDBACK_LINE} /")
}

fn strip_feedback(line: &str) -> &str {
    match line.find(FEEDBACK_LINE) {
        Some(at) => &line[..at],
        None => line,
    }
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    let s = s.strip_prefix(['"', '“']).unwrap_or(s);
    let s = s.strip_suffix(['"', '”']).unwrap_or(s);
    squash(s)
}

fn short(s: &str) -> String {
    crate::text::clip(s, 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Tester Interview Questions\nIntro text.\nInterview Questions for Tester\nWhy test?\nHow do you deploy?\n-\nWhy test?\nEmployers ask this to see you. In your answer, mention unit tests and coverage. Emphasize speed, not heroics.\nAnswer Example: \"I test everything.\"\nHelp us improve this answer. / -\nHow do you deploy?\nInterviewers use this. In your answer, cover canaries.\nAnswer Example: \"Canary first.\"\nHelp us improve this answer. /\n";

    #[test]
    fn parses_blocks_guidance_and_answers() {
        let b = parse(Path::new("t.txt"), "t", PAGE).unwrap();
        assert_eq!(b.title, "Tester Interview Questions");
        assert_eq!(b.questions.len(), 2);
        let q = &b.questions[0];
        assert_eq!(q.question, "Why test?");
        assert_eq!(
            q.guidance.as_deref(),
            Some("In your answer, mention unit tests and coverage. Emphasize speed, not heroics.")
        );
        assert_eq!(q.answer, "I test everything.");
        assert_eq!(q.line, 7);
        assert_eq!(b.questions[1].answer, "Canary first.");
    }

    #[test]
    fn truncated_block_is_an_error_with_its_line() {
        let cut = PAGE.split("Answer Example: \"Canary").next().unwrap();
        let e = parse(Path::new("t.txt"), "t", cut).unwrap_err().to_string();
        assert!(e.starts_with("t.txt:11: question 2"), "{e}");
        assert!(e.contains("truncated"), "{e}");
    }

    #[test]
    fn question_must_match_the_list() {
        let bad = PAGE.replacen(
            "\nHow do you deploy?\nInterviewers",
            "\nHow do you ship?\nInterviewers",
            1,
        );
        let e = parse(Path::new("t.txt"), "t", &bad)
            .unwrap_err()
            .to_string();
        assert!(e.contains("differs from entry 2"), "{e}");
    }

    #[test]
    fn missing_list_is_an_error() {
        let e = parse(Path::new("t.txt"), "t", "Title\nAnswer Example: \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("Interview Questions for"), "{e}");
    }
}
