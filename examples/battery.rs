//! Content-free and denied answers, run over every question of the interview bank:
//!
//!     cargo run --release --example battery            # embedded rubrics
//!     cargo run --release --example battery -- --rubrics DIR --verbose
//!
//! Each answer below must grade below 40 with a warning saying why, on at least 95% of the
//! questions: the question pasted back, the guidance pasted back, a paragraph of buzzwords
//! (`tests/data/battery/buzzwords.jsonl`), and the sample answer with every claim denied
//! (`denied.jsonl`). The point labels pasted back as "I would cover X." sentences, and each
//! point's key terms named in one list, must stay below 80. A paraphrase of the sample answer in other words (`paraphrased.jsonl`) should still
//! grade strong. The texts were written for this project by people who had not seen the rubrics.

use rubric::catalog::Catalog;
use rubric::grade::{Grade, Grader};
use rubric::rubric::Question;
use std::collections::BTreeMap;

#[derive(serde::Deserialize)]
struct Row {
    #[serde(default)]
    id: String,
    answer: String,
}

fn rows(name: &str) -> Vec<Row> {
    let path = format!("{}/tests/data/battery/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("battery line"))
        .collect()
}

/// Results of one kind of answer over the bank.
struct Tally {
    name: &'static str,
    limit: u32,
    scores: Vec<(String, u32, bool)>,
}

impl Tally {
    fn new(name: &'static str, limit: u32) -> Self {
        Tally {
            name,
            limit,
            scores: Vec::new(),
        }
    }

    fn add(&mut self, id: &str, g: &Grade) {
        self.scores
            .push((id.to_string(), g.score, !g.warnings.is_empty()));
    }

    fn print(&self, verbose: bool) {
        let n = self.scores.len();
        let below = self
            .scores
            .iter()
            .filter(|(_, s, _)| *s < self.limit)
            .count();
        let warned = self
            .scores
            .iter()
            .filter(|(_, s, w)| *s < self.limit && *w)
            .count();
        let mut s: Vec<u32> = self.scores.iter().map(|(_, s, _)| *s).collect();
        s.sort();
        println!(
            "{:<22} {n:>5} answers: below {} {below} ({:.1}%), of those with a warning {warned}; median {}, max {}",
            self.name,
            self.limit,
            100.0 * below as f64 / n.max(1) as f64,
            s.get(n / 2).copied().unwrap_or(0),
            s.last().copied().unwrap_or(0),
        );
        if verbose {
            for (id, score, _) in self.scores.iter().filter(|(_, s, _)| *s >= self.limit) {
                println!("    {id}: {score}");
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let catalog = match args.iter().position(|a| a == "--rubrics") {
        Some(k) => {
            let mut c = Catalog::default();
            c.add_dir(std::path::Path::new(&args[k + 1]))
                .expect("--rubrics DIR loads");
            c
        }
        None => Catalog::embedded(),
    };
    let qs = catalog.questions().expect("rubrics load");
    let by_id: BTreeMap<&str, &Question> = qs.iter().map(|q| (q.id.as_str(), *q)).collect();
    let mut g = Grader::new();
    let mut grade = |q: &Question, a: &str| g.grade(q, a).expect("gradable");

    let mut question = Tally::new("question pasted back", 40);
    let mut guidance = Tally::new("guidance pasted back", 40);
    let mut labels = Tally::new("labels pasted back", 80);
    let mut listed = Tally::new("key terms in one list", 80);
    for q in &qs {
        question.add(&q.id, &grade(q, &q.question));
        if let Some(gd) = &q.guidance {
            guidance.add(&q.id, &grade(q, gd));
        }
        labels.add(&q.id, &grade(q, &rubric::compile::labels_pasted(q)));
        if let Some(a) = rubric::compile::terms_listed(q) {
            listed.add(&q.id, &grade(q, &a));
        }
    }
    let mut buzz = Tally::new("buzzword paragraphs", 40);
    for (n, b) in rows("buzzwords.jsonl").iter().enumerate() {
        for q in &qs {
            buzz.add(&format!("{} #{}", q.id, n + 1), &grade(q, &b.answer));
        }
    }
    let mut denied = Tally::new("denied sample answers", 40);
    for r in rows("denied.jsonl") {
        denied.add(&r.id, &grade(by_id[r.id.as_str()], &r.answer));
    }
    let mut para = Tally::new("paraphrased samples", 80);
    for r in rows("paraphrased.jsonl") {
        para.add(&r.id, &grade(by_id[r.id.as_str()], &r.answer));
    }
    for t in [&question, &guidance, &buzz, &denied, &labels, &listed] {
        t.print(verbose);
    }
    let n = para.scores.len();
    let strong = para.scores.iter().filter(|(_, s, _)| *s >= 80).count();
    let good = para.scores.iter().filter(|(_, s, _)| *s >= 60).count();
    let mut s: Vec<u32> = para.scores.iter().map(|(_, s, _)| *s).collect();
    s.sort();
    println!(
        "{:<22} {n:>5} answers: strong (80+) {strong} ({:.1}%), good or better {good} ({:.1}%); median {}, min {}",
        para.name,
        100.0 * strong as f64 / n.max(1) as f64,
        100.0 * good as f64 / n.max(1) as f64,
        s.get(n / 2).copied().unwrap_or(0),
        s.first().copied().unwrap_or(0)
    );
    if verbose {
        for (id, score, _) in para.scores.iter().filter(|(_, s, _)| *s < 80) {
            println!("    {id}: {score}");
        }
    }
}
