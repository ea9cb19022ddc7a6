//! The word-overlap baseline `rubric eval` prints beside the grader: ROUGE-1 recall with
//! stemming, computed as Google's `rouge-score` package does with `use_stemmer=True` (lowercase,
//! runs of `[a-z0-9]` as tokens, words of more than three letters Porter-stemmed as NLTK's
//! `PorterStemmer` does in its default mode, clipped unigram counts over the reference's).
//! `benches/rouge_check.py` compares it with the package on a data set.

use std::collections::HashMap;

/// Tokens as `rouge-score` makes them: lowercased, split on anything but `[a-z0-9]`, words of
/// more than three characters stemmed.
pub fn tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .map(|t| {
            if t.len() > 3 {
                porter(t)
            } else {
                t.to_string()
            }
        })
        .collect()
}

/// ROUGE-1 recall of `answer` against `reference`: the share of the reference's unigrams (with
/// multiplicity) that the answer has, 0 when the reference has none.
pub fn rouge1_recall(reference: &str, answer: &str) -> f64 {
    let reference = tokens(reference);
    if reference.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for t in tokens(answer) {
        *counts.entry(t).or_default() += 1;
    }
    let mut want: HashMap<&str, usize> = HashMap::new();
    for t in &reference {
        *want.entry(t.as_str()).or_default() += 1;
    }
    let overlap: usize = want
        .iter()
        .map(|(t, n)| (*n).min(counts.get(*t).copied().unwrap_or(0)))
        .sum();
    overlap as f64 / reference.len() as f64
}

