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
            "set {}, question {}, {}{}",
            q.set,
            q.number,
            q.kind.as_str(),
            if q.reviewed {
                ""
            } else {
                ", drafted automatically (not reviewed)"
            }
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
    writeln!(w, "\n{}", style.bold("What the interviewer listens for"))?;
    for p in &q.points {
        show_point(w, p, style)?;
    }
    Ok(())
}

/// How many ways of saying one piece of evidence `show` lists before "...".
const SHOWN_ALTERNATIVES: usize = 5;

fn show_point(w: &mut impl Write, p: &crate::rubric::Point, style: Style) -> io::Result<()> {
    let name = p.id.rsplit('/').next().unwrap_or(&p.id);
    writeln!(
        w,
        "  {} {}",
        style.bold(&p.label),
        style.dim(&format!("({name})"))
    )?;
    let mut about = vec![p.source.as_str().to_string()];
    if let Some(item) = &p.guidance_item {
        about[0] = format!("guidance: \u{201c}{item}\u{201d}");
    }
    about.push(match p.weight {
        0 => "not scored".to_string(),
        w => format!("weight {w}"),
    });
    if let Some(n) = p.need.filter(|n| *n != 1.0) {
        about.push(format!("needs {n} pieces of evidence"));
    }
    writeln!(w, "      {}", style.dim(&about.join(", ")))?;
    if let Some(why) = &p.unscored {
        write!(w, "{}", wrap(&format!("not scored: {why}"), 88, "      "))?;
    }
    for entry in &p.terms {
        write!(
            w,
            "{}",
            wrap(&format!("· {}", alternatives(entry)), 88, "      ")
        )?;
    }
    for entry in &p.related {
        write!(
            w,
            "{}",
            style.dim(&wrap(
                &format!("· (weak) {}", alternatives(entry)),
                88,
                "      "
            ))
        )?;
    }
    write!(w, "{}", wrap(&format!("hint: {}", p.hint), 88, "      "))
}

/// An evidence entry's ways of saying it, the first few, readable: `a / b / c ...`.
fn alternatives(entry: &str) -> String {
    let alts: Vec<&str> = entry.split(" | ").collect();
    let mut s = alts[..alts.len().min(SHOWN_ALTERNATIVES)].join(" / ");
    if alts.len() > SHOWN_ALTERNATIVES {
        s.push_str(" / ...");
    }
    s
}

pub fn show_json(w: &mut impl Write, q: &Question) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, q)?;
    writeln!(w)
}
