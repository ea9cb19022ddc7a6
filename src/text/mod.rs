//! The text pipeline shared by rubric building and grading: tokenize, lowercase and normalize,
//! mark stop words, stem. Each stage lives in its own module and is tested alone.

pub mod normalize;
mod snowball;
pub mod stem;
pub mod stopwords;
pub mod tokenize;

pub use stem::Stemmer;
pub use tokenize::{tokenize, Token};

/// One analyzed word: the normalized surface form, its stem, and where it sits in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lowercased, punctuation-normalized form (`don't`, `k8s`, `blue`).
    pub norm: String,
    /// Snowball English stem of `norm`.
    pub stem: String,
    /// True for function words that carry no topic on their own.
    pub stop: bool,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// True when a sentence or clause boundary (`.`, `;`, `:`, `,`, `!`, `?`, a line break)
    /// stands between this word and the previous one.
    pub boundary_before: bool,
}

/// Runs every stage over `text`. Used for rubric terms and for small texts; the grader has its
/// own cached path over the same stages.
pub fn analyze(text: &str, stemmer: &Stemmer) -> Vec<Word> {
    analyze_by(text, |norm| stemmer.stem(norm))
}

/// Calls `f` with each word's normalized form, stem and whether it is a stop word. A word the
/// build did not stem is stemmed once and remembered in `stems`; nothing else allocates, since
/// compiling a rubric visits thousands of words, most of them repeats.
pub fn for_each_word(
    text: &str,
    stemmer: &Stemmer,
    stems: &mut rustc_hash::FxHashMap<Box<str>, Box<str>>,
    mut f: impl FnMut(&str, &str, bool),
) {
    let mut norm = String::with_capacity(32);
    tokenize::for_each_token(text, |t| {
        normalize::normalize_into(t.text, &mut norm);
        let stop = stopwords::is_stop(&norm);
        if let Some(stem) = Stemmer::known(&norm) {
            return f(&norm, stem, stop);
        }
        if !stems.contains_key(norm.as_str()) {
            stems.insert(norm.as_str().into(), stemmer.stem(&norm).into());
        }
        f(&norm, &stems[norm.as_str()], stop);
    });
}

fn analyze_by(text: &str, mut stem_of: impl FnMut(&str) -> String) -> Vec<Word> {
    tokenize(text)
        .into_iter()
        .map(|t| {
            let norm = normalize::normalize(t.text);
            let stem = stem_of(&norm);
            let stop = stopwords::is_stop(&norm);
            Word {
                norm,
                stem,
                stop,
                start: t.start,
                end: t.end,
                boundary_before: t.boundary_before,
            }
        })
        .collect()
}

/// `s` cut to at most `max` characters at a word boundary, with an ellipsis when cut. Used for
/// hints that quote a sample answer and for messages that quote a question.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) => &cut[..i],
        None => &cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

/// The stems of a phrase, in order, stop words kept (they matter inside phrases such as
/// "infrastructure as code"). Empty when the phrase has no words.
pub fn phrase_stems(phrase: &str, stemmer: &Stemmer) -> Vec<String> {
    analyze(phrase, stemmer)
        .into_iter()
        .map(|w| w.stem)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_runs_all_stages_and_keeps_offsets() {
        let s = Stemmer::english();
        let text = "We’re rolling Blue/Green deployments, then canaries.";
        let words = analyze(text, &s);
        let norms: Vec<_> = words.iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(
            norms,
            [
                "we're",
                "rolling",
                "blue",
                "green",
                "deployments",
                "then",
                "canaries"
            ]
        );
        assert_eq!(words[1].stem, "roll");
        assert_eq!(words[4].stem, "deploy");
        assert!(words[0].stop);
        assert!(!words[4].stop);
        assert_eq!(&text[words[2].start..words[2].end], "Blue");
        assert!(words[5].boundary_before);
        assert!(!words[3].boundary_before);
    }

    #[test]
    fn clip_cuts_at_a_word() {
        assert_eq!(clip("alpha beta gamma", 12), "alpha beta…");
        assert_eq!(clip("alpha, beta gamma", 13), "alpha, beta…");
        assert_eq!(clip("alpha, beta", 8), "alpha…");
        assert_eq!(clip("short", 12), "short");
        assert_eq!(clip("ünïcödé wörds", 9), "ünïcödé…");
    }

    #[test]
    fn phrase_variants_give_the_same_stems() {
        let s = Stemmer::english();
        let a = phrase_stems("blue/green", &s);
        assert_eq!(a, phrase_stems("blue-green", &s));
        assert_eq!(a, phrase_stems("Blue Green", &s));
        assert_eq!(phrase_stems("infrastructure as code", &s).len(), 3);
    }
}
