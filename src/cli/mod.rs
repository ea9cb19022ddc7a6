//! The binary's glue: resolve arguments into settings once, run one command, and turn its
//! outcome into an exit code. Errors are printed once, here, prefixed `rubric:`.

/// Prints one `rubric: ` line on standard error. A failed write to standard error has nowhere
/// left to be reported, so it is dropped instead of panicking as `eprintln!` would.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "rubric: {}", format_args!($($arg)*));
    }};
}

mod args;
mod batch;
mod build;
mod check;
mod commands;
mod completions;
mod config;
mod help;
mod history;
mod practice;
mod progress;
mod report;
mod same_file;

use anyhow::Result;
use args::{Cli, ColorChoice, Global};
use clap::Parser;
use rubric::catalog::Catalog;
use rubric::report::Style;
use std::io::IsTerminal;
use std::process::ExitCode;

/// What a command concluded, mapped to the documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: everything graded met its threshold.
    Pass,
    /// 1: an answer fell short, or rubrics are stale.
    Findings,
    /// 2: an input could not be processed (already reported).
    Errors,
}

impl Outcome {
    /// Errors outrank findings, findings outrank passes.
    pub fn merge(self, other: Outcome) -> Outcome {
        self.max(other)
    }

    fn code(self) -> u8 {
        match self {
            Outcome::Pass => 0,
            Outcome::Findings => 1,
            Outcome::Errors => 2,
        }
    }
}

impl PartialOrd for Outcome {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Outcome {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.code().cmp(&other.code())
    }
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            return match e.print() {
                Err(io) if !e.use_stderr() && io.kind() != std::io::ErrorKind::BrokenPipe => {
                    note!("writing to standard output: {io}");
                    ExitCode::from(2)
                }
                _ => ExitCode::from(code),
            };
        }
    };
    // `colored` also guesses from the environment whether stdout is a terminal, which would
    // override `--color always` in a pipe; the flag decides (Style::plain still never colors).
    colored::control::set_override(use_color(cli.global.color));
    match commands::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(e) => {
            // A closed pipe (`rubric list | head`) is the reader's choice, not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            note!("{e:#}");
            ExitCode::from(2)
        }
    }
}

/// Standard output for a command's report. A failed write says it was standard output that
/// failed (`rubric list > /dev/full`), keeping the error's kind so a closed pipe stays quiet.
pub struct Stdout(std::io::Stdout);

pub fn stdout() -> Stdout {
    Stdout(std::io::stdout())
}

impl std::io::Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf).map_err(stdout_error)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.0.write_all(buf).map_err(stdout_error)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush().map_err(stdout_error)
    }
}

fn stdout_error(e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("writing to standard output: {e}"))
}

/// Settings resolved once from the global flags.
pub struct Settings {
    pub catalog: Catalog,
    pub style: Style,
}

impl Settings {
    pub fn resolve(g: &Global) -> Result<Settings> {
        let mut catalog = if g.no_builtin {
            Catalog::default()
        } else {
            Catalog::embedded()
        };
        catalog.allow_replacing_builtin(g.replace_builtin);
        // rubric.toml's `rubrics` directories first, so that --rubrics can replace their sets.
        let config = config::Configs::new(g, Default::default())?.for_cwd()?;
        config::add_config_dirs(&mut catalog, &config)?;
        for dir in &g.rubrics {
            if dir.as_os_str().is_empty() {
                continue;
            }
            catalog.add_dir(dir)?;
        }
        Ok(Settings {
            catalog,
            style: Style {
                color: use_color(g.color),
            },
        })
    }
}

/// Whether human output is colored. An explicit `--color always|never` wins over the
/// environment (no-color.org: user-level configuration and flags override `NO_COLOR`). With
/// `auto`: `NO_COLOR` (non-empty) turns color off; else `FORCE_COLOR` (non-empty, `0` or `false`
/// turning it off) or `CLICOLOR_FORCE` (not `0`) turns it on, even in a pipe; else `CLICOLOR=0`
/// turns it off; else color is used on a terminal whose `TERM` is not `dumb`.
fn use_color(choice: ColorChoice) -> bool {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Never => false,
        ColorChoice::Always => true,
        ColorChoice::Auto if env("NO_COLOR").is_some() => false,
        ColorChoice::Auto => {
            if let Some(force) = env("FORCE_COLOR") {
                return !matches!(force.as_str(), "0" | "false");
            }
            if env("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                return true;
            }
            if env("CLICOLOR").as_deref() == Some("0") {
                return false;
            }
            std::io::stdout().is_terminal() && env("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Outcome;

    #[test]
    fn errors_outrank_findings_outrank_passes() {
        assert_eq!(Outcome::Pass.merge(Outcome::Findings), Outcome::Findings);
        assert_eq!(Outcome::Errors.merge(Outcome::Findings), Outcome::Errors);
        assert_eq!(Outcome::Pass.merge(Outcome::Pass), Outcome::Pass);
    }
}
