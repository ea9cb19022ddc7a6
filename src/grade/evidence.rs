//! Finds a rubric's evidence in an analyzed answer: phrases (a word or two may sit between their
//! words), conjunctions (every part in one sentence) and detectors (a result in numbers, a
//! timeline, a first-person action). Each hit remembers whether a negation denies it.

use super::analyze::ATok;
use super::matcher::{Compiled, Detector};
use super::words::{ADVERB, AUX, CHANGE, I, NO_ACTION, PAST, QUANTITY, SUBJECT, TIME, TIME_UNIT};

/// Words a phrase may skip between two of its words ("roll the config back" for "roll back").
const MAX_GAP: usize = 2;
/// Most parts of a conjunction.
pub(crate) const MAX_PARTS: usize = 4;
/// Plain occurrences of one alternative worth keeping: a point counts it once, and a second
/// place covers the case where the first sits inside a longer phrase already counted.
const OCCURRENCES: u8 = 2;
/// How far a result's change word may sit from its number to be quoted together.
const RESULT_QUOTE_REACH: usize = 6;

/// One piece of evidence found.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub point: u32,
    pub alt: u32,
    /// Token ranges (first, last) of the words that show it; `n` of them are set.
    pub spans: [(u32, u32); MAX_PARTS],
    pub n: u8,
    pub negated: bool,
}

impl Hit {
    fn new(c: &Compiled, alt: u32, spans: &[(usize, usize)], toks: &[ATok]) -> Hit {
        let mut s = [(0u32, 0u32); MAX_PARTS];
        for (k, &(a, b)) in spans.iter().take(MAX_PARTS).enumerate() {
            s[k] = (a as u32, b as u32);
        }
        let negated = spans
            .iter()
            .any(|&(a, b)| toks[a..=b].iter().any(|t| t.denied));
        Hit {
            point: c.alts[alt as usize].point as u32,
            alt,
            spans: s,
            n: spans.len().min(MAX_PARTS) as u8,
            negated,
        }
    }

    pub fn first(&self) -> (usize, usize) {
        (self.spans[0].0 as usize, self.spans[0].1 as usize)
    }

    pub fn len(&self) -> usize {
        self.spans[..self.n as usize]
            .iter()
            .map(|(a, b)| (b - a + 1) as usize)
            .sum()
    }

    pub fn spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.spans[..self.n as usize]
            .iter()
            .map(|&(a, b)| (a as usize, b as usize))
    }
}

/// The lists [`find`] fills, kept from one answer to the next so that it allocates none.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    hits: Vec<Hit>,
    plain: Vec<u8>,
    denied: Vec<bool>,
    present: Vec<bool>,
    possible: Vec<Option<bool>>,
    spans: Vec<(usize, usize)>,
}

/// Clears `v` and fills it with `len` copies of `x`, in the room it already has.
fn reset<T: Clone>(v: &mut Vec<T>, len: usize, x: T) {
    v.clear();
    v.resize(len, x);
}

/// Every hit of the rubric's evidence in the answer, in `lists`.
pub(crate) fn find<'l>(
    c: &Compiled,
    toks: &[ATok],
    answer: &str,
    lists: &'l mut Lists,
) -> &'l mut Vec<Hit> {
    let Lists {
        hits: out,
        plain,
        denied,
        present,
        possible,
        spans,
    } = lists;
    out.clear();
    reset(plain, c.alts.len(), 0);
    reset(denied, c.alts.len(), false);
    reset(present, c.stems.len(), false);
    for id in toks.iter().filter_map(|t| t.id) {
        present[id as usize] = true;
    }
    // Per alternative, once asked: can every one of its words be found in the answer?
    reset(possible, c.alts.len(), None);
    for i in 0..toks.len() {
        let Some(id) = toks[i].id else { continue };
        let Some(cands) = c.first.get(id as usize) else {
            continue;
        };
        for &a in cands {
            let ai = a as usize;
            if plain[ai] >= OCCURRENCES && denied[ai] {
                continue;
            }
            let parts = &c.alts[ai].parts;
            if !*possible[ai].get_or_insert_with(|| can_match(parts, present)) {
                continue;
            }
            if !match_alt(parts, toks, i, spans) {
                continue;
            }
            let mut hit = Hit::new(c, a, spans, toks);
            if c.alts[ai].says_no {
                // Evidence that carries its own negation ("the alert never fired") is shown by
                // saying exactly that.
                hit.negated = false;
            }
            if c.alts[ai].negative {
                // A fact stated negatively is shown by denying it, and only so.
                let absent = spans
                    .iter()
                    .any(|&(a, b)| toks[a..=b].iter().any(|t| t.absent));
                if !absent {
                    continue;
                }
                hit.negated = false;
            }
            let keep = if hit.negated {
                !std::mem::replace(&mut denied[ai], true)
            } else {
                plain[ai] < OCCURRENCES
            };
            if keep {
                if !hit.negated {
                    plain[ai] += 1;
                }
                out.push(hit);
            }
        }
    }
    // Several alternatives may use one detector; it reads the answer once.
    let mut found: Vec<(Detector, Vec<(usize, usize)>)> = Vec::new();
    for &(d, a) in &c.detectors {
        let at = match found.iter().position(|(k, _)| *k == d) {
            Some(at) => at,
            None => {
                found.push((d, detect(d, toks, answer)));
                found.len() - 1
            }
        };
        let take = d.counts().max(OCCURRENCES as usize);
        for &spans in found[at].1.iter().take(take) {
            out.push(Hit::new(c, a, &[spans], toks));
        }
    }
    out
}

