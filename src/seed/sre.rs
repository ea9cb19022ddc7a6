//! Parses a numbered page (the SRE page): numbered questions (`13. What are ...`), each
//! followed by an answer of paragraphs, `•` bullets and inline ` - ` bullets.
//!
//! The page also carries promotional text between answers and after the last one. It is dropped
//! by structure, not by a phrase list: such a block ends in heading-like lines (short, no
//! sentence punctuation: "Start matching", "Nightfall illustration"), which real answers never
//! contain, and may begin with short impersonal lines leading up to them ("No strings
//! attached, free trial, fully vetted."). Everything before question 1 is page chrome.

use super::{squash, Bank, SeedError, SeedQuestion};
use std::path::Path;

pub(super) fn parse(path: &Path, set: &str, text: &str) -> Result<Bank, SeedError> {
    let lines: Vec<&str> = text.lines().collect();
    let title = lines
        .first()
        .map(|l| squash(l))
        .filter(|t| !t.is_empty())
        .ok_or_else(|| SeedError::parse(path, 1, "empty page: the first line must be the title"))?;

    // Question lines: `N. text`, numbered 1, 2, 3, ... in order.
    let mut starts: Vec<(usize, String)> = Vec::new();
    for (n, line) in lines.iter().enumerate().skip(1) {
        if let Some((num, q)) = numbered(line) {
            if num == starts.len() + 1 && looks_like_question(&q) {
                starts.push((n, q));
            }
        }
    }
    if starts.is_empty() {
        return Err(SeedError::parse(
            path,
            1,
            "no numbered questions (`1. ...`) found",
        ));
    }

    let mut questions = Vec::with_capacity(starts.len());
    for (k, (at, question)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(lines.len(), |(n, _)| *n);
        let paragraphs = paragraphs(&lines[at + 1..end]);
        let kept = drop_promotion(paragraphs);
        if kept.is_empty() {
            return Err(SeedError::parse(
                path,
                at + 1,
                format!("question {} has no answer: is the page truncated?", k + 1),
            ));
        }
        let answer = kept.iter().map(render).collect::<Vec<_>>().join("\n\n");
        questions.push(SeedQuestion {
            number: k + 1,
            id: None,
            question: question.clone(),
            guidance: None,
            answer,
            line: at + 1,
        });
    }
    Ok(Bank {
        set: set.to_string(),
        title,
        questions,
    })
}

/// A paragraph of the answer: prose, or one bullet.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Para {
    Prose(String),
    Bullet(String),
}

fn numbered(line: &str) -> Option<(usize, String)> {
    let t = line.trim();
    let dot = t.find(". ")?;
    let num: usize = t[..dot].parse().ok()?;
    Some((num, squash(&t[dot + 2..])))
}

fn looks_like_question(q: &str) -> bool {
    q.ends_with('?') || q.ends_with('.')
}

fn paragraphs(lines: &[&str]) -> Vec<Para> {
    let mut out = Vec::new();
    let mut prose: Vec<&str> = Vec::new();
    let flush = |prose: &mut Vec<&str>, out: &mut Vec<Para>| {
        if !prose.is_empty() {
            split_inline_bullets(&squash(&prose.join(" ")), out);
            prose.clear();
        }
    };
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            flush(&mut prose, &mut out);
        } else if let Some(b) = t.strip_prefix('•') {
            flush(&mut prose, &mut out);
            out.push(Para::Bullet(squash(b)));
        } else {
            prose.push(t);
        }
    }
    flush(&mut prose, &mut out);
    out
}

/// "Failure modes I've seen: - Bad probes. - Wrong requests." becomes an intro and bullets. Only
/// a ` - ` after a colon or sentence end and before a capital letter starts a bullet, so dashes
/// used as punctuation inside a sentence are left alone.
fn split_inline_bullets(p: &str, out: &mut Vec<Para>) {
    let Some(first) = find_inline_bullet(p, 0) else {
        out.push(Para::Prose(p.to_string()));
        return;
    };
    let intro = p[..first].trim();
    if !intro.is_empty() {
        out.push(Para::Prose(intro.to_string()));
    }
    let mut at = first + 3;
    loop {
        let next = p[at..]
            .find(" - ")
            .map(|i| at + i)
            .filter(|&i| starts_upper(&p[i + 3..]));
        let end = next.unwrap_or(p.len());
        let item = p[at..end].trim();
        if !item.is_empty() {
            out.push(Para::Bullet(item.to_string()));
        }
        match next {
            Some(n) => at = n + 3,
            None => break,
        }
    }
}

