# Helpers shared by benches/process.sh and benches/jq-compare.sh (sourced, not run).

# Median of the numbers on standard input.
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Wall time of one run in microseconds, from bash's own clock (no fork to time it).
run_us() {
  local start end
  start=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || true
  end=$EPOCHREALTIME
  echo $(((${end/./} - ${start/./})))
}
