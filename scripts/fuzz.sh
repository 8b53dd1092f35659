#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 AddCow Studio authors
# SPDX-License-Identifier: GPL-2.0-or-later
#
# fuzz.sh   build the libFuzzer targets with clang, ASan and UBSan in build-fuzz and run each
#           for FUZZ_SECONDS (default 60). Fails on a crash, leak, timeout or out-of-memory; the
#           input that caused it is copied to tests/fuzz/regressions/ so the replay test keeps it.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/dependencies.sh
source "$top/scripts/lib/dependencies.sh"
build="${ADDCOW_FUZZ_BUILD_DIR:-$top/build-fuzz}"
seconds="${FUZZ_SECONDS:-60}"

# clang 14 and its runtime (libclang_rt.fuzzer, asan, ubsan) on Debian 12.
packages=(cmake ninja-build extra-cmake-modules qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
          clang libclang-rt-dev libssl-dev pkg-config nbdkit-plugin-dev libnbd-dev)

install_dependencies "${packages[@]}"

flags="-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer -fno-sanitize-recover=undefined -g -O1"
CC=clang CXX=clang++ cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBUILD_TESTING=ON -DADDCOW_FUZZ=ON \
    -DADDCOW_BUILD_BENCHMARKS=OFF \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
cmake --build "$build" --target headerfuzzer imagefuzzer corpusreplay

export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

status=0
regressions="$top/tests/fuzz/regressions"
for fuzzer in headerfuzzer imagefuzzer; do
    case "$fuzzer" in
    headerfuzzer) seeds="$top/tests/fuzz/corpus/header" ;;
    imagefuzzer) seeds="$top/tests/fuzz/corpus/image" ;;
    esac
    work="$build/fuzz-$fuzzer"
    rm -rf "$work/artifacts"
    mkdir -p "$work/corpus" "$work/artifacts"
    echo "== $fuzzer for $seconds s"
    # New inputs go to the first directory (build-fuzz), never into the committed seeds.
    if ! "$build/bin/$fuzzer" "$work/corpus" "$seeds" "$regressions" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=131072 \
        -artifact_prefix="$work/artifacts/" -print_final_stats=1 2>"$work/log"; then
        status=1
        tail -n 60 "$work/log"
    else
        tail -n 12 "$work/log"
    fi
    for artifact in "$work"/artifacts/*; do
        [ -f "$artifact" ] || continue
        name="$fuzzer-$(sha1sum "$artifact" | cut -c1-16)"
        cp "$artifact" "$regressions/$name"
        echo "fuzz.sh: $fuzzer failed on $(basename "$artifact"); kept as tests/fuzz/regressions/$name" >&2
        status=1
    done
done
exit $status
