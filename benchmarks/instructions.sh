#!/usr/bin/env bash
# Instructions replylint executes on the 1 MB benchmark text, one thread, counted by callgrind:
# the same count for the same binary and input whatever else the machine is doing, so two versions
# can be compared where timings wander by 10 to 30 %. Swift seeds its hashing at random in each
# process, which moves the count by up to 0.5 %: the run fixes the seed (SWIFT_DETERMINISTIC_HASHING),
# and two runs of one binary then differ by less than 0.01 %.
#
# Usage: bash benchmarks/instructions.sh [CORPUS_DIR]   (default benchmarks/data/corpus-1mb;
#        python3 benchmarks/bench.py builds it)
# Builds a dynamically linked release binary in .build-cg (valgrind cannot read the debug information
# of the static one, so a copy without it is measured). Needs valgrind (Debian: apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-benchmarks/data/corpus-1mb}
[ -d "$CORPUS" ] || { echo "no $CORPUS: run python3 benchmarks/bench.py --sizes 1 first" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is missing: apt-get install valgrind" >&2; exit 2; }
swift build -c release --scratch-path .build-cg >&2
work=$(mktemp -d)
# The copy in a temporary folder has no lexicons beside it: it is told where the tree's are.
export REPLYLINT_LEXICONS=${REPLYLINT_LEXICONS:-$PWD/lexicons}
trap 'rm -rf "$work"' EXIT
cp .build-cg/release/replylint "$work/replylint"
strip --strip-debug "$work/replylint"
# A first run so that the form table exists: its one-time build is not counted.
"$work/replylint" -j 1 --format json "$CORPUS" > /dev/null || [ $? -le 1 ]
SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$work/replylint" -j 1 --format json "$CORPUS" \
    > /dev/null 2> "$work/valgrind.log" || true
count=$(grep -oE 'Collected : [0-9]+' "$work/valgrind.log" | grep -oE '[0-9]+')
[ -n "$count" ] || { cat "$work/valgrind.log" >&2; exit 1; }
echo "$count instructions: replylint -j 1 --format json $CORPUS"
if [ -n "${KEEP_CALLGRIND:-}" ]; then cp "$work/callgrind.out" "$KEEP_CALLGRIND"; echo "profile: $KEEP_CALLGRIND"; fi
