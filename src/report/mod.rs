//! Renders results for people and programs. Every printer writes to any `io::Write`, so tests
//! render into a `Vec<u8>`; nothing here decides exit codes or reads input.

pub mod browse;
pub mod check;
pub mod eval;
pub mod grade;
pub mod html;
pub mod practice;
pub mod progress;

use colored::{Color, Colorize};

/// Whether to color human output; machine formats never are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub fn plain() -> Self {
        Style { color: false }
    }

    pub(crate) fn paint(&self, s: &str, c: Color) -> String {
        if self.color {
            s.color(c).to_string()
        } else {
            s.to_string()
        }
    }

    pub(crate) fn bold(&self, s: &str) -> String {
        if self.color {
            s.bold().to_string()
        } else {
            s.to_string()
        }
    }

    pub(crate) fn dim(&self, s: &str) -> String {
        if self.color {
            s.dimmed().to_string()
        } else {
            s.to_string()
        }
    }
}

/// `1 answer`, `2 answers`: a count with the noun that reads right for it.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Wraps `text` to `width` columns, every line starting with `indent`.
pub(crate) fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty()
            && indent.len() + line.chars().count() + 1 + word.chars().count() > width
        {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_width_with_indent() {
        assert_eq!(wrap("aa bb cc dd", 8, "  "), "  aa bb\n  cc dd\n");
        assert_eq!(wrap("", 8, "  "), "");
    }

    #[test]
    fn plain_style_adds_no_escape_codes() {
        let s = Style::plain();
        assert_eq!(s.paint("x", Color::Red), "x");
        assert_eq!(s.bold("x"), "x");
    }
}
