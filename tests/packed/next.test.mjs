// The packed tarball in a Next.js App Router app (apps/next/, no Next configuration at all): `next
// build` with Next's default bundler, `next start` on 127.0.0.1, then the page (issue 22):
// - its server component (app/page.js) runs the rules while it renders, at request time (the name
//   comes from the query), so the HTML holds their answer;
// - its client component (app/voice-form.js) runs them in Chromium once hydrated, on what is typed:
//   the HTML holds no answer of it, the browser fetches the .wasm and fills it in.
// Every answer is compared with the package's own, computed here from the same installed tarball.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch } from "../browser/chromium.mjs";
import { apps, bin, installed, run } from "./support.mjs";
import { creator, invite, now, taken, workspace } from "./apps/next/app/fixture.js";

const app = join(apps, "next");
const env = { NEXT_TELEMETRY_DISABLED: "1", NO_COLOR: "1" };
const rules = await import(pathToFileURL(join(installed, "node.js")).href);

/** What the server component answers for `name`, by the package itself. */
function serverAnswer(name) {
  let { state } = rules.createWorkspace(workspace, creator);
  ({ state } = rules.apply(state, invite, { actor_id: creator.actor_id, now }));
  const decision = rules.checkRequest(
    { method: "PUT", path: `/v1/${state.workspace.id}/settings/voice`, body: { speed: 3 } },
    { actor: { user_id: creator.actor_id }, state, now },
  );
  return { slug: rules.slugify(name, taken), invite: rules.capabilities(state, { actor_id: creator.actor_id, now }).invite, decision };
}

/** What the client component shows for the speed input's text, by the package itself. */
const clientAnswer = (speed) => ({ speed, ...rules.validateVoiceSettings({ speed: speed === "" ? null : Number(speed) }) });

/** The text of the element `<tag id="id">` in server-rendered HTML, its entities decoded (React escapes &<>"'). */
function textOf(html, tag, id) {
  const m = html.match(new RegExp(`<${tag} id="${id}"[^>]*>([^<]*)</${tag}>`));
  assert.ok(m, `no <${tag} id="${id}"> in the page:\n${html.slice(0, 2000)}`);
  const entities = { quot: '"', "#x27": "'", "#39": "'", lt: "<", gt: ">", amp: "&" };
  return m[1].replace(/&(quot|#x27|#39|lt|gt|amp);/g, (_, e) => entities[e]);
}

let server, url, context;
let log = "";

before(async () => {
  rmSync(join(app, ".next"), { recursive: true, force: true });
  try {
    run(bin("next"), ["build"], { cwd: app, env });
  } catch (e) {
    throw new Error(`next build failed:\n${e.stdout}\n${e.stderr}`);
  }
  // Port 0: the system picks a free port, and `next start` prints the address it listens on.
  server = spawn(bin("next"), ["start", "-H", "127.0.0.1", "-p", "0"], { cwd: app, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  url = await new Promise((ok, fail) => {
    const seen = (chunk) => {
      log += chunk;
      const address = log.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (address && /Ready/.test(log)) ok(address[0]);
    };
    server.stdout.on("data", seen);
    server.stderr.on("data", seen);
    server.on("exit", (code) => fail(new Error(`next start exited (${code}) before it was ready:\n${log}`)));
  });
  context = await launch();
});

after(async () => {
  await context?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((ok) => server.on("exit", ok));
    server.kill("SIGTERM");
    await exited;
  }
});

test("Next.js: the server component's HTML holds the rules' answer, computed at request time", async () => {
  const name = "Zoë's Café & Co.";
  const response = await fetch(`${url}/?name=${encodeURIComponent(name)}`);
  const html = await response.text();
  assert.equal(response.status, 200, html.slice(0, 2000));
  assert.deepEqual(JSON.parse(textOf(html, "pre", "server")), serverAnswer(name));
  // The client component's answer is not server-rendered: the browser computes it (next test).
  assert.equal(textOf(html, "output", "client"), "");
});

test("Next.js: the client component runs the rules in Chromium, on what is typed", async () => {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  const shown = async (speed) => {
    await page.waitForFunction((s) => document.getElementById("client").textContent.startsWith(`{"speed":${JSON.stringify(s)},`), speed, { timeout: 60_000 });
    return JSON.parse(await page.locator("#client").textContent());
  };
  try {
    await page.goto(`${url}/`);
    assert.deepEqual(await shown("3"), clientAnswer("3"));
    await page.fill("#speed", "1.5");
    assert.deepEqual(await shown("1.5"), clientAnswer("1.5"));
    await page.fill("#speed", "");
    assert.deepEqual(await shown(""), clientAnswer(""));
    // The browser loaded the .wasm itself (the client bundle's own asset).
    const wasm = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => r.name).filter((n) => n.split("?")[0].endsWith(".wasm")));
    assert.equal(wasm.length, 1, `the page fetched ${JSON.stringify(wasm)}`);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
