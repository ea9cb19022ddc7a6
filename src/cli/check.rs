//! `rubric check PATH...`: walks files and directories, grades every answer in them, prints one
//! report, and decides the exit code at the end. A file that cannot be read or matched becomes
//! an error record and the run goes on.

use super::args::{CheckArgs, CheckFormat, Global};
use super::config::{catalog_for, print_config, Configs};
use super::same_file::{self, FileId};
use super::{use_color, Outcome};
use anyhow::{bail, Context, Result};
use ignore::WalkBuilder;
use rubric::answers::{self, Record, Report, Status};
use rubric::catalog::Catalog;
use rubric::config::{Effective, Filter, Overrides};
use rubric::grade::Grader;
use rubric::input::{InputError, Origin};
use rubric::report::check::TextOptions;
use rubric::report::{self, Style};
use std::collections::{HashMap, HashSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

pub fn run(g: &Global, a: CheckArgs) -> Result<Outcome> {
    let mut configs = Configs::new(
        g,
        Overrides {
            min_score: a.min_score,
        },
    )?;
    if a.dump_config {
        return print_config(g, &*configs.for_cwd()?);
    }
    let paths = if a.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        a.paths.clone()
    };
    if a.question.is_some() && !paths.iter().any(|p| p == Path::new("-")) {
        bail!("--question names the question answered on standard input; add `-` to the paths (`rubric check --question sre-13 - < draft.md`)");
    }
    let mut run = Run {
        g,
        configs,
        contexts: HashMap::new(),
        seen: HashSet::new(),
        read: HashSet::new(),
        records: Vec::new(),
        no_question: Vec::new(),
        strict: a.strict,
    };
    for p in &paths {
        if p == Path::new("-") {
            run.stdin(a.question.as_deref())?;
        } else if p.is_dir() {
            run.walk(p)?;
        } else {
            run.named_file(p, a.force_exclude)?;
        }
    }
    let report = Report {
        records: run.records,
        no_question: run.no_question,
    };
    let records = &report.records;
    // `-o /dev/stdout` (or `-o -`) is standard output, not a file to put a report in.
    let output = a.output.as_deref().filter(|f| {
        *f != Path::new("-")
            && (same_file::of_path(f).is_none() || same_file::of_path(f) != same_file::of_stdout())
    });
    if let Some(file) = output {
        // A report must never land on an answer this run reads: the answer would be lost.
        if same_file::of_path(file).is_some_and(|id| run.read.contains(&id)) {
            bail!(
                "refusing to write the report to {}: it is one of the answers being checked, and would be replaced; choose another --output file",
                file.display()
            );
        }
    }

    let style = Style {
        color: use_color(g.color),
    };
    let mut out = super::stdout();
    let plain = TextOptions {
        style: Style::plain(),
        quiet: a.quiet,
    };
    match output {
        Some(file) => {
            let mut buf = Vec::new();
            render(&mut buf, a.format, &report, plain)?;
            rubric::atomic::write(file, &buf)
                .with_context(|| format!("writing the report to {}", file.display()))?;
            // The report is in the file; the terminal gets the total, and what went wrong.
            errors_to_stderr(records);
            report::check::total(&mut out, &report, style)?;
        }
        None if a.format == CheckFormat::Text => report::check::text(
            &mut out,
            &report,
            TextOptions {
                style,
                quiet: a.quiet,
            },
        )?,
        None => {
            render(&mut out, a.format, &report, plain)?;
            // The report on standard output is for a program; say what went wrong to the person too.
            errors_to_stderr(records);
        }
    }
    out.flush()?;

    // Errors outrank failures, failures outrank passes; --no-fail lets failures pass.
    Ok(records.iter().fold(Outcome::Pass, |o, r| {
        o.merge(match r.status {
            Status::Error => Outcome::Errors,
            Status::Fail if !a.no_fail => Outcome::Findings,
            _ => Outcome::Pass,
        })
    }))
}

fn render(
    w: &mut impl Write,
    format: CheckFormat,
    report: &Report,
    text: TextOptions,
) -> std::io::Result<()> {
    match format {
        CheckFormat::Text => report::check::text(w, report, text),
        CheckFormat::Json => report::check::json(w, report),
        CheckFormat::Junit => report::check::junit(w, report),
        CheckFormat::Github => report::check::github(w, report),
        CheckFormat::Markdown => report::check::markdown(w, report),
        CheckFormat::Html => report::html::check(w, report),
    }
}

