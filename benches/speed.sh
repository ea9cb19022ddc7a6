#!/usr/bin/env bash
# End-to-end speed figures for the closing note and benches/README.md. Needs python3, and for
# the peer comparison `pip install rouge-score`; one-shot timing needs hyperfine (Debian
# package `hyperfine`). Run on a quiet machine:
#
#     bash benches/speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
export RUBRIC=target/release/rubric
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== inputs: seed sample answers (natural) and 300-word answers, each on its own and the next question"
python3 benches/data.py "$work" 100
wc -l "$work"/natural.jsonl "$work"/long.jsonl

echo "== rubric batch, lines/s on 1 and 2 threads (peak RSS)"
for f in natural long; do
  for j in 1 2; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$RUBRIC" batch -j "$j" "$work/$f.jsonl" > "$work/out.jsonl"
    read -r secs kb < "$work/time"
    lines=$(wc -l < "$work/$f.jsonl")
    python3 -c "print(f'$f -j $j: {$lines/$secs:,.0f} lines/s ({$secs}s, peak RSS {$kb/1024:.1f} MiB)')"
  done
done

echo "== rubric batch memory on 1,000,000 lines (natural answers, 1 thread)"
python3 benches/data.py "$work/big" 3379 >/dev/null
/usr/bin/time -f "%e %M" -o "$work/time" "$RUBRIC" batch -j 1 "$work/big/natural.jsonl" > /dev/null
read -r secs kb < "$work/time"
python3 -c "print(f'{$(wc -l < "$work/big/natural.jsonl"):,} lines in {$secs}s, peak RSS {$kb/1024:.1f} MiB')"
rm -rf "$work/big"

if python3 -c "import rouge_score" 2>/dev/null; then
  echo "== peer: rouge-score (ROUGE-1 recall, stemming) on the same pairs, one core"
  head -n 2960 "$work/natural.jsonl" > "$work/n.jsonl"
  head -n 2960 "$work/long.jsonl" > "$work/l.jsonl"
  python3 benches/rouge_peer.py "$work/n.jsonl"
  python3 benches/rouge_peer.py "$work/l.jsonl"
else
  echo "(rouge-score not installed: pip install rouge-score)"
fi

if command -v hyperfine >/dev/null; then
  echo "== one-shot rubric grade of a 300-word answer (process start, embedded rubrics)"
  python3 -c "import json; print(json.loads(open('$work/long.jsonl').readline())['answer'])" > "$work/a300.md"
  hyperfine -N --warmup 20 --runs 200 "$RUBRIC grade sre-13 $work/a300.md" 2>&1 | sed -n '1,3p'
fi

echo "== rubric check over a study repo of 10,000 practice files"
python3 - "$work/repo" <<'PY'
import json, os, subprocess, sys
root = sys.argv[1]
rubric = os.environ["RUBRIC"]
qs = json.loads(subprocess.check_output([rubric, "list", "--format", "json"]))
samples = {q["id"]: json.loads(subprocess.check_output([rubric, "show", q["id"], "--format", "json"]))["sample_answer"] for q in qs[:40]}
ids = sorted(samples)
for n in range(10000):
    qid = ids[n % len(ids)]
    d = os.path.join(root, qid.split("-")[0], f"batch{n // 500:02d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"{qid}-v{n}.md"), "w") as f:
        f.write(samples[ids[(n * 7) % len(ids)]] if n % 3 == 0 else samples[qid])
PY
/usr/bin/time -f "%e s, peak RSS %M KB" "$RUBRIC" check "$work/repo" --no-fail > /dev/null