/// The Porter stemmer as NLTK implements it in its default mode (`NLTK_EXTENSIONS`), for
/// lowercase ASCII words.
pub fn porter(word: &str) -> String {
    const POOL: &[(&str, &str)] = &[
        ("canning", "canning"),
        ("cannings", "canning"),
        ("dying", "die"),
        ("exceed", "exceed"),
        ("howe", "howe"),
        ("inning", "inning"),
        ("innings", "inning"),
        ("lying", "lie"),
        ("news", "news"),
        ("outing", "outing"),
        ("outings", "outing"),
        ("proceed", "proceed"),
        ("skies", "sky"),
        ("sky", "sky"),
        ("succeed", "succeed"),
        ("tying", "tie"),
    ];
    if let Some((_, s)) = POOL.iter().find(|(w, _)| *w == word) {
        return s.to_string();
    }
    if word.len() <= 2 || !word.is_ascii() {
        return word.to_string();
    }
    let mut w = word.as_bytes().to_vec();
    step1a(&mut w);
    step1b(&mut w);
    step1c(&mut w);
    step2(&mut w);
    step3(&mut w);
    step4(&mut w);
    step5a(&mut w);
    step5b(&mut w);
    String::from_utf8(w).expect("ASCII in, ASCII out")
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Consonant flags left to right: `y` is a consonant at the start or after a vowel.
fn consonants(w: &[u8]) -> Vec<bool> {
    let mut f: Vec<bool> = Vec::with_capacity(w.len());
    for (i, &c) in w.iter().enumerate() {
        let cons = if is_vowel(c) {
            false
        } else if c == b'y' {
            i == 0 || !f[i - 1]
        } else {
            true
        };
        f.push(cons);
    }
    f
}

fn is_consonant(w: &[u8], i: usize) -> bool {
    consonants(&w[..=i])[i]
}

/// Porter's m: the number of vowel-consonant sequences.
fn measure(w: &[u8]) -> usize {
    let f = consonants(w);
    f.windows(2).filter(|p| !p[0] && p[1]).count()
}

fn has_vowel(w: &[u8]) -> bool {
    consonants(w).iter().any(|c| !c)
}

fn ends_double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

/// A condition on the stem left after removing a suffix.
type Cond = fn(&[u8]) -> bool;

fn m_gt0(s: &[u8]) -> bool {
    measure(s) > 0
}

fn m_gt1(s: &[u8]) -> bool {
    measure(s) > 1
}

/// The first rule whose suffix ends the word decides: its replacement when the condition holds
/// on the stem, else the word unchanged.
fn apply(w: &mut Vec<u8>, rules: &[(&str, &str, Option<Cond>)]) {
    for &(suffix, rep, cond) in rules {
        if w.ends_with(suffix.as_bytes()) {
            let stem = &w[..w.len() - suffix.len()];
            if cond.is_none_or(|c| c(stem)) {
                w.truncate(w.len() - suffix.len());
                w.extend_from_slice(rep.as_bytes());
            }
            return;
        }
    }
}

fn replace_end(w: &mut Vec<u8>, suffix: &str, rep: &str) {
    w.truncate(w.len() - suffix.len());
    w.extend_from_slice(rep.as_bytes());
}

fn step1a(w: &mut Vec<u8>) {
    if w.ends_with(b"ies") && w.len() == 4 {
        replace_end(w, "ies", "ie");
        return;
    }
    apply(
        w,
        &[
            ("sses", "ss", None),
            ("ies", "i", None),
            ("ss", "ss", None),
            ("s", "", None),
        ],
    );
}

fn step1b(w: &mut Vec<u8>) {
    if w.ends_with(b"ied") {
        let rep = if w.len() == 4 { "ie" } else { "i" };
        replace_end(w, "ied", rep);
        return;
    }
    if w.ends_with(b"eed") {
        if measure(&w[..w.len() - 3]) > 0 {
            replace_end(w, "eed", "ee");
        }
        return;
    }
    let mut cut = None;
    for suffix in ["ed", "ing"] {
        if w.ends_with(suffix.as_bytes()) {
            let stem = &w[..w.len() - suffix.len()];
            if has_vowel(stem) {
                cut = Some(suffix.len());
                break;
            }
        }
    }
    let Some(cut) = cut else { return };
    w.truncate(w.len() - cut);
    for (suffix, rep) in [("at", "ate"), ("bl", "ble"), ("iz", "ize")] {
        if w.ends_with(suffix.as_bytes()) {
            replace_end(w, suffix, rep);
            return;
        }
    }
    if ends_double_consonant(w) {
        if !matches!(w[w.len() - 1], b'l' | b's' | b'z') {
            w.pop();
        }
        return;
    }
    if measure(w) == 1 && ends_cvc(w) {
        w.push(b'e');
    }
}

fn step1c(w: &mut Vec<u8>) {
    if w.ends_with(b"y") {
        let stem = &w[..w.len() - 1];
        if stem.len() > 1 && is_consonant(stem, stem.len() - 1) {
            replace_end(w, "y", "i");
        }
    }
}

fn step2(w: &mut Vec<u8>) {
    if w.ends_with(b"alli") && m_gt0(&w[..w.len() - 4]) {
        replace_end(w, "alli", "al");
        step2(w);
        return;
    }
    if w.ends_with(b"logi") {
        // NLTK tests the measure of the word less "ogi" here, not of the stem less "logi".
        if m_gt0(&w[..w.len() - 3]) {
            replace_end(w, "logi", "log");
        }
        return;
    }
    let c: Option<Cond> = Some(m_gt0);
    apply(
        w,
        &[
            ("ational", "ate", c),
            ("tional", "tion", c),
            ("enci", "ence", c),
            ("anci", "ance", c),
            ("izer", "ize", c),
            ("bli", "ble", c),
            ("alli", "al", c),
            ("entli", "ent", c),
            ("eli", "e", c),
            ("ousli", "ous", c),
            ("ization", "ize", c),
            ("ation", "ate", c),
            ("ator", "ate", c),
            ("alism", "al", c),
            ("iveness", "ive", c),
            ("fulness", "ful", c),
            ("ousness", "ous", c),
            ("aliti", "al", c),
            ("iviti", "ive", c),
            ("biliti", "ble", c),
            ("fulli", "ful", c),
        ],
    );
}

fn step3(w: &mut Vec<u8>) {
    let c: Option<Cond> = Some(m_gt0);
    apply(
        w,
        &[
            ("icate", "ic", c),
            ("ative", "", c),
            ("alize", "al", c),
            ("iciti", "ic", c),
            ("ical", "ic", c),
            ("ful", "", c),
            ("ness", "", c),
        ],
    );
}

fn step4(w: &mut Vec<u8>) {
    let c: Option<Cond> = Some(m_gt1);
    let ion: Option<Cond> = Some(|s| m_gt1(s) && matches!(s.last(), Some(b's' | b't')));
    apply(
        w,
        &[
            ("al", "", c),
            ("ance", "", c),
            ("ence", "", c),
            ("er", "", c),
            ("ic", "", c),
            ("able", "", c),
            ("ible", "", c),
            ("ant", "", c),
            ("ement", "", c),
            ("ment", "", c),
            ("ent", "", c),
            ("ion", "", ion),
            ("ou", "", c),
            ("ism", "", c),
            ("ate", "", c),
            ("iti", "", c),
            ("ous", "", c),
            ("ive", "", c),
            ("ize", "", c),
        ],
    );
}

fn step5a(w: &mut Vec<u8>) {
    if w.ends_with(b"e") {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            w.pop();
        }
    }
}

fn step5b(w: &mut Vec<u8>) {
    if w.ends_with(b"ll") && measure(&w[..w.len() - 1]) > 1 {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_as_nltk_does() {
        // Pairs printed by NLTK 3.10's PorterStemmer() (default mode).
        for (w, s) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("generalization", "gener"),
            ("electrical", "electr"),
            ("adjustment", "adjust"),
            ("controll", "control"),
            ("dying", "die"),
            ("skies", "sky"),
            ("analogies", "analog"),
            ("acknowledgment", "acknowledg"),
            ("retransmission", "retransmiss"),
            ("duplicates", "duplic"),
        ] {
            assert_eq!(porter(w), s, "{w}");
        }
    }

    #[test]
    fn recall_counts_clipped_unigrams_of_the_reference() {
        assert_eq!(
            tokens("The UDP-header's size!"),
            ["the", "udp", "header", "s", "size"]
        );
        // Reference: the, cat, sat (3 tokens); the answer has "the" twice and "cat" once.
        assert!((rouge1_recall("The cat sat.", "the the cat") - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(rouge1_recall("", "anything"), 0.0);
    }
}
