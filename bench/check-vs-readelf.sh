#!/usr/bin/env bash
# Times `askbuild check` against `readelf -a` plus `modinfo` over the same files (best of RUNS each)
# and prints the ratio (askbuild / tools; below 1 means askbuild is faster, JVM start-up included).
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

# One unmeasured run of each: the page cache holds every file, and askbuild has made its class
# data sharing archive (what every later run of the same jar uses), so neither side pays for
# first-time costs on behalf of the other.
set +e
askbuild_check 2>"$report/.stderr" >/dev/null
code=$?
set -e
tools
t_askbuild=$(best askbuild_check)
t_tools=$(best tools)

awk -v a="$t_askbuild" -v b="$t_tools" -v n="$files" -v k="$kos" -v c="$code" -v r="$runs" 'BEGIN {
  printf "files: %d (%d kernel modules), best of %d runs each\n", n, k, r
  printf "askbuild check:       %.2f s (exit %d)\n", a, c
  printf "readelf -a + modinfo: %.2f s\n", b
  printf "ratio askbuild/tools: %.2f (target: below 1)\n", a / b
}'
tail -1 "$report/.stderr"
