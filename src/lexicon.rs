//! The domain lexicon: synonym groups (`rubrics/lexicon.txt`) and topic expansions
//! (`rubrics/topics.txt`). Both are data files, embedded in the binary, sorted and checked.

use crate::text::{self, Stemmer};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const LEXICON: &str = include_str!("../rubrics/lexicon.txt");
const TOPICS: &str = include_str!("../rubrics/topics.txt");

mod embedded_index {
    include!(concat!(env!("OUT_DIR"), "/lexicon_index.rs"));
}

/// Synonym groups and topic expansions.
#[derive(Debug)]
pub struct Lexicon {
    /// Each group lists equivalent terms; the first names it. Split on first use for the
    /// embedded lexicon: grading looks terms up in the index and never needs the groups.
    groups: OnceLock<Vec<Vec<String>>>,
    groups_src: &'static str,
    /// Normalized term (words lowercased, joined by one space) -> group index.
    by_norm: rustc_hash::FxHashMap<String, usize>,
    /// True for the embedded lexicon, whose terms build.rs put in a table: `by_norm` is then
    /// empty, and start-up does not tokenize and hash every term.
    indexed: bool,
    /// Topic key -> concrete terms, keyed by the key's normalized words. Parsed on first use:
    /// only building rubrics needs topics, and `rubric grade` should not pay for them.
    topics: OnceLock<BTreeMap<String, Vec<String>>>,
    topics_src: &'static str,
}

impl Lexicon {
    /// The lexicon embedded in the binary, indexed at build time.
    pub fn embedded() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon {
            groups: OnceLock::new(),
            groups_src: LEXICON,
            by_norm: Default::default(),
            indexed: true,
            topics: OnceLock::new(),
            topics_src: TOPICS,
        })
    }

    /// Each group's terms, the first naming it.
    pub fn groups(&self) -> &[Vec<String>] {
        self.groups.get_or_init(|| {
            data_lines(self.groups_src)
                .map(|(_, line)| split_group(line))
                .collect()
        })
    }

    /// Parses lexicon and topic texts; errors name the file and line.
    pub fn parse(lexicon: &str, topics: &str) -> Result<Lexicon, String> {
        let lex = Lexicon::parse_groups(lexicon)?;
        let _ = lex.topics.set(parse_topics(topics)?);
        Ok(lex)
    }

    /// The topic expansions, keyed by normalized key.
    pub fn topics(&self) -> &BTreeMap<String, Vec<String>> {
        self.topics.get_or_init(|| {
            parse_topics(self.topics_src).expect("embedded topics are valid (checked by tests)")
        })
    }

    fn parse_groups(lexicon: &str) -> Result<Lexicon, String> {
        let mut groups = Vec::new();
        let mut by_norm = rustc_hash::FxHashMap::default();
        for (n, line) in data_lines(lexicon) {
            let terms = split_group(line);
            let distinct = terms
                .iter()
                .enumerate()
                .all(|(i, t)| !terms[..i].contains(t));
            if terms.len() < 2 || terms.iter().any(|t| t.is_empty()) || !distinct {
                return Err(format!("lexicon.txt:{n}: a group needs two or more distinct, non-empty terms separated by ` | `"));
            }
            for t in &terms {
                // Spellings that tokenize alike (blue/green, blue-green) may share a group.
                if by_norm
                    .insert(norm_key(t), groups.len())
                    .is_some_and(|g| g != groups.len())
                {
                    return Err(format!(
                        "lexicon.txt:{n}: `{t}` is already in another group"
                    ));
                }
            }
            groups.push(terms);
        }
        Ok(Lexicon {
            groups: OnceLock::from(groups),
            groups_src: "",
            by_norm,
            indexed: false,
            topics: OnceLock::new(),
            topics_src: "",
        })
    }

    /// The synonym group of a term, by its normalized words.
    pub fn group_of(&self, term: &str) -> Option<usize> {
        self.group_of_key(&norm_key(term))
    }

    /// The synonym group of an already normalized term.
    fn group_of_key(&self, key: &str) -> Option<usize> {
        if self.indexed {
            let term = |i: u32| {
                let (at, len, _) = embedded_index::ENTRIES[i as usize];
                &embedded_index::TEXT[at as usize..(at + len) as usize]
            };
            let i = crate::lookup::probe(key, embedded_index::SLOTS, term)?;
            return Some(embedded_index::ENTRIES[i as usize].2 as usize);
        }
        self.by_norm.get(key).copied()
    }

    /// The alternatives of `term` (itself included) when it is in a group.
    pub fn alternatives(&self, term: &str) -> Option<&[String]> {
        self.group_of(term).map(|g| self.groups()[g].as_slice())
    }

    /// Concrete terms for a topic key given as normalized words.
    pub fn topic(&self, key: &str) -> Option<&[String]> {
        self.topics().get(&norm_key(key)).map(Vec::as_slice)
    }

    /// Every topic key with its stems, for matching guidance words against keys.
    pub fn topic_keys_stemmed(&self, stemmer: &Stemmer) -> Vec<(Vec<String>, &str)> {
        self.topics()
            .keys()
            .map(|k| (text::phrase_stems(k, stemmer), k.as_str()))
            .collect()
    }
}

