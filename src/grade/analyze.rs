//! Runs an answer through the text pipeline against one compiled rubric, with per-word caches
//! for stems, typo lookups and word classes, so each distinct word is normalized, stemmed and
//! classified once however often it appears; then marks the words a negation denies.

use super::matcher::{Compiled, FUZZY_MIN_CHARS};
use super::words::{
    self, AUX, CONDITION, HAZARD, NEGATOR, NOT_DENIAL, PRACTICE, SCOPE_END, SUBJECT,
};
use crate::text::{normalize, stopwords, tokenize, Stemmer};
use rustc_hash::FxHashMap;

/// Caches that make repeated grading cheap. One per thread; never changes a result.
#[derive(Debug, Default)]
pub struct Scratch {
    stemmer: Stemmer,
    /// Rubric identity -> word -> what the matcher needs to know of it there.
    seen: FxHashMap<u64, WordCache>,
    /// Word -> stem, for every rubric: a word new to one rubric is usually old to the process.
    stems: FxHashMap<Box<str>, Box<str>>,
    norm: String,
    /// The last answer's words and evidence lists, cleared and filled again by the next.
    tokens: Vec<ATok>,
    lists: super::evidence::Lists,
}

/// Words seen against one rubric. Most words are short, and are keyed by their bytes packed into
/// an integer: looking one up then reads no string but the answer's.
#[derive(Debug, Default)]
struct WordCache {
    /// By normalized word and, for an ASCII word that needed folding ("The", "SLOs"), also as
    /// written, so that it is found without folding it again. The two never collide: no
    /// normalized word holds an ASCII capital.
    short: FxHashMap<u128, WordInfo>,
    long: FxHashMap<Box<str>, WordInfo>,
    /// Distinct words learnt, which numbers the next one (`short` also holds spellings).
    learnt: u32,
}

/// Longest word kept in [`WordCache::short`]; the last byte of the key holds the length.
const SHORT_WORD: usize = 15;

fn pack(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    (b.len() <= SHORT_WORD).then(|| {
        let mut key = [0u8; 16];
        key[..b.len()].copy_from_slice(b);
        key[15] = b.len() as u8;
        u128::from_le_bytes(key)
    })
}

impl WordCache {
    fn get(&self, word: &str) -> Option<&WordInfo> {
        match pack(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }

    /// Learns a new normalized word.
    fn insert(&mut self, word: &str, info: WordInfo) {
        match pack(word) {
            Some(key) => self.short.insert(key, info),
            None => self.long.insert(word.into(), info),
        };
        self.learnt += 1;
    }
}

/// What the pipeline says about one distinct word against one rubric.
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    /// The rubric's stem id for the word, directly or through typo tolerance.
    id: Option<u32>,
    stop: bool,
    class: u16,
    /// The word is one of the question's or guidance's own.
    echo: bool,
    /// Distinct per word (within one rubric's cache), for counting distinct words.
    word: u32,
    /// One of the built-in bank's concept words that this rubric's evidence does not use.
    foreign: bool,
}

/// A word of the answer as the matcher sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ATok {
    pub id: Option<u32>,
    pub start: usize,
    pub end: usize,
    /// A clause boundary comes before this word.
    pub boundary: bool,
    /// A sentence boundary comes before this word.
    pub sentence: bool,
    /// A sentence boundary or a turn (`:`, a dash, a parenthesis) comes before this word.
    pub hard: bool,
    pub stop: bool,
    /// Word classes (`words.txt`).
    pub class: u16,
    pub number: bool,
    /// One of the question's or guidance's own words.
    pub echo: bool,
    /// The same for every occurrence of one word, different for different words.
    pub word: u32,
    /// A concept word of other questions ("GitOps" in an answer about backups).
    pub foreign: bool,
    /// Inside what a negation denies ("we never used *canaries, blue/green or rollbacks*").
    pub denied: bool,
    /// Inside any negation, a denied failure included ("we do not *blame individuals*"): what
    /// `~` evidence looks for.
    pub absent: bool,
}

impl ATok {
    pub fn is(&self, class: u16) -> bool {
        self.class & class != 0
    }
}

pub(crate) struct Analyzed {
    pub tokens: Vec<ATok>,
}

/// Lowercases into `out`, folding curly apostrophes; ASCII words take the fast path.
fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    if word == "%" {
        out.push_str("percent");
    } else if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&normalize::normalize(word));
    }
}

