#!/usr/bin/env bash
# Long builds, in one run on one machine: the demo board cold, then warm, then a one-symbol fragment
# change, two builds at once on an empty shared cache, and a fresh cache filled by `cache import`.
# Prints each wall time and its ratio to the cold one:
#   cold       `askbuild build --board demo`, empty stage cache and empty compiler cache
#   warm       the same again (every stage cached)
#   fragment   `askbuild kernel` with the demo fragment plus one symbol (CONFIG_PRINTK_TIME=y, read by
#              kernel/printk/printk.c only), same cache: a new kernel entry whose other compiles hit
#              ccache (in its preprocessed mode: autoconf.h, which every file includes, changed); against
#              the cold kernel stage. A symbol many headers test (CONFIG_KALLSYMS) changes most
#              preprocessed files and so misses most.
#   identity   (BENCH_IDENTITY=1) the same fragment cold into an empty cache, and the two trees'
#              .config, Module.symvers, vmlinux, Image and .ko compared byte for byte
#   shared     two builds started at once on an empty stage cache (the compiler cache warm): both
#              succeed, one kernel build, the other waits and hits
#   import     `cache export` of the kernel entry, `cache import` into an empty cache, then a build
# The demo board is built in (`askbuild board export`/`--board-dir` come with another change), so the
# one-symbol change goes through `askbuild kernel --fragment`, the stage the board run calls.
# Usage: bench/longbuild.sh   (two to four kernel builds cold; about 10 minutes each on 2 quiet cores)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${BENCH_WORK:-$here/target/bench-longbuild}"
ask="$here/bin/askbuild"
tar=/usr/src/linux-source-6.12.tar.xz
fragment="$here/src/main/resources/dev/askbuild/board/demo/kernel.config"
rm -rf "$work"; mkdir -p "$work"
"$ask" boards > /dev/null  # the jar and its class archive, before any timing

now() { date +%s.%N; }
ratio() { echo "scale=3; $1 / $2" | bc -l; }
stage_seconds() {  # the "[kernel] ok (cache miss) in 123.4 s" line of a build's output
  sed -n "s/^\[$1\] ok.* in \([0-9.]*\) s.*/\1/p" "$2" | tail -1
}
build() {  # build OUT CACHE LOG: one board run, its wall seconds on stdout
  local s e; s=$(now)
  "$ask" build --board demo --out "$1" --cache "$2" > "$3" 2>&1
  e=$(now); echo "$e - $s" | bc -l
}
kernel() {  # kernel FRAGMENT WORK CACHE LOG
  local s e; s=$(now)
  "$ask" kernel --fragment "$1" --kernel-tar "$tar" --base-config tinyconfig --work "$2" --cache "$3" > "$4" 2>&1
  e=$(now); echo "$e - $s" | bc -l
}

cold=$(build "$work/out" "$work/cacheA" "$work/cold.log")
cold_kernel=$(stage_seconds kernel "$work/cold.log")
printf 'cold build            %8.1f s (kernel stage %s s)\n' "$cold" "$cold_kernel"

warm=$(build "$work/out" "$work/cacheA" "$work/warm.log")
printf 'warm build            %8.1f s   warm/cold %s\n' "$warm" "$(ratio "$warm" "$cold")"

cp "$fragment" "$work/one-more.config"; echo "CONFIG_PRINTK_TIME=y" >> "$work/one-more.config"
frag=$(kernel "$work/one-more.config" "$work/frag" "$work/cacheA" "$work/frag.log")
printf 'one-symbol fragment   %8.1f s   /cold kernel stage %s (target < 0.25)\n' "$frag" "$(ratio "$frag" "$cold_kernel")"

if [[ "${BENCH_IDENTITY:-0}" == 1 ]]; then
  kernel "$work/one-more.config" "$work/frag-cold" "$work/cacheB" "$work/frag-cold.log" > /dev/null
  warm_tree=$(readlink -f "$work/frag/linux"); cold_tree=$(readlink -f "$work/frag-cold/linux")
  (cd "$warm_tree" && find . -name '*.ko' | sort; printf '%s\n' .config Module.symvers vmlinux arch/arm64/boot/Image) \
    > "$work/compared.txt"
  if (cd "$warm_tree" && xargs sha256sum < "$work/compared.txt") | (cd "$cold_tree" && sha256sum -c --quiet -); then
    echo "identity              $(wc -l < "$work/compared.txt") files byte-identical, warm rebuild vs cold build of the same fragment"
  else
    echo "identity              DIFFERENT"; exit 1
  fi
fi

mkdir -p "$work/cacheS"; ln -s "$work/cacheA/ccache" "$work/cacheS/ccache"
s=$(now)
"$ask" build --board demo --out "$work/s1" --cache "$work/cacheS" > "$work/s1.log" 2>&1 & p1=$!
"$ask" build --board demo --out "$work/s2" --cache "$work/cacheS" > "$work/s2.log" 2>&1 & p2=$!
wait $p1; wait $p2; e=$(now)
misses=$(cat "$work/s1.log" "$work/s2.log" | grep -c '^kernel: cache miss' || true)
waits=$(cat "$work/s1.log" "$work/s2.log" | grep -c '^kernel: waiting for pid' || true)
same=$(cmp -s "$work/s1/dist/$(ls "$work/s1/dist" | head -1)" "$work/s2/dist/$(ls "$work/s2/dist" | head -1)" \
  && diff -r -q "$work/s1/dist" "$work/s2/dist" > /dev/null && echo identical || echo DIFFERENT)
printf 'two builds at once    %8.1f s   kernel builds %s, waited %s, dist %s\n' "$(echo "$e - $s" | bc -l)" "$misses" "$waits" "$same"

key=$(ls "$work/cacheA/kernel" | grep -v '^\.' | grep -v '\.lock$' | head -1)
"$ask" cache --cache "$work/cacheA" export "$key" "$work/kernel-entry.tar" > /dev/null
s=$(now); "$ask" cache --cache "$work/cacheC" import "$work/kernel-entry.tar" > /dev/null; e=$(now)
imported=$(build "$work/imp" "$work/cacheC" "$work/imp.log")
printf 'import                %8.1f s (%s MiB)\n' "$(echo "$e - $s" | bc -l)" "$(( $(stat -c %s "$work/kernel-entry.tar") / 1048576 ))"
printf 'build after import    %8.1f s   /cold %s (target < 0.05), kernel %s\n' "$imported" "$(ratio "$imported" "$cold")" \
  "$(grep -o 'kernel\] ok (cache [a-z]*)' "$work/imp.log")"
