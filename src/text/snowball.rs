//! The stemming rule itself, apart from any cache: `build.rs` runs it over the bank's words
//! ahead of time, and [`crate::text::Stemmer`] runs it on words the build did not see.

use rust_stemmers::Stemmer as Snowball;

/// Stem of one normalized (lowercase) word, with contractions and possessives handled first so
/// that `team's` and `teams` share a stem.
pub fn stem(snowball: &Snowball, norm: &str) -> String {
    let base = norm.strip_suffix("'s").unwrap_or(norm);
    // Words with digits are identifiers (p99, k8s, s3, 5xx): stemming would only damage them.
    if base.bytes().any(|b| b.is_ascii_digit()) {
        return base.to_string();
    }
    snowball.stem(base).into_owned()
}
