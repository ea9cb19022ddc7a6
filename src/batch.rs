//! `rubric batch`: JSON Lines in, JSON Lines out, one output line per input line and in the
//! same order. Lines are read in bounded chunks and each chunk is graded on all cores, so memory
//! stays flat however long the input, and output appears as soon as a chunk is done.

use crate::grade::{self, Compiled, Scratch};
use crate::input::MAX_ANSWER_BYTES;
use crate::lexicon::Lexicon;
use crate::rubric::Question;
use crate::text::Stemmer;
use indexmap::IndexMap;
use rayon::prelude::*;
use serde::de::{Deserializer, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::OnceLock;

/// Longest input line accepted: an answer at the size limit, JSON-escaped, with room for other
/// fields. A longer line is reported and skipped without being held in memory.
pub const MAX_LINE_BYTES: usize = 4 * MAX_ANSWER_BYTES as usize;
/// Most lines, and most input bytes, graded together; they bound the memory in use.
const CHUNK_LINES: usize = 4096;
const CHUNK_BYTES: usize = 8 * 1024 * 1024;
/// Read buffer: a chunk stops early when it is drained, so a caller that writes a line and
/// waits for its result is answered instead of waiting for a full chunk.
const READ_BUFFER: usize = 1024 * 1024;

thread_local! {
    /// One warm cache per worker thread for the whole run: rayon's `map_init` would start a
    /// cold one for every split of every chunk, re-stemming the same words each time.
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::new());
}

/// The fields added to each graded line. An input field of the same name is replaced, and one
/// named `error` is dropped: only a line that could not be graded carries `error`.
pub const GRADE_FIELDS: [&str; 6] = ["score", "band", "missing", "warnings", "words", "coverage"];

/// Questions by lower-case id, compiled on first use. Shared read-only by the worker threads
/// (the catalog itself is not thread-safe, so its questions are collected up front).
pub struct Bank<'a> {
    by_id: HashMap<String, (&'a Question, OnceLock<Compiled>)>,
}

impl<'a> Bank<'a> {
    pub fn new(questions: impl IntoIterator<Item = &'a Question>) -> Bank<'a> {
        Bank {
            by_id: questions
                .into_iter()
                .map(|q| (q.id.to_ascii_lowercase(), (q, OnceLock::new())))
                .collect(),
        }
    }

    fn get(&self, id: &str, scratch: &mut Scratch) -> Option<(&'a Question, &Compiled)> {
        let (q, compiled) = self.by_id.get(&id.trim().to_ascii_lowercase())?;
        let compile = || Compiled::new_in(q, Lexicon::embedded(), &Stemmer::english(), scratch);
        Some((q, compiled.get_or_init(compile)))
    }
}

/// Names of the input fields holding the question id and the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    pub id: String,
    pub answer: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            id: "id".into(),
            answer: "answer".into(),
        }
    }
}

/// Totals of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub lines: usize,
    pub errors: usize,
}

/// Grades every line of `input` into `output`, flushing after each chunk. Runs on the current
/// rayon pool. Only I/O errors stop the run; a bad line becomes an `error` line.
pub fn run(
    input: impl Read,
    output: &mut impl Write,
    bank: &Bank,
    fields: &Fields,
) -> io::Result<Stats> {
    let mut reader = BufReader::with_capacity(READ_BUFFER, input);
    let mut stats = Stats::default();
    let mut chunk: Vec<(usize, Line)> = Vec::with_capacity(CHUNK_LINES);
    let mut done = false;
    while !done {
        chunk.clear();
        let mut bytes = 0;
        while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            let mut buf = Vec::new();
            match read_line(&mut reader, &mut buf)? {
                None => {
                    done = true;
                    break;
                }
                Some(too_long) => {
                    bytes += buf.len();
                    stats.lines += 1;
                    // A byte-order mark (Windows editors write one) is not part of line 1.
                    if stats.lines == 1 && buf.starts_with(UTF8_BOM) {
                        buf.drain(..UTF8_BOM.len());
                    }
                    chunk.push((
                        stats.lines,
                        if too_long {
                            Line::TooLong
                        } else {
                            Line::Text(buf)
                        },
                    ));
                }
            }
            if reader.buffer().is_empty() {
                break;
            }
        }
        for (json, is_error) in grade_chunk(&chunk, bank, fields) {
            stats.errors += usize::from(is_error);
            output.write_all(json.as_bytes())?;
            output.write_all(b"\n")?;
        }
        output.flush()?;
    }
    Ok(stats)
}

