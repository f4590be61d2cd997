#!/usr/bin/env bash
# The engine's own overhead on the whole demo fixture build, cold: `askbuild build --board demo`
# with an empty cache against the same work done by hand with the same tools, in one run:
# sha256sum -c, tar, patch, the library's configure/make, the kernel's tinyconfig + fragment +
# olddefconfig + Image modules, the fixture's make modules/userspace, readelf + modinfo.
# What askbuild adds on top: safe extraction, Kconfig scan and config verification, cache keys and
# atomic publishing, offline shims and the leak scan, reports, JVM start-up.
# Usage: bench/build-overhead.sh [RUNS]   (default 2; each run of each side is a full kernel build,
# about 3 minutes on 2 cores)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-2}"
work="${BENCH_WORK:-$here/target/bench-build}"
triple=aarch64-linux-gnu
make_args=(ARCH=arm64 CROSS_COMPILE=$triple-)
jobs=$(nproc)

rm -rf "$work"; mkdir -p "$work"
# The demo's inputs, made once by askbuild itself (verify stage only), used by both sides.
"$here/bin/askbuild" build --board demo --out "$work/prep" --stages verify > /dev/null 2>&1
pk=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["result"]["sums"])' "$work/prep/state/verify.json")
pk=$(dirname "$pk")
fragment="$here/src/main/resources/dev/askbuild/board/demo/kernel.config"
cat "$pk"/* > /dev/null  # page cache warm for both sides

export SOURCE_DATE_EPOCH=1714521600 KBUILD_BUILD_TIMESTAMP=@1714521600 \
  KBUILD_BUILD_USER=askbuild KBUILD_BUILD_HOST=askbuild LC_ALL=C TZ=UTC

by_hand() {
  set -e  # seconds runs this in a command substitution, which does not inherit -e
  local d="$work/hand"
  mkdir -p "$d/ask" "$d/sysroot/usr/lib/$triple" "$d/dist"
  (cd "$pk" && sha256sum --quiet -c SHA256SUMS)
  tar -xzf "$pk/ask-demo.tar.gz" -C "$d/ask" --strip-components=1
  # sysroot: the cross libc, then the vendored library patched and cross-built into it
  cp -a "/usr/$triple/include" "$d/sysroot/usr/include"
  cp -a "/usr/$triple/lib/." "$d/sysroot/usr/lib/$triple/"
  tar -xzf "$pk/libdemo-1.0.tar.gz" -C "$d"
  (cd "$d/libdemo-1.0" && patch -p1 --fuzz=0 --batch -i "$d/ask/patches/libdemo/0001-configure-honour-host.patch" \
    && ./configure --host=$triple --prefix=/usr --libdir=/usr/lib/$triple && make -j"$jobs" \
    && make DESTDIR="$d/sysroot" install)
  # kernel: extract, base config, fragment, olddefconfig, full build (CONFIG_MODVERSIONS=y)
  mkdir "$d/linux"
  tar -xJf "$pk/linux-source-6.12.tar.xz" -C "$d/linux" --strip-components=1
  (cd "$d/linux" && make -j"$jobs" "${make_args[@]}" tinyconfig \
    && scripts/kconfig/merge_config.sh -m .config "$fragment" \
    && make -j"$jobs" "${make_args[@]}" olddefconfig \
    && make -j"$jobs" "${make_args[@]}" Image modules)
  # the fixture's own build against that tree and sysroot
  make -C "$d/ask" -j"$jobs" modules "${make_args[@]}" KDIR="$d/linux" PLATFORM=DEMO
  make -C "$d/ask" -j"$jobs" userspace CC="$triple-gcc --sysroot=$d/sysroot" AR=$triple-ar CFLAGS=-O2
  cp "$d"/ask/modules/alpha/alpha.ko "$d"/ask/modules/beta/beta.ko "$d"/ask/lib/libgreet.so.1 "$d"/ask/app/hello "$d/dist/"
  readelf -a -W "$d"/dist/* > /dev/null
  modinfo "$d"/dist/*.ko > /dev/null
}

engine() {
  set -e
  ASKBUILD_CACHE="$work/cache" "$here/bin/askbuild" build --board demo --out "$work/engine"
}

source "$here/bench/lib.sh"
"$here/bin/askbuild" --version > /dev/null  # the jar exists before the clock starts
# Interleaved, so that drift in the machine's speed (a kernel build varies by 10% run to run)
# falls on both sides alike; the best of each side is compared.
t_hand=""; t_engine=""
for i in $(seq 1 "$runs"); do
  # Removing the last run's 1.5 GB trees is not part of either side's time.
  rm -rf "$work/hand"; h=$(seconds by_hand)
  rm -rf "$work/engine" "$work/cache"; e=$(seconds engine)
  printf 'run %d: by hand %.1f s, askbuild %.1f s\n' "$i" "$h" "$e"
  t_hand=$(min "$t_hand" "$h"); t_engine=$(min "$t_engine" "$e")
done
for side in hand/dist engine/dist; do
  [[ $(ls "$work/$side" 2>/dev/null | wc -l) -eq 4 ]] || { echo "bench: $work/$side lacks the 4 artifacts" >&2; exit 1; }
done
printf 'by hand:        %8.1f s\n' "$t_hand"
printf 'askbuild build: %8.1f s (cold cache: every stage runs)\n' "$t_engine"
python3 -c 'import json,sys; print("askbuild stages (last run):", ", ".join("%s %.1f s" % (s["stage"], s["millis"] / 1000) for s in json.load(open(sys.argv[1]))["runs"]))' "$work/engine/manifest.json"
printf 'ratio: %.3f (target < 1.05)\n' "$(echo "$t_engine / $t_hand" | bc -l)"
