//! Splits text into word tokens that keep their byte span in the original string.
//!
//! A word is a run of letters and digits; an apostrophe between letters stays inside it
//! (`don't`, `team’s`), every other character separates words. Hyphens and slashes therefore
//! split `blue-green` and `blue/green` into the same two words, which is what lets the three
//! spellings of a compound match each other.

/// A word of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// A clause boundary (sentence punctuation, comma, colon, semicolon, bullet or a line break
    /// that is not a soft wrap) separates this token from the previous one.
    pub boundary_before: bool,
    /// A sentence boundary (`.`, `!`, `?`, `;`, a blank line, a bullet or heading) separates
    /// this token from the previous one. Implies `boundary_before`.
    pub sentence_before: bool,
    /// A boundary that turns the sentence (`:`, a dash, a parenthesis) or a sentence boundary
    /// separates this token from the previous one: a negation does not reach across it.
    pub hard_before: bool,
}

/// Tokenizes `text`. Never panics; offsets always fall on char boundaries.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    for_each_token(text, |t| out.push(t));
    out
}

/// What separates the next word from the previous one, gathered from the characters between.
#[derive(Debug, Default, Clone, Copy)]
struct Gap {
    clause: bool,
    sentence: bool,
    hard: bool,
    /// Line breaks since the last word; a lone one before a lowercase word is a soft wrap.
    newlines: u8,
    /// Only spaces since the last line break: a `-`, `*` or `#` here starts a bullet or heading.
    line_start: bool,
}

impl Gap {
    /// Notes a character between words; `next` is the character after it, if any. A full stop
    /// inside a word (`99.9`, `e.g.`, `node.js`) ends nothing.
    fn see(&mut self, c: char, next: Option<char>) {
        if c == '.' && next.is_some_and(char::is_alphanumeric) {
            return;
        }
        match c {
            '\n' => {
                self.newlines = self.newlines.saturating_add(1);
                self.line_start = true;
                if self.newlines >= 2 {
                    self.sentence = true;
                }
            }
            ' ' | '\t' | '\r' => {}
            '-' | '*' | '#' | '+' if self.line_start => self.sentence = true,
            _ => {
                self.line_start = false;
                if is_sentence_end(c) {
                    self.sentence = true;
                } else if is_boundary(c) {
                    self.clause = true;
                    self.hard |= is_turn(c);
                }
            }
        }
    }

    /// The boundaries before a word starting with `first`: (clause, sentence, hard).
    fn finish(&mut self, first: char) -> (bool, bool, bool) {
        let wrap_break = self.newlines == 1 && !first.is_lowercase();
        let sentence = self.sentence;
        let clause = sentence || self.clause || wrap_break;
        let hard = sentence || self.hard;
        *self = Gap::default();
        (clause, sentence, hard)
    }
}

/// Streams tokens to `f` without allocating a vector. Walks bytes and decodes a character only
/// where a byte is not ASCII: most answers are mostly ASCII, and decoding every character cost a
/// fifth of the grading time of a long answer.
pub fn for_each_token<'a>(text: &'a str, mut f: impl FnMut(Token<'a>)) {
    let b = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut gap = Gap::default();
    let mut before = (false, false, false);
    let mut i = 0;
    while i < b.len() {
        // ASCII letters and digits, and spaces, are most of any answer: they skip the general
        // path below (a space ends a word and tells the gap nothing).
        let byte = b[i];
        if ASCII_WORD[usize::from(byte)] {
            if start.is_none() {
                start = Some(i);
                before = gap.finish(char::from(byte));
            }
            i = ascii_word_end(b, i + 1);
            continue;
        }
        if byte == b' ' {
            if let Some(s) = start.take() {
                f(word(text, s, i, before));
            }
            i += 1;
            continue;
        }
        let (c, len) = char_at(text, i).expect("i is below the length, on a char boundary");
        let at = i;
        i += len;
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(at);
                before = gap.finish(c);
            }
            continue;
        }
        // Keep an apostrophe only when a letter follows: "don't" stays whole, a closing quote
        // after a word ends it.
        let next = char_at(text, i).map(|(n, _)| n);
        if is_apostrophe(c) && start.is_some() && next.is_some_and(char::is_alphabetic) {
            continue;
        }
        if let Some(s) = start.take() {
            f(word(text, s, at, before));
        }
        if c == '%' {
            let before = gap.finish('%');
            f(word(text, at, i, before));
            continue;
        }
        gap.see(c, next);
    }
    if let Some(s) = start {
        f(word(text, s, text.len(), before));
    }
}

/// ASCII letters and digits, by byte: one load tells, where `u8::is_ascii_alphanumeric` takes
/// two range checks, and this runs for every byte of every word.
static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Where the run of ASCII letters and digits from `b[i]` ends. Out of line, so that its loop
/// keeps the slice in registers.
#[inline(never)]
fn ascii_word_end(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| ASCII_WORD[usize::from(c)]) {
        i += 1;
    }
    i
}

