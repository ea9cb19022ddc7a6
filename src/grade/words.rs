//! Word classes of `words.txt`: a bit set per stem, looked up once per distinct word of an answer.

use crate::text::Stemmer;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const WORDS: &str = include_str!("words.txt");

pub(crate) const ADVERB: u16 = 1;
pub(crate) const AUX: u16 = 1 << 1;
pub(crate) const CHANGE: u16 = 1 << 2;
pub(crate) const HAZARD: u16 = 1 << 3;
pub(crate) const NEGATOR: u16 = 1 << 4;
pub(crate) const NO_ACTION: u16 = 1 << 5;
pub(crate) const NOT_DENIAL: u16 = 1 << 6;
pub(crate) const QUANTITY: u16 = 1 << 7;
pub(crate) const SCOPE_END: u16 = 1 << 8;
pub(crate) const SUBJECT: u16 = 1 << 9;
pub(crate) const TIME: u16 = 1 << 10;
pub(crate) const TIME_UNIT: u16 = 1 << 11;
pub(crate) const PAST: u16 = 1 << 13;
/// A word that makes a failure word before it the name of a practice: "error budget",
/// "failure injection", "incident review".
pub(crate) const PRACTICE: u16 = 1 << 14;
/// "if", "when", "whether": a condition, which a negation opening the sentence still governs
/// ("I don't care whether checkout fails").
pub(crate) const CONDITION: u16 = 1 << 15;
/// The word "I": a story told in the first person.
pub(crate) const I: u16 = 1 << 12;

const CLASSES: &[(&str, u16)] = &[
    ("adverb", ADVERB),
    ("aux", AUX),
    ("change", CHANGE),
    ("condition", CONDITION),
    ("hazard", HAZARD),
    ("negator", NEGATOR),
    ("no-action", NO_ACTION),
    ("not-denial", NOT_DENIAL),
    ("past", PAST),
    ("practice", PRACTICE),
    ("quantity", QUANTITY),
    ("scope-end", SCOPE_END),
    ("subject", SUBJECT),
    ("time", TIME),
    ("time-unit", TIME_UNIT),
];

/// The classes of a word, by its normalized form and stem; `n't` contractions negate.
pub(crate) fn classes(norm: &str, stem: &str) -> u16 {
    let mut c = table().get(stem).copied().unwrap_or(0);
    if norm.ends_with("n't") && norm != "ain't" {
        c |= NEGATOR | AUX;
    }
    if norm == "i" || norm == "i've" {
        c |= I;
    }
    if norm.len() > 4 && norm.ends_with("ed") {
        c |= PAST;
    }
    c
}

fn table() -> &'static FxHashMap<String, u16> {
    static T: OnceLock<FxHashMap<String, u16>> = OnceLock::new();
    T.get_or_init(|| parse(WORDS).expect("embedded word classes are valid (checked by tests)"))
}

fn parse(text: &str) -> Result<FxHashMap<String, u16>, String> {
    let stemmer = Stemmer::english();
    let mut t: FxHashMap<String, u16> = FxHashMap::default();
    let mut last_class = "";
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#'))
    {
        let (name, words) = line
            .split_once(": ")
            .ok_or_else(|| format!("words.txt:{}: expected `class: words`", n + 1))?;
        let bit = CLASSES
            .iter()
            .find(|(c, _)| *c == name)
            .ok_or_else(|| format!("words.txt:{}: unknown class `{name}`", n + 1))?
            .1;
        let words: Vec<&str> = words.split(' ').collect();
        if name <= last_class || words.windows(2).any(|w| w[0] >= w[1]) {
            return Err(format!(
                "words.txt:{}: classes and words must be sorted and unique",
                n + 1
            ));
        }
        last_class = name;
        for w in words {
            *t.entry(stemmer.stem(w)).or_default() |= bit;
        }
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_list_is_sorted_and_loads() {
        parse(WORDS).unwrap();
        let s = Stemmer::english();
        let c = |w: &str| classes(w, &s.stem(w));
        assert_ne!(c("never") & NEGATOR, 0);
        assert_ne!(c("weren't") & NEGATOR, 0);
        assert_ne!(c("reduced") & CHANGE, 0);
        assert_ne!(c("reduces") & CHANGE, 0);
        assert_ne!(c("failures") & HAZARD, 0);
        assert_eq!(c("canary"), 0);
    }

    #[test]
    fn unsorted_words_are_refused_with_the_line() {
        let e = parse("# x\nnegator: no never\n").unwrap_err();
        assert_eq!(
            e,
            "words.txt:2: classes and words must be sorted and unique"
        );
    }
}
