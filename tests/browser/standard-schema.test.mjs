// A real form library with the package's Standard Schemas in Chromium (docs/rules/commands.md#forms):
// TanStack Form's core, bundled, drives a voice-settings form and an invitation form in the page of
// tests/browser/index.html, on the web build.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startServer } from "../../scripts/serve.mjs";
import { bundleModule, root } from "../js/files.mjs";
import { launch } from "./chromium.mjs";

let server, context, seen;

before(async () => {
  const dir = join(root, "test-results/standard-schema");
  await bundleModule("tests/browser/standard-schema-form.mjs", join(dir, "form.mjs"));
  const started = await startServer({ mounts: { "/pkg/": join(root, "pkg"), "/tests/": join(root, "tests"), "/bundle/": dir } });
  server = started.server;
  context = await launch();
  const page = await context.newPage();
  await page.goto(`${started.url}/tests/browser/index.html`);
  await page.waitForFunction(() => document.getElementById("status").textContent === "ready", null, { timeout: 30_000 });
  seen = await page.evaluate(() => window.runWith("/bundle/form.mjs"));
});

after(async () => {
  await context?.close();
  server?.close();
});

test("TanStack Form in Chromium shows the library's problems on the fields and submits only valid values", () => {
  assert.deepEqual(seen.speedErrors, [["out_of_range", "speed must be between 0.5 and 2, got 3."]]);
  assert.equal(seen.canSubmitWhenInvalid, false);
  assert.deepEqual(seen.speedErrorsAfter, []);
  assert.equal(seen.canSubmitWhenValid, true);
  assert.deepEqual(seen.inviteErrors, [["invalid_email"], ["unknown_role"]]);
  assert.deepEqual(seen.submitted, [{ email: "zed@example.com", role: "admin" }]);
});