impl Scratch {
    pub fn new() -> Self {
        Self::default()
    }

    /// Word -> stem, for compiling rubrics with the stems already known.
    pub(crate) fn stems_mut(&mut self) -> &mut FxHashMap<Box<str>, Box<str>> {
        &mut self.stems
    }

    /// The lists evidence is found in, kept for the next answer.
    pub(crate) fn lists(&mut self) -> &mut super::evidence::Lists {
        &mut self.lists
    }

    /// Takes back an analysis done with, so that the next answer's words fill its room.
    pub(crate) fn keep(&mut self, a: Analyzed) {
        self.tokens = a.tokens;
    }

    pub(crate) fn analyze(&mut self, c: &Compiled, answer: &str) -> Analyzed {
        let mut tokens = std::mem::take(&mut self.tokens);
        tokens.clear();
        tokens.reserve(answer.len() / 6 + 1);
        let Scratch {
            stemmer,
            seen,
            stems,
            norm,
            ..
        } = self;
        let seen = seen.entry(c.key).or_default();
        tokenize::for_each_token(answer, |t| {
            // "p95", "k8s" and "5xx" name things; a number starts with its digits.
            let digit = t.text.as_bytes()[0].is_ascii_digit() && !t.text.ends_with("xx");
            // Most words are short, ASCII and seen before: their key is read from the answer in
            // place and they take one lookup. The rest take the general path.
            let hit = written_key(answer.as_bytes(), t.start, t.text.len())
                .and_then(|key| seen.short.get(&key));
            let info = match hit {
                Some(info) => *info,
                None => info_of(t.text, c, seen, stems, stemmer, norm),
            };
            tokens.push(ATok {
                id: info.id,
                start: t.start,
                end: t.end,
                boundary: t.boundary_before,
                sentence: t.sentence_before,
                hard: t.hard_before,
                stop: info.stop,
                class: info.class,
                number: digit,
                echo: info.echo,
                word: info.word,
                foreign: info.foreign,
                denied: false,
                absent: false,
            });
        });
        if !c.whole_answer {
            mark_denied(&mut tokens, answer);
        }
        Analyzed { tokens }
    }
}

/// What `seen` knows of a word of the answer, learning it first when it is new: any word,
/// folded as needed. Kept out of the loop over the answer's words, whose usual word is a hit of
/// [`written_key`].
#[inline(never)]
fn info_of(
    word: &str,
    c: &Compiled,
    seen: &mut WordCache,
    stems: &mut FxHashMap<Box<str>, Box<str>>,
    stemmer: &Stemmer,
    norm: &mut String,
) -> WordInfo {
    let info = normalized_info(word, c, seen, stems, stemmer, norm);
    // A capitalized word ("The", "SLOs") is found as written from now on. A word already
    // lowercase is its own normalized entry, which this leaves as it is.
    if word.is_ascii() && word != "%" {
        if let Some(key) = pack(word) {
            seen.short.entry(key).or_insert(info);
        }
    }
    info
}

/// What `seen` knows of a word by its normalized form, learning it first when it is new.
fn normalized_info(
    word: &str,
    c: &Compiled,
    seen: &mut WordCache,
    stems: &mut FxHashMap<Box<str>, Box<str>>,
    stemmer: &Stemmer,
    norm: &mut String,
) -> WordInfo {
    // One pass tells whether the word needs folding (most are lowercase ASCII already, and are
    // looked up as they stand).
    let mut fold = word == "%";
    for b in word.bytes() {
        fold |= b.is_ascii_uppercase() || !b.is_ascii();
    }
    // "SLOs" can match where "slos" does not, so the two are cached apart: a cache keyed by the
    // folded word alone answered for whichever came first.
    let acronym = is_acronym_plural(word);
    if fold {
        normalize_into(word, norm);
        if acronym {
            norm.push(ACRONYM_MARK);
        }
    }
    if let Some(info) = seen.get(if fold { norm.as_str() } else { word }) {
        return *info;
    }
    let key = if fold { norm.clone() } else { word.to_string() };
    if acronym {
        norm.pop();
    }
    if !fold {
        norm.clear();
        norm.push_str(word);
    }
    let stem: &str = match Stemmer::known(norm) {
        Some(s) => s,
        None => match stems.get(norm.as_str()) {
            Some(s) => s,
            None => stems
                .entry(norm.as_str().into())
                .or_insert_with(|| stemmer.stem(norm).into_boxed_str()),
        },
    };
    let echo = c.echo.contains(stem);
    let mut id = c
        .stems
        .get(stem)
        .copied()
        .filter(|&id| c.same_word(id, norm, stem));
    // "SLOs", "PRs": the plural of an acronym is the acronym.
    if id.is_none() && acronym {
        id = c.stems.get(&norm[..norm.len() - 1]).copied();
    }
    // A word of the question is the question's, not a misspelt term.
    if id.is_none() && !echo && norm.len() >= FUZZY_MIN_CHARS {
        id = fuzzy_lookup(c, norm);
    }
    let info = WordInfo {
        id,
        stop: stopwords::is_stop(norm),
        class: words::classes(norm, stem),
        echo,
        word: seen.learnt,
        foreign: id.is_none() && !echo && super::vocabulary::contains(stem),
    };
    seen.insert(&key, info);
    info
}

