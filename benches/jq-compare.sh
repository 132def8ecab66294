#!/usr/bin/env bash
# errmap against its nearest general-purpose peer, jq, in one run:
#   1. the single translation wilddog:22011 -> authing: jq reading the crosswalk
#      table (`errmap table wilddog authing --format json`) against
#      `errmap translate wilddog:22011 authing`, each a whole process, RUNS runs taken
#      in turn, medians and the median of the pairwise ratios;
#   2. a JSONL stream of LINES mixed bodies (the fixtures of tests/fixtures/bodies/,
#      bare and as log records, written by benches/jsonl-input.sh as for benches/process.sh): a jq program that
#      takes each line's code out of the usual fields and looks it up in a code -> kind
#      map of every catalogue, against `errmap normalize --jsonl` (which also detects
#      the vendor, classifies unknown codes by their message and renders messages), in
#      lines per second of CPU time.
#
# Usage: benches/jq-compare.sh [RUNS] [LINES]   (defaults 200 and 200000)
# jq comes from Debian's package: when it is missing the script installs it with
# apt-get (and says so). The crosswalk comes from `errmap table`.
set -euo pipefail
cd "$(dirname "$0")/.."
# median, run_us
source benches/lib.sh

RUNS=${1:-200}
LINES=${2:-200000}
TARGET=${CARGO_TARGET_DIR:-target}
WORK="$TARGET/jq-compare"
mkdir -p "$WORK"

if ! command -v jq >/dev/null; then
  echo "jq is missing: installing Debian's jq package (apt-get install jq)"
  apt-get update -qq && apt-get install -y -qq jq >/dev/null
fi
echo "machine: $(nproc) vCPU, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(date -u +%Y-%m-%d); $(jq --version)"

cargo build --release --locked --quiet
ERRMAP="$TARGET/release/errmap"

# The crosswalk table: {"from","to","rows":[{"source":{"code","kind"},"target":{"code","kind"}|null,"relation"}],"summary"}.
"$ERRMAP" table wilddog authing --format json >"$WORK/crosswalk.json"
JQ_TRANSLATE='.rows[] | select(.source.code == "22011") | [.relation, .target.code, .target.kind] | @tsv'
echo "jq's answer: $(jq -r "$JQ_TRANSLATE" "$WORK/crosswalk.json")"


echo
echo "== one translation, $RUNS runs each, in turn"
: >"$WORK/jq" && : >"$WORK/errmap" && : >"$WORK/ratio"
for _ in 1 2 3; do run_us jq -r "$JQ_TRANSLATE" "$WORK/crosswalk.json" >/dev/null && run_us "$ERRMAP" translate wilddog:22011 authing >/dev/null; done
for _ in $(seq "$RUNS"); do
  a=$(run_us jq -r "$JQ_TRANSLATE" "$WORK/crosswalk.json")
  b=$(run_us "$ERRMAP" translate wilddog:22011 authing)
  echo "$a" >>"$WORK/jq"
  echo "$b" >>"$WORK/errmap"
  awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f\n", a / b }' >>"$WORK/ratio"
done
printf 'jq %.2f ms, errmap translate %.2f ms: errmap %.1fx faster (median of the pairwise ratios)\n' \
  "$(median <"$WORK/jq" | awk '{ print $1 / 1000 }')" "$(median <"$WORK/errmap" | awk '{ print $1 / 1000 }')" \
  "$(median <"$WORK/ratio")"

# The JSONL input, the same as benches/process.sh times.
benches/jsonl-input.sh "$LINES" "$WORK/bodies.jsonl"

# code -> kind of every catalogue, from `errmap codes` (where catalogues share a code,
# the last one listed wins: jq gets no vendor detection).
vendors=$({ "$ERRMAP" codes - 2>&1 || true; } | sed -n 's/.*known vendors: //p' | tr -d ',')
for vendor in $vendors; do "$ERRMAP" codes "$vendor" --format json; done |
  jq -s 'map(.codes[] | {(.code): .kind}) | add' >"$WORK/kinds.json"
JQ_NORMALIZE='
  (if type == "object" and has("body") then (.body | if type == "string" then (try fromjson catch null) else . end) else . end) as $body
  | ($body | if type == "object" then (.apiCode // .code // .error_code // .error // (.errors[0].message.code?) // null) else null end) as $code
  | {code: $code, kind: (if $code == null then null else ($kinds[0][$code | tostring] // null) end)}'

cpu_seconds() { # the user + system seconds of a command
  /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{ print $1 + $2 }'
}
echo
echo "== JSONL, $LINES lines ($(wc -l <"$WORK/bodies.jsonl.distinct") distinct bodies cycled), CPU seconds, median of 3"
: >"$WORK/jq-s" && : >"$WORK/errmap-s"
for _ in 1 2 3; do
  cpu_seconds jq -c --slurpfile kinds "$WORK/kinds.json" "$JQ_NORMALIZE" "$WORK/bodies.jsonl" >>"$WORK/jq-s"
  cpu_seconds "$ERRMAP" normalize --jsonl "$WORK/bodies.jsonl" >>"$WORK/errmap-s"
done
jq_s=$(median <"$WORK/jq-s")
errmap_s=$(median <"$WORK/errmap-s")
awk -v n="$LINES" -v j="$jq_s" -v e="$errmap_s" 'BEGIN {
  printf "jq %.0f lines/s (%.2f s), errmap normalize --jsonl %.0f lines/s (%.2f s): errmap %.1fx faster\n", n / j, j, n / e, e, j / e }'
