//! Printers for `rubric progress` and the lines `rubric practice` ends with: a summary people
//! read in a terminal (scores over time as sparklines), and JSON for scripts.

use super::grade::band_color;
use super::{count, wrap, Style};
use crate::grade::band_of;
use crate::history::{format_date, parse_time};
use crate::progress::{Progress, QuestionProgress, Untried};
use serde::Serialize;
use std::io::{self, Write};

const WIDTH: usize = 88;

/// How many of a question's latest scores its sparkline shows.
pub const TREND_LEN: usize = 12;

/// How many missed points the text lists.
const MISSED_SHOWN: usize = 5;

/// Scores as a sparkline, one bar per score on a fixed 0-100 scale (so bars compare across
/// questions): `▁` for 0-7, `█` for 93-100.
pub fn sparkline(scores: &[u32]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    scores
        .iter()
        .map(|s| BARS[((s.min(&100) * 7 + 50) / 100) as usize])
        .collect()
}

/// The progress report: the history file, the totals, one row per set and per question tried,
/// the points missed most often, then the questions never tried.
pub fn text(w: &mut impl Write, history: &str, p: &Progress, style: Style) -> io::Result<()> {
    writeln!(w, "{} {}", style.bold("History"), history)?;
    let tried = p.questions.len();
    match (&p.first, &p.last) {
        (Some(first), Some(last)) => writeln!(
            w,
            "{} on {}, {} to {}",
            count(p.attempts, "attempt", "attempts"),
            count(tried, "question", "questions"),
            date(first),
            date(last)
        )?,
        _ => writeln!(
            w,
            "No attempts yet: `rubric practice` picks a question and records your answer."
        )?,
    }

    if !p.sets.is_empty() {
        writeln!(w)?;
        let rows: Vec<[String; 5]> = p
            .sets
            .iter()
            .map(|s| {
                [
                    s.set.clone(),
                    format!("{} of {}", s.tried, s.questions),
                    s.attempts.to_string(),
                    opt(s.mean_best),
                    opt(s.mean_last),
                ]
            })
            .collect();
        let header = ["SET", "TRIED", "ATTEMPTS", "MEAN BEST", "MEAN LAST"];
        table(w, header, &rows, &[false, false, true, true, true], style)?;
    }

    if !p.questions.is_empty() {
        writeln!(w)?;
        let rows: Vec<[String; 5]> = p.questions.iter().map(question_row).collect();
        let header = ["QUESTION", "ATTEMPTS", "BEST", "LAST", "TREND"];
        let aligned = table_rows(header, &rows, &[false, true, true, false, false]);
        writeln!(w, "{}", style.bold(&aligned[0]))?;
        for (line, q) in aligned[1..].iter().zip(&p.questions) {
            // Color the band word of LAST, found by its position in the aligned row.
            let band = &q.last_band;
            let colored = style.paint(band, band_color(band_of(q.last)));
            let line = match line.find(&format!("{} {band}", q.last)) {
                Some(i) => {
                    let at = i + q.last.to_string().len() + 1;
                    format!("{}{colored}{}", &line[..at], &line[at + band.len()..])
                }
                None => line.clone(),
            };
            writeln!(w, "{}", line.trim_end())?;
        }
    }

    if !p.missed.is_empty() {
        writeln!(w, "\n{}", style.bold("Points you miss most often"))?;
        for m in p.missed.iter().take(MISSED_SHOWN) {
            writeln!(
                w,
                "  {} {}  {}",
                style.paint("✗", colored::Color::Red),
                m.label,
                style.dim(&format!(
                    "missed in {} of {}",
                    m.missed,
                    count(m.graded, "attempt", "attempts")
                ))
            )?;
            let hint = format!("{} ({})", m.hint, m.id);
            write!(w, "{}", wrap(&hint, WIDTH, "      "))?;
        }
    }

    if !p.never_tried.is_empty() {
        writeln!(
            w,
            "\n{}",
            style.bold(&format!(
                "Never tried: {}",
                count(p.never_tried.len(), "question", "questions")
            ))
        )?;
        let mut sets: Vec<&str> = p.never_tried.iter().map(|u| u.set.as_str()).collect();
        sets.dedup();
        for set in sets {
            let of_set: Vec<&Untried> = p.never_tried.iter().filter(|u| u.set == set).collect();
            let line = format!("{set}: {}", ranges(&of_set));
            write!(w, "{}", wrap(&line, WIDTH, "  "))?;
        }
    }
    Ok(())
}

/// `2026-11-14` from an RFC 3339 time.
fn date(rfc3339: &str) -> String {
    parse_time(rfc3339).map_or_else(|_| rfc3339.to_string(), format_date)
}

