#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 AddCow Studio authors
# SPDX-License-Identifier: GPL-2.0-or-later
#
# sanitize.sh   build everything with AddressSanitizer and UndefinedBehaviorSanitizer in build-asan
#               (-O1 keeps the build and the run fast enough for CI) and run the whole ctest suite;
#               the first error halts the test that hit it.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/dependencies.sh
source "$top/scripts/lib/dependencies.sh"
build="${ADDCOW_ASAN_BUILD_DIR:-$top/build-asan}"

packages=(cmake g++ ninja-build extra-cmake-modules qt6-base-dev qt6-tools-dev qt6-tools-dev-tools
          qt6-l10n-tools libgl-dev xvfb xauth qemu-utils libssl-dev pkg-config nbdkit nbdkit-plugin-dev
          libnbd-dev libnbd-bin openssl fdisk)

install_dependencies "${packages[@]}"

flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -O1 -g"
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBUILD_TESTING=ON -DADDCOW_BUILD_BENCHMARKS=OFF \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined"
cmake --build "$build"

export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1"
export LSAN_OPTIONS="suppressions=$top/scripts/sanitize-lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export QT_QPA_PLATFORM=offscreen
cd "$build"
# The guest boot test (label guest) runs QEMU, nbdkit and the plugin as the normal run did; it
# would only spend CI minutes booting a second time.
ctest --output-on-failure --timeout 900 -j"${SANITIZE_JOBS:-2}" -LE guest
