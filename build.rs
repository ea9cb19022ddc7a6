//! Embeds every `rubrics/*.json` file in the binary, so an installed `rubric` needs no files
//! beside it. The list is generated so that a fresh checkout without rubrics still builds. Also
//! precomputes the lexicon's lookup index, so that grading one answer does not tokenize every
//! lexicon term at start-up.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The grader's own tokenizer, so that the index's keys are exactly what `norm_key` makes.
#[allow(dead_code)]
#[path = "src/text/tokenize.rs"]
mod tokenize;

/// The grader's word classes and their file's reader.
#[allow(dead_code)]
#[path = "src/grade/classes.rs"]
mod classes;
/// How the grader finds a key in the tables written here.
#[allow(dead_code)]
#[path = "src/lookup.rs"]
mod lookup;
/// The grader's own normalizer and stemming rule, so that the stem table's entries are exactly
/// what the grader would compute.
#[allow(dead_code)]
#[path = "src/text/normalize.rs"]
mod normalize;
#[path = "src/text/snowball.rs"]
mod snowball;

fn main() {
    embed_rubrics();
    index_lexicon();
    list_vocabulary();
    stem_table();
    class_table();
}

/// The crate's folder. Read at run time: `env!` would freeze the directory the build script was
/// compiled in, and a build script reused from another checkout would then read the wrong (or
/// no) files.
fn root() -> PathBuf {
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
}

/// Makes a change to any of `paths` (from the crate's folder) run this script again.
fn watch(paths: &[&str]) {
    for p in paths {
        println!("cargo:rerun-if-changed={}", root().join(p).display());
    }
}

fn embed_rubrics() {
    watch(&["rubrics"]);
    let dir = root().join("rubrics");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from(
        "/// A question's id and byte range in its set's JSON.\npub type Span = (&'static str, usize, usize);\n/// (file name, contents, each question's span) of every embedded rubric file, sorted by name.\npub static EMBEDDED: &[(&str, &str, &[Span])] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        let text = std::fs::read_to_string(f).unwrap_or_default();
        writeln!(
            out,
            "    ({name:?}, include_str!({:?}), &{:?}),",
            f.display().to_string(),
            question_spans(&text)
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(dest, out).unwrap();
}

/// Where each question of a rubric file's `questions` array starts and ends, with its id, so
/// that grading one question parses that question alone. The file as `rubric build` writes it
/// is assumed (objects with `id` first); anything else gives no spans, and the set is parsed
/// whole as before.
fn question_spans(json: &str) -> Vec<(String, usize, usize)> {
    let b = json.as_bytes();
    let Some(array) = json.find("\n  \"questions\": [") else {
        return Vec::new();
    };
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut spans = Vec::new();
    let mut start = 0;
    for i in array + json[array..].find('[').unwrap() + 1..b.len() {
        let c = b[i];
        if in_string {
            (escaped, in_string) = match (escaped, c) {
                (true, _) => (false, true),
                (false, b'\\') => (true, true),
                (false, b'"') => (false, false),
                _ => (false, true),
            };
            continue;
        }
        match c {
            b'"' => in_string = true,
            b'{' | b'[' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            b'}' | b']' if depth == 0 => break,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    let q = &json[start..=i];
                    let Some(id) = q
                        .strip_prefix("{\n      \"id\": \"")
                        .and_then(|r| r.split('"').next())
                    else {
                        return Vec::new();
                    };
                    spans.push((id.to_string(), start, i + 1));
                }
            }
            _ => {}
        }
    }
    spans
}

/// Writes `lexicon_index.rs`: every lexicon term's normalized key with its group's index, in a
/// hash table. Mirrors `Lexicon::parse_groups` (the tests check they agree).
fn index_lexicon() {
    let root = root();
    watch(&["rubrics/lexicon.txt", "src/text/tokenize.rs"]);
    let text = std::fs::read_to_string(root.join("rubrics/lexicon.txt")).unwrap_or_default();
    let mut keys = std::collections::BTreeMap::new();
    let lines = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    for (group, line) in lines.enumerate() {
        for term in line.split(" | ") {
            if let Some(other) = keys.insert(norm_key(term.trim()), group) {
                assert_eq!(other, group, "lexicon.txt: `{term}` is in two groups");
            }
        }
    }
    let rows: Vec<_> = keys
        .iter()
        .map(|(k, g)| (k.as_str(), "", format!(", {g}")))
        .collect();
    write_table(
        "lexicon_index.rs",
        "normalized terms, each with its group index",
        "(u32, u32, u32)",
        &rows,
    );
}

