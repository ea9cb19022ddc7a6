//! The loaded rubric sets: those embedded in the binary plus any from `--rubrics` directories.
//! Embedded sets are parsed only when a command needs them, so grading one question parses one
//! file; a user's rubric files are parsed as they are added, so a malformed one stops every
//! command alike, naming the file, line and column.

use crate::rubric::{self, Question, RubricError, RubricFile};
use crate::text::{self, Stemmer};
use regex::Regex;
use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Every rubric set available to a command.
#[derive(Debug, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    /// Whether a loaded set may replace a built-in one of the same name (`--replace-builtin`).
    replace_builtin: bool,
    /// Content stems of every question's text, in `questions()` order, made on first use: a
    /// `rubric check` run matches many headings against the same texts.
    text_index: OnceCell<Vec<BTreeSet<String>>>,
}

#[derive(Debug)]
struct Entry {
    set: String,
    /// Path shown in errors (`<embedded>/sre.json` for built-in sets).
    origin: PathBuf,
    text: std::borrow::Cow<'static, str>,
    parsed: OnceCell<RubricFile>,
    /// Built-in sets only: (id, byte range in `text`) of each question, found by build.rs.
    spans: &'static [(&'static str, usize, usize)],
    /// Questions parsed alone through `spans`, so that grading one question does not parse its
    /// whole set.
    singles: Vec<OnceCell<Question>>,
}

/// A question id or text that matched nothing, or too many things.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    #[error("unknown question `{query}`{}", suggest(.candidates))]
    Unknown {
        query: String,
        candidates: Vec<(String, String)>,
    },
    #[error("`{query}` matches several questions equally well{}", suggest(.candidates))]
    Ambiguous {
        query: String,
        candidates: Vec<(String, String)>,
    },
    #[error(transparent)]
    Rubric(#[from] RubricError),
}

fn suggest(c: &[(String, String)]) -> String {
    if c.is_empty() {
        return "; `rubric list` shows every question".to_string();
    }
    let list: Vec<String> = c
        .iter()
        .map(|(id, q)| format!("{id} ({})", text::clip(q, 60)))
        .collect();
    format!("; closest: {}", list.join(", "))
}

impl Catalog {
    /// The rubric sets embedded in the binary.
    pub fn embedded() -> Catalog {
        let mut c = Catalog::default();
        for (name, text, spans) in embedded::EMBEDDED {
            let set = name.trim_end_matches(".json").to_string();
            c.entries.push(Entry {
                set,
                origin: Path::new("<embedded>").join(name),
                text: (*text).into(),
                parsed: OnceCell::new(),
                spans,
                singles: spans.iter().map(|_| OnceCell::new()).collect(),
            });
        }
        c
    }

    /// The ids of the sets built into the binary.
    pub fn builtin_sets() -> Vec<String> {
        embedded::EMBEDDED
            .iter()
            .map(|(name, _, _)| name.trim_end_matches(".json").to_string())
            .collect()
    }

    /// Lets a set added later replace a built-in set of the same name; without it that is an
    /// error, so a bank file named `sre.jsonl` cannot silently hide the 52 built-in questions.
    pub fn allow_replacing_builtin(&mut self, yes: bool) {
        self.replace_builtin = yes;
    }

