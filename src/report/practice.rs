//! What `rubric practice` shows before the answer: the question picked and why, and the file
//! the editor opens, with the question as a comment header above a scissors line (as `git
//! commit` puts its instructions in comments).

use super::{wrap, Style};
use crate::history::format_date;
use crate::progress::Reason;
use crate::rubric::Question;
use std::io::{self, Write};

const WIDTH: usize = 88;

/// The scissors line: everything above it in the editor's file is the header and is dropped.
pub const SCISSORS: &str = "# ------------------------ >8 ------------------------";

/// The question, why it was picked, and its guidance when asked for. Never the sample answer.
pub fn question(
    w: &mut impl Write,
    q: &Question,
    why: &Reason,
    guidance: bool,
    style: Style,
) -> io::Result<()> {
    let reason = reason(why);
    writeln!(
        w,
        "{}  {}",
        style.bold(&format!("Practice {}", q.id)),
        style.dim(&format!("{}, {}{reason}", q.set, q.kind.as_str()))
    )?;
    write!(w, "{}", style.bold(&wrap(&q.question, WIDTH, "")))?;
    if guidance {
        if let Some(g) = &q.guidance {
            writeln!(w)?;
            write!(w, "{}", wrap(g, WIDTH, "  "))?;
        }
    }
    writeln!(w)
}

/// What to do after an attempt: read the sample answer, go again.
pub fn next_steps(w: &mut impl Write, q: &Question, style: Style) -> io::Result<()> {
    writeln!(
        w,
        "{}",
        style.dim(&format!(
            "The sample answer and every point: rubric show {}. Again: rubric practice --question {}",
            q.id, q.id
        ))
    )
}

/// Why a question was picked, as a clause after the set and kind (empty when named).
fn reason(why: &Reason) -> String {
    match why {
        Reason::NeverTried => ": never tried".to_string(),
        Reason::Weakest { last, attempts, at } => format!(
            ": last scored {last} on {}, {} so far",
            format_date(*at),
            super::count(*attempts, "attempt", "attempts")
        ),
        Reason::Random => ": drawn at random".to_string(),
        Reason::Named => String::new(),
    }
}

/// The file the editor opens: the question (and guidance) as `#` comments, the instructions,
/// the scissors line, and an empty line for the answer.
pub fn template(q: &Question, guidance: bool) -> String {
    let mut s = String::new();
    let comment = |s: &mut String, text: &str| {
        for line in wrap(text, 78, "").lines() {
            s.push_str("# ");
            s.push_str(line);
            s.push('\n');
        }
    };
    s.push_str(&format!(
        "# rubric practice: {} ({}, {})\n#\n",
        q.id,
        q.set,
        q.kind.as_str()
    ));
    comment(&mut s, &q.question);
    if guidance {
        if let Some(g) = &q.guidance {
            s.push_str("#\n");
            comment(&mut s, g);
        }
    }
    s.push_str("#\n");
    comment(
        &mut s,
        "Write your answer below the line, then save and close the editor to grade it. Everything above the line is ignored; Markdown is fine. Leave the answer empty to record nothing.",
    );
    s.push_str(SCISSORS);
    s.push_str("\n\n");
    s
}

/// The answer in a file made from [`template`]: the text below the scissors line, and any text
/// written above it that is not a `#` comment line of the header. `None` when that is empty.
pub fn answer_of(edited: &str) -> Option<String> {
    let edited = edited.strip_prefix('\u{feff}').unwrap_or(edited);
    let mut above: Vec<&str> = Vec::new();
    let mut below: Option<Vec<&str>> = None;
    for line in edited.split_inclusive('\n') {
        match &mut below {
            Some(b) => b.push(line),
            None if line.trim_end() == SCISSORS
                || (line.starts_with("# ---") && line.contains(">8")) =>
            {
                below = Some(Vec::new())
            }
            None => above.push(line),
        }
    }
    let header_free: String = match below {
        // Above the line only what is not a comment is the candidate's (written in the wrong
        // place, but written: never thrown away).
        Some(b) => above
            .iter()
            .filter(|l| !l.starts_with('#'))
            .chain(b.iter())
            .copied()
            .collect(),
        // The line was deleted: drop the header's comment lines at the top, as git does.
        None => above
            .iter()
            .skip_while(|l| l.starts_with('#'))
            .copied()
            .collect(),
    };
    let text = header_free.trim_matches(|c: char| c == '\n' || c == '\r');
    let text = text.trim_end();
    (!text.trim().is_empty()).then(|| format!("{text}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::Kind;

    fn q() -> Question {
        Question {
            id: "sre-13".into(),
            set: "sre".into(),
            number: 13,
            question: "How do you prevent cascading failures?".into(),
            guidance: Some("In your answer, cover timeouts.".into()),
            sample_answer: "SECRET SAMPLE".into(),
            kind: Kind::Technical,
            points: vec![],
            items: vec![],
            reviewed: true,
        }
    }

    #[test]
    fn the_template_holds_the_question_never_the_sample() {
        let t = template(&q(), true);
        assert!(t.contains("# How do you prevent cascading failures?"));
        assert!(t.contains("# In your answer, cover timeouts."));
        assert!(!t.contains("SECRET"));
        assert!(t.ends_with(&format!("{SCISSORS}\n\n")));
        assert!(!template(&q(), false).contains("timeouts"));
        let mut shown = Vec::new();
        question(&mut shown, &q(), &Reason::NeverTried, true, Style::plain()).unwrap();
        assert!(!String::from_utf8(shown).unwrap().contains("SECRET"));
    }

    #[test]
    fn the_answer_is_what_is_below_the_line_with_markdown_headings_kept() {
        let t = template(&q(), false);
        assert_eq!(answer_of(&t), None);
        assert_eq!(answer_of(&format!("{t}   \n\n")), None);
        let written = format!("{t}# My answer\n\nTimeouts, retries.\n\n");
        assert_eq!(
            answer_of(&written).as_deref(),
            Some("# My answer\n\nTimeouts, retries.\n")
        );
    }

    #[test]
    fn text_written_above_the_line_is_kept_and_a_deleted_line_drops_only_the_header() {
        let t = template(&q(), false);
        let above = format!("Written at the top.\n{t}And below.\n");
        assert_eq!(
            answer_of(&above).as_deref(),
            Some("Written at the top.\n\nAnd below.\n")
        );
        let no_line = t.replace(SCISSORS, "") + "Answer.\n# A heading\n";
        assert_eq!(
            answer_of(&no_line).as_deref(),
            Some("Answer.\n# A heading\n")
        );
    }
}
