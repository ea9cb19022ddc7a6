//! Word classes of `words.txt`: a bit set per stem, looked up once per distinct word of an answer.

#[cfg(test)]
const WORDS: &str = include_str!("words.txt");

pub(crate) use super::classes::*;

mod table {
    include!(concat!(env!("OUT_DIR"), "/classes.rs"));
}

/// The classes of a word, by its normalized form and stem; `n't` contractions negate.
pub(crate) fn classes(norm: &str, stem: &str) -> u16 {
    let mut c = of_stem(stem);
    if norm.ends_with("n't") && norm != "ain't" {
        c |= NEGATOR | AUX;
    }
    if norm == "i" || norm == "i've" {
        c |= I;
    }
    if norm.len() > 4 && norm.ends_with("ed") {
        c |= PAST;
    }
    c
}

/// The classes `words.txt` gives a stem, from the table `build.rs` made of it.
fn of_stem(stem: &str) -> u16 {
    let key = |i: u32| {
        let (at, len, _) = table::ENTRIES[i as usize];
        &table::TEXT[at as usize..at as usize + len as usize]
    };
    crate::lookup::probe(stem, table::SLOTS, key).map_or(0, |i| table::ENTRIES[i as usize].2)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::text::Stemmer;

    #[test]
    fn embedded_list_is_sorted_and_the_build_table_agrees() {
        let s = Stemmer::english();
        let parsed = parse(WORDS, |w| s.stem(w)).unwrap();
        assert_eq!(parsed.len(), table::ENTRIES.len());
        for (stem, bits) in &parsed {
            assert_eq!(of_stem(stem), *bits, "{stem}");
        }
        assert_eq!(of_stem("zzyzzyva"), 0);
        let c = |w: &str| classes(w, &s.stem(w));
        assert_ne!(c("never") & NEGATOR, 0);
        assert_ne!(c("weren't") & NEGATOR, 0);
        assert_ne!(c("reduced") & CHANGE, 0);
        assert_ne!(c("reduces") & CHANGE, 0);
        assert_ne!(c("failures") & HAZARD, 0);
        assert_eq!(c("canary"), 0);
    }

    #[test]
    fn unsorted_words_are_refused_with_the_line() {
        let e = parse("# x\nnegator: no never\n", str::to_string).unwrap_err();
        assert_eq!(
            e,
            "words.txt:2: classes and words must be sorted and unique"
        );
    }
}
