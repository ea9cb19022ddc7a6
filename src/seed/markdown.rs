//! Parses a Markdown question bank: `# Set title`, then per question a `## Question text`
//! heading, an optional paragraph starting `Guidance:`, and the reference answer.

use super::{squash, Bank, SeedError, SeedQuestion};
use std::path::Path;

pub(super) fn parse(path: &Path, set: &str, text: &str) -> Result<Bank, SeedError> {
    let mut title: Option<String> = None;
    let mut questions: Vec<SeedQuestion> = Vec::new();
    let mut body: Vec<&str> = Vec::new();
    let mut current: Option<(usize, String)> = None;

    let finish = |current: &mut Option<(usize, String)>,
                  body: &mut Vec<&str>,
                  questions: &mut Vec<SeedQuestion>|
     -> Result<(), SeedError> {
        if let Some((line, question)) = current.take() {
            let (guidance, answer) = split_guidance(body);
            body.clear();
            if answer.is_empty() {
                return Err(SeedError::parse(
                    path,
                    line,
                    format!("question \"{question}\" has no reference answer"),
                ));
            }
            questions.push(SeedQuestion {
                number: questions.len() + 1,
                id: None,
                question,
                guidance,
                answer,
                line,
            });
        }
        Ok(())
    };

    for (n, line) in text.lines().enumerate() {
        if let Some(h) = line.strip_prefix("## ") {
            finish(&mut current, &mut body, &mut questions)?;
            let question = squash(h);
            if question.is_empty() {
                return Err(SeedError::parse(
                    path,
                    n + 1,
                    "empty `## ` heading: write the question after it",
                ));
            }
            current = Some((n + 1, question));
        } else if let Some(h) = line.strip_prefix("# ") {
            if title.is_some() || current.is_some() {
                return Err(SeedError::parse(
                    path,
                    n + 1,
                    "only one `# Set title` heading is allowed, before the questions",
                ));
            }
            title = Some(squash(h));
        } else if current.is_some() {
            body.push(line);
        } else if !line.trim().is_empty() && title.is_none() {
            return Err(SeedError::parse(
                path,
                n + 1,
                "a Markdown bank starts with a `# Set title` heading",
            ));
        }
    }
    finish(&mut current, &mut body, &mut questions)?;
    let title = title.ok_or_else(|| {
        SeedError::parse(
            path,
            1,
            "a Markdown bank starts with a `# Set title` heading",
        )
    })?;
    if questions.is_empty() {
        return Err(SeedError::parse(
            path,
            1,
            "no `## Question` sections in this Markdown bank",
        ));
    }
    Ok(Bank {
        set: set.to_string(),
        title,
        questions,
    })
}

/// Separates a leading `Guidance:` paragraph from the answer; the answer keeps its paragraphs
/// and turns `*`/`-` list items into `- ` bullets.
fn split_guidance(body: &[&str]) -> (Option<String>, String) {
    let text = body.join("\n");
    let mut paras: Vec<String> = text
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let mut guidance = None;
    if let Some(first) = paras.first() {
        if let Some(g) = first.strip_prefix("Guidance:") {
            guidance = Some(squash(g)).filter(|g| !g.is_empty());
            paras.remove(0);
        }
    }
    let answer = paras
        .iter()
        .map(|p| {
            p.lines()
                .map(|l| {
                    let t = l.trim();
                    match t.strip_prefix("* ").or_else(|| t.strip_prefix("- ")) {
                        Some(item) => format!("\n- {}", item.trim()),
                        None => format!(" {t}"),
                    }
                })
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    (guidance, answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_title_questions_guidance_and_answers() {
        let md = "# Our Bank\n\n## How do you page?\n\nGuidance: In your answer, cover alerts\nand escalation.\n\nWe page on SLO burn.\n\n- fast burn\n- slow burn\n\n## Why logs?\n\nThey explain.\n";
        let b = parse(Path::new("ours.md"), "ours", md).unwrap();
        assert_eq!(b.title, "Our Bank");
        assert_eq!(b.questions.len(), 2);
        assert_eq!(
            b.questions[0].guidance.as_deref(),
            Some("In your answer, cover alerts and escalation.")
        );
        assert_eq!(
            b.questions[0].answer,
            "We page on SLO burn.\n\n- fast burn\n- slow burn"
        );
        assert_eq!(b.questions[1].guidance, None);
        assert_eq!(b.questions[1].line, 13);
    }

    #[test]
    fn empty_question_heading_is_an_error() {
        // Found by fuzzing: an empty heading used to build a rubric that could not be loaded.
        let e = parse(Path::new("x.md"), "x", "# Ba\n## \n\n##early-stage se.\n")
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "x.md:2: empty `## ` heading: write the question after it"
        );
    }

    #[test]
    fn missing_title_or_answer_is_an_error() {
        assert!(parse(Path::new("x.md"), "x", "## Q?\n\nA.\n")
            .unwrap_err()
            .to_string()
            .contains("# Set title"));
        let e = parse(Path::new("x.md"), "x", "# T\n\n## Q?\n\n## R?\n\nA.\n")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "x.md:3: question \"Q?\" has no reference answer");
    }
}