/// The [`WordCache::short`] key of the word at `answer[start..start + len]` as written, the same
/// as [`pack`]'s, when the word is short and ASCII (and not "%", which reads "percent"). The
/// sixteen bytes from its start are read in one load and masked to the word, so nothing is
/// copied; a word within sixteen bytes of the end takes the general path.
fn written_key(answer: &[u8], start: usize, len: usize) -> Option<u128> {
    const HIGH_BITS: u128 = u128::MAX / 0xff * 0x80;
    if len > SHORT_WORD {
        return None;
    }
    let window: [u8; 16] = answer.get(start..start + 16)?.try_into().ok()?;
    let bytes = u128::from_le_bytes(window) & ((1u128 << (8 * len)) - 1);
    if bytes & HIGH_BITS != 0 || bytes == u128::from(b'%') {
        return None;
    }
    Some(bytes | (len as u128) << 120)
}

/// Ends the cache key of an acronym plural; no normalized word holds it.
const ACRONYM_MARK: char = '\u{0}';

/// Two or more capitals (or digits) and a lowercase `s`: "SLOs", "APIs", "EC2s".
fn is_acronym_plural(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3
        && b[b.len() - 1] == b's'
        && b[..b.len() - 1]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && b[0].is_ascii_uppercase()
}

/// Content words after a compound modifier ("disk-related") in which its noun is looked for.
const COMPOUND_REACH: usize = 3;

/// How far "without" reaches: its own noun phrase.
const WITHOUT_REACH: usize = 3;

/// A denial this short right after a question answers it ("Never encountered them.").
const ANSWERED_MAX: usize = 6;

/// How far a negation reaches, in words.
const SCOPE_MAX: usize = 24;
/// A clause after a comma continues a negated list when it is this short and the list closes
/// with "or" ("canaries, blue/green deployments or rollbacks").
const LIST_ITEM_MAX: usize = 5;
/// Under a negation that opens its sentence, a clause of up to this many words is one more
/// thing denied ("I didn't throttle heavy jobs, tune indexes or split reads by freshness").
const LONG_ITEM_MAX: usize = 10;
/// A last list item led by "and" closes a negated list when it is this short ("and automated
/// rollbacks"); a longer one is usually a new action ("and closing unused ports to the world").
const SHORT_LAST_ITEM: usize = 3;