/// Share of a bank's questions that must use the domain's technical terms for the bank to be in
/// the domain.
pub const DOMAIN_SHARE: f64 = 0.5;
/// Distinct technical terms of the lexicon a question must use to count toward the share.
pub const DOMAIN_TERMS: usize = 2;

impl Lexicon {
    /// A lexicon with no groups and no topics: what a bank outside the domain is built with.
    pub fn empty() -> &'static Lexicon {
        static EMPTY: OnceLock<Lexicon> = OnceLock::new();
        EMPTY.get_or_init(|| Lexicon::parse("", "").expect("the empty lexicon parses"))
    }

    /// The technical terms of the lexicon that `text` uses, by group: a phrase of two or more
    /// words (`error budget`) or an acronym the lexicon spells out (`slo`, `tcp`). Single
    /// ordinary words (`release`, `stack`) say nothing about the subject of a bank.
    pub fn technical_terms(&self, text: &str) -> std::collections::BTreeSet<usize> {
        let words: Vec<String> = norm_key(text).split(' ').map(str::to_string).collect();
        let mut found = std::collections::BTreeSet::new();
        for n in 1..=3 {
            for w in words.windows(n) {
                let key = w.join(" ");
                let Some(g) = self.group_of_key(&key) else {
                    continue;
                };
                let acronym =
                    n == 1 && key.len() <= 5 && self.groups()[g].iter().any(|t| t.contains(' '));
                if n > 1 || acronym {
                    found.insert(g);
                }
            }
        }
        found
    }

    /// Whether a bank belongs to this lexicon's domain (systems, infrastructure and SRE
    /// interviews), judged by its own vocabulary: at least [`DOMAIN_SHARE`] of its questions
    /// (question, guidance and reference together) use [`DOMAIN_TERMS`] or more of the
    /// lexicon's technical terms. The built-in pages are; a biology or history bank is not, and
    /// is built without the lexicon and topics.
    pub fn covers(&self, texts: &[String]) -> bool {
        if texts.is_empty() || self.groups().is_empty() {
            return false;
        }
        let hits = texts
            .iter()
            .filter(|t| self.technical_terms(t).len() >= DOMAIN_TERMS)
            .count();
        hits as f64 >= DOMAIN_SHARE * texts.len() as f64
    }
}

