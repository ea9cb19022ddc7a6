//! Padding: an answer that says the same things again to look longer gets a warning.
//!
//! Repetition is measured on runs of content words: the share of an answer's runs of four
//! content-word stems that already appeared earlier in it. Natural answers almost never repeat a
//! run of four content words; pasted-twice paragraphs and circling restatements do.

use rustc_hash::FxHashSet;

/// How many content words make one run.
const RUN: usize = 4;
// A run of word ids packs into one u128.
const _: () = assert!(RUN * 32 <= 128);
/// Below this many content words there is too little to call repetition.
const MIN_CONTENT_WORDS: usize = 20;
/// The share of repeated runs from which an answer is padded.
const PADDED_SHARE: f64 = 0.3;

/// The share (0..1) of the runs of `content` (the answer's content words, each as a number that
/// is equal for equal words) that repeat an earlier run.
pub fn repeated_share(content: &[u32]) -> f64 {
    if content.len() < MIN_CONTENT_WORDS || !any_run_of_seen_words(content) {
        return 0.0;
    }
    // A run repeats an earlier one exactly when a set of the runs so far already holds it. A run
    // of four words packs into one integer, which hashes faster than four.
    let total = content.len() + 1 - RUN;
    let mut seen = FxHashSet::with_capacity_and_hasher(total, Default::default());
    let repeats = content
        .windows(RUN)
        .map(|w| w.iter().fold(0u128, |acc, &id| acc << 32 | u128::from(id)))
        .filter(|&run| !seen.insert(run))
        .count();
    repeats as f64 / total as f64
}

/// Largest word number the quick test below keeps a bit for; an answer's are far smaller.
const BITS_MAX: u32 = 1 << 20;

/// Whether some run of [`RUN`] words has every word already said before it: a run that repeats
/// an earlier one has, so an answer without one (most natural answers) repeats no run, and
/// needs no set of its runs.
fn any_run_of_seen_words(content: &[u32]) -> bool {
    let max = content.iter().copied().max().unwrap_or(0);
    if max > BITS_MAX {
        return true;
    }
    let mut seen = vec![0u64; max as usize / 64 + 1];
    let mut streak = 0;
    for &id in content {
        let (word, bit) = (id as usize / 64, 1u64 << (id % 64));
        streak = if seen[word] & bit != 0 { streak + 1 } else { 0 };
        seen[word] |= bit;
        if streak == RUN {
            return true;
        }
    }
    false
}

/// True when enough of the answer repeats itself to warn about it.
pub fn is_padded(content: &[u32]) -> bool {
    repeated_share(content) >= PADDED_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{analyze, Stemmer};

    fn padded(text: &str) -> bool {
        let mut ids: Vec<String> = Vec::new();
        let stems: Vec<u32> = analyze(text, &Stemmer::english())
            .into_iter()
            .filter(|w| !w.stop)
            .map(|w| match ids.iter().position(|s| *s == w.stem) {
                Some(i) => i as u32,
                None => {
                    ids.push(w.stem);
                    ids.len() as u32 - 1
                }
            })
            .collect();
        is_padded(&stems)
    }

    #[test]
    fn a_paragraph_pasted_twice_is_padding() {
        let p = "We set timeouts on every outbound call, retry twice with jittered backoff, \
                 and open a circuit breaker when the error rate passes five percent, so a slow \
                 pricing service cannot hold every worker thread. ";
        assert!(!padded(p));
        assert!(padded(&format!("{p}{p}")));
        assert!(padded(&format!("{p} As I said, {p} To repeat: {p}")));
    }

    #[test]
    fn a_natural_answer_that_reuses_a_term_is_not_padding() {
        let a = "The error budget is what the SLO leaves over: at 99.9% a month allows about 43 \
                 minutes of downtime. When the error budget is spent we freeze risky releases \
                 and spend the time on reliability work; when the error budget is healthy, \
                 product teams ship faster. The budget policy is agreed with product up front, \
                 so nobody argues about it during an incident.";
        assert!(!padded(a));
    }

    proptest::proptest! {
        #[test]
        fn the_quick_test_never_misses_a_repeated_run(
            content in proptest::collection::vec(0u32..12, 20..60)
        ) {
            let total = content.len() + 1 - RUN;
            let distinct: FxHashSet<&[u32]> = content.windows(RUN).collect();
            if distinct.len() < total {
                proptest::prop_assert!(any_run_of_seen_words(&content));
            }
        }
    }

    #[test]
    fn short_answers_are_never_called_padded() {
        assert!(!padded(
            "Timeouts and retries. Timeouts and retries. Timeouts and retries."
        ));
    }
}