/// An alternative can match only if every one of its words occurs in the answer; most that
/// start with a common word ("on", "no") cannot, and this tells without walking the answer.
fn can_match(parts: &[Vec<u32>], present: &[bool]) -> bool {
    parts.iter().flatten().all(|&id| present[id as usize])
}

/// Matches an alternative whose first part starts at `toks[i]`: the first phrase there, every
/// other part anywhere in the same sentence. Fills `spans` and says whether it matched.
fn match_alt(parts: &[Vec<u32>], toks: &[ATok], i: usize, spans: &mut Vec<(usize, usize)>) -> bool {
    spans.clear();
    let Some(end) = match_phrase(&parts[0], toks, i) else {
        return false;
    };
    spans.push((i, end));
    if parts.len() > 1 {
        let (from, to) = sentence_of(toks, i);
        for part in &parts[1..] {
            let found = (from..to).find_map(|k| {
                (toks[k].id == Some(part[0]))
                    .then(|| match_phrase(part, toks, k).map(|e| (k, e)))
                    .flatten()
            });
            match found {
                Some(span) => spans.push(span),
                None => return false,
            }
        }
    }
    true
}

/// Matches a phrase's stems starting at `toks[i]`, letting up to [`MAX_GAP`] words sit between
/// consecutive stems, within one clause. Returns the index of the last matched word.
fn match_phrase(stems: &[u32], toks: &[ATok], i: usize) -> Option<usize> {
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

/// Token range [from, to) of the sentence holding `toks[i]`.
pub(crate) fn sentence_of(toks: &[ATok], i: usize) -> (usize, usize) {
    let from = (0..=i).rev().find(|&j| toks[j].sentence).unwrap_or(0);
    let to = (i + 1..toks.len())
        .find(|&j| toks[j].sentence)
        .unwrap_or(toks.len());
    (from, to)
}

/// Where a detector fires, as token ranges, in order.
fn detect(d: Detector, toks: &[ATok], answer: &str) -> Vec<(usize, usize)> {
    let text = |k: usize| &answer[toks[k].start..toks[k].end];
    match d {
        Detector::Number => (0..toks.len())
            .filter(|&k| toks[k].number && !continues_amount(toks, k, answer))
            .map(|k| (k, amount_end(toks, k, answer)))
            .collect(),
        Detector::Year => (0..toks.len())
            .filter(|&k| is_year(text(k)))
            .map(|k| (k, k))
            .collect(),
        Detector::Result => results(toks, answer),
        Detector::IDid => actions(toks, answer),
        Detector::Time => (0..toks.len())
            .filter_map(|k| time_marker(toks, k, answer))
            .collect(),
    }
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1990..=2039).contains(&y))
}

/// A time of day ("2am", "3:40"): a number, but not a quantity of anything.
fn is_clock(toks: &[ATok], k: usize, answer: &str) -> bool {
    let w = answer[toks[k].start..toks[k].end].to_ascii_lowercase();
    let digits_then = |suffix: &str| {
        w.strip_suffix(suffix)
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    };
    if digits_then("am") || digits_then("pm") {
        return true;
    }
    let after = &answer.as_bytes()[toks[k].end..];
    let colon_time = after.first() == Some(&b':') && after.get(1).is_some_and(u8::is_ascii_digit);
    let next_ampm = toks.get(k + 1).is_some_and(|n| {
        matches!(
            answer[n.start..n.end].to_ascii_lowercase().as_str(),
            "am" | "pm"
        )
    });
    w.bytes().all(|b| b.is_ascii_digit()) && (colon_time || next_ampm)
}

