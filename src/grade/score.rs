//! Finds the rubric's terms in an analyzed answer and turns them into point credit, a score,
//! a band and warnings.

use super::analyze::{ATok, Analyzed};
use super::matcher::Compiled;
use super::{Grade, PointGrade};
use crate::rubric::{Kind, Question, Source};
use serde::Serialize;

/// Words a phrase may skip between two of its words ("roll the config back" for "roll back").
const MAX_GAP: usize = 2;
/// How far back a negator ("never", "not", "don't") reaches within a clause, and how far after
/// a term ("runbooks were never", "alert quality hasn't been").
const NEGATION_REACH: usize = 8;
const NEGATION_AFTER: usize = 2;
/// Credit from which a point counts as covered: most of the evidence it needs is there, not
/// one of the two things a broad point asks for.
pub const COVERED: f64 = 0.6;
/// Most of a point's need that related words can supply: less than the covered line.
const RELATED_CAP: f32 = 0.45;
/// Coverage at or below which the score is 0, and at or above which it is 100: no answer says
/// everything a rubric lists, and a few stray domain words are not coverage.
pub const FLOOR: f64 = 0.1;
pub const CEILING: f64 = 0.8;
/// Share of function words below which an answer reads as a bare keyword list.
const KEYWORD_LIST_STOP_RATIO: f64 = 0.15;
const KEYWORD_PENALTY: f64 = 0.25;
/// Below this many words an answer cannot have covered much, whatever words it names: the
/// score is scaled by words / SHORT_WORDS. Only where the sample answer is long enough for the
/// question to call for a paragraph.
const SHORT_WORDS: usize = 50;

/// Score bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    Weak,
    Partial,
    Good,
    Strong,
}

impl Band {
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Weak => "weak",
            Band::Partial => "partial",
            Band::Good => "good",
            Band::Strong => "strong",
        }
    }
}

/// `strong` >= 80, `good` 60-79, `partial` 40-59, `weak` < 40.
pub fn band_of(score: u32) -> Band {
    match score {
        80.. => Band::Strong,
        60..=79 => Band::Good,
        40..=59 => Band::Partial,
        _ => Band::Weak,
    }
}

/// Maps weighted coverage (0..1) to a 0-100 score.
pub fn calibrate(coverage: f64) -> f64 {
    calibrate_between(coverage, FLOOR, CEILING)
}

fn calibrate_between(coverage: f64, floor: f64, ceiling: f64) -> f64 {
    (100.0 * (coverage - floor) / (ceiling - floor)).clamp(0.0, 100.0)
}

/// How fast the score of a one-idea rubric rises with the share of it said: a reader gives most
/// of the marks for the core of the idea and little more for its last details.
pub const WHOLE_CURVE: f64 = 3.0;

/// Score of a one-idea rubric from the share of its evidence found.
pub fn calibrate_whole(coverage: f64) -> f64 {
    100.0 * (1.0 - (-WHOLE_CURVE * coverage).exp()) / (1.0 - (-WHOLE_CURVE).exp())
}

#[derive(Debug, Clone, Copy)]
struct Match {
    /// The term's point, kept here so sorting by point needs no lookups.
    point: u32,
    term: u32,
    start: usize,
    end: usize,
    negated: bool,
}

