#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 AddCow Studio authors
# SPDX-License-Identifier: GPL-2.0-or-later
#
# addcow-bench-serve: the NBD export of an add-cow image against its peers, measured in one run
# with fio over NBD (fio's nbd engine, libnbd), and the ratios printed:
#
#   sequential 1 MiB reads, random 4 KiB reads, random 4 KiB writes into allocated clusters:
#       nbdkit addcow plugin  vs  nbdkit file plugin serving the same raw image file
#       (targets: >= 0.9x, >= 0.9x, >= 0.8x)
#   first writes into clean clusters (copy-on-write, 4 KiB into each 64 KiB cluster):
#       nbdkit addcow plugin  vs  a qcow2 overlay on the same backing file served by qemu-nbd
#       (target: faster)
#
# Each measurement runs twice, alternating with its peer; the better of the two counts.
# Environment: BENCH_DIR (default: a directory under /tmp, removed afterwards), BENCH_SIZE_MIB
# (default 1024), BENCH_SECONDS (per fio run, default 6), ADDCOW and ADDCOW_PLUGIN (set by the
# build), NBDKIT_THREADS (default nbdkit's 16).
set -euo pipefail

addcow=${ADDCOW:-@ADDCOW_BINARY@}
plugin=${ADDCOW_PLUGIN:-@ADDCOW_PLUGIN@}
size_mib=${BENCH_SIZE_MIB:-1024}
seconds=${BENCH_SECONDS:-6}

for program in nbdkit qemu-nbd qemu-img fio python3; do
    command -v "$program" >/dev/null || { echo "addcow-bench-serve: $program is needed" >&2; exit 1; }
done
fio --enghelp 2>/dev/null | grep -qx '[[:space:]]*nbd' || { echo "addcow-bench-serve: this fio has no nbd engine" >&2; exit 1; }

if [ -n "${BENCH_DIR:-}" ]; then
    work=$BENCH_DIR
    mkdir -p "$work"
else
    work=$(mktemp -d /tmp/addcow-bench-serve.XXXXXX)
    trap 'stop_server; rm -rf "$work"' EXIT
fi
server_pid=

stop_server() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=
    fi
    rm -f "$work/nbd.sock"
}

# Starts a server in the foreground of a background job and waits for its socket.
start_server() {
    stop_server
    "$@" > "$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 300); do
        [ -S "$work/nbd.sock" ] && return 0
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.05
    done
    echo "addcow-bench-serve: the server did not start: $*" >&2
    cat "$work/server.log" >&2
    exit 1
}

serve_addcow() { start_server nbdkit -f -U "$work/nbd.sock" "$plugin" file="$work/disk.add-cow"; }
serve_file() { start_server nbdkit -f -U "$work/nbd.sock" file file="$1"; }
serve_qcow2() { start_server qemu-nbd -f qcow2 --cache=writeback --aio=threads -k "$work/nbd.sock" -t "$work/overlay.qcow2"; }

# fio over NBD; prints MiB/s of the job (reads or writes).
measure() { # NAME RW BS IODEPTH [extra fio options]
    local name=$1 rw=$2 bs=$3 depth=$4
    shift 4
    fio --name="$name" --ioengine=nbd --uri="nbd+unix:///?socket=$work/nbd.sock" --rw="$rw" --bs="$bs" \
        --iodepth="$depth" --size="${size_mib}M" --output-format=json "$@" > "$work/fio.json"
    python3 - "$work/fio.json" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
job = json.loads(text[text.index("{"):])["jobs"][0]  # the nbd engine says "connected" first
side = job["read"] if job["read"]["io_bytes"] else job["write"]
print("%.1f" % (side["bw_bytes"] / 1048576.0))
PY
}

best() { python3 -c 'import sys; print(max(float(a) for a in sys.argv[1:]))' "$@"; }
ratio() { python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }

echo "addcow-bench-serve: ${size_mib} MiB disk in $work, fio ${seconds}s per run, best of 2"
echo "preparing: backing file, add-cow image, qcow2 overlay"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/base.raw"
"$addcow" create -b base.raw -F raw -i disk.raw "$work/disk.add-cow" >/dev/null

# Allocated clusters: write the whole disk once through the export (every bit set, in the
# bitmap: the reads below go through it, not through ALL_ALLOCATED).
serve_addcow
fio --name=fill --ioengine=nbd --uri="nbd+unix:///?socket=$work/nbd.sock" --rw=write --bs=1M --iodepth=8 \
    --size="${size_mib}M" --output-format=terse > /dev/null
stop_server
allocated=$("$addcow" info --output=json "$work/disk.add-cow" | python3 -c 'import json,sys; print(json.load(sys.stdin)["allocated-clusters"])')

timed=(--runtime="$seconds" --time_based)
declare -A result
for round in 1 2; do
    serve_addcow
    result[seq_addcow_$round]=$(measure seqread read 1M 8 "${timed[@]}")
    result[rand_addcow_$round]=$(measure randread randread 4k 16 "${timed[@]}")
    result[write_addcow_$round]=$(measure randwrite randwrite 4k 16 "${timed[@]}")
    stop_server
    serve_file "$work/disk.raw"
    result[seq_file_$round]=$(measure seqread read 1M 8 "${timed[@]}")
    result[rand_file_$round]=$(measure randread randread 4k 16 "${timed[@]}")
    result[write_file_$round]=$(measure randwrite randwrite 4k 16 "${timed[@]}")
    stop_server
done

# First writes into clean clusters: 4 KiB at the start of each 64 KiB cluster, every one a
# copy-on-write (a fresh image and a fresh qcow2 overlay each round).
for round in 1 2; do
    rm -f "$work/disk.add-cow" "$work/disk.raw" "$work/overlay.qcow2"
    "$addcow" create -b base.raw -F raw -i disk.raw "$work/disk.add-cow" >/dev/null
    qemu-img create -q -f qcow2 -b "$work/base.raw" -F raw "$work/overlay.qcow2"
    serve_addcow
    result[cow_addcow_$round]=$(measure cow write:60k 4k 16 --end_fsync=1)
    stop_server
    serve_qcow2
    result[cow_qcow2_$round]=$(measure cow write:60k 4k 16 --end_fsync=1)
    stop_server
done

printf '\n%-44s %12s %12s %8s %8s\n' "workload (MiB/s)" "addcow" "peer" "ratio" "target"
report() { # LABEL KEY PEERKEY PEERNAME TARGET
    local ours theirs
    ours=$(best "${result[${2}_1]}" "${result[${2}_2]}")
    theirs=$(best "${result[${3}_1]}" "${result[${3}_2]}")
    printf '%-44s %12s %12s %7sx %8s\n' "$1" "$ours" "$theirs ($4)" "$(ratio "$ours" "$theirs")" "$5"
}
report "sequential 1 MiB reads (depth 8)" seq_addcow seq_file "file" ">= 0.9x"
report "random 4 KiB reads (depth 16)" rand_addcow rand_file "file" ">= 0.9x"
report "random 4 KiB writes, allocated (depth 16)" write_addcow write_file "file" ">= 0.8x"
report "first 4 KiB writes into clean clusters" cow_addcow cow_qcow2 "qcow2" "> 1.0x"
echo
echo "peers: nbdkit file plugin on the image file ($allocated clusters allocated); qcow2 overlay (64 KiB clusters) on the same backing file, qemu-nbd --cache=writeback"