/// Marks every word a negation denies: from the negator through its clause and the items of a
/// list it governs, until the sentence ends or turns (a colon, a dash, "but", "because", "if", a
/// new subject). A second negator inside flips it back ("never deploy without a rollback plan").
fn mark_denied(toks: &mut [ATok], answer: &str) {
    // A negator inside another's reach was handled by it.
    let mut reached = 0;
    while let Some(j) = next_negation(toks, reached, answer) {
        // Saying a failure did not happen is the practice; only `~` evidence, which names what
        // the answer says is absent, still reads it as negated.
        let failure = denies_a_failure(toks, j, answer);
        if !failure {
            mark_back(toks, j);
        }
        // "We never used X, Y or Z", "I didn't A, B or C": a negation that opens its sentence
        // governs the whole of it; one further in governs its clause and a short list.
        let opens = leads_sentence(toks, j);
        let without = is_word(toks, j, answer, "without");
        let lists = !without && !in_relative_clause(toks, j, answer);
        let mut on = true;
        let mut closed = false;
        let raised = raised_subject(toks, j, answer);
        let mut phrase_from = j;
        let mut k = j + 1;
        while k < toks.len() && k - j <= SCOPE_MAX {
            let t = toks[k];
            let turns = t.is(SCOPE_END) && !(opens && t.is(CONDITION));
            if t.hard || turns || (new_subject(toks, k, answer) && Some(k) != raised) {
                break;
            }
            // "without" governs its own phrase: "without needing action and fix it" ends at
            // "and"; "without visibility every fix was guesswork" after a few words. An "or"
            // adds an item it also governs: "without any canary or rollback plan".
            if without && is_word(toks, k, answer, "or") {
                phrase_from = k;
            }
            let phrase_done = k - phrase_from > WITHOUT_REACH || is_word(toks, k, answer, "and");
            if without && phrase_done {
                break;
            }
            // A list already closed by "or" ("no user IDs or URLs, drop unused series") ends
            // at its comma.
            // Saying a failure did not happen covers that clause only.
            if t.boundary
                && (failure || closed || !lists || !list_continues(toks, k, answer, opens))
            {
                break;
            }
            closed |= !opens
                && (is_word(toks, k, answer, "or") || is_word(toks, k, answer, "nor"))
                && !short_clause_follows(toks, k);
            if t.is(NEGATOR) && negates(toks, k, answer) {
                // "never ship without a plan" affirms; "no X and no Y", "no X, not Y" deny both.
                on = !(on && is_word(toks, k, answer, "without"));
            } else if failure {
                toks[k].absent |= on;
            } else {
                toks[k].denied |= on;
                toks[k].absent |= on;
            }
            k += 1;
        }
        reached = k;
    }
    deny_answered_questions(toks, answer);
}

/// The first word from `from` on that [`negates`]. Few do, and a loop of its own passes over the
/// rest in a few instructions a word: inside `mark_denied`, the step to the next word also
/// advanced everything the scope's code keeps by word.
#[inline(never)]
fn next_negation(toks: &[ATok], from: usize, answer: &str) -> Option<usize> {
    // Only a negator, or "of" and "than" ("instead of", "rather than"), can negate: the length
    // of any other word rules it out before a call to look at it.
    (from..toks.len()).find(|&j| {
        let t = &toks[j];
        (t.is(NEGATOR) || matches!(t.end - t.start, 2 | 4)) && negates(toks, j, answer)
    })
}

/// "I don't think we need an inventory": the negation of "think" belongs to the clause it
/// introduces, so that clause's subject (after an optional "that") does not end it.
fn raised_subject(toks: &[ATok], j: usize, answer: &str) -> Option<usize> {
    let opinion = ["think", "believe", "feel", "expect", "suppose"];
    if !opinion
        .iter()
        .any(|w| j + 1 < toks.len() && is_word(toks, j + 1, answer, w))
    {
        return None;
    }
    let that = j + 2 < toks.len() && is_word(toks, j + 2, answer, "that");
    Some(if that { j + 3 } else { j + 2 })
}

/// "Runbooks? Never had them." "Canary releases? We didn't bother.": a short denial right
/// after a question denies what the question named.
fn deny_answered_questions(toks: &mut [ATok], answer: &str) {
    let mut j = 0;
    while j < toks.len() {
        let (from, to) = sentence_span(toks, j);
        let asked = from > 0 && answer[toks[from - 1].end..toks[from].start].contains('?');
        let short_denial =
            to - from <= ANSWERED_MAX && (from..to.min(from + 3)).any(|k| toks[k].is(NEGATOR));
        if asked && short_denial {
            let (qfrom, _) = sentence_span(toks, from - 1);
            for t in &mut toks[qfrom..from] {
                t.denied = true;
                t.absent = true;
            }
        }
        j = to;
    }
}

/// Token range [from, to) of the sentence holding `toks[i]`.
fn sentence_span(toks: &[ATok], i: usize) -> (usize, usize) {
    let from = (0..=i).rev().find(|&j| toks[j].sentence).unwrap_or(0);
    let to = (i + 1..toks.len())
        .find(|&j| toks[j].sentence)
        .unwrap_or(toks.len());
    (from, to)
}

fn is_word(toks: &[ATok], k: usize, answer: &str, w: &str) -> bool {
    // Bytes, not `str` slices: this runs for nearly every word, and a slice's char-boundary
    // checks cost more than the comparison.
    let t = &toks[k];
    t.end - t.start == w.len()
        && answer.as_bytes()[t.start..t.end].eq_ignore_ascii_case(w.as_bytes())
}

