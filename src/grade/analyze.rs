//! Runs an answer through the text pipeline against one compiled rubric, with per-word caches
//! for stems and typo lookups, so each distinct word is normalized, stemmed and fuzzy-matched
//! once however often it appears.

use super::matcher::{Compiled, FUZZY_MIN_CHARS};
use crate::text::{normalize, stopwords, tokenize, Stemmer};
use rustc_hash::FxHashMap;

/// Caches that make repeated grading cheap. One per thread; never changes a result.
#[derive(Debug, Default)]
pub struct Scratch {
    stemmer: Stemmer,
    /// Rubric identity -> word -> what the matcher needs to know of it there.
    seen: FxHashMap<u64, FxHashMap<Box<str>, WordInfo>>,
    /// Word -> stem, for every rubric: a word new to one rubric is usually old to the process.
    stems: FxHashMap<Box<str>, Box<str>>,
    norm: String,
}

/// What the pipeline says about one distinct word against one rubric.
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    /// The rubric's stem id for the word, directly or through typo tolerance.
    id: Option<u32>,
    stop: bool,
    negator: bool,
    hazard: bool,
}

/// A word of the answer as the matcher sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ATok {
    pub id: Option<u32>,
    pub start: usize,
    pub end: usize,
    pub boundary: bool,
    pub stop: bool,
    pub negator: bool,
    /// Names a failure ("failure", "downtime", "toil"): denying it is the practice.
    pub hazard: bool,
    pub number: bool,
}

pub(crate) struct Analyzed {
    pub tokens: Vec<ATok>,
}

/// Words that negate what follows in their clause.
fn is_negator(norm: &str) -> bool {
    matches!(norm, "not" | "never" | "no" | "nor" | "neither" | "cannot")
        || (norm.ends_with("n't") && norm != "ain't")
}

/// Lowercases into `out`, folding curly apostrophes; ASCII words take the fast path.
fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&normalize::normalize(word));
    }
}

impl Scratch {
    pub fn new() -> Self {
        Self::default()
    }

    pub(crate) fn analyze(&mut self, c: &Compiled, answer: &str) -> Analyzed {
        let mut tokens = Vec::with_capacity(answer.len() / 6 + 1);
        let rubric_key = c.key;
        let Scratch {
            stemmer,
            seen,
            stems,
            norm,
        } = self;
        let seen = seen.entry(rubric_key).or_default();
        tokenize::for_each_token(answer, |t| {
            // One pass tells whether the word needs folding (most are lowercase ASCII already,
            // and are looked up as they stand) and whether it is a number.
            let (mut fold, mut digit) = (false, false);
            for b in t.text.bytes() {
                fold |= b.is_ascii_uppercase() || !b.is_ascii();
                digit |= b.is_ascii_digit();
            }
            if fold {
                normalize_into(t.text, norm);
            }
            let info = match seen.get(if fold { norm.as_str() } else { t.text }) {
                Some(info) => *info,
                None => {
                    if !fold {
                        norm.clear();
                        norm.push_str(t.text);
                    }
                    let stem: &str = match stems.get(norm.as_str()) {
                        Some(s) => s,
                        None => stems
                            .entry(norm.as_str().into())
                            .or_insert_with(|| stemmer.stem(norm).into_boxed_str()),
                    };
                    let mut id = c.stems.get(stem).copied();
                    if id.is_none() && norm.len() >= FUZZY_MIN_CHARS {
                        id = fuzzy_lookup(c, norm);
                    }
                    let info = WordInfo {
                        hazard: super::matcher::HAZARDS.contains(&stem),
                        id,
                        stop: stopwords::is_stop(norm),
                        negator: is_negator(norm),
                    };
                    seen.insert(norm.as_str().into(), info);
                    info
                }
            };
            tokens.push(ATok {
                id: info.id,
                start: t.start,
                end: t.end,
                boundary: t.boundary_before,
                stop: info.stop,
                negator: info.negator,
                hazard: info.hazard,
                number: digit,
            });
        });
        Analyzed { tokens }
    }
}

/// A near-miss spelling of a long rubric word: one edit for 7-9 letters, two from 10.
fn fuzzy_lookup(c: &Compiled, word: &str) -> Option<u32> {
    if !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let n = word.chars().count();
    let max = if n >= 10 { 2 } else { 1 };
    let first = word.chars().next()?;
    let lo = n.saturating_sub(max).max(FUZZY_MIN_CHARS);
    let mut best: Option<(usize, &str, u32)> = None;
    for len in lo..=n + max {
        for (cand, id) in c.fuzzy.get(len).map(Vec::as_slice).unwrap_or(&[]) {
            // Typos rarely touch the first letter; checking it first prunes most comparisons.
            if !cand.starts_with(first) {
                continue;
            }
            let d = strsim::damerau_levenshtein(word, cand);
            if d <= max && best.is_none_or(|(bd, bc, _)| (d, &**cand) < (bd, bc)) {
                best = Some((d, cand, *id));
            }
        }
    }
    best.map(|(_, _, id)| id)
}
