//! A Markdown or text file as classified lines: blank, HTML comment, heading, text. Lines in
//! fenced code blocks are text, so a `## ` inside a code sample never starts an answer.

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Blank,
    /// Part of an HTML comment (`<!-- ... -->`, possibly over several lines).
    Comment,
    /// An ATX heading (`#` to `######`).
    Heading(u8),
    Text,
}

/// The lines of a file with their kinds.
#[derive(Debug)]
pub struct Doc<'a> {
    pub lines: Vec<&'a str>,
    pub kinds: Vec<Kind>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let lines: Vec<&str> = text.lines().collect();
        let mut kinds = Vec::with_capacity(lines.len());
        let mut fence: Option<&str> = None;
        let mut in_comment = false;
        for line in &lines {
            let t = line.trim();
            let kind = if let Some(f) = fence {
                if t.starts_with(f) {
                    fence = None;
                }
                Kind::Text
            } else if in_comment {
                in_comment = !t.contains("-->");
                Kind::Comment
            } else if t.is_empty() {
                Kind::Blank
            } else if t.starts_with("<!--") && (!t.contains("-->") || t.ends_with("-->")) {
                in_comment = !t.contains("-->");
                Kind::Comment
            } else if let Some(level) = heading_level(line) {
                Kind::Heading(level)
            } else {
                if t.starts_with("```") {
                    fence = Some("```");
                } else if t.starts_with("~~~") {
                    fence = Some("~~~");
                }
                Kind::Text
            };
            kinds.push(kind);
        }
        Doc { lines, kinds }
    }

    /// Index of the first line at or after `from` with words in it (not blank, not a comment).
    pub fn first_content(&self, from: usize) -> Option<usize> {
        (from..self.lines.len()).find(|&i| matches!(self.kinds[i], Kind::Heading(_) | Kind::Text))
    }

    /// Lines `from..to` without comments, trimmed of blank lines at both ends.
    pub fn body(&self, from: usize, to: usize) -> String {
        let kept: Vec<&str> = (from..to.min(self.lines.len()))
            .filter(|&i| self.kinds[i] != Kind::Comment)
            .map(|i| self.lines[i])
            .collect();
        kept.join("\n").trim_matches('\n').trim_end().to_string()
    }

    /// The blank and comment lines from `from` up to the first line with words: where a skip
    /// directive may stand.
    pub fn preamble(&self, from: usize) -> std::ops::Range<usize> {
        from..self.first_content(from).unwrap_or(self.lines.len())
    }
}

/// The level of an ATX heading line: `## Title` is 2. `#hashtag` is not a heading.
pub fn heading_level(line: &str) -> Option<u8> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None; // four spaces of indent make a code block
    }
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    let rest = &t[hashes..];
    ((1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with([' ', '\t'])))
        .then_some(hashes as u8)
}

/// A heading's text without the `#` marks.
pub fn heading_text(line: &str) -> &str {
    let t = line.trim().trim_start_matches('#').trim();
    // A closing sequence of `#` after a space is decoration (`## Title ##`).
    match t.trim_end_matches('#') {
        s if s.len() < t.len() && s.ends_with(' ') => s.trim_end(),
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_lines() {
        let d = Doc::new("# T\n\n<!-- a\nb -->\ntext\n```\n## not a heading\n```\n## H2 ##\n#tag");
        use Kind::*;
        assert_eq!(
            d.kinds,
            vec![
                Heading(1),
                Blank,
                Comment,
                Comment,
                Text,
                Text,
                Text,
                Text,
                Heading(2),
                Text
            ]
        );
        assert_eq!(heading_text(d.lines[8]), "H2");
        assert_eq!(d.first_content(1), Some(4));
        assert_eq!(d.body(1, 5), "text");
    }

    #[test]
    fn the_preamble_runs_up_to_the_first_words() {
        let d = Doc::new("\n<!-- note -->\n<!-- rubric: skip -->\ntext");
        assert_eq!(d.preamble(0), 0..3);
        assert_eq!(d.preamble(3), 3..3);
        assert_eq!(Doc::new("\n\n").preamble(0), 0..2);
    }

    #[test]
    fn heading_levels() {
        assert_eq!(heading_level("## x"), Some(2));
        assert_eq!(heading_level("   # x"), Some(1));
        assert_eq!(heading_level("    # x"), None);
        assert_eq!(heading_level("####### x"), None);
        assert_eq!(heading_level("##"), Some(2));
        assert_eq!(heading_text("### C ++ # "), "C ++");
        assert_eq!(heading_text("# C#"), "C#");
    }
}
