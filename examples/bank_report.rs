//! How well the interview bank's rubrics grade, from the embedded rubrics (or `--rubrics DIR`):
//!
//!     cargo run --release --example bank_report              # the development part of the labelled set
//!     cargo run --release --example bank_report -- --holdout # also the part set aside before tuning
//!
//! Prints sample answers graded on their own rubric, unrelated sample answers, sample answers of
//! the same question asked on another page, and agreement with the judged answers of
//! `tests/data/labelled.jsonl` (see its README): rank correlation, mean absolute difference,
//! strong and weak answers banded right, and how true the reported "missing" guidance items are.

use rubric::catalog::Catalog;
use rubric::grade::{Grade, Grader};
use rubric::rubric::Question;
use std::collections::{BTreeMap, BTreeSet};

/// The same question asked on different pages, in different words (paired by reading the pages).
const SAME_QUESTION: &[&[&str]] = &[
    &["sys-22", "lead-24", "infra-20", "sre-12", "staff-21"], // on-call health
    &["sys-02", "lead-02", "infra-05", "sre-04", "staff-03"], // an incident you handled end to end
    &["sys-04", "lead-04", "infra-03", "staff-10", "sre-37"], // CI/CD and release strategy
    &["sys-09", "infra-10", "lead-17", "sre-25"],             // backups, disaster recovery, RPO/RTO
    &["sys-15", "infra-12", "lead-06"],                       // secrets and least privilege
    &["sys-05", "lead-05", "staff-06", "infra-06"],           // monitoring, observability, SLOs
    &["staff-18", "sre-03"],                                  // SLIs, SLOs, error budgets
    &["sys-03", "infra-09", "lead-19", "sre-41"],             // infrastructure as code
    &["sys-18", "infra-02", "sre-51"],                        // automating away toil, a story
    &["sys-21", "infra-21", "staff-23", "lead-23"],           // why this role and company
    &["infra-08", "lead-09"],                                 // cloud cost control
    &["sys-17", "lead-21", "infra-22", "staff-22"],           // staying current, adopting tech
    &["lead-03", "infra-16", "staff-11"],                     // build versus buy
    &["sys-23", "lead-16"],                                   // monolith to microservices
    &["sys-08", "infra-11", "sre-10"],                        // Kubernetes in production
    &["sys-07", "infra-07", "lead-08"],                       // VPC network design
    &["infra-18", "lead-18"],                                 // intermittent latency spikes
    &["infra-13", "sre-27", "staff-17"],                      // canary, blue/green, rollouts
    &["sys-06", "sre-35"],                                    // security without slowing delivery
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let holdout = args.iter().any(|a| a == "--holdout");
    let verbose = args.iter().any(|a| a == "--verbose");
    let catalog = catalog(&args);
    let qs = catalog.questions().expect("rubrics load");
    let by_id: BTreeMap<&str, &Question> = qs.iter().map(|q| (q.id.as_str(), *q)).collect();
    let mut g = Grader::new();

    // Every sample answer graded on every rubric, once: [rubric][sample].
    let grid: Vec<Vec<u32>> = qs
        .iter()
        .map(|q| {
            qs.iter()
                .map(|o| score(&mut g, q, &o.sample_answer))
                .collect()
        })
        .collect();
    let own: Vec<f64> = (0..qs.len()).map(|i| grid[i][i] as f64).collect();
    let below: Vec<String> = (0..qs.len())
        .filter(|&i| grid[i][i] < 85)
        .map(|i| format!("{} {}", qs[i].id, grid[i][i]))
        .collect();
    println!(
        "Sample answers on their own rubric: {} questions, min {}, median {}, below 85: {} {}",
        qs.len(),
        min(&own),
        median(&own),
        below.len(),
        below.join(", ")
    );
    let index: BTreeMap<&str, usize> = qs
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let mut related: BTreeSet<(usize, usize)> = BTreeSet::new();
    for grp in SAME_QUESTION {
        for a in *grp {
            for b in *grp {
                related.insert((index[a], index[b]));
            }
        }
    }
    let unrelated: Vec<f64> = (0..qs.len())
        .flat_map(|i| (0..qs.len()).map(move |j| (i, j)))
        .filter(|&(i, j)| i != j && !related.contains(&(i, j)))
        .map(|(i, j)| grid[i][j] as f64)
        .collect();
    println!(
        "Unrelated sample answers: {} pairs, median {}, 90th percentile {}, max {}",
        unrelated.len(),
        median(&unrelated),
        percentile(&unrelated, 0.9),
        max(&unrelated)
    );
    cross_page(&qs, &index, &grid, verbose);
    labelled(&mut g, &by_id, holdout, verbose);
}

/// The embedded rubrics, or those of `--rubrics DIR` instead.
fn catalog(args: &[String]) -> Catalog {
    match args.iter().position(|a| a == "--rubrics") {
        Some(k) => {
            let mut c = Catalog::default();
            c.add_dir(std::path::Path::new(&args[k + 1]))
                .expect("--rubrics DIR loads");
            c
        }
        None => Catalog::embedded(),
    }
}

fn score(g: &mut Grader, q: &Question, a: &str) -> u32 {
    g.grade(q, a).map_or(0, |x| x.score)
}

/// The sample answer of the same question on another page: its score, and its rank among all
/// the bank's sample answers on that rubric.
fn cross_page(qs: &[&Question], index: &BTreeMap<&str, usize>, grid: &[Vec<u32>], verbose: bool) {
    let (mut scores, mut top5) = (Vec::new(), 0);
    for grp in SAME_QUESTION {
        for a in *grp {
            for b in *grp {
                if a == b {
                    continue;
                }
                let (i, j) = (index[a], index[b]);
                let s = grid[i][j];
                let rank = 1 + (0..qs.len()).filter(|&k| k != j && grid[i][k] > s).count();
                scores.push(s as f64);
                top5 += (rank <= 5) as usize;
                if verbose {
                    println!("  {b} sample on {a}: {s} (rank {rank})");
                }
            }
        }
    }
    println!(
        "Same question on another page: {} pairs, median {}, in the top 5 of all {} samples {} ({:.0}%)",
        scores.len(),
        median(&scores),
        qs.len(),
        top5,
        100.0 * top5 as f64 / scores.len() as f64
    );
}

