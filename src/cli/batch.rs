//! `rubric batch [FILE]`: JSON Lines from a file or standard input, graded to standard output.

use super::args::{BatchArgs, Global};
use super::config::{catalog_for, Configs};
use super::Outcome;
use anyhow::{Context, Result};
use rubric::batch::{self, Bank, Fields};
use rubric::config::Overrides;
use std::io::{BufWriter, IsTerminal, Read};
use std::path::Path;

pub fn run(g: &Global, a: BatchArgs) -> Result<Outcome> {
    let config = Configs::new(g, Overrides::default())?.for_cwd()?;
    let catalog = catalog_for(g, &config)?;
    let bank = Bank::new(catalog.questions()?);
    let fields = Fields {
        id: a.id_field,
        answer: a.answer_field,
    };
    let input: Box<dyn Read + Send> = match a.file.as_deref() {
        None => stdin(),
        Some(p) if p == Path::new("-") => stdin(),
        Some(p) => {
            Box::new(std::fs::File::open(p).with_context(|| format!("opening {}", p.display()))?)
        }
    };
    let mut out = BufWriter::with_capacity(256 * 1024, super::stdout());
    let stats = match a.threads {
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(usize::from(n))
                .build()
                .context("starting worker threads")?;
            pool.install(|| batch::run(input, &mut out, &bank, &fields))?
        }
        None => batch::run(input, &mut out, &bank, &fields)?,
    };
    // The process ends next: freeing every compiled rubric one by one would only cost time.
    std::mem::forget(bank);
    std::mem::forget(catalog);
    if stats.errors > 0 {
        let (lines, carry) = if stats.errors == 1 {
            ("line", "its output line carries")
        } else {
            ("lines", "their output lines carry")
        };
        note!(
            "{} of {} {lines} could not be graded; {carry} an `error`",
            stats.errors,
            stats.lines
        );
        return Ok(Outcome::Errors);
    }
    Ok(Outcome::Pass)
}

fn stdin() -> Box<dyn Read + Send> {
    if std::io::stdin().is_terminal() {
        note!("reading JSON Lines from the terminal ({{\"id\": \"sre-13\", \"answer\": \"...\"}} a line); press Ctrl-D to finish");
    }
    Box::new(std::io::stdin())
}
