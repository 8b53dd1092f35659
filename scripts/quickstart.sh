#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 AddCow Studio authors
# SPDX-License-Identifier: GPL-2.0-or-later
#
# quickstart.sh run   install dependencies, build, make a demo image and open it in the app
# quickstart.sh test  install dependencies, build and run every test
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/dependencies.sh
source "$top/scripts/lib/dependencies.sh"
build="${ADDCOW_BUILD_DIR:-$top/build}"
mode="${1:-}"

packages=(cmake g++ ninja-build extra-cmake-modules qt6-base-dev qt6-tools-dev qt6-tools-dev-tools
          qt6-l10n-tools libgl-dev xvfb xauth qemu-utils
          libqt6svg6 qt6-translations-l10n python3 desktop-file-utils appstream shared-mime-info
          libxml2-utils dpkg-dev fonts-dejavu-core libssl-dev
          pkg-config nbdkit nbdkit-plugin-dev libnbd-dev libnbd-bin openssl
          qemu-system-x86 busybox-static cpio fdisk)

build() {
    cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON
    cmake --build "$build"
}

case "$mode" in
run)
    install_dependencies "${packages[@]}"
    build
    demo="$build/demo"
    "$top/scripts/make-demo.sh" "$build/bin/addcow" "$demo"
    exec "$build/bin/addcow-studio" "$demo/demo.add-cow"
    ;;
test)
    install_dependencies "${packages[@]}"
    build
    cd "$build"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 600
    ;;
*)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
