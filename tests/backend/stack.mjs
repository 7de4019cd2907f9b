// The reference backend (examples/backend, built once: `cargo build --release` in its folder) and the
// edge worker in workerd in front of it, on 127.0.0.1, for the tests and the benchmark. Real
// processes, real HTTP, real tokens.
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "../js/files.mjs";
import { startWorkerd } from "../workerd/workerd.mjs";

export const BIN = join(root, "examples/backend/target/release/workspace-rules-backend");
export const SECRET = "the-stack-test-secret-of-32-bytes!";
export const STORE_TOKEN = "the-stack-store-token";

const example = join(root, "examples/edge-worker");
const { SignJWT } = await import(pathToFileURL(createRequire(join(example, "worker.js")).resolve("jose")).href);

export function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** A signed HS256 token: `sub`, `email`, ten minutes. */
export function token(sub, email, secret = SECRET, exp = "10m") {
  return new SignJWT({ email }).setProtectedHeader({ alg: "HS256" }).setSubject(sub).setIssuedAt().setExpirationTime(exp).sign(new TextEncoder().encode(secret));
}

/**
 * A fresh database named `name`: a SQLite file under test-results/, or, under scripts/postgres.sh
 * (`WR_TEST_DATABASE_URL`, `WR_TEST_PG_BIN`), a database of its own on that PostgreSQL server, so
 * two backends compared with each other never share their state.
 */
export function databaseUrl(name) {
  const shared = process.env.WR_TEST_DATABASE_URL;
  if (shared) {
    const url = new URL(shared);
    const database = `${name.replace(/[^a-z0-9]/gi, "_")}_${process.pid}`.toLowerCase();
    const createdb = join(process.env.WR_TEST_PG_BIN ?? "", "createdb");
    execFileSync(createdb, ["-h", url.hostname, "-p", url.port, "-U", url.username, database], { stdio: "inherit" });
    url.pathname = `/${database}`;
    return url.href;
  }
  const dir = join(root, "test-results/backend");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.db`);
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
  return `sqlite://${file}`;
}

/** Starts the backend: `{ url, port, child, log(), stop() }` once it listens. */
export async function startBackend({ databaseUrl: db, port = 0, env = {} }) {
  if (!existsSync(BIN)) throw new Error(`${BIN} is not built: cargo build --release --manifest-path examples/backend/Cargo.toml`);
  const child = spawn(BIN, [], {
    env: { ...process.env, WR_JWT_SECRET: SECRET, PORT: String(port), DATABASE_URL: db, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  const url = await new Promise((ok, fail) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    child.on("exit", (code) => fail(new Error(`the backend exited (${code}):\n${log}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    log: () => log,
    stop: () => new Promise((ok) => (child.exitCode !== null ? ok() : (child.once("exit", ok), child.kill("SIGTERM")))),
  };
}

/** The edge worker in workerd, forwarding to `originPort`: `{ url, log(), stop() }`. */
export async function startEdge(originPort, name = "stack") {
  const dir = join(root, `test-results/backend-edge-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "do-disk"), { recursive: true });
  const { rolldown } = await import("rolldown");
  const bundle = await rolldown({ input: join(example, "worker.js"), external: ["workspace-rules", /^cloudflare:/], logLevel: "warn" });
  await bundle.write({ file: join(dir, "bundle/worker.js"), format: "esm" });
  await bundle.close();
  return startWorkerd(dir, [["worker.js", "esModule", join(dir, "bundle/worker.js")]], 20_000, {
    bindings: `,
  bindings = [
    (name = "JWT_SECRET", text = "${SECRET}"),
    (name = "STORE_TOKEN", text = "${STORE_TOKEN}"),
    (name = "WORKSPACES", durableObjectNamespace = "WorkspaceStore"),
    (name = "ORIGIN", service = "origin")
  ]`,
    durableObjects: `,
  durableObjectNamespaces = [ (className = "WorkspaceStore", uniqueKey = "workspace-rules-backend-${name}", enableSql = true) ],
  durableObjectStorage = (localDisk = "do-disk")`,
    services: `,
    (name = "origin", external = (address = "127.0.0.1:${originPort}", http = ())),
    (name = "do-disk", disk = (path = "${join(dir, "do-disk")}", writable = true))`,
  });
}

/** The backend behind the edge: the backend on a port chosen first (the edge's ORIGIN), pushing its
 *  states to the edge's store. `{ backend, edge }`. */
export async function startStack(name, db, env = {}) {
  const port = await freePort();
  const edge = await startEdge(port, name);
  const backend = await startBackend({ databaseUrl: db, port, env: { WR_EDGE_URL: edge.url, WR_EDGE_STORE_TOKEN: STORE_TOKEN, ...env } });
  return { backend, edge };
}

/** One request: `{ status, json, context }` (`context`: the command's `x-command-context`, read). */
export async function send(base, method, path, { token: t, body } = {}) {
  const headers = {};
  if (t) headers.authorization = `Bearer ${t}`;
  const init = { method, headers };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    headers["content-type"] = "application/json";
  }
  const r = await fetch(base + path, init);
  const text = await r.text();
  const ctx = r.headers.get("x-command-context");
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { text }; // not an answer of the service (a runtime's own error page)
  }
  return { status: r.status, json, context: ctx ? JSON.parse(ctx) : null };
}
