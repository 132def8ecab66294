"""The Python package's speed against its floors, all measured in one run.

    python crates/errmap-python/bench.py [--cli target/release/errmap] [--quick]

1. ``errmap.normalize(body)`` against ``json.loads(body)`` of the same bytes, for typical
   vendor bodies (goal: at most 2x).
2. ``errmap.translate(code, target)`` against a dict lookup in a precomputed crosswalk
   (goal: at most 20x), once warm (the registry caches each answer) and cold (the first
   call for each code, on a fresh registry).
3. The same translation by running the ``errmap`` command in a subprocess (goal: the
   Python call at least 10x faster).

Each figure is the median of several repeats of many calls; the machine's speed moves
between runs, so compare the ratios, which are taken within the run.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time
import timeit

import errmap

ROOT = pathlib.Path(__file__).resolve().parents[2]

# One typical error body per vendor, as the vendor sends it (from tests/fixtures/bodies).
BODIES: dict[str, bytes] = {
    "oneaccess": b'{"error_code":"LOGIN.0002","error_msg":"Invalid account name or password. Remaining attempts: 1"}',
    "authing": '{"statusCode":400,"message":"用户未找到","apiCode":"2004","uniqueId":"65e59f51-dbbc-4d1f-a809-6d3f15d9b53e","data":null}'.encode(),
    "auth0": b'{"name":"ValidationError","code":"invalid_user_password","description":"Wrong email or password.","statusCode":400}',
    "firebase": b'{"error":{"code":400,"message":"EMAIL_NOT_FOUND","errors":[{"message":"EMAIL_NOT_FOUND","domain":"global","reason":"invalid"}]}}',
    "keycloak": b'{"error":"invalid_grant","error_description":"Invalid user credentials"}',
    "okta": b'{"errorCode":"E0000004","errorSummary":"Authentication failed","errorLink":"E0000004","errorId":"oaeS4O7Qf2rRaK0JrB0Qnx7zQ","errorCauses":[]}',
    "wilddog": '{"code":22011,"message":"该用户不存在"}'.encode(),
}


def per_call(floor: str, ours: str, number: int, repeat: int, **names: object) -> tuple[float, float]:
    """Median seconds per run of each statement, over `repeat` runs of `number` runs.
    The two are timed in turn, so a slow spell of the machine falls on both alike, and
    each is timed as written, with no function around it, so that neither pays for a
    call the other does not make."""
    scope = {"json": json, "errmap": errmap, **names}
    timers = timeit.Timer(floor, globals=scope), timeit.Timer(ours, globals=scope)
    runs: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for timer, times in zip(timers, runs):
            times.append(timer.timeit(number) / number)
    return statistics.median(runs[0]), statistics.median(runs[1])


def fmt(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e9:.0f} ns"


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=os.environ.get("ERRMAP_BIN", str(ROOT / "target/release/errmap")))
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run, not figures)")
    args = parser.parse_args()
    number, repeat, runs = (2_000, 3, 5) if args.quick else (10_000, 15, 50)

    print(f"errmap {errmap.__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} CPUs; median of {repeat} x {number} calls")  # fmt: skip
    failures = 0

    print("\n| body | json.loads | errmap.normalize | ratio |\n|---|---|---|---|")
    ratios = []
    for vendor, body in BODIES.items():
        assert errmap.normalize(body).vendor == vendor, vendor
        floor, ours = per_call("json.loads(body)", "errmap.normalize(body)", number, repeat, body=body)
        ratios.append(ours / floor)
        print(f"| `{vendor}` ({len(body)} B) | {fmt(floor)} | {fmt(ours)} | {ours / floor:.2f}x |")
    worst = max(ratios)
    failures += worst > 2
    print(f"\nnormalize / json.loads: {min(ratios):.2f}x to {worst:.2f}x (goal <= 2x: {verdict(worst <= 2)})")

    code, target = "wilddog:22011", "authing"
    crosswalk = {
        (f"wilddog:{row.source.code}", "authing"): errmap.translate(f"wilddog:{row.source.code}", "authing")
        for row in errmap.table("wilddog", "authing")
    }
    names = {"crosswalk": crosswalk, "code": code, "target": target}
    floor, warm = per_call("crosswalk[code, target]", "errmap.translate(code, target)", number * 10, repeat, **names)
    codes = [f"wilddog:{row.source.code}" for row in errmap.table("wilddog", "authing")]

    def cold_round() -> float:
        registry = errmap.Registry()
        registry.translate(code, target)  # the registry's own first use, not a translation's
        start = time.perf_counter()
        for each in codes:
            registry.translate(each, target)
        return (time.perf_counter() - start) / len(codes)

    cold = statistics.median(cold_round() for _ in range(max(repeat, 20)))
    print("\n| translate wilddog:22011 → authing | per call | ratio to the dict |\n|---|---|---|")
    print(f"| dict lookup `crosswalk[code, target]` | {fmt(floor)} | 1.00x |")
    print(f"| `errmap.translate(code, target)`, warm | {fmt(warm)} | {warm / floor:.2f}x |")
    print(f"| `errmap.translate`, cold (first call per code, {len(codes)} codes) | {fmt(cold)} | {cold / floor:.2f}x |")
    failures += warm / floor > 20
    print(f"\ntranslate / dict: warm {warm / floor:.1f}x, cold {cold / floor:.1f}x "
          f"(goal <= 20x: warm {verdict(warm / floor <= 20)}, cold {verdict(cold / floor <= 20)})")  # fmt: skip

    cli = pathlib.Path(args.cli)
    if cli.is_file() and os.access(cli, os.X_OK):
        command = [str(cli), "translate", code, target, "--format", "json"]
        subprocess.run(command, capture_output=True, check=True)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        process = statistics.median(times)
        print(f"\n`{cli.name} translate {code} {target}` in a subprocess: {fmt(process)} (median of {runs}); "
              f"errmap.translate is {process / warm:,.0f}x faster warm, {process / cold:,.0f}x cold "
              f"(goal >= 10x: {verdict(process / cold >= 10)})")  # fmt: skip
        failures += process / cold < 10
    else:
        print(f"\nno CLI at {cli} (cargo build --release, or pass --cli): subprocess comparison skipped")
    return 1 if failures and not args.quick else 0


if __name__ == "__main__":
    sys.exit(main())
