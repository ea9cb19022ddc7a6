//! Printers for `rubric check`: a table for people, and JSON Lines, JUnit XML, GitHub Actions
//! workflow commands and a Markdown summary for CI. Only [`text`] is ever colored.

use super::grade::band_color;
use super::{wrap, Style};
use crate::answers::{Record, Report, Status, Summary, Suppressed};
use crate::grade::Grade;
use colored::Color;
use regex::Regex;
use serde::Serialize;
use std::io::{self, Write};
use std::sync::LazyLock;

const WIDTH: usize = 88;

/// How the text report is printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextOptions {
    pub style: Style,
    /// Only answers that failed or could not be checked, what they miss, and the total.
    pub quiet: bool,
}

/// The summary table, the details of answers that fell short, grader warnings, suppressed
/// points, errors, the files that name no question, and the total.
pub fn text(w: &mut impl Write, report: &Report, opts: TextOptions) -> io::Result<()> {
    let style = opts.style;
    let shown: Vec<&Record> = report
        .records
        .iter()
        .filter(|r| !opts.quiet || matches!(r.status, Status::Fail | Status::Error))
        .collect();
    table(w, &shown, style)?;

    let failed: Vec<&Record> = shown
        .iter()
        .copied()
        .filter(|r| r.status == Status::Fail)
        .collect();
    if !failed.is_empty() {
        writeln!(w, "\n{}", style.bold("Below the threshold"))?;
    }
    for r in failed {
        let Some(g) = &r.grade else { continue };
        let head = format!(
            "{}/100 {}, needs {}",
            g.score,
            g.band.as_str(),
            r.min_score.unwrap_or_default()
        );
        writeln!(
            w,
            "\n{}  {}  {}",
            style.bold(&location(r)),
            style.bold(&g.id),
            style.paint(&head, band_color(g.band))
        )?;
        write!(w, "{}", style.dim(&wrap(&g.question, WIDTH, "  ")))?;
        for p in g.missing_points() {
            writeln!(w, "  {} {}", style.paint("✗", Color::Red), p.label)?;
            write!(w, "{}", wrap(&p.hint, WIDTH, "      "))?;
        }
        let unscored = g.unscored_missing();
        if !unscored.is_empty() {
            let line = format!("also listened for (not scored): {}", unscored.join("; "));
            write!(w, "{}", style.dim(&wrap(&line, WIDTH, "  ")))?;
        }
        warnings(w, g, style)?;
    }
    if !opts.quiet {
        // The warnings of answers that passed; a failing answer's are in its details above.
        let warned: Vec<&Record> = shown
            .iter()
            .copied()
            .filter(|r| r.status != Status::Fail)
            .filter(|r| r.grade.as_ref().is_some_and(|g| !g.warnings.is_empty()))
            .collect();
        if !warned.is_empty() {
            writeln!(w, "\n{}", style.bold("Warnings"))?;
        }
        for r in warned {
            let Some(g) = &r.grade else { continue };
            writeln!(w, "{}  {}", style.bold(&location(r)), style.bold(&g.id))?;
            warnings(w, g, style)?;
        }
        let suppressed: Vec<(&Record, &Suppressed)> = shown
            .iter()
            .flat_map(|r| r.suppressed.iter().map(move |s| (*r, s)))
            .collect();
        if !suppressed.is_empty() {
            writeln!(w, "\n{}", style.bold("Suppressed points"))?;
        }
        for (r, s) in suppressed {
            writeln!(
                w,
                "{}  {}",
                style.bold(&format!("{}:{}", r.path, s.line)),
                suppressed_text(s)
            )?;
        }
    }
    let errors: Vec<&Record> = shown
        .iter()
        .copied()
        .filter(|r| r.status == Status::Error)
        .collect();
    if !errors.is_empty() {
        writeln!(w, "\n{}", style.bold("Errors"))?;
    }
    for r in errors {
        writeln!(w, "{}", style.bold(&location(r)))?;
        write!(
            w,
            "{}",
            wrap(r.message.as_deref().unwrap_or_default(), WIDTH, "    ")
        )?;
    }
    if !opts.quiet && !report.no_question.is_empty() {
        let head = "Not checked, naming no question (--strict makes this an error)";
        writeln!(w, "\n{}", style.bold(head))?;
        for path in &report.no_question {
            writeln!(w, "{}", style.dim(path))?;
        }
    }
    if !shown.is_empty() || (!opts.quiet && !report.no_question.is_empty()) {
        writeln!(w)?;
    }
    total(w, report, style)
}

