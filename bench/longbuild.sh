#!/usr/bin/env bash
# Long builds, in one run on one machine, every ratio against the cold build of the same run:
#   cold       two `askbuild build --board-dir B0` (the demo board exported) started at the same
#              moment on an empty stage cache and an empty compiler cache: both must succeed, one
#              kernel build, the other waits and hits, dist/ identical. Cold = the builder's wall time.
#   killed     a build on another empty cache killed (-9) while it holds the kernel lock; the next
#              build's wait until it takes the lock over (then it is stopped)
#   warm       the same build again (every stage cached), against the same work by hand on the
#              cached tree and sysroot: sha256sum -c, tar, make modules, the userspace make,
#              readelf + modinfo
#   fragment   B1 = B0 with one more symbol in kernel.config (CONFIG_PRINTK_TIME=y): a new kernel
#              entry, rebuilt from B0's cached tree (target < 0.25)
#   ask        B0's ASK tarball with one source line changed (packages copied, SHA256SUMS and the
#              board's pin redone): only compile and check rebuild (target < 0.05)
#   corrupt    one file of B1's published tree changed: found by the manifest check and rebuilt
#   import     the kernel and sysroot entries exported, imported into an empty cache, then a
#              build on it: a fresh agent (target < 0.05)
#   identity   B1 cold on a third empty cache (no compiler cache), its dist/, reports/ and the
#              tree's build outputs compared byte for byte with the fragment rebuild's
# Usage: bench/longbuild.sh   (two cold demo kernel builds; about 20 minutes each on 2 quiet cores)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${BENCH_WORK:-$here/target/bench-longbuild}"
ask="$here/bin/askbuild"
triple=aarch64-linux-gnu
rm -rf "$work"; mkdir -p "$work"
"$ask" boards > /dev/null  # the jar and its class archive, before any timing

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l; }
ratio() { echo "scale=3; $1 / $2" | bc -l; }
build() {  # build LOG ARGS...: one board run; its wall seconds on stdout, its output in LOG
  local log="$1" s; shift; s=$(now)
  "$ask" build "$@" > "$log" 2>&1 || { echo "FAILED: askbuild build $* (see $log)" >&2; tail -5 "$log" >&2; exit 1; }
  since "$s"
}
kernel_line() { grep -o '^\[kernel\] ok ([a-z ]*)' "$1" | head -1; }
wait_for() {  # wait_for LOG PATTERN PID: until LOG has a line matching PATTERN, or PID ends
  until grep -q "$2" "$1" 2>/dev/null; do kill -0 "$3" 2>/dev/null || return 1; sleep 0.2; done
}

# Boards: B0 is the demo exported as is, B1 one fragment symbol more.
"$ask" board export demo "$work/B0" > /dev/null
cp -r "$work/B0" "$work/B1"; echo "CONFIG_PRINTK_TIME=y" >> "$work/B1/kernel.config"

# cold, and two builds at once on the empty shared cache C1
s=$(now)
"$ask" build --board-dir "$work/B0" --out "$work/s1" --cache "$work/C1" > "$work/s1.log" 2>&1 & p1=$!
"$ask" build --board-dir "$work/B0" --out "$work/s2" --cache "$work/C1" > "$work/s2.log" 2>&1 & p2=$!
t1=""; t2=""
wait $p1 && t1=$(since "$s"); wait $p2 && t2=$(since "$s")
[[ -n "$t1" && -n "$t2" ]] || { echo "FAILED: one of the two builds at once (s1.log, s2.log)" >&2; exit 1; }
if grep -q '^kernel: cache miss' "$work/s1.log"; then cold=$t1; builder=s1; waiter=s2; else cold=$t2; builder=s2; waiter=s1; fi
misses=$(cat "$work/s1.log" "$work/s2.log" | grep -c '^kernel: cache miss' || true)
waited=$(grep -c '^kernel: waiting for ' "$work/$waiter.log" || true)
same=$(diff -r -q "$work/s1/dist" "$work/s2/dist" > /dev/null && echo identical || echo DIFFERENT)
printf 'cold build            %8.1f s   (%s; %s)\n' "$cold" "$(kernel_line "$work/$builder.log")" \
  "$(grep -o 'full build done in [0-9.]* s, [0-9]* objects' "$work/$builder.log")"
printf 'two builds at once    %8.1f s   kernel builds %s, the other waited %s time(s) then %s, dist %s\n' \
  "$(echo "if ($t1 > $t2) $t1 else $t2" | bc -l)" "$misses" "$waited" "$(kernel_line "$work/$waiter.log")" "$same"
[[ "$misses" == 1 && "$same" == identical ]] || exit 1

