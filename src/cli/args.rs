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
    /// Also load rubric files (*.json) from DIR; a set named like a built-in one is an error unless --replace-builtin
    #[arg(
        long = "rubrics",
        value_name = "DIR",
        global = true,
        env = "RUBRIC_RUBRICS",
        value_delimiter = ':'
    )]
    pub rubrics: Vec<PathBuf>,
    /// Use only the rubrics from --rubrics directories, not the built-in ones
    #[arg(long, global = true)]
    pub no_builtin: bool,
    /// Let a set from --rubrics (or `build` of a bank) replace the built-in set of the same name
    #[arg(long, global = true)]
    pub replace_builtin: bool,
    /// When to color human output (never for JSON; NO_COLOR is honoured)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Use this config file instead of looking for rubric.toml or .rubric.toml upwards
    #[arg(long, global = true, value_name = "FILE", env = "RUBRIC_CONFIG")]
    pub config: Option<PathBuf>,
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
    /// Compile rubrics from their sources and question banks (default: rubrics/<set>/*.toml and seeds/*.txt into rubrics/<set>.json)
    #[command(after_help = BUILD_HELP, after_long_help = BUILD_HELP)]
    Build(BuildArgs),
    /// Write a rubric source to review and edit for every question that has none yet
    #[command(after_help = DRAFT_HELP, after_long_help = DRAFT_HELP)]
    Draft(DraftArgs),
    /// List the questions
    List(ListArgs),
    /// Show a question's guidance, sample answer and rubric points
    Show(ShowArgs),
    /// Grade one answer, from FILE or standard input
    #[command(after_help = EXIT_CODES)]
    Grade(GradeArgs),
    /// Measure agreement with human scores on a JSON Lines file of graded answers
    Eval(EvalArgs),
    /// Grade practice files: Markdown or text answers in files and directories
    #[command(after_help = CHECK_HELP, after_long_help = CHECK_HELP)]
    Check(CheckArgs),
    /// Grade JSON Lines (`{"id": ..., "answer": ...}` a line) from FILE or standard input to standard output
    #[command(after_help = BATCH_HELP, after_long_help = BATCH_HELP)]
    Batch(BatchArgs),
    /// Print the configuration in force (rubric.toml merged with defaults) as TOML
    Config(ConfigArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per command into a directory
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// JSON Lines: one scored answer a line (default fields: id or qid, question, reference, answer, score_avg)
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Field with the question id; lines with the same id share a rubric [default: id, else qid]
    #[arg(long, value_name = "NAME")]
    pub id_field: Option<String>,
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
    /// The human scale, such as 0-5 [default: the lowest and highest human scores in FILE]
    #[arg(long, value_name = "MIN-MAX")]
    pub scale: Option<rubric::eval::Scale>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Question banks: interview-prep pages (.txt), JSON Lines (.jsonl) or Markdown (.md) [default: seeds/*.txt]
    #[arg(value_name = "SEED_FILES")]
    pub inputs: Vec<PathBuf>,
    /// Directory to write one <set>.json per bank into
    #[arg(long, short, value_name = "DIR", default_value = "rubrics")]
    pub out: PathBuf,
    /// Directory of rubric sources (<set>/<id>.toml) [default: the --out directory]
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,
    /// Write nothing; exit 1 and name the files when the rubrics in --out are stale or a source no longer matches its bank
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// Question banks: interview-prep pages (.txt), JSON Lines (.jsonl) or Markdown (.md) [default: seeds/*.txt]
    #[arg(value_name = "BANK_FILES")]
    pub inputs: Vec<PathBuf>,
    /// Directory to write <set>/<id>.toml sources into; existing sources are never overwritten
    #[arg(long, short, value_name = "DIR", default_value = "rubrics")]
    pub out: PathBuf,
}

pub const BUILD_HELP: &str = "\
Each question is compiled from its source, <sources>/<set>/<id>.toml, when there is one, and
drafted automatically when there is none. A question whose source is broken, or was written for
other question texts than the bank's, is named (file and line) and left out; the rest are built.

Banks given together are independent: one that cannot be read is reported and the others are
still built. A bank whose set id (its file name) is a built-in set's (sys, lead, staff, infra,
sre) is refused unless --replace-builtin is given.

Exit status:
  0  every question was built (with --check: and the rubrics on disk are fresh)
  1  a question could not be built (the others are written), or (--check) a rubric file is stale
  2  usage or I/O error, a bank that cannot be read, or a bank named like a built-in set";

pub const DRAFT_HELP: &str = "\
Writes <out>/<set>/<id>.toml, marked `reviewed = false`, for each question without a source,
and leaves existing sources alone. Edit the drafts, set `reviewed = true`, then `rubric build`.
The format is documented in docs/rubric-source.md.

Exit status:
  0  drafts written (or every question already had a source)
  2  usage or I/O error, or a bank that cannot be read";

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

pub const CHECK_HELP: &str = "\
Which question a file answers, first match wins:
  1. front matter: `---` / `question: sre-13` / `---` (optionally `min_score: 75`)
  2. the file name: an id at the start of the stem (sre-13.md, answers/sre-13-v2.md)
  3. the first heading or line, when it is the question's wording
Otherwise each `## ` heading naming a question (by id or wording) starts one answer.
`<!-- rubric: skip -->` at the top of a file, or under an answer's heading, skips it.

Thresholds, most specific first: the file's `min_score`, the config's [thresholds] for the
question, then for its set, --min-score, the config's `min_score`, 60.

Exit status:
  0  every answer met its threshold (or was skipped), or --no-fail
  1  at least one answer scored below its threshold
  2  a file could not be read or matched to a question, or a usage or config error";

pub const BATCH_HELP: &str = "\
One output line per input line, in order. Input fields are copied through; the grade's `score`,
`band`, `missing`, `warnings`, `words` and `coverage` are added (replacing input fields of the
same name). A bad line gives `{\"error\": \"...\", \"line\": N}` (with the input's fields when it
was a JSON object) and the run goes on.

Exit status:
  0  every line was graded
  2  at least one line could not be graded, or a usage or I/O error";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// A table, the details of answers below their threshold, and a total
    Text,
    /// JSON Lines: one object per answer, then a summary object
    Json,
    /// JUnit XML, one test case per answer
    Junit,
    /// GitHub Actions workflow commands (annotations on the pull request)
    Github,
    /// A Markdown table for a CI job summary or a pull-request comment
    Markdown,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Practice files and directories (walked recursively, honouring .gitignore and skipping hidden files); `-` reads one answer from standard input [default: .]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Write the report to FILE (atomically); the text summary still goes to standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Threshold for answers that have none of their own [default: the config's min_score, else 60]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub min_score: Option<u32>,
    /// Report answers below their threshold but exit 0 for them (errors still exit 2)
    #[arg(long)]
    pub no_fail: bool,
    /// Apply the config's `exclude` to files named on the command line too (for pre-commit)
    #[arg(long)]
    pub force_exclude: bool,
    /// Print the configuration in force for the working directory, and exit
    #[arg(long)]
    pub dump_config: bool,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// JSON Lines to grade; standard input when absent or `-`
    pub file: Option<PathBuf>,
    /// Field with the question id
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// Field with the answer
    #[arg(long, default_value = "answer", value_name = "NAME")]
    pub answer_field: String,
    /// Worker threads [default: one per core]
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Show the configuration that applies to this file or directory [default: .]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write rubric.1 and one rubric-COMMAND.1 per command into DIR instead of printing rubric.1
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}
