//! Turns the evidence found into point credit, a score, a band and warnings.

use super::analyze::{ATok, Analyzed};
use super::evidence::{self, Hit};
use super::matcher::Compiled;
use super::{Grade, PointGrade, Span, State};
use crate::rubric::{Kind, Question, Source};
use serde::Serialize;

/// Credit from which a point counts as covered: most of the evidence it needs is there, not
/// one of the two things a broad point asks for.
pub const COVERED: f64 = 0.6;
/// What a point short of covered keeps of the credit its evidence gives: naming part of a point
/// is only a start on it, and judges mark such answers down more than a straight share would.
const PARTIAL_SHARE: f64 = 0.75;
/// Most of a point's need that related words can supply: less than the covered line.
const RELATED_CAP: f32 = 0.45;
/// What the score is read from, below which it is 0 and at which it is 100: a few stray domain
/// words are not coverage, and only an answer that shows every point, and says enough about
/// them, is perfect.
pub const FLOOR: f64 = 0.1;
pub const CEILING: f64 = 1.0;
/// Share of the score that follows how much the answer says about the question (`depth`, in
/// distinct content words of the sentences that show its points) rather than which points it
/// shows: a point named in passing and a point explained are not the same answer.
const DEPTH_SHARE: f64 = 0.1;
/// Depth from which an answer has said enough: the sample answer's own, within these bounds.
const DEPTH_ENOUGH_MIN: f64 = 30.0;
const DEPTH_ENOUGH_MAX: f64 = 60.0;
/// Share of function words below which an answer reads as a bare keyword list.
const KEYWORD_LIST_STOP_RATIO: f64 = 0.1;
const KEYWORD_PENALTY: f64 = 0.25;
/// An answer shorter than this share of the reference answer (within the bounds below) cannot
/// have covered much: its score is scaled down in proportion.
const SHORT_SHARE: f64 = 0.35;
const SHORT_MIN: f64 = 12.0;
const SHORT_MAX: f64 = 50.0;
/// An answer whose content words are mostly the question's or guidance's own, with little
/// besides, repeats the question rather than answering it.
const ECHO_SHARE: f64 = 0.6;
const ECHO_OTHER_WORDS: usize = 15;
const ECHO_CAP: f64 = 20.0;
/// An answer that names at least this many practices only to deny them, and denies more than
/// it affirms, scores at most `DENIED_CAP`.
const DENIED_MIN: usize = 3;
const DENIED_CAP: u32 = 35;
/// An answer of this many content words or more, this share of them other questions' concept
/// words, and covering less than this of its own rubric, is a paragraph of buzzwords.
const BUZZ_MIN_WORDS: usize = 15;
const BUZZ_SHARE: f64 = 0.3;
const BUZZ_COVERAGE: f64 = 0.3;
const BUZZ_CAP: f64 = 30.0;
/// Most a motivation answer scores without specifics of the candidate or of the company.
const GENERIC_CAP: f64 = 45.0;
/// A clause this short is an item of a list ("MTTR", "and on-call health").
const LIST_ITEM_MAX: usize = 4;
/// A run of this many short clauses in one sentence is a list.
const LIST_MIN_ITEMS: usize = 6;
/// Points named only inside lists, as a share of the covered ones, that make an answer a list.
const LIST_SHARE: f64 = 0.5;
/// Most an answer scores that covers its points by naming them in a list: partial.
const LIST_CAP: f64 = 59.0;
/// Most a motivation answer scores with neither: a weak grade.
const NOTHING_SPECIFIC_CAP: f64 = 25.0;
/// The facets that make a motivation answer specific: the candidate's own experience, and the
/// role and company.
const SPECIFIC_FACETS: [&str; 2] = ["motivation-experience", "motivation-role"];
/// Each missing scored point costs at least this much of a perfect score: a report that lists
/// something missing never says 100.
const MISSING_MIN_COST: f64 = 4.0;

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
    (100.0 * (coverage - FLOOR) / (CEILING - FLOOR)).clamp(0.0, 100.0)
}

/// How fast the score of a one-idea rubric rises with the share of it said: a reader gives most
/// of the marks for the core of the idea and little more for its last details.
pub const WHOLE_CURVE: f64 = 3.0;

