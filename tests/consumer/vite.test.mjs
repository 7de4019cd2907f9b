// The package in a Vite production build: bundled from the consumer folder, served, run in Chromium.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";
import { startServer } from "../../scripts/serve.mjs";
import { root } from "../js/files.mjs";
import { launch } from "../browser/chromium.mjs";

const outDir = join(root, "test-results/vite-dist");
let server, context;
after(async () => {
  await context?.close();
  server?.close();
});

test("a Vite build of `import { can } from \"workspace-rules\"` runs in Chromium", async () => {
  await build({ root: join(root, "tests/consumer/vite"), logLevel: "error", build: { outDir, emptyOutDir: true } });
  assert.ok(readdirSync(join(outDir, "assets")).some((f) => f.endsWith(".wasm")), "the .wasm is emitted as an asset");
  let url;
  ({ server, url } = await startServer({ mounts: { "/": outDir } }));
  context = await launch();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${url}/`);
  await page.waitForFunction(() => document.getElementById("out").textContent.startsWith("{"), null, { timeout: 30_000 });
  assert.deepEqual(JSON.parse(await page.locator("#out").textContent()), { invite: true, archive: false, member: 14, refusal: "unknown_role" });
  assert.deepEqual(errors, []);
});
