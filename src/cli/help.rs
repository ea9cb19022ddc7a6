//! What `--help` and the man pages say after the options: for each command its own notes,
//! examples, environment and exit codes, kept here once so help and man pages cannot disagree.

/// The documentation of one command (or of `rubric` itself) beyond its options.
pub struct Page {
    /// Paragraphs on how the command behaves (discovery rules, output fields), or "".
    pub notes: &'static str,
    /// `(command line, what it does)`.
    pub examples: &'static [(&'static str, &'static str)],
    /// Environment variables the command reads, by name in [`ENVIRONMENT`].
    pub environment: &'static [&'static str],
    /// `(code, meaning)`: only the codes this command can exit with.
    pub exit: &'static [(u8, &'static str)],
}

/// Every environment variable rubric reads, and what it does.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "RUBRIC_RUBRICS",
        "Rubric directories to load, separated by `:`, as if given with --rubrics.",
    ),
    (
        "RUBRIC_CONFIG",
        "A config file to use instead of looking for rubric.toml, as --config.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, --color auto does not color (an explicit --color always still does).",
    ),
    (
        "FORCE_COLOR",
        "When set and not empty, --color auto colors even in a pipe; `0` or `false` turns color off.",
    ),
    (
        "CLICOLOR_FORCE",
        "When set and not `0`, --color auto colors even in a pipe.",
    ),
    ("CLICOLOR", "`0` turns color off for --color auto."),
    (
        "RUBRIC_HOME",
        "The folder of the practice history (history.sqlite3 inside it), instead of the platform's data directory; --history FILE wins.",
    ),
    (
        "RUBRIC_DATE",
        "The time recorded for a new attempt (2026-11-14T09:30:00Z, UTC, or Unix seconds) instead of now, as GIT_AUTHOR_DATE sets a commit's.",
    ),
    (
        "VISUAL",
        "The editor `rubric practice` opens for the answer (unless TERM is `dumb`); run through the shell, so it may hold arguments (`code --wait`).",
    ),
    (
        "EDITOR",
        "The editor `rubric practice` opens when VISUAL is not set; with neither, the answer is read from the terminal until end of file (Ctrl-D).",
    ),
];

const ALL: &[&str] = &[
    "RUBRIC_RUBRICS",
    "RUBRIC_CONFIG",
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR_FORCE",
    "CLICOLOR",
];
const RUBRICS: &[&str] = &["RUBRIC_RUBRICS", "RUBRIC_CONFIG"];
/// What `rubric` as a whole reads: every variable, for the top-level page.
const EVERY: &[&str] = &[
    "RUBRIC_RUBRICS",
    "RUBRIC_CONFIG",
    "RUBRIC_HOME",
    "RUBRIC_DATE",
    "VISUAL",
    "EDITOR",
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR_FORCE",
    "CLICOLOR",
];
const PRACTICE_ENV: &[&str] = &[
    "VISUAL",
    "EDITOR",
    "RUBRIC_HOME",
    "RUBRIC_DATE",
    "RUBRIC_RUBRICS",
    "RUBRIC_CONFIG",
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR_FORCE",
    "CLICOLOR",
];
const HISTORY_ENV: &[&str] = &["RUBRIC_HOME", "RUBRIC_RUBRICS", "RUBRIC_CONFIG"];
const PROGRESS_ENV: &[&str] = &[
    "RUBRIC_HOME",
    "RUBRIC_RUBRICS",
    "RUBRIC_CONFIG",
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR_FORCE",
    "CLICOLOR",
];
const GRADE_ENV: &[&str] = &[
    "RUBRIC_RUBRICS",
    "RUBRIC_CONFIG",
    "RUBRIC_HOME",
    "RUBRIC_DATE",
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR_FORCE",
    "CLICOLOR",
];

