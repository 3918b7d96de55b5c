#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each, one after the other (they share the machine's cores).
# Exit status: nonzero when any target found a crash.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:?usage: fuzz/run-all.sh SECONDS}
fuzz/build.sh || exit 2
failed=0
for target in document lexicon matcher config collections affix; do
    echo "== $target ($SECONDS_EACH s)"
    fuzz/run.sh "$target" "$SECONDS_EACH" || failed=1
done
exit $failed
