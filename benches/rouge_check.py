#!/usr/bin/env python3
"""Checks `rubric eval`'s word-overlap baseline against Google's `rouge-score` package.

    pip install rouge-score
    cargo build --release
    python3 benches/rouge_check.py ../shared/data/mohler-dev.jsonl ../shared/data/saf-train.jsonl

For each file, computes stemmed ROUGE-1 recall of the reference answer with
`rouge_scorer.RougeScorer(['rouge1'], use_stemmer=True)` on the answers `rubric eval` grades, then
Pearson and Spearman against the human score, and compares them with the `baseline` figures of
`rubric eval --format json FILE`. Exits 1 when any differs in the third decimal.
"""

import json
import subprocess
import sys

from rouge_score import rouge_scorer


def ranks(v):
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in order[i : j + 1]:
            r[k] = (i + j) / 2 + 1
        i = j + 1
    return r


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / (sxx * syy) ** 0.5


def main(paths, binary="target/release/rubric"):
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    failed = False
    for path in paths:
        human, overlap = [], []
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            row = json.loads(line)
            # The grader skips answers without a word; so does the comparison.
            if not any(c.isalnum() for c in row["answer"]):
                continue
            human.append(row["score_avg"])
            overlap.append(scorer.score(row["reference"], row["answer"])["rouge1"].recall)
        ours = json.loads(
            subprocess.run(
                [binary, "eval", "--format", "json", "--worst", "0", path],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        theirs = {
            "pearson": pearson(overlap, human),
            "spearman": pearson(ranks(overlap), ranks(human)),
        }
        print(f"{path}: {len(human)} answers (rubric eval: {ours['answers']})")
        for name, value in theirs.items():
            mine = ours["baseline"][name]
            same = f"{mine:.3f}" == f"{value:.3f}"
            failed |= not same or len(human) != ours["answers"]
            print(f"  {name:9s} rouge-score {value:.4f}  rubric {mine:.4f}  {'agree' if same else 'DIFFER'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