/// The page of `command` (`rubric` for the top level).
pub fn page(command: &str) -> &'static Page {
    match command {
        "build" => &BUILD,
        "draft" => &DRAFT,
        "list" => &LIST,
        "show" => &SHOW,
        "grade" => &GRADE,
        "eval" => &EVAL,
        "check" => &CHECK,
        "batch" => &BATCH,
        "config" => &CONFIG,
        "completions" => &COMPLETIONS,
        "man" => &MAN,
        "practice" => &PRACTICE,
        "progress" => &PROGRESS,
        "report" => &REPORT,
        "history" => &HISTORY,
        "history export" => &HISTORY_EXPORT,
        "history import" => &HISTORY_IMPORT,
        "history path" => &HISTORY_PATH,
        _ => &RUBRIC,
    }
}

/// The text clap prints after a command's options: notes, examples, environment, exit status.
pub fn after_help(command: &str) -> String {
    let p = page(command);
    let mut s = String::new();
    if !p.notes.is_empty() {
        s.push_str(p.notes);
        s.push_str("\n\n");
    }
    s.push_str("Examples:\n");
    for (cmd, what) in p.examples {
        s.push_str(&format!("  {cmd}\n      {what}\n"));
    }
    if !p.environment.is_empty() {
        s.push_str("\nEnvironment: ");
        s.push_str(&p.environment.join(", "));
        s.push_str(" (see `rubric man`)\n");
    }
    s.push_str("\nExit status:\n");
    for (code, meaning) in p.exit {
        s.push_str(&format!("  {code}  {meaning}\n"));
    }
    s.trim_end().to_string()
}

const USAGE_ERROR: (u8, &str) = (2, "usage, input, rubric or I/O error");

const RUBRIC: Page = Page {
    notes: "",
    examples: &[
        (
            "rubric grade sre-13 answer.md",
            "grade one answer against the rubric of question sre-13",
        ),
        (
            "rubric check answers/ --min-score 70",
            "grade every practice file in a folder",
        ),
        ("rubric list --set sre", "list the questions of a set"),
        (
            "rubric practice",
            "answer the next question in your editor and record the attempt",
        ),
    ],
    environment: EVERY,
    exit: &[
        (0, "every graded answer met its threshold (or nothing was graded)"),
        (
            1,
            "at least one answer scored below its threshold, or `build --check` found stale rubrics",
        ),
        USAGE_ERROR,
    ],
};

const BUILD: Page = Page {
    notes: "Each question is compiled from its source, <sources>/<set>/<id>.toml, when there is one, and drafted automatically when there is none. A question whose source is broken, whose examples score outside their range, or that was written for other question texts than the bank's, is named (file and line) and left out or reported; the rest are built. The format and the edit-build loop are in docs/rubric-source.md.",
    examples: &[
        ("rubric build", "compile rubrics/<set>/*.toml against seeds/*.txt into rubrics/*.json"),
        (
            "rubric build --check",
            "in CI: fail when the committed rubrics are stale or a source no longer matches its bank",
        ),
        (
            "rubric build bank.md --out my-rubrics",
            "rubrics from a Markdown question bank, drafted where it has no sources",
        ),
    ],
    environment: &[],
    exit: &[
        (0, "every question was built, and with --check the rubric files are fresh"),
        (1, "a question could not be built, an example scored outside its range, or --check found stale rubric files"),
        (2, "usage error, a bank that cannot be read, or an I/O error"),
    ],
};

const DRAFT: Page = Page {
    notes: "Writes <out>/<set>/<id>.toml, marked `reviewed = false`, for each question without a source, and never touches a source that exists. Edit the drafts, set `reviewed = true`, then run `rubric build`.",
    examples: &[
        ("rubric draft", "a source for every question of seeds/*.txt that has none in rubrics/"),
        ("rubric draft bank.jsonl --out my-rubrics", "sources to review for your own bank"),
    ],
    environment: &[],
    exit: &[
        (0, "drafts written, or every question already had a source"),
        (2, "usage error, a bank that cannot be read, or an I/O error"),
    ],
};

const LIST: Page = Page {
    notes: "",
    examples: &[
        ("rubric list", "every question, one a line"),
        (
            "rubric list --set sre --format json",
            "the SRE questions as JSON",
        ),
    ],
    environment: ALL,
    exit: &[
        (0, "the questions were listed"),
        (
            2,
            "usage error, an unknown set, or a rubric or config error",
        ),
    ],
};

