//! The HTML pages, parsed with an HTML parser (scraper, html5ever underneath, as a browser
//! parses): self-contained, accessible structure, one section per answer, every highlight
//! inside its own answer's text and exactly on the grade's spans. `.ci/browser-check` renders
//! the same pages in Chromium.

use super::*;
use scraper::{ElementRef, Html, Selector};
use std::collections::BTreeSet;

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text(e: ElementRef) -> String {
    e.text().collect()
}

/// The byte ranges covered by a set of ranges, merged: what a reader sees highlighted.
fn union(ranges: impl IntoIterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = ranges.into_iter().filter(|(a, b)| a < b).collect();
    v.sort();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// The ranges of the points a reader should see highlighted: spans of covered or partly
/// covered points.
fn evidence_ranges(points: &serde_json::Value) -> Vec<(usize, usize)> {
    union(
        points
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| matches!(p["state"].as_str(), Some("covered" | "partial")))
            .flat_map(|p| p["spans"].as_array().unwrap().clone())
            .map(|s| {
                (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                )
            }),
    )
}

/// Checks what every page must be: one language, one h1, a viewport, nothing loaded from
/// anywhere (no script, no stylesheet link, no `src`, only in-page links).
fn assert_self_contained_and_accessible(doc: &Html) {
    assert_eq!(doc.select(&sel("html[lang=en]")).count(), 1);
    assert_eq!(doc.select(&sel("h1")).count(), 1);
    assert_eq!(doc.select(&sel("meta[name=viewport]")).count(), 1);
    assert!(doc
        .select(&sel("title"))
        .next()
        .map(text)
        .is_some_and(|t| !t.is_empty()));
    assert_eq!(
        doc.select(&sel("script, link, iframe, img, object, embed"))
            .count(),
        0
    );
    assert_eq!(doc.select(&sel("[src]")).count(), 0);
    for a in doc.select(&sel("[href]")) {
        let href = a.value().attr("href").unwrap();
        assert!(href.starts_with('#'), "a link leaves the page: {href}");
    }
    for svg in doc.select(&sel("svg")) {
        assert_eq!(svg.value().attr("role"), Some("img"));
        let labels = svg.value().attr("aria-labelledby").unwrap();
        for id in labels.split_whitespace() {
            assert_eq!(doc.select(&sel(&format!("#{id}"))).count(), 1, "{id}");
        }
    }
    for table in doc.select(&sel("table")) {
        assert_eq!(table.select(&sel("caption")).count(), 1);
        assert!(table.select(&sel("th[scope=col]")).count() > 0);
    }
    // Headings go down one level at a time.
    let mut last = 1;
    for h in doc.select(&sel("h1, h2, h3, h4, h5, h6")) {
        let level: u32 = h.value().name()[1..].parse().unwrap();
        assert!(level <= last + 1, "h{level} after h{last}");
        last = level;
    }
    // Every mark is inside an answer's text.
    let inside: usize = doc
        .select(&sel(".answer-text"))
        .map(|t| t.select(&sel("mark")).count())
        .sum();
    let legend = doc.select(&sel(".legend mark")).count();
    assert_eq!(doc.select(&sel("mark")).count(), inside + legend);
}

/// Checks one answer section against the answer it shows and the points of its grade: the
/// text is the answer byte for byte, each mark is where its byte range says, the marks cover
/// exactly the evidence spans, and every missing point is listed with its hint.
fn assert_answer_section(section: ElementRef, answer: Option<&str>, points: &serde_json::Value) {
    let texts: Vec<ElementRef> = section.select(&sel(".answer-text")).collect();
    assert_eq!(texts.len(), 1, "one answer text per section");
    let shown = text(texts[0]);
    if let Some(answer) = answer {
        assert_eq!(shown, answer, "the page shows the answer byte for byte");
    }
    let mut marked = Vec::new();
    for mark in texts[0].select(&sel("mark")) {
        let start: usize = mark.value().attr("data-start").unwrap().parse().unwrap();
        let end: usize = mark.value().attr("data-end").unwrap().parse().unwrap();
        assert_eq!(
            text(mark),
            shown[start..end],
            "a mark is where its range says"
        );
        let ids = mark.value().attr("data-points").unwrap();
        assert!(ids.split(' ').all(|id| id.contains('/')), "{ids}");
        marked.push((start, end));
    }
    assert_eq!(
        union(marked),
        evidence_ranges(points),
        "marks are exactly the evidence spans"
    );
    let side = text(section.select(&sel(".points")).next().unwrap());
    for p in points.as_array().unwrap() {
        if p["state"] == "missing" && p["weight"].as_u64() > Some(0) {
            assert!(side.contains(p["label"].as_str().unwrap()), "{side}");
            assert!(side.contains(p["hint"].as_str().unwrap()), "{side}");
        }
    }
}