fn opt(v: Option<u32>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

fn question_row(q: &QuestionProgress) -> [String; 5] {
    let start = q.scores.len().saturating_sub(TREND_LEN);
    [
        q.id.clone(),
        q.attempts.to_string(),
        q.best.to_string(),
        format!("{} {}", q.last, q.last_band),
        sparkline(&q.scores[start..]),
    ]
}

/// Untried questions of one set as runs of neighbours: `sre-01 to sre-12, sre-14`. A run is
/// broken where a question of the set was tried.
fn ranges(untried: &[&Untried]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        match run.as_slice() {
            [] => {}
            [one] => out.push(one.to_string()),
            [a, b] => out.push(format!("{a}, {b}")),
            [a, .., b] => out.push(format!("{a} to {b}")),
        }
        run.clear();
    };
    for (i, u) in untried.iter().enumerate() {
        let follows = i > 0 && numbered_after(untried[i - 1].id.as_str(), u.id.as_str());
        if !follows {
            flush(&mut run, &mut out);
        }
        run.push(&u.id);
    }
    flush(&mut run, &mut out);
    out.join(", ")
}

/// True when `b` is the question numbered right after `a` in the same set (`sre-12`, `sre-13`).
fn numbered_after(a: &str, b: &str) -> bool {
    let num = |id: &str| -> Option<(String, u32)> {
        let (set, n) = id.rsplit_once('-')?;
        Some((set.to_string(), n.parse().ok()?))
    };
    matches!((num(a), num(b)), (Some((sa, na)), Some((sb, nb))) if sa == sb && nb == na + 1)
}

/// Rows aligned under a header by display width; `right` marks right-aligned columns.
fn table_rows<const N: usize>(
    header: [&str; N],
    rows: &[[String; N]],
    right: &[bool],
) -> Vec<String> {
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let mut widths = [0usize; N];
    for (i, h) in header.iter().enumerate() {
        widths[i] = width(h);
    }
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(width(cell));
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let pad = " ".repeat(widths[i] - width(c));
                if right[i] {
                    format!("{pad}{c}")
                } else {
                    format!("{c}{pad}")
                }
            })
            .collect();
        parts.join("  ").trim_end().to_string()
    };
    std::iter::once(line(header.to_vec()))
        .chain(
            rows.iter()
                .map(|r| line(r.iter().map(String::as_str).collect())),
        )
        .collect()
}

fn table<const N: usize>(
    w: &mut impl Write,
    header: [&str; N],
    rows: &[[String; N]],
    right: &[bool],
    style: Style,
) -> io::Result<()> {
    let lines = table_rows(header, rows, right);
    writeln!(w, "{}", style.bold(&lines[0]))?;
    for l in &lines[1..] {
        writeln!(w, "{l}")?;
    }
    Ok(())
}

/// One JSON object: `history` (the file), then every field of [`Progress`].
pub fn json(w: &mut impl Write, history: &str, p: &Progress) -> io::Result<()> {
    #[derive(Serialize)]
    struct Out<'a> {
        history: &'a str,
        #[serde(flatten)]
        progress: &'a Progress,
    }
    serde_json::to_writer(
        &mut *w,
        &Out {
            history,
            progress: p,
        },
    )?;
    writeln!(w)
}

/// What `rubric practice` and `grade --save` say after saving: the attempt's number, the best
/// score and the trend of the question, and where the history is.
pub fn recorded(
    w: &mut impl Write,
    q: &QuestionProgress,
    history: &str,
    style: Style,
) -> io::Result<()> {
    let start = q.scores.len().saturating_sub(TREND_LEN);
    let previous = q
        .scores
        .len()
        .checked_sub(2)
        .map(|i| format!(", was {}", q.scores[i]))
        .unwrap_or_default();
    writeln!(
        w,
        "{} attempt {} at {}: {}{previous}, best {}  {}",
        style.bold("Recorded"),
        q.attempts,
        q.id,
        q.last,
        q.best,
        sparkline(&q.scores[start..])
    )?;
    writeln!(w, "{}", style.dim(&format!("History: {history}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_use_a_fixed_scale() {
        assert_eq!(sparkline(&[0, 7, 8, 50, 92, 93, 100, 250]), "▁▁▂▅▇███");
        assert_eq!(sparkline(&[]), "");
    }

    #[test]
    fn untried_questions_read_as_runs() {
        let u = |id: &str| Untried {
            id: id.into(),
            set: "sre".into(),
            question: String::new(),
        };
        let list = [
            u("sre-01"),
            u("sre-02"),
            u("sre-03"),
            u("sre-05"),
            u("sre-07"),
            u("sre-08"),
        ];
        let refs: Vec<&Untried> = list.iter().collect();
        assert_eq!(ranges(&refs), "sre-01 to sre-03, sre-05, sre-07, sre-08");
    }
}
