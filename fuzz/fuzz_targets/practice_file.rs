//! Any text as a practice file (front matter, headings, skip markers), with and without a file
//! name: splitting never panics, every piece points at a line of the file, and every answer it
//! finds can be graded or is refused with an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rubric::answers::{parse, PieceKind};
use rubric::catalog::Catalog;

thread_local! {
    static CATALOG: Catalog = Catalog::embedded();
    // One grader for the run, so each question is compiled once rather than once per answer.
    static GRADER: std::cell::RefCell<rubric::grade::Grader> = Default::default();
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines = text.lines().count().max(1);
    CATALOG.with(|catalog| {
        for name in [None, Some("sre-13.md"), Some("notes.md")] {
            let p = parse(name, text, catalog);
            for piece in &p.pieces {
                assert!(
                    piece.line >= 1 && piece.line <= lines + 1,
                    "line {} of {}",
                    piece.line,
                    lines
                );
                if let (PieceKind::Answer(answer), Some(id)) = (&piece.kind, &piece.id) {
                    let q = catalog
                        .by_id(id)
                        .unwrap()
                        .expect("pieces name known questions");
                    GRADER.with(|g| {
                        if let Ok(g) = g.borrow_mut().grade(q, answer) {
                            assert!(g.score <= 100, "score {}", g.score);
                        }
                    });
                }
            }
        }
    });
});
