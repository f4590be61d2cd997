#!/usr/bin/env bash
# The compile stage's own overhead on the demo fixture: `askbuild compile` against the same make
# commands run by hand on the same inputs (same kernel tree, same sysroot), in one run.
# Usage: bench/compile-overhead.sh [RUNS]   (needs a prior `askbuild build --board demo`, for the cache)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
work="${BENCH_WORK:-$here/target/bench-compile}"
jar="$here/target/askbuild.jar"
[[ -f "$jar" ]] || (cd "$here" && mvn -B -q -DskipTests package)
rm -rf "$work"; mkdir -p "$work"
# Prepared kernel and sysroot from the cache (a hit after the first demo build).
java -jar "$jar" build --board demo --out "$work/prep" --stages verify,sysroot,kernel > /dev/null 2>&1
state() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["result"][sys.argv[2]])' "$work/prep/state/$1.json" "$2"; }
kdir=$(state kernel tree)
sysroot=$(state sysroot sysroot)
pk=$(dirname "$(state verify sums)")
cc="aarch64-linux-gnu-gcc --sysroot=$sysroot"

direct() {
  rm -rf "$work/direct"; mkdir -p "$work/direct"
  tar -xzf "$pk/ask-demo.tar.gz" -C "$work/direct" --strip-components=1
  make -s -C "$work/direct" -j"$(nproc)" modules KDIR="$kdir" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- PLATFORM=DEMO
  make -s -C "$work/direct" -j"$(nproc)" userspace CC="$cc" AR=aarch64-linux-gnu-ar CFLAGS=-O2
}
engine() {
  # The compile stage alone, reading the prepared kernel and sysroot from the earlier stages' state.
  "$here/bin/askbuild" compile --board demo --out "$work/prep"
}

source "$here/bench/lib.sh"
t_direct=$(best direct)
t_engine=$(best engine)
printf 'make by hand:     %7.3f s\n' "$t_direct"
printf 'askbuild compile: %7.3f s (verify, safe extract, shims, leak scan, staging, JVM start-up included)\n' "$t_engine"
printf 'ratio: %.3f (target < 1.05)\n' "$(echo "$t_engine / $t_direct" | bc -l)"
