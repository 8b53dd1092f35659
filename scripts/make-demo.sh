#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 AddCow Studio authors
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make-demo.sh ADDCOW OUTDIR
#
# Makes a small demo image set in OUTDIR with the addcow tool at ADDCOW:
#   demo-backing.raw  192 MiB backing file: text lines naming their offset, a 0x00-0xff byte
#                     ramp, another text region, holes in between (sparse)
#   demo.raw          256 MiB image file (sparse); its last 64 MiB lie past the backing file's
#                     end, so clean clusters there read as zero (R13)
#   demo.add-cow      the add-cow file, with clusters written in patterns (a ring, stripes,
#                     a block) so the heatmap and the map have something to show, and four
#                     clusters written with the bytes they had (allocated, unchanged)
# and a second set, a VM's disk with partitions:
#   vm-base.raw       1 GiB backing file (sparse) with a GPT made by sfdisk: an EFI system
#                     partition, swap, root and home, each with some data "installed"
#   vm.raw, vm.add-cow the disk the VM wrote to since: mostly root and swap, a little home
# Running it again replaces the files. Uses about 130 MiB of disk; needs sfdisk (fdisk package).
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 PATH/TO/addcow OUTDIR" >&2
    exit 2
fi
addcow=$1
out=$2
[ -x "$addcow" ] || { echo "$0: $addcow is not an executable" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)

backing="$out/demo-backing.raw"
image="$out/demo.raw"
addcowfile="$out/demo.add-cow"
rm -f "$backing" "$image" "$addcowfile"

mib=$((1024 * 1024))
cluster=65536

# Text lines of exactly 64 bytes, 1024 per 64 KiB cluster, each naming where it lives.
# text_clusters LABEL FIRST_CLUSTER COUNT
text_clusters() {
    awk -v label="$1" -v first="$2" -v count="$3" 'BEGIN {
        for (c = first; c < first + count; c++)
            for (l = 0; l < 1024; l++)
                printf "%-18s cluster %06d line %04d offset 0x%010x\n", label, c, l, c * 65536 + l * 64
    }'
}

# put FILE OFFSET_BYTES: copies stdin into FILE at the offset, keeping the rest.
put() {
    dd of="$1" bs=1M seek="$2" oflag=seek_bytes conv=notrunc status=none
}

# The backing file: sparse, 192 MiB, with three regions of recognisable data.
truncate -s $((192 * mib)) "$backing"
text_clusters "backing file" 0 256 | put "$backing" 0                          # 0-16 MiB: text
ramp="$out/.ramp.$$"
printf "$(printf '\\%03o' $(seq 0 255))" > "$ramp"                           # 256 bytes 00..ff
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do cat "$ramp" "$ramp" > "$ramp.2"; mv "$ramp.2" "$ramp"; done # 1 MiB
for m in $(seq 32 47); do put "$backing" $((m * mib)) < "$ramp"; done         # 32-48 MiB: byte ramp
rm -f "$ramp"
text_clusters "backing again" 1536 128 | put "$backing" $((96 * mib))          # 96-104 MiB: text

# The add-cow image over a new sparse 256 MiB image file; names relative to OUTDIR (R16).
"$addcow" create -b demo-backing.raw -F raw -i demo.raw -s 256M "$addcowfile" > /dev/null

# Clusters to write, as runs "FIRST COUNT", on a 64 x 64 grid of the 4096 clusters:
# a ring in the middle, diagonal stripes at the top, a solid block and a dotted band
# in the part past the backing file's end (clusters 3072-4095).
runs=$(awk 'BEGIN {
    start = -1
    for (c = 0; c < 4096; c++) {
        x = c % 64; y = int(c / 64)
        d = (x - 32) * (x - 32) + (y - 28) * (y - 28)
        on = (d >= 17 * 17 && d <= 22 * 22) \
            || (y < 8 && (x + 2 * y) % 16 < 6) \
            || (y >= 52 && y < 58 && x >= 6 && x < 22) \
            || (y >= 60 && y < 62 && x % 8 < 2)
        if (on && start < 0) start = c
        if (!on && start >= 0) { print start, c - start; start = -1 }
    }
    if (start >= 0) print start, 4096 - start
}')
while read -r first count; do
    text_clusters "image file" "$first" "$count" | "$addcow" write "$addcowfile" $((first * cluster))
done <<< "$runs"

# Clusters 100-103 written with the bytes they already had: allocated, but unchanged (the
# Changes list tells them apart from real changes).
"$addcow" read "$addcowfile" $((100 * cluster)) $((4 * cluster)) | "$addcow" write "$addcowfile" $((100 * cluster))

# A partial write inside one cluster: R18 copies the rest of the cluster from the backing file.
printf 'AddCow Studio demo: this line was written into the middle of a backing cluster.\n' \
    | "$addcow" write "$addcowfile" $((200 * cluster + 4096))

"$addcow" info "$addcowfile"

# The VM's disk: a GPT from sfdisk (/usr/sbin may not be on a user's PATH).
sfdisk=$(command -v sfdisk || echo /usr/sbin/sfdisk)
[ -x "$sfdisk" ] || { echo "$0: sfdisk is missing (apt-get install fdisk)" >&2; exit 1; }
vmbase="$out/vm-base.raw"
vmimage="$out/vm.raw"
vmaddcow="$out/vm.add-cow"
rm -f "$vmbase" "$vmimage" "$vmaddcow"
truncate -s $((1024 * mib)) "$vmbase"
"$sfdisk" --quiet --no-reread --no-tell-kernel "$vmbase" <<'TABLE'
label: gpt
label-id: 3A7D2C51-9B0E-4F6A-8C1D-2E5F7A9B0C3D
size=100MiB, type=U, name="EFI system partition"
size=128MiB, type=S, name="swap"
size=512MiB, type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709, name="root"
type=933AC7E1-2EB4-4F13-B844-0E14E2AEF915, name="home"
TABLE
# What the installer left (cluster runs "FIRST COUNT" of 64 KiB): boot files, the root file
# system's first half, a little of home.
while read -r first count; do
    text_clusters "installed" "$first" "$count" | put "$vmbase" $((first * cluster))
done <<'INSTALLED'
16 40
3680 160
8900 40
12000 24
INSTALLED
"$addcow" create -b vm-base.raw -F raw -i vm.raw "$vmaddcow" > /dev/null
# What the VM wrote since: updates all over root, a block of swap, new files in home and one
# kernel in the EFI partition.
while read -r first count; do
    text_clusters "vm wrote" "$first" "$count" | "$addcow" write "$vmaddcow" $((first * cluster))
done <<'WRITTEN'
40 8
1700 60
2300 20
3700 80
4600 16
5200 90
6400 24
7000 60
8200 8
9100 30
10400 12
12100 30
13800 6
WRITTEN
"$addcow" info "$vmaddcow" | sed -n '/^partition table/,$p'
