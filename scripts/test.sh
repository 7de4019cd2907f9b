#!/usr/bin/env bash
# Every test, in order: formatting, lints, native tests, the reference backend's tests on SQLite and
# PostgreSQL, the package build, the boundary's own tests
# in Node and Chromium, the shared vectors in Node, Chromium and workerd, a Vite build, the TypeScript
# check, and the
# byte-for-byte comparison of all hosts. Run through `npm test`, which installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

rm -rf test-results/vectors
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

step "rustfmt";                  cargo fmt --all -- --check
step "clippy (native)";          cargo clippy --quiet --all-targets -- -D warnings
step "clippy (wasm32)";          cargo clippy --quiet --target wasm32-unknown-unknown --lib --tests -- -D warnings
step "clippy (feature schema)";  cargo clippy --quiet --features schema --all-targets -- -D warnings
step "native tests";             cargo test --quiet
step "JSON Schema and TypeScript types generated from the Rust types"
cargo test --quiet --features schema --test schema
node scripts/types.mjs --check
# The reference backend: its own package (examples/backend), built once in release and reused by its
# Rust tests, the Node tests below and `npm run bench`.
step "backend: rustfmt, clippy, build"
(cd examples/backend && cargo fmt -- --check && cargo clippy --release --quiet --all-targets -- -D warnings && cargo build --release --quiet)
step "backend tests on SQLite";  (cd examples/backend && cargo test --release --quiet)
step "backend tests on PostgreSQL"
(cd examples/backend && bash ../../scripts/postgres.sh cargo test --release --quiet)
step "build pkg/";               node scripts/build.mjs --quiet
step "build the trap-guard test package"
node scripts/build.mjs --test-panic --quiet
step "boundary tests in Node";   cargo test --target wasm32-unknown-unknown --lib
step "boundary tests in Chromium"
WASM_BINDGEN_USE_BROWSER=1 cargo test --target wasm32-unknown-unknown --lib

# Separate consumer folders whose node_modules/workspace-rules is the built package.
bash scripts/link-consumers.sh

step "TypeScript consumer";      node_modules/.bin/tsc -p tests/consumer/tsconfig.json
step "docs (links, code blocks)"; node --test tests/docs/
step "Node, Chromium and workerd tiers, Vite build"
node --test tests/consumer/ tests/browser/ tests/workerd/ tests/backend/ bench/peers/
step "backend end to end on PostgreSQL (the agreement and the request vectors, alone and through the edge)"
bash scripts/postgres.sh node --test tests/backend/
step "the packed tarball in Node, TypeScript, bundlers, Next.js, workerd, Deno and Bun"
bash scripts/pack-consumers.sh
node --test tests/packed/
step "all hosts agree";          node --test tests/compare-hosts.test.mjs
