//! The committed JSON schema of the rubric format is generated from the Rust types, so it cannot
//! drift from what `rubric` actually reads; and every committed rubric file reads under them.
//!
//! After changing the types, regenerate the schema with
//! `RUBRIC_BLESS=1 cargo test --test schema` and commit `docs/rubric.schema.json`.

use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn committed_schema_matches_the_rubric_types() {
    let path = Path::new(ROOT).join("docs/rubric.schema.json");
    let schema = rubric::rubric::schema_json();
    if std::env::var_os("RUBRIC_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &schema).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; create it with `RUBRIC_BLESS=1 cargo test --test schema`",
            path.display()
        )
    });
    assert!(
        committed == schema,
        "{} is stale; regenerate it with `RUBRIC_BLESS=1 cargo test --test schema`",
        path.display()
    );
}

#[test]
fn the_schema_is_json_and_describes_the_rubric_file() {
    let schema: serde_json::Value = serde_json::from_str(&rubric::rubric::schema_json()).unwrap();
    assert_eq!(schema["title"], "RubricFile");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in ["format", "set", "title", "source", "questions"] {
        assert!(required.contains(&field), "{field} not required: {schema}");
    }
    assert_eq!(
        schema["additionalProperties"], false,
        "unknown fields are errors, and the schema says so"
    );
}

#[test]
fn every_committed_rubric_file_parses() {
    let files = committed_rubrics();
    assert_eq!(
        files
            .iter()
            .map(|p| p.file_name().unwrap().to_str().unwrap())
            .collect::<Vec<_>>(),
        [
            "infra.json",
            "lead.json",
            "sre.json",
            "staff.json",
            "sys.json"
        ]
    );
    let mut questions = 0;
    for path in &files {
        let file = rubric::rubric::read_file(path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.format, "rubric/1", "{}", path.display());
        assert_eq!(
            path.file_stem().unwrap().to_str().unwrap(),
            file.set,
            "a rubric file is named for its set"
        );
        questions += file.questions.len();
    }
    assert_eq!(questions, 148);
}

fn committed_rubrics() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("rubrics"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}
