//! Finds the terms of a sentence (lexicon phrases, acronyms, named tools, hyphen and slash
//! compounds, content-word pairs and words) and ranks them by how specific they are across the
//! bank, so that "team" and "system" count for little and "idempotency key" for a lot.

use crate::lexicon::Lexicon;
use crate::text::{self, Stemmer, Word};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How a candidate term was found; earlier kinds make better labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Found {
    Lexicon,
    Name,
    Acronym,
    Compound,
    Pair,
    Word,
}

/// A term found in a sentence.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Lowercased term as written in the sentence (`blue/green`, `route 53`).
    pub text: String,
    /// As written, for labels (`Route 53`, `EKS`).
    pub display: String,
    /// Stems of the term's words.
    pub stems: Vec<String>,
    pub found: Found,
    /// Index of the first word in the sentence.
    pub pos: usize,
}

/// How strongly a term shows its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    Strong,
    Related,
}

/// Document frequency of stems over a bank: one document per question.
#[derive(Debug, Default)]
pub struct Specificity {
    df: HashMap<String, usize>,
    docs: usize,
}

impl Specificity {
    pub fn from_docs<'a>(docs: impl IntoIterator<Item = &'a str>, stemmer: &Stemmer) -> Self {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut n = 0;
        for d in docs {
            n += 1;
            let stems: BTreeSet<String> = text::analyze(d, stemmer)
                .into_iter()
                .filter(|w| !w.stop)
                .map(|w| w.stem)
                .collect();
            for s in stems {
                *df.entry(s).or_default() += 1;
            }
        }
        Specificity { df, docs: n.max(1) }
    }

    /// Adds another collection's counts, as if its documents were in this one.
    pub fn add(&mut self, other: &Specificity) {
        for (stem, n) in &other.df {
            *self.df.entry(stem.clone()).or_default() += n;
        }
        self.docs += other.docs;
    }

    /// Share of documents that use `stem`, 0..1.
    pub fn ratio(&self, stem: &str) -> f64 {
        *self.df.get(stem).unwrap_or(&0) as f64 / self.docs as f64
    }

    /// The ratio of a word found in one question only, in a bank of five or more (else 0).
    pub fn rare(&self) -> f64 {
        if self.docs >= 5 {
            1.0 / self.docs as f64
        } else {
            0.0
        }
    }

    /// The rarest content word decides how specific a phrase is.
    pub fn phrase_ratio(&self, stems: &[String]) -> f64 {
        stems
            .iter()
            .filter(|s| !text::stopwords::is_stop(s))
            .map(|s| self.ratio(s))
            .fold(1.0, f64::min)
    }
}

/// Lexicon phrases indexed by first stem, for finding them in sentences.
#[derive(Debug, Default, Clone)]
pub struct LexIndex {
    /// First word -> (the phrase's normalized words, group), longest phrases first.
    by_first: BTreeMap<String, Vec<(Vec<String>, usize)>>,
}

impl LexIndex {
    pub fn new(lex: &Lexicon, stemmer: &Stemmer) -> Self {
        let mut by_first: BTreeMap<String, Vec<(Vec<String>, usize)>> = BTreeMap::new();
        for (g, group) in lex.groups().iter().enumerate() {
            for term in group {
                let words = text::analyze(term, stemmer);
                if let Some(first) = words.first() {
                    let norms = words.iter().map(|w| w.norm.clone()).collect();
                    by_first
                        .entry(first.norm.clone())
                        .or_default()
                        .push((norms, g));
                }
            }
        }
        for v in by_first.values_mut() {
            v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        }
        LexIndex { by_first }
    }

    /// Length (in words) of the longest lexicon phrase starting at `words[i]`.
    /// The sentence must say the phrase's words, up to a plural: stems alone would let
    /// "normal" stand for the lexicon's "normalization".
    fn longest_at(&self, words: &[Word], i: usize) -> Option<usize> {
        let w = words[i].norm.as_str();
        [Some(w), w.strip_suffix('s'), w.strip_suffix("es")]
            .into_iter()
            .flatten()
            .filter_map(|k| self.by_first.get(k))
            .flatten()
            .find(|(norms, _)| {
                i + norms.len() <= words.len()
                    && norms.iter().enumerate().all(|(k, n)| {
                        same_word(&words[i + k].norm, n)
                            && (k == 0 || !words[i + k].boundary_before)
                    })
            })
            .map(|(norms, _)| norms.len())
    }
}

