//! Embeds every `rubrics/*.json` file in the binary, so an installed `rubric` needs no files
//! beside it. The list is generated so that a fresh checkout without rubrics still builds. Also
//! precomputes the lexicon's lookup index, so that grading one answer does not tokenize every
//! lexicon term at start-up.

use std::fmt::Write as _;
use std::path::Path;

/// The grader's own tokenizer, so that the index's keys are exactly what `norm_key` makes.
#[allow(dead_code)]
#[path = "src/text/tokenize.rs"]
mod tokenize;

fn main() {
    embed_rubrics();
    index_lexicon();
    list_vocabulary();
}

fn embed_rubrics() {
    // Read at run time: `env!` would freeze the directory the build script was compiled in,
    // and a build script reused from another checkout would then embed the wrong (or no) files.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("rubrics");
    println!("cargo:rerun-if-changed={}", dir.display());
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

/// Writes `lexicon_index.rs`: every lexicon term's normalized key with its group's index, sorted
/// by key for binary search. Mirrors `Lexicon::parse_groups` (the tests check they agree).
fn index_lexicon() {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest);
    for f in ["rubrics/lexicon.txt", "src/text/tokenize.rs"] {
        println!("cargo:rerun-if-changed={}", root.join(f).display());
    }
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
    let mut out = String::from(
        "/// (normalized term, group index) of the embedded lexicon, sorted by term.\npub static INDEX: &[(&str, u32)] = &[\n",
    );
    for (k, g) in keys {
        writeln!(out, "    ({k:?}, {g}),").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("lexicon_index.rs");
    std::fs::write(dest, out).unwrap();
}

/// `lexicon::norm_key` for the lexicon's lowercase ASCII terms.
fn norm_key(s: &str) -> String {
    assert!(s.is_ascii(), "lexicon.txt: `{s}` must be ASCII");
    let mut words = Vec::new();
    tokenize::for_each_token(s, |t| words.push(t.text.to_ascii_lowercase()));
    words.join(" ")
}

/// Writes `vocabulary.rs`: the bank's concept words (`rubrics/vocabulary.txt`), sorted and
/// unique for binary search, so that no set is built when the grader starts.
fn list_vocabulary() {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let path = Path::new(&manifest).join("rubrics/vocabulary.txt");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let words: std::collections::BTreeSet<&str> = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let words: Vec<&str> = words.into_iter().collect();
    let out = format!(
        "/// The stems of `rubrics/vocabulary.txt`, sorted.\npub static WORDS: &[&str] = &{words:?};\n"
    );
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("vocabulary.rs");
    std::fs::write(dest, out).unwrap();
}
