#!/usr/bin/env python3
"""Writes the benchmark inputs from the embedded rubrics: each seed sample answer, and a 300-word
answer made by joining samples, paired with its own question and the next one.

    python3 benches/data.py OUT_DIR [REPEAT]

OUT_DIR/{natural,long}.jsonl  -- `rubric batch` input: {"id", "answer", "reference"}
The reference is the graded question's sample answer, for peers that compare two texts.
"""
import json
import os
import subprocess
import sys

out = sys.argv[1]
repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 1
rubric = os.environ.get("RUBRIC", "target/release/rubric")
os.makedirs(out, exist_ok=True)
ids = [q["id"] for q in json.loads(subprocess.check_output([rubric, "list", "--format", "json"]))]
qs = [json.loads(subprocess.check_output([rubric, "show", i, "--format", "json"])) for i in ids]
samples = [q["sample_answer"] for q in qs]


def long_answers(words=300):
    res, i = [], 0
    while len(res) < len(samples):
        acc = []
        while len(acc) < words:
            acc += samples[i % len(samples)].split()
            i += 1
        res.append(" ".join(acc[:words]))
    return res


for name, answers in [("natural", samples), ("long", long_answers())]:
    with open(os.path.join(out, f"{name}.jsonl"), "w") as f:
        for _ in range(repeat):
            for i, a in enumerate(answers):
                for j in (i, (i + 1) % len(qs)):
                    f.write(json.dumps({"id": qs[j]["id"], "answer": a, "reference": samples[j]}) + "\n")