/// The same word, or one of them its plural.
fn same_word(a: &str, b: &str) -> bool {
    let plural_of = |p: &str, s: &str| {
        p.strip_suffix('s')
            .is_some_and(|r| r == s || r.strip_suffix('e') == Some(s))
    };
    a == b || plural_of(a, b) || plural_of(b, a)
}

/// Every candidate term of `sentence`, in order of position.
pub fn candidates(sentence: &str, lex: &LexIndex, stemmer: &Stemmer) -> Vec<Candidate> {
    let words = text::analyze(sentence, stemmer);
    let mut out = Vec::new();
    let span = |a: usize, b: usize| &sentence[words[a].start..words[b].end];
    let mk = |a: usize, b: usize, found: Found| {
        let display = span(a, b).to_string();
        Candidate {
            text: words[a..=b]
                .iter()
                .map(|w| w.norm.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            stems: words[a..=b].iter().map(|w| w.stem.clone()).collect(),
            display,
            found,
            pos: a,
        }
    };
    let joined = |i: usize| {
        i + 1 < words.len()
            && words[i].end + 1 == words[i + 1].start
            && matches!(sentence.as_bytes()[words[i].end], b'-' | b'/')
    };

    let in_compound: Vec<bool> = (0..words.len())
        .map(|i| joined(i) || (i > 0 && joined(i - 1)))
        .collect();
    let mut i = 0;
    while i < words.len() {
        if let Some(len) = lex.longest_at(&words, i) {
            out.push(mk(i, i + len - 1, Found::Lexicon));
        }
        // Hyphen/slash compounds: blue/green, latency-based, multi-AZ.
        if joined(i) && (i == 0 || !joined(i - 1)) {
            let mut j = i;
            while joined(j) {
                j += 1;
            }
            let mut c = mk(i, j, Found::Compound);
            c.text = span(i, j).to_lowercase();
            out.push(c);
        }
        let raw = span(i, i);
        if is_acronym(raw) {
            out.push(mk(i, i, Found::Acronym));
        } else if is_name(sentence, &words, i) {
            let mut j = i;
            while j + 1 < words.len()
                && !words[j + 1].boundary_before
                && (is_name(sentence, &words, j + 1)
                    || words[j + 1].norm.bytes().all(|b| b.is_ascii_digit()))
            {
                j += 1;
            }
            out.push(mk(i, j, Found::Name));
        }
        if i + 1 < words.len()
            && content(&words[i])
            && content(&words[i + 1])
            && !words[i + 1].boundary_before
            && !(in_compound[i] && in_compound[i + 1])
        {
            out.push(mk(i, i + 1, Found::Pair));
        }
        if content(&words[i]) && !in_compound[i] {
            out.push(mk(i, i, Found::Word));
        }
        i += 1;
    }
    out
}

/// The tier of a candidate, or `None` when it is too common to be evidence. Words that merely
/// repeat the question are demoted: restating the question shows nothing.
pub fn tier(c: &Candidate, spec: &Specificity, question_stems: &BTreeSet<String>) -> Option<Tier> {
    let content: Vec<&String> = c
        .stems
        .iter()
        .filter(|s| !text::stopwords::is_stop(s))
        .collect();
    if content.is_empty() {
        return None;
    }
    let ratio = spec.phrase_ratio(&c.stems);
    // One word shows a point only if few questions use it; a phrase may be more common, since
    // all its words must appear together.
    let single = content.len() == 1;
    let strong_limit = match c.found {
        Found::Word => 0.12,
        _ if single => 0.2,
        Found::Pair => 0.25,
        Found::Lexicon | Found::Name | Found::Acronym | Found::Compound => 0.5,
    };
    let keep_limit = match c.found {
        Found::Word => 0.45,
        _ => 0.9,
    };
    if ratio > keep_limit || (c.found == Found::Word && c.text.chars().count() < 3) {
        return None;
    }
    let restates_question = content.iter().all(|s| question_stems.contains(*s));
    if ratio <= strong_limit && !restates_question {
        Some(Tier::Strong)
    } else {
        Some(Tier::Related)
    }
}

fn content(w: &Word) -> bool {
    !w.stop
        && w.norm.chars().count() >= 3
        && !w.norm.bytes().all(|b| b.is_ascii_digit())
        && !is_generic(&w.norm)
}

const GENERIC: &str = include_str!("generic.txt");

/// Ordinary English words ("everything", "early", "setup") that show no point on their own.
pub fn is_generic(norm: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| generic_words().collect()).contains(norm)
}

