#!/usr/bin/env bash
# Hashing throughput of `askbuild verify` against `sha256sum -c` and `openssl dgst -sha256`,
# measured in the same run over the same generated files (JVM start-up included). askbuild hashes
# one file per core, so each tool is timed twice: as one process (serial) and as the fair anchor,
# one process per file with `xargs -P$(nproc)`. Per-core figures divide a side's GB/s by the cores
# it runs on (1 for serial, min(nproc, FILES) for askbuild and xargs -P).
# Usage: bench/verify-throughput.sh [FILES] [MIB_PER_FILE] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
files="${1:-8}"; mib="${2:-160}"; runs="${3:-3}"
work="${BENCH_WORK:-$here/target/bench-verify}"
jar="$here/target/askbuild.jar"
[[ -f "$jar" ]] || (cd "$here" && mvn -B -q -DskipTests package)

mkdir -p "$work"
for i in $(seq 1 "$files"); do
  f="$work/pkg-$i.tar.gz"
  if [[ ! -f "$f" || $(stat -c %s "$f") -ne $((mib * 1048576)) ]]; then
    head -c $((mib * 1048576)) /dev/urandom > "$f"
  fi
done
(cd "$work" && sha256sum pkg-*.tar.gz > SHA256SUMS)
total=$((files * mib * 1048576))
cat "$work"/pkg-*.tar.gz > /dev/null   # page cache warm for every tool alike

source "$here/bench/lib.sh"

cores=$(nproc)
par=$(( cores < files ? cores : files ))
ask()     { java -jar "$jar" verify --packages "$work"; }
sum()     { (cd "$work" && sha256sum -c --quiet SHA256SUMS); }
ssl()     { (cd "$work" && openssl dgst -sha256 pkg-*.tar.gz); }
# The fair anchors: one SHA256SUMS line per `sha256sum -c`, one file per `openssl dgst`, $cores at once.
sum_par() { (cd "$work" && xargs -a SHA256SUMS -L1 -P"$cores" sh -c 'printf "%s  %s\n" "$0" "$1" | sha256sum -c --quiet -'); }
ssl_par() { (cd "$work" && printf '%s\n' pkg-*.tar.gz | xargs -P"$cores" -n1 openssl dgst -sha256); }
# Every side must succeed once before it is timed (the timing discards output and exit status).
for side in ask sum ssl sum_par ssl_par; do
  "$side" > /dev/null 2>&1 || { echo "bench: $side failed" >&2; exit 1; }
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
t_ask=$(best ask)
t_sum=$(best sum)
t_ssl=$(best ssl)
t_sum_p=$(best sum_par)
t_ssl_p=$(best ssl_par)

gbps() { echo "scale=3; $total / $1 / 1000000000" | bc -l; }
row() {  # NAME SECONDS CORES
  printf '%-34s %8.3f s  %6.3f GB/s  %6.3f GB/s per core (%d)\n' "$1" "$2" "$(gbps "$2")" \
    "$(echo "$(gbps "$2") / $3" | bc -l)" "$3"
}
printf 'data: %d files, %d MiB total, best of %d runs, %d cores\n' "$files" $((files * mib)) "$runs" "$cores"
printf 'load average (1, 5, 15 min): %s before, %s after\n' "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
row "askbuild verify" "$t_ask" "$par"
row "sha256sum -c, serial" "$t_sum" 1
row "sha256sum -c, xargs -P$cores" "$t_sum_p" "$par"
row "openssl dgst -sha256, serial" "$t_ssl" 1
row "openssl dgst -sha256, xargs -P$cores" "$t_ssl_p" "$par"
ratio() { printf 'ratio vs %-38s %.2fx%s\n' "$1:" "$(echo "$2 / $t_ask" | bc -l)" "${3:-}"; }
ratio "sha256sum -c, serial" "$t_sum" " (target >= 2)"
ratio "sha256sum -c, xargs -P$cores" "$t_sum_p"
ratio "openssl dgst -sha256, serial" "$t_ssl" " (target >= 0.9)"
ratio "openssl dgst -sha256, xargs -P$cores" "$t_ssl_p"