/// Parses `topics.txt`: `key: term, term` lines, keys unique.
fn parse_topics(topics: &str) -> Result<BTreeMap<String, Vec<String>>, String> {
    let mut topic_map = BTreeMap::new();
    for (n, line) in data_lines(topics) {
        let (key, rest) = line
            .split_once(':')
            .ok_or_else(|| format!("topics.txt:{n}: expected `key: term, term`"))?;
        let terms: Vec<String> = rest
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        if terms.is_empty() {
            return Err(format!("topics.txt:{n}: `{key}` has no terms"));
        }
        if topic_map.insert(norm_key(key), terms).is_some() {
            return Err(format!("topics.txt:{n}: duplicate key `{key}`"));
        }
    }
    Ok(topic_map)
}

/// Lowercase words of `s` joined by single spaces: `Blue/Green` -> `blue green`.
pub fn norm_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    text::tokenize::for_each_token(s, |t| {
        if !out.is_empty() {
            out.push(' ');
        }
        if t.text.is_ascii() {
            out.extend(t.text.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            out.push_str(&text::normalize::normalize(t.text));
        }
    });
    out
}

/// The terms of one group line, trimmed.
fn split_group(line: &str) -> Vec<String> {
    line.split(" | ").map(|t| t.trim().to_string()).collect()
}

/// The numbered lines of a data file that hold data: not blank, not a `#` comment.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_are_sorted_unique_and_parse() {
        for (name, text) in [("lexicon.txt", LEXICON), ("topics.txt", TOPICS)] {
            let lines: Vec<&str> = data_lines(text).map(|(_, l)| l).collect();
            for w in lines.windows(2) {
                assert!(
                    w[0] < w[1],
                    "{name}: `{}` must sort after `{}` (and lines must be unique)",
                    w[1],
                    w[0]
                );
            }
            for l in &lines {
                assert!(
                    l.is_ascii() && *l == l.to_lowercase() && *l == l.trim(),
                    "{name}: `{l}` must be trimmed lowercase ASCII"
                );
            }
        }
        let lex = Lexicon::parse(LEXICON, TOPICS).unwrap();
        assert!(
            lex.groups().len() >= 300,
            "the lexicon should have hundreds of groups, has {}",
            lex.groups().len()
        );
        assert!(
            lex.topics().len() >= 150,
            "topics.txt should have hundreds of keys, has {}",
            lex.topics().len()
        );
    }

    #[test]
    fn the_build_time_index_agrees_with_parsing() {
        let parsed = Lexicon::parse(LEXICON, TOPICS).unwrap();
        let embedded = Lexicon::embedded();
        assert_eq!(embedded.groups(), parsed.groups());
        assert_eq!(embedded_index::ENTRIES.len(), parsed.by_norm.len());
        for (key, g) in &parsed.by_norm {
            assert_eq!(embedded.group_of_key(key), Some(*g), "`{key}`");
        }
        assert_eq!(
            embedded.group_of("Blue/Green"),
            parsed.group_of("blue-green")
        );
    }

    #[test]
    fn topic_terms_are_unique_within_a_key() {
        for (k, terms) in Lexicon::embedded().topics() {
            let mut t = terms.clone();
            t.sort();
            t.dedup();
            assert_eq!(t.len(), terms.len(), "topics.txt: `{k}` repeats a term");
        }
    }

    #[test]
    fn norm_keys_fold_case_and_punctuation() {
        assert_eq!(norm_key("Blue/Green  Deploy"), "blue green deploy");
        assert_eq!(norm_key("We’re-SLOs"), "we're slos");
        assert_eq!(norm_key(" -- "), "");
    }

    #[test]
    fn groups_are_found_by_any_spelling() {
        let lex = Lexicon::parse(
            "a | b c\nblue/green | blue-green deploy\n",
            "data: replica, database\n",
        )
        .unwrap();
        assert_eq!(lex.group_of("B  C"), Some(0));
        assert_eq!(lex.group_of("Blue-Green"), Some(1));
        assert_eq!(lex.alternatives("a").unwrap(), ["a", "b c"]);
        assert_eq!(lex.topic("Data").unwrap(), ["replica", "database"]);
        assert!(Lexicon::parse("a | a\n", "").is_err());
        assert!(Lexicon::parse("solo\n", "").is_err());
    }
}
