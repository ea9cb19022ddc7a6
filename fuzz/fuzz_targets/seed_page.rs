//! Any text, read as each bank format: parsing returns a bank or an error, never panics, and a
//! bank it returns builds into a valid rubric file.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for name in ["page.txt", "bank.jsonl", "bank.md"] {
        if let Ok(bank) = rubric::seed::parse_bank(Path::new(name), text) {
            let file = rubric::draft::build_bank(&bank, name, rubric::lexicon::Lexicon::embedded());
            let json = rubric::rubric::to_json(&file);
            // Built rubrics must load back, unless the bank had nothing to score.
            if file
                .questions
                .iter()
                .all(|q| q.points.iter().any(|p| p.weight > 0))
            {
                rubric::rubric::parse_file(Path::new("out.json"), &json)
                    .expect("built rubric loads");
            }
        }
    }
});