    /// Adds every `*.json` rubric file of `dir`. A set that is already loaded from another
    /// directory is replaced; a built-in one only when allowed ([`Self::allow_replacing_builtin`]).
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), RubricError> {
        let rd = std::fs::read_dir(dir).map_err(|cause| RubricError::Io {
            path: dir.to_path_buf(),
            cause,
        })?;
        let mut files: Vec<PathBuf> = rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        for f in files {
            self.add_file(&f)?;
        }
        Ok(())
    }

    /// Adds one rubric file. It is parsed now, so that a malformed file is the same error for
    /// every command, whichever question it asks for.
    pub fn add_file(&mut self, path: &Path) -> Result<(), RubricError> {
        let text = std::fs::read_to_string(path).map_err(|cause| RubricError::Io {
            path: path.to_path_buf(),
            cause,
        })?;
        let set = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        let builtin = self
            .entries
            .iter()
            .any(|e| e.set == set && e.origin.starts_with("<embedded>"));
        if builtin && !self.replace_builtin {
            return Err(RubricError::Invalid {
                path: path.to_path_buf(),
                message: format!(
                    "set `{set}` is a built-in set; this file would replace it: rename the file (the set id is its name), or pass --replace-builtin to replace the built-in set"
                ),
            });
        }
        let entry = Entry {
            set,
            origin: path.to_path_buf(),
            text: text.into(),
            parsed: OnceCell::new(),
            spans: &[],
            singles: Vec::new(),
        };
        entry.parsed()?;
        self.entries.retain(|e| e.set != entry.set);
        self.text_index = OnceCell::new();
        self.entries.push(entry);
        Ok(())
    }

    /// Set ids, sorted.
    pub fn sets(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.entries.iter().map(|e| e.set.as_str()).collect();
        v.sort();
        v
    }

    /// The parsed file of `set`.
    pub fn set(&self, set: &str) -> Result<Option<&RubricFile>, RubricError> {
        match self.entries.iter().find(|e| e.set == set) {
            Some(e) => e.parsed().map(Some),
            None => Ok(None),
        }
    }

    /// Every set, parsed, in set-id order.
    pub fn all(&self) -> Result<Vec<&RubricFile>, RubricError> {
        let mut v: Vec<&Entry> = self.entries.iter().collect();
        v.sort_by(|a, b| a.set.cmp(&b.set));
        v.into_iter().map(Entry::parsed).collect()
    }

    /// Every question of every set, in set order then question order.
    pub fn questions(&self) -> Result<Vec<&Question>, RubricError> {
        Ok(self
            .all()?
            .into_iter()
            .flat_map(|f| f.questions.iter())
            .collect())
    }

    /// Finds a question by id (any case); only the id's own set is parsed.
    pub fn by_id(&self, id: &str) -> Result<Option<&Question>, RubricError> {
        let id = id.trim().to_ascii_lowercase();
        if let Some((set, _)) = id.rsplit_once('-') {
            let entry = self.entries.iter().find(|e| e.set == set);
            if let Some(q) = entry.and_then(|e| e.single(&id)) {
                return Ok(Some(q));
            }
            if let Some(f) = self.set(set)? {
                if let Some(q) = f.questions.iter().find(|q| q.id.eq_ignore_ascii_case(&id)) {
                    return Ok(Some(q));
                }
            }
        }
        // Ids from JSON Lines banks need not follow `<set>-<NN>`.
        Ok(self
            .questions()?
            .into_iter()
            .find(|q| q.id.eq_ignore_ascii_case(&id)))
    }

    /// Resolves a question typed on the command line: an id, loosely written (`sre-13`,
    /// `SRE_13`, `sre13`, `sre 13`, `sre-3` for `sre-03`), or words of its wording. Words match
    /// when one question stands out: it alone contains every word (`cascading failures`), or it
    /// leads the others clearly. Otherwise the candidates are listed.
    pub fn resolve(&self, query: &str) -> Result<&Question, LookupError> {
        // The literal id first: it is what is usually typed, and it needs no regex compiled.
        if let Some(q) = self.by_id(query)? {
            return Ok(q);
        }
        for id in loose_id_spellings(query) {
            if let Some(q) = self.by_id(&id)? {
                return Ok(q);
            }
        }
        let strict = self.resolve_heading(query);
        if !matches!(strict, Err(LookupError::Unknown { .. })) || looks_like_an_id(query) {
            return strict;
        }
        let stemmer = Stemmer::english();
        let words = content_stems(query, &stemmer);
        if words.is_empty() {
            return strict;
        }
        // Questions whose wording holds every word of the query, best match first.
        let questions = self.questions()?;
        let mut full: Vec<(f64, &Question)> = questions
            .iter()
            .zip(self.text_index(&questions, &stemmer))
            .filter(|(_, stems)| words.is_subset(stems))
            .map(|(q, stems)| (similarity(&words, stems), *q))
            .collect();
        full.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        match full.as_slice() {
            [] => strict,
            [(_, q)] => Ok(q),
            [(s1, q), (s2, _), ..] if s1 - s2 >= MIN_MARGIN => Ok(q),
            _ => Err(LookupError::Ambiguous {
                query: query.to_string(),
                candidates: full
                    .iter()
                    .take(3)
                    .map(|(_, q)| (q.id.clone(), q.question.clone()))
                    .collect(),
            }),
        }
    }

    /// Resolves a practice file's heading or first line: an id, or text close to a question's
    /// wording. Stricter than [`Catalog::resolve`], since most headings name no question.
    pub fn resolve_heading(&self, query: &str) -> Result<&Question, LookupError> {
        if let Some(q) = self.by_id(query)? {
            return Ok(q);
        }
        let ranked = self.rank_by_text(query)?;
        let top: Vec<(String, String)> = ranked
            .iter()
            .take(3)
            .map(|(_, q)| (q.id.clone(), q.question.clone()))
            .collect();
        let looks_like_id = !query.trim().contains(' ');
        match ranked.as_slice() {
            [(s, q), rest @ ..] if !looks_like_id && *s >= MIN_TEXT_MATCH => {
                if rest.first().is_some_and(|(s2, _)| s - s2 < MIN_MARGIN) {
                    Err(LookupError::Ambiguous {
                        query: query.to_string(),
                        candidates: top,
                    })
                } else {
                    Ok(q)
                }
            }
            _ => Err(LookupError::Unknown {
                query: query.to_string(),
                candidates: top,
            }),
        }
    }

    /// Questions ranked by how well their text matches `query` (best first, ties by id).
    pub fn rank_by_text(&self, query: &str) -> Result<Vec<(f64, &Question)>, RubricError> {
        let stemmer = Stemmer::english();
        let qset = content_stems(query, &stemmer);
        let questions = self.questions()?;
        let index = self.text_index(&questions, &stemmer);
        let mut ranked: Vec<(f64, &Question)> = Vec::new();
        for (q, stems) in questions.into_iter().zip(index) {
            let s = similarity(&qset, stems);
            if s > 0.0 {
                ranked.push((s, q));
            }
        }
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        Ok(ranked)
    }
}

