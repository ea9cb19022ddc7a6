//! Printers for `rubric eval`.

use super::{count, wrap, Style};
use crate::eval::Report;
use std::io::{self, Write};

pub fn text(w: &mut impl Write, r: &Report, style: Style) -> io::Result<()> {
    let scale = format!(
        "{}-{}{}",
        r.human_min,
        r.human_max,
        if r.scale_given { "" } else { " as scored" }
    );
    writeln!(
        w,
        "{}, {}{}",
        count(r.answers, "answer", "answers"),
        count(r.questions, "question", "questions"),
        if r.skipped > 0 {
            format!(
                "; {} skipped",
                count(r.skipped, "empty answer", "empty answers")
            )
        } else {
            String::new()
        }
    )?;
    let base = |f: fn(&crate::eval::Agreement) -> f64| {
        r.baseline
            .as_ref()
            .map_or(String::new(), |b| format!("   word overlap {:.3}", f(b)))
    };
    writeln!(w, "Pearson   {:.3}{}", r.pearson, base(|b| b.pearson))?;
    writeln!(w, "Spearman  {:.3}{}", r.spearman, base(|b| b.spearman))?;
    writeln!(
        w,
        "QWK       {:.3}{}   (0-100 laid onto the human scale {scale}, rounded)",
        r.qwk,
        base(|b| b.qwk)
    )?;
    writeln!(
        w,
        "RMSE      {:.3}{}   (after a least-squares fit; human ≈ {:.3} + {:.4} × score)",
        r.rmse,
        base(|b| b.rmse),
        r.fit_intercept,
        r.fit_slope
    )?;
    if r.baseline.is_some() {
        writeln!(
            w,
            "{}",
            style.dim(
                "word overlap: stemmed ROUGE-1 recall of the reference answer, on the same answers"
            )
        )?;
    }
    if !r.unbuilt.is_empty() {
        writeln!(
            w,
            "\n{} (their answers are not counted)",
            style.bold(&format!(
                "{} could not be built",
                count(r.unbuilt.len(), "question", "questions")
            ))
        )?;
        for u in &r.unbuilt {
            writeln!(w, "  {u}")?;
        }
    }
    if !r.worst.is_empty() {
        writeln!(w, "\n{}", style.bold("Worst disagreements"))?;
        for d in &r.worst {
            writeln!(
                w,
                "  line {} ({}): human {}, grader {} (≈ {:.1} on the human scale)",
                d.line, d.id, d.human, d.score, d.predicted
            )?;
            let answer = crate::text::clip(&d.answer, 240);
            write!(w, "{}", style.dim(&wrap(&answer, 88, "    ")))?;
        }
    }
    Ok(())
}

pub fn json(w: &mut impl Write, r: &Report) -> io::Result<()> {
    serde_json::to_writer(&mut *w, r)?;
    writeln!(w)
}
