//! Drafts the rubric of a question that has a reference answer and no interviewer's guidance,
//! whatever its subject: the reference's concepts as points with graded credit; a list of
//! alternatives the question asks for some of ("state at least 4 of the differences") as one
//! point needing k of its n items; numbers as exact facts; facts the reference states negatively
//! as `~` evidence; words that repeat the question as weak evidence (question demoting, Mohler et
//! al. 2011, Sultan et al. 2016); terms weighted by how informative they are within the bank.

use super::families::Families;
use super::terms::Specificity;
use crate::rubric::{Point, Question, Source};
use crate::seed::SeedQuestion;
use crate::text::{self, Stemmer, Word};
use std::collections::BTreeSet;

/// A reference with fewer content words than this beyond the question's gives too little to
/// grade by: `build` says so.
const TOO_SHORT_WORDS: usize = 1;
/// Words that hedge rather than answer.
const HEDGE_WORDS: &[&str] = &[
    "depends", "depend", "varies", "vary", "maybe", "possibly", "perhaps",
];
/// Most items of a list of alternatives that each show one item.
const ITEM_TERMS: usize = 4;
/// Share of a long reference sentence's words that cover it: a sentence is said in other words,
/// with some of its own.
const UNIT_NEED_SHARE: f64 = 0.5;
/// A word used by more than this share of the bank's questions says little about any one: it is
/// weak evidence. Measured on both dev files (Pearson, Mohler / SAF): 0.5 gives 0.566 / 0.711,
/// 0.33 0.572 / 0.716, 0.25 0.571 / 0.715, 0.2 0.571 / 0.724: flat from a fifth to a third.
const COMMON_RATIO: f64 = 0.25;

/// What drafting needs besides the question: the stemmer, the bank's document frequencies and
/// the word families.
pub(crate) struct Env<'a> {
    pub stemmer: &'a Stemmer,
    pub spec: &'a Specificity,
    pub families: Option<&'a Families>,
}

/// The drafted rubric and the notes for its author.
pub(crate) struct Drafted {
    pub question: Question,
    pub notes: Vec<String>,
}

/// Drafts the rubric of `seed` (which has no guidance) as question `id` of `set`.
pub(crate) fn draft(env: &Env, set: &str, id: &str, seed: &SeedQuestion) -> Drafted {
    let qstems: BTreeSet<String> = text::analyze(&seed.question, env.stemmer)
        .into_iter()
        .filter(|w| !w.stop)
        .map(|w| w.stem)
        .collect();
    let whole = text::tokenize(&seed.answer).len() < crate::grade::matcher::WHOLE_ANSWER_WORDS;
    let units = units(&seed.answer);
    let mut notes = Vec::new();
    // What the reference says beyond the question: nothing (or only hedging) is too little.
    let said: usize = units
        .iter()
        .map(|u| {
            content_words(&u.text, env.stemmer)
                .iter()
                .filter(|w| !qstems.contains(&w.stem) && !HEDGE_WORDS.contains(&w.norm.as_str()))
                .count()
        })
        .sum();
    if said < TOO_SHORT_WORDS && !units.iter().any(|u| has_number(&u.text) || u.verdict) {
        notes.push(format!(
            "the reference answer gives too little to grade by (\u{201c}{}\u{201d}): an answer is graded on the words it shares with the reference, and this one adds nothing to the question; write the reference as the sentence a full-marks answer would say",
            text::clip(seed.answer.trim(), 60)
        ));
    }
    if let Some(h) = hedge(&seed.answer) {
        notes.push(format!(
            "the reference answer hedges (\u{201c}{h}\u{201d}): answers are graded on the concepts it names, not on hedging; say what it depends on, as a full-marks answer would"
        ));
    }
    let asked = asked_count(&seed.question);
    let items: Vec<&Unit> = units.iter().filter(|u| !u.intro && !u.verdict).collect();
    let _ = &items;
    let mut points = Vec::new();
    let mut names: Vec<String> = Vec::new();
    if let Some(p) = polarity_point(env, id, seed, &units, &mut names) {
        points.push(p);
    }
    match asked.and_then(|k| alternatives(&seed.question, &seed.answer, k).map(|l| (k, l))) {
        Some((k, list)) => {
            let list: Vec<&Unit> = list.iter().collect();
            points.push(alternatives_point(env, id, k, &list, &qstems, &mut names));
        }
        None => {
            let mut said = Said::default();
            for u in &items {
                concept_points(
                    env,
                    id,
                    u,
                    &qstems,
                    whole,
                    &mut names,
                    &mut said,
                    &mut points,
                );
            }
            if let Some(p) = points.last_mut() {
                p.related.append(&mut said.pending);
            }
        }
    }
    if points.is_empty() {
        // Nothing but question words: the answer must say them. A reference without a word
        // leaves the question without points, and `build` names it.
        points.extend(echo_point(env, id, seed, &mut names));
    }
    let question = Question {
        id: id.to_string(),
        set: set.to_string(),
        number: seed.number,
        question: seed.question.clone(),
        guidance: None,
        sample_answer: seed.answer.clone(),
        kind: super::kind_of(&seed.question),
        points,
        items: Vec::new(),
        reviewed: false,
    };
    Drafted { question, notes }
}

