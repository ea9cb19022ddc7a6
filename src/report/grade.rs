//! Printers for one graded answer: a report a candidate reads, and JSON.

use super::{wrap, Style};
use crate::grade::{Band, Grade, PointGrade, State};
use colored::Color;
use std::io::{self, Write};

const WIDTH: usize = 88;

pub fn band_color(b: Band) -> Color {
    match b {
        Band::Strong => Color::Green,
        Band::Good => Color::Cyan,
        Band::Partial => Color::Yellow,
        Band::Weak => Color::Red,
    }
}

/// The human report: question, score and band, covered points with the words that earned
/// them, missing points with hints, then warnings.
pub fn text(w: &mut impl Write, g: &Grade, style: Style) -> io::Result<()> {
    writeln!(w, "{}  {}", style.bold(&g.id), g.question)?;
    let score = format!("{}/100 {}", g.score, g.band.as_str());
    let scored: Vec<_> = g.points.iter().filter(|p| p.weight > 0).collect();
    writeln!(
        w,
        "Score {}  ({} word{}, {} of {} points covered)",
        style.paint(&style.bold(&score), band_color(g.band)),
        g.words,
        if g.words == 1 { "" } else { "s" },
        scored.iter().filter(|p| p.covered).count(),
        scored.len()
    )?;

    let with = |state: State| -> Vec<&PointGrade> {
        g.points.iter().filter(|p| p.state == state).collect()
    };
    let covered = with(State::Covered);
    if !covered.is_empty() {
        writeln!(w, "\n{}", style.bold("Covered"))?;
        for p in covered {
            writeln!(w, "  {} {}", style.paint("✓", Color::Green), p.label)?;
            if !p.evidence.is_empty() {
                let said = format!("you said {}", quoted(&p.evidence));
                write!(w, "{}", style.dim(&wrap(&said, WIDTH, "      ")))?;
            }
        }
    }
    let partial = with(State::Partial);
    if !partial.is_empty() {
        writeln!(w, "\n{}", style.bold("Partly covered"))?;
        for p in partial {
            writeln!(w, "  {} {}", style.paint("◐", Color::Yellow), p.label)?;
            if !p.evidence.is_empty() {
                let said = format!("you said {}, which is not yet enough", quoted(&p.evidence));
                write!(w, "{}", style.dim(&wrap(&said, WIDTH, "      ")))?;
            }
            write!(w, "{}", wrap(&p.hint, WIDTH, "      "))?;
        }
    }
    let missing = with(State::Missing);
    if !missing.is_empty() {
        writeln!(w, "\n{}", style.bold("Missing"))?;
        for p in missing {
            writeln!(w, "  {} {}", style.paint("✗", Color::Red), p.label)?;
            write!(w, "{}", wrap(&p.hint, WIDTH, "      "))?;
        }
    }
    // Points no words can show: named, so the candidate still covers them.
    let unscored = with(State::Unscored);
    if !unscored.is_empty() {
        writeln!(w, "\n{}", style.bold("Also listened for (not scored)"))?;
        for p in unscored {
            let why = p
                .unscored
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            write!(w, "{}", wrap(&format!("· {}{why}", p.label), WIDTH, "  "))?;
        }
    }
    if !g.warnings.is_empty() {
        writeln!(w, "\n{}", style.bold("Warnings"))?;
        for warning in &g.warnings {
            let text = wrap(warning, WIDTH, "    ");
            write!(
                w,
                "  {} {}",
                style.paint("!", Color::Yellow),
                text.trim_start()
            )?;
        }
    }
    Ok(())
}

/// Evidence as the answer's own words, quoted and listed.
fn quoted(evidence: &[String]) -> String {
    let q: Vec<String> = evidence
        .iter()
        .map(|e| format!("\u{201c}{e}\u{201d}"))
        .collect();
    q.join(", ")
}

/// One JSON object, on one line.
pub fn json(w: &mut impl Write, g: &Grade) -> io::Result<()> {
    serde_json::to_writer(&mut *w, g)?;
    writeln!(w)
}