fn generic_words() -> impl Iterator<Item = &'static str> {
    GENERIC
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// SLO, EKS, RED, p99, k8s, 5xx: two capitals, or letters mixed with digits.
fn is_acronym(raw: &str) -> bool {
    let upper = raw.chars().filter(|c| c.is_uppercase()).count();
    let digits = raw.chars().any(|c| c.is_ascii_digit());
    let letters = raw.chars().any(|c| c.is_alphabetic());
    (upper >= 2 && raw.chars().count() >= 2) || (digits && letters)
}

/// A capitalized word that does not start a sentence: a product or tool (Terraform, Aurora).
fn is_name(sentence: &str, words: &[Word], i: usize) -> bool {
    let raw = &sentence[words[i].start..words[i].end];
    let first_upper = raw.chars().next().is_some_and(char::is_uppercase);
    if !first_upper || words[i].stop || raw == "I" || is_acronym(raw) {
        return false;
    }
    if i == 0 {
        return false;
    }
    let between = sentence[words[i - 1].end..words[i].start].trim();
    !(between.ends_with(['.', '?', '!', ':', '"', '“']) || between.starts_with('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex_index() -> (LexIndex, Stemmer) {
        let s = Stemmer::english();
        let lex = Lexicon::parse(
            "error budget | error budgets policy\nslo | service level objective\n",
            "",
        )
        .unwrap();
        (LexIndex::new(&lex, &s), s)
    }

    fn found(sentence: &str, kind: Found) -> Vec<String> {
        let (idx, s) = lex_index();
        candidates(sentence, &idx, &s)
            .into_iter()
            .filter(|c| c.found == kind)
            .map(|c| c.display)
            .collect()
    }

    #[test]
    fn generic_list_is_sorted_unique_lowercase() {
        let w: Vec<&str> = generic_words().collect();
        for pair in w.windows(2) {
            assert!(
                pair[0] < pair[1],
                "generic.txt: `{}` must come after `{}` (sorted, unique)",
                pair[1],
                pair[0]
            );
        }
        assert!(
            w.iter()
                .all(|x| x.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'')),
            "generic.txt: lowercase words only"
        );
        assert!(is_generic("everything") && !is_generic("canary"));
    }

    #[test]
    fn finds_each_kind_of_term() {
        let s = "Deployments would be blue/green with canaries on EKS, managed by Terraform and Route 53 within our error budget.";
        assert_eq!(found(s, Found::Compound), ["blue/green"]);
        assert_eq!(found(s, Found::Acronym), ["EKS"]);
        assert_eq!(found(s, Found::Name), ["Terraform", "Route 53"]);
        assert_eq!(found(s, Found::Lexicon), ["error budget"]);
        assert!(found(s, Found::Pair).contains(&"error budget".to_string()));
        assert!(found(s, Found::Word).contains(&"canaries".to_string()));
    }

    #[test]
    fn lexicon_phrases_match_words_not_just_stems() {
        let s = Stemmer::english();
        let lex = Lexicon::parse(
            "normalization | normalisation\nslo | service level objective\n",
            "",
        )
        .unwrap();
        let idx = LexIndex::new(&lex, &s);
        let lexical = |t: &str| {
            candidates(t, &idx, &s)
                .into_iter()
                .filter(|c| c.found == Found::Lexicon)
                .map(|c| c.display)
                .collect::<Vec<_>>()
        };
        assert!(lexical("Failure is normal.").is_empty());
        assert_eq!(
            lexical("We track SLOs and a service level objective."),
            ["SLOs", "service level objective"]
        );
    }

    #[test]
    fn sentence_start_is_not_a_name() {
        assert!(found("Terraform is great. Then we ship.", Found::Name).is_empty());
        assert_eq!(
            found("Terraform is great. Then Helm.", Found::Name),
            ["Helm"]
        );
    }

    #[test]
    fn common_and_question_words_are_weak() {
        let s = Stemmer::english();
        let spec = Specificity::from_docs(
            ["team system canary", "team system", "team budget", "team"],
            &s,
        );
        let q: BTreeSet<String> = ["budget".to_string()].into();
        let word = |w: &str| Candidate {
            text: w.into(),
            display: w.into(),
            stems: vec![s.stem(w)],
            found: Found::Word,
            pos: 0,
        };
        assert_eq!(tier(&word("team"), &spec, &q), None);
        assert_eq!(tier(&word("system"), &spec, &q), None);
        assert_eq!(tier(&word("canary"), &spec, &q), Some(Tier::Related));
        assert_eq!(tier(&word("idempotency"), &spec, &q), Some(Tier::Strong));
        assert_eq!(tier(&word("budget"), &spec, &q), Some(Tier::Related));
    }
}
