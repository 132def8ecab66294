#!/usr/bin/env bash
# The mixed JSONL input of benches/process.sh and benches/jq-compare.sh, written in one
# place so both time the same stream: every fixture of tests/fixtures/bodies/ as a line,
# bare when it is a JSON body without context, and as a log record {"body", "status",
# "vendor", "content_type"}; then cycled to COUNT lines.
#
# Usage: benches/jsonl-input.sh COUNT OUT      (run from the repository root; needs python3)
set -euo pipefail
COUNT=$1
OUT=$2
DISTINCT="$OUT.distinct"
python3 - "$DISTINCT" <<'PY'
import json, pathlib, sys
lines = []
for path in sorted(pathlib.Path("tests/fixtures/bodies").rglob("*.json")):
    fixture = json.loads(path.read_text())
    body, context = fixture["body"], fixture.get("context", {})
    if not isinstance(body, str) and not context.get("vendor"):
        lines.append(json.dumps(body, ensure_ascii=False, separators=(",", ":")))
    record = {"body": body}
    for key in ("status", "vendor", "content_type"):
        if context.get(key) is not None:
            record[key] = context[key]
    lines.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
pathlib.Path(sys.argv[1]).write_text("\n".join(lines) + "\n")
PY
awk -v n="$COUNT" '{ a[NR] = $0 } END { for (i = 0; i < n; i++) print a[i % NR + 1] }' "$DISTINCT" >"$OUT"
