//! Printers for one graded answer: a report a candidate reads, and JSON.

use super::{wrap, Style};
use crate::grade::{Band, Grade};
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

    let covered: Vec<_> = g.points.iter().filter(|p| p.covered).collect();
    if !covered.is_empty() {
        writeln!(w, "\n{}", style.bold("Covered"))?;
        for p in covered {
            let partial = if p.credit < 1.0 {
                format!(
                    " {}",
                    style.dim(&format!("(partly, {:.0}%)", p.credit * 100.0))
                )
            } else {
                String::new()
            };
            writeln!(
                w,
                "  {} {}{partial}",
                style.paint("✓", Color::Green),
                p.label
            )?;
            if !p.evidence.is_empty() {
                let words: Vec<String> = p
                    .evidence
                    .iter()
                    .map(|e| format!("\u{201c}{e}\u{201d}"))
                    .collect();
                write!(
                    w,
                    "{}",
                    style.dim(&wrap(
                        &format!("from {}", words.join(", ")),
                        WIDTH,
                        "      "
                    ))
                )?;
            }
        }
    }
    let missing: Vec<_> = g.missing_points().collect();
    if !missing.is_empty() {
        writeln!(w, "\n{}", style.bold("Missing"))?;
        for p in missing {
            let partial = if p.credit > 0.0 {
                format!(
                    " {}",
                    style.dim(&format!("(touched on: {})", p.evidence.join(", ")))
                )
            } else {
                String::new()
            };
            writeln!(w, "  {} {}{partial}", style.paint("✗", Color::Red), p.label)?;
            write!(w, "{}", wrap(&p.hint, WIDTH, "      "))?;
        }
    }
    // Points the grader cannot check reliably: named, so the candidate still covers them.
    let unscored = g.unscored_missing();
    if !unscored.is_empty() {
        writeln!(w, "\n{}", style.bold("Also listened for (not scored)"))?;
        write!(w, "{}", wrap(&unscored.join("; "), WIDTH, "  "))?;
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

/// One JSON object, on one line.
pub fn json(w: &mut impl Write, g: &Grade) -> io::Result<()> {
    serde_json::to_writer(&mut *w, g)?;
    writeln!(w)
}
