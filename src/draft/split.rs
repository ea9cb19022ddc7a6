//! Splits an interviewer's guidance into the things it asks for, and answers into sentences.
//!
//! "In your answer, outline the major components, availability patterns, and how you'd test
//! and evolve the design." asks for three things; the lead verb ("outline") and filler
//! ("the major") are not part of what is asked.

/// Verbs (and verb phrases) that introduce a guidance list; longest first.
const LEAD: &[&str] = &[
    "ground your recommendation in",
    "walk through",
    "talk about",
    "touch on",
    "call out",
    "anchor on",
    "focus on",
    "show how you",
    "show that you",
    "show you understand",
    "show you can",
    "show",
    "outline",
    "mention",
    "cover",
    "discuss",
    "describe",
    "highlight",
    "include",
    "reference",
    "emphasize",
    "explain",
    "define",
    "propose",
    "share",
    "quantify",
    "demonstrate",
    "tie",
    "connect",
    "cite",
    "use",
    "prioritize",
    "own",
    "convey",
    "give",
    "note",
    "keep",
    "address",
    "detail",
];

/// The items a guidance text asks for, in order, lead verbs removed. Items that only say what
/// not to do ("not heroics") are dropped.
pub fn guidance_items(guidance: &str) -> Vec<String> {
    let mut items = Vec::new();
    for sentence in sentences(guidance) {
        let s = sentence.trim().trim_end_matches(['.', '!']);
        let s = strip_prefix_ci(s, "in your answer,").unwrap_or(s).trim();
        for part in split_list(s) {
            let item = clean_item(&part);
            if !item.is_empty() && !item.starts_with("not ") && !items.contains(&item) {
                items.push(item);
            }
        }
    }
    items
}

/// Splits prose into sentences at `.`, `?` or `!` followed by a space and a capital letter,
/// and at line breaks. Abbreviations like "e.g." are not followed by a capital, so they stay.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let bytes: Vec<(usize, char)> = line.char_indices().collect();
        let mut start = 0;
        for k in 0..bytes.len() {
            let (i, c) = bytes[k];
            if matches!(c, '.' | '?' | '!') {
                let next_space = bytes.get(k + 1).is_some_and(|&(_, n)| n == ' ');
                let next_upper = bytes
                    .get(k + 2)
                    .is_some_and(|&(_, n)| n.is_uppercase() || n == '"' || n == '“');
                if next_space && next_upper && !abbreviation(&line[start..i]) {
                    let s = line[start..=i].trim();
                    if !s.is_empty() {
                        out.push(s.to_string());
                    }
                    start = i + c.len_utf8();
                }
            }
        }
        let s = line[start..].trim();
        if !s.is_empty() {
            out.push(s.to_string());
        }
    }
    out
}

/// True when the text before a period ends in an abbreviation ("e.g", "etc", "vs").
fn abbreviation(before: &str) -> bool {
    let last = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    last.contains('.')
        || matches!(
            last.to_lowercase().as_str(),
            "etc" | "vs" | "approx" | "incl" | "e" | "i"
        )
}

/// Splits a list sentence on commas and a final "and"/"or", then each part on an " and " that
/// joins two things ("blamelessness and system improvements"), unless the "and" sits inside a
/// "how ..." clause ("how you'd test and evolve the design").
fn split_list(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for p in split_commas(s) {
        let p = p.trim();
        let p = strip_prefix_ci(p, "and ")
            .or_else(|| strip_prefix_ci(p, "or "))
            .or_else(|| strip_prefix_ci(p, "plus "))
            .unwrap_or(p)
            .trim();
        if p.is_empty() {
            continue;
        }
        let lower = p.to_lowercase();
        match lower.find(" and ") {
            Some(at) if !has_clause_word(&lower[..at]) => {
                out.push(p[..at].trim().to_string());
                out.push(p[at + 5..].trim().to_string());
            }
            _ => out.push(p.to_string()),
        }
    }
    out
}

fn has_clause_word(s: &str) -> bool {
    s.split_whitespace()
        .any(|w| matches!(w, "how" | "what" | "why" | "when" | "where"))
}

/// Commas outside parentheses.
fn split_commas(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth <= 0 {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn clean_item(item: &str) -> String {
    let mut s = item
        .trim()
        .trim_end_matches(['.', ',', ';'])
        .trim()
        .to_string();
    loop {
        let before = s.clone();
        for lead in LEAD {
            if let Some(rest) = strip_prefix_ci(&s, lead) {
                if rest.starts_with(' ') || rest.is_empty() {
                    s = rest.trim().to_string();
                    break;
                }
            }
        }
        for filler in [
            "the ", "a ", "an ", "your ", "any ", "both ", "also ", "to ",
        ] {
            if let Some(rest) = strip_prefix_ci(&s, filler) {
                s = rest.trim().to_string();
            }
        }
        if s == before {
            break;
        }
    }
    s
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    if s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
    {
        Some(&s[prefix.len()..])
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_issue_example_into_five() {
        let g = "In your answer, outline the major components, availability patterns, deployment strategy, data considerations, and how you’d test and evolve the design.";
        assert_eq!(
            guidance_items(g),
            [
                "major components",
                "availability patterns",
                "deployment strategy",
                "data considerations",
                "how you’d test and evolve the design"
            ]
        );
    }

    #[test]
    fn second_sentences_count_and_negatives_drop() {
        let g = "In your answer, show clear roles, fast triage, stakeholder comms, and concrete follow-ups that reduced recurrence. Emphasize blamelessness and system improvements, not heroics.";
        assert_eq!(
            guidance_items(g),
            [
                "clear roles",
                "fast triage",
                "stakeholder comms",
                "concrete follow-ups that reduced recurrence",
                "blamelessness",
                "system improvements"
            ]
        );
    }

    #[test]
    fn two_part_sentences_split_on_and() {
        assert_eq!(
            guidance_items(
                "In your answer, quantify the time saved and explain the reliability gains."
            ),
            ["time saved", "reliability gains"]
        );
        assert_eq!(
            guidance_items(
                "In your answer, show how you embed reliability into existing workflows."
            ),
            ["embed reliability into existing workflows"]
        );
        assert_eq!(
            guidance_items("In your answer, mention tools, policies, and developer experience."),
            ["tools", "policies", "developer experience"]
        );
    }

    #[test]
    fn sentences_split_at_capitals_only() {
        assert_eq!(
            sentences("Use replicas (e.g. Aurora). Then test. ok"),
            ["Use replicas (e.g. Aurora).", "Then test. ok"]
        );
        assert_eq!(sentences("a\n\n- b. C"), ["a", "- b.", "C"]);
    }
}