/// Score of a one-idea rubric from the share of its evidence found.
pub fn calibrate_whole(coverage: f64) -> f64 {
    100.0 * (1.0 - (-WHOLE_CURVE * coverage).exp()) / (1.0 - (-WHOLE_CURVE).exp())
}

/// What the answer's words say about it as a whole.
struct Shape {
    words: usize,
    /// Share of content words that are other questions' concept words.
    foreign_share: f64,
    content: usize,
    keyword_list: bool,
    /// Share of content words that are the question's or guidance's own, and how many are not.
    echo_share: f64,
    other_words: usize,
    /// The answer says the same things again ([`super::padding`]).
    padded: bool,
}

fn shape(toks: &[ATok]) -> Shape {
    let words = toks.len();
    let stops = toks.iter().filter(|t| t.stop).count();
    let content = toks.iter().filter(|t| !t.stop && !t.number).count();
    let echoed = toks
        .iter()
        .filter(|t| !t.stop && !t.number && t.echo)
        .count();
    let foreign = toks.iter().filter(|t| t.foreign).count();
    Shape {
        words,
        foreign_share: foreign as f64 / content.max(1) as f64,
        content,
        keyword_list: words >= 5 && (stops as f64) < KEYWORD_LIST_STOP_RATIO * words as f64,
        echo_share: echoed as f64 / content.max(1) as f64,
        other_words: content - echoed,
        padded: {
            let mut ids: Vec<u32> = Vec::with_capacity(toks.len());
            ids.extend(toks.iter().filter(|t| !t.stop).map(|t| t.word));
            super::padding::is_padded(&ids)
        },
    }
}

pub(super) fn score(
    q: &Question,
    c: &Compiled,
    answer: &str,
    a: &Analyzed,
    lists: &mut evidence::Lists,
    quote: bool,
) -> Grade {
    let toks = &a.tokens;
    let shape = shape(toks);
    let hits = evidence::find(c, toks, answer, lists);
    // By point, then longest first, so "error budget" wins over "budget" for the same words.
    // Stronger evidence first where two overlap ("separate VPCs" over the question's own "VPCs
    // per environment"), then longer.
    // The key is worked out once per hit, not once per comparison.
    hits.sort_by_cached_key(|h| {
        let strength = (c.alts[h.alt as usize].strength * 100.0) as u32;
        (
            h.point,
            std::cmp::Reverse(strength),
            std::cmp::Reverse(h.len()),
            h.first().0,
            h.alt,
        )
    });
    let depth = depth(c, hits, toks);
    let (said_no, said_yes) = hits
        .iter()
        .filter(|h| {
            c.alts[h.alt as usize].strength >= 1.0 && c.alts[h.alt as usize].detector.is_none()
        })
        .fold(
            (0, 0),
            |(n, y), h| if h.negated { (n + 1, y) } else { (n, y + 1) },
        );
    let denies_most = said_no >= DENIED_MIN && said_no >= said_yes;
    let mut points = Vec::with_capacity(q.points.len());
    let mut work = PointWork {
        quote,
        ..PointWork::default()
    };
    let mut rest: &[Hit] = hits;
    for (pi, p) in q.points.iter().enumerate() {
        let n = rest.iter().take_while(|h| h.point as usize == pi).count();
        let (mine, after) = rest.split_at(n);
        rest = after;
        points.push(credit_point(
            &mut work,
            c,
            pi,
            p,
            mine,
            toks,
            answer,
            shape.keyword_list,
        ));
    }
    let listed = !c.whole_answer && named_in_lists(c, &points, hits, toks, answer);
    let mut g = decide(q, c, points, &shape, depth, listed);
    if denies_most {
        // An answer that mostly says what was not done has not said what to do.
        g.score = g.score.min(DENIED_CAP);
        g.band = band_of(g.score);
        if !g.flags.contains(&"denied") {
            g.flags.push("denied");
        }
        g.warnings.push("Most of the practices this answer names, it says were not done or not used, so it is graded as weak. Say what you did or would do instead.".to_string());
    }
    g
}