/// A number that measures something: digits that are not a year or a time of day, or a
/// quantity word ("three", "half", "a third").
fn is_quantity(toks: &[ATok], k: usize, answer: &str) -> bool {
    let t = &toks[k];
    if t.number {
        let w = &answer[t.start..t.end];
        // "sev-1", "tier-2": a name, not an amount.
        let named = t.start > 0
            && answer.as_bytes()[t.start - 1] == b'-'
            && k > 0
            && toks[k - 1].end + 1 == t.start
            && !toks[k - 1].number;
        if named {
            return false;
        }
        let time_of_day = is_clock(toks, k, answer) || (k > 0 && is_clock(toks, k - 1, answer));
        return !is_year(w) && !time_of_day;
    }
    t.is(QUANTITY)
}

/// One result per sentence that has both a change and its amount: "latency dropped 60%",
/// "from three days to under one", "a third fewer pages".
fn results(toks: &[ATok], answer: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while from < toks.len() {
        let (_, to) = sentence_of(toks, from);
        if let Some((a, b)) = sentence_result(toks, answer, from, to) {
            out.push((a, amount_end(toks, b, answer)));
        }
        from = to;
    }
    out
}

/// Words of change that state one only beside their amount: "30% fewer pages", "down to
/// 200 ms". Alone they describe ("more than 200 services", "the site went down for an hour",
/// "I sat down with two engineers").
const COMPARATIVES: [&str; 9] = [
    "down", "more", "less", "fewer", "faster", "quicker", "slower", "higher", "lower",
];

/// Verbs that end an outage: with how long it took, the measure of an incident's result.
const RECOVERED: [&str; 5] = [
    "recovered",
    "restored",
    "resolved",
    "mitigated",
    "contained",
];

/// "fully recovered in 48 minutes", "restored within 20 minutes".
fn recovery_time(toks: &[ATok], answer: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    (from..to).find_map(|k| {
        if !RECOVERED.iter().any(|w| is_word(toks, k, answer, w)) {
            return None;
        }
        let within = (k + 1..to.min(k + 4))
            .find(|&j| ["in", "within"].iter().any(|w| is_word(toks, j, answer, w)))?;
        let unit = (within + 1..to.min(within + 5)).find(|&u| toks[u].is(TIME_UNIT))?;
        // "within an hour" is an amount too.
        (within + 1..unit)
            .any(|q| {
                is_quantity(toks, q, answer) || (q + 1 == unit && is_word(toks, q, answer, "an"))
            })
            .then_some((k, unit))
    })
}

/// The last token of the amount at `k`: "0.5%" is quoted whole, not as "0".
fn amount_end(toks: &[ATok], k: usize, answer: &str) -> usize {
    let mut e = k;
    while e + 1 < toks.len() {
        if !(percent_sign(toks, e, answer) || continues_amount(toks, e + 1, answer)) {
            break;
        }
        e += 1;
    }
    e
}

/// The digits after a decimal point: "5" of "0.5".
fn continues_amount(toks: &[ATok], k: usize, answer: &str) -> bool {
    k > 0 && toks[k].number && toks[k - 1].number && &answer[toks[k - 1].end..toks[k].start] == "."
}

/// Whether a "%" sign follows the number at `k` directly.
fn percent_sign(toks: &[ATok], k: usize, answer: &str) -> bool {
    k + 1 < toks.len() && toks[k].end == toks[k + 1].start && is_word(toks, k + 1, answer, "%")
}

/// A number given as a share: "40%", "40 percent".
fn is_percent(toks: &[ATok], k: usize, answer: &str) -> bool {
    percent_sign(toks, k, answer) || (k + 1 < toks.len() && is_word(toks, k + 1, answer, "percent"))
}

/// How far a verb of change ("reduced", "cut") may sit from its amount in one sentence.
const RESULT_REACH: usize = 10;

