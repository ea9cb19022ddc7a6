//! Reads question banks: the interview-prep pages (guidance pages and the SRE page), JSON Lines
//! banks and Markdown banks, into one shape, [`Bank`], with errors that name the file and line.

mod guidance;
mod jsonl;
mod markdown;
mod sre;

use std::path::{Path, PathBuf};

/// One question as the source states it, before any rubric is derived from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedQuestion {
    /// Position in the bank, from 1.
    pub number: usize,
    /// Explicit id (JSON Lines banks); page questions get `<set>-<NN>`.
    pub id: Option<String>,
    pub question: String,
    /// The interviewer's guidance ("In your answer, ..."), if the source has one.
    pub guidance: Option<String>,
    /// The reference answer. Paragraphs are separated by a blank line, bullets are `- ` lines.
    pub answer: String,
    /// Line of the question in the source file.
    pub line: usize,
}

/// A parsed question bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bank {
    /// Set id: the file stem, lowercased.
    pub set: String,
    pub title: String,
    pub questions: Vec<SeedQuestion>,
}

/// Why a bank could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("{path}: {cause}")]
    Io {
        path: PathBuf,
        /// Shown in the message, and not chained as a source, so it prints once.
        cause: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

impl SeedError {
    pub(crate) fn parse(path: &Path, line: usize, message: impl Into<String>) -> Self {
        SeedError::Parse {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

/// The bank formats `rubric build` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An interview-prep page: a question list, then blocks with guidance and an answer example.
    GuidancePage,
    /// The SRE page: numbered questions, each followed by a long answer.
    NumberedPage,
    /// One JSON object a line: `id`, `question`, optional `guidance`, `answer`.
    JsonLines,
    /// `# Set title`, then `## Question` sections with an optional `Guidance:` paragraph.
    Markdown,
}

/// Reads and parses the bank at `path`, choosing the format from the extension and content.
pub fn read_bank(path: &Path) -> Result<Bank, SeedError> {
    let bytes = std::fs::read(path).map_err(|cause| SeedError::Io {
        path: path.to_path_buf(),
        cause,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        SeedError::parse(
            path,
            line_of_offset_bytes(e.as_bytes(), e.utf8_error().valid_up_to()),
            "not valid UTF-8",
        )
    })?;
    parse_bank(path, &text)
}

/// Parses bank text; `path` names the source in errors and gives the set id.
pub fn parse_bank(path: &Path, text: &str) -> Result<Bank, SeedError> {
    let set = set_id(path)?;
    match detect_format(path, text) {
        Format::GuidancePage => guidance::parse(path, &set, text),
        Format::NumberedPage => sre::parse(path, &set, text),
        Format::JsonLines => jsonl::parse(path, &set, text),
        Format::Markdown => markdown::parse(path, &set, text),
    }
}

/// Picks the parser: `.jsonl` and `.md` by extension; a `.txt` page with `Answer Example:` lines
/// is a guidance page, otherwise a numbered page.
pub fn detect_format(path: &Path, text: &str) -> Format {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("jsonl") | Some("ndjson") => Format::JsonLines,
        Some("md") | Some("markdown") => Format::Markdown,
        _ if text
            .lines()
            .any(|l| l.trim_start().starts_with("Answer Example:")) =>
        {
            Format::GuidancePage
        }
        _ => Format::NumberedPage,
    }
}

/// The set id of a bank file: its stem, lowercased, restricted to `[a-z0-9_-]`.
pub fn set_id(path: &Path) -> Result<String, SeedError> {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if stem.is_empty()
        || !stem
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(SeedError::parse(
            path,
            1,
            format!(
                "cannot use `{stem}` as a set id: name the file with letters, digits, `-` or `_`"
            ),
        ));
    }
    Ok(stem)
}

/// Question id for the `number`th question of `set`.
pub fn question_id(set: &str, number: usize) -> String {
    format!("{set}-{number:02}")
}

fn line_of_offset_bytes(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Collapses runs of whitespace inside a line of prose and trims it.
pub(crate) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_ids_come_from_file_stems() {
        assert_eq!(set_id(Path::new("seeds/SRE.txt")).unwrap(), "sre");
        assert!(set_id(Path::new("seeds/bad name.txt")).is_err());
        assert_eq!(question_id("sys", 3), "sys-03");
        assert_eq!(question_id("sre", 52), "sre-52");
    }

    #[test]
    fn formats_are_detected() {
        assert_eq!(detect_format(Path::new("a.jsonl"), ""), Format::JsonLines);
        assert_eq!(detect_format(Path::new("a.md"), ""), Format::Markdown);
        assert_eq!(
            detect_format(Path::new("a.txt"), "Q\nAnswer Example: \"x\""),
            Format::GuidancePage
        );
        assert_eq!(
            detect_format(Path::new("a.txt"), "1. Q?\n\nA."),
            Format::NumberedPage
        );
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.txt");
        std::fs::write(&p, b"Title\nok\n\xff\xfe").unwrap();
        let e = read_bank(&p).unwrap_err().to_string();
        assert!(e.ends_with("x.txt:3: not valid UTF-8"), "{e}");
    }
}
