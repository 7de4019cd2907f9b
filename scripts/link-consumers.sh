#!/usr/bin/env bash
# Links the built package into the folders that import it by name, as a user's node_modules would:
# tests/consumer/ (the Node tier, the TypeScript and Vite consumers) and bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
for dir in tests/consumer bench; do
  mkdir -p "$dir/node_modules"
  ln -sfn "$(printf '../%.0s' $(seq 1 "$(($(tr -cd / <<<"$dir/node_modules" | wc -c) + 1))"))pkg" "$dir/node_modules/workspace-rules"
done
