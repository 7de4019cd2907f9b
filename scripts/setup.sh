#!/usr/bin/env bash
# Installs what is missing, and only that; quiet when everything is there.
#   scripts/setup.sh build   the wasm32 target, wasm-bindgen-cli of the version Cargo.toml pins, npm packages
#   scripts/setup.sh test    the same, plus Debian's chromium and chromium-driver for the browser tiers
#                            and Debian's postgresql for the backend's tests (scripts/postgres.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-build}
say() { echo "setup: $*" >&2; }

if ! command -v cargo >/dev/null || ! command -v node >/dev/null; then
  say "this project needs a Rust toolchain (rustup, cargo) and Node.js >= 20 on PATH"; exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must be exactly the crate's wasm-bindgen version, or it refuses the module. No --locked:
# the registry here lacks some versions the CLI's lock file names.
want=$(sed -n 's/^wasm-bindgen = "=\([^"]*\)".*/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "=$want" --force --quiet
fi

# `npm install`, not `npm ci`: the registry here lacks workerd's macOS and Windows binaries, which the
# lock file cannot name, and `npm ci` refuses such a lock. A stamp of package.json and the lock tells
# whether node_modules is current.
stamp() { cat package.json package-lock.json 2>/dev/null | cksum; }
if [ ! -f node_modules/.setup-stamp ] || [ "$(cat node_modules/.setup-stamp)" != "$(stamp)" ]; then
  say "installing npm packages"
  npm install --no-audit --no-fund --loglevel=error
  stamp > node_modules/.setup-stamp
fi

# The example worker's own dependency (jose), which its workerd test bundles with it: installed in
# examples/edge-worker/node_modules, as a user of the example would (`npm install` there).
if [ "$mode" = test ] && [ ! -f examples/edge-worker/node_modules/jose/package.json ]; then
  say "installing the example worker's npm packages"
  npm install --prefix examples/edge-worker --no-audit --no-fund --loglevel=error
fi

# The tools of the packed-tarball consumers (tests/packed/: Vite 5, esbuild, Next.js, Deno, Bun), in their own
# folder so that the apps there resolve them as a user's project would; the same stamp.
if [ "$mode" = test ]; then
  pstamp() { cat tests/packed/package.json tests/packed/package-lock.json 2>/dev/null | cksum; }
  if [ ! -f tests/packed/node_modules/.setup-stamp ] || [ "$(cat tests/packed/node_modules/.setup-stamp)" != "$(pstamp)" ]; then
    say "installing the packed consumers' tools (tests/packed)"
    npm install --prefix tests/packed --no-audit --no-fund --loglevel=error
    pstamp > tests/packed/node_modules/.setup-stamp
  fi
fi

if [ "$mode" = test ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's chromium and chromium-driver"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ "$mode" = test ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  say "installing Debian's postgresql (the backend's tests start their own server)"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
fi
