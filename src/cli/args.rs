//! Command-line arguments as typed, before any of them is resolved.

use super::help;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "rubric",
    version,
    about = "Grade written systems, infrastructure and SRE interview answers offline.",
    long_about = "Grade written systems, infrastructure and SRE interview answers offline.\n\nEach question has a rubric: the points an interviewer listens for, with the words that show them. `rubric grade` scores an answer 0-100 and lists what it covers and what it misses.",
    after_help = help::after_help("rubric")
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Also load rubric files (*.json) from DIR; a malformed file is an error for every command, and a set named like a built-in one is an error unless --replace-builtin
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
    /// When to color human output (never JSON); `always` and `never` win over NO_COLOR, FORCE_COLOR and CLICOLOR_FORCE, which `auto` follows
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
    #[command(after_help = help::after_help("build"))]
    Build(BuildArgs),
    /// Write a rubric source to review and edit for every question that has none yet
    #[command(after_help = help::after_help("draft"))]
    Draft(DraftArgs),
    /// List the questions
    #[command(after_help = help::after_help("list"))]
    List(ListArgs),
    /// Show a question's guidance, sample answer and rubric points
    #[command(after_help = help::after_help("show"))]
    Show(ShowArgs),
    /// Grade one answer, from FILE or standard input
    #[command(after_help = help::after_help("grade"))]
    Grade(GradeArgs),
    /// Measure agreement with human scores on a JSON Lines file of graded answers
    #[command(after_help = help::after_help("eval"))]
    Eval(EvalArgs),
    /// Grade practice files: Markdown or text answers in files and directories
    #[command(after_help = help::after_help("check"))]
    Check(CheckArgs),
    /// Grade JSON Lines (`{"id": ..., "answer": ...}` a line) from FILE or standard input to standard output
    #[command(after_help = help::after_help("batch"))]
    Batch(BatchArgs),
    /// Print the configuration in force (rubric.toml merged with defaults) as TOML
    #[command(after_help = help::after_help("config"))]
    Config(ConfigArgs),
    /// Practice: pick a question, answer it in your editor (or the terminal), see the grade, and record it in your history
    #[command(after_help = help::after_help("practice"))]
    Practice(PracticeArgs),
    /// Your progress from the history: per set and question, the trend, what you never tried and the points you miss most
    #[command(after_help = help::after_help("progress"))]
    Progress(ProgressArgs),
    /// Write the history as one self-contained HTML page: scores over time, questions, every attempt highlighted
    #[command(after_help = help::after_help("report"))]
    Report(ReportArgs),
    /// The practice history: export it as JSON Lines, import it on another machine, show where it is
    #[command(after_help = help::after_help("history"), subcommand)]
    History(HistoryCommand),
    /// Print a shell completion script
    #[command(after_help = help::after_help("completions"))]
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per command into a directory
    #[command(after_help = help::after_help("man"))]
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
    /// Question id (sre-13; also SRE_13, sre13, sre 13) or words of the question (a clear best match is taken)
    pub question: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct GradeArgs {
    /// Question id (sre-13; also SRE_13, sre13, sre 13) or words of the question (a clear best match is taken)
    pub question: String,
    /// Answer file; standard input when absent or `-`
    pub file: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit 1 when the score is below N (0-100)
    #[arg(long, value_name = "N", value_parser = rubric::config::parse_score)]
    pub min_score: Option<u32>,
    /// Record the attempt in the practice history, as `rubric practice` does
    #[arg(long)]
    pub save: bool,
    #[command(flatten)]
    pub history: HistoryFile,
}

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
    /// One self-contained HTML page: every answer with the words that earned each point highlighted, and what it misses
    Html,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Practice files and directories (walked recursively, honouring .gitignore and skipping hidden files); `-` reads one answer from standard input [default: .]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Write the report to FILE (atomically for a regular file; never over an answer being checked); standard output gets only the total, standard error the errors
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Threshold for every answer without one in its own front matter; wins over the config's thresholds [default: the config's, else 60]
    #[arg(long, value_name = "N", value_parser = rubric::config::parse_score)]
    pub min_score: Option<u32>,
    /// Report answers below their threshold but exit 0 for them (errors still exit 2)
    #[arg(long)]
    pub no_fail: bool,
    /// Apply the config's `exclude` to files named on the command line too (for pre-commit)
    #[arg(long)]
    pub force_exclude: bool,
    /// Make a file a directory walk finds that names no question (a README) an error, instead of passing over it
    #[arg(long)]
    pub strict: bool,
    /// Text output: only answers below their threshold or in error, what they miss, and the total
    #[arg(short, long)]
    pub quiet: bool,
    /// Print the configuration in force for the working directory, and exit
    #[arg(long)]
    pub dump_config: bool,
    /// The question that standard input (`-`) answers, by id or words, as ruff's --stdin-filename names its input; wins over anything the text says
    #[arg(long, value_name = "QUESTION")]
    pub question: Option<String>,
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