# killed: a holder killed with -9 while it holds the kernel lock of an empty cache CK
"$ask" build --board-dir "$work/B0" --out "$work/k1" --cache "$work/CK" > "$work/k1.log" 2>&1 & k1=$!
wait_for "$work/k1.log" '^kernel: cache miss' $k1
kill -9 $k1; wait $k1 2>/dev/null || true
s=$(now)
"$ask" build --board-dir "$work/B0" --out "$work/k2" --cache "$work/CK" > "$work/k2.log" 2>&1 & k2=$!
wait_for "$work/k2.log" 'took over the stale lock' $k2
took=$(since "$s")
kill -TERM $k2; wait $k2 2>/dev/null || true
printf 'killed holder         %8.1f s   until the next build took the lock over (%s)\n' "$took" \
  "$(grep -o 'its process is gone\|not refreshed[^)]*' "$work/k2.log" | head -1)"

# warm, and the same work by hand on the cached tree and sysroot
warm=$(build "$work/warm.log" --board-dir "$work/B0" --out "$work/s1" --cache "$work/C1")
sums=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["result"]["sums"])' "$work/s1/state/verify.json")
pk=$(dirname "$sums")
sysroot=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["result"]["sysroot"])' "$work/s1/state/sysroot.json")
tree=$(readlink -f "$work/s1/work/kernel/linux")
# The kernel tarball is read where Debian installed it, not from the packages directory.
ktar=$(python3 -c 'import json,sys; print([v["trusted"]["path"] for v in json.load(open(sys.argv[1]))["result"]["verdicts"] if v["file"].startswith("linux-")][0])' "$work/s1/state/verify.json")
by_hand() {
  local d="$work/hand"; rm -rf "$d"; mkdir -p "$d/ask" "$d/dist"
  (cd "$pk" && grep -v " $(basename "$ktar")\$" SHA256SUMS | sha256sum --quiet -c -)
  (cd "$(dirname "$ktar")" && grep " $(basename "$ktar")\$" "$pk/SHA256SUMS" | sha256sum --quiet -c -)
  tar -xzf "$pk/ask-demo.tar.gz" -C "$d/ask" --strip-components=1
  make -C "$d/ask" -j"$(nproc)" modules ARCH=arm64 CROSS_COMPILE=$triple- KDIR="$tree" PLATFORM=DEMO
  make -C "$d/ask" -j"$(nproc)" userspace CC="$triple-gcc --sysroot=$sysroot" AR=$triple-ar CFLAGS=-O2
  cp "$d"/ask/modules/alpha/alpha.ko "$d"/ask/modules/beta/beta.ko "$d"/ask/lib/libgreet.so.1 "$d"/ask/app/hello "$d/dist/"
  readelf -a -W "$d"/dist/* > /dev/null
  modinfo "$d"/dist/*.ko > /dev/null
}
s=$(now); by_hand > "$work/hand.log" 2>&1; hand=$(since "$s")
printf 'warm build            %8.1f s   /cold %s; by hand on the cached tree %.1f s, askbuild/by hand %s\n' \
  "$warm" "$(ratio "$warm" "$cold")" "$hand" "$(ratio "$warm" "$hand")"
grep '^\[[a-z]*\] ok' "$work/warm.log" | sed 's/^/                        /'

# fragment: one symbol more, rebuilt from B0's tree
frag=$(build "$work/frag.log" --board-dir "$work/B1" --out "$work/frag" --cache "$work/C1")
printf 'one-symbol fragment   %8.1f s   /cold %s (target < 0.25); %s, %s\n' "$frag" "$(ratio "$frag" "$cold")" \
  "$(kernel_line "$work/frag.log")" "$(grep -o 'full build done in [0-9.]* s, [0-9]* objects' "$work/frag.log")"
grep -q '^kernel: rebuilding incrementally from cache entry' "$work/frag.log" || { echo "FAILED: not incremental" >&2; exit 1; }

# ask: one line of the ASK tarball's sources changed; packages copied, sums and pin redone
mkdir -p "$work/P2" "$work/ask-src"
tar -xzf "$pk/ask-demo.tar.gz" -C "$work/ask-src"
hello=$(grep -rl 'printf' "$work/ask-src" --include='*.c' | grep '/app/' | head -1)
sed -i '0,/printf("/s//printf("(changed) /' "$hello"
(cd "$work/ask-src" && tar --sort=name --mtime=@1714521600 --owner=0 --group=0 --numeric-owner -cf - ask-demo | gzip -n -9) \
  > "$work/P2/ask-demo.tar.gz"
for f in "$pk"/*; do [[ "$(basename "$f")" == ask-demo.tar.gz || "$(basename "$f")" == SHA256SUMS ]] || ln "$f" "$work/P2/" 2>/dev/null || cp "$f" "$work/P2/"; done
(cd "$work/P2" && sha256sum $(ls | grep -v SHA256SUMS) > SHA256SUMS)
grep " $(basename "$ktar")\$" "$pk/SHA256SUMS" >> "$work/P2/SHA256SUMS"  # the kernel, still read from $ktar
cp -r "$work/B0" "$work/B2"
new=$(sha256sum "$work/P2/ask-demo.tar.gz" | cut -d' ' -f1)
sed -i "s/^sha256  [0-9a-f]*  ask-demo.tar.gz/sha256  $new  ask-demo.tar.gz/" "$work/B2/demo.hash"
askt=$(build "$work/ask.log" --board-dir "$work/B2" --packages "$work/P2" --kernel-tar "$ktar" --out "$work/ask" --cache "$work/C1")
changed=$(cmp -s "$work/ask/dist/hello" "$work/s1/dist/hello" && echo "hello unchanged" || echo "hello changed")
printf 'ASK source change     %8.1f s   /cold %s (target < 0.05); %s, %s\n' "$askt" "$(ratio "$askt" "$cold")" \
  "$(kernel_line "$work/ask.log")" "$changed"

# corrupt: one file of B1's published tree changed after publishing
entry=$(dirname "$(readlink -f "$work/frag/work/kernel/linux")")
printf '\0' >> "$entry/tree/init/main.o"
corrupt=$(build "$work/corrupt.log" --board-dir "$work/B1" --out "$work/frag" --cache "$work/C1")
printf 'changed entry         %8.1f s   %s; %s\n' "$corrupt" \
  "$(grep -o 'changed after it was published, rebuilding it: [^;]*' "$work/corrupt.log" | head -1)" "$(kernel_line "$work/corrupt.log")"

# import: the kernel and sysroot entries carried to an empty cache, as between two agents
kentry=$(basename "$(dirname "$(readlink -f "$work/s1/work/kernel/linux")")")
"$ask" cache --cache "$work/C1" export "$kentry" "$work/kernel-entry.tar" > /dev/null
"$ask" cache --cache "$work/C1" export "$(basename "$sysroot")" "$work/sysroot-entry.tar" > /dev/null
s=$(now)
"$ask" cache --cache "$work/C2" import "$work/kernel-entry.tar" > /dev/null
"$ask" cache --cache "$work/C2" import "$work/sysroot-entry.tar" > /dev/null
imp=$(since "$s")
fresh=$(build "$work/imp.log" --board-dir "$work/B0" --out "$work/imp" --cache "$work/C2")
printf 'cache import          %8.1f s   (%s MiB exported)\n' "$imp" "$(( $(stat -c %s "$work/kernel-entry.tar") / 1048576 ))"
printf 'build after import    %8.1f s   /cold %s (target < 0.05); %s; import+build /cold %s\n' "$fresh" \
  "$(ratio "$fresh" "$cold")" "$(kernel_line "$work/imp.log")" "$(ratio "$(echo "$imp + $fresh" | bc -l)" "$cold")"
diff -r -q "$work/imp/dist" "$work/s1/dist" > /dev/null || { echo "FAILED: dist after import differs" >&2; exit 1; }

# identity: B1 cold on an empty cache, compared with the rebuild from B0's tree
fcold=$(build "$work/frag-cold.log" --board-dir "$work/B1" --out "$work/frag-cold" --cache "$work/C3")
printf 'B1 cold               %8.1f s   (%s)\n' "$fcold" "$(kernel_line "$work/frag-cold.log")"
warm_tree=$(readlink -f "$work/frag/work/kernel/linux"); cold_tree=$(readlink -f "$work/frag-cold/work/kernel/linux")
(cd "$cold_tree" && printf '%s\n' .config Module.symvers vmlinux arch/arm64/boot/Image System.map \
  include/generated/autoconf.h include/generated/utsversion.h; find . -name '*.ko' | sort) > "$work/compared.txt"
(cd "$work/frag-cold" && find dist reports -type f | sort) > "$work/compared-out.txt"
if (cd "$cold_tree" && xargs sha256sum < "$work/compared.txt") | (cd "$warm_tree" && sha256sum -c --quiet -) \
  && (cd "$work/frag-cold" && xargs sha256sum < "$work/compared-out.txt") | (cd "$work/frag" && sha256sum -c --quiet -); then
  echo "identity              $(wc -l < "$work/compared.txt") tree outputs and $(wc -l < "$work/compared-out.txt") dist/reports files byte-identical: rebuild from B0's tree vs B1 cold"
else
  echo "identity              DIFFERENT"; exit 1
fi