const SHOW: Page = Page {
    notes: "",
    examples: &[
        (
            "rubric show sre-13",
            "guidance, sample answer and the points with their ids",
        ),
        (
            "rubric show \"cascading failures\" --format json",
            "the same, found by words, as JSON",
        ),
    ],
    environment: ALL,
    exit: &[
        (0, "the question was shown"),
        (
            2,
            "usage error, an unknown or ambiguous question, or a rubric or config error",
        ),
    ],
};

const GRADE: Page = Page {
    notes: "",
    examples: &[
        ("rubric grade sre-13 answer.md", "grade a file"),
        ("pbpaste | rubric grade sre-24", "grade the clipboard"),
        (
            "rubric grade \"cascading failures\" answer.md --min-score 70",
            "name the question by its words; exit 1 below 70",
        ),
        (
            "rubric grade sre-13 answer.md --format json",
            "for editors and scripts",
        ),
        (
            "pbpaste | rubric grade sre-24 --save",
            "grade the clipboard and record the attempt in the practice history",
        ),
    ],
    environment: GRADE_ENV,
    exit: &[
        (0, "the answer was graded (at or above --min-score, if given), and with --save recorded"),
        (1, "the answer scored below --min-score (with --save it is recorded all the same)"),
        (
            2,
            "usage error, an unreadable or empty answer, an unknown question, a rubric or config error, or with --save a history that cannot be used (an answer from standard input is then kept in a file, named)",
        ),
    ],
};

const EVAL: Page = Page {
    notes: "",
    examples: &[
        (
            "rubric eval graded-by-people.jsonl",
            "agreement between rubric and people's scores",
        ),
        (
            "rubric eval data.jsonl --score-field human --format json",
            "another field name, as JSON",
        ),
    ],
    environment: ALL,
    exit: &[
        (0, "the agreement was computed"),
        (
            2,
            "usage error, an unreadable or malformed input line, or a rubric or config error",
        ),
    ],
};

const CHECK: Page = Page {
    notes: "\
Which question a file answers, first match wins:
  1. front matter: `---` / `question: sre-13` / `---` (optionally `min_score: 75`), or TOML
     between `+++` lines
  2. the file name: an id at the start of the stem (sre-13.md, answers/sre-13-v2.md)
  3. the first heading or line, when it is the question's wording
Otherwise each `## ` heading naming a question (by id or wording) starts one answer.
A file a walk finds that names no question at all (a README) is passed over and counted;
--strict makes it an error, as it is for a file named on the command line.
Standard input (`-`) is one file; --question names the question it answers.
`<!-- rubric: skip -->` at the top of a file, or under an answer's heading, skips it;
`<!-- rubric: ignore sre-24/g1 (reason) -->` in an answer grades it without that point; an
unknown `<!-- rubric: ... -->` directive is an error.

Thresholds, first that applies: the file's own front matter `min_score`, --min-score, the
config's [thresholds] for the question, then for its set, the config's `min_score`, 60.",
    examples: &[
        (
            "rubric check",
            "every practice file under the working directory",
        ),
        (
            "rubric check --format github .",
            "annotations on a pull request, in GitHub Actions",
        ),
        (
            "rubric check --format markdown -o summary.md .",
            "a Markdown report in a file; the total on the terminal",
        ),
        (
            "rubric check --question sre-13 - < draft.md",
            "one answer from standard input",
        ),
        (
            "rubric check --format html -o report.html .",
            "one page to open in a browser: each answer with its evidence highlighted",
        ),
    ],
    environment: ALL,
    exit: &[
        (
            0,
            "every answer met its threshold (or was skipped), or --no-fail",
        ),
        (1, "at least one answer scored below its threshold"),
        (
            2,
            "a file could not be read or matched to a question, or a usage or config error",
        ),
    ],
};

