//! Front matter (`---` / `question: sre-13` / `min_score: 75` / `---`) and the
//! `<!-- rubric: skip -->` marker.

/// What a practice file's front matter says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The question (id or wording) and the line it is on.
    pub question: Option<(usize, String)>,
    pub min_score: Option<u32>,
}

/// A front matter block that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontError {
    pub line: usize,
    pub message: String,
}

/// Reads the front matter at the top of `lines`, if any, and returns it with the index of the
/// first line after it. Keys other than `question` and `min_score` are left alone, because
/// front matter is often shared with a static-site generator (`title`, `tags`, ...).
pub fn split(lines: &[&str]) -> Result<(FrontMatter, usize), FrontError> {
    let mut fm = FrontMatter::default();
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Ok((fm, 0));
    }
    for (i, raw) in lines.iter().enumerate().skip(1) {
        let line = raw.trim();
        if line == "---" || line == "..." {
            return Ok((fm, i + 1));
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        match key.trim().replace('-', "_").as_str() {
            "question" if !value.is_empty() => fm.question = Some((i + 1, value.to_string())),
            "question" => {
                return Err(FrontError {
                    line: i + 1,
                    message: "`question:` is empty; give a question id such as `sre-13`".into(),
                })
            }
            "min_score" => match crate::config::parse_score(value) {
                Ok(n) => fm.min_score = Some(n),
                Err(e) => {
                    return Err(FrontError {
                        line: i + 1,
                        message: format!("`min_score: {value}`: {e}"),
                    })
                }
            },
            _ => {}
        }
    }
    Err(FrontError {
        line: 1,
        message: "front matter opened with `---` is never closed with another `---` line".into(),
    })
}

/// If `line` is a skip marker, `Some(reason)`: `<!-- rubric: skip -->` gives `Some("")`,
/// `<!-- rubric: skip (still drafting) -->` gives `Some("still drafting")`.
pub fn skip_marker(line: &str) -> Option<String> {
    let inner = line
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let rest = strip_prefix_ci(inner, "rubric")?
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let rest = strip_prefix_ci(rest, "skip")?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let reason = rest
        .trim()
        .trim_start_matches([':', '-', '\u{2014}'])
        .trim();
    let reason = reason
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(reason);
    Some(reason.trim().to_string())
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<&str> {
        s.lines().collect()
    }

    #[test]
    fn reads_question_and_min_score_and_ignores_other_keys() {
        let (fm, next) = split(&lines(
            "---\ntitle: Week 3\nquestion: \"sre-13\"\nmin-score: 75\n---\nbody",
        ))
        .unwrap();
        assert_eq!(fm.question, Some((3, "sre-13".to_string())));
        assert_eq!(fm.min_score, Some(75));
        assert_eq!(next, 5);
    }

    #[test]
    fn no_front_matter_is_not_an_error() {
        assert_eq!(
            split(&lines("# Title\n---\n")).unwrap(),
            (FrontMatter::default(), 0)
        );
        assert_eq!(split(&[]).unwrap(), (FrontMatter::default(), 0));
    }

    #[test]
    fn bad_front_matter_names_the_line() {
        assert_eq!(
            split(&lines("---\nquestion: sre-13\nmin_score: lots\n---"))
                .unwrap_err()
                .line,
            3
        );
        assert_eq!(
            split(&lines("---\nmin_score: 101\n---")).unwrap_err().line,
            2
        );
        assert_eq!(split(&lines("---\nquestion:\n---")).unwrap_err().line, 2);
        let e = split(&lines("---\nquestion: sre-13\nanswer text")).unwrap_err();
        assert!(e.message.contains("never closed"), "{e:?}");
    }

    #[test]
    fn skip_markers_with_and_without_reasons() {
        assert_eq!(skip_marker("<!-- rubric: skip -->"), Some(String::new()));
        assert_eq!(skip_marker("  <!--rubric:skip-->  "), Some(String::new()));
        assert_eq!(
            skip_marker("<!-- Rubric: Skip (still drafting) -->"),
            Some("still drafting".into())
        );
        assert_eq!(
            skip_marker("<!-- rubric: skip: copied from the book -->"),
            Some("copied from the book".into())
        );
        assert_eq!(skip_marker("<!-- rubric: skipped -->"), None);
        assert_eq!(skip_marker("<!-- note to self -->"), None);
        assert_eq!(skip_marker("rubric: skip"), None);
    }
}
