#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/targets/ into .build-fuzz/fuzz-<target>.
#
# 1. SwiftPM compiles the ReplyLint library and its dependencies (Yams, CYaml, ICUShim) into
#    .build-fuzz with coverage instrumentation and AddressSanitizer (no link step: --target).
# 2. swiftc compiles each target (fuzz/targets/<target>.swift + Support.swift) and links it with
#    those objects and libFuzzer (-sanitize=fuzzer,address supplies libFuzzer's main).
# The normal build (.build) is untouched: Package.swift knows nothing about fuzzing.
#
# Usage: fuzz/build.sh [TARGET...]   (default: every target)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=.build-fuzz
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then TARGETS=(document lexicon matcher config collections affix); fi

swift build --build-path "$BUILD" -c debug --target ReplyLint \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
    -Xcc -fsanitize=fuzzer-no-link,address >&2

DEBUG="$BUILD/debug"
YAMS_MAP=$(find "$BUILD/checkouts" -path '*Sources/CYaml/include/module.modulemap' | head -1)
objects=("$DEBUG"/ReplyLint.build/*.swift.o "$DEBUG"/Yams.build/*.swift.o "$DEBUG"/CYaml.build/src/*.o "$DEBUG"/ICUShim.build/*.o "$DEBUG"/ByteScan.build/*.o)
for target in "${TARGETS[@]}"; do
    echo "linking $BUILD/fuzz-$target" >&2
    swiftc -sanitize=fuzzer,address -parse-as-library -g -Onone \
        -I "$DEBUG/Modules" \
        -Xcc -fmodule-map-file="$DEBUG/ICUShim.build/module.modulemap" \
        -Xcc -fmodule-map-file="$DEBUG/ByteScan.build/module.modulemap" \
        -Xcc -fmodule-map-file="$YAMS_MAP" \
        -Xcc -fmodule-map-file=Sources/CHunspell/module.modulemap $(pkg-config --cflags-only-I hunspell | sed 's/-I/-Xcc -I/g') \
        fuzz/targets/Support.swift "fuzz/targets/$target.swift" \
        "${objects[@]}" -licuuc -licui18n -licudata $(pkg-config --libs hunspell) \
        -o "$BUILD/fuzz-$target" 2> >(grep -v "Cannot export local symbol '__asan" >&2)
done
