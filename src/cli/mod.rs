//! The binary's glue: resolve arguments into settings once, run one command, and turn its
//! outcome into an exit code. Errors are printed once, here, prefixed `rubric:`.

mod args;
mod batch;
mod build;
mod check;
mod commands;
mod completions;
mod config;

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
            let _ = e.print();
            return ExitCode::from(code);
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
            eprintln!("rubric: {e:#}");
            ExitCode::from(2)
        }
    }
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

fn use_color(choice: ColorChoice) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice {
        _ if no_color => false,
        ColorChoice::Never => false,
        ColorChoice::Always => true,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var("TERM").map_or(true, |t| t != "dumb")
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
