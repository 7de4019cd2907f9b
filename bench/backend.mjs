// The reference backend under load (docs/guides/backend.md): 8 concurrent clients × 250 commands on
// one workspace, then spread over 20 workspaces, over real HTTP on 127.0.0.1 with real tokens. Each
// client sends its commands one after another (invitations of new emails; every fifth a PATCH of the
// description). Prints p50 / p99 latency and throughput, and checks that no acknowledged command is
// lost (every acknowledged invitation is in the final state; the Rust tests also replay the log).
// Database: a fresh SQLite file, or WR_TEST_DATABASE_URL (`bash scripts/postgres.sh node bench/backend.mjs`).
// Sizes: BENCH_CLIENTS (8), BENCH_COMMANDS (250).
import assert from "node:assert/strict";
import { databaseUrl, send, startBackend, token } from "../tests/backend/stack.mjs";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const N = Number(process.env.BENCH_COMMANDS ?? 250);
const db = databaseUrl("bench");
const backend = await startBackend({ databaseUrl: db });
const owner = crypto.randomUUID();
const t = await token(owner, "owner@bench.example.com");

async function create(name) {
  const r = await send(backend.url, "POST", "/v1/workspaces", { token: t, body: { name, environment: "production" } });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  return r.json.workspace.workspace.id;
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function run(label, count) {
  const workspaces = [];
  for (let i = 0; i < count; i++) workspaces.push(await create(`${label} ${i}`));
  const latencies = [];
  const acked = workspaces.map(() => []);
  const statuses = {};
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; i < N; i++) {
        const k = (c * N + i) % workspaces.length;
        const ws = workspaces[k];
        const t0 = performance.now();
        let r;
        let email;
        if (i % 5 === 4) {
          r = await send(backend.url, "PATCH", `/v1/workspaces/${ws}`, { token: t, body: { description: `client ${c} step ${i}` } });
        } else {
          email = `${label.replace(/\W/g, "")}-c${c}-${i}@bench.example.com`;
          r = await send(backend.url, "POST", `/v1/workspaces/${ws}/invitations`, { token: t, body: { email, role: "member" } });
        }
        latencies.push(performance.now() - t0);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status === 200 && email) acked[k].push(email);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  let stored = 0;
  for (const [k, ws] of workspaces.entries()) {
    const r = await send(backend.url, "GET", `/v1/workspaces/${ws}`, { token: t });
    const emails = new Set(r.json.workspace.invitations.map((i) => i.email));
    for (const e of acked[k]) assert.ok(emails.has(e), `acknowledged ${e} is stored`);
    stored += emails.size;
  }
  const ackedCount = acked.reduce((n, a) => n + a.length, 0);
  assert.equal(stored, ackedCount, "exactly the acknowledged invitations are stored");
  latencies.sort((a, b) => a - b);
  const line = `| ${label} | ${CLIENTS} × ${N} | ${pct(latencies, 50).toFixed(2)} ms | ${pct(latencies, 99).toFixed(2)} ms | ${Math.round((CLIENTS * N) / seconds)} commands/s | ${JSON.stringify(statuses)} | 0 lost of ${ackedCount + (CLIENTS * N - ackedCount)} |`;
  console.log(line);
}

console.log(`backend bench on ${db.split(":")[0]} (${CLIENTS} clients × ${N} commands)`);
console.log("| workspaces | clients × commands | p50 | p99 | throughput | statuses | lost updates |\n|---|---|---:|---:|---:|---|---|");
try {
  await create("My Workspace");
  await run("one workspace", 1);
  await run("20 workspaces", 20);
} finally {
  await backend.stop();
}
