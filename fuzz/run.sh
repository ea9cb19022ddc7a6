#!/usr/bin/env bash
# Fuzzes rubric with cargo-fuzz (libFuzzer), one target at a time.
#
#   fuzz/run.sh                      every target for 600 s each
#   fuzz/run.sh -t 60 batch_line     one target for 60 s
#   fuzz/run.sh -k                   keep going after a crash (libFuzzer fork mode)
#   fuzz/run.sh -r                   only replay the seeds, corpora and regression inputs
#
# Installs cargo-fuzz from crates.io when it is missing. cargo-fuzz needs nightly flags; this
# works on a stable toolchain through RUSTC_BOOTSTRAP=1, as rustc's own build does.
#
# For each target, libFuzzer reads the hand-picked seeds (fuzz/seeds/<target>, never written)
# and the corpus (fuzz/corpus/<target>, where it writes what it finds), with the dictionary
# fuzz/dicts/<target>.dict when there is one. Afterwards the corpus is minimized (`cargo fuzz
# cmin`) so that the committed one stays small. A crash, panic, timeout or out-of-memory is
# minimized (`cargo fuzz tmin`) and copied to fuzz/regressions/<target>/, where every later run
# replays it first; add it as a test in tests/regression.rs too. Logs: fuzz/logs/<target>.log.
#
# Exit status: 0 when no target failed, 1 when one found a crash (or a regression input still
# crashes), 2 on a usage or build error.
set -euo pipefail

usage() {
    sed -n '3,7p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

seconds=${FUZZ_SECONDS:-600}
keep_going=0
replay_only=0
while getopts "t:krh" opt; do
    case $opt in
        t) seconds=$OPTARG ;;
        k) keep_going=1 ;;
        r) replay_only=1 ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
[[ $seconds =~ ^[0-9]+$ ]] || { echo "run.sh: -t takes whole seconds, not \`$seconds\`" >&2; exit 2; }

cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
# rusqlite's bundled SQLite is linked with and without ASan instrumentation, which ASan reports
# as an ODR violation (a false positive) before any input runs.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_odr_violation=0"
# Release build with debug assertions, so an overflow is a crash rather than a wrapped number.
build=(-O -a)

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

mapfile -t all < <(cargo fuzz list)
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all[@]}")
for t in "${targets[@]}"; do
    printf '%s\n' "${all[@]}" | grep -qx -- "$t" || {
        echo "run.sh: no fuzz target \`$t\` (targets: ${all[*]})" >&2
        exit 2
    }
done

echo "== building ${targets[*]}"
for t in "${targets[@]}"; do
    cargo fuzz build "${build[@]}" "$t" || exit 2
done

