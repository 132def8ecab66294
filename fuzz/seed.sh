#!/usr/bin/env bash
# Writes the seed corpus of the normalize fuzz target from the fixtures' bodies: each
# body behind the five context bytes the target reads (status, no vendor named, JSON
# content type, the default limit), and once more with a small limit.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus/normalize
rm -rf "$out"
mkdir -p "$out"
for fixture in tests/fixtures/bodies/*/*.json; do
  name="$(basename "$(dirname "$fixture")")-$(basename "$fixture" .json)"
  status="$(jq -r '.context.status // 400' "$fixture")"
  # The body as sent: a string fixture is the raw text, anything else JSON.
  body="$(jq -j 'if (.body | type) == "string" then .body else (.body | tojson) end' "$fixture")"
  for limit in 0 31; do
    {
      printf "\\x$(printf %02x $((status / 256)))\\x$(printf %02x $((status % 256)))\\xff\\x01\\x$(printf %02x "$limit")"
      printf '%s' "$body"
    } >"$out/$name-$limit"
  done
done
echo "$(ls "$out" | wc -l) seeds in $out"
