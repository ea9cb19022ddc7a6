//! `rubric build` and `rubric draft`: rubric sources drafted from banks, reviewed by people,
//! and compiled into the rubric files every other command reads.

use super::args::{BuildArgs, DraftArgs};
use super::Outcome;
use anyhow::{bail, Context, Result};
use rubric::compile::{self, BankBuild};
use rubric::lexicon::Lexicon;
use rubric::report::count;
use rubric::rubric::{facets, source};
use std::path::{Path, PathBuf};

/// A compiled rubric file and what was said about it.
struct Built {
    path: PathBuf,
    json: String,
    bank: BankBuild,
}

/// Builds every bank given; each is independent of the others (one that cannot be read, or
/// whose set id is taken, is reported and the rest are built).
pub fn build(a: BuildArgs, replace_builtin: bool) -> Result<Outcome> {
    let default_bank = a.inputs.is_empty();
    let inputs = inputs_or_seeds(a.inputs)?;
    let sources = a.sources.clone().unwrap_or_else(|| a.out.clone());
    let mut built = Vec::new();
    let mut unreadable = false;
    let builtin = rubric::catalog::Catalog::builtin_sets();
    for input in &inputs {
        match crate_bank(input) {
            Ok(bank)
                if builtin.contains(&bank.set) && !is_builtin_page(input) && !replace_builtin =>
            {
                note!(
                    "{}: set `{}` is a built-in set: its rubric would replace the built-in questions; rename the file (the set id is its name), or pass --replace-builtin",
                    input.display(),
                    bank.set
                );
                unreadable = true;
            }
            Ok(bank) => {
                let b = compile::build_bank(
                    &bank,
                    input,
                    Some(&sources),
                    Lexicon::embedded(),
                    facets::embedded(),
                );
                built.push(Built {
                    path: a.out.join(format!("{}.json", bank.set)),
                    json: rubric::rubric::to_json(&b.file),
                    bank: b,
                });
            }
            Err(e) => {
                note!("{e}");
                unreadable = true;
            }
        }
    }
    let mut failed = false;
    for b in &built {
        for p in &b.bank.problems {
            note!("{p}");
            failed = true;
        }
        for l in &b.bank.lints {
            note!("note: {l}");
        }
        notes(b, &sources);
    }
    // The built-in bank also gives the vocabulary the grader tells buzzwords by.
    let vocabulary = default_bank.then(|| {
        let qs: Vec<&rubric::rubric::Question> =
            built.iter().flat_map(|b| &b.bank.file.questions).collect();
        Built {
            path: a.out.join("vocabulary.txt"),
            json: rubric::grade::vocabulary::render(&qs),
            bank: BankBuild::default(),
        }
    });
    built.extend(vocabulary);
    let stale: Vec<&Built> = built
        .iter()
        .filter(|b| std::fs::read(&b.path).ok().as_deref() != Some(b.json.as_bytes()))
        .collect();
    if a.check {
        for b in &stale {
            let why = if b.path.exists() {
                "is stale"
            } else {
                "is missing"
            };
            note!(
                "{} {why}: run `rubric build` and commit the result",
                b.path.display()
            );
        }
        if stale.is_empty() && !failed && !unreadable {
            let rubric_files = built.len() - usize::from(default_bank);
            let also = if default_bank {
                " (and the vocabulary)"
            } else {
                ""
            };
            note!(
                "{} fresh{also}",
                count(rubric_files, "rubric file is", "rubric files are")
            );
        }
    } else {
        write(&a.out, &built, &stale)?;
    }
    Ok(if unreadable {
        Outcome::Errors
    } else if failed || (a.check && !stale.is_empty()) {
        Outcome::Findings
    } else {
        Outcome::Pass
    })
}

fn write(out: &Path, built: &[Built], stale: &[&Built]) -> Result<()> {
    // Nothing built (every bank unreadable): leave no empty output directory behind.
    if built.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    for b in built {
        let n = b.bank.file.questions.len();
        if stale.iter().any(|s| s.path == b.path) {
            rubric::atomic::write(&b.path, b.json.as_bytes())
                .with_context(|| format!("writing {}", b.path.display()))?;
            note!(
                "wrote {} ({})",
                b.path.display(),
                count(n, "question", "questions")
            );
        } else {
            note!(
                "{} is up to date ({})",
                b.path.display(),
                count(n, "question", "questions")
            );
        }
    }
    Ok(())
}

/// What a person may want to know about a bank: drafted questions, unreviewed sources.
fn notes(b: &Built, sources: &Path) {
    let set = &b.bank.file.set;
    let drafted = &b.bank.drafted;
    if !drafted.is_empty() && sources.join(set).is_dir() {
        note!(
            "note: {} no source in {}, drafted automatically: {}",
            count(drafted.len(), "question has", "questions have"),
            sources.join(set).display(),
            drafted.join(", ")
        );
    }
    if !b.bank.unreviewed.is_empty() {
        note!(
            "note: {} not marked `reviewed = true` yet in {}",
            count(b.bank.unreviewed.len(), "source is", "sources are"),
            sources.join(set).display()
        );
    }
}

pub fn draft(a: DraftArgs) -> Result<Outcome> {
    let inputs = inputs_or_seeds(a.inputs)?;
    let mut status = Outcome::Pass;
    for input in &inputs {
        let bank = match crate_bank(input) {
            Ok(b) => b,
            Err(e) => {
                note!("{e}");
                status = Outcome::Errors;
                continue;
            }
        };
        let drafts = rubric::draft::draft_bank(&bank, Lexicon::embedded());
        let (mut wrote, mut kept) = (0, 0);
        for (q, src) in bank.questions.iter().zip(&drafts) {
            let id =
                q.id.clone()
                    .unwrap_or_else(|| rubric::seed::question_id(&bank.set, q.number));
            let path = compile::source_path(&a.out, &bank.set, &id);
            if path.exists() || path.is_symlink() {
                kept += 1;
                continue;
            }
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
            rubric::atomic::write(&path, source::to_toml(&id, src).as_bytes())
                .with_context(|| format!("writing {}", path.display()))?;
            wrote += 1;
        }
        note!(
            "{}: wrote {}, kept {} already there, in {}",
            input.display(),
            count(wrote, "draft", "drafts"),
            count(kept, "source", "sources"),
            a.out.join(&bank.set).display()
        );
    }
    Ok(status)
}

/// The interview-prep page a built-in set is built from: `seeds/<set>.txt`.
fn is_builtin_page(input: &Path) -> bool {
    input.extension().is_some_and(|e| e == "txt")
        && input
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|d| d == "seeds")
}

fn crate_bank(input: &Path) -> Result<rubric::seed::Bank, rubric::seed::SeedError> {
    rubric::seed::read_bank(input)
}

fn inputs_or_seeds(inputs: Vec<PathBuf>) -> Result<Vec<PathBuf>> {
    if !inputs.is_empty() {
        return Ok(inputs);
    }
    let dir = PathBuf::from("seeds");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| "no bank files given, and no seeds/ directory here to read them from")?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    if v.is_empty() {
        bail!("no bank files given, and seeds/ has no *.txt pages");
    }
    Ok(v)
}