/// The ids a loosely written `query` may mean besides itself: `set-NN` and `set-N` when it reads
/// as a set and a number (`SRE_13`, `sre13`, `sre 13`, `sre-3`).
fn loose_id_spellings(query: &str) -> Vec<String> {
    static LOOSE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([A-Za-z]+)[\s_.\-]*0*(\d{1,4})$").unwrap());
    let q = query.trim();
    let mut v = Vec::new();
    if let Some(c) = LOOSE.captures(q) {
        let n: u32 = c[2].parse().unwrap_or_default();
        v.push(format!("{}-{n:02}", &c[1]));
        v.push(format!("{}-{n}", &c[1]));
    }
    v
}

/// A query shaped like an id (`sre-99`, `zzz-99`): it is not searched for as words.
fn looks_like_an_id(query: &str) -> bool {
    let q = query.trim();
    !q.contains(char::is_whitespace) && q.contains(|c: char| c.is_ascii_digit())
}

impl Catalog {
    /// The content stems of each of `questions` (all of them, in order), made on first use.
    fn text_index(&self, questions: &[&Question], stemmer: &Stemmer) -> &[BTreeSet<String>] {
        self.text_index.get_or_init(|| {
            questions
                .iter()
                .map(|q| content_stems(&q.question, stemmer))
                .collect()
        })
    }
}

