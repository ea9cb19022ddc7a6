//! Compiles rubric sources into the rubrics the grader reads: facets filled in, evidence expanded
//! through the domain lexicon, point ids qualified by the question's, and each source checked
//! against the bank it was written for. A question without a source is drafted on the way.

use crate::lexicon::Lexicon;
use crate::rubric::facets::Facets;
use crate::rubric::source::{self, SourceError, SourceFile, SourcePoint};
use crate::rubric::{Point, Question, RubricFile, Source, FORMAT};
use crate::seed::{question_id, Bank, SeedQuestion};
use std::path::{Path, PathBuf};

/// Weight of a guidance point when its source gives none: the guidance is what the interviewer
/// said they listen for.
pub const GUIDANCE_WEIGHT: u32 = 2;
/// Most alternatives the lexicon adds to one evidence entry, so a conjunction of lexicon groups
/// stays small. Alternatives written in the source are kept however many there are.
const MAX_ALTERNATIVES: usize = 48;

/// What building one bank gave: the rubric file of every question that could be built, and a
/// note for each question that needs a person's attention.
#[derive(Debug, Default)]
pub struct BankBuild {
    pub file: RubricFile,
    /// Questions built from a draft rather than a reviewed source, by id.
    pub drafted: Vec<String>,
    /// Sources that are not marked reviewed.
    pub unreviewed: Vec<PathBuf>,
    /// Questions that could not be built, sources that do not match the bank, and examples
    /// a rubric grades outside their range.
    pub problems: Vec<SourceError>,
    /// Advice for the rubric's author: the sample answer scores low on its own rubric, the
    /// question or the point labels pasted back score high.
    pub lints: Vec<SourceError>,
}

/// Where a question's source lives: `<dir>/<set>/<id>.toml`.
pub fn source_path(dir: &Path, set: &str, id: &str) -> PathBuf {
    dir.join(set).join(format!("{id}.toml"))
}

/// Builds every question of `bank`: from its source in `sources` when there is one, else from a
/// draft. A question whose source is broken or stale is reported and left out; the rest build.
pub fn build_bank(
    bank: &Bank,
    bank_path: &Path,
    sources: Option<&Path>,
    lex: &Lexicon,
    facets: &Facets,
) -> BankBuild {
    // The domain lexicon and topics apply only to a bank in their domain (see
    // `Lexicon::covers`): a biology point is not shown by "release notes".
    let lex = if in_domain(bank, lex) {
        lex
    } else {
        Lexicon::empty()
    };
    let drafts = crate::draft::drafts(bank, lex);
    let mut out = BankBuild {
        file: RubricFile {
            format: FORMAT.to_string(),
            set: bank.set.clone(),
            title: bank.title.clone(),
            source: bank_path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            questions: Vec::new(),
        },
        drafted: Vec::new(),
        unreviewed: Vec::new(),
        problems: Vec::new(),
        lints: Vec::new(),
    };
    for (seed, draft) in bank.questions.iter().zip(drafts) {
        let id = seed
            .id
            .clone()
            .unwrap_or_else(|| question_id(&bank.set, seed.number));
        let path = sources.map(|d| source_path(d, &bank.set, &id));
        let src = match path.as_deref().filter(|p| p.exists()) {
            Some(p) => match read_checked(p, seed, bank_path) {
                Ok(src) => {
                    if !src.reviewed {
                        out.unreviewed.push(p.to_path_buf());
                    }
                    src
                }
                Err(mut errs) => {
                    out.problems.append(&mut errs);
                    continue;
                }
            },
            None => {
                out.drafted.push(id.clone());
                for note in draft.notes {
                    out.lints.push(SourceError::at(bank_path, seed.line, note));
                }
                draft.source
            }
        };
        let drafted = out.drafted.contains(&id);
        let (at, line) = match path.filter(|_| !drafted) {
            Some(p) => (p, 1),
            None => (bank_path.to_path_buf(), seed.line),
        };
        match question(&bank.set, seed.number, &id, &src, Some(lex), facets) {
            Ok(q) => {
                if !drafted {
                    let mut g = crate::grade::Grader::new();
                    for (line, m) in check_examples(&src, &q, &mut g) {
                        out.problems
                            .push(SourceError::at(&at, line_of_example(&at, line), m));
                    }
                    for m in lint(&q, &mut g) {
                        out.lints.push(SourceError::at(&at, 1, m));
                    }
                }
                out.file.questions.push(q)
            }
            Err(message) if drafted => out.problems.push(SourceError::at(
                &at,
                line,
                format!(
                    "`{id}` cannot be built: {message}; write a fuller reference answer (the sentence a full-marks answer would say), or write its source with `rubric draft` and edit it"
                ),
            )),
            Err(message) => out.problems.push(SourceError::at(&at, line, message)),
        }
    }
    out.problems.extend(orphans(bank, bank_path, sources));
    out
}

