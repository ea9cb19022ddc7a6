//! Runs an answer through the text pipeline against one compiled rubric, with per-word caches
//! for stems, typo lookups and word classes, so each distinct word is normalized, stemmed and
//! classified once however often it appears; then marks the words a negation denies.

use super::matcher::{Compiled, FUZZY_MIN_CHARS};
use super::words::{self, AUX, HAZARD, NEGATOR, NOT_DENIAL, SCOPE_END, SUBJECT};
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
    class: u16,
    /// The word is one of the question's or guidance's own.
    echo: bool,
}

/// A word of the answer as the matcher sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ATok {
    pub id: Option<u32>,
    pub start: usize,
    pub end: usize,
    /// A clause boundary comes before this word.
    pub boundary: bool,
    /// A sentence boundary comes before this word.
    pub sentence: bool,
    pub stop: bool,
    /// Word classes (`words.txt`).
    pub class: u16,
    pub number: bool,
    /// One of the question's or guidance's own words.
    pub echo: bool,
    /// Inside what a negation denies ("we never used *canaries, blue/green or rollbacks*").
    pub denied: bool,
}

impl ATok {
    pub fn is(&self, class: u16) -> bool {
        self.class & class != 0
    }
}

pub(crate) struct Analyzed {
    pub tokens: Vec<ATok>,
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
        let Scratch {
            stemmer,
            seen,
            stems,
            norm,
        } = self;
        let seen = seen.entry(c.key).or_default();
        tokenize::for_each_token(answer, |t| {
            // One pass tells whether the word needs folding (most are lowercase ASCII already,
            // and are looked up as they stand) and whether it is a number.
            let mut fold = false;
            for b in t.text.bytes() {
                fold |= b.is_ascii_uppercase() || !b.is_ascii();
            }
            // "p95", "k8s" and "5xx" name things; a number starts with its digits.
            let digit = t.text.as_bytes()[0].is_ascii_digit() && !t.text.ends_with("xx");
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
                        id,
                        stop: stopwords::is_stop(norm),
                        class: words::classes(norm, stem),
                        echo: c.echo.contains(stem),
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
                sentence: t.sentence_before,
                stop: info.stop,
                class: info.class,
                number: digit,
                echo: info.echo,
                denied: false,
            });
        });
        if !c.whole_answer {
            mark_denied(&mut tokens, answer);
        }
        Analyzed { tokens }
    }
}

/// How far a negation reaches, in words.
const SCOPE_MAX: usize = 24;
/// A clause after a comma continues a negated list when it is this short ("canaries, blue/green
/// deployments or rollbacks").
const LIST_ITEM_MAX: usize = 5;
/// A failure named this soon after a negator ("no single point of failure", "without
/// downtime") makes the negation the practice, not a denial of it.
const HAZARD_REACH: usize = 4;
/// How far back a negation after its subject reaches ("backups were never tested").
const BACK_REACH: usize = 4;

/// Marks every word a negation denies: from the negator through its clause and any short list
/// items after it, until a sentence ends or a clause turns ("but", "because", "so", "we ...").
/// A second negator inside flips it back ("never deploy without a rollback plan").
fn mark_denied(toks: &mut [ATok], answer: &str) {
    // A negator inside another's reach was handled by it (it flipped the rest back).
    let mut reached = 0;
    for j in 0..toks.len() {
        if j < reached || !negates(toks, j, answer) {
            continue;
        }
        let hazard = (j + 1..toks.len().min(j + 1 + HAZARD_REACH))
            .take_while(|&k| !toks[k].sentence)
            .any(|k| toks[k].is(HAZARD));
        if hazard {
            continue;
        }
        mark_back(toks, j);
        let mut on = true;
        let mut k = j + 1;
        while k < toks.len() && k - j <= SCOPE_MAX {
            let t = toks[k];
            if t.sentence || t.is(SCOPE_END) {
                break;
            }
            if t.boundary && !list_item(toks, k) {
                break;
            }
            if t.is(NEGATOR) && negates(toks, k, answer) {
                on = !on;
            } else {
                toks[k].denied |= on;
            }
            k += 1;
        }
        reached = k;
    }
}

/// A negation after its subject denies the subject too: "backups weren't tested", "the
/// runbooks were never updated". Only across a few words of its own clause, never a pronoun.
fn mark_back(toks: &mut [ATok], j: usize) {
    let after_aux = toks[j].is(AUX) || (j > 0 && toks[j - 1].is(AUX));
    if !after_aux {
        return;
    }
    let mut k = j;
    while k > 0 && j - k < BACK_REACH && !toks[k].boundary {
        k -= 1;
        if toks[k].is(SUBJECT) {
            break;
        }
        toks[k].denied = true;
    }
}

/// A negator that denies what follows: not "not just", "no matter", "or not"; "instead of" and
/// "rather than" deny what follows them too.
fn negates(toks: &[ATok], j: usize, answer: &str) -> bool {
    let word = |k: usize| answer[toks[k].start..toks[k].end].to_ascii_lowercase();
    if toks[j].is(NEGATOR) {
        let next_cancels = toks
            .get(j + 1)
            .is_some_and(|n| n.is(NOT_DENIAL) && !n.boundary);
        let after_or = j > 0 && !toks[j].boundary && word(j - 1) == "or";
        return !next_cancels && !after_or;
    }
    if j == 0 || toks[j].boundary {
        return false;
    }
    let w = word(j);
    (w == "of" && word(j - 1) == "instead") || (w == "than" && word(j - 1) == "rather")
}

/// The clause starting at `k` is a short list item: few words, not led by a subject.
fn list_item(toks: &[ATok], k: usize) -> bool {
    if toks[k].is(SUBJECT) {
        return false;
    }
    let len = 1 + toks[k + 1..].iter().take_while(|t| !t.boundary).count();
    len <= LIST_ITEM_MAX
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
