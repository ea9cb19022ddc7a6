//! English Snowball stemming (rust-stemmers), with contractions and possessives handled first
//! so that `team's` and `teams` share a stem.

use rust_stemmers::{Algorithm, Stemmer as Snowball};

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

    /// Stem of one normalized (lowercase) word.
    pub fn stem(&self, norm: &str) -> String {
        let base = norm.strip_suffix("'s").unwrap_or(norm);
        // Words with digits are identifiers (p99, k8s, s3, 5xx): stemming would only damage them.
        if base.bytes().any(|b| b.is_ascii_digit()) {
            return base.to_string();
        }
        self.inner.stem(base).into_owned()
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
    fn leaves_identifiers_alone() {
        let s = Stemmer::english();
        assert_eq!(s.stem("k8s"), "k8s");
        assert_eq!(s.stem("p99s"), "p99s");
    }
}