/// Whether `lex` applies to `bank`: by the bank's own vocabulary ([`Lexicon::covers`]).
pub fn in_domain(bank: &Bank, lex: &Lexicon) -> bool {
    let texts: Vec<String> = bank
        .questions
        .iter()
        .map(|q| {
            format!(
                "{}\n{}\n{}",
                q.question,
                q.guidance.as_deref().unwrap_or(""),
                q.answer
            )
        })
        .collect();
    lex.covers(&texts)
}

/// Scores a rubric's own examples must fall within: (index of the example, problem).
fn check_examples(
    src: &SourceFile,
    q: &Question,
    g: &mut crate::grade::Grader,
) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (k, e) in src.examples.iter().enumerate() {
        let score = g.grade(q, &e.answer).map_or(0, |r| r.score);
        let low = e.min.is_some_and(|m| score < m);
        let high = e.max.is_some_and(|m| score > m);
        if low || high {
            let range = match (e.min, e.max) {
                (Some(a), Some(b)) => format!("{a}-{b}"),
                (Some(a), None) => format!("at least {a}"),
                (None, Some(b)) => format!("at most {b}"),
                (None, None) => String::new(),
            };
            out.push((
                k,
                format!("example `{}` scores {score}, expected {range}", e.what),
            ));
        }
    }
    out
}

/// Line of the `k`th `[[example]]` table of the file at `path`, for messages.
fn line_of_example(path: &Path, k: usize) -> usize {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| {
            t.lines()
                .enumerate()
                .filter(|(_, l)| l.trim() == "[[example]]")
                .nth(k)
                .map(|(n, _)| n + 1)
        })
        .unwrap_or(1)
}

/// The sample answer must score well on its own rubric; the question, its guidance or the
/// point labels pasted back must not.
pub const SAMPLE_MIN: u32 = 85;
pub const ECHO_MAX: u32 = 39;
pub const LABELS_MAX: u32 = 59;

/// What a rubric's author should look at again.
pub fn lint(q: &Question, g: &mut crate::grade::Grader) -> Vec<String> {
    let mut out = Vec::new();
    let mut score = |a: &str| g.grade(q, a).map_or(0, |r| r.score);
    let sample = score(&q.sample_answer);
    if sample < SAMPLE_MIN {
        out.push(format!("the sample answer scores {sample} on its own rubric (aim: {SAMPLE_MIN} or more): its ideas need evidence in the words it uses"));
    }
    let asked = score(&q.question);
    if asked > ECHO_MAX {
        out.push(format!("the question pasted back scores {asked} (aim: {ECHO_MAX} or less): evidence should be what an answer adds, not the question's words"));
    }
    if let Some(guidance) = &q.guidance {
        let echoed = score(guidance);
        if echoed > ECHO_MAX {
            out.push(format!("the guidance pasted back scores {echoed} (aim: {ECHO_MAX} or less): guidance items need concrete evidence, not their own words"));
        }
    }
    let labels = labels_pasted(q);
    let pasted = score(&labels);
    if pasted > LABELS_MAX {
        out.push(format!("the point labels pasted back score {pasted} (aim: {LABELS_MAX} or less): a label names a point; full credit should need what explains it"));
    }
    out
}

/// The answer that names every point and explains none: "I would cover <label>." a point.
pub fn labels_pasted(q: &Question) -> String {
    q.points
        .iter()
        .map(|p| format!("I would cover {}.", p.label.trim_end_matches('.')))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The answer that names each point's key terms in one list and explains none: "For this I
/// would focus on <term>, <term>, ... and <term>." (the first way of saying each point's first
/// two pieces of evidence; detectors and conjunctions left out).
pub fn terms_listed(q: &Question) -> Option<String> {
    let items: Vec<&str> = q
        .points
        .iter()
        .flat_map(|p| p.terms.iter().take(2))
        .filter_map(|t| t.split(" | ").next())
        .filter(|a| !a.contains('#') && !a.contains(" + "))
        .collect();
    let (last, rest) = items.split_last()?;
    (rest.len() >= 2).then(|| format!("For this I would focus on {} and {last}.", rest.join(", ")))
}

/// Reads a source and checks that it was written for the bank's question as it stands.
fn read_checked(
    path: &Path,
    seed: &SeedQuestion,
    bank_path: &Path,
) -> Result<SourceFile, Vec<SourceError>> {
    let src = source::read(path)?;
    let changed = stale(&src, seed);
    if changed.is_empty() {
        return Ok(src);
    }
    Err(vec![SourceError::at(
        path,
        1,
        format!(
            "the {} changed in {}:{} since this source was written; review the points against it and copy the new text here",
            changed.join(" and "),
            bank_path.display(),
            seed.line
        ),
    )])
}

/// Which of the bank's texts differ from the source's copies.
pub fn stale(src: &SourceFile, seed: &SeedQuestion) -> Vec<&'static str> {
    let mut v = Vec::new();
    if src.question.trim() != seed.question.trim() {
        v.push("question");
    }
    if src.guidance.as_deref().map(str::trim) != seed.guidance.as_deref().map(str::trim) {
        v.push("guidance");
    }
    if src.sample.trim() != seed.answer.trim() {
        v.push("sample answer");
    }
    v
}

