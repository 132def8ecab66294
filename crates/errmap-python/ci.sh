#!/usr/bin/env bash
# The Python package as a user gets it: a virtual environment of its own with maturin,
# pytest and mypy from PyPI, the wheel built with maturin and installed, then pytest
# and the mypy --strict check of tests/typed_example.py against the installed wheel.
# `.ci/run` calls it; it exits non-zero when any step fails.
#
#   crates/errmap-python/ci.sh            # from anywhere in the repository
#   PYTHON=python3.9 crates/errmap-python/ci.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${ERRMAP_PY_VENV:-$root/target/python-venv}"
case "$venv" in /*) ;; *) venv="$PWD/$venv" ;; esac
wheels="$root/target/wheels"

if [ ! -x "$venv/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "maturin>=1.9,<2" "pytest>=8" "mypy>=1.10"

rm -f "$wheels"/errmap_auth-*.whl
(cd "$here" && "$venv/bin/maturin" build --release --locked --out "$wheels")
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheels"/errmap_auth-*.whl

# Run outside the source tree, so that `import errmap` finds the installed wheel only.
mkdir -p "$root/target/python-check"
cd "$root/target/python-check"
# The CLI answers the same questions: compare with it when cargo has built it.
if [ -z "${ERRMAP_BIN:-}" ] && [ -x "$root/target/debug/errmap" ]; then
  export ERRMAP_BIN="$root/target/debug/errmap"
fi
"$venv/bin/python" -m pytest -p no:cacheprovider "$here/tests"
"$venv/bin/python" -m mypy --strict "$here/tests/typed_example.py"
"$venv/bin/python" "$here/tests/typed_example.py" > /dev/null
# The bench must keep running (a short run; its figures come from a full one).
"$venv/bin/python" "$here/bench.py" --quick > /dev/null
