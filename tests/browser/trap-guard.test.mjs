// The trap guard in Chromium: the fresh instance after a trap is built synchronously on the page's
// main thread from the already compiled module (test build with the deliberately panicking export).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startServer } from "../../scripts/serve.mjs";
import { root } from "../js/files.mjs";
import { launch } from "./chromium.mjs";

let server, context;
after(async () => {
  await context?.close();
  server?.close();
});

test("after a panic and a stack overflow in the page, the next calls answer", async () => {
  let url;
  ({ server, url } = await startServer({ mounts: { "/pkg-panic/": join(root, "test-results/pkg-panic"), "/": join(root, "tests/browser") } }));
  context = await launch();
  const page = await context.newPage();
  await page.goto(`${url}/index.html`);
  const outcome = await page.evaluate(async () => {
    const api = await import("/pkg-panic/index.js");
    const codes = [];
    for (const kind of ["panic", "recursion", "panic"]) {
      try {
        api.__testPanic(kind);
      } catch (e) {
        codes.push(e instanceof api.WorkspaceRulesError ? e.code : String(e));
      }
    }
    return { codes, answer: api.can("admin", "members.invite") };
  });
  assert.deepEqual(outcome, { codes: ["internal_error", "internal_error", "internal_error"], answer: true });
});
