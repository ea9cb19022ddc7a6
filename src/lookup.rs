//! Lookup tables made at build time: `build.rs` places each key with [`place`], the grader finds
//! it with [`probe`]. A table is one string of keys with offsets into it, so a position-
//! independent binary needs no relocations for it at start-up.

/// Where a key's probe starts (FNV-1a): `build.rs` places each key with this function and the
/// grader looks it up with the same one.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placed_key_is_found_and_others_are_not() {
        // More keys than a few slots' worth, so some probes must step past a collision.
        let keys: Vec<String> = (0..500).map(|i| format!("k{i}")).collect();
        let slots = place(keys.iter().map(String::as_str));
        assert!(slots.len() >= 2 * keys.len());
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(
                probe(k, &slots, |j| &keys[j as usize]),
                Some(i as u32),
                "{k}"
            );
        }
        assert_eq!(probe("k500", &slots, |j| &keys[j as usize]), None);
        assert_eq!(probe("", &place(std::iter::empty()), |_| ""), None);
    }
}
