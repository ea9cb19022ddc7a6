//! Front matter: YAML (`---` / `question: sre-13` / `min_score: 75` / `---`) or TOML between
//! `+++` lines, as static-site generators write them.

/// What a practice file's front matter says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The question (id or wording) and the line it is on.
    pub question: Option<(usize, String)>,
    pub min_score: Option<u32>,
    /// An `id:` key and its line. Site generators use `id:` for the page (Docusaurus does), so it
    /// names nothing for rubric; but an `id:` whose value is a question's id is an error (see
    /// [`super::parse`]), since its writer meant `question:`.
    pub id: Option<(usize, String)>,
}

/// A front matter block that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontError {
    pub line: usize,
    pub message: String,
}

/// Reads the front matter at the top of `lines`, if any, and returns it with the index of the
/// first line after it: YAML between `---` lines (Jekyll, Hugo, Docusaurus) or TOML between
/// `+++` lines (Hugo). Keys other than `question`, `min_score` and `id` are left alone, because
/// front matter is often shared with a static-site generator (`title`, `tags`, ...); a key rubric
/// reads may appear once.
pub fn split(lines: &[&str]) -> Result<(FrontMatter, usize), FrontError> {
    match lines.first().map(|l| l.trim_end()) {
        Some("---") => yaml(lines),
        Some("+++") => toml_block(lines),
        _ => Ok((FrontMatter::default(), 0)),
    }
}

/// The keys rubric reads, spelt as written (`min-score` is `min_score`).
fn key_name(key: &str) -> String {
    key.trim().trim_matches(['"', '\'']).replace('-', "_")
}

fn yaml(lines: &[&str]) -> Result<(FrontMatter, usize), FrontError> {
    let mut fm = FrontMatter::default();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (i, raw) in lines.iter().enumerate().skip(1) {
        let line = raw.trim();
        if line == "---" || line == "..." {
            return Ok((fm, i + 1));
        }
        // Only top-level keys: an indented line belongs to the key above it.
        if raw.starts_with([' ', '\t']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key_name(key);
        let value = unquote(value.trim());
        set(&mut fm, &mut seen, &key, value, i + 1)?;
    }
    Err(FrontError {
        line: 1,
        message: "front matter opened with `---` is never closed with another `---` line".into(),
    })
}

fn toml_block(lines: &[&str]) -> Result<(FrontMatter, usize), FrontError> {
    let Some(end) = lines.iter().skip(1).position(|l| l.trim_end() == "+++") else {
        return Err(FrontError {
            line: 1,
            message: "TOML front matter opened with `+++` is never closed with another `+++` line"
                .into(),
        });
    };
    let body = &lines[1..end + 1];
    let text = body.join("\n");
    let table: toml::Table = toml::from_str(&text).map_err(|e| FrontError {
        line: 2 + e
            .span()
            .map_or(0, |s| text[..s.start.min(text.len())].matches('\n').count()),
        message: format!("TOML front matter: {}", e.message().trim()),
    })?;
    // The line of a key, for messages: the first line of the block that starts with it.
    let line_of = |key: &str| {
        body.iter()
            .position(|l| key_name(l.split('=').next().unwrap_or_default()) == key)
            .map_or(2, |i| i + 2)
    };
    let mut fm = FrontMatter::default();
    let mut seen = Vec::new();
    for (key, value) in &table {
        let key = key_name(key);
        if !matches!(key.as_str(), "question" | "min_score" | "id") {
            continue;
        }
        let line = line_of(&key);
        let text = match value {
            toml::Value::String(s) => s.clone(),
            toml::Value::Integer(_) | toml::Value::Float(_) if key == "min_score" => {
                value.to_string()
            }
            other => {
                return Err(FrontError {
                    line,
                    message: format!(
                        "`{key} = {other}`: {}",
                        if key == "min_score" {
                            format!("{}, written without quotes", crate::config::SCORE_RULE)
                        } else {
                            "write the value in quotes, such as \"sre-13\"".to_string()
                        }
                    ),
                })
            }
        };
        set(&mut fm, &mut seen, &key, &text, line)?;
    }
    Ok((fm, end + 2))
}

/// Records key `key` (already normalized) of front matter, refusing a second one.
fn set(
    fm: &mut FrontMatter,
    seen: &mut Vec<(String, usize)>,
    key: &str,
    value: &str,
    line: usize,
) -> Result<(), FrontError> {
    if !matches!(key, "question" | "min_score" | "id") {
        return Ok(());
    }
    if let Some((_, first)) = seen.iter().find(|(k, _)| k == key) {
        return Err(FrontError {
            line,
            message: format!(
                "`{key}` is given twice in the front matter (lines {first} and {line}); keep one"
            ),
        });
    }
    seen.push((key.to_string(), line));
    match key {
        "question" if value.is_empty() => {
            return Err(FrontError {
                line,
                message: "`question:` is empty; give a question id such as `sre-13`".into(),
            })
        }
        "question" => fm.question = Some((line, value.to_string())),
        "id" => fm.id = Some((line, value.to_string())),
        _ => match crate::config::parse_score(value) {
            Ok(n) => fm.min_score = Some(n),
            Err(e) => {
                return Err(FrontError {
                    line,
                    message: format!("`min_score: {value}`: {e}"),
                })
            }
        },
    }
    Ok(())
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
    fn a_key_given_twice_is_an_error_naming_both_lines() {
        let e = split(&lines(
            "---\nquestion: sre-13\ntitle: x\nquestion: sre-12\n---",
        ))
        .unwrap_err();
        assert_eq!(e.line, 4);
        assert!(e.message.contains("lines 2 and 4"), "{e:?}");
        let e = split(&lines("---\nmin_score: 70\nmin-score: 80\n---")).unwrap_err();
        assert_eq!(e.line, 3);
        // A nested key of the same name belongs to another key.
        let (fm, _) = split(&lines(
            "---\nquestion: sre-13\nmeta:\n  question: other\n---",
        ))
        .unwrap();
        assert_eq!(fm.question, Some((2, "sre-13".into())));
    }

    #[test]
    fn id_is_kept_for_the_caller_to_judge() {
        let (fm, _) = split(&lines("---\nid: sre-13\n---")).unwrap();
        assert_eq!(fm.id, Some((2, "sre-13".into())));
        assert_eq!(fm.question, None);
    }

    #[test]
    fn toml_front_matter_between_plus_lines() {
        let (fm, next) = split(&lines(
            "+++\ntitle = \"Week 3\"\nquestion = \"sre-13\"\nmin_score = 75\n[params]\nquestion = 1\n+++\nbody",
        ))
        .unwrap();
        assert_eq!(fm.question, Some((3, "sre-13".into())));
        assert_eq!(fm.min_score, Some(75));
        assert_eq!(next, 7);
        let e = split(&lines("+++\nquestion = \"a\"\nquestion = \"b\"\n+++")).unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        let e = split(&lines("+++\nmin_score = 99.5\n+++")).unwrap_err();
        assert!(e.message.contains("no fractions"), "{e:?}");
        let e = split(&lines("+++\nquestion = 13\n+++")).unwrap_err();
        assert!(e.message.contains("in quotes"), "{e:?}");
        assert!(split(&lines("+++\nquestion = \"a\"\n"))
            .unwrap_err()
            .message
            .contains("never closed"));
    }
}
