//! One function per command.

use super::args::{Cli, Command, EvalArgs, Format, GradeArgs, ListArgs, ShowArgs};
use super::{Outcome, Settings};
use anyhow::{bail, Context, Result};
use rubric::grade::{self, Compiled, Scratch};
use rubric::lexicon::Lexicon;
use rubric::report;
use rubric::text::Stemmer;
use std::io::{IsTerminal, Write};

pub fn run(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Build(a) => super::build::build(a, cli.global.replace_builtin),
        Command::Draft(a) => super::build::draft(a),
        Command::List(a) => list(&Settings::resolve(&cli.global)?, a),
        Command::Show(a) => show(&Settings::resolve(&cli.global)?, a),
        Command::Grade(a) => grade_one(&Settings::resolve(&cli.global)?, a),
        Command::Eval(a) => eval(&Settings::resolve(&cli.global)?, a),
        Command::Check(a) => super::check::run(&cli.global, a),
        Command::Batch(a) => super::batch::run(&cli.global, a),
        Command::Config(a) => super::config::show(&cli.global, a),
        Command::Practice(a) => super::practice::run(&cli.global, a),
        Command::Progress(a) => super::progress::run(&cli.global, a),
        Command::Report(a) => super::report::run(&cli.global, a),
        Command::History(c) => super::history::run(c),
        Command::Completions(a) => super::completions::completions(a),
        Command::Man(a) => super::completions::man(a),
    }
}

fn list(s: &Settings, a: ListArgs) -> Result<Outcome> {
    let mut qs = s.catalog.questions()?;
    if let Some(set) = &a.set {
        let set = set.to_ascii_lowercase();
        if !s.catalog.sets().contains(&set.as_str()) {
            bail!("unknown set `{set}`; sets: {}", s.catalog.sets().join(", "));
        }
        qs.retain(|q| q.set == set);
    }
    let mut out = super::stdout();
    match a.format {
        Format::Text => report::browse::list_text(&mut out, &qs, s.style)?,
        Format::Json => report::browse::list_json(&mut out, &qs)?,
    }
    out.flush()?;
    Ok(Outcome::Pass)
}

fn show(s: &Settings, a: ShowArgs) -> Result<Outcome> {
    let q = s.catalog.resolve(&a.question)?;
    let mut out = std::io::stdout().lock();
    match a.format {
        Format::Text => report::browse::show_text(&mut out, q, s.style)?,
        Format::Json => report::browse::show_json(&mut out, q)?,
    }
    out.flush()?;
    Ok(Outcome::Pass)
}

fn grade_one(s: &Settings, a: GradeArgs) -> Result<Outcome> {
    let q = s.catalog.resolve(&a.question)?;
    // With --save, a history that cannot be used stops the run before the answer is read.
    let mut store = match a.save {
        true => {
            let path = super::history::location(a.history.file.as_deref())?;
            Some((
                super::history::now()?,
                rubric::history::History::open(&path)?,
            ))
        }
        false => None,
    };
    let from_stdin = a
        .file
        .as_deref()
        .is_none_or(|p| p == std::path::Path::new("-"));
    if from_stdin && std::io::stdin().is_terminal() {
        note!("reading the answer to {} from the terminal; paste it, then press Ctrl-D (or pass a file)", q.id);
    }
    let (origin, answer) = rubric::input::read_answer(a.file.as_deref())?;
    let mut scratch = Scratch::new();
    let compiled = Compiled::new_in(q, Lexicon::embedded(), &Stemmer::english(), &mut scratch);
    let g = grade::grade(q, &compiled, &answer, &mut scratch)
        .map_err(|e| anyhow::anyhow!("{origin}: {e}; write an answer to grade"))?;
    // The process ends after this answer: freeing the rubric's tables word by word would only
    // cost time.
    std::mem::forget((scratch, compiled));
    let mut out = super::stdout();
    match a.format {
        Format::Text => report::grade::text(&mut out, &g, s.style)?,
        Format::Json => report::grade::json(&mut out, &g)?,
    }
    out.flush()?;
    if let Some((at, store)) = &mut store {
        save_grade(store, q, &g, &answer, *at, from_stdin, s.style)?;
    }
    Ok(match a.min_score {
        Some(min) if g.score < min => Outcome::Findings,
        _ => Outcome::Pass,
    })
}

/// `grade --save`: records the attempt, and says so on standard error so that standard output
/// stays the report. An answer read from standard input that cannot be saved is kept in a file.
fn save_grade(
    store: &mut rubric::history::History,
    q: &rubric::rubric::Question,
    g: &grade::Grade,
    answer: &str,
    at: i64,
    from_stdin: bool,
    style: report::Style,
) -> Result<()> {
    let attempt = rubric::history::Attempt::new(q, g, answer, at, "grade");
    match super::history::save(store, &attempt) {
        Ok(p) => {
            let shown = store.path().display().to_string();
            report::progress::recorded(&mut std::io::stderr(), &p, &shown, style)?;
            Ok(())
        }
        Err(e) => {
            let kept = from_stdin
                .then(|| super::history::keep_draft(&q.id, answer))
                .flatten()
                .map(|p| format!("; your answer is kept in {}", p.display()))
                .unwrap_or_default();
            bail!("{e:#}; the attempt was not recorded{kept}")
        }
    }
}

fn eval(s: &Settings, a: EvalArgs) -> Result<Outcome> {
    use rubric::eval;
    let text = std::fs::read_to_string(&a.file)
        .with_context(|| format!("reading {}", a.file.display()))?;
    let fields = eval::Fields {
        id: a.id_field,
        question: a.question_field,
        reference: a.reference_field,
        answer: a.answer_field,
        score: a.score_field,
    };
    let rows = eval::read_rows(&a.file, &text, &fields)?;
    let r = eval::evaluate(&a.file, &rows, &s.catalog, a.worst, a.scale)?;
    let mut out = super::stdout();
    match a.format {
        Format::Text => report::eval::text(&mut out, &r, s.style)?,
        Format::Json => report::eval::json(&mut out, &r)?,
    }
    out.flush()?;
    Ok(Outcome::Pass)
}
