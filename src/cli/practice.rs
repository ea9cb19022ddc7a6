//! `rubric practice`: pick a question, take the answer in the candidate's editor (or from the
//! terminal), grade it, show the report, and record the attempt. An empty answer records
//! nothing; an answer that cannot be graded or saved is kept in a file whose path is printed.

use super::args::{Global, KindArg, PracticeArgs};
use super::history::{keep_draft, location, now, save};
use super::{Outcome, Settings};
use anyhow::{anyhow, bail, Context, Result};
use rubric::grade::{self, Compiled, Scratch};
use rubric::history::{Attempt, History};
use rubric::lexicon::Lexicon;
use rubric::progress::{self, Reason};
use rubric::report::{self, practice::answer_of};
use rubric::rubric::{Kind, Question};
use rubric::text::Stemmer;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

pub fn run(g: &Global, a: PracticeArgs) -> Result<Outcome> {
    let s = Settings::resolve(g)?;
    let at = now()?;
    let path = location(a.history.file.as_deref())?;
    // Opened first, so that a history that cannot be used stops the run before any writing.
    let mut store = History::open(&path)?;
    let attempts = store.attempts()?;
    let (q, why) = choose(&s, &a, &attempts)?;

    let mut out = super::stdout();
    report::practice::question(&mut out, q, &why, a.guidance, s.style)?;
    out.flush()?;

    let editor = editor().filter(|_| !a.no_editor);
    let (answer, draft) = match &editor {
        Some(editor) => {
            let path = edit(editor, q, a.guidance)?;
            match answer_of(
                &std::fs::read_to_string(&path)
                    .with_context(|| format!("reading your answer back from {}", path.display()))?,
            ) {
                Some(text) => (text, Draft::File(path)),
                None => {
                    let _ = std::fs::remove_file(&path);
                    return nothing_recorded(&mut out);
                }
            }
        }
        None => match from_terminal(q)? {
            Some(text) => (text, Draft::Memory),
            None => return nothing_recorded(&mut out),
        },
    };

    let mut scratch = Scratch::new();
    let compiled = Compiled::new_in(q, Lexicon::embedded(), &Stemmer::english(), &mut scratch);
    let graded = match grade::grade(q, &compiled, &answer, &mut scratch) {
        Ok(g) => g,
        Err(e) => bail!("{e}; nothing was recorded{}", draft.keep(&q.id, &answer)),
    };
    writeln!(out)?;
    report::grade::text(&mut out, &graded, s.style)?;
    writeln!(out)?;
    out.flush()?;

    let attempt = Attempt::new(q, &graded, &answer, at, "practice");
    let mine = match save(&mut store, &attempt) {
        Ok(p) => p,
        Err(e) => bail!(
            "{e:#}; the attempt was not recorded{}",
            draft.keep(&q.id, &answer)
        ),
    };
    report::progress::recorded(&mut out, &mine, &path.display().to_string(), s.style)?;
    report::practice::next_steps(&mut out, q, s.style)?;
    out.flush()?;
    draft.discard();
    Ok(match a.min_score {
        Some(min) if graded.score < min => Outcome::Findings,
        _ => Outcome::Pass,
    })
}

/// Where the answer being graded lives until it is recorded.
enum Draft {
    /// The file the editor wrote: removed once the attempt is recorded, kept otherwise.
    File(PathBuf),
    /// Typed or piped in: written to a file only if it cannot be recorded.
    Memory,
}

impl Draft {
    /// Keeps the draft and says where, as a clause for an error message.
    fn keep(&self, question: &str, text: &str) -> String {
        let kept = match self {
            Draft::File(path) => Some(path.clone()),
            Draft::Memory => keep_draft(question, text),
        };
        match kept {
            Some(path) => format!("; your answer is kept in {}", path.display()),
            None => String::new(),
        }
    }