/// Grades a chunk's lines, in the order of their questions so that each rubric's compiled form
/// and word cache stay in the processor's cache while its answers are graded (twice as fast as
/// input order when lines mix questions), and returns the output lines in input order.
fn grade_chunk(chunk: &[(usize, Line)], bank: &Bank, fields: &Fields) -> Vec<(String, bool)> {
    let parsed: Vec<Parsed> = chunk
        .par_iter()
        .map(|(n, line)| SCRATCH.with(|s| parse_line(*n, line, bank, fields, &mut s.borrow_mut())))
        .collect();
    let mut order: Vec<usize> = (0..parsed.len()).collect();
    order.sort_by_key(|&i| parsed[i].target.as_ref().ok().map(|t| &t.0.id));
    let mut graded: Vec<(usize, (String, bool))> = order
        .par_iter()
        .map(|&i| {
            let out = SCRATCH.with(|s| finish_line(&parsed[i], &mut s.borrow_mut()));
            (i, out)
        })
        .collect();
    graded.sort_unstable_by_key(|g| g.0);
    graded.into_iter().map(|g| g.1).collect()
}

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// One input line, as read.
enum Line {
    Text(Vec<u8>),
    TooLong,
}

/// Reads a line without its line ending. `Some(true)` when it was longer than
/// [`MAX_LINE_BYTES`]: the rest is skipped, not kept. `None` at the end of the input.
fn read_line(r: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<Option<bool>> {
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(any.then_some(too_long));
        }
        any = true;
        // A byte-at-a-time search cost six instructions a byte, 5% of grading a 300-word line.
        let newline = memchr::memchr(b'\n', available);
        let part = &available[..newline.unwrap_or(available.len())];
        if !too_long && buf.len() + part.len() > MAX_LINE_BYTES {
            too_long = true;
            *buf = Vec::new();
        }
        if !too_long {
            buf.extend_from_slice(part);
        }
        let used = newline.map_or(available.len(), |i| i + 1);
        r.consume(used);
        if newline.is_some() {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(Some(too_long));
        }
    }
}

/// An input line's fields in their order, each value as the JSON text it was written in: copied
/// to the output as it came, so a number keeps every digit and nothing is encoded twice. A name
/// given twice keeps its first place and its last value, as JSON parsers commonly read it.
type Object<'b> = IndexMap<String, &'b RawValue>;

/// One input line, parsed: its fields, and the question and answer to grade or why not.
struct Parsed<'b> {
    n: usize,
    object: Option<Object<'b>>,
    target: Result<(&'b Question, &'b Compiled, Cow<'b, str>), String>,
}

/// Reads input line `n` into its fields and finds its question.
fn parse_line<'b>(
    n: usize,
    line: &'b Line,
    bank: &'b Bank,
    fields: &Fields,
    scratch: &mut Scratch,
) -> Parsed<'b> {
    let mut object = None;
    let target = (|| {
        let bytes = match line {
            Line::Text(b) => b,
            Line::TooLong => {
                return Err(format!(
                    "the line is longer than the {} MiB limit",
                    MAX_LINE_BYTES >> 20
                ))
            }
        };
        let text = std::str::from_utf8(bytes)
            .map_err(|e| format!("not valid UTF-8 (byte {})", e.valid_up_to()))?;
        if text.trim().is_empty() {
            return Err("the line is empty".to_string());
        }
        let (o, answer) = read_fields(text, fields)?;
        let o = object.insert(o);
        let id = string_field(o, &fields.id, "a question id such as \"sre-13\"")?;
        let (q, compiled) = bank
            .get(&id, scratch)
            .ok_or_else(|| format!("unknown question id `{id}`; `rubric list` shows them"))?;
        let answer = answer.ok_or_else(|| {
            string_field(o, &fields.answer, "the answer's text").expect_err("not a string")
        })?;
        if answer.len() as u64 > MAX_ANSWER_BYTES {
            return Err(format!(
                "the answer is larger than the {} KiB limit",
                MAX_ANSWER_BYTES / 1024
            ));
        }
        Ok((q, compiled, answer))
    })();
    Parsed { n, object, target }
}

