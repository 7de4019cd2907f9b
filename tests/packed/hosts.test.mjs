// The packed tarball in TypeScript (nodenext, with a CommonJS file, and bundler resolution), Deno,
// Bun and workerd (a Worker bundled as wrangler does), as npm installed it (issue 22).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EXPECTED, apps, bin, freePort, installed, root, run } from "./support.mjs";

const answer = (out) => JSON.parse(out.trim().split("\n").at(-1));
const tsc = join(root, "node_modules/.bin/tsc");

test("TypeScript, strict: nodenext (an ES module and a CommonJS file) and bundler resolution", () => {
  run(tsc, ["-p", "ts/tsconfig.nodenext.json"]);
  run(tsc, ["-p", "ts/tsconfig.bundler.json"]);
});

test("Deno: npm's node_modules, with --allow-read (the entry reads the .wasm); refused without it", () => {
  const deno = (...flags) => run(bin("deno"), ["run", "--no-prompt", ...flags, "node/esm.mjs"], { env: { NO_COLOR: "1", DENO_DIR: join(root, "test-results/packed/deno-dir") } });
  assert.deepEqual(answer(deno("--allow-read")), EXPECTED);
  assert.throws(() => deno(), (e) => /NotCapable|read access/.test(e.stderr));
});

test("Bun: ESM and CommonJS", () => {
  assert.deepEqual(answer(run(bin("bun"), ["node/esm.mjs"])), EXPECTED);
  assert.deepEqual(answer(run(bin("bun"), ["node/cjs.cjs"])), EXPECTED);
});

test("workerd: a Worker bundled as wrangler does (workerd condition, the .wasm a module of its own)", async () => {
  const dist = join(apps, "workerd/dist");
  mkdirSync(dist, { recursive: true });
  run(bin("esbuild"), [
    "workerd/worker.js", "--bundle", "--format=esm", "--platform=neutral", "--conditions=workerd,worker", "--main-fields=module,main",
    "--external:*.wasm", `--outfile=${join(dist, "worker.js")}`, "--log-level=warning",
  ]);
  copyFileSync(join(installed, "workspace_rules_bg.wasm"), join(dist, "workspace_rules_bg.wasm"));
  writeFileSync(join(dist, "config.capnp"), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js"), (name = "workspace_rules_bg.wasm", wasm = embed "workspace_rules_bg.wasm") ],
  compatibilityDate = "2026-11-01",
);
`);
  const port = await freePort();
  const child = spawn(join(root, "node_modules/.bin/workerd"), ["serve", join(dist, "config.capnp"), "--socket-addr", `http=127.0.0.1:${port}`], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  try {
    let body;
    for (let i = 0; i < 200 && body === undefined; i++) {
      if (child.exitCode !== null) break;
      try {
        body = await (await fetch(`http://127.0.0.1:${port}/`)).json();
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    assert.deepEqual(body, EXPECTED, log);
  } finally {
    child.kill("SIGTERM");
  }
});
