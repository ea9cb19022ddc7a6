//! Compiles a question's rubric into a matcher: terms as sequences of interned stems, indexed by
//! their first stem, with lexicon groups so that two spellings of one idea count once.

use crate::lexicon::Lexicon;
use crate::rubric::{Question, Source};
use crate::text::{self, Stemmer};
use std::collections::HashMap;

static NEXT_KEY: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Strength of a `related` term relative to a `terms` entry.
pub const RELATED_STRENGTH: f32 = 0.15;
/// The special term that matches any number ("40%", "15 minutes").
pub const NUMBER_TERM: &str = "#number";

/// A rubric question ready to grade answers against.
#[derive(Debug)]
pub struct Compiled {
    /// Unique for the process, so per-rubric caches never mistake one rubric for another
    /// (an address could be reused after a drop, or change when the value moves).
    pub(crate) key: u64,
    pub(crate) stems: rustc_hash::FxHashMap<String, u32>,
    pub(crate) terms: Vec<CTerm>,
    /// Terms by their first stem id.
    pub(crate) first: Vec<Vec<u32>>,
    /// Terms that match any number.
    pub(crate) number_terms: Vec<u32>,
    pub(crate) points: Vec<CPoint>,
    /// Long vocabulary words by character length, for typo-tolerant matching.
    pub(crate) fuzzy: Vec<Vec<(Box<str>, u32)>>,
    /// Words of the sample answer, for length-relative warnings.
    pub(crate) sample_words: usize,
    /// True when one point carries most of the rubric (a short reference answer): there is no
    /// spread of points for stray domain words to brush against, so no floor is needed.
    pub(crate) whole_answer: bool,
}

#[derive(Debug)]
pub(crate) struct CTerm {
    pub stems: Vec<u32>,
    pub point: usize,
    pub strength: f32,
    pub group: u32,
    /// Names a failure or waste ("single point of failure", "toil"): saying there is none
    /// ("no single point of failure") is the practice, not a denial of it.
    pub hazard: bool,
}

/// Stems of failure concepts that a negation does not deny.
pub(crate) const HAZARDS: &[&str] = &[
    "bottleneck",
    "chokepoint",
    "choke",
    "downtim",
    "drift",
    "failur",
    "lock",
    "noisi",
    "nois",
    "outag",
    "regress",
    "singl",
    "spof",
    "toil",
];

#[derive(Debug)]
pub(crate) struct CPoint {
    pub weight: f32,
    pub need: f32,
}

/// A reference answer shorter than this (in words), with no guidance, is graded as one idea.
pub const WHOLE_ANSWER_WORDS: usize = 60;

/// The evidence a point offers: its distinct groups' strengths.
fn strength_of_point(terms: &[CTerm], point: usize) -> f32 {
    let mut groups: Vec<(u32, f32)> = Vec::new();
    for t in terms.iter().filter(|t| t.point == point) {
        match groups.iter_mut().find(|(g, _)| *g == t.group) {
            Some(e) => e.1 = e.1.max(t.strength),
            None => groups.push((t.group, t.strength)),
        }
    }
    groups.iter().map(|(_, s)| s).fold(0.0, |a, b| a + b)
}

/// Shortest word that typo tolerance applies to: shorter words collide too easily.
pub const FUZZY_MIN_CHARS: usize = 7;

impl Compiled {
    pub fn new(q: &Question, lex: &Lexicon, stemmer: &Stemmer) -> Compiled {
        let mut c = Compiled {
            stems: Default::default(),
            terms: Vec::new(),
            first: Vec::new(),
            number_terms: Vec::new(),
            points: Vec::new(),
            fuzzy: Vec::new(),
            sample_words: text::tokenize(&q.sample_answer).len(),
            whole_answer: false,
            key: NEXT_KEY.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        let mut groups: HashMap<String, u32> = HashMap::new();
        let mut fuzzy_words: Vec<(String, u32)> = Vec::new();
        let mut groups_per_point = Vec::new();
        for (pi, p) in q.points.iter().enumerate() {
            let mut strong_groups = std::collections::BTreeSet::new();
            for (list, strength) in [(&p.terms, 1.0f32), (&p.related, RELATED_STRENGTH)] {
                for term in list {
                    // Spellings of one lexicon group are one piece of evidence.
                    let gkey = match lex.group_of(term) {
                        Some(g) => format!("#{g}"),
                        None => crate::lexicon::norm_key(term),
                    };
                    let next = groups.len() as u32;
                    let group = *groups.entry(gkey).or_insert(next);
                    if strength == 1.0 {
                        strong_groups.insert(group);
                    }
                    let idx = c.terms.len() as u32;
                    if term == NUMBER_TERM {
                        c.number_terms.push(idx);
                        c.terms.push(CTerm {
                            stems: Vec::new(),
                            point: pi,
                            strength,
                            group,
                            hazard: false,
                        });
                        continue;
                    }
                    let words = text::analyze(term, stemmer);
                    if words.is_empty() || (words.len() == 1 && words[0].stop) {
                        continue;
                    }
                    let mut ids = Vec::with_capacity(words.len());
                    for w in &words {
                        let id = c.intern(&w.stem);
                        if w.norm.chars().count() >= FUZZY_MIN_CHARS
                            && w.norm.chars().all(char::is_alphabetic)
                        {
                            fuzzy_words.push((w.norm.clone(), id));
                        }
                        ids.push(id);
                    }
                    let first = ids[0] as usize;
                    if c.first.len() <= first {
                        c.first.resize_with(first + 1, Vec::new);
                    }
                    c.first[first].push(idx);
                    let hazard = words.iter().any(|w| HAZARDS.contains(&w.stem.as_str()));
                    c.terms.push(CTerm {
                        stems: ids,
                        point: pi,
                        strength,
                        group,
                        hazard,
                    });
                }
            }
            c.points.push(CPoint {
                weight: p.weight as f32,
                need: p
                    .need
                    .map_or_else(|| need_for(p.source, strong_groups.len()), |n| n as f32),
            });
            groups_per_point.push(strong_groups.len());
        }
        // A short reference answer without guidance is one idea, not a list of points: each of
        // its sentences needs all of its terms, and the score follows how much of it was said.
        c.whole_answer = q.guidance.is_none() && c.sample_words < WHOLE_ANSWER_WORDS;
        if c.whole_answer {
            for (pi, p) in c.points.iter_mut().enumerate() {
                p.need = strength_of_point(&c.terms, pi).max(1.0);
            }
        }
        let _ = groups_per_point;
        fuzzy_words.sort();
        fuzzy_words.dedup();
        for (w, id) in fuzzy_words {
            let n = w.chars().count();
            if c.fuzzy.len() <= n {
                c.fuzzy.resize_with(n + 1, Vec::new);
            }
            c.fuzzy[n].push((w.into_boxed_str(), id));
        }
        c
    }

    fn intern(&mut self, stem: &str) -> u32 {
        let next = self.stems.len() as u32;
        *self.stems.entry(stem.to_string()).or_insert(next)
    }
}

/// How much evidence (in strong-term units) gives a point full credit. A sample point drawn
/// from a long sentence names several things; one of them alone is half the point.
fn need_for(source: Source, strong_groups: usize) -> f32 {
    match source {
        Source::Sample if strong_groups >= 6 => 2.0,
        Source::Sample if strong_groups >= 3 => 1.5,
        _ => 1.0,
    }
}
