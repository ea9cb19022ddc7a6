//! The stop-word list: function words that never count as evidence on their own.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

const LIST: &str = include_str!("stopwords.txt");

fn set() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| words().collect())
}

fn words() -> impl Iterator<Item = &'static str> {
    LIST.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// True for a normalized (lowercase, straight-apostrophe) function word.
pub fn is_stop(norm: &str) -> bool {
    set().contains(norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_unique() {
        let w: Vec<_> = words().collect();
        for pair in w.windows(2) {
            assert!(
                pair[0] < pair[1],
                "stopwords.txt: {:?} must come after {:?}",
                pair[1],
                pair[0]
            );
        }
        assert!(w.len() > 150);
    }

    #[test]
    fn function_words_only() {
        assert!(is_stop("the"));
        assert!(is_stop("we're"));
        assert!(!is_stop("canary"));
        assert!(
            !is_stop("back"),
            "particles like 'back' matter in 'roll back'"
        );
    }
}