/// A sentence, line or list item of the reference.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unit {
    pub text: String,
    /// Introduces what follows ("Possible differences:", "One of the following is correct:").
    pub intro: bool,
    /// A bare "Yes." or "No." answering a yes/no question.
    pub verdict: bool,
}

/// The reference's sentences, lines and list items, list markers removed.
pub(crate) fn units(reference: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    for s in super::split::sentences(reference) {
        let t = strip_marker(&s);
        if t.is_empty() {
            continue;
        }
        let words = t.split_whitespace().count();
        let lower = t.to_lowercase();
        let intro = (t.ends_with(':') && words <= 10)
            || lower.contains("the following")
                && (lower.contains("correct") || lower.ends_with(':'));
        let verdict = matches!(lower.trim_end_matches(['.', '!', ',']), "yes" | "no");
        out.push(Unit {
            text: t.to_string(),
            intro,
            verdict,
        });
    }
    out
}

/// `1.`, `2)`, `iii)`, `a)`, `-`, `•`, `●`, `○` at the start of a line.
fn strip_marker(s: &str) -> &str {
    let mut t = s.trim();
    loop {
        let before = t;
        t = t
            .trim_start_matches(['-', '•', '●', '○', '*', '–'])
            .trim_start();
        let marker_len = t
            .char_indices()
            .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x'))
            .count();
        let rest = &t[marker_len..];
        if (1..=4).contains(&marker_len) && (rest.starts_with('.') || rest.starts_with(')')) {
            let after = &rest[1..];
            // "1.5 seconds" and "1859." are numbers, not markers.
            let digits = t[..marker_len].bytes().all(|b| b.is_ascii_digit());
            // A bare "1." split off its item is a marker; "1859." alone is an answer.
            let number =
                after.starts_with(|c: char| c.is_ascii_digit()) || (digits && marker_len > 2);
            if !number {
                t = after.trim_start();
            }
        }
        if t == before {
            return t;
        }
    }
}

/// The reference's lines as alternatives, when the question asks for `k` of more than `k`
/// listed things: it says "at least", or the reference offers its lines as possibilities
/// ("Possible differences:", "one of the following"), or numbers more than `k` of them. "Name
/// the 2 phases" over a reference that explains two phases is not a choice.
pub(crate) fn alternatives(question: &str, reference: &str, k: usize) -> Option<Vec<Unit>> {
    let lines: Vec<Unit> = reference
        .lines()
        .map(strip_marker)
        .filter(|l| !l.is_empty())
        .flat_map(|l| {
            // "Label: more" stays one item; a line of its own introduction is not one.
            units(l).into_iter().take(1).map(move |u| Unit {
                text: l.to_string(),
                ..u
            })
        })
        .filter(|u| !u.intro && !u.verdict)
        .collect();
    if lines.len() <= k {
        return None;
    }
    let q = question.to_lowercase();
    let r = reference.to_lowercase();
    let offered = [
        "possible",
        "one of the following",
        "any of",
        "following are",
    ]
    .iter()
    .any(|m| r.contains(m));
    let numbered = reference
        .lines()
        .filter(|l| strip_marker(l).len() < l.trim().len())
        .count();
    (q.contains("at least") || offered || numbered > k).then_some(lines)
}