fn find_inline_bullet(p: &str, from: usize) -> Option<usize> {
    let mut search = from;
    while let Some(i) = p[search..].find(" - ").map(|i| search + i) {
        let before = p[..i].trim_end();
        if (before.ends_with(':') || before.ends_with('.')) && starts_upper(&p[i + 3..]) {
            return Some(i);
        }
        search = i + 3;
    }
    None
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

fn words(p: &str) -> usize {
    p.split_whitespace().count()
}

/// A heading-like line: short and not a sentence. Answers are written in sentences and bullets;
/// page furniture ("User Check", "Start matching") is not.
fn heading_like(p: &Para) -> bool {
    match p {
        Para::Bullet(_) => false,
        Para::Prose(t) => words(t) <= 12 && !t.ends_with(['.', '?', '!', ':', ';', '"', '”', ')']),
    }
}

/// A short impersonal line: no first-person voice, as in every answer paragraph that ends a
/// story, so it belongs with the promotion that follows it.
fn short_impersonal(p: &Para) -> bool {
    const FIRST_PERSON: &[&str] = &[
        "i", "i'd", "i'm", "i've", "i'll", "my", "me", "we", "we'd", "we're", "we've", "our", "us",
    ];
    match p {
        Para::Bullet(_) => false,
        Para::Prose(t) => {
            words(t) <= 20
                && !t
                    .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                    .any(|w| FIRST_PERSON.contains(&w.to_lowercase().replace('’', "'").as_str()))
        }
    }
}

/// Cuts the promotional tail of an answer: from the first heading-like paragraph on, plus the
/// short impersonal lines right before it. The first paragraph always stays.
fn drop_promotion(mut paras: Vec<Para>) -> Vec<Para> {
    if let Some(first_heading) = paras.iter().skip(1).position(heading_like).map(|i| i + 1) {
        let mut cut = first_heading;
        while cut > 1 && short_impersonal(&paras[cut - 1]) {
            cut -= 1;
        }
        paras.truncate(cut);
    }
    paras
}

fn render(p: &Para) -> String {
    match p {
        Para::Prose(t) => t.clone(),
        Para::Bullet(t) => format!("- {t}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_questions_and_bullets() {
        let page = "T Questions\n\nChrome\n\n1. What is X?\n\nX is a thing.\n\n  • First point.\n  • Second point.\n\n2. Why Y?\n\nBecause: - One reason. - Another reason.\n";
        let b = parse(Path::new("t.txt"), "t", page).unwrap();
        assert_eq!(b.questions.len(), 2);
        assert_eq!(
            b.questions[0].answer,
            "X is a thing.\n\n- First point.\n\n- Second point."
        );
        assert_eq!(
            b.questions[1].answer,
            "Because:\n\n- One reason.\n\n- Another reason."
        );
        assert_eq!(b.questions[1].line, 12);
    }

    #[test]
    fn promotion_between_answers_is_dropped_by_structure() {
        let page = "T\n\n1. What is X?\n\nI think X is good.\n\nSo I use it daily.\n\nGreat offer, no catch, totally free.\n\nClick below to try it with no commitment.\n\nSome illustration\n\n2. Why Y?\n\nWe do Y.\n\nCall To Action\n\nMore promotional prose that goes on for a while and says many things.\n";
        let b = parse(Path::new("t.txt"), "t", page).unwrap();
        assert_eq!(
            b.questions[0].answer,
            "I think X is good.\n\nSo I use it daily."
        );
        assert_eq!(b.questions[1].answer, "We do Y.");
    }

    #[test]
    fn dashes_inside_sentences_are_not_bullets() {
        let mut out = Vec::new();
        split_inline_bullets("Use retries - with backoff - carefully.", &mut out);
        assert_eq!(
            out,
            vec![Para::Prose(
                "Use retries - with backoff - carefully.".into()
            )]
        );
    }

    #[test]
    fn numbering_must_run_in_order() {
        let page = "T\n\n1. First?\n\nAnswer one.\n\n3. Not a question here.\n\n2. Second?\n\nAnswer two.\n";
        let b = parse(Path::new("t.txt"), "t", page).unwrap();
        assert_eq!(b.questions.len(), 2);
        assert!(b.questions[0].answer.contains("3. Not a question here."));
    }

    #[test]
    fn empty_answer_is_an_error() {
        let e = parse(
            Path::new("t.txt"),
            "t",
            "T\n\n1. First?\n\n2. Second?\n\nA.\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("t.txt:3: question 1 has no answer"), "{e}");
    }
}
