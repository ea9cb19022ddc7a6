//! Command-line arguments as typed, before any of them is resolved.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub const EXIT_CODES: &str = "\
Exit status:
  0  every graded answer met its threshold (or nothing was graded)
  1  at least one answer scored below its threshold, or `build --check` found stale rubrics
  2  usage, input, rubric or I/O error";

#[derive(Debug, Parser)]
#[command(
    name = "rubric",
    version,
    about = "Grade written systems, infrastructure and SRE interview answers offline.",
    long_about = "Grade written systems, infrastructure and SRE interview answers offline.\n\nEach question has a rubric: the points an interviewer listens for, with the words that show them. `rubric grade` scores an answer 0-100 and lists what it covers and what it misses.",
    after_help = EXIT_CODES,
    after_long_help = EXIT_CODES
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Also load rubric files (*.json) from DIR; a set there replaces a built-in set of the same name
    #[arg(long = "rubrics", value_name = "DIR", global = true, env = "RUBRIC_RUBRICS", value_delimiter = ':')]
    pub rubrics: Vec<PathBuf>,
    /// Use only the rubrics from --rubrics directories, not the built-in ones
    #[arg(long, global = true)]
    pub no_builtin: bool,
    /// When to color human output (never for JSON; NO_COLOR is honoured)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build rubrics from question pages (default: seeds/*.txt into rubrics/)
    #[command(after_help = EXIT_CODES)]
    Build(BuildArgs),
    /// List the questions
    List(ListArgs),
    /// Show a question's guidance, sample answer and rubric points
    Show(ShowArgs),
    /// Grade one answer, from FILE or standard input
    #[command(after_help = EXIT_CODES)]
    Grade(GradeArgs),
    /// Measure agreement with human scores on a JSON Lines file of graded answers
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// JSON Lines: one scored answer a line (default fields: qid, question, reference, answer, score_avg)
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Field with the question id; lines with the same id share a rubric
    #[arg(long, default_value = "qid", value_name = "NAME")]
    pub id_field: String,
    /// Field with the question text
    #[arg(long, default_value = "question", value_name = "NAME")]
    pub question_field: String,
    /// Field with the reference answer; without it the id must name a loaded question
    #[arg(long, default_value = "reference", value_name = "NAME")]
    pub reference_field: String,
    /// Field with the answer to grade
    #[arg(long, default_value = "answer", value_name = "NAME")]
    pub answer_field: String,
    /// Field with the human score
    #[arg(long, default_value = "score_avg", value_name = "NAME")]
    pub score_field: String,
    /// How many of the worst disagreements to list
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub worst: usize,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Question banks: interview-prep pages (.txt), JSON Lines (.jsonl) or Markdown (.md) [default: seeds/*.txt]
    #[arg(value_name = "SEED_FILES")]
    pub inputs: Vec<PathBuf>,
    /// Directory to write one <set>.json per bank into
    #[arg(long, short, value_name = "DIR", default_value = "rubrics")]
    pub out: PathBuf,
    /// Write nothing; exit 1 and name the files when the rubrics in --out are stale
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only questions of this set (sys, lead, staff, infra, sre, ...)
    #[arg(long, value_name = "SET")]
    pub set: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Question id (sre-13) or words of the question
    pub question: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct GradeArgs {
    /// Question id (sre-13, case-insensitive) or words of the question
    pub question: String,
    /// Answer file; standard input when absent or `-`
    pub file: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit 1 when the score is below N (0-100)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub min_score: Option<u32>,
}