/// Source files in the set's folder that name no question of the bank.
fn orphans(bank: &Bank, bank_path: &Path, sources: Option<&Path>) -> Vec<SourceError> {
    let Some(dir) = sources.map(|d| d.join(&bank.set)) else {
        return Vec::new();
    };
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let ids: std::collections::BTreeSet<String> = bank
        .questions
        .iter()
        .map(|q| {
            q.id.clone()
                .unwrap_or_else(|| question_id(&bank.set, q.number))
        })
        .collect();
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter(|p| {
            p.file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| !ids.contains(s))
        })
        .map(|p| {
            SourceError::at(
                &p,
                1,
                format!(
                    "no question with this id in {}; rename or remove the file",
                    bank_path.display()
                ),
            )
        })
        .collect()
}

/// Compiles one source into the rubric of question `id`.
pub fn question(
    set: &str,
    number: usize,
    id: &str,
    src: &SourceFile,
    lex: Option<&Lexicon>,
    facets: &Facets,
) -> Result<Question, String> {
    let points = src
        .points
        .iter()
        .map(|p| point(id, p, lex, facets))
        .collect::<Result<Vec<_>, _>>()?;
    if points.iter().all(|p| p.weight == 0) {
        return Err(
            "no scored points: give at least one point `evidence` that an answer can show"
                .to_string(),
        );
    }
    Ok(Question {
        id: id.to_string(),
        set: set.to_string(),
        number,
        question: src.question.clone(),
        guidance: src.guidance.clone(),
        sample_answer: src.sample.clone(),
        kind: src.kind,
        points,
        items: src.items.clone(),
        reviewed: src.reviewed,
    })
}

fn point(
    qid: &str,
    p: &SourcePoint,
    lex: Option<&Lexicon>,
    facets: &Facets,
) -> Result<Point, String> {
    let facet = match &p.facet {
        Some(name) => Some(facets.get(name).ok_or_else(|| {
            format!(
                "point `{}`: unknown facet `{name}` (facets: {})",
                p.id,
                facets.keys().cloned().collect::<Vec<_>>().join(", ")
            )
        })?),
        None => None,
    };
    let source = if p.guidance.is_some() {
        Source::Guidance
    } else if let Some(from) = p.from {
        from
    } else if facet.is_some() {
        Source::Structure
    } else {
        Source::Sample
    };
    let pick = |own: &Vec<String>, shared: Option<&Vec<String>>| -> Vec<String> {
        let list = if own.is_empty() {
            shared.cloned().unwrap_or_default()
        } else {
            own.clone()
        };
        list.iter().map(|e| expand(e, lex)).collect()
    };
    let terms = pick(&p.evidence, facet.map(|f| &f.evidence));
    let related = pick(&p.weak, facet.map(|f| &f.weak));
    let weight = match (&p.unscored, p.weight) {
        (Some(_), _) => 0,
        (None, Some(w)) => w,
        (None, None) if source == Source::Guidance => GUIDANCE_WEIGHT,
        (None, None) => 1,
    };
    if terms.is_empty() && related.is_empty() {
        return Err(format!("point `{}` has no evidence", p.id));
    }
    let stemmer = crate::text::Stemmer::english();
    for alt in p
        .evidence
        .iter()
        .chain(&p.weak)
        .flat_map(|e| e.split(" | "))
    {
        if let Some(part) = lone_function_word(alt, &stemmer) {
            return Err(format!(
                "point `{}`: `{part}` in `{alt}` is a single function word, which the grader does not match on its own; use a phrase",
                p.id
            ));
        }
    }
    for alt in terms.iter().chain(&related).flat_map(|e| e.split(" | ")) {
        let bad_detector = alt.contains('#')
            && (alt.contains(" + ") || crate::grade::Detector::parse(alt.trim()).is_none());
        if bad_detector {
            return Err(format!(
                "point `{}`: `{alt}`: a detector stands alone as one way of saying it, and is one of {}",
                p.id,
                crate::grade::Detector::NAMES.join(", ")
            ));
        }
    }
    Ok(Point {
        id: format!("{qid}/{}", p.id),
        label: p
            .label
            .clone()
            .or_else(|| facet.map(|f| f.label.clone()))
            .unwrap_or_default(),
        source,
        guidance_item: p.guidance.clone(),
        unscored: p.unscored.clone(),
        weight,
        terms,
        related,
        hint: p
            .hint
            .clone()
            .or_else(|| facet.map(|f| f.hint.clone()))
            .unwrap_or_default(),
        need: p.need.or_else(|| facet.and_then(|f| f.need)),
        facet: p.facet.clone(),
    })
}

