//! Drafts rubrics from question banks by heuristics: the starting point a person reviews, and
//! what `rubric build` uses for a question with no source. For every question, the points an
//! interviewer listens for, from the guidance (one point per thing it asks for), from the
//! sample answer (one point per sentence, clause or bullet with something specific in it), and
//! for behavioral questions from the shape of a good story (a situation, a measurable result).

pub mod families;
mod reference;
pub mod split;
pub mod terms;

use crate::lexicon::{norm_key, Lexicon};
use crate::rubric::source::{SourceFile, SourcePoint};
use crate::rubric::{Kind, Point, Question, RubricFile, Source, FORMAT};
use crate::seed::{question_id, Bank, SeedQuestion};
use crate::text::{self, Stemmer};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;
use terms::{Candidate, Found, LexIndex, Specificity, Tier};

/// Weight of a guidance point relative to a sample point: the guidance is what the
/// interviewer said they listen for.
pub const GUIDANCE_WEIGHT: u32 = 2;
const SAMPLE_WEIGHT: u32 = 1;
const STRUCTURE_WEIGHT: u32 = 1;
/// At most this many sample points a question; shorter neighbours are merged beyond it.
const MAX_SAMPLE_POINTS: usize = 8;
const MAX_TERMS: usize = 16;
const MAX_RELATED: usize = 12;
/// A single topic word used by more than this share of the bank's questions is only related.
const TOPIC_WORD_MAX_RATIO: f64 = 0.2;

/// Words in guidance items that name no topic of their own ("major components", "data
/// considerations"): they neither become terms nor look up topics.
const GUIDANCE_FILLER: &[&str] = &[
    "approach",
    "clear",
    "common",
    "concrete",
    "consider",
    "consideration",
    "core",
    "effective",
    "example",
    "how",
    "key",
    "last",
    "lasting",
    "major",
    "meaning",
    "meaningful",
    "overal",
    "overall",
    "practic",
    "practical",
    "realist",
    "realistic",
    "relev",
    "relevant",
    "specif",
    "specific",
    "sustain",
    "sustainable",
    "thing",
    "way",
    "you'd",
    "you'll",
    "you're",
    "youd",
];

/// Builds the rubric file of one bank. `source` is recorded in the file as given.
pub fn build_bank(bank: &Bank, source: &str, lex: &Lexicon) -> RubricFile {
    RubricFile {
        format: FORMAT.to_string(),
        set: bank.set.clone(),
        title: bank.title.clone(),
        source: source.to_string(),
        questions: drafted(bank, lex).into_iter().map(|(q, _)| q).collect(),
    }
}

/// Drafts the rubric source of every question of `bank`, in bank order.
pub fn draft_bank(bank: &Bank, lex: &Lexicon) -> Vec<SourceFile> {
    drafts(bank, lex).into_iter().map(|d| d.source).collect()
}

/// A drafted question's source and the notes for its author (a reference that gives too little
/// to grade by, one that hedges).
#[derive(Debug)]
pub struct Draft {
    pub source: SourceFile,
    pub notes: Vec<String>,
}

/// Drafts every question of `bank`, in bank order, with notes. A question with guidance is
/// drafted as an interview question (guidance items, sample sentences); one with only a
/// reference answer from the reference's concepts ([`reference`]).
pub fn drafts(bank: &Bank, lex: &Lexicon) -> Vec<Draft> {
    drafted(bank, lex)
        .into_iter()
        .map(|(q, notes)| Draft {
            source: to_source(&q),
            notes,
        })
        .collect()
}

fn drafted(bank: &Bank, lex: &Lexicon) -> Vec<(Question, Vec<String>)> {
    let stemmer = Stemmer::english();
    let ctx = Ctx::new(bank, lex, &stemmer);
    let env = reference::Env {
        stemmer: &stemmer,
        spec: &ctx.spec,
        families: Some(families::Families::embedded()),
    };
    bank.questions
        .iter()
        .map(|q| {
            if q.guidance.is_none() {
                let id =
                    q.id.clone()
                        .unwrap_or_else(|| question_id(&bank.set, q.number));
                let d = reference::draft(&env, &bank.set, &id, q);
                (d.question, d.notes)
            } else {
                (ctx.question(bank, q), Vec::new())
            }
        })
        .collect()
}