/// After an "or", the list goes on when its next clause is a short item too ("user or tenant,
/// error code, downstream target"), not a new action ("or URLs, drop unused series with ...").
fn short_clause_follows(toks: &[ATok], k: usize) -> bool {
    let Some(next) = (k + 1..toks.len()).find(|&i| toks[i].boundary) else {
        return false;
    };
    let len = 1 + toks[next + 1..].iter().take_while(|t| !t.boundary).count();
    !toks[next].hard && len <= 3
}

/// "an instance that has no backup, patching ...": a negation inside a relative clause governs
/// that clause only.
fn in_relative_clause(toks: &[ATok], j: usize, answer: &str) -> bool {
    (0..j)
        .rev()
        .take_while(|&k| !toks[k + 1].boundary)
        .any(|k| {
            ["that", "which", "who"]
                .iter()
                .any(|w| is_word(toks, k, answer, w))
        })
}

/// Only function words and a subject come before the negator in its sentence ("I didn't",
/// "We never", "There was no").
fn leads_sentence(toks: &[ATok], j: usize) -> bool {
    let mut k = j;
    while k > 0 && !toks[k].sentence {
        k -= 1;
        if !(toks[k].stop || toks[k].is(SUBJECT)) {
            return false;
        }
    }
    true
}

/// A subject that starts a new clause ("if that doesn't work *we* add a check"), not one inside
/// a question word's clause ("how *I* detected it").
fn new_subject(toks: &[ATok], k: usize, answer: &str) -> bool {
    if k == 0 {
        return false;
    }
    let word = &answer[toks[k].start..toks[k].end];
    if !toks[k].is(SUBJECT) && !word.contains(['\'', '’']) {
        return false;
    }
    let prev_is = |words: &[&str]| words.iter().any(|w| is_word(toks, k - 1, answer, w));
    if prev_is(&[
        "how", "what", "why", "where", "when", "which", "who", "whom",
    ]) {
        return false;
    }
    // "I", "we", "they" (and "I'd", "we're") are subjects wherever they stand; "it", "this",
    // "that" only where a clause starts ("... and it failed"), not as an object ("document it").
    let person = word.split(['\'', '’']).next().unwrap_or("");
    let nominative = ["i", "we", "they", "he", "she", "you"]
        .iter()
        .any(|w| person.eq_ignore_ascii_case(w));
    nominative || toks[k].boundary || prev_is(&["and", "or", "so", "then"])
}

/// "no single point of failure", "without downtime", "never had an outage": what the negator
/// governs is a failure, so saying there is none is the practice. Only its first content word
/// (or the one after "saw", "caused" ...) decides: "did not declare an incident" denies.
fn denies_a_failure(toks: &[ATok], j: usize, answer: &str) -> bool {
    let mut content = toks[j + 1..]
        .iter()
        .take_while(|t| !t.hard)
        .filter(|t| !t.stop);
    let Some(first) = content.next() else {
        return false;
    };
    // "no error budgets", "no failure drills": the failure word names a practice here.
    let names_practice = |t: &ATok| {
        toks.iter()
            .find(|x| x.start > t.start)
            .is_some_and(|n| !n.boundary && n.is(PRACTICE))
    };
    // "no incident-free campaign": the failure word is part of a compound, which is denied.
    let compound = answer[first.end..].starts_with('-');
    if first.is(HAZARD) {
        return !names_practice(first) && !compound;
    }
    // "no disk-related broker outage": after a compound modifier, the noun it leads to.
    if compound {
        let head = toks[j + 1..]
            .iter()
            .skip_while(|t| t.start <= first.start)
            .take_while(|t| !t.boundary)
            .filter(|t| !t.stop)
            .take(COMPOUND_REACH)
            .find(|t| t.is(HAZARD));
        return head.is_some_and(|h| !names_practice(h) && !answer[h.end..].starts_with('-'));
    }
    let w = answer[first.start..first.end].to_ascii_lowercase();
    let suffered = matches!(
        w.as_str(),
        "saw"
            | "seen"
            | "experienced"
            | "caused"
            | "suffered"
            | "hit"
            | "got"
            | "introduced"
            | "created"
    );
    suffered && content.next().is_some_and(|t| t.is(HAZARD))
}