/// One `rubric: path:line: message` line on standard error per answer or file in error.
fn errors_to_stderr(records: &[Record]) {
    for r in records.iter().filter(|r| r.status == Status::Error) {
        note!(
            "{}:{}: {}",
            r.path,
            r.line,
            r.message.as_deref().unwrap_or_default()
        );
    }
}

/// What one configuration needs to check files: its rubrics, filter and a warm grader.
struct Ctx {
    config: Rc<Effective>,
    catalog: Catalog,
    filter: Filter,
    grader: Grader,
}

struct Run<'g> {
    g: &'g Global,
    configs: Configs,
    /// By config file (None: defaults).
    contexts: HashMap<Option<PathBuf>, Ctx>,
    /// Files already checked, so overlapping arguments check each once.
    seen: HashSet<PathBuf>,
    /// Every file read, standard input included, so the report never replaces one.
    read: HashSet<FileId>,
    records: Vec<Record>,
    /// Files a walk passed over because they name no question.
    no_question: Vec<String>,
    /// `--strict`: such files are errors.
    strict: bool,
}

impl Run<'_> {
    /// Standard input as one file; `question` (`--question`) names the question it answers.
    fn stdin(&mut self, question: Option<&str>) -> Result<()> {
        let config = self.configs.for_cwd()?;
        let ctx = context(&mut self.contexts, self.g, config)?;
        let question = match question {
            Some(q) => Some(
                ctx.catalog
                    .resolve(q)
                    .with_context(|| "--question")?
                    .id
                    .clone(),
            ),
            None => None,
        };
        if std::io::stdin().is_terminal() {
            if let Some(id) = &question {
                note!("reading the answer to {id} from the terminal; paste it, then press Ctrl-D");
            } else {
                note!("reading an answer from the terminal; paste it (starting with its question or `## <id>`), then press Ctrl-D");
            }
        }
        let shown = Origin::Stdin.to_string();
        let read = rubric::input::read_answer(None);
        if !is_a_report(&read) {
            self.read.extend(same_file::of_stdin());
        }
        match read {
            Ok((_, text)) if report::check::is_report(&text) => {}
            Ok((_, text)) => {
                let file = match &question {
                    Some(id) => answers::parse_as(id, &text, &ctx.catalog),
                    None => answers::parse(None, &text, &ctx.catalog),
                };
                grade(&mut self.records, &shown, &file, ctx);
            }
            Err(e) => self.records.push(input_error(&shown, &shown, &e)),
        }
        Ok(())
    }

    /// A file named on the command line: checked whatever its name, unless `--force-exclude`
    /// and the config excludes it (pre-commit passes every changed file).
    fn named_file(&mut self, path: &Path, force_exclude: bool) -> Result<()> {
        let config = self.configs.for_path(path, false)?;
        let abs = self.configs.absolute(path);
        let ctx = context(&mut self.contexts, self.g, config)?;
        if force_exclude && ctx.filter.excludes(&abs, false, &ctx.config.root.clone()) {
            return Ok(());
        }
        self.file(path, abs, false)
    }

    /// Every included file under `root`, in name order; walk errors (unreadable folders,
    /// symlink loops) are reported and the walk goes on.
    fn walk(&mut self, root: &Path) -> Result<()> {
        let top = self.configs.absolute(root);
        let root_filter = {
            let config = self.configs.for_path(root, true)?;
            context(&mut self.contexts, self.g, config)?.filter.clone()
        };
        let (walk_root, walk_top) = (root.to_path_buf(), top.clone());
        let walker = WalkBuilder::new(root)
            .follow_links(true)
            .sort_by_file_name(|a, b| a.cmp(b))
            // Skip excluded folders without reading them (`drafts/`), except the one named.
            .filter_entry(move |e| {
                let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                let abs = walk_top.join(e.path().strip_prefix(&walk_root).unwrap_or(e.path()));
                e.depth() == 0 || !is_dir || !root_filter.excludes(&abs, true, &walk_top)
            })
            .build();
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    // A dangling symlink is only a problem when it is named like an answer.
                    if let Some(p) = error_path(&e).filter(|p| is_dangling(p)) {
                        let abs = self.configs.absolute(&p);
                        let config = self.configs.for_path(&p, false)?;
                        let ctx = context(&mut self.contexts, self.g, config)?;
                        if !ctx.filter.includes(&abs) || ctx.filter.excludes(&abs, false, &top) {
                            continue;
                        }
                    }
                    let path = error_path(&e).map_or_else(|| shown(root), |p| shown(&p));
                    self.records.push(Record::error(path, 1, walk_message(&e)));
                    continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.path();
            let abs = self.configs.absolute(path);
            let config = self.configs.for_path(path, false)?;
            let ctx = context(&mut self.contexts, self.g, config)?;
            if ctx.filter.includes(&abs) && !ctx.filter.excludes(&abs, false, &top) {
                self.file(path, abs, true)?;
            }
        }
        Ok(())
    }

    /// Checks one file; `walked` when a directory walk found it (rather than the user naming it).
    fn file(&mut self, path: &Path, abs: PathBuf, walked: bool) -> Result<()> {
        // The same file reached again through a symlink is one file, graded once.
        let real = std::fs::canonicalize(path).unwrap_or(abs);
        if !self.seen.insert(real) {
            return Ok(());
        }
        let config = self.configs.for_path(path, false)?;
        let ctx = context(&mut self.contexts, self.g, config)?;
        let shown = shown(path);
        let read = rubric::input::read_answer(Some(path));
        if !is_a_report(&read) {
            self.read.extend(same_file::of_path(path));
        }
        match read {
            // A report this tool wrote (`check -o summary.md .`) is not an answer.
            Ok((_, text)) if report::check::is_report(&text) => {}
            Ok((_, text)) => {
                let name = path.file_name().and_then(|n| n.to_str());
                let file = answers::parse(name, &text, &ctx.catalog);
                // A README or LICENSE beside the answers is not an answer: a walk passes over
                // it (and counts it), unless --strict. A file the user names must be one.
                if file.names_no_question && walked && !self.strict {
                    self.no_question.push(shown);
                } else {
                    grade(&mut self.records, &shown, &file, ctx);
                }
            }
            Err(e) => self
                .records
                .push(input_error(&shown, &path.display().to_string(), &e)),
        }
        Ok(())
    }
}

