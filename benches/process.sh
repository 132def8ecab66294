#!/usr/bin/env bash
# Whole-process figures for the README's Performance section, against floors measured
# in the same run:
#   1. `errmap translate wilddog:22011 authing`, `errmap --version` and `errmap --help`
#      against a hello-world Rust binary built with the same profile: wall-time
#      medians over RUNS runs taken in turn (errmap, hello, errmap, hello, ...), the
#      median of the pairwise ratios, and each one's peak RSS (/usr/bin/time -v);
#   2. `errmap normalize --jsonl` over LINES mixed bodies (benches/jsonl-input.sh: every fixture of
#      tests/fixtures/bodies/, bare and as log records, cycled): lines per second of
#      CPU time on one core (taskset when there is one; wall-clock rate beside it) and
#      peak RSS, at LINES and at LINES/10 to show that memory stays flat.
#
# Usage: benches/process.sh [RUNS] [LINES]      (defaults 300 and 1000000)
# Needs: cargo, python3 (to write the JSONL input), GNU time (/usr/bin/time) for peak
# memory; taskset (util-linux) to pin the stream to one core if present.
set -euo pipefail
cd "$(dirname "$0")/.."
# median, run_us
source benches/lib.sh

RUNS=${1:-300}
LINES=${2:-1000000}
TARGET=${CARGO_TARGET_DIR:-target}
WORK="$TARGET/process-bench"
mkdir -p "$WORK"

echo "machine: $(nproc) vCPU, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(date -u +%Y-%m-%d)"

cargo build --release --locked --quiet
ERRMAP="$TARGET/release/errmap"

# A hello-world binary with the same release profile, as the floor of a Rust process.
HELLO_DIR="$WORK/hello"
mkdir -p "$HELLO_DIR/src"
cat >"$HELLO_DIR/Cargo.toml" <<'EOF'
[package]
name = "hello"
version = "0.1.0"
edition = "2024"

[workspace]

[profile.release]
codegen-units = 1
lto = "thin"
EOF
echo 'fn main() { println!("Hello, world!"); }' >"$HELLO_DIR/src/main.rs"
cargo build --release --quiet --manifest-path "$HELLO_DIR/Cargo.toml" --target-dir "$WORK/hello-target"
HELLO="$WORK/hello-target/release/hello"


peak_kb() {
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'
  else
    echo "n/a"
  fi
}

# compare NAME ARGS...: errmap ARGS against hello-world, RUNS times each, in turn.
compare() {
  local name=$1
  shift
  local a b
  : >"$WORK/a" && : >"$WORK/b" && : >"$WORK/ratio"
  for _ in 1 2 3; do run_us "$ERRMAP" "$@" >/dev/null && run_us "$HELLO" >/dev/null; done # warm-up
  for _ in $(seq "$RUNS"); do
    a=$(run_us "$ERRMAP" "$@")
    b=$(run_us "$HELLO")
    echo "$a" >>"$WORK/a"
    echo "$b" >>"$WORK/b"
    awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f\n", a / b }' >>"$WORK/ratio"
  done
  printf '%-45s median %6.2f ms  hello-world %5.2f ms  ratio %4.2fx  peak RSS %s kB (hello-world %s kB)\n' \
    "$name" "$(median <"$WORK/a" | awk '{ print $1 / 1000 }')" "$(median <"$WORK/b" | awk '{ print $1 / 1000 }')" \
    "$(median <"$WORK/ratio")" "$(peak_kb "$ERRMAP" "$@")" "$(peak_kb "$HELLO")"
}

echo
echo "== whole process, $RUNS runs each, in turn with hello-world"
compare "errmap translate wilddog:22011 authing" translate wilddog:22011 authing
compare "errmap --version" --version
compare "errmap --help" --help

# The JSONL input (see benches/jsonl-input.sh), at LINES and at a tenth of it.
benches/jsonl-input.sh "$LINES" "$WORK/bodies.jsonl"
benches/jsonl-input.sh $((LINES / 10)) "$WORK/bodies-tenth.jsonl"

PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c 0); fi

stream() { # stream FILE -> "cpu_seconds wall_seconds peak_kB", from GNU time
  /usr/bin/time -f '%U %S %e %M' "${PIN[@]}" "$ERRMAP" normalize --jsonl "$1" 2>&1 >/dev/null |
    tail -1 | awk '{ printf "%.2f %.2f %s\n", $1 + $2, $3, $4 }'
}

echo
echo "== errmap normalize --jsonl, $(wc -l <"$WORK/bodies.jsonl.distinct") distinct bodies cycled${PIN:+, pinned to one core}"
"$ERRMAP" normalize --jsonl "$WORK/bodies-tenth.jsonl" >/dev/null 2>&1 # warm the page cache
: >"$WORK/rates" && : >"$WORK/wall-rates"
for _ in 1 2 3; do
  read -r cpu wall kb < <(stream "$WORK/bodies.jsonl")
  awk -v n="$LINES" -v s="$cpu" 'BEGIN { printf "%.0f\n", n / s }' >>"$WORK/rates"
  awk -v n="$LINES" -v s="$wall" 'BEGIN { printf "%.0f\n", n / s }' >>"$WORK/wall-rates"
done
read -r _ _ kb_tenth < <(stream "$WORK/bodies-tenth.jsonl")
printf '%-45s median %8.0f lines per CPU second (%.0f per wall second) over 3 runs  peak RSS %s kB (%s kB at %d lines)\n' \
  "$LINES lines" "$(median <"$WORK/rates")" "$(median <"$WORK/wall-rates")" "$kb" "$kb_tenth" "$((LINES / 10))"
"$ERRMAP" normalize --jsonl "$WORK/bodies-tenth.jsonl" 2>&1 >/dev/null | sed 's/^/summary: /'
