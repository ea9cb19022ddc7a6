//! Which question a file name, heading or line names: a question id at its start, or failing
//! that, wording close to a question's.

use super::Resolver;
use regex::Regex;
use std::sync::LazyLock;

/// The question whose id starts the file name `sre-13-v2.md` (longest id first, so `sre-13`
/// wins over `sre-1` should both exist).
pub fn id_from_file_name(name: &str, r: &dyn Resolver) -> Option<String> {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let mut cuts: Vec<usize> = stem
        .char_indices()
        .filter(|(_, c)| matches!(c, '-' | '_' | '.' | ' '))
        .map(|(i, _)| i)
        .collect();
    cuts.push(stem.len());
    cuts.iter().rev().find_map(|&cut| id(&stem[..cut], r))
}

/// A file name that starts like an id (`sre-99-notes.md`) but names no question, for messages.
pub fn id_like_prefix(name: &str) -> Option<&str> {
    static ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-Za-z]+-\d+").unwrap());
    ID.find(name).map(|m| m.as_str())
}

/// The question a heading or line names: by a leading id (`## sre-13`, `## [SRE-13] ...`), else
/// by its wording. The error says why nothing matched and names the closest questions.
pub fn question(text: &str, r: &dyn Resolver) -> Result<String, String> {
    let t = clean(text);
    if let Some(first) = t.split_whitespace().next() {
        if let Some(q) = id(first.trim_matches(|c: char| !c.is_alphanumeric()), r) {
            return Ok(q);
        }
    }
    r.text(&t)
}

/// True when a heading reads as a question, so failing to match it is worth an error rather
/// than treating it as a sub-heading of the answer above.
pub fn is_question_like(text: &str) -> bool {
    clean(text).ends_with('?')
}

/// An id with any case; `sre-3` also finds `sre-03`.
pub fn id(token: &str, r: &dyn Resolver) -> Option<String> {
    if token.is_empty() {
        return None;
    }
    r.id(token).or_else(|| {
        let (set, n) = token.rsplit_once('-')?;
        (n.len() == 1 && n.bytes().all(|b| b.is_ascii_digit()))
            .then(|| r.id(&format!("{set}-0{n}")))?
    })
}

/// A heading or first line without Markdown emphasis and question numbering (`**Q3:** ...`).
fn clean(text: &str) -> String {
    static NUMBERING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:q(?:uestion)?\s*\d*\s*[:.)]|\d+\s*[.):])\s*").unwrap()
    });
    let t = super::doc::heading_text(text).replace(['*', '`'], "");
    let t = t.trim().trim_start_matches('>').trim();
    NUMBERING.replace(t, "").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::tests::Fake;

    #[test]
    fn finds_ids_at_the_start_of_file_names() {
        let r = Fake;
        assert_eq!(id_from_file_name("sre-13.md", &r), Some("sre-13".into()));
        assert_eq!(id_from_file_name("SRE-13-v2.md", &r), Some("sre-13".into()));
        assert_eq!(
            id_from_file_name("sre-13_second_try.txt", &r),
            Some("sre-13".into())
        );
        assert_eq!(id_from_file_name("sys-1.md", &r), Some("sys-01".into()));
        assert_eq!(id_from_file_name("sre-99.md", &r), None);
        assert_eq!(id_from_file_name("week-3.md", &r), None);
        assert_eq!(id_from_file_name("notes-sre-13.md", &r), None);
        assert_eq!(id_like_prefix("sre-99-notes"), Some("sre-99"));
        assert_eq!(id_like_prefix("week"), None);
    }

    #[test]
    fn headings_name_questions_by_id_or_wording() {
        let r = Fake;
        assert_eq!(question("## sre-13", &r), Ok("sre-13".into()));
        assert_eq!(
            question("## [SRE-13] Cascading failures", &r),
            Ok("sre-13".into())
        );
        assert_eq!(question("## sre-13: anything", &r), Ok("sre-13".into()));
        assert_eq!(
            question("## **Q3:** What causes cascading failures?", &r),
            Ok("sre-13".into())
        );
        assert_eq!(
            question("1. What causes cascading failures?", &r),
            Ok("sre-13".into())
        );
        assert!(question("## Trade-offs", &r).is_err());
        assert!(is_question_like("## **How do you size a cache?**"));
        assert!(!is_question_like("## Trade-offs"));
    }
}