/// True when what was read is a report this tool wrote: the one file `-o` may replace. Anything
/// else, even a file that could not be read as text, may be an answer the user wrote.
fn is_a_report(read: &Result<(Origin, String), InputError>) -> bool {
    matches!(read, Ok((_, text)) if report::check::is_report(text))
}

/// The context for a configuration, made on first use.
fn context<'c>(
    contexts: &'c mut HashMap<Option<PathBuf>, Ctx>,
    g: &Global,
    config: Rc<Effective>,
) -> Result<&'c mut Ctx> {
    let key = config.source.clone();
    if !contexts.contains_key(&key) {
        let catalog = catalog_for(g, &config)?;
        let filter = config.filter()?;
        contexts.insert(
            key.clone(),
            Ctx {
                config,
                catalog,
                filter,
                grader: Grader::new(),
            },
        );
    }
    Ok(contexts.get_mut(&key).expect("inserted above"))
}

fn grade(records: &mut Vec<Record>, shown: &str, file: &answers::AnswerFile, ctx: &mut Ctx) {
    records.extend(answers::grade(
        shown,
        file,
        &ctx.catalog,
        &mut ctx.grader,
        &ctx.config,
    ));
}

/// An unreadable, binary, oversized or non-UTF-8 file, as a record. The message drops the
/// `origin:` (and `line:`) prefix the error carries, since the record shows both.
fn input_error(shown: &str, origin: &str, e: &InputError) -> Record {
    let line = match e {
        InputError::NotUtf8 { line, .. } => *line,
        _ => 1,
    };
    let full = e.to_string();
    let rest = full.strip_prefix(&format!("{origin}:")).unwrap_or(&full);
    let rest = rest.strip_prefix(&format!("{line}:")).unwrap_or(rest);
    Record::error(shown, line, rest.trim())
}

/// A path as the user would type it: `./answers/x.md` becomes `answers/x.md`.
fn shown(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

/// True for a symlink whose target does not exist.
fn is_dangling(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        && std::fs::metadata(path).is_err()
}

/// The path an `ignore` walk error is about, if it names one.
fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

/// A walk error's message without the path the record already shows.
fn walk_message(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { err, .. } => walk_message(err),
        ignore::Error::WithDepth { err, .. } => walk_message(err),
        ignore::Error::Loop { ancestor, .. } => format!(
            "a symbolic link loop: this points back to {}",
            shown(ancestor)
        ),
        other => other.to_string(),
    }
}
