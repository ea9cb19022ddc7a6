//! Any bytes as a rubric file: loading returns a rubric or an error naming the file, and a
//! rubric it accepts can be compiled and graded against.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(file) = rubric::rubric::parse_file(Path::new("f.json"), text) {
        let stemmer = rubric::text::Stemmer::english();
        for q in &file.questions {
            let c = rubric::grade::Compiled::new(q, rubric::lexicon::Lexicon::embedded(), &stemmer);
            let _ =
                rubric::grade::grade(q, &c, &q.sample_answer, &mut rubric::grade::Scratch::new());
        }
    }
});