/// Reads a line's fields, and its answer when that is a string. Fields are copied to the output
/// as they were written, so each is first checked as a parser that decodes it would: JSON's
/// grammar allows a lone half of a UTF-16 pair (`"\ud800"`) or `1e400`, which many parsers
/// refuse, and no output line may carry one.
fn read_fields<'b>(
    text: &'b str,
    fields: &Fields,
) -> Result<(Object<'b>, Option<Cow<'b, str>>), String> {
    let pairs = serde_json::from_str::<Pairs>(text).map_err(|e| {
        if e.is_data() {
            format!(
                "expected a JSON object with `{}` and `{}`",
                fields.id, fields.answer
            )
        } else {
            format!("invalid JSON: {e}")
        }
    })?;
    let mut answer = None;
    for (name, value) in &pairs.0 {
        let json = value.get();
        let checked = if json.starts_with('"') && surrogates_paired(json) {
            // The one thing a string the raw value was read as can still fail on, checked
            // without decoding it into a copy; the answer is then decoded in one pass.
            if *name == fields.answer {
                answer = Some(unescape(json));
            }
            Ok(())
        } else if *name == fields.answer && json.starts_with('"') {
            let mut de = serde_json::Deserializer::from_str(json);
            de.deserialize_str(Text).map(|text| answer = Some(text))
        } else if json.starts_with(['[', '{']) {
            // Inside brackets, so that it nests as deep as it does in the line: a parser's
            // depth limit counts the line's own braces too.
            serde_json::from_str::<[serde_json::Value; 1]>(&format!("[{json}]")).map(drop)
        } else {
            serde_json::from_str::<serde_json::Value>(json).map(drop)
        };
        checked.map_err(|e| format!("invalid JSON in `{name}`: {}", without_position(&e)))?;
    }
    // A repeated name keeps its first place and its last value, as a JSON parser reads it.
    let mut o = Object::with_capacity(pairs.0.len());
    for (name, value) in pairs.0 {
        o.insert(name, value);
    }
    Ok((o, answer))
}

/// Whether every `\u` escape of a half of a UTF-16 pair in `json`, a string serde_json has read as
/// a raw value (so its escapes are well formed), is a leading half followed by a trailing one:
/// what a decoder also requires, and the raw read does not check.
fn surrogates_paired(json: &str) -> bool {
    let b = json.as_bytes();
    let unit = |at: usize| escaped_unit(b, at);
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'\\', &b[i..]) {
        let at = i + k;
        i = match unit(at) {
            Some(0xD800..=0xDBFF) if matches!(unit(at + 6), Some(0xDC00..=0xDFFF)) => at + 12,
            Some(0xD800..=0xDFFF) => return false,
            Some(_) => at + 6,
            // Any other escape is two bytes.
            None => at + 2,
        };
    }
    true
}

/// The UTF-16 unit of the `\\uXXXX` escape at `b[at..]`, if one is there.
fn escaped_unit(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 6)
        .filter(|e| e.starts_with(b"\\u"))
        .and_then(|e| std::str::from_utf8(&e[2..]).ok())
        .and_then(|hex| u16::from_str_radix(hex, 16).ok())
}