/// A drafted rubric as source, for `rubric draft` and for review: the draft's points with
/// names for ids, its guidance points' labels as the guidance items.
pub fn to_source(q: &Question) -> SourceFile {
    let stemmer = Stemmer::english();
    let mut names: Vec<String> = Vec::new();
    let points = q
        .points
        .iter()
        .map(|p| {
            let name = unique_name(&p.label, &mut names);
            let facet = match p.source {
                Source::Structure if p.terms.iter().any(|t| t == "#number") => Some("result"),
                Source::Structure => Some("situation"),
                _ => None,
            };
            SourcePoint {
                id: name,
                facet: facet.map(str::to_string),
                label: facet.is_none().then(|| p.label.clone()),
                guidance: p.guidance_item.clone(),
                // Only what differs from the compiler's default (2 for guidance, else 1).
                weight: {
                    let default = if p.guidance_item.is_some() {
                        GUIDANCE_WEIGHT
                    } else {
                        1
                    };
                    (p.weight != 0 && p.weight != default).then_some(p.weight)
                },
                need: p.need,
                evidence: if facet.is_some() {
                    Vec::new()
                } else {
                    matchable(&p.terms, &stemmer)
                },
                weak: if facet.is_some() {
                    Vec::new()
                } else {
                    matchable(&p.related, &stemmer)
                },
                hint: facet.is_none().then(|| p.hint.clone()),
                unscored: (p.weight == 0).then(|| {
                    "the draft found no words in the sample answer that show it".to_string()
                }),
                from: None,
            }
        })
        .collect();
    SourceFile {
        question: q.question.clone(),
        guidance: q.guidance.clone(),
        items: q.items.clone(),
        kind: q.kind,
        reviewed: false,
        sample: q.sample_answer.clone(),
        points,
        examples: Vec::new(),
    }
}

/// Evidence entries without the alternatives that are a lone function word, which the grader
/// cannot match; an entry left with no alternative is dropped.
fn matchable(entries: &[String], stemmer: &Stemmer) -> Vec<String> {
    entries
        .iter()
        .filter_map(|e| {
            let kept: Vec<&str> = e
                .split(" | ")
                .filter(|alt| crate::compile::lone_function_word(alt, stemmer).is_none())
                .collect();
            (!kept.is_empty()).then(|| kept.join(" | "))
        })
        .collect()
}