/// How much the answer says about the question: distinct content words in the sentences that
/// show some point. Padding elsewhere, and saying the same thing again, add nothing.
pub(super) fn depth(c: &Compiled, hits: &[Hit], toks: &[ATok]) -> usize {
    // Where the hits start; then each sentence is looked at once, not once per hit in it.
    let mut shows = vec![false; toks.len()];
    for h in hits
        .iter()
        .filter(|h| !h.negated && c.alts[h.alt as usize].strength >= super::matcher::ECHO_STRENGTH)
    {
        shows[h.first().0] = true;
    }
    // A word number counts the words its rubric has seen before it: few, so the distinct ones
    // are counted with a bit each rather than sorted.
    let max = toks.iter().map(|t| t.word).max().unwrap_or(0);
    let mut seen = vec![0u64; max as usize / 64 + 1];
    let mut distinct = 0;
    let mut from = 0;
    while from < toks.len() {
        let to = (from + 1..toks.len())
            .find(|&j| toks[j].sentence)
            .unwrap_or(toks.len());
        if shows[from..to].contains(&true) {
            for t in toks[from..to].iter().filter(|t| !t.stop && !t.number) {
                let (word, bit) = (t.word as usize / 64, 1u64 << (t.word % 64));
                distinct += usize::from(seen[word] & bit == 0);
                seen[word] |= bit;
            }
        }
        from = to;
    }
    distinct
}

/// What crediting a point collects of its hits; one for all the points of an answer, so that
/// each point does not allocate its own.
#[derive(Default)]
struct PointWork<'h> {
    taken: Vec<&'h Hit>,
    denied: Vec<&'h Hit>,
    /// (group, strength, occurrences) of what counted.
    groups: Vec<(u32, f32, usize)>,
    /// Whether to quote the evidence and its spans; nothing else depends on them.
    quote: bool,
}

/// The credit of one point from its hits.
#[allow(clippy::too_many_arguments)]
fn credit_point<'h>(
    work: &mut PointWork<'h>,
    c: &Compiled,
    pi: usize,
    p: &crate::rubric::Point,
    hits: &'h [Hit],
    toks: &[ATok],
    answer: &str,
    keyword_list: bool,
) -> PointGrade {
    let PointWork {
        taken,
        denied: denied_hits,
        groups,
        quote,
    } = work;
    taken.clear();
    denied_hits.clear();
    groups.clear();
    for h in hits {
        // Within a rubric of many points, words already counted in a longer phrase do not
        // count again. A one-idea rubric lists a phrase and its words as separate terms, all
        // in its total, so each counts.
        // A conjunction is its own piece of evidence even where it shares a word with another.
        let (s, e) = h.first();
        let overlaps = h.n == 1
            && taken.iter().any(|t| {
                let (ts, te) = t.first();
                t.n == 1 && s <= te && ts <= e
            });
        if !c.whole_answer && overlaps {
            continue;
        }
        let alt = &c.alts[h.alt as usize];
        if h.negated {
            if alt.strength >= 1.0 {
                denied_hits.push(h);
            }
            continue;
        }
        let max_count = alt.detector.map_or(1, |d| d.counts());
        match groups.iter_mut().find(|(g, _, _)| *g == alt.group) {
            Some(e) if e.2 < max_count && alt.detector.is_some() => {
                e.2 += 1;
            }
            Some(e) => e.1 = e.1.max(alt.strength),
            None => groups.push((alt.group, alt.strength, 1)),
        }
        taken.push(h);
    }
    let cp = &c.points[pi];
    let total = |strong: bool| -> f32 {
        groups
            .iter()
            .filter(|(_, s, _)| (*s >= super::matcher::ECHO_STRENGTH) == strong)
            .map(|(_, s, n)| s * *n as f32)
            // `sum` of no floats is -0.0, which would print as "-0.0".
            .fold(0.0, |a, b| a + b)
    };
    let strong = total(true);
    // Related words alone never cover a point: they only add to a strong term.
    let related = if c.whole_answer {
        total(false)
    } else {
        total(false).min(RELATED_CAP * cp.need)
    };
    let mut credit = ((strong + related) / cp.need).min(1.0) as f64;
    if keyword_list {
        credit *= KEYWORD_PENALTY;
    }
    if credit < COVERED {
        credit *= PARTIAL_SHARE;
    }
    let credit = (credit * 100.0).round() / 100.0;
    let (evidence, spans) = if *quote {
        quote_evidence(c, taken, toks, answer)
    } else {
        (Vec::new(), Vec::new())
    };
    // One quote per denial, however many ways of saying the point it denies.
    let mut denied: Vec<String> = Vec::new();
    for quote in denied_hits.iter().map(|h| negation_quote(h, toks, answer)) {
        if !denied.contains(&quote) {
            denied.push(quote);
        }
    }
    let covered = credit >= COVERED;
    let state = match (p.weight, covered, credit > 0.0) {
        (0, _, _) => State::Unscored,
        (_, true, _) => State::Covered,
        (_, false, true) => State::Partial,
        _ => State::Missing,
    };
    PointGrade {
        id: cp.id.clone(),
        label: cp.label.clone(),
        source: p.source,
        weight: p.weight,
        covered,
        credit,
        evidence,
        hint: cp.hint.clone(),
        guidance_item: cp.guidance_item.clone(),
        state,
        spans,
        denied,
        unscored: cp.unscored.clone(),
    }
}