/// The character at byte `i` and its length, reading ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

fn word(text: &str, start: usize, end: usize, before: (bool, bool, bool)) -> Token<'_> {
    Token {
        text: &text[start..end],
        start,
        end,
        boundary_before: before.0,
        sentence_before: before.1,
        hard_before: before.2,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | ';' | '!' | '?' | '•')
}

/// Characters that turn a sentence rather than continue a list.
fn is_turn(c: char) -> bool {
    matches!(c, ':' | '(' | ')' | '—' | '–')
}

fn is_boundary(c: char) -> bool {
    matches!(c, ',' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_on_punctuation_and_keeps_contractions() {
        assert_eq!(
            words("I'd use blue/green, then roll-back."),
            ["I'd", "use", "blue", "green", "then", "roll", "back"]
        );
        assert_eq!(words("the team’s SLOs"), ["the", "team’s", "SLOs"]);
        assert_eq!(words("'quoted' words"), ["quoted", "words"]);
        assert_eq!(
            words("p99 5xx k8s 99.9%"),
            ["p99", "5xx", "k8s", "99", "9", "%"]
        );
    }

    #[test]
    fn offsets_slice_the_original() {
        let s = "Ünïcode — naïve café, ok";
        for t in tokenize(s) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
        assert_eq!(words(s), ["Ünïcode", "naïve", "café", "ok"]);
    }

    #[test]
    fn marks_clause_boundaries() {
        let toks = tokenize("alpha beta, gamma.\ndelta");
        let b: Vec<_> = toks.iter().map(|t| t.boundary_before).collect();
        assert_eq!(b, [false, false, true, true]);
        let s: Vec<_> = toks.iter().map(|t| t.sentence_before).collect();
        assert_eq!(s, [false, false, false, true]);
    }

    #[test]
    fn a_soft_wrap_is_no_boundary_but_a_paragraph_or_bullet_is_a_sentence() {
        let toks = tokenize("roll the\nconfig back\n\nthen\n- canary\nStaging");
        let b: Vec<_> = toks
            .iter()
            .map(|t| (t.text, t.boundary_before, t.sentence_before))
            .collect();
        assert_eq!(
            b,
            [
                ("roll", false, false),
                ("the", false, false),
                ("config", false, false),
                ("back", false, false),
                ("then", true, true),
                ("canary", true, true),
                ("Staging", true, false),
            ]
        );
    }

    #[test]
    fn a_full_stop_inside_a_number_or_abbreviation_ends_nothing() {
        let toks = tokenize("keep 99.9% e.g. for node.js: done");
        let b: Vec<_> = toks
            .iter()
            .map(|t| (t.text, t.boundary_before, t.hard_before))
            .collect();
        assert_eq!(
            b,
            [
                ("keep", false, false),
                ("99", false, false),
                ("9", false, false),
                ("%", false, false),
                ("e", false, false),
                ("g", false, false),
                ("for", true, true),
                ("node", false, false),
                ("js", false, false),
                ("done", true, true),
            ]
        );
    }

    /// Decoding every character, as the tokenizer once did: the rules in their plainest form.
    fn reference(text: &str) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut gap = Gap::default();
        let mut before = (false, false, false);
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some(i);
                    before = gap.finish(c);
                }
                continue;
            }
            if is_apostrophe(c)
                && start.is_some()
                && matches!(chars.peek(), Some((_, n)) if n.is_alphabetic())
            {
                continue;
            }
            if let Some(s) = start.take() {
                out.push(word(text, s, i, before));
            }
            if c == '%' {
                let before = gap.finish('%');
                out.push(word(text, i, i + 1, before));
                continue;
            }
            gap.see(c, chars.peek().map(|&(_, n)| n));
        }
        if let Some(s) = start {
            out.push(word(text, s, text.len(), before));
        }
        out
    }

    #[test]
    fn byte_walk_agrees_with_decoding_every_character() {
        let s =
            "I'd use blue/green, then roll-back.\n- p99 'quoted' k8s: done; ok?\n\n# x\nwrap\n* y \
                 team’s Ünïcode — naïve café, 99.9%… “x” ʼa 日本語 ok";
        assert_eq!(tokenize(s), reference(s));
    }

    proptest::proptest! {
        #[test]
        fn byte_walk_agrees_with_decoding_every_character_on_any_text(
            s in "[a-zA-Z0-9 '’ʼ.,;:!?%\n\t*#+—–\"“”()éÜ日-]{0,60}"
        ) {
            proptest::prop_assert_eq!(tokenize(&s), reference(&s));
        }
    }

    #[test]
    fn empty_and_symbol_only_input() {
        assert!(tokenize("").is_empty());
        assert!(tokenize("  -- // ... ").is_empty());
    }
}