/// A negation after its subject denies the subject too: "backups weren't tested", "runbooks,
/// dashboards and alerts were never maintained". Back to the start of the sentence, across the
/// items of a list, never past a subject or a turn ("so", "when").
fn mark_back(toks: &mut [ATok], j: usize) {
    let aux = if toks[j].is(AUX) {
        j
    } else if j > 0 && toks[j - 1].is(AUX) {
        j - 1
    } else {
        return;
    };
    // A failure as the subject ("the same failure has not happened again") is the practice
    // working, not a denial.
    if aux == 0 || toks[aux - 1].is(HAZARD) {
        return;
    }
    // The subject runs back to the start of its clause, and across the items of a list before
    // it ("queue buildup, connection exhaustion and noisy neighbors aren't on my list"). A
    // condition or a reason ("when refactoring isn't feasible") is not a claim that something
    // was not done.
    let clause_start = |end: usize| (1..=end).rev().find(|&k| toks[k].boundary).unwrap_or(0);
    let mut from = clause_start(aux);
    while from > 0 && !toks[from].hard && toks[from].boundary {
        let prev = clause_start(from - 1);
        let item = &toks[prev..from];
        if item.len() > LIST_ITEM_MAX - 1 || item.iter().any(|t| t.is(SUBJECT | SCOPE_END)) {
            break;
        }
        from = prev;
    }
    let subject = &toks[from..aux];
    if subject
        .iter()
        .any(|t| t.is(SCOPE_END | CONDITION | SUBJECT))
    {
        return;
    }
    for t in &mut toks[from..j] {
        t.denied = true;
        t.absent = true;
    }
}

/// A negator that denies what follows: not "not just", "no matter", "or not", "if not"; and
/// "instead of", "rather than", which deny what follows them.
fn negates(toks: &[ATok], j: usize, answer: &str) -> bool {
    // "no-fault", "no-blame", "non-critical": a compound, not a negation.
    if answer.as_bytes().get(toks[j].end) == Some(&b'-') {
        return false;
    }
    let is = |k: usize, w: &str| is_word(toks, k, answer, w);
    if toks[j].is(NEGATOR) {
        let next_cancels = toks
            .get(j + 1)
            .is_some_and(|n| n.is(NOT_DENIAL) && !n.boundary);
        let after = j > 0
            && !toks[j].boundary
            && (is(j - 1, "or") || is(j - 1, "if") || is(j - 1, "whether"));
        return !next_cancels && !after;
    }
    if j == 0 || toks[j].boundary {
        return false;
    }
    (is(j, "of") && is(j - 1, "instead")) || (is(j, "than") && is(j - 1, "rather"))
}

/// At a comma inside a negation: the clause from `k` is an item of the negated list when it
/// names things rather than starting a new action or subject. Under a negation that opens its
/// sentence, any short clause is an item; further in, the list must also close with "or"/"nor"
/// (or a last item led by "and") before the sentence ends.
fn list_continues(toks: &[ATok], k: usize, answer: &str, opens: bool) -> bool {
    let max = if opens { LONG_ITEM_MAX } else { LIST_ITEM_MAX };
    let mut at = k;
    loop {
        let end = (at + 1..toks.len())
            .find(|&i| toks[i].boundary)
            .unwrap_or(toks.len());
        let words: Vec<String> = (at..end)
            .map(|i| answer[toks[i].start..toks[i].end].to_ascii_lowercase())
            .collect();
        // "customer impact or likely failure modes" is two items: measure up to the "or".
        let item = words
            .iter()
            .position(|w| w == "or" || w == "nor")
            .unwrap_or(words.len());
        // Further in a sentence, an "or" only closes a list in a short clause: "and each
        // environment or service gets its own record" is a new clause.
        let too_long = item > max || (!opens && words.len() > LIST_ITEM_MAX + 2);
        if too_long || toks[at].is(SUBJECT | SCOPE_END) {
            return false;
        }
        let last_item = words[0] == "and" && words.len() <= SHORT_LAST_ITEM;
        if opens || words.iter().any(|w| w == "or" || w == "nor") || last_item {
            return true;
        }
        if end >= toks.len() || toks[end].hard {
            return false;
        }
        at = end;
    }
}

/// How many times each ASCII byte occurs in a word: a cheap lower bound on the edit distance
/// to another word, since one edit changes the counts by at most two.
struct Letters(Option<[i16; 128]>);

