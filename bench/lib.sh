# Shared by the bench scripts: best wall time, in seconds, of $runs runs of a command.
best() {
  local best=""
  for _ in $(seq 1 "$runs"); do
    local s e t
    s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [[ -z "$best" ]] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  echo "$best"
}