/// The evidence a point's hits show, as the answer's words and their byte ranges.
fn quote_evidence(
    c: &Compiled,
    taken: &mut [&Hit],
    toks: &[ATok],
    answer: &str,
) -> (Vec<String>, Vec<Span>) {
    taken.sort_by_key(|h| h.first().0);
    // Evidence is what earned the credit: the key terms found, or the related words when
    // nothing stronger was.
    let any_strong = taken.iter().any(|h| c.alts[h.alt as usize].strength >= 1.0);
    let shown = taken
        .iter()
        .filter(|h| !any_strong || c.alts[h.alt as usize].strength >= 1.0);
    // Room for every part of every hit shown, so that neither list grows a step at a time.
    let parts = shown.clone().map(|h| h.n as usize).sum();
    let mut evidence: Vec<String> = Vec::with_capacity(parts);
    let mut spans: Vec<Span> = Vec::with_capacity(parts);
    for h in shown {
        // The parts of a conjunction are quoted apart: evidence is always the answer's words.
        for (a, b) in h.spans() {
            let e = &answer[toks[a].start..toks[b].end];
            if !evidence.iter().any(|x| x == e) {
                evidence.push(e.to_string());
            }
        }
        for (a, b) in h.spans() {
            let s = Span {
                start: toks[a].start,
                end: toks[b].end,
            };
            if !spans.contains(&s) {
                spans.push(s);
            }
        }
    }
    spans.sort_by_key(|s| (s.start, s.end));
    (evidence, spans)
}

/// The words to quote for a denied hit: from the negation before it to the hit.
fn negation_quote(h: &Hit, toks: &[ATok], answer: &str) -> String {
    let (s, e) = h.first();
    let from = (0..s)
        .rev()
        .take_while(|&k| toks[k + 1].denied || k + 1 == s)
        .last()
        .map_or(s, |k| k.min(s));
    let from = from.max(s.saturating_sub(8));
    let to = (e + 1..toks.len().min(e + 3))
        .take_while(|&k| !toks[k].boundary && toks[k].is(super::words::NEGATOR | super::words::AUX))
        .last()
        .unwrap_or(e);
    answer[toks[from].start..toks[to].end].to_string()
}

