//! Interview-bank quality figures, from the embedded rubrics and the hand-labelled answers in
//! `tests/data/labelled.jsonl`:
//!
//!     cargo run --release --example bank_report
//!
//! Prints sample answers graded on their own rubric, unrelated sample answers, sample answers
//! graded on the same question asked on another page, and agreement with the labelled set.

use rubric::catalog::Catalog;
use rubric::grade::{band_of, Band, Grader};
use rubric::rubric::{Question, Source};
use std::collections::BTreeMap;

/// The same question asked on different pages, in different words (paired by reading them).
const SAME_QUESTION: &[&[&str]] = &[
    &["sys-22", "lead-23", "infra-22", "sre-12"], // on-call
    &["sys-02", "lead-02", "infra-05", "sre-04"], // incident you handled
    &["sys-04", "lead-04", "infra-03", "staff-10"], // CI/CD
    &["sys-09", "infra-09", "sre-07"],            // backups, DR, RTO/RPO
    &["sys-15", "infra-12", "lead-06"],           // secrets
    &["sys-05", "lead-05", "staff-08", "infra-06"], // monitoring, SLOs, observability
    &["sys-03", "infra-08"],                      // infrastructure as code
    &["sys-18", "infra-02"],                      // automation of toil
    &["sys-21", "lead-22", "infra-23", "staff-23"], // why this role
];

fn main() {
    let catalog = Catalog::embedded();
    let qs = catalog.questions().expect("embedded rubrics load");
    let mut g = Grader::new();
    let mut score = |q: &Question, a: &str| g.grade(q, a).map(|x| x.score).unwrap_or(0);

    let own: Vec<(String, u32)> = qs
        .iter()
        .map(|q| (q.id.clone(), score(q, &q.sample_answer)))
        .collect();
    let below: Vec<&(String, u32)> = own.iter().filter(|(_, s)| *s < 85).collect();
    let own_scores: Vec<f64> = own.iter().map(|(_, s)| *s as f64).collect();
    println!(
        "Sample answers on their own rubric: {} questions, min {}, median {}, below 85: {}",
        own.len(),
        min(&own_scores),
        median(&own_scores),
        below.len()
    );
    for (id, s) in &below {
        println!("  {id}: {s}");
    }

    let mut unrelated = Vec::new();
    for q in &qs {
        for other in &qs {
            if other.id != q.id {
                unrelated.push(score(q, &other.sample_answer) as f64);
            }
        }
    }
    let p90 = percentile(&unrelated, 0.9);
    println!(
        "Unrelated sample answers: {} pairs, median {}, 90th percentile {}, max {}",
        unrelated.len(),
        median(&unrelated),
        p90,
        max(&unrelated)
    );

    let by_id: BTreeMap<&str, &&Question> = qs.iter().map(|q| (q.id.as_str(), q)).collect();
    let mut cross = Vec::new();
    for group in SAME_QUESTION {
        for a in *group {
            for b in *group {
                if a != b {
                    let (qa, qb) = (by_id[a], by_id[b]);
                    cross.push((format!("{b} answer on {a}"), score(qa, &qb.sample_answer)));
                }
            }
        }
    }
    let good = cross
        .iter()
        .filter(|(_, s)| band_of(*s) >= Band::Good)
        .count();
    let cs: Vec<f64> = cross.iter().map(|(_, s)| *s as f64).collect();
    println!(
        "Same question on another page: {} pairs, median {}, good or better {} ({:.0}%)",
        cross.len(),
        median(&cs),
        good,
        100.0 * good as f64 / cross.len() as f64
    );
    if std::env::args().any(|a| a == "--verbose") {
        for (name, s) in &cross {
            println!("  {name}: {s}");
        }
    }

    labelled(&mut g, &by_id);
}

#[derive(serde::Deserialize)]
struct Labelled {
    id: String,
    answer: String,
    judged: f64,
    covers: Vec<String>,
    kind: String,
}

fn labelled(g: &mut Grader, by_id: &BTreeMap<&str, &&Question>) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/labelled.jsonl");
    let text = std::fs::read_to_string(path).expect("tests/data/labelled.jsonl");
    let rows: Vec<Labelled> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("labelled line"))
        .collect();
    let (mut judged, mut graded) = (Vec::new(), Vec::new());
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    let (mut strong_ok, mut strong_n, mut weak_ok, mut weak_n) = (0, 0, 0, 0);
    let verbose = std::env::args().any(|a| a == "--verbose");
    for r in &rows {
        let q = by_id[r.id.as_str()];
        let gr = g
            .grade(q, &r.answer)
            .expect("labelled answers are gradable");
        judged.push(r.judged);
        graded.push(gr.score as f64);
        if r.judged >= 80.0 {
            strong_n += 1;
            strong_ok += (gr.band >= Band::Good) as usize;
        }
        if r.judged <= 30.0 {
            weak_n += 1;
            weak_ok += (gr.band == Band::Weak) as usize;
        }
        // Point agreement on guidance points: "missing" is the positive class.
        // Unscored points (weight 0) make no claim either way.
        for p in gr
            .points
            .iter()
            .filter(|p| p.source == Source::Guidance && p.weight > 0)
        {
            let really_covered = r.covers.iter().any(|c| same_item(c, &p.label));
            match (p.covered, really_covered) {
                (false, false) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fneg += 1,
                (true, true) => {}
            }
        }
        if verbose {
            println!(
                "  {:<9} {:<8} judged {:>3} graded {:>3}  missing {:?}",
                r.id, r.kind, r.judged, gr.score, gr.missing
            );
        }
    }
    let mae = judged
        .iter()
        .zip(&graded)
        .map(|(a, b)| (a - b).abs())
        .sum::<f64>()
        / judged.len() as f64;
    println!(
        "Labelled set: {} answers, {} questions; Spearman {:.3}, Pearson {:.3}, mean absolute difference {:.1}",
        rows.len(),
        rows.iter().map(|r| r.id.as_str()).collect::<std::collections::BTreeSet<_>>().len(),
        rubric::stats::spearman(&judged, &graded),
        rubric::stats::pearson(&judged, &graded),
        mae
    );
    println!(
        "  strong (judged >= 80) graded good or better: {strong_ok}/{strong_n}; weak (judged <= 30) graded weak: {weak_ok}/{weak_n}"
    );
    println!(
        "  missing guidance points: precision {:.3} (reported missing and really missing), recall {:.3} (really missing and reported)",
        tp as f64 / (tp + fp).max(1) as f64,
        tp as f64 / (tp + fneg).max(1) as f64
    );
}

/// A labelled item names a guidance point when they share most content words.
fn same_item(a: &str, b: &str) -> bool {
    let norm = |s: &str| rubric::lexicon::norm_key(s).replace("the ", "");
    let (a, b) = (norm(a), norm(b));
    a == b || a.ends_with(&b) || b.ends_with(&a)
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