/// The text of a JSON string that serde_json has read as a raw value and that passes
/// [`surrogates_paired`], decoded as a parser decodes it: borrowed from the line when it has no
/// escapes, else copied once (decoding through serde_json copied it twice).
fn unescape(json: &str) -> Cow<'_, str> {
    let body = &json[1..json.len() - 1];
    let b = body.as_bytes();
    let Some(mut at) = memchr::memchr(b'\\', b) else {
        return Cow::Borrowed(body);
    };
    let mut out = String::with_capacity(body.len());
    let mut from = 0;
    loop {
        out.push_str(&body[from..at]);
        let (c, len) = match (b[at + 1], escaped_unit(b, at)) {
            (b'u', Some(high @ 0xD800..=0xDBFF)) => {
                let low = escaped_unit(b, at + 6).expect("paired");
                let c = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                (char::from_u32(c), 12)
            }
            (b'u', Some(unit)) => (char::from_u32(u32::from(unit)), 6),
            (b'b', _) => (Some('\u{8}'), 2),
            (b'f', _) => (Some('\u{c}'), 2),
            (b'n', _) => (Some('\n'), 2),
            (b'r', _) => (Some('\r'), 2),
            (b't', _) => (Some('\t'), 2),
            // `\"`, `\\` and `\/`.
            (other, _) => (Some(char::from(other)), 2),
        };
        out.push(c.expect("a paired or plain unit is a character"));
        from = at + len;
        match memchr::memchr(b'\\', &b[from..]) {
            Some(k) => at = from + k,
            None => break,
        }
    }
    out.push_str(&body[from..]);
    Cow::Owned(out)
}

/// A line's fields in the order written, repeated names included: a JSON parser keeps the last
/// value of a name but still refuses the line when an earlier one is invalid, so each is checked.
struct Pairs<'b>(Vec<(String, &'b RawValue)>);

impl<'de> serde::Deserialize<'de> for Pairs<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(PairsVisitor)
    }
}

struct PairsVisitor;

impl<'de> Visitor<'de> for PairsVisitor {
    type Value = Pairs<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(4));
        while let Some(pair) = map.next_entry::<String, &'de RawValue>()? {
            pairs.push(pair);
        }
        Ok(Pairs(pairs))
    }
}

/// The error's message without its place, which for one field's text is not a place in the line.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let place = format!(" at line {} column {}", e.line(), e.column());
    message.strip_suffix(&place).unwrap_or(&message).to_string()
}

/// The output line for a parsed line, and whether it is an error.
fn finish_line(line: &Parsed, scratch: &mut Scratch) -> (String, bool) {
    let graded = match &line.target {
        Ok((q, compiled, answer)) => {
            // An output line has no evidence to quote.
            grade::grade_unquoted(q, compiled, answer, scratch).map_err(|e| e.to_string())
        }
        Err(e) => Err(e.clone()),
    };
    let object = line.object.as_ref();
    match graded {
        Ok(g) => (graded_line(object.expect("graded"), &g), false),
        Err(error) => (error_line(&error, line.n, object), true),
    }
}

