//! Lowercases a token and folds typographic variants (curly apostrophes) to one spelling, so
//! that text pasted from a word processor matches text typed in a terminal.

/// Lowercased, apostrophe-folded form of one token.
pub fn normalize(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    normalize_into(token, &mut out);
    out
}

/// [`normalize`] into a buffer the caller reuses, replacing what it held.
pub fn normalize_into(token: &str, out: &mut String) {
    out.clear();
    if token == "%" {
        out.push_str("percent");
        return;
    }
    if token.is_ascii() {
        out.push_str(token);
        out.make_ascii_lowercase();
        return;
    }
    for c in token.chars() {
        match c {
            '’' | 'ʼ' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Folds a whole text's punctuation variants (curly quotes, dashes, non-breaking spaces) for
/// display and for the sentence splitter; words are folded by [`normalize`].
pub fn fold_punctuation(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '’' | 'ʼ' | '‘' => '\'',
            '“' | '”' => '"',
            '\u{a0}' | '\u{2009}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_and_folds_apostrophes() {
        assert_eq!(normalize("We’re"), "we're");
        assert_eq!(normalize("SLOs"), "slos");
        assert_eq!(normalize("ÉTÉ"), "été");
    }

    #[test]
    fn folds_quotes_and_spaces() {
        assert_eq!(fold_punctuation("“a” ‘b’\u{a0}c"), "\"a\" 'b' c");
    }
}
