# Shared by the bench scripts: best wall time, in seconds, of $runs runs of a command.
best() {
  local best=""
  for _ in $(seq 1 "$runs"); do
    local t
    t=$(seconds "$@")
    if [[ -z "$best" ]] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  echo "$best"
}

# Wall time, in seconds, of one run of a command (its output discarded).
seconds() {
  local s e
  s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N)
  echo "$e - $s" | bc -l
}

# The smaller of two numbers (an empty first one loses).
min() {
  if [[ -z "$1" ]] || (( $(echo "$2 < $1" | bc -l) )); then echo "$2"; else echo "$1"; fi
}