/// A history of a few days: the two fixture attempts (one with CRLF line ends) and two more.
fn practiced() -> Machine {
    let m = Machine::new();
    let out = m
        .rubric()
        .args(["history", "import", "tests/fixtures/history/v1.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    m.record(
        "2026-11-06T10:00:00Z",
        "sre-13",
        &read("examples/answers/sre-13-weak.md"),
    );
    m.record(
        "2026-11-08T10:00:00Z",
        "sre-13",
        &read("examples/answers/sre-13-strong.md"),
    );
    m
}

#[test]
fn the_history_page_is_self_contained_with_a_chart_and_every_attempt_highlighted_in_place() {
    let m = practiced();
    let file = m.path("report.html");
    let out = m
        .rubric()
        .args(["report", "--html"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("4 attempts on 2 questions"),
        "{}",
        stdout(&out)
    );
    let page = std::fs::read_to_string(&file).unwrap();
    let doc = Html::parse_document(&page);
    assert_self_contained_and_accessible(&doc);
    // The chart: one drawing for wide screens and one for phones, a mark per attempt in each.
    assert_eq!(doc.select(&sel("svg.timeline")).count(), 2);
    for svg in doc.select(&sel("svg.timeline")) {
        assert_eq!(svg.select(&sel("g.dot")).count(), 4);
        assert!(svg.select(&sel("polyline.mean")).count() == 1);
    }
    // The table: one row per question tried.
    let rows: Vec<String> = doc
        .select(&sel("#by-question ~ div table tbody tr th .qid"))
        .map(text)
        .collect();
    assert_eq!(rows, ["sre-13", "tiny-01"]);
    // One section per attempt, newest first, each showing its own answer.
    let attempts = m.attempts();
    let sections: Vec<ElementRef> = doc.select(&sel("section.answer")).collect();
    assert_eq!(sections.len(), attempts.len());
    for (section, n) in sections.iter().zip((1..=attempts.len()).rev()) {
        assert_eq!(
            section.value().attr("id"),
            Some(format!("attempt-{n}").as_str())
        );
        let a = &attempts[n - 1];
        assert_answer_section(*section, Some(a["answer"].as_str().unwrap()), &a["points"]);
    }
    assert!(doc.select(&sel("section.answer mark.covered")).count() > 0);
    // The CRLF answer keeps its carriage returns in the page.
    assert!(attempts
        .iter()
        .any(|a| a["answer"].as_str().unwrap().contains("\r\n")));
}

#[test]
fn the_history_page_is_the_same_for_the_same_history() {
    let m = practiced();
    let to_stdout = || {
        let out = m.rubric().args(["report", "--html", "-"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let first = to_stdout();
    assert_eq!(first, to_stdout());
    let file = m.path("r.html");
    m.rubric()
        .args(["report", "--html"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first);
    // One set only.
    let out = m
        .rubric()
        .args(["report", "--set", "tiny", "--html", "-"])
        .output()
        .unwrap();
    let doc = Html::parse_document(&stdout(&out));
    assert_eq!(doc.select(&sel("section.answer")).count(), 2);
    // Errors: no file given, an unknown set, a folder where the file should be.
    assert_eq!(
        m.rubric().arg("report").output().unwrap().status.code(),
        Some(2)
    );
    let out = m
        .rubric()
        .args(["report", "--set", "nope", "--html", "-"])
        .output()
        .unwrap();
    assert_error(&out, 2, &["unknown set `nope`"]);
    let out = m
        .rubric()
        .args(["report", "--html"])
        .arg(m.path("home"))
        .output()
        .unwrap();
    assert_error(&out, 2, &["writing the report to"]);
}

#[test]
fn an_empty_history_still_makes_a_page() {
    let m = Machine::new();
    let out = m.rubric().args(["report", "--html", "-"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = Html::parse_document(&stdout(&out));
    assert_self_contained_and_accessible(&doc);
    assert_eq!(doc.select(&sel("section.answer")).count(), 0);
    assert!(stdout(&out).contains("No attempts yet"));
    assert!(!m.history().exists());
}

/// `check --format json` of the example study repo: one object per answer.
fn check_json(args: &[&str]) -> Vec<serde_json::Value> {
    let out = common::rubric()
        .current_dir(ROOT)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["type"] == "answer")
        .collect()
}

#[test]
fn the_check_page_has_one_section_per_answer_marked_exactly_on_the_json_spans() {
    let out = common::rubric()
        .current_dir(ROOT)
        .args(["check", "--format", "html", "examples/study-repo"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "answers below their threshold: {}",
        stderr(&out)
    );
    let page = stdout(&out);
    assert!(page.starts_with("<!DOCTYPE html>\n<!-- @generated by rubric check"));
    let doc = Html::parse_document(&page);
    assert_self_contained_and_accessible(&doc);
    assert_eq!(
        doc.select(&sel("svg.bars")).count(),
        2,
        "the chart, wide and narrow"
    );
    let answers = check_json(&["examples/study-repo"]);
    let sections: Vec<ElementRef> = doc.select(&sel("section.answer")).collect();
    assert_eq!(sections.len(), answers.len(), "one section per answer");
    let mut graded = 0;
    for (i, (section, a)) in sections.iter().zip(&answers).enumerate() {
        assert_eq!(
            section.value().attr("id"),
            Some(format!("answer-{}", i + 1).as_str())
        );
        let heading = text(section.select(&sel("h3")).next().unwrap());
        if a["status"] == "pass" || a["status"] == "fail" {
            graded += 1;
            assert!(heading.contains(a["id"].as_str().unwrap()), "{heading}");
            assert_answer_section(*section, None, &a["points"]);
            let meta = text(section.select(&sel(".meta")).next().unwrap());
            assert!(
                meta.contains(&format!("{}:{}", a["path"].as_str().unwrap(), a["line"])),
                "{meta}"
            );
            assert!(meta.contains(&format!("{}/100", a["score"])), "{meta}");
        } else {
            assert_eq!(section.select(&sel(".answer-text")).count(), 0);
            let said = a["reason"].as_str().or(a["error"].as_str()).unwrap();
            assert!(text(*section).contains(said), "{}", text(*section));
        }
    }
    assert!(graded >= 10, "{graded}");
    // Every row of the table links to its section.
    let links: BTreeSet<String> = doc
        .select(&sel("table a[href]"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    let ids: BTreeSet<String> = sections
        .iter()
        .map(|s| format!("#{}", s.value().attr("id").unwrap()))
        .collect();
    assert_eq!(links, ids);
}

#[test]
fn the_check_page_exits_as_check_does_and_goes_to_a_file_with_the_total_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.html");
    let out = common::rubric()
        .current_dir(ROOT)
        .args(["check", "--format", "html", "--no-fail", "-o"])
        .arg(&file)
        .arg("examples/study-repo")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "12 answers: 9 passed, 2 failed, 1 skipped\n");
    let page = std::fs::read_to_string(&file).unwrap();
    assert!(page.contains("<h1>rubric check</h1>"));
    // A page left among the answers is not taken for one.
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::write(
        repo.join("sre-13.md"),
        read("examples/answers/sre-13-strong.md"),
    )
    .unwrap();
    std::fs::write(
        repo.join("rubric.toml"),
        "include = [\"*.md\", \"*.html\"]\n",
    )
    .unwrap();
    let out = common::rubric()
        .current_dir(&repo)
        .args(["check", "--format", "html", "-o", "sre-13.html", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = common::rubric()
        .current_dir(&repo)
        .args(["check", "."])
        .output()
        .unwrap();
    assert!(
        stdout(&out).ends_with("1 answer: 1 passed, 0 failed, 0 skipped\n"),
        "{}",
        stdout(&out)
    );
    // An unreadable answer is an error, exit 2, and has its own section.
    std::fs::write(repo.join("sre-24.md"), [0x41, 0xff, 0x41, 0x0a]).unwrap();
    let out = common::rubric()
        .current_dir(&repo)
        .args(["check", "--format", "html", "sre-24.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let doc = Html::parse_document(&stdout(&out));
    assert_eq!(doc.select(&sel("section.answer.not-graded")).count(), 1);
}