/// Lowest similarity at which free text is taken to name a question.
pub const MIN_TEXT_MATCH: f64 = 0.5;
/// How far the best match must lead the second to be unambiguous.
const MIN_MARGIN: f64 = 0.08;

impl Entry {
    /// Question `id` of a built-in set, parsed alone unless the set already is parsed whole.
    /// None sends the caller to the whole set, which also reports any error.
    fn single(&self, id: &str) -> Option<&Question> {
        if self.parsed.get().is_some() {
            return None;
        }
        let k = self
            .spans
            .iter()
            .position(|(qid, _, _)| qid.eq_ignore_ascii_case(id))?;
        if let Some(q) = self.singles[k].get() {
            return Some(q);
        }
        let (_, start, end) = self.spans[k];
        let q: Question = serde_json::from_str(self.text.get(start..end)?).ok()?;
        Some(self.singles[k].get_or_init(|| q))
    }

    fn parsed(&self) -> Result<&RubricFile, RubricError> {
        if let Some(f) = self.parsed.get() {
            return Ok(f);
        }
        let f = rubric::parse_file(&self.origin, &self.text)?;
        if f.set != self.set {
            return Err(RubricError::Invalid {
                path: self.origin.clone(),
                message: format!(
                    "the file is named for set `{}` but says `\"set\": \"{}\"`",
                    self.set, f.set
                ),
            });
        }
        Ok(self.parsed.get_or_init(|| f))
    }
}

fn content_stems(s: &str, stemmer: &Stemmer) -> BTreeSet<String> {
    text::analyze(s, stemmer)
        .into_iter()
        .filter(|w| !w.stop)
        .map(|w| w.stem)
        .collect()
}

/// Dice coefficient of two stem sets.
fn similarity(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count() as f64;
    2.0 * common / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(c: &Catalog, query: &str) -> Result<String, String> {
        c.resolve(query)
            .map(|q| q.id.clone())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn command_line_lookup_takes_loose_ids_and_a_clear_best_match() {
        let c = Catalog::embedded();
        for query in [
            "sre-13", "SRE-13", "sre13", "sre 13", "SRE_13", "sre.13", " sre-13 ",
        ] {
            assert_eq!(id(&c, query).as_deref(), Ok("sre-13"), "{query}");
        }
        assert_eq!(id(&c, "sre-3").as_deref(), Ok("sre-03"));
        // Words that only one question holds, or that one question matches clearly best.
        assert_eq!(id(&c, "cascading failures").as_deref(), Ok("sre-13"));
        assert_eq!(id(&c, "circuit breakers").as_deref(), Ok("sre-30"));
        // Words several questions hold alike list them.
        let e = id(&c, "kubernetes").unwrap_err();
        assert!(
            e.contains("matches several questions") && e.contains("sre-10 ("),
            "{e}"
        );
        // An id that is no question's is not searched for as words.
        let e = id(&c, "sre-99").unwrap_err();
        assert!(e.starts_with("unknown question `sre-99`"), "{e}");
        assert!(id(&c, "nothing like any question").is_err());
    }

    #[test]
    fn a_builtin_question_parsed_alone_equals_its_set_parsed_whole() {
        let alone = Catalog::embedded();
        let whole = Catalog::embedded();
        let questions = whole.questions().unwrap();
        let spans: usize = alone.entries.iter().map(|e| e.spans.len()).sum();
        assert_eq!(spans, questions.len(), "build.rs finds every question");
        for q in questions {
            assert_eq!(alone.by_id(&q.id).unwrap(), Some(q));
        }
        assert!(alone.entries.iter().all(|e| e.parsed.get().is_none()));
    }

    #[test]
    fn headings_in_practice_files_are_matched_strictly() {
        let c = Catalog::embedded();
        // A sub-heading of an answer must not start a new one because one question holds its word.
        assert!(c.resolve_heading("Circuit breakers").is_err());
        assert!(c.resolve_heading("sre13").is_err());
        assert_eq!(c.resolve_heading("sre-13").unwrap().id, "sre-13");
    }
}