/// The result of the sentence `from..to`, as the token range to quote.
fn sentence_result(toks: &[ATok], answer: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let quantity = |k: usize| k >= from && k < to && is_quantity(toks, k, answer);
    for k in from..to {
        if !toks[k].is(CHANGE) {
            continue;
        }
        if COMPARATIVES.iter().any(|w| is_word(toks, k, answer, w)) {
            // "a third fewer", "3x faster", "two hours less"; "down to 200 ms", "lower by 30%".
            let before = (k.saturating_sub(3)..k).rev().find(|&q| quantity(q));
            let linked = k + 1 < to
                && ["to", "from", "by"]
                    .iter()
                    .any(|w| is_word(toks, k + 1, answer, w));
            let after = (k + 2..k + 5).find(|&q| linked && quantity(q));
            // "down 40%"; not "shut down 4 clusters".
            let share =
                (k + 1 < to && quantity(k + 1) && is_percent(toks, k + 1, answer)).then_some(k + 1);
            if let Some(q) = after.or(share).or(before) {
                return Some((q.min(k), q.max(k)));
            }
            continue;
        }
        // The quantity nearest the change word: "over three months MTTR fell by 40%" is 40%.
        let q = (from..to)
            .filter(|&q| quantity(q) && q.abs_diff(k) <= RESULT_REACH)
            .min_by_key(|&q| q.abs_diff(k));
        if let Some(q) = q {
            let (a, b) = (q.min(k), q.max(k));
            return Some(if b - a <= RESULT_QUOTE_REACH {
                (a, b)
            } else {
                (q, q)
            });
        }
    }
    if let Some(found) = recovery_time(toks, answer, from, to) {
        return Some(found);
    }
    // "from <amount> ... to": "from three days to under one".
    (from..to).find_map(|k| {
        if !is_word(toks, k, answer, "from") {
            return None;
        }
        let amount = (k + 1..to.min(k + 4)).find(|&q| quantity(q))?;
        (k + 2..to)
            .any(|t| is_word(toks, t, answer, "to"))
            .then_some((k, amount))
    })
}

/// First-person actions, each once: "I led the bridge, rolled back the deploy, and applied a
/// hotfix" is three. After "I" and a past verb, each further clause of the sentence that opens
/// with a past verb (or "and" and one) is another action of the same "I".
fn actions(toks: &[ATok], answer: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let Some((i, v)) = first_person_action(toks, k) else {
            k += 1;
            continue;
        };
        out.push((i, v));
        let (_, to) = sentence_of(toks, i);
        let mut j = v + 1;
        while j < to {
            let mut at = j;
            if toks[at].boundary || is_and(toks, at, answer) {
                if is_and(toks, at, answer) {
                    at += 1;
                }
                if at < to
                    && toks[at].is(PAST)
                    && !toks[at].is(NO_ACTION | AUX | SUBJECT)
                    && (toks[j].boundary || is_and(toks, j, answer))
                {
                    out.push((at, at));
                    j = at + 1;
                    continue;
                }
            }
            if toks[j].is(SUBJECT) {
                break;
            }
            j += 1;
        }
        // A new subject ("..., then I rolled back") is looked at again from there.
        k = j.min(to).max(v + 1);
    }
    out
}

fn is_and(toks: &[ATok], k: usize, answer: &str) -> bool {
    is_word(toks, k, answer, "and")
}

fn is_word(toks: &[ATok], k: usize, answer: &str, w: &str) -> bool {
    answer[toks[k].start..toks[k].end].eq_ignore_ascii_case(w)
}

/// "I" followed (past an adverb or two) by a verb in the past: "I rolled back", "I also
/// wrote", "I've built". Not "I think", "I was", "I would", nor a habit ("I usually start").
fn first_person_action(toks: &[ATok], k: usize) -> Option<(usize, usize)> {
    if !toks[k].is(I) {
        return None;
    }
    let mut j = k + 1;
    while j < toks.len()
        && j - k <= 2
        && toks[j].is(ADVERB)
        && !toks[j].is(PAST)
        && !toks[j].boundary
    {
        j += 1;
    }
    let v = toks.get(j)?;
    let acts = !v.boundary && !v.number && v.is(PAST) && !v.is(NO_ACTION | AUX | SUBJECT);
    acts.then_some((k, j))
}

/// A marker of when: a time word ("within", "later", "overnight"), a quantity of time units
/// ("10 minutes", "two hours") or a time of day ("2:10", "3am").
fn time_marker(toks: &[ATok], k: usize, answer: &str) -> Option<(usize, usize)> {
    let t = &toks[k];
    if t.is(TIME) {
        return Some((k, k));
    }
    if is_clock(toks, k, answer) {
        return Some((k, k));
    }
    let unit_next = toks
        .get(k + 1)
        .is_some_and(|n| n.is(TIME_UNIT) && !n.boundary);
    ((t.number || t.is(QUANTITY)) && unit_next).then_some((k, k + 1))
}
