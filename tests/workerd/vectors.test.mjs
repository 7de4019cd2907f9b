// Runs the shared vectors inside workerd (Cloudflare's runtime, from the npm package), started on
// 127.0.0.1 for this test and stopped after it. No network and no Cloudflare account are involved.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { readVectors, root, writeHostOutputs } from "../js/files.mjs";
import { startWorkerd } from "./workerd.mjs";

let server;

before(async () => {
  server = await startWorkerd(join(root, "test-results/workerd"), [
    ["worker.js", "esModule", join(root, "tests/workerd/worker.js")],
    ["vectors.mjs", "esModule", join(root, "tests/js/vectors.mjs")],
  ]);
});

after(() => server?.stop());

test("every shared vector passes in workerd, importing the package by name", async () => {
  const response = await fetch(`${server.url}/`, { method: "POST", body: JSON.stringify(readVectors()) });
  assert.equal(response.status, 200, server.log());
  const results = await response.json();
  writeHostOutputs("workerd", results);
  assert.ok(results.length > 0);
  assert.deepEqual(results.filter((r) => !r.ok).map((r) => `${r.id}\n  expected ${r.expected}\n  actual   ${r.actual}`), []);
});
