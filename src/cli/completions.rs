//! Shell completions and man pages, generated from the clap definitions so they cannot drift.

use super::args::{Cli, CompletionsArgs, ManArgs};
use super::help;
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
            out.write_all(&page(cmd, "rubric")?)?;
            out.flush()?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            let mut pages = vec![("rubric.1".to_string(), "rubric".to_string(), cmd.clone())];
            for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
                let name = format!("rubric-{}", sub.get_name());
                pages.push((
                    format!("{name}.1"),
                    sub.get_name().to_string(),
                    sub.clone().display_name(name),
                ));
            }
            for (file, command, c) in pages {
                let path = dir.join(&file);
                rubric::atomic::write(&path, &page(c, &command)?)
                    .with_context(|| format!("writing {}", path.display()))?;
                note!("wrote {}", path.display());
            }
        }
    }
    Ok(Outcome::Pass)
}

/// One man page: clap_mangen's sections, then the command's notes, EXAMPLES, ENVIRONMENT and
/// EXIT STATUS from [`help`], rather than clap_mangen's generic EXTRA section.
fn page(cmd: clap::Command, command: &str) -> Result<Vec<u8>> {
    let doc = help::page(command);
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    for paragraph in doc.notes.split("\n\n").filter(|p| !p.is_empty()) {
        // Keep the notes' own line breaks: they are lists.
        writeln!(buf, ".PP\n.nf\n{}\n.fi", roff(paragraph))?;
    }
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut buf)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut buf)?;
    }
    writeln!(buf, ".SH EXAMPLES")?;
    for (line, what) in doc.examples {
        writeln!(buf, ".TP\n\\fB{}\\fR\n{}", roff(line), roff(what))?;
    }
    writeln!(buf, ".SH ENVIRONMENT")?;
    if doc.environment.is_empty() {
        writeln!(
            buf,
            "No environment variable changes what this command does."
        )?;
    }
    for var in doc.environment {
        let what = help::ENVIRONMENT
            .iter()
            .find(|(v, _)| v == var)
            .map_or("", |(_, w)| w);
        writeln!(buf, ".TP\n\\fB{var}\\fR\n{}", roff(what))?;
    }
    writeln!(buf, ".SH \"EXIT STATUS\"")?;
    for (code, meaning) in doc.exit {
        writeln!(buf, ".TP\n{code}\n{}", roff(meaning))?;
    }
    if cmd.get_version().is_some() {
        man.render_version_section(&mut buf)?;
    }
    Ok(buf)
}

/// Text escaped for roff: backslashes and hyphens, and a line starting with `.` or `'` (which
/// roff would read as a request) guarded with `\&`.
fn roff(text: &str) -> String {
    text.lines()
        .map(|l| {
            let l = l.replace('\\', "\\e").replace('-', "\\-");
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