/// How many things the question asks for: "state at least 4 of", "name two", "name the 3".
pub(crate) fn asked_count(question: &str) -> Option<usize> {
    const VERBS: &[&str] = &[
        "name",
        "state",
        "list",
        "give",
        "mention",
        "describe",
        "identify",
        "provide",
        "explain",
        "least",
        "enumerate",
        "cite",
        "outline",
    ];
    let words: Vec<String> = question
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    for (i, w) in words.iter().enumerate() {
        let Some(n) = number_word(w) else { continue };
        // "in 2-5 sentences", "6 times": a length or a count, not things to name.
        let measure = words.get(i + 1).is_some_and(|next| {
            number_word(next).is_some()
                || matches!(
                    next.as_str(),
                    "sentences" | "sentence" | "words" | "lines" | "times" | "seconds" | "minutes"
                )
        });
        if measure {
            continue;
        }
        let before = &words[i.saturating_sub(3)..i];
        if before.iter().any(|b| VERBS.contains(&b.as_str())) {
            return Some(n);
        }
    }
    None
}

fn number_word(w: &str) -> Option<usize> {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    if let Some(k) = WORDS.iter().position(|x| *x == w) {
        return Some(k + 1);
    }
    w.parse::<usize>().ok().filter(|n| (1..=20).contains(n))
}

/// The first words of a reference that hedges ("It depends", "Usually", "There is no single").
fn hedge(reference: &str) -> Option<String> {
    let lower = reference.trim().to_lowercase();
    const HEDGES: &[&str] = &[
        "it depends",
        "that depends",
        "depends on",
        "it varies",
        "there is no single",
        "there's no single",
        "no one answer",
        "not necessarily",
        "maybe",
        "possibly",
        "it can be",
    ];
    HEDGES
        .iter()
        .find(|h| lower.starts_with(*h))
        .map(|h| reference.trim()[..h.len()].to_string())
}

/// Content words of a text: not stop words, with letters or digits.
fn content_words(text: &str, stemmer: &Stemmer) -> Vec<Word> {
    text::analyze(text, stemmer)
        .into_iter()
        .filter(|w| !w.stop && (w.norm.chars().count() >= 2 || is_number(&w.norm)))
        .collect()
}

