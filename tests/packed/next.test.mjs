// The packed tarball in a Next.js App Router app (issue 22), as the package README's "Next.js" section
// says to use it:
// - apps/next/, no Next configuration at all: `next build` with Turbopack (Next's default) and with
//   webpack (`--webpack`), each served by `next start` on 127.0.0.1;
// - apps/next-standalone/, the same pages with the README's configuration for a deployment of only the
//   traced files (`output: "standalone"`, `serverExternalPackages`): the standalone server copied away
//   from every node_modules and run alone.
// On each, the page: its server component (app/page.js) runs the rules while it renders, at request
// time (the name comes from the query), so the HTML holds their answer; its client component
// (app/voice-form.js) runs them in Chromium once hydrated, on what is typed (the HTML holds none of it,
// the browser fetches the .wasm). Every answer is compared with the package's own, computed here from
// the same installed tarball.
import { describe, test, after, before } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch } from "../browser/chromium.mjs";
import { apps, bin, freePort, installed, run } from "./support.mjs";
import { creator, invite, now, taken, workspace } from "./apps/next/app/fixture.js";

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

/** `next build` of the app in `dir` (its .next removed first). */
function build(dir, args = []) {
  rmSync(join(dir, ".next"), { recursive: true, force: true });
  try {
    run(bin("next"), ["build", ...args], { cwd: dir, env });
  } catch (e) {
    throw new Error(`next build ${args.join(" ")} failed:\n${e.stdout}\n${e.stderr}`);
  }
}

/** Starts a Next server (`cmd args` in `cwd`): `url`, its address once it says it is ready; `stop()`, which waits for its exit. */
function serve(cmd, args, { cwd, env: extra = {} }) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env, ...extra }, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const url = new Promise((ok, fail) => {
    const seen = (chunk) => {
      log += chunk;
      const address = log.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (address && /Ready/.test(log)) ok(address[0]);
    };
    child.stdout.on("data", seen);
    child.stderr.on("data", seen);
    child.on("exit", (code) => fail(new Error(`the Next server exited (${code}) before it was ready:\n${log}`)));
  });
  url.catch(() => {}); // handled where a test awaits it
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((ok) => child.on("exit", ok));
    child.kill("SIGTERM");
    await exited;
  };
  return { url, stop };
}

let context;
before(async () => {
  context = await launch();
});
after(() => context?.close());

/** The two checks of the page served at `server().url`. */
function checks(server) {
  test("the server component's HTML holds the rules' answer, computed at request time", async () => {
    const name = "Zoë's Café & Co.";
    const response = await fetch(`${await server().url}/?name=${encodeURIComponent(name)}`);
    const html = await response.text();
    assert.equal(response.status, 200, html.slice(0, 2000));
    assert.deepEqual(JSON.parse(textOf(html, "pre", "server")), serverAnswer(name));
    // The client component's answer is not server-rendered: the browser computes it (next test).
    assert.equal(textOf(html, "output", "client"), "");
  });

  test("the client component runs the rules in Chromium, on what is typed", async () => {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    const shown = async (speed) => {
      await page.waitForFunction((s) => document.getElementById("client").textContent.startsWith(`{"speed":${JSON.stringify(s)},`), speed, { timeout: 60_000 });
      return JSON.parse(await page.locator("#client").textContent());
    };
    try {
      await page.goto(`${await server().url}/`);
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
}

/** The .wasm files in the trace of the page's server code (what Next copies into a standalone deployment). */
const tracedWasm = (dir) =>
  JSON.parse(readFileSync(join(dir, ".next/server/app/page.js.nft.json"), "utf8")).files.filter((f) => f.endsWith("workspace_rules_bg.wasm"));

const app = join(apps, "next");
for (const [label, args] of [["Turbopack, Next's default", []], ["webpack (next build --webpack)", ["--webpack"]]]) {
  describe(`Next.js App Router, no configuration, ${label}: next build, next start`, () => {
    let server;
    before(() => {
      build(app, args);
      server = serve(bin("next"), ["start", "-H", "127.0.0.1", "-p", "0"], { cwd: app });
    });
    after(() => server?.stop());
    checks(() => server);
    // Why a deployment of the traced files only needs serverExternalPackages (the last suite): the
    // server bundle holds the package, and the .wasm its Node entry reads is in no trace.
    test("the server's trace leaves the .wasm out", () => {
      assert.deepEqual(tracedWasm(app), []);
    });
  });
}

describe("Next.js App Router, output: \"standalone\" with serverExternalPackages: the server copied alone", () => {
  const standalone = join(apps, "next-standalone");
  let server, deployed;
  before(async () => {
    build(standalone);
    // As Next's docs say to deploy it: the traced server, and the client's static files beside it;
    // outside the repository, so that no node_modules and no package.json is above it.
    deployed = mkdtempSync(join(tmpdir(), "wr-next-standalone-"));
    cpSync(join(standalone, ".next/standalone"), deployed, { recursive: true });
    const where = join(deployed, "tests/packed/apps/next-standalone");
    cpSync(join(standalone, ".next/static"), join(where, ".next/static"), { recursive: true });
    server = serve(process.execPath, ["server.js"], { cwd: where, env: { HOSTNAME: "127.0.0.1", PORT: String(await freePort()) } });
  });
  after(async () => {
    await server?.stop();
    if (deployed) rmSync(deployed, { recursive: true, force: true });
  });

  test("the server's trace holds the .wasm", () => {
    assert.equal(tracedWasm(standalone).length, 1);
  });

  checks(() => server);
});
