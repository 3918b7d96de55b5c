#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time: fuzz/run.sh TARGET SECONDS [extra libFuzzer flags]
# Targets: document, lexicon, config, collections.
#
# The seed corpus fuzz/corpus/TARGET is read but never written: new inputs go to
# .build-fuzz/corpus/TARGET (kept between runs), crashes to .build-fuzz/crashes/TARGET/.
# The log goes to .build-fuzz/logs/TARGET.log; the last lines (exec count, coverage) are printed.
# -len_control=0: inputs may reach -max_len at once (the rule-running targets are too slow for
# libFuzzer's gradual length growth to get past ~150 bytes in ten minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${1:?usage: fuzz/run.sh TARGET SECONDS}
SECONDS_TO_RUN=${2:?usage: fuzz/run.sh TARGET SECONDS}
shift 2
[ -d "fuzz/corpus/$TARGET" ] || { echo "no such target: $TARGET (see fuzz/targets)" >&2; exit 2; }
fuzz/build.sh "$TARGET"
mkdir -p ".build-fuzz/corpus/$TARGET" ".build-fuzz/crashes/$TARGET" .build-fuzz/logs
export REPLYLINT_LEXICONS="$PWD/lexicons"
# Swift runtime's own leaks (global caches) are not replylint's: leak detection off.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
status=0
".build-fuzz/fuzz-$TARGET" ".build-fuzz/corpus/$TARGET" "fuzz/corpus/$TARGET" \
    -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -len_control=0 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=".build-fuzz/crashes/$TARGET/" -print_final_stats=1 "$@" \
    > ".build-fuzz/logs/$TARGET.log" 2>&1 || status=$?
grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|stat::|^==[0-9]+==ERROR|SUMMARY|Test unit written|deadly signal|Fatal error|Precondition failed' \
    ".build-fuzz/logs/$TARGET.log" | tail -20
if [ $status -ne 0 ]; then
    echo "fuzz-$TARGET: stopped with status $status; inputs in .build-fuzz/crashes/$TARGET/, log in .build-fuzz/logs/$TARGET.log" >&2
fi
exit $status
