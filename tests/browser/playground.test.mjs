// The playground as a visitor sees it: served like `npm start` serves it, driven in Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { root } from "../js/files.mjs";
import { launch } from "./chromium.mjs";

let server, url, context;
const shots = join(root, "test-results/screenshots");

// Started exactly as `npm start` starts it (after the build), on a free port.
before(async () => {
  server = spawn(process.execPath, [join(root, "scripts/serve.mjs")], { env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await once(server.stdout, "data");
  url = String(line).match(/http:\/\/127\.0\.0\.1:\d+/)[0];
  context = await launch();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  await context?.close();
  server?.kill();
});

test("the first page shows the permission matrix from the package", async () => {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  const response = await page.goto(`${url}/`);
  assert.equal(response.status(), 200);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  assert.equal(await page.locator("#matrix tbody tr").count(), 37);
  assert.deepEqual(await page.locator("#matrix thead th").allTextContents(), ["action", "owner", "admin", "member"]);
  await page.getByRole("button", { name: "admin may not workspace.archive" }).click();
  assert.equal(await page.locator("#answer").textContent(), 'can("admin", "workspace.archive") → false');
  await page.getByRole("button", { name: "member may calls.outbound" }).click();
  assert.equal(await page.locator("#answer").textContent(), 'can("member", "calls.outbound") → true');
  await page.screenshot({ path: join(shots, "matrix-1280.png"), fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shots, "matrix-390.png") });
  assert.deepEqual(errors, []);
});
