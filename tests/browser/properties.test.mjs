// The hardening review's random properties (tests/js/properties.mjs: issue 17, items 1, 2 and 9) in
// Chromium: the web build initialised by tests/browser/index.html, fast-check bundled with the module.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startServer } from "../../scripts/serve.mjs";
import { bundleProperties, root } from "../js/files.mjs";
import { launch } from "./chromium.mjs";

let server, context, results;

before(async () => {
  await bundleProperties(join(root, "test-results/properties/browser.mjs"));
  const started = await startServer({ mounts: { "/pkg/": join(root, "pkg"), "/tests/": join(root, "tests"), "/bundle/": join(root, "test-results/properties") } });
  server = started.server;
  context = await launch();
  const page = await context.newPage();
  await page.goto(`${started.url}/tests/browser/index.html`);
  await page.waitForFunction(() => document.getElementById("status").textContent === "ready", null, { timeout: 30_000 });
  results = await page.evaluate(() => window.runWith("/bundle/browser.mjs"));
});

after(async () => {
  await context?.close();
  server?.close();
});

test("the random properties of the review hold in Chromium", () => {
  assert.equal(results.length, 3);
  for (const r of results) assert.equal(r.failure, null, r.name);
  for (const r of results) assert.ok(r.runs > 0, r.name);
});
