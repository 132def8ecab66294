#!/usr/bin/env bash
# Runs every criterion bench (or reads the last run with --report) and prints the
# README's tables: each median with its ratio to the floor measured in the same run.
#
# Usage: benches/figures.sh [--report]
# Needs: cargo, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
if [[ "${1:-}" != "--report" ]]; then
  for bench in lookup messages normalize scale; do
    cargo bench --locked --bench "$bench" >&2
  done
fi
python3 - "$TARGET/criterion" <<'PY'
import json, pathlib, sys

root = pathlib.Path(sys.argv[1])

def median(name):
    path = root / name / "new" / "estimates.json"
    return json.loads(path.read_text())["median"]["point_estimate"] if path.exists() else None

def fmt(ns):
    if ns is None:
        return "n/a"
    if ns >= 1e6:
        return f"{ns / 1e6:.1f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.1f} ns"

def ratio(a, b):
    return "n/a" if a is None or b is None else f"{a / b:.2f}×"

print("| bench | median | ratio | floor |")
print("|---|---|---|---|")
floor = median("lookup/floor_hashmap")
for name in ["lookup/floor_hashmap", "lookup/lookup", "lookup/resolve", "translate/one", "translate/all", "translate/crosswalk"]:
    print(f"| `{name}` | {fmt(median(name))} | {ratio(median(name), floor)} | HashMap |")
for name in ["render/en_plain", "render/en_variables", "render/en_hint", "render/en_code",
             "render/zh-CN_plain", "render/zh-CN_variables", "render/zh-CN_hint", "render/zh-CN_code",
             "gateway/normalize_render_problem"]:
    print(f"| `{name}` | {fmt(median(name))} | | |")
for name in ["startup/registry", "startup/normalizer_first_use", "startup/messages_first_use",
             "startup/messages_first_use_zh", "startup/messages_first_use_variables",
             "startup/code_message_first_use"]:
    print(f"| `{name}` | {fmt(median(name))} | | |")
print()
print("| body | floor: parse into `Value` | `normalize` | ratio |")
print("|---|---|---|---|")
for d in sorted(p for p in (root / "normalize").iterdir() if p.is_dir() and not p.name.endswith("_floor") and p.name != "report"):
    name = d.name
    f = median(f"normalize/{name}_floor")
    n = median(f"normalize/{name}")
    print(f"| `{name}` | {fmt(f)} | {fmt(n)} | {ratio(n, f)} |")
print(f"| gateway (normalize + render + problem+json) | {fmt(median('gateway/floor'))} | {fmt(median('gateway/normalize_render_problem'))} | {ratio(median('gateway/normalize_render_problem'), median('gateway/floor'))} |")
print()
print("| scale | median | ratio to the built-ins alone |")
print("|---|---|---|")
for name in ["scale/startup_parse", "scale/startup"]:
    print(f"| `{name}` | {fmt(median(name))} | |")
lb, tb = median("scale/lookup_builtin"), median("scale/translate_builtin")
for name, base in [("scale/lookup_builtin", lb), ("scale/lookup_100", lb), ("scale/lookup_100_last", lb), ("scale/lookup_100_alias", lb),
                   ("scale/translate_builtin", tb), ("scale/translate_100", tb), ("scale/translate_100_generated", tb)]:
    print(f"| `{name}` | {fmt(median(name))} | {ratio(median(name), base)} |")
PY
