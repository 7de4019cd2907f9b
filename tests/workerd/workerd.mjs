// Starts workerd (Cloudflare's runtime, from the npm package) on 127.0.0.1 with a generated config
// whose modules are a worker script plus the built package under its name, so the script's
// `import … from "workspace-rules"` resolves as it would after `npm install`. No network and no
// Cloudflare account are involved. Used by vectors.test.mjs and edge-worker.test.mjs (which adds the
// worker's bindings, its Durable Object namespace and the services they name: `extra` below).
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, relative } from "node:path";
import { root } from "../js/files.mjs";

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** A capnp config in `dir`: `modules` ([name, kind, file], the first is the main module) plus the
 *  package's workerd entry as `workspace-rules` and every module it reaches, under its path; `bindings`,
 *  `durableObjects` (capnp fields of the worker, each starting with a comma) and `services` (more
 *  services, the same) when the worker needs them. */
function writeConfig(dir, modules, { bindings = "", durableObjects = "", services = "" } = {}) {
  const pkg = join(root, "pkg");
  const rel = (p) => relative(dir, p).split("\\").join("/");
  const entries = new Set(["index.js", "node.js", "web.js", "workerd.js"]);
  const files = readdirSync(pkg, { recursive: true }).map((f) => f.split("\\").join("/"));
  const all = [
    ...modules,
    ["workspace-rules", "esModule", join(pkg, "workerd.js")],
    ...files.filter((f) => f.endsWith(".js") && !entries.has(f)).map((f) => [f, "esModule", join(pkg, f)]),
    ...files.filter((f) => f.endsWith(".wasm")).map((f) => [f, "wasm", join(pkg, f)]),
  ];
  const list = all.map(([name, kind, file]) => `(name = "${name}", ${kind} = embed "${rel(file)}")`).join(",\n    ");
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker)${services} ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [
    ${list}
  ],
  compatibilityDate = "2026-11-01"${bindings}${durableObjects},
);
`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "config.capnp"), config);
  return join(dir, "config.capnp");
}

/** Starts workerd serving `modules` from a config in `dir`; answers `{ url, log(), stop() }` once it
 *  accepts requests. */
export async function startWorkerd(dir, modules, ms = 20_000, extra = {}) {
  const config = writeConfig(dir, modules, extra);
  const port = await freePort();
  const child = spawn(join(root, "node_modules/.bin/workerd"), ["serve", config, "--socket-addr", `http=127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null || Date.now() > end) {
      child.kill("SIGTERM");
      throw new Error(`workerd did not start:\n${log}`);
    }
    try {
      await fetch(`${url}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    log: () => log,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}