    fn discard(self) {
        if let Draft::File(path) = self {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn nothing_recorded(out: &mut impl Write) -> Result<Outcome> {
    writeln!(out, "The answer is empty: nothing was recorded.")?;
    out.flush()?;
    Ok(Outcome::Pass)
}

/// The question to practice and why: the one named, one drawn at random, or the next by the
/// rule in [`progress::next`].
fn choose<'s>(
    s: &'s Settings,
    a: &PracticeArgs,
    attempts: &[Attempt],
) -> Result<(&'s Question, Reason)> {
    if let Some(query) = &a.question {
        return Ok((s.catalog.resolve(query)?, Reason::Named));
    }
    let mut candidates = s.catalog.questions()?;
    if let Some(set) = &a.set {
        let set = set.to_ascii_lowercase();
        if !s.catalog.sets().contains(&set.as_str()) {
            bail!("unknown set `{set}`; sets: {}", s.catalog.sets().join(", "));
        }
        candidates.retain(|q| q.set == set);
    }
    if let Some(kind) = a.kind {
        let kind = match kind {
            KindArg::Behavioral => Kind::Behavioral,
            KindArg::Motivational => Kind::Motivational,
            KindArg::Technical => Kind::Technical,
        };
        candidates.retain(|q| q.kind == kind);
    }
    if candidates.is_empty() {
        bail!("no question is of that set and kind; `rubric list` shows them all");
    }
    if a.random {
        let seed = match a.seed {
            Some(seed) => seed,
            None => {
                let seed = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos() as u64);
                // Printed so that the same pick can be made again.
                note!("drawing at random with --seed {seed}");
                seed
            }
        };
        let q = progress::random(&candidates, seed).expect("candidates is not empty");
        return Ok((q, Reason::Random));
    }
    progress::next(&candidates, attempts).ok_or_else(|| anyhow!("no question to practice"))
}

/// The editor to open: `VISUAL` (unless the terminal is `dumb`), else `EDITOR`.
fn editor() -> Option<String> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    var("VISUAL").filter(|_| !dumb).or_else(|| var("EDITOR"))
}

/// Opens `editor` on a new file holding the question as a comment header and waits for it.
/// Returns the file; it stays on disk until the attempt is recorded, so nothing written in
/// it is lost if anything after this fails.
fn edit(editor: &str, q: &Question, guidance: bool) -> Result<PathBuf> {
    let file = tempfile::Builder::new()
        .prefix(&format!("rubric-{}-", q.id))
        .suffix(".md")
        .tempfile()
        .context("creating a file for your answer")?;
    std::fs::write(file.path(), report::practice::template(q, guidance))
        .with_context(|| format!("writing {}", file.path().display()))?;
    let (_, path) = file
        .keep()
        .map_err(|e| anyhow!("keeping {}: {}", e.file.path().display(), e.error))?;
    if std::io::stderr().is_terminal() {
        let mut err = std::io::stderr();
        let _ = writeln!(err, "Waiting for your editor to close the file...");
    }
    let status = run_editor(editor, &path)
        .with_context(|| format!("starting the editor `{editor}` (from VISUAL or EDITOR)"))?;
    if !status.success() {
        let kept = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| answer_of(&t))
            .is_some();
        let what = if kept {
            format!("; your answer is kept in {}", path.display())
        } else {
            let _ = std::fs::remove_file(&path);
            String::new()
        };
        bail!("the editor `{editor}` failed ({status}); nothing was recorded{what}");
    }
    Ok(path)
}

/// Runs the editor command through the shell, as git does, so that `code --wait` or
/// `vim -u NONE` work; the file is passed as an argument, never pasted into the command.
fn run_editor(editor: &str, file: &Path) -> std::io::Result<std::process::ExitStatus> {
    #[cfg(unix)]
    {
        std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("{editor} \"$@\""))
            .arg(editor)
            .arg(file)
            .status()
    }
    #[cfg(not(unix))]
    {
        let mut words = editor.split_whitespace();
        let program = words.next().unwrap_or(editor);
        std::process::Command::new(program)
            .args(words)
            .arg(file)
            .status()
    }
}

/// The answer typed (or piped) on standard input, up to end of file; `None` when empty.
fn from_terminal(q: &Question) -> Result<Option<String>> {
    if std::io::stdin().is_terminal() {
        let mut err = std::io::stderr();
        let _ = writeln!(
            err,
            "\nType or paste your answer to {}, then press Ctrl-D on a new line to grade it (Ctrl-C stops; nothing is recorded). Set VISUAL or EDITOR to answer in your editor.\n",
            q.id
        );
    }
    let text = rubric::input::read_limited(std::io::stdin().lock(), &rubric::input::Origin::Stdin)?;
    Ok((!text.trim().is_empty()).then_some(text))
}