mkdir -p logs
failed=0
summary=()
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "regressions/$t" "artifacts/$t"
    log="logs/$t.log"
    dict=()
    [[ -f dicts/$t.dict ]] && dict=("-dict=dicts/$t.dict")

    : >"$log"
    # Known crashes first: each regression input must pass now.
    mapfile -t known < <(find "regressions/$t" -type f | sort)
    if [[ ${#known[@]} -gt 0 ]]; then
        echo "== $t: replaying ${#known[@]} regression input(s)"
        for f in "${known[@]}"; do
            if ! cargo fuzz run "${build[@]}" "$t" "$f" -- -timeout=10 -detect_leaks=0 >>"$log" 2>&1; then
                echo "!! $t: $f still fails; see $log"
                failed=1
            fi
        done
    fi

    if [[ $replay_only -eq 1 ]]; then
        seeds=("seeds/$t" "corpus/$t")
        echo "== $t: replaying seeds and corpus"
        # -runs=0: run every input once, mutate none.
        if cargo fuzz run "${build[@]}" "$t" "${seeds[@]}" -- -runs=0 -timeout=10 -detect_leaks=0 >>"$log" 2>&1; then
            summary+=("$t: replayed $(find "${seeds[@]}" -type f | wc -l) seed and corpus inputs, ${#known[@]} regression input(s): ok")
        else
            echo "!! $t: an input of the seeds or corpus fails; see $log"
            summary+=("$t: FAILED; see fuzz/$log")
            failed=1
        fi
        continue
    fi

    echo "== $t: fuzzing for $seconds s (log: fuzz/$log)"
    before=$(find "artifacts/$t" -type f | sort)
    touch "$log.start"
    opts=(-max_total_time="$seconds" -timeout=10 -print_final_stats=1 "${dict[@]}")
    # A leak is not a bug here: lazily built statics live for the whole process.
    opts+=(-detect_leaks=0)
    [[ $keep_going -eq 1 ]] && opts+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    # Corpus first: libFuzzer writes new inputs to the first directory only.
    status=0
    cargo fuzz run "${build[@]}" "$t" "corpus/$t" "seeds/$t" -- "${opts[@]}" >>"$log" 2>&1 || status=$?
    # Executions and seconds from libFuzzer's final lines (fork mode reports them differently).
    runs=$(grep -oE '^(stat::number_of_executed_units: [0-9]+|#[0-9]+)' "$log" | grep -oE '[0-9]+' | tail -1 || true)
    elapsed=$(grep -oE '(Done [0-9]+ runs in [0-9]+ second|exiting: [0-9]+ time: [0-9]+s)' "$log" \
        | grep -oE '(in|time:) [0-9]+' | grep -oE '[0-9]+' | tail -1 || true)

    new=$(comm -13 <(echo "$before") <(find "artifacts/$t" -type f -newer "$log.start" | sort) | grep -v '^$' || true)
    if [[ -n $new ]]; then
        failed=1
        # Fork mode can save many inputs for one bug: keep one per kind and place of failure.
        declare -A seen=()
        while read -r a; do
            name=$(basename "$a")
            out=$(cargo fuzz run "${build[@]}" "$t" "$a" -- -timeout=10 -detect_leaks=0 2>&1 || true)
            where=$(grep -m1 -oE 'panicked at [^ ]+|ERROR: [A-Za-z]+: [a-z-]+' <<<"$out" || echo "${name%%-*}")
            if [[ -n ${seen[$where]:-} ]]; then
                echo "!! $t: $name: $where again"
                continue
            fi
            seen[$where]=1
            echo "!! $t: $name: $where; minimizing"
            # libFuzzer names the smallest input it finds after the hash of the original.
            min="artifacts/$t/minimized-from-${name#*-}"
            if cargo fuzz tmin "${build[@]}" "$t" "$a" -- -max_total_time=120 -detect_leaks=0 >>"$log" 2>&1 \
                && [[ -f $min ]]; then
                cp "$min" "regressions/$t/$name"
            else
                cp "$a" "regressions/$t/$name"
            fi
            echo "!! $t: regression input fuzz/regressions/$t/$name"
        done <<<"$new"
        unset seen
    elif [[ $status -ne 0 ]]; then
        echo "!! $t: libFuzzer exited with $status and no artifact; see $log" >&2
        failed=1
    fi

    echo "== $t: minimizing the corpus"
    # Every edge stays covered; -use_counters=0 drops inputs that only run an edge more often,
    # which keeps the committed corpus a few hundred files rather than thousands.
    cargo fuzz cmin "${build[@]}" "$t" "corpus/$t" -- -use_counters=0 -timeout=10 -detect_leaks=0 >>"$log" 2>&1 || {
        echo "!! $t: cmin failed; see $log" >&2
        failed=1
    }
    files=$(find "corpus/$t" -type f | wc -l)
    size=$(du -sk "corpus/$t" | cut -f1)
    line="$t: ${elapsed:-?} s, ${runs:-?} runs, corpus $files files (${size} KiB), exit $status"
    echo "== $line"
    summary+=("$line")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
exit $failed
