#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 AddCow Studio authors
# SPDX-License-Identifier: GPL-2.0-or-later
#
# guestboot.sh ADDCOW CACHE_DIR WORK_DIR
#
# A real guest on an add-cow image: boots Debian's own kernel (the package linux-image-amd64
# depends on, fetched with apt-get download and unpacked with dpkg-deb into CACHE_DIR, never
# installed) with a busybox initramfs under qemu-system-x86_64 (TCG), on the NBD export that
# 'ADDCOW serve' starts, as the virtio disk of its printed QEMU line. The guest writes known
# bytes at cluster-aligned, unaligned and cluster-spanning places, syncs and powers off. Then
# the export stops, 'addcow check' is clean, 'addcow commit' makes the raw image standalone and
# the raw image must equal a model made here with dd: the backing file plus the same writes.
#
# Fails loudly when the kernel cannot be fetched: it must run in CI.
set -euo pipefail

addcow=$(realpath "$1")
cache=$(realpath -m "$2")
work=$(realpath -m "$3")
# About 15 s on an idle 2-core machine; the bound leaves room for a busy one and keeps the
# whole test (kernel download included) within ctest's 170 s.
timeout_seconds=${GUEST_TIMEOUT:-100}

fail() { echo "guestboot: FAIL: $*" >&2; exit 1; }
for program in qemu-system-x86_64 qemu-img busybox cpio dpkg-deb apt-get apt-cache nbdkit; do
    command -v "$program" >/dev/null || fail "$program is missing (scripts/quickstart.sh installs what this test needs)"
done
# The initramfs has no C library: the static busybox.
dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'install ok installed' || fail "busybox-static is needed"
busybox=$(command -v busybox)

# --- The kernel: the exact package linux-image-amd64 depends on, unpacked once into the cache.
package=$(apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n 1)
if [ -z "$package" ]; then
    # No package lists yet on a fresh machine.
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq; else sudo apt-get update -qq; fi
    package=$(apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n 1)
