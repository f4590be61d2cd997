#!/usr/bin/env bash
# Hashing throughput of `askbuild verify` against `sha256sum -c` and `openssl dgst -sha256`,
# measured in the same run over the same generated files (JVM start-up included).
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

t_ask=$(best java -jar "$jar" verify --packages "$work")
t_sum=$(best bash -c "cd '$work' && sha256sum -c --quiet SHA256SUMS")
t_ssl=$(best bash -c "cd '$work' && openssl dgst -sha256 pkg-*.tar.gz")

gbps() { echo "scale=3; $total / $1 / 1000000000" | bc -l; }
printf 'data: %d files, %d MiB total, best of %d runs, %d cores\n' "$files" $((files * mib)) "$runs" "$(nproc)"
printf '%-26s %8.3f s  %6.3f GB/s\n' "askbuild verify" "$t_ask" "$(gbps "$t_ask")"
printf '%-26s %8.3f s  %6.3f GB/s\n' "sha256sum -c" "$t_sum" "$(gbps "$t_sum")"
printf '%-26s %8.3f s  %6.3f GB/s\n' "openssl dgst -sha256" "$t_ssl" "$(gbps "$t_ssl")"
printf 'ratio vs sha256sum -c:        %.2fx (target >= 2)\n' "$(echo "$t_sum / $t_ask" | bc -l)"
printf 'ratio vs openssl dgst -sha256: %.2fx (target >= 0.9)\n' "$(echo "$t_ssl / $t_ask" | bc -l)"
