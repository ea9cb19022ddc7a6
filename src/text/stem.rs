//! English Snowball stemming (rust-stemmers). The words of the embedded bank are stemmed at
//! build time, so grading one answer stems only the words the bank never uses.

use rust_stemmers::{Algorithm, Stemmer as Snowball};

mod table {
    include!(concat!(env!("OUT_DIR"), "/stems.rs"));

    /// The stem of `word` if the build saw it.
    pub fn find(word: &str) -> Option<&'static str> {
        let i = crate::lookup::probe(word, SLOTS, |i| self::word(ENTRIES[i as usize]))?;
        Some(stem(ENTRIES[i as usize]))
    }

    pub fn word((at, len, _): (u32, u8, u8)) -> &'static str {
        &TEXT[at as usize..at as usize + len as usize]
    }

    pub fn stem((at, len, stem): (u32, u8, u8)) -> &'static str {
        let at = at as usize + len as usize;
        &TEXT[at..at + stem as usize]
    }
}

/// A reusable English stemmer.
pub struct Stemmer {
    inner: Snowball,
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmer(english)")
    }
}

impl Default for Stemmer {
    fn default() -> Self {
        Self::english()
    }
}

impl Stemmer {
    pub fn english() -> Self {
        Stemmer {
            inner: Snowball::create(Algorithm::English),
        }
    }

    /// The stem of a word the build stemmed ahead of time (the bank's words): no stemming and
    /// no allocation.
    pub fn known(norm: &str) -> Option<&'static str> {
        table::find(norm)
    }

    /// Stem of one normalized (lowercase) word.
    pub fn stem(&self, norm: &str) -> String {
        match table::find(norm) {
            Some(stem) => stem.to_string(),
            None => super::snowball::stem(&self.inner, norm),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_inflections_together() {
        let s = Stemmer::english();
        assert_eq!(s.stem("deployments"), s.stem("deployment"));
        assert_eq!(s.stem("replicas"), s.stem("replica"));
        assert_eq!(s.stem("rolling"), "roll");
        assert_eq!(s.stem("team's"), s.stem("teams"));
    }

    #[test]
    fn the_build_time_table_is_sorted_and_agrees_with_snowball() {
        let s = Stemmer::english();
        let entries = table::ENTRIES;
        assert!(entries.len() > 1000, "the bank's words are in the table");
        assert!(entries
            .windows(2)
            .all(|w| table::word(w[0]) < table::word(w[1])));
        for &e in entries {
            let word = table::word(e);
            assert_eq!(
                super::super::snowball::stem(&s.inner, word),
                table::stem(e),
                "{word}"
            );
            assert_eq!(table::find(word), Some(table::stem(e)), "{word} is found");
        }
        assert_eq!(table::find("zzyzzyva-not-a-word"), None);
        assert_eq!(s.stem("deployments"), "deploy");
    }

    #[test]
    fn leaves_identifiers_alone() {
        let s = Stemmer::english();
        assert_eq!(s.stem("k8s"), "k8s");
        assert_eq!(s.stem("p99s"), "p99s");
    }
}
