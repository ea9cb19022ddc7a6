//! Printers for `rubric eval`.

use super::{count, wrap, Style};
use crate::eval::Report;
use std::io::{self, Write};

pub fn text(w: &mut impl Write, r: &Report, style: Style) -> io::Result<()> {
    writeln!(
        w,
        "{}, {}{}",
        count(r.answers, "answer", "answers"),
        count(r.questions, "question", "questions"),
        if r.skipped > 0 {
            format!(
                " ({} skipped)",
                count(r.skipped, "empty answer", "empty answers")
            )
        } else {
            String::new()
        }
    )?;
    writeln!(w, "Pearson   {:.3}", r.pearson)?;
    writeln!(w, "Spearman  {:.3}", r.spearman)?;
    writeln!(
        w,
        "QWK       {:.3}  (0-100 laid onto the human scale {}-{}, rounded)",
        r.qwk, r.human_min, r.human_max
    )?;
    writeln!(
        w,
        "RMSE      {:.3}  (human ≈ {:.3} + {:.4} × score)",
        r.rmse, r.fit_intercept, r.fit_slope
    )?;
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
