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

/// Where a word's probe starts in a build-time hash table (FNV-1a): `build.rs` places each
/// word with this function and the grader looks it up with the same one.
pub fn slot(word: &str, slots: usize) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (h as usize) & (slots - 1)
}

/// The entry for `word` in a build-time hash table: `slots` holds entry indexes (`u32::MAX`
/// for empty) placed by [`slot`] with linear probing, and `key` gives an entry's word.
pub fn probe<'a>(word: &str, slots: &[u32], key: impl Fn(u32) -> &'a str) -> Option<u32> {
    let mut at = slot(word, slots.len());
    loop {
        match slots[at] {
            u32::MAX => return None,
            i if key(i) == word => return Some(i),
            _ => at = (at + 1) & (slots.len() - 1),
        }
    }
}

/// Places entry `i` for each of `keys` in a table at most half full, for [`probe`].
#[allow(dead_code)] // build.rs makes the tables; the grader only reads them.
pub fn place<'a>(keys: impl ExactSizeIterator<Item = &'a str>) -> Vec<u32> {
    let mut slots = vec![u32::MAX; (2 * keys.len()).next_power_of_two().max(2)];
    for (i, k) in keys.enumerate() {
        let mut at = slot(k, slots.len());
        while slots[at] != u32::MAX {
            at = (at + 1) & (slots.len() - 1);
        }
        slots[at] = i as u32;
    }
    slots
}
