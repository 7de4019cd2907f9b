#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS (default 60) each, on the nightly toolchain, with a corpus
# seeded from the shared vectors' arguments; prints each target's executions. Not part of npm test
# (the bounded fuzzing there is fast-check over the package); run it by hand or in a long CI job.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${SECONDS_PER_TARGET:-${1:-60}}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version =0.13.2
node -e '
  const fs = require("fs"), path = require("path");
  const dir = "fuzz/corpus/seed"; fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync("tests/vectors").filter((f) => f.endsWith(".json"))) {
    const file = JSON.parse(fs.readFileSync(path.join("tests/vectors", f), "utf8"));
    file.cases.forEach((c, i) => {
      fs.writeFileSync(path.join(dir, `${f}-${i}`), JSON.stringify(c.args));
      // apply_sequence reads [[actor, command], ...]: seed it with the commands of the vectors.
      if (c.call === "apply") fs.writeFileSync(path.join(dir, `${f}-${i}-steps`), JSON.stringify([[i % 4, c.args[1]]]));
    });
  }'
for target in $(sed -n 's/^name = "\(.*\)"/\1/p' fuzz/Cargo.toml | grep -v workspace-rules-fuzz); do
  mkdir -p "fuzz/corpus/$target"
  cp -n fuzz/corpus/seed/* "fuzz/corpus/$target/" 2>/dev/null || true
  echo "== $target ($seconds s)"
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -max_len=65536 2>&1 \
    | grep -E "^#[0-9]+ *DONE|Done [0-9]+ runs|ERROR|panicked" | tail -3
done
