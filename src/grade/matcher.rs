//! Compiles a question's rubric into a matcher: each evidence entry's ways of saying it as
//! sequences of interned stems, indexed by their first stem; conjunctions as parts to find in
//! one sentence; detectors by kind. Evidence that only repeats the question or its guidance is
//! marked weak, since an answer that echoes the question has said nothing yet.

use crate::lexicon::Lexicon;
use crate::rubric::{Question, Source};
use crate::text::{self, Stemmer};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

static NEXT_KEY: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Strength of a `related` term relative to a `terms` entry.
pub const RELATED_STRENGTH: f32 = 0.15;
/// Strength of evidence whose words all come from the question or its guidance.
pub const ECHO_STRENGTH: f32 = 0.5;
/// The special term that matches any number ("40%", "15 minutes").
pub const NUMBER_TERM: &str = "#number";

/// Evidence the grader recognises by shape rather than by words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detector {
    /// Any number.
    Number,
    /// A year such as 2023.
    Year,
    /// A change given as a quantity in one sentence.
    Result,
    /// "I" doing something; counts up to three times.
    IDid,
    /// A time marker of a timeline; counts up to three times.
    Time,
}

impl Detector {
    /// Every detector's name, for messages.
    pub const NAMES: &'static [&'static str] = &["#number", "#year", "#result", "#i-did", "#time"];

    pub fn parse(name: &str) -> Option<Detector> {
        Some(match name {
            "#number" => Detector::Number,
            "#year" => Detector::Year,
            "#result" => Detector::Result,
            "#i-did" => Detector::IDid,
            "#time" => Detector::Time,
            _ => return None,
        })
    }

    /// How many separate occurrences count, each as its own piece of evidence.
    pub fn counts(self) -> usize {
        match self {
            Detector::IDid | Detector::Time => 3,
            _ => 1,
        }
    }
}

/// A rubric question ready to grade answers against.
#[derive(Debug)]
pub struct Compiled {
    /// Unique for the process, so per-rubric caches never mistake one rubric for another
    /// (an address could be reused after a drop, or change when the value moves).
    pub(crate) key: u64,
    pub(crate) stems: rustc_hash::FxHashMap<String, u32>,
    pub(crate) alts: Vec<Alt>,
    /// Alternatives by the first stem of their first part.
    pub(crate) first: Vec<Vec<u32>>,
    /// Alternatives that are detectors.
    pub(crate) detectors: Vec<(Detector, u32)>,
    pub(crate) points: Vec<CPoint>,
    /// Long vocabulary words by character length, for typo-tolerant matching; each length's words
    /// sorted, so those with one first letter are one run.
    pub(crate) fuzzy: Vec<Vec<(Box<str>, u32)>>,
    /// Words of the sample answer, for length-relative warnings.
    pub(crate) sample_words: usize,
    /// True when one point carries most of the rubric (a short reference answer): there is no
    /// spread of points for stray domain words to brush against, so no floor is needed.
    pub(crate) whole_answer: bool,
    /// Content stems of the question and its guidance, for telling an echo from an answer.
    pub(crate) echo: rustc_hash::FxHashSet<String>,
    /// By stem id, the words of the rubric's evidence that have that stem: an answer's word
    /// counts only if it is a form of one of them ("deployments" of "deploy"), not another word
    /// the stemmer happens to fold in ("systemic" of "system", "several" of "severity").
    pub(crate) surfaces: Vec<Vec<Box<str>>>,
    /// The sample answer's depth on this rubric: how much a complete answer says.
    pub(crate) sample_depth: usize,
}

/// One way of saying one piece of evidence.
#[derive(Debug)]
pub(crate) struct Alt {
    /// Phrases that must all appear in one sentence; usually one.
    pub parts: Vec<Vec<u32>>,
    pub point: usize,
    /// The evidence entry: its ways of saying it count once.
    pub group: u32,
    pub strength: f32,
    pub detector: Option<Detector>,
    /// Written `~phrase`: shown only where the answer denies it, as the reference does ("UDP
    /// has no acknowledgement number").
    pub negative: bool,
    /// The evidence itself says no ("never tested", "no standing access"): a negation in it is
    /// what it shows, not a denial.
    pub says_no: bool,
}

