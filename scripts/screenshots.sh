#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 AddCow Studio authors
# SPDX-License-Identifier: GPL-2.0-or-later
#
# screenshots.sh [BUILD_DIR]
#
# Makes the README screenshots: builds nothing, runs BUILD_DIR/bin/addcow-studio (default: build)
# on the demo image from make-demo.sh under xvfb-run, in English, in German (--lang de) and with
# the dark palette (--dark), and saves docs/screenshots/{main,main-de,main-dark}.png; then the
# data inspector and the partitions of the VM demo disk on the map, which BUILD_DIR/bin/addcow-shots
# sets up, as docs/screenshots/{inspector,partitions}.png.
# Needs xvfb (xvfb-run) and ImageMagick's import.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
out="$top/docs/screenshots"
for tool in xvfb-run import convert; do
    command -v "$tool" > /dev/null || { echo "$0: $tool is missing (apt-get install xvfb imagemagick)" >&2; exit 1; }
done
[ -x "$build/bin/addcow-studio" ] && [ -x "$build/bin/addcow" ] || { echo "$0: build $build first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$top/scripts/make-demo.sh" "$build/bin/addcow" "$work/demo" > /dev/null
mkdir -p "$out"

# shot NAME ARGS...: starts the program with ARGS on the demo image, waits for it to settle and
# grabs the whole virtual screen. Fresh settings every time, so no window state leaks in.
shot() {
    local name=$1
    shift
    rm -rf "$work/config"
    mkdir -p "$work/config"
    XDG_CONFIG_HOME="$work/config" QT_QPA_PLATFORM=xcb QT_QPA_PLATFORMTHEME= \
        xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" \
        bash -c '
            "$0" "$@" &
            app=$!
            sleep "${ADDCOW_SCREENSHOT_DELAY:-6}"
            import -window root "'"$work/$name.png"'"
            kill "$app"
            wait "$app" 2> /dev/null || true
        ' "$build/bin/addcow-studio" "$@" "$work/demo/demo.add-cow"
    # No window manager: the window sits at the top left of a black screen; cut the black off.
    convert "$work/$name.png" -bordercolor black -border 1 -trim +repage "$out/$name.png"
    echo "$out/$name.png"
}

shot main --lang en
shot main-de --lang de
shot main-dark --lang en --dark

# States the program gets into by itself: the cursor on a written line with the Inspector in
# front, and the VM disk with its Partitions panel (addcow-shots makes more; these two are shown).
[ -x "$build/bin/addcow-shots" ] || { echo "$0: build the addcow-shots target first" >&2; exit 1; }
rm -rf "$work/config"
mkdir -p "$work/config"
XDG_CONFIG_HOME="$work/config" QT_QPA_PLATFORM=xcb QT_QPA_PLATFORMTHEME= \
    xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" \
    "$build/bin/addcow-shots" --size 1600x1000 --lang en "$work/shots" "$work/demo/demo.add-cow" > /dev/null
for name in inspector partitions; do
    cp "$work/shots/$name-1600x1000.png" "$out/$name.png"
    echo "$out/$name.png"
done