/// A point name from its label: its first words, lowercased and hyphenated, made unique.
fn unique_name(label: &str, taken: &mut Vec<String>) -> String {
    let words: Vec<String> = label
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4)
        .map(str::to_ascii_lowercase)
        .collect();
    let base = if words.is_empty() {
        "point".to_string()
    } else {
        words.join("-")
    };
    let mut name = base.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{base}-{n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// One rubric file `rubric build` would write.
#[derive(Debug)]
pub struct Output {
    pub path: std::path::PathBuf,
    pub json: String,
    pub questions: usize,
}

/// Builds the rubric files of `inputs` (bank files) for `out_dir`, one per set, in input order.
/// Two inputs with the same set id are an error.
pub fn render_all(
    inputs: &[std::path::PathBuf],
    out_dir: &std::path::Path,
    lex: &Lexicon,
) -> Result<Vec<Output>, crate::seed::SeedError> {
    let mut seen = BTreeSet::new();
    let mut outs = Vec::new();
    for input in inputs {
        let bank = crate::seed::read_bank(input)?;
        if !seen.insert(bank.set.clone()) {
            return Err(crate::seed::SeedError::parse(
                input,
                1,
                format!("set `{}` is given twice: rename one of the files", bank.set),
            ));
        }
        let source = input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file = build_bank(&bank, &source, lex);
        // Never write a rubric the loader would refuse: say which question cannot be graded.
        let mut one = RubricFile {
            questions: Vec::new(),
            ..file.clone()
        };
        for (q, seed) in file.questions.iter().zip(&bank.questions) {
            one.questions = vec![q.clone()];
            if let Err(message) = crate::rubric::validate(&one) {
                return Err(crate::seed::SeedError::parse(
                    input,
                    seed.line,
                    format!("cannot build a rubric for this question: {message}"),
                ));
            }
        }
        outs.push(Output {
            path: out_dir.join(format!("{}.json", bank.set)),
            json: crate::rubric::to_json(&file),
            questions: file.questions.len(),
        });
    }
    Ok(outs)
}

/// Classifies a question by its wording.
pub fn kind_of(question: &str) -> Kind {
    let q = question.to_lowercase().replace('’', "'");
    const BEHAVIORAL: &[&str] = &[
        "tell me about",
        "share an example",
        "share a time",
        "describe a time",
        "describe a situation",
        "give an example",
        "give me an example",
        "walk me through a production incident you",
        "a time when you",
        "a time you",
        "an incident you",
        "you led",
        "you handled",
        "have you successfully",
    ];
    const MOTIVATIONAL: &[&str] = &[
        "why are you",
        "why do you want",
        "why this role",
        "why our",
        "what excites you",
        "why join",
    ];
    if MOTIVATIONAL.iter().any(|p| q.contains(p)) {
        Kind::Motivational
    } else if BEHAVIORAL.iter().any(|p| q.contains(p)) {
        Kind::Behavioral
    } else {
        Kind::Technical
    }
}

struct Ctx<'a> {
    lex: &'a Lexicon,
    index: Cow<'a, LexIndex>,
    stemmer: &'a Stemmer,
    spec: Specificity,
    topic_keys: Cow<'a, [(Vec<String>, &'a str)]>,
}

/// A sentence or bullet of the sample answer with its tiered terms.
struct Unit {
    text: String,
    strong: Vec<Candidate>,
    related: Vec<Candidate>,
    stems: BTreeSet<String>,
}

/// The five interview-prep pages, embedded as the background against which a term's
/// specificity is judged: a word used across many of their answers is no evidence of any one
/// point, whatever bank is being built.
const BACKGROUND: &[(&str, &str)] = &[
    ("infra", include_str!("../../seeds/infra.txt")),
    ("lead", include_str!("../../seeds/lead.txt")),
    ("sre", include_str!("../../seeds/sre.txt")),
    ("staff", include_str!("../../seeds/staff.txt")),
    ("sys", include_str!("../../seeds/sys.txt")),
];

fn doc_of(q: &SeedQuestion) -> String {
    format!(
        "{}\n{}\n{}",
        q.question,
        q.guidance.as_deref().unwrap_or(""),
        q.answer
    )
}

/// Document frequencies of each background page, computed once per process.
fn background() -> &'static [(&'static str, Specificity)] {
    static BG: OnceLock<Vec<(&'static str, Specificity)>> = OnceLock::new();
    BG.get_or_init(|| {
        let stemmer = Stemmer::english();
        BACKGROUND
            .iter()
            .filter_map(|(set, text)| {
                let b = crate::seed::parse_bank(Path::new(&format!("{set}.txt")), text).ok()?;
                let docs: Vec<String> = b.questions.iter().map(doc_of).collect();
                Some((
                    *set,
                    Specificity::from_docs(docs.iter().map(String::as_str), &stemmer),
                ))
            })
            .collect()
    })
}

/// One document per question: the bank's own, plus, for a bank in the interview domain, the
/// background pages' (a page being built is not counted twice). A bank of another subject is
/// weighed against itself alone: how informative a word is within the bank.
fn specificity(bank: &Bank, stemmer: &Stemmer, domain: bool) -> Specificity {
    let docs: Vec<String> = bank.questions.iter().map(doc_of).collect();
    let mut spec = Specificity::from_docs(docs.iter().map(String::as_str), stemmer);
    if !domain {
        return spec;
    }
    for (set, page) in background() {
        if *set != bank.set {
            spec.add(page);
        }
    }
    spec
}

/// Topic keys as stems, with the key.
type TopicKeys<'a> = Vec<(Vec<String>, &'a str)>;

