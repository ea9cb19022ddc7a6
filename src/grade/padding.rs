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
    if content.len() < MIN_CONTENT_WORDS {
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

    #[test]
    fn short_answers_are_never_called_padded() {
        assert!(!padded(
            "Timeouts and retries. Timeouts and retries. Timeouts and retries."
        ));
    }
}
