// The hardening review's random properties (tests/js/properties.mjs: issue 17, items 1, 2 and 9) in
// workerd, started on 127.0.0.1 for this test, the package imported by name.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { bundleProperties, root } from "../js/files.mjs";
import { startWorkerd } from "./workerd.mjs";

let server;

before(async () => {
  const dir = join(root, "test-results/workerd-properties");
  const bundle = await bundleProperties(join(dir, "bundle/properties.mjs"));
  server = await startWorkerd(dir, [
    ["worker.js", "esModule", join(root, "tests/workerd/properties-worker.js")],
    ["properties.mjs", "esModule", bundle],
  ]);
});

after(() => server?.stop());

test("the random properties of the review hold in workerd", async () => {
  const response = await fetch(`${server.url}/`);
  assert.equal(response.status, 200, server.log());
  const results = await response.json();
  assert.equal(results.length, 3);
  for (const r of results) assert.equal(r.failure, null, r.name);
  for (const r of results) assert.ok(r.runs > 0, r.name);
});