/// The score, band and warnings from the points' credit and the answer's shape.
fn decide(
    q: &Question,
    c: &Compiled,
    points: Vec<PointGrade>,
    shape: &Shape,
    depth: usize,
    listed: bool,
) -> Grade {
    let (got, total) = points.iter().fold((0.0, 0.0), |(g, t), p| {
        (g + p.weight as f64 * p.credit, t + p.weight as f64)
    });
    let coverage = if total > 0.0 { got / total } else { 0.0 };
    // What the covered points alone make of the rubric: partial credit from words named in
    // passing is not coverage a buzzword paragraph can hide behind.
    let covered_share = points
        .iter()
        .filter(|p| p.state == State::Covered)
        .map(|p| p.weight as f64 * p.credit)
        .sum::<f64>()
        / total.max(f64::MIN_POSITIVE);
    let mut warnings = Vec::new();
    let mut flags = Vec::new();
    let enough = (c.sample_depth as f64).clamp(DEPTH_ENOUGH_MIN, DEPTH_ENOUGH_MAX);
    let said = (depth as f64 / enough).min(1.0);
    let mut score = if c.whole_answer {
        calibrate_whole(coverage)
    } else {
        calibrate((1.0 - DEPTH_SHARE) * coverage + DEPTH_SHARE * said)
    };
    if shape.keyword_list {
        flags.push("keyword-list");
        warnings.push("This reads as a list of keywords, not an explanation, so the score is cut to a quarter. Say what you would do, how, and why.".to_string());
    }
    let short = (SHORT_SHARE * c.sample_words as f64).clamp(SHORT_MIN, SHORT_MAX);
    if (shape.words as f64) < short && c.sample_words as f64 > short {
        score *= shape.words as f64 / short;
        flags.push("short");
        warnings.push(format!(
            "The answer is short ({} words), which limits the score: the reference answer takes about {} words.",
            shape.words,
            round_to(c.sample_words, 10)
        ));
    }
    if !c.whole_answer && shape.echo_share >= ECHO_SHARE && shape.other_words < ECHO_OTHER_WORDS {
        score = score.min(ECHO_CAP);
        flags.push("echo");
        warnings.push("This mostly repeats the question's own words. Answer it: say what you would do, how, and why.".to_string());
    }
    if !c.whole_answer
        && shape.content >= BUZZ_MIN_WORDS
        && shape.foreign_share >= BUZZ_SHARE
        && covered_share < BUZZ_COVERAGE
    {
        score = score.min(BUZZ_CAP);
        flags.push("buzzwords");
        warnings.push("This names many practices, but few of them answer this question and none is explained. Pick the ones that matter here and say how and why you would use them.".to_string());
    }
    if shape.padded && !shape.keyword_list {
        // Saying a thing twice earns it once already; the warning says why the answer reads long.
        flags.push("padding");
        warnings.push("Parts of this answer say the same thing again. Say each point once, and use the room for how and why.".to_string());
    }
    if listed {
        score = score.min(LIST_CAP);
        flags.push("list");
        warnings.push("Most of what this answer covers is only named in a list. Naming is a start: pick the ones that matter most and say how you use each and why.".to_string());
    }
    negation_warning(&points, &mut warnings, &mut flags);
    let specifics = specific_points(q, &points);
    if q.kind == Kind::Motivational && specifics.iter().any(|p| !p.covered) {
        // Enthusiasm without specifics is what interviewers discount most in this answer; with
        // nothing of the candidate and nothing of the company, it is all that is left.
        score = score.min(if specifics.iter().all(|p| !p.covered) {
            NOTHING_SPECIFIC_CAP
        } else {
            GENERIC_CAP
        });
        flags.push("generic");
        warnings.push("A motivation answer is judged on specifics: tie the role to what you have done, and say what about this company and its stage draws you.".to_string());
    }
    let missing_weight: f64 = points
        .iter()
        .filter(|p| p.state != State::Covered && p.weight > 0)
        .map(|p| p.weight as f64)
        .sum();
    if missing_weight > 0.0 && total > 0.0 {
        let cost = (50.0 * missing_weight / total).max(MISSING_MIN_COST);
        score = score.min(100.0 - cost);
    }
    let score = score.max(0.0).round() as u32;
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
        words: shape.words,
        coverage: (coverage * 10_000.0).round() / 10_000.0,
        kind: q.kind,
        flags,
        depth,
    }
}

