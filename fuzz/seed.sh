#!/usr/bin/env bash
# Writes the seed corpus of the normalize fuzz target from the fixtures' bodies: each
# body behind the five context bytes the target reads (status, vendor, JSON content
# type, limit). Every body unhinted (vendor byte 255) with the default limit and with a
# small one, and hinted with its own catalogue where its folder or context names one;
# then one OAuth-shaped body hinted with each id and alias, so that every catalogue is
# seeded hinted as well as unhinted. The vendor byte is the position in the target's
# VENDORS (every built-in id, then its aliases, in registry order), which is the order
# `errmap vendors --format json` lists them in.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus/normalize
rm -rf "$out"
mkdir -p "$out"
names="$(cargo run -q --bin errmap -- vendors --format json | jq -c '[.[] | [.id] + .aliases] | flatten')"
count="$(jq 'length' <<<"$names")"
# The five context bytes: status (two bytes), vendor, content type, limit.
context() {
  printf "\\x$(printf %02x $(($1 / 256)))\\x$(printf %02x $(($1 % 256)))\\x$(printf %02x "$2")\\x01\\x$(printf %02x "$3")"
}
for fixture in tests/fixtures/bodies/*/*.json; do
  folder="$(basename "$(dirname "$fixture")")"
  name="$folder-$(basename "$fixture" .json)"
  status="$(jq -r '.context.status // 400' "$fixture")"
  vendor="$(jq -r --arg folder "$folder" '.context.vendor // $folder' "$fixture")"
  hint="$(jq --arg vendor "$vendor" 'index($vendor) // 255' <<<"$names")"
  # The body as sent: a string fixture is the raw text, anything else JSON.
  body="$(jq -j 'if (.body | type) == "string" then .body else (.body | tojson) end' "$fixture")"
  for limit in 0 31; do
    { context "$status" 255 "$limit"; printf '%s' "$body"; } >"$out/$name-$limit"
  done
  if [ "$hint" != 255 ]; then
    { context "$status" "$hint" 0; printf '%s' "$body"; } >"$out/$name-hinted"
  fi
done
for ((hint = 0; hint < count; hint++)); do
  { context 400 "$hint" 0; printf '%s' '{"error":"invalid_grant","error_description":"x","code":"1"}'; } >"$out/hint-$hint"
done
echo "$(ls "$out" | wc -l) seeds in $out ($count catalogue names hinted)"
