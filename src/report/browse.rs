//! Printers for browsing the bank: `rubric list` and `rubric show`.

use super::{wrap, Style};
use crate::rubric::Question;
use serde::Serialize;
use std::io::{self, Write};

/// A row of `rubric list --format json`.
#[derive(Debug, Serialize)]
pub struct ListItem<'a> {
    pub id: &'a str,
    pub set: &'a str,
    pub number: usize,
    pub question: &'a str,
    pub kind: &'static str,
}

impl<'a> From<&'a Question> for ListItem<'a> {
    fn from(q: &'a Question) -> Self {
        ListItem {
            id: &q.id,
            set: &q.set,
            number: q.number,
            question: &q.question,
            kind: q.kind.as_str(),
        }
    }
}

pub fn list_text(w: &mut impl Write, qs: &[&Question], style: Style) -> io::Result<()> {
    for q in qs {
        writeln!(
            w,
            "{:<9} {:<12} {}",
            style.bold(&q.id),
            style.dim(q.kind.as_str()),
            q.question
        )?;
    }
    Ok(())
}

pub fn list_json(w: &mut impl Write, qs: &[&Question]) -> io::Result<()> {
    let items: Vec<ListItem> = qs.iter().map(|q| ListItem::from(*q)).collect();
    serde_json::to_writer_pretty(&mut *w, &items)?;
    writeln!(w)
}

pub fn show_text(w: &mut impl Write, q: &Question, style: Style) -> io::Result<()> {
    writeln!(w, "{}  {}", style.bold(&q.id), q.question)?;
    writeln!(
        w,
        "{}",
        style.dim(&format!(
            "set {}, question {}, {}",
            q.set,
            q.number,
            q.kind.as_str()
        ))
    )?;
    if let Some(g) = &q.guidance {
        writeln!(w, "\n{}", style.bold("Guidance"))?;
        write!(w, "{}", wrap(g, 88, "  "))?;
    }
    writeln!(w, "\n{}", style.bold("Sample answer"))?;
    for para in q.sample_answer.split("\n\n") {
        write!(w, "{}", wrap(para, 88, "  "))?;
    }
    writeln!(w, "\n{}", style.bold("Points"))?;
    for p in &q.points {
        writeln!(
            w,
            "  {} {} {}",
            style.bold(&p.id),
            p.label,
            style.dim(&format!("[{}, weight {}]", p.source.as_str(), p.weight))
        )?;
        write!(
            w,
            "{}",
            wrap(&format!("terms: {}", p.terms.join(", ")), 88, "      ")
        )?;
        if !p.related.is_empty() {
            write!(
                w,
                "{}",
                style.dim(&wrap(
                    &format!("related: {}", p.related.join(", ")),
                    88,
                    "      "
                ))
            )?;
        }
        write!(w, "{}", wrap(&format!("hint: {}", p.hint), 88, "      "))?;
    }
    Ok(())
}

pub fn show_json(w: &mut impl Write, q: &Question) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, q)?;
    writeln!(w)
}