fi
[ -n "$package" ] || fail "cannot find which kernel package linux-image-amd64 depends on (apt-cache depends)"
release=${package#linux-image-}
tree="$cache/$package"
if [ ! -f "$tree/done" ]; then
    rm -rf "$tree" && mkdir -p "$tree"
    (cd "$tree" && apt-get download -q "$package" >/dev/null 2>"$tree/download.log") \
        || fail "apt-get download $package failed: $(cat "$tree/download.log")"
    dpkg-deb -x "$tree"/*.deb "$tree/root" || fail "dpkg-deb -x failed"
    rm -f "$tree"/*.deb
    # The package has no modules.dep (installing makes it): busybox's depmod writes it here.
    "$busybox" depmod -b "$tree/root" "${package#linux-image-}" || fail "depmod failed"
    touch "$tree/done"
fi
kernel="$tree/root/boot/vmlinuz-$release"
modules="$tree/root/lib/modules/$release"
[ -f "$kernel" ] || fail "no kernel at $kernel"

# --- The initramfs: busybox, virtio_pci + virtio_blk and what they need (modules.dep), a payload.
rm -rf "$work" && mkdir -p "$work/initramfs"/{bin,dev,proc,sys,modules}
cp "$busybox" "$work/initramfs/bin/busybox"
load_order=()
add_module() { # NAME.ko path relative to $modules, its dependencies first
    local path=$1 dependency
    for loaded in "${load_order[@]:-}"; do [ "$loaded" = "$path" ] && return 0; done
    for dependency in $(sed -n "s|^$path: *||p" "$modules/modules.dep"); do add_module "$dependency"; done
    load_order+=("$path")
}
for name in virtio_pci virtio_blk; do
    path=$(grep -E "/$name\.ko(\.xz|\.zst)?:" "$modules/modules.dep" | cut -d: -f1 | head -n 1)
    if [ -z "$path" ]; then
        grep -qE "/$name\.ko" "$modules/modules.builtin" || fail "module $name is neither in modules.dep nor built in"
        continue
    fi
    add_module "$path"
done
: > "$work/initramfs/modules/order"
for path in "${load_order[@]:-}"; do
    [ -n "$path" ] || continue
    base=$(basename "$path")
    case "$base" in
        *.xz) xz -dc "$modules/$path" > "$work/initramfs/modules/${base%.xz}"; base=${base%.xz} ;;
        *.zst) zstd -qdc "$modules/$path" > "$work/initramfs/modules/${base%.zst}"; base=${base%.zst} ;;
        *) cp "$modules/$path" "$work/initramfs/modules/$base" ;;
    esac
    echo "$base" >> "$work/initramfs/modules/order"
done

# The writes, as dd arguments: block size, blocks, disk offset (in blocks), payload offset (in blocks).
writes=(
    "512 3 1 0"             # 1.5 KiB inside clean cluster 0: copy-on-write around it
    "65536 16 5 1"          # 1 MiB of whole clean clusters
    "4096 40 1000 7"        # 160 KiB from 4000 KiB: unaligned, across clusters
    "4096 1 1024 50"        # in place, into a cluster the previous write allocated
    "512 2 131071 3"        # across a cluster boundary at 64 MiB - 512
)
head -c $((4 * 1024 * 1024)) /dev/urandom > "$work/initramfs/payload"
cat > "$work/initramfs/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for module in $(cat /modules/order); do insmod /modules/$module || echo "guest: insmod $module failed"; done
for i in $(seq 100); do [ -b /dev/vda ] && break; sleep 0.1; done
[ -b /dev/vda ] || { echo "guest: no /dev/vda"; poweroff -f; }
echo "guest: /dev/vda has $(blockdev --getsize64 /dev/vda) bytes"
while read -r bs count seek skip; do
    dd if=/payload of=/dev/vda bs=$bs count=$count seek=$seek skip=$skip conv=notrunc,fsync 2>/dev/null \
        && echo "guest: wrote $count x $bs at block $seek" || echo "guest: write at block $seek failed"
done < /writes
sync
blockdev --flushbufs /dev/vda
echo "guest: done"
poweroff -f
INIT
chmod +x "$work/initramfs/init"
printf '%s\n' "${writes[@]}" | sed 's/ *#.*//' > "$work/initramfs/writes"
(cd "$work/initramfs" && find . | cpio -o -H newc --quiet | gzip -1) > "$work/initramfs.gz"

# --- The disk: a 96 MiB backing file with a pattern, an add-cow image over an empty raw image.
disk="$work/disk"
mkdir -p "$disk"
head -c $((96 * 1024 * 1024)) /dev/urandom > "$disk/base.raw"
"$addcow" create -b base.raw -F raw -i disk.raw "$disk/disk.add-cow" >/dev/null
cp "$disk/base.raw" "$work/model.raw"
while read -r bs count seek skip; do
    dd if="$work/initramfs/payload" of="$work/model.raw" bs="$bs" count="$count" seek="$seek" skip="$skip" conv=notrunc status=none
done < "$work/initramfs/writes"

# --- Serve, boot, stop.
export XDG_RUNTIME_DIR="$work"
"$addcow" serve "$disk/disk.add-cow" > "$work/serve.out" 2> "$work/serve.err" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do grep -qx ready "$work/serve.out" && break; kill -0 $server 2>/dev/null || break; sleep 0.1; done
grep -qx ready "$work/serve.out" || fail "addcow serve did not get ready: $(cat "$work/serve.out" "$work/serve.err")"
qemu_line=$(sed -n 's/^  qemu-system-x86_64: *//p' "$work/serve.out")
[ -n "$qemu_line" ] || fail "addcow serve printed no QEMU line"
echo "guestboot: $qemu_line"
start=$(date +%s)
# The printed line, as a user would paste it, plus the guest: kernel, initramfs, serial console.
eval "timeout $timeout_seconds $qemu_line" -nographic -no-reboot -nic none -m 256 -smp 1 \
    -kernel "$kernel" -initrd "$work/initramfs.gz" \
    -append "'console=ttyS0 panic=-1 quiet loglevel=3'" > "$work/console.log" 2>&1 \
    || fail "QEMU failed or timed out after $(( $(date +%s) - start ))s: $(tail -n 20 "$work/console.log")"
echo "guestboot: the guest ran for $(( $(date +%s) - start ))s"
grep -a '^guest:' "$work/console.log" | tr -d '\r'
grep -aq 'guest: done' "$work/console.log" || fail "the guest did not finish: $(tail -n 20 "$work/console.log")"
grep -aq 'failed' "$work/console.log" && fail "a guest step failed"

kill -TERM $server
wait $server || fail "addcow serve did not stop cleanly: $(cat "$work/serve.err")"
trap - EXIT
grep -q '^stopped: everything is flushed' "$work/serve.out" || fail "addcow serve did not say it stopped"

# --- What the guest wrote is on the disk; after a commit the raw image alone holds it.
"$addcow" check "$disk/disk.add-cow" >/dev/null || fail "addcow check is not clean"
"$addcow" compare "$disk/disk.add-cow" "$work/model.raw" || fail "the virtual disk differs from the model"
"$addcow" commit "$disk/disk.add-cow" >/dev/null || fail "addcow commit failed"
qemu-img compare -q -f raw -F raw "$disk/disk.raw" "$work/model.raw" || fail "the committed raw image differs from the model"
echo "guestboot: OK, the raw image holds what the guest wrote"