/// One evidence entry with every phrase's lexicon alternatives added: `a | b + c` stays one
/// entry, its phrases' spellings joined by ` | ` (a conjunction's parts multiplied out).
pub fn expand(entry: &str, lex: Option<&Lexicon>) -> String {
    let mut alts: Vec<String> = Vec::new();
    for alt in entry.split(" | ").map(str::trim) {
        let mut combos: Vec<String> = vec![String::new()];
        for part in alt.split(" + ").map(str::trim) {
            let (sign, bare) = match part.strip_prefix('~') {
                Some(rest) => ("~", rest.trim_start()),
                None => ("", part),
            };
            let spellings: Vec<String> = match lex.and_then(|l| l.alternatives(bare)) {
                Some(group) if !bare.starts_with('#') => {
                    let mut v = vec![part.to_string()];
                    v.extend(
                        group
                            .iter()
                            .filter(|g| g.as_str() != bare)
                            .map(|g| format!("{sign}{g}")),
                    );
                    v
                }
                _ => vec![part.to_string()],
            };
            combos = combos
                .iter()
                .flat_map(|c| {
                    spellings.iter().map(move |s| {
                        if c.is_empty() {
                            s.clone()
                        } else {
                            format!("{c} + {s}")
                        }
                    })
                })
                .take(MAX_ALTERNATIVES)
                .collect();
        }
        // The first combination is the alternative as written, which is always kept: the cap
        // bounds what the lexicon multiplies out, never what a reviewer wrote.
        for (k, c) in combos.into_iter().enumerate() {
            if !alts.contains(&c) && (k == 0 || alts.len() < MAX_ALTERNATIVES) {
                alts.push(c);
            }
        }
    }
    alts.join(" | ")
}

/// The part of an evidence alternative that is one function word ("very", "do"), which the
/// grader never matches on its own; drafts leave such alternatives out, reviewed sources are
/// told to use a phrase.
pub fn lone_function_word<'a>(alt: &'a str, stemmer: &crate::text::Stemmer) -> Option<&'a str> {
    alt.split(" + ")
        .map(|x| x.trim().trim_start_matches('~'))
        .find(|part| {
            let words = crate::text::analyze(part, stemmer);
            !part.starts_with('#') && words.len() <= 1 && words.iter().all(|w| w.stop)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expansion_keeps_one_entry_and_multiplies_conjunctions() {
        let lex =
            Lexicon::parse("rollback | roll back\nslo | service level objective\n", "").unwrap();
        assert_eq!(expand("slo", Some(&lex)), "slo | service level objective");
        assert_eq!(
            expand("rollback + slo | canary", Some(&lex)),
            "rollback + slo | rollback + service level objective | roll back + slo | roll back + service level objective | canary"
        );
        assert_eq!(expand("#result", Some(&lex)), "#result");
        assert_eq!(expand("slo", None), "slo");
    }

    #[test]
    fn regression_alternatives_past_the_expansion_cap_were_dropped_silently() {
        let lex = Lexicon::parse("slo | service level objective\n", "").unwrap();
        let written: Vec<String> = (0..MAX_ALTERNATIVES + 12)
            .map(|k| format!("phrase{k}"))
            .collect();
        let entry = format!("{} | slo", written.join(" | "));
        let out = expand(&entry, Some(&lex));
        let alts: Vec<&str> = out.split(" | ").collect();
        for w in &written {
            assert!(alts.contains(&w.as_str()), "{w} was dropped");
        }
        assert!(
            alts.contains(&"slo"),
            "the last written alternative was dropped"
        );
        // The lexicon adds nothing once the cap is reached.
        assert!(!alts.contains(&"service level objective"));
    }
}