/// The total line alone (`12 answers: 9 passed, 2 failed, 1 skipped`), colored by outcome: what
/// the terminal gets when the report goes to a file.
pub fn total(w: &mut impl Write, report: &Report, style: Style) -> io::Result<()> {
    let summary = report.summary();
    let color = if summary.errors > 0 || summary.failed > 0 {
        Color::Red
    } else {
        Color::Green
    };
    writeln!(w, "{}", style.paint(&style.bold(&summary.line()), color))
}

/// One row per record under a header, columns aligned by display width.
fn table(w: &mut impl Write, records: &[&Record], style: Style) -> io::Result<()> {
    if records.is_empty() {
        return Ok(());
    }
    let rows: Vec<[String; 5]> = records
        .iter()
        .map(|r| {
            [
                location(r),
                r.id.clone().unwrap_or_else(|| "-".into()),
                score(r),
                band(r),
                r.status.as_str().to_string(),
            ]
        })
        .collect();
    let header = ["PATH", "QUESTION", "SCORE", "BAND", "STATUS"].map(String::from);
    let mut widths = [0usize; 5];
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let [p, q, s, b, st] = &header;
    writeln!(
        w,
        "{}",
        style.bold(&format!(
            "{}  {}  {}  {}  {st}",
            pad(p, widths[0]),
            pad(q, widths[1]),
            pad_left(s, widths[2]),
            pad(b, widths[3]),
        ))
    )?;
    for (r, [p, q, s, b, st]) in records.iter().zip(&rows) {
        let band = match &r.grade {
            Some(g) => style.paint(&pad(b, widths[3]), band_color(g.band)),
            None => pad(b, widths[3]),
        };
        let note = match (r.status, r.min_score) {
            (Status::Fail, Some(min)) => format!("  {}", style.dim(&format!("needs {min}"))),
            (Status::Skip, _) => {
                format!("  {}", style.dim(r.message.as_deref().unwrap_or_default()))
            }
            _ => String::new(),
        };
        writeln!(
            w,
            "{}  {}  {}  {band}  {}{note}",
            pad(p, widths[0]),
            pad(q, widths[1]),
            pad_left(s, widths[2]),
            paint_status(st, r.status, style),
        )?;
    }
    Ok(())
}

/// A grade's warnings, one `!` line each.
fn warnings(w: &mut impl Write, g: &Grade, style: Style) -> io::Result<()> {
    for warning in &g.warnings {
        let text = wrap(warning, WIDTH, "    ");
        let text = text.trim_start();
        write!(w, "  {} {text}", style.paint("!", Color::Yellow))?;
    }
    Ok(())
}

