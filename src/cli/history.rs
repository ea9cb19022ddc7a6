//! `rubric history export | import | path`, and what every command that records or reads
//! attempts shares: where the history is, the time an attempt is recorded at, saving one
//! attempt, and keeping a draft that could not be saved.

use super::args::{ExportFormat, HistoryCommand};
use super::Outcome;
use anyhow::{anyhow, Context, Result};
use rubric::history::{parse_time, Attempt, History};
use rubric::progress::{progress, QuestionProgress};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// The history file's name inside `RUBRIC_HOME` or the platform's data directory.
pub const FILE_NAME: &str = "history.sqlite3";

pub fn run(c: HistoryCommand) -> Result<Outcome> {
    match c {
        HistoryCommand::Export(a) => {
            let path = location(a.history.file.as_deref())?;
            let attempts = match History::open_existing(&path)? {
                Some(h) => h.attempts()?,
                None => Vec::new(),
            };
            let mut buf = Vec::new();
            match a.format {
                ExportFormat::Jsonl => {
                    for attempt in &attempts {
                        serde_json::to_writer(&mut buf, attempt)?;
                        buf.push(b'\n');
                    }
                }
            }
            match a.output.as_deref().filter(|o| *o != Path::new("-")) {
                Some(file) => {
                    rubric::atomic::write(file, &buf)
                        .with_context(|| format!("writing {}", file.display()))?;
                    note!(
                        "exported {} to {}",
                        rubric::report::count(attempts.len(), "attempt", "attempts"),
                        file.display()
                    );
                }
                None => {
                    let mut out = super::stdout();
                    out.write_all(&buf)?;
                    out.flush()?;
                }
            }
            Ok(Outcome::Pass)
        }
        HistoryCommand::Import(a) => {
            let path = location(a.history.file.as_deref())?;
            let (shown, attempts) = read_export(a.file.as_deref())?;
            let mut store = History::open(&path)?;
            let done = store.import(&attempts)?;
            let mut out = super::stdout();
            writeln!(
                out,
                "Imported {} from {shown} into {}{}",
                rubric::report::count(done.added, "attempt", "attempts"),
                path.display(),
                if done.present > 0 {
                    format!(" ({} already there)", done.present)
                } else {
                    String::new()
                }
            )?;
            out.flush()?;
            Ok(Outcome::Pass)
        }
        HistoryCommand::Path(a) => {
            let path = location(a.history.file.as_deref())?;
            let mut out = super::stdout();
            writeln!(out, "{}", path.display())?;
            out.flush()?;
            Ok(Outcome::Pass)
        }
    }
}

/// Where the history is: `--history FILE`, else `$RUBRIC_HOME/history.sqlite3`, else
/// `history.sqlite3` in the platform's data directory (`~/.local/share/rubric` on Linux,
/// `~/Library/Application Support/rubric` on macOS, `%APPDATA%\rubric\data` on Windows).
pub fn location(flag: Option<&Path>) -> Result<PathBuf> {
    if let Some(file) = flag {
        return Ok(file.to_path_buf());
    }
    if let Some(home) = std::env::var_os("RUBRIC_HOME").filter(|h| !h.is_empty()) {
        return Ok(PathBuf::from(home).join(FILE_NAME));
    }
    directories::ProjectDirs::from("", "", "rubric")
        .map(|d| d.data_dir().join(FILE_NAME))
        .ok_or_else(|| {
            anyhow!("no home directory to keep the practice history in; set RUBRIC_HOME or pass --history FILE")
        })
}

/// The time a new attempt is recorded at: `RUBRIC_DATE` when set (as `GIT_AUTHOR_DATE` sets a
/// commit's), else now.
pub fn now() -> Result<i64> {
    match std::env::var("RUBRIC_DATE")
        .ok()
        .filter(|d| !d.trim().is_empty())
    {
        Some(date) => parse_time(&date).map_err(|e| anyhow!("RUBRIC_DATE: {e}")),
        None => Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)),
    }
}

/// Saves `attempt` and returns the progress of its question, counting it.
pub fn save(store: &mut History, attempt: &Attempt) -> Result<QuestionProgress> {
    store.save(attempt)?;
    let mine: Vec<Attempt> = store
        .attempts()?
        .into_iter()
        .filter(|a| a.question == attempt.question)
        .collect();
    progress(&[], &mine, None)
        .questions
        .into_iter()
        .next()
        .ok_or_else(|| {
            anyhow!(
                "the attempt just saved is not in {}",
                store.path().display()
            )
        })
}

/// Writes a draft that could not be recorded where it will not be lost, and returns its path;
/// `None` if even that failed.
pub fn keep_draft(question: &str, text: &str) -> Option<PathBuf> {
    let file = tempfile::Builder::new()
        .prefix(&format!("rubric-{question}-"))
        .suffix(".md")
        .tempfile()
        .ok()?;
    std::fs::write(file.path(), text).ok()?;
    file.keep().ok().map(|(_, path)| path)
}

/// Reads and checks an export: every line must be an attempt, or nothing is imported.
fn read_export(file: Option<&Path>) -> Result<(String, Vec<Attempt>)> {
    let (shown, reader): (String, Box<dyn BufRead>) = match file.filter(|f| *f != Path::new("-")) {
        Some(f) => (
            f.display().to_string(),
            Box::new(std::io::BufReader::new(
                std::fs::File::open(f).with_context(|| format!("reading {}", f.display()))?,
            )),
        ),
        None => ("<stdin>".to_string(), Box::new(std::io::stdin().lock())),
    };
    let mut attempts = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let n = i + 1;
        let line = line.with_context(|| format!("{shown}:{n}: reading"))?;
        let line = if n == 1 {
            line.trim_start_matches('\u{feff}')
        } else {
            &line
        };
        if line.trim().is_empty() {
            continue;
        }
        let a: Attempt = serde_json::from_str(line).map_err(|e| {
            anyhow!("{shown}:{n}: not an attempt of `rubric history export` ({e}); nothing was imported")
        })?;
        a.validate()
            .map_err(|e| anyhow!("{shown}:{n}: {e}; nothing was imported"))?;
        attempts.push(a);
    }
    Ok((shown, attempts))
}