/// Stemmed lexicon phrases and topic keys of the embedded lexicon, computed once per process.
fn embedded_indexes() -> &'static (LexIndex, TopicKeys<'static>) {
    static IDX: OnceLock<(LexIndex, TopicKeys<'static>)> = OnceLock::new();
    IDX.get_or_init(|| {
        let lex = Lexicon::embedded();
        let stemmer = Stemmer::english();
        (
            LexIndex::new(lex, &stemmer),
            lex.topic_keys_stemmed(&stemmer),
        )
    })
}

impl<'a> Ctx<'a> {
    fn new(bank: &Bank, lex: &'a Lexicon, stemmer: &'a Stemmer) -> Self {
        let (index, topic_keys) = if std::ptr::eq(lex, Lexicon::embedded()) {
            let (i, t) = embedded_indexes();
            (Cow::Borrowed(i), Cow::Borrowed(t.as_slice()))
        } else {
            (
                Cow::Owned(LexIndex::new(lex, stemmer)),
                Cow::Owned(lex.topic_keys_stemmed(stemmer)),
            )
        };
        Ctx {
            lex,
            index,
            stemmer,
            spec: specificity(bank, stemmer, !lex.groups().is_empty()),
            topic_keys,
        }
    }

    fn question(&self, bank: &Bank, q: &SeedQuestion) -> Question {
        let id =
            q.id.clone()
                .unwrap_or_else(|| question_id(&bank.set, q.number));
        let kind = kind_of(&q.question);
        let qstems: BTreeSet<String> = text::analyze(&q.question, self.stemmer)
            .into_iter()
            .filter(|w| !w.stop)
            .map(|w| w.stem)
            .collect();
        let one_idea = q.guidance.is_none()
            && text::tokenize(&q.answer).len() < crate::grade::matcher::WHOLE_ANSWER_WORDS;
        let units = self.units(&q.answer, &qstems, one_idea);

        let mut points = Vec::new();
        if let Some(g) = &q.guidance {
            for (k, item) in split::guidance_items(g).iter().enumerate() {
                if let Some(p) = self.guidance_point(&id, k + 1, item, &units, &qstems) {
                    points.push(p);
                }
            }
        }
        for (k, u) in units.iter().enumerate() {
            points.push(self.sample_point(&id, k + 1, u));
        }
        if kind == Kind::Behavioral {
            points.extend(structure_points(&id));
        }
        let mut question = Question {
            id,
            set: bank.set.clone(),
            number: q.number,
            question: q.question.clone(),
            guidance: q.guidance.clone(),
            sample_answer: q.answer.clone(),
            kind,
            items: points
                .iter()
                .filter_map(|p| p.guidance_item.clone())
                .collect(),
            points,
            reviewed: false,
        };
        self.weigh_by_sample(&mut question);
        question
    }

    /// The sample answer is the standard: a structure point it does not show is dropped, and a
    /// guidance point it does not show in words the grader can see is listed but not scored,
    /// since the grader cannot reliably recognise it in other answers either.
    fn weigh_by_sample(&self, q: &mut Question) {
        let compiled = crate::grade::Compiled::new(q, self.lex, self.stemmer);
        let Ok(g) = crate::grade::grade(
            q,
            &compiled,
            &q.sample_answer,
            &mut crate::grade::Scratch::new(),
        ) else {
            return;
        };
        let shown: Vec<bool> = g.points.iter().map(|p| p.covered).collect();
        let mut k = 0;
        q.points.retain_mut(|p| {
            let covered = shown[k];
            k += 1;
            match p.source {
                Source::Structure => covered,
                Source::Guidance if !covered => {
                    p.weight = 0;
                    p.hint = format!(
                        "The interviewer asks for {}. The grader cannot check this one reliably, so it is not scored: make sure your answer covers it.",
                        p.label
                    );
                    true
                }
                _ => true,
            }
        });
    }

    /// Sentences and bullets of the sample answer that carry at least one specific term,
    /// merged down to a modest number.
    fn units(&self, answer: &str, qstems: &BTreeSet<String>, one_idea: bool) -> Vec<Unit> {
        let mut units: Vec<Unit> = Vec::new();
        let mut weak: Vec<Unit> = Vec::new();
        for s in split::sentences(answer) {
            let s = s.trim_start_matches("- ").to_string();
            if is_meta(&s) {
                continue;
            }
            let u = self.unit(&s, qstems);
            if !u.strong.is_empty() {
                units.push(u);
            } else if !u.related.is_empty() {
                weak.push(u);
            }
        }
        // An answer with nothing specific (a short reference that repeats the question's words)
        // still needs a point: its related words become its terms.
        if units.is_empty() {
            units = weak
                .into_iter()
                .map(|mut u| {
                    u.strong = std::mem::take(&mut u.related);
                    u
                })
                .collect();
        }
        // A short reference answer without guidance is one idea: one point (the grader treats
        // such rubrics as a whole, see `grade::matcher::WHOLE_ANSWER_WORDS`).
        let limit = if one_idea { 1 } else { MAX_SAMPLE_POINTS };
        while units.len() > limit {
            // Merge the adjacent pair with the fewest strong terms between them.
            let k = (0..units.len() - 1)
                .min_by_key(|&k| (units[k].strong.len() + units[k + 1].strong.len(), k))
                .unwrap_or(0);
            let b = units.remove(k + 1);
            let a = &mut units[k];
            a.text = format!("{} {}", a.text, b.text);
            a.strong.extend(b.strong);
            a.related.extend(b.related);
            a.stems.extend(b.stems);
        }
        units
    }

    fn unit(&self, sentence: &str, qstems: &BTreeSet<String>) -> Unit {
        let mut strong = Vec::new();
        let mut related = Vec::new();
        for c in terms::candidates(sentence, &self.index, self.stemmer) {
            match terms::tier(&c, &self.spec, qstems) {
                Some(Tier::Strong) => strong.push(c),
                Some(Tier::Related) => related.push(c),
                None => {}
            }
        }
        let stems = text::analyze(sentence, self.stemmer)
            .into_iter()
            .filter(|w| !w.stop)
            .map(|w| w.stem)
            .collect();
        Unit {
            text: sentence.to_string(),
            strong,
            related,
            stems,
        }
    }

    fn sample_point(&self, qid: &str, n: usize, u: &Unit) -> Point {
        let label = label_of(&u.strong, &u.text);
        let mut terms = TermList::default();
        for c in by_quality(&u.strong) {
            terms.push_expanded(&c.text, self.lex);
        }
        let mut related = TermList::default();
        for c in &u.related {
            related.push(&c.text);
        }
        Point {
            facet: None,
            id: format!("{qid}/s{n}"),
            hint: format!(
                "Cover {label}. The sample answer puts it as: \u{201c}{}\u{201d}",
                text::clip(&u.text, 180)
            ),
            label,
            source: Source::Sample,
            guidance_item: None,
            unscored: None,
            weight: SAMPLE_WEIGHT,
            terms: terms.finish(MAX_TERMS),
            related: related.finish_excluding(MAX_RELATED, &[]),
            need: None,
        }
    }

    /// A guidance item becomes a point whose terms are the concrete words that show it: the
    /// topic lexicon's words for its key words, and the specific terms of the sample sentences
    /// that talk about it.
    fn guidance_point(
        &self,
        qid: &str,
        n: usize,
        item: &str,
        units: &[Unit],
        qstems: &BTreeSet<String>,
    ) -> Option<Point> {
        let words: Vec<_> = text::analyze(item, self.stemmer)
            .into_iter()
            .filter(|w| {
                !w.stop
                    && !GUIDANCE_FILLER.contains(&w.stem.as_str())
                    && !GUIDANCE_FILLER.contains(&w.norm.as_str())
            })
            .collect();
        if words.is_empty() {
            return None;
        }
        let stems: Vec<String> = words.iter().map(|w| w.stem.clone()).collect();
        let mut strong = TermList::default();
        let mut related = TermList::default();
        let mut examples: Vec<String> = Vec::new();

        // The item's own wording, as a phrase, shows it; its single words only weakly.
        let item_phrase = words
            .iter()
            .map(|w| w.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if words.len() > 1 && words.len() <= 4 {
            strong.push_expanded(&item_phrase, self.lex);
        }
        for w in &words {
            let r = self.spec.ratio(&w.stem);
            // The item's own specific words show it: a lexicon term ("SLOs"), a rare word, or
            // the only word of a one-word item.
            let known = self.lex.group_of(&w.norm).is_some()
                || self.lex.group_of(&singular(&w.norm)).is_some();
            if words.len() == 1 || known || (r <= 0.1 && !qstems.contains(&w.stem)) {
                strong.push_expanded(&w.norm, self.lex);
            } else {
                related.push(&w.norm);
            }
        }
        // Topic keys whose words appear in the item.
        for (kstems, key) in self.topic_keys.iter() {
            if contains_seq(&stems, kstems) {
                if let Some(ts) = self.lex.topic(key) {
                    for t in ts {
                        // A topic word used across much of the bank ("service", "team") is
                        // weak evidence of this topic in particular.
                        let tstems = text::phrase_stems(t, self.stemmer);
                        let common = tstems.len() == 1
                            && self.spec.phrase_ratio(&tstems) > TOPIC_WORD_MAX_RATIO;
                        if common || terms::is_generic(t) {
                            related.push(t);
                        } else {
                            strong.push_expanded(t, self.lex);
                        }
                    }
                    examples.extend(ts.iter().take(4).cloned());
                }
            }
        }
        // Sample sentences about the same thing lend their specific terms.
        for u in units {
            if stems
                .iter()
                .any(|s| u.stems.contains(s) && self.spec.ratio(s) <= 0.5)
            {
                for c in by_quality(&u.strong).into_iter().take(4) {
                    related.push(&c.text);
                    if examples.len() < 8 && !examples.contains(&c.display) {
                        examples.insert(0, c.display.clone());
                    }
                }
            }
        }
        let strong_terms = strong.finish(MAX_TERMS * 2);
        let related_terms = related.finish_excluding(MAX_RELATED * 2, &strong_terms);
        if strong_terms.is_empty() && related_terms.is_empty() {
            return None;
        }
        let examples: Vec<String> = examples.into_iter().take(4).collect();
        let hint = if examples.is_empty() {
            format!("The interviewer listens for {item}: say it in concrete terms.")
        } else {
            format!(
                "The interviewer listens for {item}: name what you would do or use, e.g. {}.",
                examples.join(", ")
            )
        };
        // A narrow item ("SLIs/SLOs", "idempotency keys") is shown by naming it; a broad one
        // ("data considerations", "communication") by two concrete things, not one passing word.
        let narrow = words.len() <= 2
            && (self.lex.group_of(&item_phrase).is_some()
                || words
                    .iter()
                    .any(|w| self.is_acronym(&w.norm) || self.is_acronym(&singular(&w.norm))));
        let need = if narrow || strong_terms.len() < 2 {
            1.0
        } else {
            2.0
        };
        Some(Point {
            facet: None,
            id: format!("{qid}/g{n}"),
            label: item.to_string(),
            source: Source::Guidance,
            guidance_item: Some(item.to_string()),
            unscored: None,
            weight: GUIDANCE_WEIGHT,
            terms: strong_terms,
            related: related_terms,
            hint,
            need: Some(need),
        })
    }

    /// A short word that the lexicon expands into a phrase (`slo`, `tco`, `rca`).
    fn is_acronym(&self, norm: &str) -> bool {
        norm.len() <= 5
            && self
                .lex
                .alternatives(norm)
                .is_some_and(|alts| alts.iter().any(|t| t.contains(' ')))
    }
}

/// Sentences about how to answer rather than the answer ("I'd answer this with a STAR flow").
fn is_meta(s: &str) -> bool {
    let l = s.to_lowercase().replace('’', "'");
    [
        "i'd answer this",
        "i would answer this",
        "i usually answer this",
        "i'd structure this",
        "i'd frame this",
        "i'd answer it",
    ]
    .iter()
    .any(|p| l.starts_with(p))
}

fn structure_points(qid: &str) -> Vec<Point> {
    let terms = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        Point {
            facet: None,
            id: format!("{qid}/t1"),
            label: "a specific situation you were in".into(),
            source: Source::Structure,
            guidance_item: None,
            unscored: None,
            weight: STRUCTURE_WEIGHT,
            terms: terms(&[
                "at my last", "at my previous", "at a previous", "previous company", "previous role", "previous job", "last company", "last role", "last team", "one time",
                "in one case", "last year", "last quarter", "we had", "i was", "i led", "i owned", "our team", "my team",
            ]),
            related: terms(&["when", "during", "once"]),
            hint: "Tell it as a real story: where you were, what was at stake, and what you personally did.".into(),
            need: None,
        },
        Point {
            facet: None,
            id: format!("{qid}/t2"),
            label: "a measurable result".into(),
            source: Source::Structure,
            guidance_item: None,
            unscored: None,
            weight: STRUCTURE_WEIGHT,
            terms: terms(&["#number", "percent", "halved", "doubled", "tripled"]),
            related: terms(&["reduced", "improved", "dropped", "cut", "faster", "saved", "fewer", "eliminated"]),
            hint: "End with the outcome in numbers: minutes of MTTR, pages a week, hours saved, percent of errors.".into(),
            need: None,
        },
    ]
}

/// Candidates ordered for use as terms: best kinds first, then by position; duplicates later.
fn by_quality(cands: &[Candidate]) -> Vec<&Candidate> {
    let mut v: Vec<&Candidate> = cands.iter().collect();
    v.sort_by(|a, b| a.found.cmp(&b.found).then(a.pos.cmp(&b.pos)));
    v
}

/// A short label from a unit's best terms, in the order they appear.
fn label_of(cands: &[Candidate], sentence: &str) -> String {
    // Named things make a label a candidate recognises ("Route 53, CDN, EKS"); word pairs
    // picked by rarity often do not ("remove single"), so with fewer than two named things the
    // sentence itself, shortened, is the label.
    let named = cands.iter().filter(|c| c.found <= Found::Compound).count();
    if named < 2 {
        return short_label(sentence);
    }
    let mut chosen: Vec<&Candidate> = Vec::new();
    for c in by_quality(cands)
        .into_iter()
        .filter(|c| c.found <= Found::Compound)
    {
        if chosen.len() == 3 {
            break;
        }
        let overlaps = chosen.iter().any(|d| {
            let (a0, a1) = (c.pos, c.pos + c.stems.len());
            let (b0, b1) = (d.pos, d.pos + d.stems.len());
            a0 < b1 && b0 < a1
        });
        if !overlaps {
            chosen.push(c);
        }
    }
    chosen.sort_by_key(|c| c.pos);
    chosen
        .iter()
        .map(|c| c.display.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A sentence cut to its first clause of at least four words, at most twelve words, with the
/// first-person lead-in dropped ("I'd start with a ...").
fn short_label(sentence: &str) -> String {
    let s = sentence.trim().trim_end_matches(['.', '!', '?']);
    let mut words: Vec<&str> = s.split_whitespace().collect();
    let lead = [
        "i'd", "i’d", "i", "we", "we'd", "we’d", "would", "will", "then", "also", "first,",
        "start", "with", "use", "a", "an", "the", "that", "this", "it",
    ];
    while words.len() > 4 && lead.contains(&words[0].to_lowercase().as_str()) {
        words.remove(0);
    }
    let mut out: Vec<&str> = Vec::new();
    for w in words {
        out.push(w);
        if out.len() >= 12 || (out.len() >= 4 && w.ends_with([',', ';', ':'])) {
            break;
        }
    }
    let mut label = out.join(" ").trim_end_matches([',', ';', ':']).to_string();
    if let Some(first) = label.chars().next() {
        label = first.to_lowercase().chain(label.chars().skip(1)).collect();
    }
    label
}

/// `slos` -> `slo`: lexicon entries are singular, and plurals of acronyms are common.
fn singular(w: &str) -> String {
    w.strip_suffix('s')
        .filter(|s| s.len() >= 2)
        .unwrap_or(w)
        .to_string()
}

fn contains_seq(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// An ordered, de-duplicated list of terms (by normalized words).
#[derive(Default)]
struct TermList {
    terms: Vec<String>,
    seen: BTreeSet<String>,
}

impl TermList {
    fn push(&mut self, t: &str) {
        let t = t.trim().to_lowercase();
        let key = norm_key(&t);
        if !key.is_empty() && self.seen.insert(key) {
            self.terms.push(t);
        }
    }

    /// Adds `t` and its lexicon alternatives.
    fn push_expanded(&mut self, t: &str, lex: &Lexicon) {
        self.push(t);
        if let Some(alts) = lex.alternatives(t) {
            for a in alts {
                self.push(a);
            }
        }
    }

    fn finish(self, max: usize) -> Vec<String> {
        self.terms.into_iter().take(max).collect()
    }

    fn finish_excluding(self, max: usize, strong: &[String]) -> Vec<String> {
        let strong: BTreeSet<String> = strong.iter().map(|t| norm_key(t)).collect();
        self.terms
            .into_iter()
            .filter(|t| !strong.contains(&norm_key(t)))
            .take(max)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_wording() {
        assert_eq!(
            kind_of("Tell me about a time you handled a P0 production incident—what happened?"),
            Kind::Behavioral
        );
        assert_eq!(
            kind_of("Share an example of diagnosing a bottleneck."),
            Kind::Behavioral
        );
        assert_eq!(
            kind_of("Describe a situation where you disagreed."),
            Kind::Behavioral
        );
        assert_eq!(
            kind_of("Why are you excited about this role?"),
            Kind::Motivational
        );
        assert_eq!(
            kind_of("How do you design VPC networking?"),
            Kind::Technical
        );
    }

    #[test]
    fn labels_use_the_best_terms_in_order() {
        let s = Stemmer::english();
        let lex = Lexicon::parse("blue/green | blue-green\n", "").unwrap();
        let idx = LexIndex::new(&lex, &s);
        let c = terms::candidates(
            "Deployments would be blue/green with canaries via Terraform on EKS.",
            &idx,
            &s,
        );
        assert_eq!(
            label_of(
                &c,
                "Deployments would be blue/green with canaries via Terraform on EKS."
            ),
            "blue/green, Terraform, EKS"
        );
    }

    #[test]
    fn labels_fall_back_to_the_shortened_sentence() {
        let s = Stemmer::english();
        let idx = LexIndex::new(&Lexicon::parse("a | b\n", "").unwrap(), &s);
        let text = "Remove single shared choke points, or at least scale and protect them hard.";
        assert_eq!(
            label_of(&terms::candidates(text, &idx, &s), text),
            "remove single shared choke points"
        );
        assert_eq!(
            short_label("I’d start with a primary region and replicas."),
            "primary region and replicas"
        );
    }
}
