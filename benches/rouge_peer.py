#!/usr/bin/env python3
"""Times Google's rouge-score (ROUGE-1 recall, Porter stemming) on the pairs of a benchmark
file written by data.py. Prints pairs/s of scoring alone and the import time.

    python3 benches/rouge_peer.py FILE.jsonl
"""
import json
import sys
import time

t0 = time.perf_counter()
from rouge_score import rouge_scorer  # noqa: E402

scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
t1 = time.perf_counter()
pairs = [json.loads(line) for line in open(sys.argv[1])]
t2 = time.perf_counter()
total = 0.0
for p in pairs:
    total += scorer.score(p["reference"], p["answer"])["rouge1"].recall
t3 = time.perf_counter()
print(f"rouge-score: {len(pairs)} pairs in {t3 - t2:.2f}s = {len(pairs) / (t3 - t2):.0f} pairs/s (import {t1 - t0:.2f}s)")