/// Whether most covered points (three or more) are shown only by words inside lists: every
/// piece of evidence a point counts (its strong terms where it has any) starts in a list.
fn named_in_lists(
    c: &Compiled,
    points: &[PointGrade],
    hits: &[Hit],
    toks: &[ATok],
    answer: &str,
) -> bool {
    let covered = points.iter().filter(|p| p.state == State::Covered).count();
    if covered < 3 {
        return false;
    }
    let listed = in_lists(toks, answer);
    let strong = |h: &Hit| c.alts[h.alt as usize].strength >= 1.0;
    // The hits are sorted by point.
    let only_listed = hits
        .chunk_by(|a, b| a.point == b.point)
        .filter(|mine| points[mine[0].point as usize].state == State::Covered)
        .filter(|mine| {
            let any_strong = mine.iter().any(|h| !h.negated && strong(h));
            mine.iter()
                .filter(|h| !h.negated && (!any_strong || strong(h)))
                .all(|h| listed[h.first().0])
        })
        .count();
    only_listed as f64 >= LIST_SHARE * covered as f64
}

/// Marks the words of lists: in one sentence, a clause that leads in ("I would look at SLOs"),
/// short clauses ("MTTR", "toil"), and a last one joined by "and" or "or" ("automation coverage
/// and developer satisfaction"), [`LIST_MIN_ITEMS`] clauses in all.
fn in_lists(toks: &[ATok], answer: &str) -> Vec<bool> {
    let mut listed = vec![false; toks.len()];
    let mut clauses: Vec<(usize, usize)> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if k == 0 || t.boundary || t.hard {
            clauses.push((k, k + 1));
        } else if let Some(c) = clauses.last_mut() {
            c.1 = k + 1;
        }
    }
    let joined = |(a, b): (usize, usize)| {
        b - a <= 2 * LIST_ITEM_MAX + 1
            && toks[a..b].iter().any(|t| {
                let w = &answer[t.start..t.end];
                w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or")
            })
    };
    let mut i = 0;
    while i < clauses.len() {
        // The run of short clauses after clause `i`, in its sentence.
        let mut j = i + 1;
        while j < clauses.len()
            && !toks[clauses[j].0].hard
            && clauses[j].1 - clauses[j].0 <= LIST_ITEM_MAX
        {
            j += 1;
        }
        let tail = j < clauses.len() && !toks[clauses[j].0].hard && joined(clauses[j]);
        let last = if tail { j + 1 } else { j };
        if last - i >= LIST_MIN_ITEMS && j > i + 1 {
            let (from, to) = (clauses[i].0, clauses[last - 1].1);
            listed[from..to].iter_mut().for_each(|x| *x = true);
        }
        i = j.max(i + 1);
    }
    listed
}

/// One warning for everything the answer denies, quoting it, for points it does not cover.
fn negation_warning(
    points: &[PointGrade],
    warnings: &mut Vec<String>,
    flags: &mut Vec<&'static str>,
) {
    let mut quotes: Vec<&str> = Vec::new();
    for p in points.iter().filter(|p| !p.covered && p.weight > 0) {
        for d in &p.denied {
            if !quotes.contains(&d.as_str()) {
                quotes.push(d);
            }
        }
    }
    // One denial quoted inside a longer one ("didn't write a script" within "didn't write a
    // script or a pipeline") is said once, by the longer.
    let all = quotes.clone();
    quotes.retain(|q| !all.iter().any(|o| o.len() > q.len() && o.contains(q)));
    if quotes.is_empty() {
        return;
    }
    let shown: Vec<String> = quotes
        .iter()
        .take(3)
        .map(|q| format!("\u{201c}{q}\u{201d}"))
        .collect();
    let more = if quotes.len() > 3 {
        format!(" and {} more", quotes.len() - 3)
    } else {
        String::new()
    };
    flags.push("denied");
    warnings.push(format!(
        "The answer says these were not done: {}{more}. A practice you did not use earns no credit; say what you did instead.",
        shown.join(", ")
    ));
}

fn round_to(n: usize, step: usize) -> usize {
    ((n + step / 2) / step * step).max(step)
}

/// The points that make a motivation answer specific: the shared facets for the candidate's
/// own experience and for the role and company, and any other point of the answer's structure.
fn specific_points<'a>(q: &Question, points: &'a [PointGrade]) -> Vec<&'a PointGrade> {
    q.points
        .iter()
        .zip(points)
        .filter(|(p, g)| {
            g.source == Source::Structure
                || p.facet
                    .as_deref()
                    .is_some_and(|f| SPECIFIC_FACETS.contains(&f))
        })
        .map(|(_, g)| g)
        .collect()
}
