//! `rubric progress`: what the practice history says, per set and per question, for people
//! (sparklines) or scripts (JSON). Reads the history and creates nothing.

use super::args::{Format, Global, ProgressArgs};
use super::history::location;
use super::{Outcome, Settings};
use anyhow::{bail, Result};
use rubric::history::{Attempt, History};
use rubric::progress::{progress, Progress};
use rubric::report;
use std::io::Write;
use std::path::PathBuf;

pub fn run(g: &Global, a: ProgressArgs) -> Result<Outcome> {
    let s = Settings::resolve(g)?;
    let (path, attempts) = load(a.history.file.as_deref())?;
    let p = compute(&s, a.set.as_deref(), &attempts)?;
    let shown = path.display().to_string();
    let mut out = super::stdout();
    match a.format {
        Format::Text => report::progress::text(&mut out, &shown, &p, s.style)?,
        Format::Json => report::progress::json(&mut out, &shown, &p)?,
    }
    out.flush()?;
    Ok(Outcome::Pass)
}

/// The history's path and its attempts (none when there is no history yet).
pub fn load(flag: Option<&std::path::Path>) -> Result<(PathBuf, Vec<Attempt>)> {
    let path = location(flag)?;
    let attempts = match History::open_existing(&path)? {
        Some(h) => h.attempts()?,
        None => Vec::new(),
    };
    Ok((path, attempts))
}

/// Progress over the loaded questions, or one set's.
pub fn compute(s: &Settings, set: Option<&str>, attempts: &[Attempt]) -> Result<Progress> {
    let mut questions = s.catalog.questions()?;
    let set = set.map(str::to_ascii_lowercase);
    if let Some(set) = &set {
        if !s.catalog.sets().contains(&set.as_str()) && !attempts.iter().any(|a| &a.set == set) {
            bail!("unknown set `{set}`; sets: {}", s.catalog.sets().join(", "));
        }
        questions.retain(|q| &q.set == set);
    }
    let only = set.as_deref().map(|s| vec![s]);
    Ok(progress(&questions, attempts, only.as_deref()))
}
