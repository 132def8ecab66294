#!/usr/bin/env bash
# The Node package as a user gets it: the dev dependencies from package-lock.json
# (npm ci), the addon built in release by @napi-rs/cli, then node --test, the drift
# checks of the generated files and the tsc --noEmit --strict check of
# __test__/typed-example.ts. `.ci/run` calls it; it exits non-zero when any step fails.
#
#   crates/errmap-node/ci.sh            # from anywhere in the repository
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

npm ci --no-audit --no-fund
# Writes errmap-auth.linux-x64-gnu.node, index.js and index.d.ts.
npx napi build --platform --release
# The loader and the declarations are checked in: a build must not change them.
if git -C "$root" rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  git -C "$root" diff --exit-code -- crates/errmap-node/index.js crates/errmap-node/index.d.ts \
    || { echo "index.js or index.d.ts is out of date: run 'npm run build' in crates/errmap-node and commit them" >&2; exit 1; }
fi
node scripts/codegen.mjs --check
# The CLI answers the same questions: compare with it when cargo has built it.
if [ -z "${ERRMAP_BIN:-}" ] && [ -x "$root/target/debug/errmap" ]; then
  export ERRMAP_BIN="$root/target/debug/errmap"
fi
node --test __test__/
npx tsc --noEmit --strict -p tsconfig.json
# The bench must keep running (a short run; its figures come from a full one).
node bench.mjs --quick > /dev/null
