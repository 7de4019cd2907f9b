// Runs the shared vectors inside workerd (Cloudflare's runtime, from the npm package), started on
// 127.0.0.1 for this test and stopped after it. No network and no Cloudflare account are involved.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, relative } from "node:path";
import { readVectors, root, writeHostOutputs } from "../js/files.mjs";

const dir = join(root, "test-results/workerd");
let child, port, log = "";

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** A workerd config whose modules are the built package, named so `import "workspace-rules"` resolves. */
function writeConfig() {
  const pkg = join(root, "pkg");
  const rel = (p) => relative(dir, p).split("\\").join("/");
  // The package's worker entry under its package name, and every module it reaches, under its path.
  const entries = new Set(["index.js", "node.js", "web.js", "workerd.js"]);
  const files = readdirSync(pkg, { recursive: true }).map((f) => f.split("\\").join("/"));
  const modules = [
    ["worker.js", "esModule", join(root, "tests/workerd/worker.js")],
    ["vectors.mjs", "esModule", join(root, "tests/js/vectors.mjs")],
    ["workspace-rules", "esModule", join(pkg, "workerd.js")],
    ...files.filter((f) => f.endsWith(".js") && !entries.has(f)).map((f) => [f, "esModule", join(pkg, f)]),
    ...files.filter((f) => f.endsWith(".wasm")).map((f) => [f, "wasm", join(pkg, f)]),
  ];
  const list = modules.map(([name, kind, file]) => `(name = "${name}", ${kind} = embed "${rel(file)}")`).join(",\n    ");
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [
    ${list}
  ],
  compatibilityDate = "2026-11-01",
);
`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "config.capnp"), config);
  return join(dir, "config.capnp");
}

async function waitUntilUp(url, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end && child.exitCode === null) {
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`workerd did not start:\n${log}`);
}

before(async () => {
  const config = writeConfig();
  port = await freePort();
  child = spawn(join(root, "node_modules/.bin/workerd"), ["serve", config, "--socket-addr", `http=127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  await waitUntilUp(`http://127.0.0.1:${port}/`);
});

after(() => child?.kill("SIGTERM"));

test("every shared vector passes in workerd, importing the package by name", async () => {
  const response = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: JSON.stringify(readVectors()) });
  assert.equal(response.status, 200, log);
  const results = await response.json();
  writeHostOutputs("workerd", results);
  assert.ok(results.length > 0);
  assert.deepEqual(results.filter((r) => !r.ok).map((r) => `${r.id}\n  expected ${r.expected}\n  actual   ${r.actual}`), []);
});
