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
    let mut out = std::io::stdout().lock();
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
    let from_stdin = a
        .file
        .as_deref()
        .is_none_or(|p| p == std::path::Path::new("-"));
    if from_stdin && std::io::stdin().is_terminal() {
        eprintln!("rubric: reading the answer to {} from the terminal; paste it, then press Ctrl-D (or pass a file)", q.id);
    }
    let (origin, answer) = rubric::input::read_answer(a.file.as_deref())?;
    let compiled = Compiled::new(q, Lexicon::embedded(), &Stemmer::english());
    let g = grade::grade(q, &compiled, &answer, &mut Scratch::new())
        .map_err(|e| anyhow::anyhow!("{origin}: {e}; write an answer to grade"))?;
    let mut out = std::io::stdout().lock();
    match a.format {
        Format::Text => report::grade::text(&mut out, &g, s.style)?,
        Format::Json => report::grade::json(&mut out, &g)?,
    }
    out.flush()?;
    Ok(match a.min_score {
        Some(min) if g.score < min => Outcome::Findings,
        _ => Outcome::Pass,
    })
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
    let mut out = std::io::stdout().lock();
    match a.format {
        Format::Text => report::eval::text(&mut out, &r, s.style)?,
        Format::Json => report::eval::json(&mut out, &r)?,
    }
    out.flush()?;
    Ok(Outcome::Pass)
}
