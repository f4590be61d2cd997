#!/usr/bin/env bash
# Times `askbuild check` over the same files (best of RUNS each) against two anchors, and prints the
# ratio (askbuild / anchor; below 1 means askbuild is faster, JVM start-up included):
#  - serial: `readelf -a` plus `modinfo`, one after the other (they print far more than the check reads);
#  - minimal: the tool calls that give the facts the check reads, run on every core (xargs -P):
#    `readelf -h -l -d -S -W` (header, program headers, dynamic section, sections) on every file,
#    with -s on modules (their undefined and exported symbols), `modinfo -F vermagic` and
#    `-F license`, and `modprobe --dump-modversions` (one module per call: it dumps only its first).
#  - batched: the same facts from readelf alone, 64 files a call, run on every core: on modules
#    `-p .modinfo` (vermagic, license) and `-x __versions` (the CRCs, as a hex dump) join the call,
#    so there is no process per module (modprobe's, which costs most of the minimal anchor).
#  The anchors only print the facts; the check also hashes every file, compares against the
#  kernel's Module.symvers and .config and writes its reports.
# Usage: [RUNS=3] bench/check-vs-readelf.sh [DIST [KERNEL [SYSROOT]]]
# Defaults: Debian's arm64 modules and headers that the tests extract (run the check tests or
# .ci/fetch-test-packages first), and the cross toolchain's sysroot.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cache="${ASKBUILD_TEST_CACHE:-$here/target/test-cache}"
if [[ $# -ge 1 ]]; then
  dist="$1"
else
  dist="$(ls -d "$cache"/debian-root/lib/modules/*/kernel 2>/dev/null | head -1)"
  if [[ -z "$dist" ]]; then
    echo "bench: no Debian modules under $cache/debian-root; run: mvn -q test -Dtest=CheckerTest" >&2
    exit 2
  fi
fi
kernel="${2:-$(ls -d "$cache"/debian-root/usr/src/linux-headers-*-arm64 2>/dev/null | head -1)}"
sysroot="${3:-/usr/aarch64-linux-gnu}"
[[ -f "$here/target/askbuild.jar" ]] || (cd "$here" && mvn -B -q -DskipTests package) >&2
report="$(mktemp -d)"
trap 'rm -rf "$report"' EXIT

cores=$(nproc)
files=$(find "$dist" -type f | wc -l)
kos=$(find "$dist" -type f -name '*.ko' | wc -l)
runs="${RUNS:-3}"
source "$here/bench/lib.sh"

askbuild_check() {
  "$here/bin/askbuild" check --dist "$dist" --kernel "$kernel" --sysroot "$sysroot" --report "$report" --board demo
}
tools() {
  find "$dist" -type f -print0 | xargs -0 -r readelf -a -W >/dev/null 2>&1 || true
  find "$dist" -type f -name '*.ko' -print0 | xargs -0 -r modinfo >/dev/null 2>&1 || true
}
minimal() {
  {
    find "$dist" -type f ! -name '*.ko' -print0 | xargs -0 -r -P"$cores" -n 64 readelf -h -l -d -S -W
    find "$dist" -type f -name '*.ko' -print0 | xargs -0 -r -P"$cores" -n 64 readelf -h -l -d -S -s -W
    find "$dist" -type f -name '*.ko' -print0 | xargs -0 -r -P"$cores" -n 64 modinfo -F vermagic
    find "$dist" -type f -name '*.ko' -print0 | xargs -0 -r -P"$cores" -n 64 modinfo -F license
    find "$dist" -type f -name '*.ko' -print0 | xargs -0 -r -P"$cores" -n 1 modprobe --dump-modversions
  } >/dev/null 2>&1 || true
}
batched() {
  {
    find "$dist" -type f ! -name '*.ko' -print0 | xargs -0 -r -P"$cores" -n 64 readelf -h -l -d -S -W
    find "$dist" -type f -name '*.ko' -print0 \
      | xargs -0 -r -P"$cores" -n 64 readelf -h -l -d -S -s -p .modinfo -x __versions -W
  } >/dev/null 2>&1 || true
}

# One unmeasured run of each: the page cache holds every file, and askbuild has made its class
# data sharing archive (what every later run of the same jar uses), so neither side pays for
# first-time costs on behalf of the other.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
set +e
askbuild_check 2>"$report/.stderr" >/dev/null
code=$?
set -e
tools
minimal
batched
t_askbuild=$(best askbuild_check)
t_tools=$(best tools)
t_minimal=$(best minimal)
t_batched=$(best batched)

awk -v a="$t_askbuild" -v b="$t_tools" -v m="$t_minimal" -v t="$t_batched" -v n="$files" -v k="$kos" -v c="$code" -v r="$runs" \
    -v p="$cores" -v l="$load_before" -v e="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  printf "files: %d (%d kernel modules), best of %d runs each, %d cores\n", n, k, r, p
  printf "load average (1, 5, 15 min): %s before, %s after\n", l, e
  printf "askbuild check:                          %.2f s (exit %d)\n", a, c
  printf "readelf -a + modinfo, serial:            %.2f s\n", b
  printf "minimal readelf/modinfo/modprobe, -P%d:   %.2f s\n", p, m
  printf "batched readelf only, -P%d:               %.2f s\n", p, t
  printf "ratio askbuild/serial tools:   %.2f (target: below 1)\n", a / b
  printf "ratio askbuild/minimal tools:  %.2f\n", a / m
  printf "ratio askbuild/batched readelf: %.2f\n", a / t
}'
tail -1 "$report/.stderr"
