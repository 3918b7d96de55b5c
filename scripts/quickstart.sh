#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine and lints the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release
status=0
.build/release/replylint examples/ || status=$?
echo "replylint exited with status $status (0 clean, 1 errors reported, 2 unreadable input)"
# The bad examples are there to be flagged: 1 is the expected outcome here.
[ "$status" -le 1 ]
