//! `rubric report --html FILE`: the practice history as one self-contained HTML page.

use super::args::{Global, ReportArgs};
use super::progress::{compute, load};
use super::{Outcome, Settings};
use anyhow::{Context, Result};
use rubric::report;
use std::io::Write;
use std::path::Path;

pub fn run(g: &Global, a: ReportArgs) -> Result<Outcome> {
    let s = Settings::resolve(g)?;
    let (_, mut attempts) = load(a.history.file.as_deref())?;
    let p = compute(&s, a.set.as_deref(), &attempts)?;
    if let Some(set) = &a.set {
        let set = set.to_ascii_lowercase();
        attempts.retain(|at| at.set == set);
    }
    let title = match &a.set {
        Some(set) => format!("Practice report: {}", set.to_ascii_lowercase()),
        None => "Practice report".to_string(),
    };
    let mut page = Vec::new();
    report::html::history(&mut page, &title, &p, &attempts)?;
    if a.html == Path::new("-") {
        let mut out = super::stdout();
        out.write_all(&page)?;
        out.flush()?;
    } else {
        rubric::atomic::write(&a.html, &page)
            .with_context(|| format!("writing the report to {}", a.html.display()))?;
        let mut out = super::stdout();
        writeln!(
            out,
            "Wrote {}: {} on {}",
            a.html.display(),
            report::count(p.attempts, "attempt", "attempts"),
            report::count(p.questions.len(), "question", "questions")
        )?;
        out.flush()?;
    }
    Ok(Outcome::Pass)
}
