#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine and lints the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# --static-swift-stdlib: the binary carries the Swift runtime and Foundation, runs where no Swift
# toolchain is installed, and starts in 5 ms instead of 10 (measured: about a tenth of linting one reply).
# A toolchain without the static libraries (swift_static) still gets a working, dynamically linked build.
swift build -c release --static-swift-stdlib || {
    echo "quickstart: no static Swift libraries in this toolchain; building with the shared ones" >&2
    swift build -c release
}
status=0
.build/release/replylint examples/ || status=$?
echo "replylint exited with status $status (0 clean, 1 errors reported, 2 unreadable input)"
# The bad examples are there to be flagged: 1 is the expected outcome here.
[ "$status" -le 1 ]