/// Where the practice history is: shared by every command that reads or writes it.
#[derive(Debug, Args)]
pub struct HistoryFile {
    /// The history database [default: $RUBRIC_HOME/history.sqlite3, else history.sqlite3 in the platform's data directory]
    #[arg(long = "history", id = "history_file", value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// "Tell me about a time...": a story with a measurable result
    Behavioral,
    /// "Why this role?"
    Motivational,
    /// Design, process, troubleshooting
    Technical,
}

#[derive(Debug, Args)]
pub struct PracticeArgs {
    /// Practice this question (id, or words of it) instead of letting rubric pick
    #[arg(long, short, value_name = "QUESTION", conflicts_with_all = ["set", "kind", "random"])]
    pub question: Option<String>,
    /// Pick among this set's questions (sys, lead, staff, infra, sre, ...)
    #[arg(long, value_name = "SET")]
    pub set: Option<String>,
    /// Pick among questions of this kind
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Option<KindArg>,
    /// Pick at random instead of never tried first, then weakest and least recently practiced
    #[arg(long)]
    pub random: bool,
    /// Seed for --random: the same seed, rubrics and filters pick the same question [default: from the clock, and printed]
    #[arg(long, value_name = "N", requires = "random")]
    pub seed: Option<u64>,
    /// Show the interviewer's guidance with the question (the sample answer is never shown before you answer)
    #[arg(long)]
    pub guidance: bool,
    /// Read the answer from standard input even when VISUAL or EDITOR is set
    #[arg(long)]
    pub no_editor: bool,
    /// Exit 1 when the answer scores below N (it is recorded all the same)
    #[arg(long, value_name = "N", value_parser = rubric::config::parse_score)]
    pub min_score: Option<u32>,
    #[command(flatten)]
    pub history: HistoryFile,
}

#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// Only this set's questions (sys, lead, staff, infra, sre, ...)
    #[arg(long, value_name = "SET")]
    pub set: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub history: HistoryFile,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Write the page to FILE (atomically; `-` is standard output)
    #[arg(long, value_name = "FILE", required = true)]
    pub html: PathBuf,
    /// Only this set's questions and attempts
    #[arg(long, value_name = "SET")]
    pub set: Option<String>,
    #[command(flatten)]
    pub history: HistoryFile,
}

#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// Write every attempt as JSON Lines, oldest first
    #[command(after_help = help::after_help("history export"))]
    Export(ExportArgs),
    /// Add the attempts of a JSON Lines export (attempts already present are left alone)
    #[command(after_help = help::after_help("history import"))]
    Import(ImportArgs),
    /// Print the path of the history database in use
    #[command(after_help = help::after_help("history path"))]
    Path(PathArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One attempt per line, as JSON
    Jsonl,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
    /// Write to FILE (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub history: HistoryFile,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A file written by `rubric history export`; standard input when absent or `-`
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub history: HistoryFile,
}

#[derive(Debug, Args)]
pub struct PathArgs {
    #[command(flatten)]
    pub history: HistoryFile,
}
