#!/usr/bin/env bash
# Packs pkg/ as npm would publish it (`npm pack`) and installs that tarball into tests/packed/apps/,
# as a user's `npm install workspace-rules` would: the apps there (Node ESM and CommonJS, TypeScript,
# Vite 5 and current Vite, an esbuild server bundle, a Next.js App Router app, workerd, Deno, Bun)
# import what the registry would hand out, not the build folder. Run after scripts/build.mjs;
# tests/packed/*.test.mjs use it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=test-results/packed
rm -rf "$out" tests/packed/apps/node_modules
mkdir -p "$out"
tgz=$(npm pack ./pkg --pack-destination "$out" --silent | tail -n 1)
npm install --prefix tests/packed/apps --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$PWD/$out/$tgz"
echo "$out/$tgz" > "$out/tarball"