pub(super) fn score(q: &Question, c: &Compiled, answer: &str, a: &Analyzed) -> Grade {
    let toks = &a.tokens;
    let matches = find_matches(c, toks);
    let words = toks.len();
    // A bare list of terms names things without covering them: every point's credit, and so
    // the score, is cut to a quarter.
    let stops = toks.iter().filter(|t| t.stop).count();
    let keyword_list = words >= 5 && (stops as f64) < KEYWORD_LIST_STOP_RATIO * words as f64;

    let mut points = Vec::with_capacity(q.points.len());
    let mut negations: Vec<(usize, usize, usize)> = Vec::new();
    let (mut got, mut total) = (0.0f64, 0.0f64);
    // By point, then longest first, so "error budget" wins over "budget" for the same words.
    let mut matches = matches;
    matches
        .sort_unstable_by_key(|m| (m.point, std::cmp::Reverse(m.end - m.start), m.start, m.term));
    let mut rest: &[Match] = &matches;
    let mut taken: Vec<&Match> = Vec::new();
    let mut groups: Vec<(u32, f32)> = Vec::new();
    for (pi, p) in q.points.iter().enumerate() {
        let n = rest.iter().take_while(|m| m.point as usize == pi).count();
        let (mine, after) = rest.split_at(n);
        rest = after;
        taken.clear();
        groups.clear();
        for m in mine {
            // Within a rubric of many points, words already counted in a longer phrase do not
            // count again. A one-idea rubric lists a phrase and its words as separate terms, all
            // in its total, so each counts.
            if !c.whole_answer && taken.iter().any(|t| m.start <= t.end && t.start <= m.end) {
                continue;
            }
            if m.negated {
                // Only a denied key term is worth a warning; a common word in a negative
                // clause ("a request that never touched the dependency") is just prose.
                if c.terms[m.term as usize].strength >= 1.0 {
                    negations.push((pi, m.start, m.end));
                }
                continue;
            }
            taken.push(m);
            let t = &c.terms[m.term as usize];
            match groups.iter_mut().find(|(g, _)| *g == t.group) {
                Some(entry) => entry.1 = entry.1.max(t.strength),
                None => groups.push((t.group, t.strength)),
            }
        }
        let cp = &c.points[pi];
        let strong: f32 = groups
            .iter()
            .filter(|(_, s)| *s >= 1.0)
            .map(|(_, s)| s)
            .fold(0.0, |a, b| a + b);
        // Related words alone never cover a point: they only add to a strong term.
        let related: f32 = groups
            .iter()
            .filter(|(_, s)| *s < 1.0)
            .map(|(_, s)| s)
            .fold(0.0, |a, b| a + b);
        let related = if c.whole_answer {
            related
        } else {
            related.min(RELATED_CAP * cp.need)
        };
        let mut credit = ((strong + related) / cp.need).min(1.0) as f64;
        if keyword_list {
            credit *= KEYWORD_PENALTY;
        }
        let credit = (credit * 100.0).round() / 100.0;
        taken.sort_by_key(|m| m.start);
        // Evidence is what earned the credit: the key terms found, or the related words when
        // nothing stronger was.
        let any_strong = taken
            .iter()
            .any(|m| c.terms[m.term as usize].strength >= 1.0);
        let mut evidence: Vec<String> = Vec::new();
        for m in taken
            .iter()
            .filter(|m| !any_strong || c.terms[m.term as usize].strength >= 1.0)
        {
            let e = answer[toks[m.start].start..toks[m.end].end].to_string();
            if !evidence.contains(&e) {
                evidence.push(e);
            }
        }
        got += cp.weight as f64 * credit;
        total += cp.weight as f64;
        points.push(PointGrade {
            id: p.id.clone(),
            label: p.label.clone(),
            source: p.source,
            weight: p.weight,
            covered: credit >= COVERED,
            credit,
            evidence,
            hint: p.hint.clone(),
        });
    }
    let coverage = if total > 0.0 { got / total } else { 0.0 };
    let mut warnings = Vec::new();
    let mut score = if c.whole_answer {
        calibrate_whole(coverage)
    } else {
        calibrate(coverage)
    };

    if keyword_list {
        warnings.push("This reads as a list of keywords, not an explanation, so the score is cut to a quarter. Say what you would do, how, and why.".to_string());
    }
    if c.sample_words >= 60 && words < SHORT_WORDS {
        score *= words as f64 / SHORT_WORDS as f64;
        warnings.push(format!("The answer is short ({words} words), which limits the score: a complete answer to this question usually takes 100 words or more."));
    }
    for (pi, s, e) in negations {
        if !points[pi].covered {
            let (from, to) = negation_context(toks, s, e);
            let said = &answer[toks[from].start..toks[to].end];
            let w = format!("\u{201c}{said}\u{201d} is negated, so it does not count toward \u{201c}{}\u{201d}.", points[pi].label);
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
    }
    if q.kind == Kind::Behavioral {
        for p in &points {
            if p.source == Source::Structure && !p.covered {
                warnings.push(match p.id.rsplit('/').next() {
                    Some("t1") => "No concrete situation: a behavioral answer should tell one real story (where, when, what was at stake).".to_string(),
                    _ => "No measurable result: say what changed, in numbers if you can (MTTR, pages a week, hours saved).".to_string(),
                });
            }
        }
    }
    let score = score.round() as u32;
    let missing = points
        .iter()
        .filter(|p| !p.covered && p.weight > 0)
        .map(|p| p.label.clone())
        .collect();
    Grade {
        id: q.id.clone(),
        question: q.question.clone(),
        score,
        band: band_of(score),
        points,
        missing,
        warnings,
        words,
        coverage: (coverage * 10_000.0).round() / 10_000.0,
    }
}

/// Plain occurrences of one term worth keeping: a point counts a term once, and a second
/// place covers the case where the first sits inside a longer phrase already counted.
const OCCURRENCES: u8 = 2;

fn find_matches(c: &Compiled, toks: &[ATok]) -> Vec<Match> {
    let mut out = Vec::new();
    // Per term: plain occurrences kept so far, and whether a negated one was kept.
    let mut plain = vec![0u8; c.terms.len()];
    let mut denied = vec![false; c.terms.len()];
    for i in 0..toks.len() {
        if toks[i].number {
            for &t in &c.number_terms {
                if plain[t as usize] < OCCURRENCES {
                    plain[t as usize] += 1;
                    out.push(Match {
                        point: c.terms[t as usize].point as u32,
                        term: t,
                        start: i,
                        end: i,
                        negated: false,
                    });
                }
            }
        }
        let Some(id) = toks[i].id else { continue };
        let Some(cands) = c.first.get(id as usize) else {
            continue;
        };
        for &t in cands {
            let ti = t as usize;
            if plain[ti] >= OCCURRENCES && denied[ti] {
                continue;
            }
            if let Some(end) = match_from(&c.terms[ti].stems, toks, i) {
                let neg = !c.whole_answer && !c.terms[ti].hazard && negated(toks, i, end);
                let keep = if neg {
                    !denied[ti]
                } else {
                    plain[ti] < OCCURRENCES
                };
                if keep {
                    if neg {
                        denied[ti] = true;
                    } else {
                        plain[ti] += 1;
                    }
                    out.push(Match {
                        point: c.terms[ti].point as u32,
                        term: t,
                        start: i,
                        end,
                        negated: neg,
                    });
                }
            }
        }
    }
    out
}

/// Matches a term's stems starting at `toks[i]`, letting up to [`MAX_GAP`] words sit between
/// consecutive stems, within one clause. Returns the index of the last matched word.
fn match_from(stems: &[u32], toks: &[ATok], i: usize) -> Option<usize> {
    let mut k = i;
    for &s in &stems[1..] {
        let window = toks.iter().enumerate().skip(k + 1).take(MAX_GAP + 1);
        k = window
            .take_while(|(_, t)| !t.boundary)
            .find(|(_, t)| t.id == Some(s))?
            .0;
    }
    Some(k)
}

fn clause_start(toks: &[ATok], i: usize) -> usize {
    (0..=i).rev().find(|&j| toks[j].boundary).unwrap_or(0)
}

/// The words to quote for a negated term: from the negator to the term, or from the term to a
/// negator right after it.
fn negation_context(toks: &[ATok], start: usize, end: usize) -> (usize, usize) {
    let from = start
        .saturating_sub(NEGATION_REACH)
        .max(clause_start(toks, start));
    if let Some(n) = (from..start).find(|&j| toks[j].negator) {
        return (n, end);
    }
    let after = (end + 1..toks.len().min(end + 1 + NEGATION_AFTER))
        .take_while(|&j| !toks[j].boundary)
        .find(|&j| toks[j].negator);
    (start, after.unwrap_or(end))
}

/// A negator earlier in the term's clause, or right after it ("X isn't", "X was never").
fn negated(toks: &[ATok], start: usize, end: usize) -> bool {
    let from = start
        .saturating_sub(NEGATION_REACH)
        .max(clause_start(toks, start));
    if let Some(n) = (from..start).find(|&j| toks[j].negator) {
        // "isn't a single point of failure", "no downtime": what is denied is a failure, and
        // denying it is the practice, whichever term sits inside the phrase.
        let to = (end + 1..toks.len().min(end + 1 + NEGATION_AFTER + 2))
            .take_while(|&j| !toks[j].boundary)
            .last()
            .unwrap_or(end);
        return !toks[n..=to].iter().any(|t| t.hazard);
    }
    toks.iter()
        .skip(end + 1)
        .take(NEGATION_AFTER)
        .take_while(|t| !t.boundary)
        .any(|t| t.negator)
}
