// The playground's voice-settings form (the README's recipe) in Chromium: live validation by path,
// and an "inherited from" badge per field that follows the edits.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "../../scripts/serve.mjs";
import { root } from "../js/files.mjs";
import { launch } from "./chromium.mjs";

let server, url, context;
const shots = join(root, "test-results/screenshots");

before(async () => {
  ({ server, url } = await startServer({ mounts: { "/": join(root, "www"), "/pkg/": join(root, "pkg") } }));
  context = await launch();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  await context?.close();
  server?.close();
});

test("the voice form validates live and badges every field with its layer", async () => {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${url}/`);
  await page.waitForSelector("body[data-voice-ready=true]", { timeout: 30_000 });
  const text = (id) => page.locator(`#${id}`).textContent();

  assert.equal(await text("voice-speed-from"), "0.9 · from service");
  assert.equal(await text("voice-language-from"), '"en-US" · from workspace');
  assert.equal(await text("voice-volume-from"), "1 · from default");
  assert.deepEqual(await page.locator("#voice-keyterms-from .chip").allTextContents(), [
    "Metformin · service",
    "Lisinopril · service",
    "Dr. Ramirez · workspace",
  ]);

  await page.fill("input[name=speed]", "3");
  assert.equal(await text("voice-speed-error"), "speed must be between 0.5 and 2, got 3.");
  assert.equal(await page.getAttribute("input[name=speed]", "aria-invalid"), "true");
  assert.equal(await text("voice-speed-from"), "0.9 · from service", "nothing changes while invalid");

  await page.fill("input[name=speed]", "1.2");
  assert.equal(await text("voice-speed-error"), "");
  assert.equal(await text("voice-speed-from"), "1.2 · from agent");

  await page.fill("input[name=language]", "en_US");
  assert.match(await text("voice-language-error"), /well-formed BCP-47/);
  await page.fill("input[name=language]", "es-mx");
  assert.equal(await text("voice-language-from"), '"es-MX" · from agent');

  await page.fill("textarea[name=keyterms]", "amlodipine\n \nLISINOPRIL");
  assert.equal(await text("voice-keyterms-error"), "keyterms[1] must not be empty.");
  await page.fill("textarea[name=keyterms]", "amlodipine\nLISINOPRIL");
  assert.deepEqual(await page.locator("#voice-keyterms-from .chip").allTextContents(), [
    "Metformin · service",
    "Lisinopril · service",
    "Dr. Ramirez · workspace",
    "amlodipine · agent",
  ]);
  assert.equal(await text("voice-status"), "The agent overrides: speed, language, keyterms.");
  await page.locator("#voice-title").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, "voice-form-1280.png") });
  assert.deepEqual(errors, []);
});
