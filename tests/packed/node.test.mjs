// The packed tarball in Node, as npm installed it: ESM, CommonJS on a Node 20 without require(esm),
// both in one program, and a server bundled by esbuild (issue 22, items 3 and 4).
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { EXPECTED, apps, bin, installed, root, run } from "./support.mjs";

const answer = (out) => JSON.parse(out.trim().split("\n").at(-1));

test("Node ESM: import by name, ready on import", () => {
  assert.deepEqual(answer(run(process.execPath, ["node/esm.mjs"])), EXPECTED);
});

test("Node CommonJS: require by name, also where require(esm) is off (Node 20 before 20.19)", () => {
  assert.deepEqual(answer(run(process.execPath, ["--no-experimental-require-module", "node/cjs.cjs"])), EXPECTED);
  assert.deepEqual(answer(run(process.execPath, ["node/cjs.cjs"])), EXPECTED);
});

test("ESM and CommonJS entries in one program: a refusal of either is a WorkspaceRulesError of both", () => {
  assert.deepEqual(answer(run(process.execPath, ["node/both.mjs"])), { distinct: true, crossed: true, plain: false });
});

test("esbuild --bundle --platform=node --format=esm: the bundle finds the .wasm, or says what to do", () => {
  const out = join(apps, "esbuild/dist/server.mjs");
  run(bin("esbuild"), ["esbuild/server.mjs", "--bundle", "--platform=node", "--format=esm", `--outfile=${out}`, "--log-level=warning"]);
  // Where it was built, beside node_modules: the package as Node resolves it from the bundle.
  assert.deepEqual(answer(run(process.execPath, [out])), EXPECTED);
  // Deployed alone (no node_modules anywhere above): a clear refusal naming both ways out…
  const alone = join(root, "test-results/packed/esbuild-alone");
  rmSync(alone, { recursive: true, force: true });
  mkdirSync(alone, { recursive: true });
  copyFileSync(out, join(alone, "server.mjs"));
  assert.throws(() => run(process.execPath, ["server.mjs"], { cwd: alone }), (e) => /cannot find workspace_rules_bg\.wasm.*WORKSPACE_RULES_WASM/s.test(e.stderr));
  // …either of which works: the path in WORKSPACE_RULES_WASM, or the .wasm copied next to the bundle.
  const wasm = join(installed, "workspace_rules_bg.wasm");
  assert.deepEqual(answer(run(process.execPath, ["server.mjs"], { cwd: alone, env: { WORKSPACE_RULES_WASM: wasm } })), EXPECTED);
  copyFileSync(wasm, join(alone, "workspace_rules_bg.wasm"));
  assert.deepEqual(answer(run(process.execPath, ["server.mjs"], { cwd: alone })), EXPECTED);
});

test("JSON Schema documents: workspace-rules/schema/*.json by import (with type json) and by require", () => {
  assert.deepEqual(answer(run(process.execPath, ["node/schema.mjs"])), {
    same: true,
    id: "workspace-rules/schema/command.json",
    ok: true,
    refused: false,
  });
});