fn is_number(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

fn has_number(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// The evidence entry for one word: the word, its family (general English) when it has one.
fn entry(env: &Env, w: &Word) -> String {
    let mut alts = vec![w.norm.clone()];
    // A small number is said in words as often as in digits: "1" and "one".
    const NUMBERS: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    if let Ok(n) = w.norm.parse::<usize>() {
        if let Some(word) = NUMBERS.get(n) {
            alts.push(word.to_string());
        }
    } else if let Some(n) = NUMBERS.iter().position(|x| *x == w.norm) {
        alts.push(n.to_string());
    }
    if let Some(f) = env.families {
        for a in f.alternatives(&w.norm) {
            if !alts.contains(a) {
                alts.push(a.clone());
            }
        }
    }
    alts.join(" | ")
}

/// The points of one sentence of the reference. A short reference (graded as one idea by the
/// grader) gives one point per phrase, so partial answers earn partial credit in small steps; a
/// long one gives one point per sentence, covered by half its words.
/// What the points drafted so far say: their stems (a word is evidence once per question) and
/// weak words waiting for a point.
#[derive(Default)]
struct Said {
    stems: BTreeSet<String>,
    pending: Vec<String>,
}

#[allow(clippy::too_many_arguments)]
fn concept_points(
    env: &Env,
    id: &str,
    u: &Unit,
    qstems: &BTreeSet<String>,
    whole: bool,
    names: &mut Vec<String>,
    said: &mut Said,
    out: &mut Vec<Point>,
) {
    let words = text::analyze(&u.text, env.stemmer);
    let negated = negated_words(&words);
    let example = example_words(&u.text, &words);
    let phrases: Vec<Vec<usize>> = if whole {
        phrases(&words)
    } else {
        vec![(0..words.len()).collect()]
    };
    for ph in phrases {
        let mut terms: Vec<String> = Vec::new();
        let mut weak: Vec<String> = Vec::new();
        let mut rarest = 1.0f64;
        let seen = &mut said.stems;
        for &k in &ph {
            let w = &words[k];
            if w.stop || !(w.norm.chars().count() >= 2 || is_number(&w.norm)) {
                continue;
            }
            if !seen.insert(w.stem.clone()) {
                continue;
            }
            let e = entry(env, w);
            // In a long reference a fact stated negatively is shown by denying it too ("UDP has
            // no acknowledgement number"); the grader marks negation there.
            let e = if negated[k] && !whole {
                e.split(" | ")
                    .map(|a| format!("~{a}"))
                    .collect::<Vec<_>>()
                    .join(" | ")
            } else {
                e
            };
            let common = env.spec.ratio(&w.stem) > COMMON_RATIO
                || super::terms::is_generic(&w.norm)
                || example[k];
            if qstems.contains(&w.stem) || common {
                weak.push(e);
            } else {
                rarest = rarest.min(env.spec.ratio(&w.stem));
                terms.push(e);
            }
        }
        let only_example = ph.iter().all(|&k| example[k] || words[k].stop);
        if only_example {
            // An illustration is not a point: its words support the point before it.
            if let Some(prev) = out.last_mut() {
                let prev: &mut Point = prev;
                prev.related.extend(terms.into_iter().chain(weak));
            }
            continue;
        }
        if terms.is_empty() {
            // The question's own words (or common ones) are no point of their own: they support
            // the concept beside them, weakly (question demoting).
            said.pending.append(&mut weak);
            continue;
        }
        weak.append(&mut said.pending);
        let phrase_text = phrase_text(&u.text, &words, &ph);
        let label = text::clip(&phrase_text, 80);
        let need = if whole {
            None
        } else {
            Some(((terms.len() as f64) * UNIT_NEED_SHARE).max(1.0).round())
        };
        out.push(Point {
            facet: None,
            id: format!("{id}/{}", name_of(&label, names)),
            hint: format!(
                "Say {}: the reference answer puts it as \u{201c}{}\u{201d}",
                label,
                text::clip(&u.text, 160)
            ),
            label,
            source: Source::Sample,
            guidance_item: None,
            unscored: None,
            weight: 1,
            terms,
            related: weak,
            need,
        });
    }
}

/// One point for a list of alternatives of which the question asks for `k`: each item is one
/// piece of evidence, shown by its name or its rarest words, and `k` of them give full credit.
fn alternatives_point(
    env: &Env,
    id: &str,
    k: usize,
    items: &[&Unit],
    qstems: &BTreeSet<String>,
    names: &mut Vec<String>,
) -> Point {
    let mut entries: Vec<String> = Vec::new();
    let mut shown: Vec<String> = Vec::new();
    for u in items {
        // "Security: interception of packets ..." is named by its head.
        let head = u
            .text
            .split_once(':')
            .map(|(h, _)| h)
            .filter(|h| h.split_whitespace().count() <= 5)
            .unwrap_or(&u.text);
        let mut words: Vec<Word> = content_words(head, env.stemmer)
            .into_iter()
            .filter(|w| !qstems.contains(&w.stem))
            .collect();
        words.sort_by(|a, b| {
            env.spec
                .ratio(&a.stem)
                .total_cmp(&env.spec.ratio(&b.stem))
                .then(a.start.cmp(&b.start))
        });
        let mut alts: Vec<String> = Vec::new();
        let mut stems: BTreeSet<String> = BTreeSet::new();
        for w in words {
            if alts.len() >= ITEM_TERMS {
                break;
            }
            if stems.insert(w.stem.clone()) {
                for a in entry(env, &w).split(" | ") {
                    if !alts.iter().any(|x| x == a) {
                        alts.push(a.to_string());
                    }
                }
            }
        }
        if alts.is_empty() {
            continue;
        }
        let e = alts.join(" | ");
        if !entries.contains(&e) {
            shown.push(text::clip(head.trim_end_matches(['.', ':']), 40));
            entries.push(e);
        }
    }
    let label = format!("{k} of: {}", shown.join("; "));
    Point {
        facet: None,
        id: format!("{id}/{}", name_of(&format!("{k} of the listed"), names)),
        hint: format!(
            "The question asks for {k}; the reference answer accepts any of these: {}",
            text::clip(&shown.join("; "), 240)
        ),
        label: text::clip(&label, 120),
        source: Source::Sample,
        guidance_item: None,
        unscored: None,
        weight: 1,
        terms: entries,
        related: Vec::new(),
        need: Some(k as f64),
    }
}

/// A yes/no question answered "No." gets a point for the verdict: shown by denying what the
/// question asks about ("the assumption does not hold") or what the reference denies. "Yes." is
/// shown by saying yes.
fn polarity_point(
    env: &Env,
    id: &str,
    seed: &SeedQuestion,
    units: &[Unit],
    names: &mut Vec<String>,
) -> Option<Point> {
    let verdict = units.first().filter(|u| u.verdict)?;
    let no = verdict.text.to_lowercase().starts_with("no");
    let asked = seed
        .question
        .split_inclusive(['.', '?', '!'])
        .find(|s| s.trim_end().ends_with('?'))
        .unwrap_or(&seed.question);
    let mut alts: Vec<String> = Vec::new();
    let whole = text::tokenize(&seed.answer).len() < crate::grade::matcher::WHOLE_ANSWER_WORDS;
    if no && whole {
        // The grader reads a short reference as one idea and marks no negation there, so the
        // denial is spelled out: "not have", "no nucleus", "isn't alive".
        const NEG: &[&str] = &[
            "no", "not", "never", "isn't", "aren't", "doesn't", "don't", "cannot", "can't",
        ];
        let words: Vec<Word> = text::analyze(asked, env.stemmer)
            .into_iter()
            .skip(1)
            .filter(|w| !matches!(w.norm.as_str(), "a" | "an" | "the"))
            .take(4)
            .collect();
        // Each denial goes with another of the question's words, so it says something of its
        // own (a phrase of the question's words alone is only an echo): "not have + nucleus".
        let last = words.iter().rev().find(|w| !w.stop);
        let first = words.iter().find(|w| !w.stop);
        for w in &words {
            let Some(other) = (if last.is_some_and(|l| l.norm != w.norm) {
                last
            } else {
                first
            }) else {
                continue;
            };
            if other.norm == w.norm {
                continue;
            }
            for n in NEG {
                alts.push(format!("{n} {} + {}", w.norm, other.norm));
            }
        }
    } else if no {
        let mut words = content_words(asked, env.stemmer);
        for u in units {
            let ws = text::analyze(&u.text, env.stemmer);
            let neg = negated_words(&ws);
            words.extend(
                ws.into_iter()
                    .zip(neg)
                    .filter(|(w, n)| *n && !w.stop)
                    .map(|(w, _)| w),
            );
        }
        for w in words {
            let a = format!("~{}", w.norm);
            if !alts.contains(&a) {
                alts.push(a);
            }
        }
    } else {
        alts.push("yes".to_string());
    }
    let label = if no { "No" } else { "Yes" };
    Some(Point {
        facet: None,
        id: format!("{id}/{}", name_of(&format!("answer {label}"), names)),
        hint: format!("Answer the question first: {label}, then why."),
        label: format!("The answer: {}", label.to_lowercase()),
        source: Source::Sample,
        guidance_item: None,
        unscored: None,
        weight: 1,
        terms: vec![alts.join(" | ")],
        related: Vec::new(),
        need: None,
    })
}

/// For a reference that says nothing the question does not: its words, at half strength.
fn echo_point(env: &Env, id: &str, seed: &SeedQuestion, names: &mut Vec<String>) -> Option<Point> {
    let mut terms: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    let source = if content_words(&seed.answer, env.stemmer).is_empty() {
        &seed.question
    } else {
        &seed.answer
    };
    for w in content_words(source, env.stemmer) {
        if seen.insert(w.stem.clone()) {
            terms.push(entry(env, &w));
        }
    }
    if terms.is_empty() {
        return None;
    }
    let label = text::clip(seed.answer.trim(), 80);
    Some(Point {
        facet: None,
        id: format!("{id}/{}", name_of(&label, names)),
        hint: format!("Say {label}."),
        label,
        source: Source::Sample,
        guidance_item: None,
        unscored: None,
        weight: 1,
        terms,
        related: Vec::new(),
        need: None,
    })
}

/// Runs of words between stop words and clause boundaries: "the *desired software product*".
fn phrases(words: &[Word]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if w.boundary_before || w.stop {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if w.stop {
                continue;
            }
        }
        cur.push(k);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The phrase's words as written.
fn phrase_text(text: &str, words: &[Word], ph: &[usize]) -> String {
    match (ph.first(), ph.last()) {
        (Some(&a), Some(&b)) => text[words[a].start..words[b].end].to_string(),
        _ => String::new(),
    }
}

/// Words of an example the reference gives ("e.g. 300m to 30m", "for example, ..."): one
/// illustration among many, weak evidence of the point.
fn example_words(text: &str, words: &[Word]) -> Vec<bool> {
    let lower = text.to_lowercase();
    let from = ["e.g", "for example", "for instance", "such as"]
        .iter()
        .filter_map(|m| lower.find(m))
        .min();
    words
        .iter()
        .map(|w| from.is_some_and(|f| w.start >= f))
        .collect()
}

/// Words a negation in the reference covers: from "no", "not", "never", "without" to the end
/// of the clause.
fn negated_words(words: &[Word]) -> Vec<bool> {
    const NEG: &[&str] = &[
        "no", "not", "never", "without", "cannot", "can't", "don't", "doesn't", "isn't", "aren't",
        "won't", "nor", "neither", "none",
    ];
    // Where a negation stops: a clause that turns ("because", "but", "while").
    const SCOPE_END: &[&str] = &[
        "because",
        "but",
        "so",
        "since",
        "although",
        "though",
        "while",
        "whereas",
        "which",
        "that",
        "instead",
        "however",
        "therefore",
        "unless",
        "until",
        "when",
        "where",
    ];
    let mut out = vec![false; words.len()];
    let mut on = false;
    for (k, w) in words.iter().enumerate() {
        if w.boundary_before || SCOPE_END.contains(&w.norm.as_str()) {
            on = false;
        }
        if NEG.contains(&w.norm.as_str()) {
            on = true;
            continue;
        }
        out[k] = on;
    }
    out
}

/// A point name from a label: its first words, lowercased and hyphenated, made unique.
fn name_of(label: &str, taken: &mut Vec<String>) -> String {
    super::unique_name(label, taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_what_the_question_asks_for() {
        assert_eq!(
            asked_count("State at least 4 of the differences between UDP and TCP."),
            Some(4)
        );
        assert_eq!(
            asked_count("Please NAME and DESCRIBE two challenges."),
            Some(2)
        );
        assert_eq!(asked_count("Name the 3 service classes."), Some(3));
        assert_eq!(asked_count("You flip a coin 6 times."), None);
        assert_eq!(asked_count("Explain it in 2-5 sentences."), None);
    }

    #[test]
    fn units_drop_markers_and_know_introductions() {
        let u = units("Possible differences:\n1.Sequence number\n- Window size\nii) Flags.");
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Possible differences:",
                "Sequence number",
                "Window size",
                "Flags."
            ]
        );
        assert!(u[0].intro && !u[1].intro);
        assert!(units("No. Traffic comes in bursts.")[0].verdict);
        assert_eq!(strip_marker("1.5 seconds"), "1.5 seconds");
        assert_eq!(strip_marker("1859."), "1859.");
        assert_eq!(strip_marker("2."), "");
    }

    #[test]
    fn hedges_are_found_at_the_start() {
        assert_eq!(hedge("It depends on the load."), Some("It depends".into()));
        assert_eq!(hedge("The load decides."), None);
    }
}
