//! Inline directives: HTML comments starting `rubric:`, invisible where Markdown is rendered, in
//! the style of markdownlint's `<!-- markdownlint-disable MD001 -->` and ruff's `# noqa: E501`.
//!
//! - `<!-- rubric: skip -->` or `<!-- rubric: skip (reason) -->`: do not grade this file or answer;
//! - `<!-- rubric: ignore sre-24/g1 (reason) -->`: grade this answer without that point (several
//!   points may be named, separated by spaces or commas; the reason is optional).
//!
//! Anything else after `rubric:` is an error, so a misspelt directive never passes silently.

/// A directive, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive {
    /// Skip the file or answer; the reason, possibly empty.
    Skip(String),
    /// Drop these points (full ids or the part after the `/`) from this answer's rubric.
    Ignore { points: Vec<String>, reason: String },
}

/// The directives rubric knows, for messages.
pub const KNOWN: &str =
    "`<!-- rubric: skip (reason) -->` and `<!-- rubric: ignore POINT (reason) -->`";

/// `None` when `line` is not a `<!-- rubric: ... -->` comment; otherwise the directive, or why it
/// is not one.
pub fn parse(line: &str) -> Option<Result<Directive, String>> {
    let t = line.trim();
    let inner = t.strip_prefix("<!--")?.trim_start();
    let rest = strip_prefix_ci(inner, "rubric")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let Some(rest) = rest.strip_suffix("-->") else {
        return Some(Err(format!(
            "a rubric directive must close with `-->` on its own line: {KNOWN}"
        )));
    };
    let rest = rest.trim();
    let word_end = rest
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '_')
        .unwrap_or(rest.len());
    let (word, args) = rest.split_at(word_end);
    let (targets, reason) = split_reason(args);
    Some(match word.to_ascii_lowercase().as_str() {
        "skip" if targets.is_empty() => Ok(Directive::Skip(reason)),
        "skip" => Ok(Directive::Skip(
            format!("{} {reason}", targets.join(" ")).trim().to_string(),
        )),
        "ignore" if targets.is_empty() => Err(format!(
            "`<!-- rubric: ignore -->` needs the point to ignore, such as `<!-- rubric: ignore {} (why) -->`; `rubric show QUESTION` lists the points",
            "sre-24/g1"
        )),
        "ignore" => Ok(Directive::Ignore {
            points: targets,
            reason,
        }),
        "" => Err(format!("an empty rubric directive; rubric knows {KNOWN}")),
        other => Err(format!(
            "unknown rubric directive `{other}`; rubric knows {KNOWN}"
        )),
    })
}

/// `a b, c (why)` into `[a, b, c]` and `why`; `: why` or `- why` is a reason alone.
fn split_reason(args: &str) -> (Vec<String>, String) {
    let args = args.trim();
    let (targets, reason) = match args.find('(') {
        Some(i) => {
            let reason = args[i + 1..].trim_end();
            let reason = reason.strip_suffix(')').unwrap_or(reason);
            (&args[..i], reason)
        }
        None if args.starts_with([':', '-', '\u{2014}']) => ("", args),
        None => (args, ""),
    };
    let reason = reason
        .trim()
        .trim_start_matches([':', '-', '\u{2014}'])
        .trim();
    let targets = targets
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    (targets, reason.to_string())
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(line: &str) -> Directive {
        parse(line).unwrap().unwrap()
    }

    fn err(line: &str) -> String {
        parse(line).unwrap().unwrap_err()
    }

    #[test]
    fn skip_with_and_without_reasons() {
        assert_eq!(ok("<!-- rubric: skip -->"), Directive::Skip(String::new()));
        assert_eq!(ok("  <!--rubric:skip-->  "), Directive::Skip(String::new()));
        assert_eq!(
            ok("<!-- Rubric: Skip (still drafting) -->"),
            Directive::Skip("still drafting".into())
        );
        assert_eq!(
            ok("<!-- rubric: skip: copied from the book -->"),
            Directive::Skip("copied from the book".into())
        );
        assert_eq!(
            ok("<!-- rubric: skip - later -->"),
            Directive::Skip("later".into())
        );
    }

    #[test]
    fn ignore_names_points_and_a_reason() {
        assert_eq!(
            ok("<!-- rubric: ignore sre-24/g1 (my story had no on-call) -->"),
            Directive::Ignore {
                points: vec!["sre-24/g1".into()],
                reason: "my story had no on-call".into()
            }
        );
        assert_eq!(
            ok("<!-- rubric: ignore g1, s2 s3 -->"),
            Directive::Ignore {
                points: vec!["g1".into(), "s2".into(), "s3".into()],
                reason: String::new()
            }
        );
        assert!(err("<!-- rubric: ignore (why) -->").contains("needs the point"));
    }

    #[test]
    fn unknown_and_unclosed_directives_are_errors_and_other_comments_are_not_directives() {
        assert!(err("<!-- rubric: disable -->").starts_with("unknown rubric directive `disable`"));
        assert!(err("<!-- rubric: skipped -->").contains("`skipped`"));
        assert!(err("<!-- rubric: -->").contains("empty"));
        assert!(err("<!-- rubric: skip").contains("close with `-->`"));
        assert_eq!(parse("<!-- note to self -->"), None);
        assert_eq!(parse("<!-- rubric scores were low -->"), None);
        assert_eq!(parse("rubric: skip"), None);
        assert_eq!(parse("<!-- rubrics: skip -->"), None);
    }
}
