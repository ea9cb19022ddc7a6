//! Runs an answer through the text pipeline against one compiled rubric, with per-word caches
//! for stems and typo lookups, so each distinct word is stemmed and fuzzy-matched once.

use super::compile::{Compiled, FUZZY_MIN_CHARS};
use crate::text::{normalize, stopwords, tokenize, Stemmer};
use std::collections::HashMap;

/// Caches that make repeated grading cheap. One per thread.
#[derive(Debug, Default)]
pub struct Scratch {
    stemmer: Stemmer,
    stems: HashMap<String, Box<str>>,
    /// (rubric identity, word) -> stem id found by typo tolerance.
    fuzzy: HashMap<(usize, String), Option<u32>>,
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

impl Scratch {
    pub fn new() -> Self {
        Self::default()
    }

    pub(crate) fn analyze(&mut self, c: &Compiled, answer: &str) -> Analyzed {
        let mut tokens = Vec::with_capacity(answer.len() / 6 + 1);
        let rubric_key = c as *const Compiled as usize;
        let mut norm = String::new();
        tokenize::for_each_token(answer, |t| {
            norm.clear();
            norm.push_str(&normalize::normalize(t.text));
            let stem: &str = match self.stems.get(norm.as_str()) {
                Some(s) => s,
                None => {
                    let s = self.stemmer.stem(&norm).into_boxed_str();
                    self.stems.entry(norm.clone()).or_insert(s)
                }
            };
            let mut id = c.stems.get(stem).copied();
            if id.is_none() && norm.len() >= FUZZY_MIN_CHARS {
                let key = (rubric_key, norm.clone());
                id = *self
                    .fuzzy
                    .entry(key)
                    .or_insert_with(|| fuzzy_lookup(c, &norm));
            }
            tokens.push(ATok {
                id,
                start: t.start,
                end: t.end,
                boundary: t.boundary_before,
                stop: stopwords::is_stop(&norm),
                negator: is_negator(&norm),
                number: t.text.bytes().any(|b| b.is_ascii_digit()),
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