const BATCH: Page = Page {
    notes: "\
One output line per input line, in order. Input fields are copied through; the grade's `score`,
`band`, `missing`, `warnings`, `words` and `coverage` are added (replacing input fields of the
same name); an input field named `error` is dropped from a graded line, since `error` marks a
line that could not be graded. A bad line gives `{\"error\": \"...\", \"line\": N}` (with the
input's fields when it was a JSON object) and the run goes on.",
    examples: &[
        (
            "rubric batch answers.jsonl > graded.jsonl",
            "grade a file of {\"id\": ..., \"answer\": ...} lines",
        ),
        (
            "rubric batch --id-field qid --answer-field text -j 2",
            "other field names, from standard input, on two threads",
        ),
    ],
    environment: RUBRICS,
    exit: &[
        (0, "every line was graded"),
        (
            2,
            "at least one line could not be graded, or a usage or I/O error",
        ),
    ],
};

const CONFIG: Page = Page {
    notes: "",
    examples: &[
        ("rubric config", "the configuration in force here, as TOML"),
        (
            "rubric config answers/sre",
            "the configuration that applies to a folder",
        ),
    ],
    environment: RUBRICS,
    exit: &[
        (0, "the configuration was printed"),
        (2, "a config file or rubric error, or a usage error"),
    ],
};

const COMPLETIONS: Page = Page {
    notes: "",
    examples: &[
        (
            "rubric completions bash > ~/.local/share/bash-completion/completions/rubric",
            "bash",
        ),
        ("rubric completions zsh > ~/.zfunc/_rubric", "zsh"),
    ],
    environment: &[],
    exit: &[
        (0, "the script was printed"),
        (2, "usage error, or standard output could not be written"),
    ],
};

const MAN: Page = Page {
    notes: "",
    examples: &[
        ("rubric man > rubric.1", "the main page"),
        (
            "rubric man --out man/",
            "rubric.1 and one rubric-COMMAND.1 per command",
        ),
    ],
    environment: &[],
    exit: &[
        (0, "the pages were written"),
        (2, "usage error, or a page could not be written"),
    ],
};

const HISTORY_NOTE: &str = "\
The history is one SQLite file: --history FILE, else $RUBRIC_HOME/history.sqlite3, else
history.sqlite3 in the platform's data directory (~/.local/share/rubric on Linux). `rubric
history path` prints it. A file that is not a rubric history, is damaged, or was written by a
newer rubric is refused with a message naming it, and never replaced.";

const PRACTICE: Page = Page {
    notes: "\
Which question: --question names one; otherwise, among the questions of --set and --kind, the
first never tried, else the one whose last score is in the lowest band (weak, partial, good,
strong), the least recently practiced of those. --random draws one instead (--seed N repeats a
draw).

The answer: in VISUAL or EDITOR, on a temporary file with the question as a comment header;
everything above the scissors line is ignored. With no editor set (or --no-editor), from
standard input until end of file (Ctrl-D on a new line). The sample answer is never shown
before the attempt: `rubric show ID` has it.

An empty answer records nothing. An answer that cannot be graded or recorded is kept in a
file, and its path printed.",
    examples: &[
        ("rubric practice", "the next question: never tried first, then the weakest"),
        ("rubric practice --set sre --kind behavioral --guidance", "an SRE story question, with the interviewer's guidance"),
        ("rubric practice --question sre-13", "practice one question again"),
        ("rubric practice --random --seed 7", "a question at random, the same one for the same seed"),
        ("EDITOR= rubric practice < answer.md", "answer from a file instead of an editor"),
    ],
    environment: PRACTICE_ENV,
    exit: &[
        (0, "the answer was graded and recorded (at or above --min-score, if given), or it was empty and nothing was recorded"),
        (1, "the answer scored below --min-score (it is recorded all the same)"),
        (2, "usage error, an unknown question or set, no question of that set and kind, the editor failed, an answer with no words, or a history that cannot be used (the answer is then kept in a file, named)"),
    ],
};

const PROGRESS: Page = Page {
    notes: "\
Per set: questions tried, attempts, the mean of the best and of the last scores. Per question
tried: attempts, best, last, and the scores over time as a sparkline (one bar per attempt, on a
fixed 0-100 scale). Then the points you miss most often across all your attempts, with their
hints, and the questions never tried. Attempts keep the rubric version and the point ids they
were graded with, so progress survives rubric edits. JSON adds every score and attempt time.

Reads the history and creates nothing: with no history yet, every question is never tried.",
    examples: &[
        ("rubric progress", "how your practice is going"),
        ("rubric progress --set sre", "one set"),
        ("rubric progress --format json", "for scripts"),
    ],
    environment: PROGRESS_ENV,
    exit: &[
        (0, "the progress was printed"),
        (2, "usage error, an unknown set, a rubric or config error, or a history that cannot be used"),
    ],
};

const REPORT: Page = Page {
    notes: "\
One self-contained HTML page (no script, no network): the score of every attempt over time as an
SVG chart, a table of the questions tried, the points missed most often, and every attempt, its
answer with the words that earned each point highlighted and the missing points with their
hints beside it. Readable on a phone, and printable. The same history gives the same page.",
    examples: &[
        ("rubric report --html progress.html", "write the page, then open it in a browser"),
        ("rubric report --html - --set sre > sre.html", "one set, to standard output"),
    ],
    environment: HISTORY_ENV,
    exit: &[
        (0, "the page was written"),
        (2, "usage error, an unknown set, a history that cannot be used, or the file could not be written"),
    ],
};

const HISTORY: Page = Page {
    notes: HISTORY_NOTE,
    examples: &[
        ("rubric history export > attempts.jsonl", "every attempt, one JSON object a line"),
        ("rubric history import attempts.jsonl", "add them on another machine (attempts already there are left alone)"),
        ("rubric history path", "where the history is"),
    ],
    environment: &["RUBRIC_HOME"],
    exit: &[
        (0, "exported, imported, or the path printed"),
        (2, "usage error, a line that is not an exported attempt (nothing is imported), a history that cannot be used, or an I/O error"),
    ],
};

const HISTORY_EXPORT: Page = Page {
    notes: "\
One attempt a line, oldest first: uid, question, set, kind, question_text, at (RFC 3339, UTC),
origin (practice or grade), rubric_version, grader, answer, score, band, words, flags, and
points (id, label, state, credit, weight, hint, spans). With no history yet, nothing is written.",
    examples: &[
        (
            "rubric history export > attempts.jsonl",
            "to standard output",
        ),
        (
            "rubric history export -o attempts.jsonl",
            "to a file, atomically",
        ),
    ],
    environment: &["RUBRIC_HOME"],
    exit: &[
        (0, "every attempt was written"),
        (
            2,
            "usage error, a history that cannot be used, or an I/O error",
        ),
    ],
};

const HISTORY_IMPORT: Page = Page {
    notes: "\
Reads what `rubric history export` wrote, strictly: a line that is not an attempt (an unknown
field, a score over 100, a span outside its answer) stops the import, naming the line, and
nothing is imported. Attempts are added in one transaction; one already in the history (the
same uid) is left alone, so importing twice adds nothing.",
    examples: &[
        ("rubric history import attempts.jsonl", "from a file"),
        ("ssh laptop rubric history export | rubric history import", "from another machine"),
    ],
    environment: &["RUBRIC_HOME"],
    exit: &[
        (0, "the attempts were imported (or were all there already)"),
        (2, "usage error, a line that is not an exported attempt, a history that cannot be used, or an I/O error"),
    ],
};

const HISTORY_PATH: Page = Page {
    notes: "",
    examples: &[(
        "rubric history path",
        "the file, whether or not it exists yet",
    )],
    environment: &["RUBRIC_HOME"],
    exit: &[
        (0, "the path was printed"),
        (2, "usage error, or no home directory to find it in"),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_environment_variable_named_is_described() {
        assert_eq!(
            EVERY.len(),
            ENVIRONMENT.len(),
            "the top-level page names them all"
        );
        for name in [
            "rubric",
            "build",
            "draft",
            "list",
            "show",
            "grade",
            "eval",
            "check",
            "batch",
            "config",
            "completions",
            "man",
            "practice",
            "progress",
            "report",
            "history",
            "history export",
            "history import",
            "history path",
        ] {
            for var in page(name).environment {
                assert!(ENVIRONMENT.iter().any(|(v, _)| v == var), "{name}: {var}");
            }
            assert!(!page(name).examples.is_empty(), "{name}");
            assert!(page(name).exit.iter().any(|(c, _)| *c == 0), "{name}");
        }
    }
}