/// `error` and `line` first, then the input's fields (but its own `error` and `line`) so the
/// caller can join the error back to its row.
fn error_line(error: &str, n: usize, o: Option<&Object>) -> String {
    let mut out = Vec::with_capacity(128);
    out.extend_from_slice(b"{\"error\":");
    let _ = serde_json::to_writer(&mut out, error);
    out.extend_from_slice(format!(",\"line\":{n}").as_bytes());
    for (k, v) in o.into_iter().flatten() {
        if k != "error" && k != "line" {
            write_field(&mut out, k, |out| out.extend_from_slice(v.get().as_bytes()));
        }
    }
    out.push(b'}');
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes `,"name":value` (no comma first in an empty object).
fn write_field(out: &mut Vec<u8>, name: &str, value: impl FnOnce(&mut Vec<u8>)) {
    if out.len() > 1 {
        out.push(b',');
    }
    let _ = serde_json::to_writer(&mut *out, name);
    out.push(b':');
    value(out);
}

/// The input's fields in their order with the grade's written over those of the same name, then
/// the grade's other fields: what inserting each into the input object gives, without building
/// it. An input field named `error` is left out: on an output line it means the line could not
/// be graded.
fn graded_line(o: &Object, g: &grade::Grade) -> String {
    // Room for the input's fields and the grade's, so that the line is not copied as it grows.
    let fields: usize = o.iter().map(|(k, v)| k.len() + v.get().len() + 4).sum();
    let mut out = Vec::with_capacity(fields + 512);
    let write_grade_field = |out: &mut Vec<u8>, i: usize| {
        let _ = match i {
            0 => serde_json::to_writer(&mut *out, &g.score),
            1 => serde_json::to_writer(&mut *out, &g.band),
            2 => serde_json::to_writer(&mut *out, &g.missing),
            3 => serde_json::to_writer(&mut *out, &g.warnings),
            4 => serde_json::to_writer(&mut *out, &g.words),
            _ => serde_json::to_writer(&mut *out, &g.coverage),
        };
    };
    // The grade's fields written in the input's places, so that they are not looked up again.
    let mut written = [false; GRADE_FIELDS.len()];
    out.push(b'{');
    for (k, v) in o.iter().filter(|(k, _)| *k != "error") {
        write_field(&mut out, k, |out| {
            match GRADE_FIELDS.iter().position(|f| f == k) {
                Some(i) => {
                    written[i] = true;
                    write_grade_field(out, i)
                }
                None => out.extend_from_slice(v.get().as_bytes()),
            }
        });
    }
    for (i, name) in GRADE_FIELDS.iter().enumerate() {
        if !written[i] {
            write_field(&mut out, name, |out| write_grade_field(out, i));
        }
    }
    out.push(b'}');
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// A field's string, borrowed from the line where it has no escapes.
fn string_field<'b>(o: &Object<'b>, name: &str, what: &str) -> Result<Cow<'b, str>, String> {
    let value = o
        .get(name)
        .ok_or_else(|| format!("no `{name}` field: {what}"))?;
    let mut de = serde_json::Deserializer::from_str(value.get());
    de.deserialize_any(Text).map_err(|e| {
        if e.is_data() {
            format!("`{name}` must be a string: {what}")
        } else {
            format!("invalid JSON in `{name}`: {e}")
        }
    })
}

/// Visits a JSON string without copying it unless it has escapes.
struct Text;

