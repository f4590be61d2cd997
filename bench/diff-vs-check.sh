#!/usr/bin/env bash
# Times `askbuild diff` of Debian's arm64 kernel modules against themselves (two check runs' reports
# of the same files, so every artifact is read from its own abi.json) against `askbuild check` on
# the same modules, and prints the ratio (diff / check; below 1 means the diff is the cheaper step
# a nightly adds). Rounds alternate diff and check so that a change in the machine's load falls on
# both; each side's best of RUNS is kept, JVM start-up included on both.
# With an older release (OLD_DIST OLD_KERNEL, e.g. Debian's previous ABI extracted the same way) it
# also diffs that release (OLD) against DIST (NEW) once and prints files, changes by kind (CRC changes
# among them), the inputs that moved and the time.
# Usage: [RUNS=3] bench/diff-vs-check.sh [DIST [KERNEL [OLD_DIST OLD_KERNEL]]]
# Defaults: the modules and headers the check tests extract (.ci/fetch-test-packages, CheckerTest).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cache="${ASKBUILD_TEST_CACHE:-$here/target/test-cache}"
dist="${1:-$(ls -d "$cache"/debian-root/lib/modules/*/kernel 2>/dev/null | head -1)}"
kernel="${2:-$(ls -d "$cache"/debian-root/usr/src/linux-headers-*-arm64 2>/dev/null | head -1)}"
if [[ -z "$dist" || -z "$kernel" ]]; then
  echo "bench: no Debian modules under $cache/debian-root; run: mvn -q test -Dtest=CheckerTest" >&2
  exit 2
fi
sysroot=/usr/aarch64-linux-gnu
[[ -f "$here/target/askbuild.jar" ]] || (cd "$here" && mvn -B -q -DskipTests package) >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
runs="${RUNS:-3}"
source "$here/bench/lib.sh"

check() {
  "$here/bin/askbuild" check --dist "$1" --kernel "$2" --sysroot "$sysroot" --report "$3" --board demo
}
# Two records of the same files, each made by its own check run (the first also makes the check's
# class data archive, the first diff the diff's: neither is measured).
check "$dist" "$kernel" "$work/a" >/dev/null 2>&1
check "$dist" "$kernel" "$work/b" >/dev/null 2>&1
set +e
"$here/bin/askbuild" diff "$work/a" "$work/b" > "$work/self.txt" 2>&1
self=$?
set -e
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
t_diff=""
t_check=""
for _ in $(seq 1 "$runs"); do
  t_diff=$(min "$t_diff" "$(seconds "$here/bin/askbuild" diff "$work/a" "$work/b")")
  t_check=$(min "$t_check" "$(seconds check "$dist" "$kernel" "$work/c")")
done
files=$(find "$dist" -type f | wc -l)
kos=$(find "$dist" -type f -name '*.ko' | wc -l)
abi_mb=$(du -m "$work/a/abi.json" | cut -f1)
awk -v d="$t_diff" -v c="$t_check" -v n="$files" -v k="$kos" -v r="$runs" -v s="$self" -v m="$abi_mb" \
    -v l="$load_before" -v e="$(cut -d' ' -f1-3 /proc/loadavg)" -v p="$(nproc)" 'BEGIN {
  printf "files: %d (%d kernel modules), abi.json %d MB, best of %d alternating runs each, %d cores\n", n, k, m, r, p
  printf "load average (1, 5, 15 min): %s before, %s after\n", l, e
  printf "askbuild diff (against itself): %.2f s (exit %d)\n", d, s
  printf "askbuild check:                 %.2f s\n", c
  printf "ratio diff/check: %.2f (target: below 1)\n", d / c
}'
head -1 "$work/self.txt"

if [[ $# -ge 4 ]]; then
  check "$3" "$4" "$work/old" >/dev/null 2>&1 || true
  set +e
  s=$(date +%s.%N)
  "$here/bin/askbuild" diff --json "$work/old" "$work/a" > "$work/release.json" 2>"$work/release.err"
  code=$?
  e=$(date +%s.%N)
  set -e
  python3 - "$work/release.json" "$code" "$(echo "$e - $s" | bc -l)" "$(find "$3" -type f | wc -l)" "$files" <<'PY'
import collections, json, sys
d = json.load(open(sys.argv[1]))
aspects = collections.Counter(c["aspect"] for c in d["changes"])
arts = {c["artifact"] for c in d["changes"]}
print("two releases: %s -> %s: %s files -> %s files, exit %s, %.2f s" % (
    d["kernel"]["baseline"], d["kernel"]["current"], sys.argv[4], sys.argv[5], sys.argv[2], float(sys.argv[3])))
print("  %s" % d["verdict"])
print("  artifacts changed: %d; breaking changes: %d; inputs moved: %d" % (len(arts), d["summary"]["breaking"], d["summary"]["inputsMoved"]))
print("  CRC changes (exports and imports): %d" % sum(n for a, n in aspects.items() if "CRC" in a))
for aspect, n in sorted(aspects.items(), key=lambda x: -x[1]):
    print("  %6d  %s" % (n, aspect))
for i in d["inputs"]:
    print("  input moved: %s: %s -> %s" % (i["name"], i["before"], i["after"]))
PY
fi