#[derive(serde::Deserialize)]
struct Labelled {
    id: String,
    answer: String,
    judged: f64,
    covers: Vec<String>,
    #[serde(default)]
    covers_disputed: Vec<String>,
    kind: String,
    split: String,
    /// 1: the first set; 2 and later: answers to questions the earlier rounds left out, judged
    /// after the grader was tuned on them.
    #[serde(default = "first_round")]
    round: u32,
}

fn first_round() -> u32 {
    1
}

/// Agreement counts over a part of the labelled set.
#[derive(Default)]
struct Agreement {
    judged: Vec<f64>,
    graded: Vec<f64>,
    strong: (usize, usize),
    weak: (usize, usize),
    /// "Missing" guidance items: reported and really missing, reported but covered, missing but
    /// not reported.
    tp: usize,
    fp: usize,
    fneg: usize,
}

impl Agreement {
    fn add(&mut self, r: &Labelled, q: &Question, gr: &Grade) {
        self.judged.push(r.judged);
        self.graded.push(gr.score as f64);
        if r.judged >= 80.0 {
            self.strong.1 += 1;
            self.strong.0 += (gr.score >= 60) as usize;
        }
        if r.judged <= 30.0 {
            self.weak.1 += 1;
            self.weak.0 += (gr.score < 40) as usize;
        }
        for item in &q.items {
            if r.covers_disputed.contains(item) {
                continue;
            }
            let points: Vec<_> = gr
                .points
                .iter()
                .filter(|p| p.guidance_item.as_deref() == Some(item.as_str()))
                .collect();
            // An item is reported missing when it is scored and none of its points is covered.
            let reported = points.iter().any(|p| p.weight > 0) && !points.iter().any(|p| p.covered);
            match (reported, r.covers.contains(item)) {
                (true, false) => self.tp += 1,
                (true, true) => self.fp += 1,
                (false, false) => self.fneg += 1,
                (false, true) => {}
            }
        }
    }

    fn print(&self, name: &str) {
        let n = self.judged.len();
        let mae = self
            .judged
            .iter()
            .zip(&self.graded)
            .map(|(a, b)| (a - b).abs())
            .sum::<f64>()
            / n.max(1) as f64;
        println!(
            "  {name:<8} {n:>3} answers: Spearman {:.3}, Pearson {:.3}, mean absolute difference {:.1}; strong graded 60+: {}/{} ({:.0}%), weak graded below 40: {}/{} ({:.0}%); missing guidance items: precision {:.3}, recall {:.3}",
            rubric::stats::spearman(&self.judged, &self.graded),
            rubric::stats::pearson(&self.judged, &self.graded),
            mae,
            self.strong.0,
            self.strong.1,
            pct(self.strong),
            self.weak.0,
            self.weak.1,
            pct(self.weak),
            self.tp as f64 / (self.tp + self.fp).max(1) as f64,
            self.tp as f64 / (self.tp + self.fneg).max(1) as f64,
        );
    }
}

fn pct((a, b): (usize, usize)) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

fn labelled(g: &mut Grader, by_id: &BTreeMap<&str, &Question>, holdout: bool, verbose: bool) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/labelled.jsonl");
    let text = std::fs::read_to_string(path).expect("tests/data/labelled.jsonl");
    let rows: Vec<Labelled> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("labelled line"))
        .collect();
    let [mut dev, mut held, mut all]: [Agreement; 3] = Default::default();
    let mut later_rounds: BTreeMap<u32, Agreement> = BTreeMap::new();
    for r in rows.iter().filter(|r| holdout || r.split == "dev") {
        let q = by_id[r.id.as_str()];
        let gr = g
            .grade(q, &r.answer)
            .expect("labelled answers are gradable");
        match r.split.as_str() {
            "dev" => dev.add(r, q, &gr),
            _ => held.add(r, q, &gr),
        }
        all.add(r, q, &gr);
        if r.round > 1 {
            later_rounds.entry(r.round).or_default().add(r, q, &gr);
        }
        if verbose {
            println!(
                "  {:<9} {:<9} {:<7} judged {:>3} graded {:>3}  missing {:?}",
                r.id, r.kind, r.split, r.judged, gr.score, gr.missing
            );
        }
    }
    let questions = rows
        .iter()
        .map(|r| r.id.as_str())
        .collect::<BTreeSet<_>>()
        .len();
    println!(
        "Judged answers ({} over {questions} questions, tests/data/labelled.jsonl):",
        rows.len()
    );
    dev.print("dev");
    if holdout {
        held.print("held-out");
        all.print("all");
        for (round, agreement) in &later_rounds {
            agreement.print(&format!("round {round}"));
        }
    } else {
        println!("  (the held-out fifth is not graded without --holdout)");
    }
}

fn sorted(v: &[f64]) -> Vec<f64> {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    s
}
fn median(v: &[f64]) -> f64 {
    percentile(v, 0.5)
}
fn percentile(v: &[f64], p: f64) -> f64 {
    let s = sorted(v);
    s[((s.len() - 1) as f64 * p).round() as usize]
}
fn min(v: &[f64]) -> f64 {
    sorted(v)[0]
}
fn max(v: &[f64]) -> f64 {
    *sorted(v).last().unwrap()
}