impl<'de> Visitor<'de> for Text {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(s))
    }

    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use serde_json::Value;

    fn run_on(input: &str) -> (Vec<Value>, Stats) {
        let catalog = Catalog::embedded();
        let bank = Bank::new(catalog.questions().unwrap());
        let mut out = Vec::new();
        let stats = run(input.as_bytes(), &mut out, &bank, &Fields::default()).unwrap();
        let lines = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (lines, stats)
    }

    #[test]
    fn one_output_line_per_input_line_in_order_with_fields_copied() {
        let input = concat!(
            r#"{"row": 1, "id": "sre-13", "answer": "Retries with exponential backoff and jitter, circuit breakers, timeouts and load shedding.", "score": "old"}"#,
            "\n",
            "not json\n",
            "\n",
            r#"{"row": 4, "id": "nope-1", "answer": "x"}"#,
            "\n",
            r#"{"row": 5, "id": "SRE-13", "answer": "   "}"#,
            "\r\n",
            r#"[1, 2]"#,
            "\n",
            r#"{"row": 7, "id": 13, "answer": "x"}"#
        );
        let (out, stats) = run_on(input);
        assert_eq!(out.len(), 7);
        assert_eq!(
            stats,
            Stats {
                lines: 7,
                errors: 6
            }
        );
        assert_eq!(out[0]["row"], 1);
        assert!(
            out[0]["score"].is_u64(),
            "the grade's score replaces the input's: {}",
            out[0]
        );
        for f in GRADE_FIELDS {
            assert!(out[0].get(f).is_some(), "{f}");
        }
        let errors: Vec<(u64, &str)> = out[1..]
            .iter()
            .map(|v| (v["line"].as_u64().unwrap(), v["error"].as_str().unwrap()))
            .collect();
        assert_eq!(
            errors.iter().map(|e| e.0).collect::<Vec<_>>(),
            vec![2, 3, 4, 5, 6, 7]
        );
        assert!(errors[0].1.starts_with("invalid JSON"));
        assert_eq!(errors[1].1, "the line is empty");
        assert!(errors[2].1.starts_with("unknown question id `nope-1`"));
        assert_eq!(errors[3].1, "the answer is empty");
        assert!(errors[4].1.starts_with("expected a JSON object"));
        assert!(errors[5].1.starts_with("`id` must be a string"));
        assert_eq!(out[3]["row"], 4, "an error keeps the input's fields");
    }

    #[test]
    fn grade_fields_replace_the_inputs_in_place_and_the_rest_follow_in_order() {
        let (out, _) = run_on(
            r#"{"b": [1, 2], "words": "mine", "id": "sre-13", "answer": "circuit breakers"}"#,
        );
        let Value::Object(o) = &out[0] else {
            panic!("{}", out[0])
        };
        let keys: Vec<&str> = o.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["b", "words", "id", "answer", "score", "band", "missing", "warnings", "coverage"]
        );
        assert!(o["words"].is_u64());
        assert_eq!(o["b"], serde_json::json!([1, 2]));
    }

    fn raw_output(input: &str) -> String {
        let catalog = Catalog::embedded();
        let bank = Bank::new(catalog.questions().unwrap());
        let mut out = Vec::new();
        run(input.as_bytes(), &mut out, &bank, &Fields::default()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn input_fields_are_copied_as_written_so_long_numbers_keep_every_digit() {
        let out = raw_output(
            r#"{"row": 12345678901234567890123, "tags": ["a", "\u00e9"], "id": "sre-13", "answer": "circuit breakers"}"#,
        );
        assert!(
            out.starts_with(
                r#"{"row":12345678901234567890123,"tags":["a", "\u00e9"],"id":"sre-13","#
            ),
            "{out}"
        );
        let errors =
            raw_output(r#"{"row": 12345678901234567890123, "id": "nope-1", "answer": "x"}"#);
        assert!(
            errors.contains(r#""row":12345678901234567890123"#),
            "{errors}"
        );
    }

    #[test]
    fn a_field_json_parsers_refuse_makes_an_error_line_that_does_not_copy_it() {
        for (line, field) in [
            // Found by fuzzing: a later field of the same name used to hide the bad one.
            (
                r#"{"id": "sre-13", "answer": "\ude00", "answer": "circuit breakers"}"#,
                "answer",
            ),
            (
                r#"{"x": "\ud800", "id": "sre-13", "x": 1, "answer": "circuit breakers"}"#,
                "x",
            ),
            (
                r#"{"x": "\ud800", "id": "sre-13", "answer": "circuit breakers"}"#,
                "x",
            ),
            (
                r#"{"id": "sre-13", "answer": "circuit \udc00 breakers"}"#,
                "answer",
            ),
            (
                r#"{"n": 1e400, "id": "sre-13", "answer": "circuit breakers"}"#,
                "n",
            ),
        ] {
            let out = raw_output(line);
            let v: Value = serde_json::from_str(out.trim_end()).expect("the output line parses");
            let error = v["error"].as_str().unwrap();
            assert!(
                error.starts_with(&format!("invalid JSON in `{field}`")),
                "{error}"
            );
            assert!(
                !error.contains("column"),
                "a place in the field is not one in the line: {error}"
            );
            assert_eq!(
                v.as_object().unwrap().len(),
                2,
                "only `error` and `line`: {out}"
            );
        }
        let pair =
            raw_output(r#"{"x": "\ud83d\ude00", "id": "sre-13", "answer": "circuit breakers"}"#);
        let v: Value = serde_json::from_str(pair.trim_end()).unwrap();
        assert_eq!(v["x"], "\u{1F600}", "a whole pair is fine: {pair}");
    }

    #[test]
    fn a_field_nested_past_the_parsers_depth_limit_is_an_error_not_an_unreadable_output_line() {
        let mut outcomes = Vec::new();
        for depth in [126, 127, 128] {
            let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let line =
                format!(r#"{{"x": {nested}, "id": "sre-13", "answer": "circuit breakers"}}"#);
            let whole_line_parses = serde_json::from_str::<Value>(&line).is_ok();
            let out: Value = serde_json::from_str(raw_output(&line).trim_end())
                .expect("the output line parses, however deep the input");
            assert_eq!(
                out.get("error").is_none(),
                whole_line_parses,
                "depth {depth}: {out}"
            );
            outcomes.push(whole_line_parses);
        }
        assert!(
            outcomes.contains(&true) && outcomes.contains(&false),
            "the limit is crossed"
        );
    }

    #[test]
    fn lines_graded_together_out_of_order_read_as_each_graded_alone() {
        let answers = [
            (
                "sre-13",
                "Retries with backoff and jitter, and a circuit breaker.",
            ),
            (
                "lead-05",
                "Metrics first: RED for every service, then logs and traces.",
            ),
            ("sre-13", "We never used circuit breakers or retries."),
            (
                "infra-02",
                "I automated certificate renewal with cert-manager.",
            ),
            ("lead-05", "SLOs on the two user journeys that matter."),
        ];
        let lines: Vec<String> = answers
            .iter()
            .map(|(id, a)| serde_json::json!({"id": id, "answer": a}).to_string())
            .collect();
        let (together, _) = run_on(&lines.join("\n"));
        for (line, got) in lines.iter().zip(&together) {
            let (alone, _) = run_on(line);
            assert_eq!(&alone[0], got);
        }
    }

    #[test]
    fn overlong_lines_are_skipped_without_being_kept() {
        let long = format!(
            "{{\"id\": \"sre-13\", \"answer\": \"{}\"}}\n",
            "a ".repeat(MAX_LINE_BYTES)
        );
        let input = format!("{long}{{\"id\": \"sre-13\", \"answer\": \"circuit breakers\"}}");
        let (out, stats) = run_on(&input);
        assert_eq!(
            stats,
            Stats {
                lines: 2,
                errors: 1
            }
        );
        assert!(out[0]["error"].as_str().unwrap().contains("longer than"));
        assert!(out[1]["score"].is_u64());
    }

    proptest::proptest! {
        #[test]
        fn a_string_passes_the_pair_check_exactly_when_it_decodes(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "é", "\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\ud83d\\ude00",
                    "\\\\", "\\\\u", "\\u0041", "\\uD834", "\\uDD1E", "\\n", "\\\"", "u",
                    "\\/", "\\b", "\\f", "\\r", "\\t", "\\u0000", "\\u00e9", "\\u2019", "\\uFFFF",
                    "’",
                ]),
                0..8,
            )
        ) {
            let json = format!("\"{}\"", pieces.concat());
            let raw: &RawValue = serde_json::from_str(&json).unwrap();
            let decoded = serde_json::from_str::<String>(&json);
            proptest::prop_assert_eq!(surrogates_paired(raw.get()), decoded.is_ok(), "{}", json);
            if let Ok(text) = decoded {
                proptest::prop_assert_eq!(unescape(raw.get()), text);
            }
        }
    }

    #[test]
    fn reads_lines_across_buffer_refills() {
        let mut r = BufReader::with_capacity(4, "abcdefgh\r\nij\nlast".as_bytes());
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf).unwrap(), Some(false));
        assert_eq!(buf, b"abcdefgh");
        buf.clear();
        read_line(&mut r, &mut buf).unwrap();
        assert_eq!(buf, b"ij");
        buf.clear();
        assert_eq!(read_line(&mut r, &mut buf).unwrap(), Some(false));
        assert_eq!(buf, b"last");
        buf.clear();
        assert_eq!(read_line(&mut r, &mut buf).unwrap(), None);
    }
}
