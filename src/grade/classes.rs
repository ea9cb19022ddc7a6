//! The word classes of `words.txt` and how the file is read, shared with `build.rs`, which
//! tabulates every class word's stem so that the grader starts with the table made.

pub const ADVERB: u16 = 1;
pub const AUX: u16 = 1 << 1;
pub const CHANGE: u16 = 1 << 2;
pub const HAZARD: u16 = 1 << 3;
pub const NEGATOR: u16 = 1 << 4;
pub const NO_ACTION: u16 = 1 << 5;
pub const NOT_DENIAL: u16 = 1 << 6;
pub const QUANTITY: u16 = 1 << 7;
pub const SCOPE_END: u16 = 1 << 8;
pub const SUBJECT: u16 = 1 << 9;
pub const TIME: u16 = 1 << 10;
pub const TIME_UNIT: u16 = 1 << 11;
pub const PAST: u16 = 1 << 13;
/// A word that makes a failure word before it the name of a practice: "error budget",
/// "failure injection", "incident review".
pub const PRACTICE: u16 = 1 << 14;
/// "if", "when", "whether": a condition, which a negation opening the sentence still governs
/// ("I don't care whether checkout fails").
pub const CONDITION: u16 = 1 << 15;
/// The word "I": a story told in the first person.
pub const I: u16 = 1 << 12;

#[allow(dead_code)] // read by build.rs and the tests; the grader uses the table made of them.
pub const CLASSES: &[(&str, u16)] = &[
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

/// Each stem of `text` (the format of `words.txt`) with its classes; an error names the line.
#[allow(dead_code)] // read by build.rs and the tests
pub fn parse(
    text: &str,
    stem: impl Fn(&str) -> String,
) -> Result<std::collections::BTreeMap<String, u16>, String> {
    let mut t = std::collections::BTreeMap::new();
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
            *t.entry(stem(w)).or_default() |= bit;
        }
    }
    Ok(t)
}