/// The columns `s` takes on a terminal: two for a CJK character or an emoji, none for a
/// combining mark.
fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` padded with spaces on the right to `cols` columns.
fn pad(s: &str, cols: usize) -> String {
    format!("{s}{}", " ".repeat(cols.saturating_sub(width(s))))
}

/// `s` padded with spaces on the left to `cols` columns.
fn pad_left(s: &str, cols: usize) -> String {
    format!("{}{s}", " ".repeat(cols.saturating_sub(width(s))))
}

/// One JSON object a line: `"type": "answer"` per answer (with every field of
/// `grade --format json` when graded), then one `"type": "summary"`.
pub fn json(w: &mut impl Write, report: &Report) -> io::Result<()> {
    for r in &report.records {
        let line = JsonAnswer {
            kind: "answer",
            // The grade carries `id` itself; a separate one only when there is no grade.
            id: if r.grade.is_some() {
                None
            } else {
                r.id.as_deref()
            },
            grade: r.grade.as_ref(),
            path: &r.path,
            line: r.line,
            status: r.status,
            min_score: r.min_score,
            error: r.message.as_deref().filter(|_| r.status == Status::Error),
            reason: r.message.as_deref().filter(|_| r.status == Status::Skip),
            suppressed: &r.suppressed,
        };
        serde_json::to_writer(&mut *w, &line)?;
        writeln!(w)?;
    }
    serde_json::to_writer(
        &mut *w,
        &JsonSummary {
            kind: "summary",
            summary: report.summary(),
        },
    )?;
    writeln!(w)
}

#[derive(Serialize)]
struct JsonAnswer<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(flatten)]
    grade: Option<&'a Grade>,
    path: &'a str,
    line: usize,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_score: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    /// Points left out by `<!-- rubric: ignore ... -->`: `id`, `label`, `reason`, `line`.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    suppressed: &'a [Suppressed],
}

#[derive(Serialize)]
struct JsonSummary {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    summary: Summary,
}

/// JUnit XML: one test suite per file, one test case per answer. A failure lists the missing
/// points; a file that cannot be checked is an error; a skipped answer is skipped.
pub fn junit(w: &mut impl Write, report: &Report) -> io::Result<()> {
    let records = &report.records;
    let s = Summary::of(records);
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<testsuites name="rubric check" tests="{}" failures="{}" errors="{}" skipped="{}">"#,
        s.answers, s.failed, s.errors, s.skipped
    )?;
    for file in records.chunk_by(|a, b| a.path == b.path) {
        let fs = Summary::of(file);
        let path = xml(&file[0].path);
        writeln!(
            w,
            r#"  <testsuite name="{path}" tests="{}" failures="{}" errors="{}" skipped="{}">"#,
            fs.answers, fs.failed, fs.errors, fs.skipped
        )?;
        for r in file {
            let name = match (&r.grade, &r.id) {
                (Some(g), _) => format!("{}: {}", g.id, g.question),
                (None, Some(id)) => id.clone(),
                (None, None) => format!("line {}", r.line),
            };
            write!(
                w,
                r#"    <testcase name="{}" classname="{path}" file="{path}" line="{}""#,
                xml(&name),
                r.line
            )?;
            let message = xml(r.message.as_deref().unwrap_or_default());
            match (r.status, &r.grade) {
                (Status::Pass, _) => writeln!(w, "/>")?,
                (Status::Fail, Some(g)) => {
                    let head = format!("{}/100 ({}), below the threshold of {}", g.score, g.band.as_str(), r.min_score.unwrap_or_default());
                    writeln!(w, ">\n      <failure message=\"{}\" type=\"below-threshold\">{}</failure>\n    </testcase>", xml(&head), xml(&missing_text(g)))?;
                }
                (Status::Skip, _) => writeln!(w, ">\n      <skipped message=\"{message}\"/>\n    </testcase>")?,
                _ => writeln!(w, ">\n      <error message=\"{message}\" type=\"error\">{message}</error>\n    </testcase>")?,
            }
        }
        writeln!(w, "  </testsuite>")?;
    }
    writeln!(w, "</testsuites>")
}

/// GitHub Actions workflow commands: an `::error` per answer below its threshold and per file
/// that cannot be checked, a `::warning` per answer with grader warnings, then the total.
pub fn github(w: &mut impl Write, report: &Report) -> io::Result<()> {
    for r in &report.records {
        let file = if r.path == "<stdin>" {
            String::new()
        } else {
            format!("file={},line={},", gh_property(&r.path), r.line)
        };
        match (r.status, &r.grade) {
            (Status::Fail, Some(g)) => {
                let title = format!(
                    "{} scored {}/100 ({}), needs {}",
                    g.id,
                    g.score,
                    g.band.as_str(),
                    r.min_score.unwrap_or_default()
                );
                writeln!(
                    w,
                    "::error {file}title={}::{}",
                    gh_property(&title),
                    gh_data(&format!("{}\n{}", g.question, missing_text(g)))
                )?;
            }
            (Status::Error, _) => {
                writeln!(
                    w,
                    "::error {file}title={}::{}",
                    gh_property("rubric cannot check this"),
                    gh_data(r.message.as_deref().unwrap_or_default())
                )?;
            }
            _ => {}
        }
        for s in &r.suppressed {
            let at = if r.path == "<stdin>" {
                String::new()
            } else {
                format!("file={},line={},", gh_property(&r.path), s.line)
            };
            writeln!(
                w,
                "::notice {at}title={}::{}",
                gh_property(&format!("{} ignored", s.id)),
                gh_data(&suppressed_text(s))
            )?;
        }
        if let Some(g) = r.grade.as_ref().filter(|g| !g.warnings.is_empty()) {
            let title = format!(
                "{}: {} grader warning{}",
                g.id,
                g.warnings.len(),
                if g.warnings.len() == 1 { "" } else { "s" }
            );
            writeln!(
                w,
                "::warning {file}title={}::{}",
                gh_property(&title),
                gh_data(&g.warnings.join("\n"))
            )?;
        }
    }
    writeln!(w, "{}", report.summary().line())
}

/// A Markdown summary for a CI job summary or a pull-request comment.
pub fn markdown(w: &mut impl Write, report: &Report) -> io::Result<()> {
    let records = &report.records;
    writeln!(
        w,
        "{MARKDOWN_MARKER}\n### rubric check\n\n**{}**\n",
        report.summary().line()
    )?;
    if !records.is_empty() {
        writeln!(
            w,
            "| | File | Question | Score | Band | Status |\n|---|---|---|---:|---|---|"
        )?;
    }
    for r in records {
        let icon = match r.status {
            Status::Pass => "✅",
            Status::Fail => "❌",
            Status::Skip => "⏭️",
            Status::Error => "⚠️",
        };
        let status = match (r.status, r.min_score) {
            (Status::Fail, Some(min)) => format!("fail (needs {min})"),
            (s, _) => s.as_str().to_string(),
        };
        writeln!(
            w,
            "| {icon} | `{}` | {} | {} | {} | {status} |",
            location(r).replace('`', "'"),
            md(r.id.as_deref().unwrap_or("-")),
            score(r),
            band(r)
        )?;
    }
    for r in records.iter().filter(|r| r.status == Status::Fail) {
        let Some(g) = &r.grade else { continue };
        writeln!(
            w,
            "\n<details><summary>❌ <code>{}</code>: {} scored {}/100, needs {}</summary>\n",
            xml(&location(r)),
            g.id,
            g.score,
            r.min_score.unwrap_or_default()
        )?;
        writeln!(w, "> {}\n", md(&g.question))?;
        for p in g.missing_points() {
            writeln!(w, "- **{}**: {}", md(&p.label), md(&p.hint))?;
        }
        writeln!(w, "\n</details>")?;
    }
    let suppressed: Vec<(&Record, &Suppressed)> = records
        .iter()
        .flat_map(|r| r.suppressed.iter().map(move |s| (r, s)))
        .collect();
    if !suppressed.is_empty() {
        writeln!(w, "\n**Suppressed points**\n")?;
    }
    for (r, s) in suppressed {
        writeln!(
            w,
            "- `{}:{}`: {}",
            r.path.replace('`', "'"),
            s.line,
            md(&suppressed_text(s))
        )?;
    }
    let errors: Vec<&Record> = records
        .iter()
        .filter(|r| r.status == Status::Error)
        .collect();
    if !errors.is_empty() {
        writeln!(w, "\n**Errors**\n")?;
    }
    for r in errors {
        writeln!(
            w,
            "- `{}`: {}",
            location(r).replace('`', "'"),
            md(r.message.as_deref().unwrap_or_default())
        )?;
    }
    Ok(())
}