#[derive(Debug)]
pub(crate) struct CPoint {
    pub need: f32,
    /// The point's words as every grade repeats them, shared rather than copied per answer.
    pub id: Arc<str>,
    pub label: Arc<str>,
    pub hint: Arc<str>,
    pub guidance_item: Option<Arc<str>>,
    pub unscored: Option<Arc<str>>,
}

/// What compiling evidence needs besides the rubric: the stemmer, the stems found so far, and
/// where to collect the long words for typo tolerance.
type AltWords<'a> = (
    &'a Stemmer,
    &'a mut rustc_hash::FxHashMap<Box<str>, Box<str>>,
    &'a mut Vec<(String, u32)>,
);

/// A reference answer shorter than this (in words), with no guidance, is graded as one idea.
pub const WHOLE_ANSWER_WORDS: usize = 60;

/// Shortest word that typo tolerance applies to: shorter words collide too easily.
pub const FUZZY_MIN_CHARS: usize = 8;

impl Compiled {
    pub fn new(q: &Question, lex: &Lexicon, stemmer: &Stemmer) -> Compiled {
        Self::new_in(q, lex, stemmer, &mut super::Scratch::new())
    }

    /// Compiles with the stems `scratch` already knows, and leaves it knowing this rubric's
    /// words: rubrics share most of their words, and a grader compiles many.
    pub fn new_in(
        q: &Question,
        lex: &Lexicon,
        stemmer: &Stemmer,
        scratch: &mut super::Scratch,
    ) -> Compiled {
        let stem_cache = scratch.stems_mut();
        let mut c = Compiled {
            stems: Default::default(),
            alts: Vec::new(),
            first: Vec::new(),
            detectors: Vec::new(),
            points: Vec::new(),
            fuzzy: Vec::new(),
            sample_words: text::tokenize(&q.sample_answer).len(),
            whole_answer: false,
            surfaces: Vec::new(),
            sample_depth: 0,
            echo: Default::default(),
            key: NEXT_KEY.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        for text in [q.question.as_str(), q.guidance.as_deref().unwrap_or("")] {
            text::for_each_word(text, stemmer, stem_cache, |_, stem, stop| {
                if !stop && !c.echo.contains(stem) {
                    c.echo.insert(stem.to_string());
                }
            });
        }
        let mut groups: HashMap<String, u32> = HashMap::new();
        let mut fuzzy_words: Vec<(String, u32)> = Vec::new();
        for (pi, p) in q.points.iter().enumerate() {
            for (list, strength) in [(&p.terms, 1.0f32), (&p.related, RELATED_STRENGTH)] {
                for entry in list {
                    let group = c.group_of(entry, pi, lex, &mut groups);
                    for alt in entry.split(" | ").map(str::trim) {
                        let words = &mut (stemmer, &mut *stem_cache, &mut fuzzy_words);
                        c.add_alt(alt, pi, group, strength, words);
                    }
                }
            }
            let strong_groups: BTreeSet<u32> = c
                .alts
                .iter()
                .filter(|a| a.point == pi && a.strength >= 1.0)
                .map(|a| a.group)
                .collect();
            c.points.push(CPoint {
                need: p
                    .need
                    .map_or_else(|| default_need(p.source, strong_groups.len()), |n| n as f32),
                id: p.id.as_str().into(),
                label: p.label.as_str().into(),
                hint: p.hint.as_str().into(),
                guidance_item: p.guidance_item.as_deref().map(Arc::from),
                unscored: p.unscored.as_deref().map(Arc::from),
            });
        }
        // A short reference answer without guidance is one idea, not a list of points: each of
        // its sentences needs all of its terms, and the score follows how much of it was said.
        c.whole_answer = q.guidance.is_none() && c.sample_words < WHOLE_ANSWER_WORDS;
        if c.whole_answer {
            for pi in 0..c.points.len() {
                c.points[pi].need = c.strength_of_point(pi).max(1.0);
            }
        }
        fuzzy_words.sort();
        fuzzy_words.dedup();
        for (w, id) in fuzzy_words {
            let n = w.chars().count();
            if c.fuzzy.len() <= n {
                c.fuzzy.resize_with(n + 1, Vec::new);
            }
            c.fuzzy[n].push((w.into_boxed_str(), id));
        }
        let sample = scratch.analyze(&c, &q.sample_answer);
        let hits = super::evidence::find(&c, &sample.tokens, &q.sample_answer, scratch.lists());
        c.sample_depth = super::score::depth(&c, hits, &sample.tokens);
        scratch.keep(sample);
        c
    }

    /// The group of an evidence entry: spellings of one lexicon group, or the same entry
    /// written twice in a point, are one piece of evidence.
    fn group_of(
        &self,
        entry: &str,
        point: usize,
        lex: &Lexicon,
        groups: &mut HashMap<String, u32>,
    ) -> u32 {
        let key = if entry.contains(" | ") || entry.contains(" + ") {
            let mut alts: Vec<String> = entry.split(" | ").map(crate::lexicon::norm_key).collect();
            alts.sort();
            format!("{point}:{}", alts.join("|"))
        } else {
            match lex.group_of(entry) {
                Some(g) => format!("#{g}"),
                None => crate::lexicon::norm_key(entry),
            }
        };
        let next = groups.len() as u32;
        *groups.entry(key).or_insert(next)
    }

    fn add_alt(
        &mut self,
        alt: &str,
        point: usize,
        group: u32,
        strength: f32,
        (stemmer, stems, fuzzy_words): &mut AltWords,
    ) {
        let idx = self.alts.len() as u32;
        if let Some(d) = Detector::parse(alt) {
            self.detectors.push((d, idx));
            self.alts.push(Alt {
                parts: Vec::new(),
                point,
                group,
                strength,
                detector: Some(d),
                negative: false,
                says_no: false,
            });
            return;
        }
        let (alt, negative) = match alt.strip_prefix('~') {
            Some(rest) => (rest.trim_start(), true),
            None => (alt, false),
        };
        let mut parts = Vec::new();
        let mut echo = true;
        let mut content = false;
        let mut says_no = false;
        for phrase in alt.split(" + ").map(str::trim) {
            let (mut words, mut last) = (0, "");
            text::tokenize::for_each_token(phrase, |t| {
                words += 1;
                last = t.text;
            });
            let stop = || text::stopwords::is_stop(&text::normalize::normalize(last));
            if words == 0 || (words == 1 && stop()) {
                return;
            }
            let mut ids = Vec::with_capacity(words);
            text::for_each_word(phrase, stemmer, stems, |norm, stem, stop| {
                echo &= stop || self.echo.contains(stem);
                content |= !stop;
                says_no |= super::words::classes(norm, stem) & super::words::NEGATOR != 0;
                let id = self.intern(stem);
                let forms = &mut self.surfaces[id as usize];
                // A form seen before with this stem is already a typo target.
                if !forms.iter().any(|f| **f == *norm) {
                    forms.push(norm.into());
                    if norm.chars().count() >= FUZZY_MIN_CHARS
                        && norm.chars().all(char::is_alphabetic)
                    {
                        fuzzy_words.push((norm.to_string(), id));
                    }
                }
                ids.push(id);
            });
            parts.push(ids);
        }
        // Evidence that only repeats the question's words, even spread over a sentence, has
        // said nothing of its own.
        let strength = if echo && content && strength >= 1.0 {
            ECHO_STRENGTH
        } else {
            strength
        };
        let first = parts[0][0] as usize;
        if self.first.len() <= first {
            self.first.resize_with(first + 1, Vec::new);
        }
        self.first[first].push(idx);
        self.alts.push(Alt {
            parts,
            point,
            group,
            strength,
            detector: None,
            negative,
            says_no,
        });
    }

    /// The evidence a point offers: its distinct groups' strengths.
    fn strength_of_point(&self, point: usize) -> f32 {
        let mut groups: Vec<(u32, f32)> = Vec::new();
        for a in self.alts.iter().filter(|a| a.point == point) {
            match groups.iter_mut().find(|(g, _)| *g == a.group) {
                Some(e) => e.1 = e.1.max(a.strength),
                None => groups.push((a.group, a.strength)),
            }
        }
        groups.iter().map(|(_, s)| s).sum()
    }

    fn intern(&mut self, stem: &str) -> u32 {
        let id = match self.stems.get(stem) {
            Some(&id) => id,
            None => {
                let next = self.stems.len() as u32;
                self.stems.insert(stem.to_string(), next);
                next
            }
        };
        if self.surfaces.len() <= id as usize {
            self.surfaces.resize_with(id as usize + 1, Vec::new);
        }
        id
    }

    /// Whether the answer's word `norm` (stem `stem`, id `id`) is a form of one of the
    /// evidence's words with that stem.
    pub(crate) fn same_word(&self, id: u32, norm: &str, stem: &str) -> bool {
        self.surfaces.get(id as usize).is_none_or(|forms| {
            forms.is_empty() || forms.iter().any(|f| forms_agree(f, norm, stem))
        })
    }
}

/// How much evidence (in strong-term units) gives a point full credit when its rubric does not
/// say. A drafted sample point drawn from a long sentence names several things; one of them
/// alone is half the point.
fn default_need(source: Source, groups: usize) -> f32 {
    match source {
        Source::Sample if groups >= 6 => 2.0,
        Source::Sample if groups >= 3 => 1.5,
        _ => 1.0,
    }
}

/// Endings that make forms of one word, in families: an inflection (`""`, `s`, `ed`, `ing`)
/// goes with any family but "-able"; other endings only with their own family.
fn family(suffix: &str) -> Option<u8> {
    Some(match suffix {
        "" | "s" | "es" | "e" | "ed" | "d" | "ing" | "y" | "ies" | "ied" | "'s" => 0,
        "ment" | "ments" => 1,
        "ate" | "ates" | "ated" | "ating" | "ation" | "ations" => 2,
        "ion" | "ions" => 3,
        "er" | "ers" => 4,
        "ence" | "ences" | "enced" => 5,
        "able" | "ably" | "ability" | "abilities" => 6,
        "ness" | "nesses" => 7,
        _ => return None,
    })
}

/// Two words with one stem are forms of one word: the same, both built on the stem with
/// endings of agreeing families, or not built on the stem as written (then the stemmer's word
/// is taken).
fn forms_agree(evidence: &str, answer: &str, stem: &str) -> bool {
    if evidence == answer {
        return true;
    }
    let (Some(e), Some(a)) = (evidence.strip_prefix(stem), answer.strip_prefix(stem)) else {
        return true;
    };
    match (family(e), family(a)) {
        (Some(x), Some(y)) => x == y || (x == 0 && y != 6) || (y == 0 && x != 6),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::forms_agree;
    use crate::text::Stemmer;

    fn agree(e: &str, a: &str) -> bool {
        let s = Stemmer::english();
        assert_eq!(s.stem(e), s.stem(a), "{e} and {a} share a stem");
        forms_agree(e, a, &s.stem(e))
    }

    #[test]
    fn forms_of_a_word_agree_and_other_words_do_not() {
        assert!(agree("deploy", "deployments"));
        assert!(agree("automation", "automated"));
        assert!(agree("monitoring", "monitor"));
        assert!(agree("available", "availability"));
        assert!(agree("blameless", "blamelessness"));
        assert!(!agree("severity", "several"));
        assert!(!agree("system", "systemic"));
        assert!(!agree("operator", "operating"));
        assert!(!agree("experiments", "experience"));
        assert!(!agree("action", "actionable"));
        assert!(!agree("customization", "customers"));
    }
}