/// Longest word the letter bound is kept for, so that a count or a difference of two counts
/// fits an `i16`; a longer "word" (a pasted blob) is simply compared in full.
const LETTERS_MAX_LEN: usize = i16::MAX as usize;

impl Letters {
    fn of(word: &str) -> Self {
        Letters((word.is_ascii() && word.len() <= LETTERS_MAX_LEN).then(|| {
            let mut counts = [0; 128];
            word.bytes().for_each(|b| counts[usize::from(b)] += 1);
            counts
        }))
    }

    /// True when `other` is surely more than `max` edits away; false when it may not be.
    fn farther_than(&self, other: &str, max: usize) -> bool {
        let Some(mut diff) = self
            .0
            .filter(|_| other.is_ascii() && other.len() <= LETTERS_MAX_LEN)
        else {
            return false;
        };
        other.bytes().for_each(|b| diff[usize::from(b)] -= 1);
        let l1: usize = diff.iter().map(|d| d.unsigned_abs() as usize).sum();
        l1.div_ceil(2) > max
    }
}

/// A near-miss spelling of a long rubric word: one edit from 8 letters, two from 11.
fn fuzzy_lookup(c: &Compiled, word: &str) -> Option<u32> {
    if !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let n = word.chars().count();
    let max = if n >= 11 { 2 } else { 1 };
    let first = word.chars().next()?;
    let lo = n.saturating_sub(max).max(FUZZY_MIN_CHARS);
    let mut best: Option<(usize, &str, u32)> = None;
    let letters = Letters::of(word);
    // Typos rarely touch the first letter. Each length's words are sorted, so those that start
    // with it are one run, found by binary search.
    let mut prefix = [0; 4];
    let prefix = &*first.encode_utf8(&mut prefix);
    for len in lo..=n + max {
        let words = c.fuzzy.get(len).map(Vec::as_slice).unwrap_or(&[]);
        let from = words.partition_point(|(cand, _)| &**cand < prefix);
        let run = words[from..]
            .iter()
            .take_while(|(cand, _)| cand.starts_with(first));
        for (cand, id) in run {
            if letters.farther_than(cand, max) {
                continue;
            }
            let d = strsim::damerau_levenshtein(word, cand);
            if d <= max && best.is_none_or(|(bd, bc, _)| (d, &**cand) < (bd, bc)) {
                best = Some((d, cand, *id));
            }
        }
    }
    best.map(|(_, _, id)| id)
}

#[cfg(test)]
mod tests {
    use super::{pack, written_key, Letters, LETTERS_MAX_LEN};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_in_place_key_is_the_packed_key_of_short_ascii_words(
            word in "[a-zA-Z0-9'%é’]{1,17}",
            after in "[a-zA-Z .]{0,17}",
        ) {
            let answer = format!("{word}{after}");
            let ascii = word != "%" && word.is_ascii();
            let room = answer.len() >= 16;
            let expected = if ascii && room { pack(&word) } else { None };
            prop_assert_eq!(written_key(answer.as_bytes(), 0, word.len()), expected);
        }

        #[test]
        fn the_letter_bound_never_skips_a_near_miss(a in "[a-e]{1,12}", b in "[a-e]{1,12}", max in 0usize..3) {
            if Letters::of(&a).farther_than(&b, max) {
                prop_assert!(strsim::damerau_levenshtein(&a, &b) > max);
            }
        }
    }

    #[test]
    fn the_letter_bound_skips_other_words_and_keeps_typos() {
        let deployment = Letters::of("deployment");
        assert!(deployment.farther_than("dependency", 1));
        assert!(!deployment.farther_than("deploymnet", 1));
        assert!(!deployment.farther_than("deplyment", 1));
        assert!(
            !Letters::of("déploiement").farther_than("deployment", 0),
            "non-ASCII: no bound"
        );
    }

    #[test]
    fn a_900_kb_word_overflowed_the_letter_counts_and_now_has_no_bound() {
        let blob = "a".repeat(900_000);
        assert!(!Letters::of(&blob).farther_than("aaaaaaaa", 1));
        assert!(!Letters::of("aaaaaaaa").farther_than(&blob, 1));
        let edge = "a".repeat(LETTERS_MAX_LEN);
        assert!(Letters::of(&edge).farther_than("b", 1));
    }
}