/// `lexicon::norm_key` for the lexicon's lowercase ASCII terms.
fn norm_key(s: &str) -> String {
    assert!(s.is_ascii(), "lexicon.txt: `{s}` must be ASCII");
    let mut words = Vec::new();
    tokenize::for_each_token(s, |t| words.push(t.text.to_ascii_lowercase()));
    words.join(" ")
}

/// Writes `vocabulary.rs`: the bank's concept words (`rubrics/vocabulary.txt`) in a lookup
/// table, so that no set is built when the grader starts.
fn list_vocabulary() {
    watch(&["rubrics/vocabulary.txt"]);
    let path = root().join("rubrics/vocabulary.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let words: std::collections::BTreeSet<&str> = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let rows: Vec<_> = words.iter().map(|w| (*w, "", String::new())).collect();
    write_table(
        "vocabulary.rs",
        "stems of `rubrics/vocabulary.txt`",
        "(u32, u32)",
        &rows,
    );
}

/// Writes `stems.rs`: every word of the embedded rubrics, the seed pages and the grader's word
/// lists with its stem, in a hash table. Stemming is most of what grading one answer
/// costs otherwise, and nearly every word a rubric or an answer uses is in these files.
fn stem_table() {
    let root = root();
    // The code that makes the table: a change to it remakes the table, but its words are not
    // the bank's.
    watch(&[
        "src/text/snowball.rs",
        "src/lookup.rs",
        "src/text/normalize.rs",
        "src/text/tokenize.rs",
    ]);
    let mut files = vec![
        root.join("src/grade/words.txt"),
        root.join("src/text/stopwords.txt"),
    ];
    for dir in ["rubrics", "seeds"] {
        let found = std::fs::read_dir(root.join(dir)).into_iter().flatten();
        files.extend(found.filter_map(Result::ok).map(|e| e.path()).filter(|p| {
            p.extension()
                .is_some_and(|e| e == "json" || e == "txt" || e == "toml")
        }));
    }
    files.sort();
    let mut words = std::collections::BTreeSet::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let text = std::fs::read_to_string(f).unwrap_or_default();
        tokenize::for_each_token(&text, |t| {
            words.insert(normalize::normalize(t.text));
        });
    }
    let snowball = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let stems: Vec<(String, String)> = words
        .into_iter()
        .map(|w| {
            let stem = snowball::stem(&snowball, &w);
            (w, stem)
        })
        // A word longer than a byte can count is left out: the grader stems it when it meets it.
        .filter(|(w, stem)| w.len() < 256 && stem.len() < 256)
        .collect();
    let rows: Vec<_> = stems
        .iter()
        .map(|(w, stem)| (w.as_str(), stem.as_str(), format!(", {}", stem.len())))
        .collect();
    write_table(
        "stems.rs",
        "normalized words, each followed by its stem (its length last)",
        "(u32, u8, u8)",
        &rows,
    );
}

/// Writes `classes.rs`: the classes of every stem of `src/grade/words.txt`, in a hash table, so
/// that the grader neither reads the file nor stems its words when it starts.
fn class_table() {
    let root = root();
    watch(&["src/grade/words.txt", "src/grade/classes.rs"]);
    let text = std::fs::read_to_string(root.join("src/grade/words.txt")).unwrap_or_default();
    let snowball = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let stems =
        classes::parse(&text, |w| snowball::stem(&snowball, w)).unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<_> = stems
        .iter()
        .map(|(stem, bits)| (stem.as_str(), "", format!(", {bits}")))
        .collect();
    write_table(
        "classes.rs",
        "stems of `words.txt`, each with its classes",
        "(u32, u8, u16)",
        &rows,
    );
}

/// Writes `file`: a lookup table (`src/lookup.rs`) of `rows`, each a key, text stored right
/// after it, and the entry's further fields (`, a, b`). One string and plain offsets rather than
/// a slice of `&str`: a position-independent binary would otherwise relocate two pointers per
/// key at every start.
fn write_table(file: &str, holds: &str, entry: &str, rows: &[(&str, &str, String)]) {
    let (mut text, mut entries) = (String::new(), String::new());
    for (key, after, fields) in rows {
        write!(entries, "({}, {}{fields}),", text.len(), key.len()).unwrap();
        text.push_str(key);
        text.push_str(after);
    }
    let slots = lookup::place(rows.iter().map(|r| r.0));
    let out = format!(
        "/// The {holds}, one after another.\npub static TEXT: &str = {text:?};\n/// (offset in `TEXT`, key length, further fields), sorted by key.\npub static ENTRIES: &[{entry}] = &[{entries}];\n/// A hash table of indexes into `ENTRIES` (`u32::MAX`: empty), placed by `lookup::place`.\npub static SLOTS: &[u32] = &{slots:?};\n"
    );
    std::fs::write(
        Path::new(&std::env::var("OUT_DIR").unwrap()).join(file),
        out,
    )
    .unwrap();
}
