//! Grading throughput on one core, beside the cost of the text pipeline's first stages:
//!
//!     cargo bench --bench grade
//!
//! Inputs are the seed pages' sample answers ("natural", 86 words on average on the guidance
//! pages) and 300-word answers made by joining them, each graded against its own rubric and
//! against another question's. Throughput is in answers per second.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rubric::catalog::Catalog;
use rubric::grade::{grade, Compiled, Scratch};
use rubric::lexicon::Lexicon;
use rubric::rubric::Question;
use rubric::text::{normalize, tokenize, Stemmer};
use std::hint::black_box;

struct Case<'a> {
    question: &'a Question,
    compiled: &'a Compiled,
    answer: String,
}

fn answers_of_words(qs: &[&Question], words: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while out.len() < qs.len() {
        let mut a = String::new();
        while a.split_whitespace().count() < words {
            a.push_str(&qs[i % qs.len()].sample_answer);
            a.push(' ');
            i += 1;
        }
        out.push(
            a.split_whitespace()
                .take(words)
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    out
}

fn bench(c: &mut Criterion) {
    let catalog = Catalog::embedded();
    let qs = catalog.questions().expect("embedded rubrics");
    let stemmer = Stemmer::english();
    let compiled: Vec<Compiled> = qs
        .iter()
        .map(|q| Compiled::new(q, Lexicon::embedded(), &stemmer))
        .collect();
    let natural: Vec<String> = qs.iter().map(|q| q.sample_answer.clone()).collect();
    let long = answers_of_words(&qs, 300);

    for (name, answers) in [("natural", &natural), ("300-words", &long)] {
        // Each answer against its own rubric and against the next question's.
        let cases: Vec<Case> = (0..qs.len())
            .flat_map(|i| {
                [i, (i + 1) % qs.len()].map(|j| Case {
                    question: qs[j],
                    compiled: &compiled[j],
                    answer: answers[i].clone(),
                })
            })
            .collect();
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Elements(cases.len() as u64));
        g.bench_function(BenchmarkId::new("tokenize+lowercase", cases.len()), |b| {
            b.iter(|| {
                let mut n = 0usize;
                for case in &cases {
                    tokenize::for_each_token(&case.answer, |t| {
                        n += normalize::normalize(t.text).len()
                    });
                }
                black_box(n)
            })
        });
        g.bench_function(
            BenchmarkId::new("tokenize+lowercase+stem", cases.len()),
            |b| {
                b.iter(|| {
                    let mut n = 0usize;
                    for case in &cases {
                        tokenize::for_each_token(&case.answer, |t| {
                            n += stemmer.stem(&normalize::normalize(t.text)).len()
                        });
                    }
                    black_box(n)
                })
            },
        );
        g.bench_function(BenchmarkId::new("grade", cases.len()), |b| {
            let mut scratch = Scratch::new();
            b.iter(|| {
                let mut total = 0u32;
                for case in &cases {
                    total += grade(case.question, case.compiled, &case.answer, &mut scratch)
                        .map_or(0, |g| g.score);
                }
                black_box(total)
            })
        });
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
