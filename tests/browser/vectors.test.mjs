// The Chromium host of the shared vectors: the web build, imported by a page served on 127.0.0.1.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startServer } from "../../scripts/serve.mjs";
import { readVectors, root, writeHostOutputs } from "../js/files.mjs";
import { launch } from "./chromium.mjs";

let server, context, results;
const consoleErrors = [];

before(async () => {
  const started = await startServer({ mounts: { "/pkg/": join(root, "pkg"), "/tests/": join(root, "tests") } });
  server = started.server;
  context = await launch();
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  await page.goto(`${started.url}/tests/browser/index.html`);
  await page.waitForFunction(() => document.getElementById("status").textContent === "ready", null, { timeout: 30_000 });
  results = await page.evaluate((files) => window.runVectors(files), readVectors());
  writeHostOutputs("browser", results);
});

after(async () => {
  await context?.close();
  server?.close();
});

test("every shared vector passes in Chromium", () => {
  const failed = results.filter((r) => !r.ok);
  assert.ok(results.length > 0, "no vectors ran");
  assert.deepEqual(failed.map((r) => `${r.id}\n  expected ${r.expected}\n  actual   ${r.actual}`), []);
});

test("the page logged no errors", () => assert.deepEqual(consoleErrors, []));
