//! The loaded rubric sets: those embedded in the binary plus any from `--rubrics` directories.
//! Sets are parsed only when a command needs them, so grading one question parses one file.

use crate::rubric::{self, Question, RubricError, RubricFile};
use crate::text::{self, Stemmer};
use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

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
        for (name, text) in embedded::EMBEDDED {
            let set = name.trim_end_matches(".json").to_string();
            c.entries.push(Entry {
                set,
                origin: Path::new("<embedded>").join(name),
                text: (*text).into(),
                parsed: OnceCell::new(),
            });
        }
        c
    }

    /// The ids of the sets built into the binary.
    pub fn builtin_sets() -> Vec<String> {
        embedded::EMBEDDED
            .iter()
            .map(|(name, _)| name.trim_end_matches(".json").to_string())
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

    /// Adds one rubric file.
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
        self.entries.retain(|e| e.set != set);
        self.text_index = OnceCell::new();
        self.entries.push(Entry {
            set,
            origin: path.to_path_buf(),
            text: text.into(),
            parsed: OnceCell::new(),
        });
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

    /// Resolves a question given as an id or as free text close to a question's wording.
    pub fn resolve(&self, query: &str) -> Result<&Question, LookupError> {
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
        let index = self.text_index.get_or_init(|| {
            questions
                .iter()
                .map(|q| content_stems(&q.question, &stemmer))
                .collect()
        });
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

/// Lowest similarity at which free text is taken to name a question.
pub const MIN_TEXT_MATCH: f64 = 0.5;
/// How far the best match must lead the second to be unambiguous.
const MIN_MARGIN: f64 = 0.08;

impl Entry {
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
