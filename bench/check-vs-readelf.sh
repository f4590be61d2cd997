#!/usr/bin/env bash
# Times `askbuild check` against `readelf -a` plus `modinfo` over the same files, in one run each,
# and prints the ratio (askbuild / tools; below 1 means askbuild is faster, JVM start-up included).
# Usage: bench/check-vs-readelf.sh [DIST [KERNEL [SYSROOT]]]
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
now() { date +%s.%N; }

# Warm the page cache first so that neither side pays for the disk on behalf of the other.
find "$dist" -type f -print0 | xargs -0 -r cat >/dev/null

t0=$(now)
set +e
"$here/bin/askbuild" check --dist "$dist" --kernel "$kernel" --sysroot "$sysroot" --report "$report" --board demo 2>"$report/.stderr"
code=$?
set -e
t1=$(now)
find "$dist" -type f -print0 | xargs -0 -r readelf -a -W >/dev/null 2>&1 || true
find "$dist" -type f -name '*.ko' -print0 | xargs -0 -r modinfo >/dev/null 2>&1 || true
t2=$(now)

awk -v a="$(echo "$t1 - $t0" | bc)" -v b="$(echo "$t2 - $t1" | bc)" -v n="$files" -v k="$kos" -v c="$code" 'BEGIN {
  printf "files: %d (%d kernel modules)\n", n, k
  printf "askbuild check:       %.2f s (exit %d)\n", a, c
  printf "readelf -a + modinfo: %.2f s\n", b
  printf "ratio askbuild/tools: %.2f\n", a / b
}'
tail -1 "$report/.stderr"
