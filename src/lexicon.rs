//! The domain lexicon: synonym groups (`rubrics/lexicon.txt`) and topic expansions
//! (`rubrics/topics.txt`). Both are data files, embedded in the binary, sorted and checked.

use crate::text::{self, Stemmer};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

const LEXICON: &str = include_str!("../rubrics/lexicon.txt");
const TOPICS: &str = include_str!("../rubrics/topics.txt");

/// Synonym groups and topic expansions.
#[derive(Debug)]
pub struct Lexicon {
    /// Each group lists equivalent terms; the first names it.
    pub groups: Vec<Vec<String>>,
    /// Normalized term (words lowercased, joined by one space) -> group index.
    by_norm: HashMap<String, usize>,
    /// Topic key -> concrete terms, keyed by the key's normalized words.
    pub topics: BTreeMap<String, Vec<String>>,
}

impl Lexicon {
    /// The lexicon embedded in the binary, parsed once.
    pub fn embedded() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            Lexicon::parse(LEXICON, TOPICS).expect("embedded lexicon is valid (checked by tests)")
        })
    }

    /// Parses lexicon and topic texts; errors name the file and line.
    pub fn parse(lexicon: &str, topics: &str) -> Result<Lexicon, String> {
        let mut groups = Vec::new();
        let mut by_norm = HashMap::new();
        for (n, line) in data_lines(lexicon) {
            let terms: Vec<String> = line.split(" | ").map(|t| t.trim().to_string()).collect();
            let distinct: std::collections::BTreeSet<&String> = terms.iter().collect();
            if terms.len() < 2
                || terms.iter().any(|t| t.is_empty())
                || distinct.len() != terms.len()
            {
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
        Ok(Lexicon {
            groups,
            by_norm,
            topics: topic_map,
        })
    }

    /// The synonym group of a term, by its normalized words.
    pub fn group_of(&self, term: &str) -> Option<usize> {
        self.by_norm.get(&norm_key(term)).copied()
    }

    /// The alternatives of `term` (itself included) when it is in a group.
    pub fn alternatives(&self, term: &str) -> Option<&[String]> {
        self.group_of(term).map(|g| self.groups[g].as_slice())
    }

    /// Concrete terms for a topic key given as normalized words.
    pub fn topic(&self, key: &str) -> Option<&[String]> {
        self.topics.get(&norm_key(key)).map(Vec::as_slice)
    }

    /// Every topic key with its stems, for matching guidance words against keys.
    pub fn topic_keys_stemmed(&self, stemmer: &Stemmer) -> Vec<(Vec<String>, &str)> {
        self.topics
            .keys()
            .map(|k| (text::phrase_stems(k, stemmer), k.as_str()))
            .collect()
    }
}

/// Lowercase words of `s` joined by single spaces: `Blue/Green` -> `blue green`.
pub fn norm_key(s: &str) -> String {
    text::tokenize(s)
        .iter()
        .map(|t| text::normalize::normalize(t.text))
        .collect::<Vec<_>>()
        .join(" ")
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
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
            lex.groups.len() >= 300,
            "the lexicon should have hundreds of groups, has {}",
            lex.groups.len()
        );
        assert!(
            lex.topics.len() >= 150,
            "topics.txt should have hundreds of keys, has {}",
            lex.topics.len()
        );
    }

    #[test]
    fn topic_terms_are_unique_within_a_key() {
        for (k, terms) in &Lexicon::embedded().topics {
            let mut t = terms.clone();
            t.sort();
            t.dedup();
            assert_eq!(t.len(), terms.len(), "topics.txt: `{k}` repeats a term");
        }
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