/// The first line of a Markdown report: invisible where the Markdown is rendered (a job summary,
/// a pull-request comment), and how a later run knows the file is a report, not an answer.
pub const MARKDOWN_MARKER: &str = "<!-- @generated by rubric check: a report, not an answer -->";

/// True when `text` is a report that `rubric check` wrote (in any format, colored or not), so
/// that a report saved inside the checked tree (`check -o summary.md .`, or `> report.txt`) is
/// not graded as an answer on the next run. Each printer's first line is recognized.
pub fn is_report(text: &str) -> bool {
    static TEXT_HEADER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^PATH +QUESTION +SCORE +BAND +STATUS$").unwrap());
    static TOTAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d+ answers?: \d+ passed, \d+ failed, \d+ skipped").unwrap()
    });
    static ESCAPES: LazyLock<Regex> = LazyLock::new(|| Regex::new("\u{1b}\\[[0-9;]*m").unwrap());
    let text = text.trim_start_matches('\u{feff}');
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    let first = ESCAPES.replace_all(first, "");
    first == MARKDOWN_MARKER
        || TEXT_HEADER.is_match(&first)
        || TOTAL.is_match(&first)
        || first.starts_with("{\"type\":\"answer\"")
        || first.starts_with("{\"type\":\"summary\"")
        || ["::error ", "::warning ", "::notice "]
            .iter()
            .any(|c| first.starts_with(c))
        || (first.eq_ignore_ascii_case("<!DOCTYPE html>")
            && text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .nth(1)
                .is_some_and(|l| l == MARKDOWN_MARKER))
        || (first.starts_with("<?xml")
            && text
                .lines()
                .nth(1)
                .is_some_and(|l| l.starts_with(r#"<testsuites name="rubric check""#)))
}

/// `path:line`, which terminals and editors open at the line.
fn location(r: &Record) -> String {
    format!("{}:{}", r.path, r.line)
}

/// `sre-24/g1 (availability patterns) ignored: my story had no on-call`.
fn suppressed_text(s: &Suppressed) -> String {
    let reason = if s.reason.is_empty() {
        "no reason given".to_string()
    } else {
        s.reason.clone()
    };
    format!("{} ({}) ignored: {reason}", s.id, s.label)
}

fn score(r: &Record) -> String {
    r.grade
        .as_ref()
        .map_or_else(|| "-".to_string(), |g| g.score.to_string())
}

fn band(r: &Record) -> String {
    r.grade
        .as_ref()
        .map_or_else(|| "-".to_string(), |g| g.band.as_str().to_string())
}

fn paint_status(s: &str, status: Status, style: Style) -> String {
    match status {
        Status::Pass => style.paint(s, Color::Green),
        Status::Fail => style.paint(&style.bold(s), Color::Red),
        Status::Skip => style.dim(s),
        Status::Error => style.paint(&style.bold(s), Color::Magenta),
    }
}

/// The missing points of a grade, one `- label: hint` line each.
fn missing_text(g: &Grade) -> String {
    let lines: Vec<String> = g
        .missing_points()
        .map(|p| format!("- {}: {}", p.label, p.hint))
        .collect();
    format!("Missing:\n{}", lines.join("\n"))
}

/// Escapes text for XML attributes and content, dropping characters XML 1.0 cannot hold.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes a workflow command's message (after `::`).
fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (`file=`, `title=`).
fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Escapes text for a Markdown table cell or list item.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_for_each_format() {
        assert_eq!(
            xml("a<b & \"c\"\n\u{1b}"),
            "a&lt;b &amp; &quot;c&quot;&#10;"
        );
        assert_eq!(gh_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(gh_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(md("a|b *c*"), "a\\|b \\*c\\*");
    }

    #[test]
    fn every_printer_handles_no_records() {
        let empty = Report::default();
        let mut out = Vec::new();
        text(&mut out, &empty, TextOptions::default()).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out),
            "0 answers: 0 passed, 0 failed, 0 skipped\n"
        );
        out.clear();
        json(&mut out, &empty).unwrap();
        assert_eq!(String::from_utf8_lossy(&out), "{\"type\":\"summary\",\"answers\":0,\"passed\":0,\"failed\":0,\"skipped\":0,\"errors\":0,\"no_question\":0}\n");
        type Printer = fn(&mut Vec<u8>, &Report) -> io::Result<()>;
        for f in [junit as Printer, github, markdown] {
            out.clear();
            f(&mut out, &empty).unwrap();
            assert!(!out.is_empty());
        }
    }

    #[test]
    fn every_report_is_recognized_as_one_and_answers_are_not() {
        let mk = |status| Record {
            status,
            ..Record::error("a.md", 3, "cannot tell which question this answers")
        };
        let samples = [
            Report::default(),
            Report {
                records: vec![mk(Status::Error), mk(Status::Skip)],
                no_question: vec!["README.md".into()],
            },
        ];
        type Printer = fn(&mut Vec<u8>, &Report) -> io::Result<()>;
        let plain = |w: &mut Vec<u8>, r: &Report| text(w, r, TextOptions::default());
        let quiet = |w: &mut Vec<u8>, r: &Report| {
            text(
                w,
                r,
                TextOptions {
                    quiet: true,
                    ..TextOptions::default()
                },
            )
        };
        let colored = |w: &mut Vec<u8>, r: &Report| {
            text(
                w,
                r,
                TextOptions {
                    style: Style { color: true },
                    quiet: false,
                },
            )
        };
        let summary = |w: &mut Vec<u8>, r: &Report| total(w, r, Style { color: true });
        colored::control::set_override(true);
        for report in &samples {
            for (name, f) in [
                ("text", plain as Printer),
                ("quiet text", quiet),
                ("colored text", colored),
                ("total", summary),
                ("json", json),
                ("junit", junit),
                ("github", github),
                ("markdown", markdown),
                ("html", super::super::html::check),
            ] {
                let mut out = Vec::new();
                f(&mut out, report).unwrap();
                let out = String::from_utf8(out).unwrap();
                assert!(
                    is_report(&out),
                    "{name} with {} records:\n{out}",
                    report.records.len()
                );
            }
        }
        for answer in [
            "",
            "# sre-13\n\nRetries amplify load.",
            "---\nquestion: sre-13\n---\nPATH QUESTION",
            "Path, question, score: three things I track.",
            "## rubric check\nA heading about a rubric.",
            "{\"id\": \"sre-13\"}",
            "<!DOCTYPE html>\n<p>My answer, kept as a web page.</p>",
        ] {
            assert!(!is_report(answer), "{answer:?}");
        }
    }

    #[test]
    fn table_columns_align_by_display_width() {
        let mk = |path: &str| Record {
            status: Status::Skip,
            id: Some("sre-13".into()),
            ..Record::error(path, 1, "skipped")
        };
        let report = Report {
            records: vec![
                mk("答案/缓存.md"),
                mk("answers/cache.md"),
                mk("cafe\u{301}.md"),
            ],
            no_question: Vec::new(),
        };
        let mut out = Vec::new();
        text(&mut out, &report, TextOptions::default()).unwrap();
        let out = String::from_utf8(out).unwrap();
        let columns: Vec<usize> = out
            .lines()
            .take(4)
            .map(|l| {
                let before = &l[..l.find("sre-13").or_else(|| l.find("QUESTION")).unwrap()];
                unicode_width::UnicodeWidthStr::width(before)
            })
            .collect();
        assert_eq!(columns, vec![columns[0]; 4], "{out}");
    }
}
