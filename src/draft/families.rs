//! General English word families and synonyms for drafting rubrics of any subject, distilled
//! from WordNet by `tools/wordnet_families.py` into `families.txt` (see its header for the
//! source, the license and what was kept). A rubric term gets its family as alternatives, so
//! "unlimited" is also shown by "infinite". The domain lexicon (`rubrics/lexicon.txt`) is
//! separate and applies only to banks in its domain.

use std::collections::HashMap;
use std::sync::OnceLock;

const FAMILIES: &str = include_str!("families.txt");

/// Word -> its alternatives.
#[derive(Debug, Default)]
pub struct Families {
    by_word: HashMap<&'static str, Vec<String>>,
}

impl Families {
    /// The families embedded in the binary, parsed once.
    pub fn embedded() -> &'static Families {
        static F: OnceLock<Families> = OnceLock::new();
        F.get_or_init(|| {
            Families::parse(FAMILIES).expect("families.txt is valid (checked by tests)")
        })
    }

    /// Parses `word: alternative, alternative` lines; `#` starts a comment line.
    pub fn parse(text: &'static str) -> Result<Families, String> {
        let mut by_word = HashMap::new();
        for (n, line) in data_lines(text) {
            let (word, rest) = line
                .split_once(": ")
                .ok_or_else(|| format!("families.txt:{n}: expected `word: alternative, ...`"))?;
            let alts: Vec<String> = rest.split(", ").map(str::to_string).collect();
            if word.is_empty() || alts.iter().any(|a| a.is_empty() || a == word) {
                return Err(format!("families.txt:{n}: empty or repeated word"));
            }
            if by_word.insert(word, alts).is_some() {
                return Err(format!("families.txt:{n}: `{word}` is listed twice"));
            }
        }
        Ok(Families { by_word })
    }

    /// The alternatives of a lowercase word; empty when it has none.
    pub fn alternatives(&self, word: &str) -> &[String] {
        self.by_word.get(word).map_or(&[], Vec::as_slice)
    }

    pub fn len(&self) -> usize {
        self.by_word.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_word.is_empty()
    }
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
    fn families_file_is_sorted_unique_lowercase_and_parses() {
        let lines: Vec<&str> = data_lines(FAMILIES).map(|(_, l)| l).collect();
        for w in lines.windows(2) {
            let (a, b) = (
                w[0].split_once(": ").unwrap().0,
                w[1].split_once(": ").unwrap().0,
            );
            assert!(
                a < b,
                "families.txt: `{b}` must sort after `{a}` (and be listed once)"
            );
        }
        for l in &lines {
            assert!(
                l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b" :,'-".contains(&b)),
                "families.txt: `{l}` must be lowercase ASCII words"
            );
            let (_, alts) = l.split_once(": ").unwrap();
            let v: Vec<&str> = alts.split(", ").collect();
            let mut s = v.clone();
            s.sort();
            s.dedup();
            assert_eq!(
                s, v,
                "families.txt: alternatives of `{l}` must be sorted and unique"
            );
        }
        Families::parse(FAMILIES).unwrap();
    }

    /// `families.txt` is what the committed command makes of WordNet, where this machine has
    /// WordNet (Debian's `wordnet-base`) and Python; elsewhere there is nothing to compare with.
    #[test]
    fn families_file_is_fresh() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        if !std::path::Path::new("/usr/share/wordnet/index.verb").exists() {
            return;
        }
        let Ok(out) = std::process::Command::new("python3")
            .arg(root.join("tools/wordnet_families.py"))
            .output()
        else {
            return;
        };
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stdout == FAMILIES.as_bytes(),
            "src/draft/families.txt is stale: run `python3 tools/wordnet_families.py > src/draft/families.txt`"
        );
    }

    #[test]
    fn parse_rejects_bad_lines() {
        assert!(Families::parse("a: b\na: c\n").is_err());
        assert!(Families::parse("a b\n").is_err());
        assert_eq!(
            Families::parse("a: b, c\n").unwrap().alternatives("a"),
            ["b", "c"]
        );
    }
}
