//! Shell completions and man pages, generated from the clap definitions so they cannot drift.

use super::args::{Cli, CompletionsArgs, ManArgs, EXIT_CODES};
use super::Outcome;
use anyhow::{Context, Result};
use clap::CommandFactory;
use std::io::Write;

pub fn completions(a: CompletionsArgs) -> Result<Outcome> {
    let mut cmd = Cli::command();
    // clap_complete panics when its writer fails (`> /dev/full`, a closed pipe), so the script
    // is made in memory and written here, where a failure is an error like any other.
    let mut script = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "rubric", &mut script);
    let mut out = super::stdout();
    out.write_all(&script)?;
    out.flush()?;
    Ok(Outcome::Pass)
}

pub fn man(a: ManArgs) -> Result<Outcome> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    match &a.out {
        None => {
            let mut out = super::stdout();
            out.write_all(&page(cmd)?)?;
            out.flush()?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            let mut pages = vec![("rubric.1".to_string(), cmd.clone())];
            for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
                let name = format!("rubric-{}", sub.get_name());
                pages.push((format!("{name}.1"), sub.clone().display_name(name)));
            }
            for (file, c) in pages {
                let path = dir.join(&file);
                rubric::atomic::write(&path, &page(c)?)
                    .with_context(|| format!("writing {}", path.display()))?;
                note!("wrote {}", path.display());
            }
        }
    }
    Ok(Outcome::Pass)
}

/// One man page: clap_mangen's sections, with the exit codes under EXIT STATUS rather than
/// clap_mangen's generic EXTRA heading.
fn page(cmd: clap::Command) -> Result<Vec<u8>> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut buf)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut buf)?;
    }
    writeln!(buf, ".SH \"EXIT STATUS\"")?;
    for line in EXIT_CODES.lines().skip(1) {
        let (code, meaning) = line.trim().split_once(' ').unwrap_or((line.trim(), ""));
        writeln!(
            buf,
            ".TP\n{code}\n{}",
            meaning.trim().replace('\\', "\\\\").replace('-', "\\-")
        )?;
    }
    if cmd.get_version().is_some() {
        man.render_version_section(&mut buf)?;
    }
    Ok(buf)
}
