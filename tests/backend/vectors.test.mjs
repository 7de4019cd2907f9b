// The shared request vectors (tests/vectors/requests.json) sent for real, both ways: each vector's
// state stored in a backend alone and in another behind the edge worker in workerd (the backend
// pushing it to the edge's store), its request sent with a token for its actor, and the two answers'
// statuses and codes compared. Both ways decide at the backend's clock, not the vector's `now`, so the
// vectors' expected decisions are not asserted here (tests/vectors.rs and the hosts do that); only
// that the backend alone and the edge in front of it agree. Vectors whose path `fetch` cannot send as
// written (control or non-ASCII characters, dot segments it resolves, over 2,048 bytes) are counted
// and left out, as are methods not in upper case (workerd itself answers them 501 before the worker
// runs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../js/files.mjs";
import { databaseUrl, send, startBackend, startStack, token } from "./stack.mjs";

const STORE = "the-vectors-store-token";
let direct;
let stack;

before(async () => {
  direct = await startBackend({ databaseUrl: databaseUrl("vectors-direct"), env: { WR_STORE_TOKEN: STORE } });
  stack = await startStack("vectors", databaseUrl("vectors-edge"), { WR_STORE_TOKEN: STORE });
});

after(async () => {
  await direct?.stop();
  await stack?.backend.stop();
  await stack?.edge.stop();
});

async function seed(base, state) {
  const r = await fetch(`${base}/_store/workspaces/${state.workspace.id}`, { method: "PUT", headers: { authorization: `Bearer ${STORE}` }, body: JSON.stringify(state) });
  return r.status;
}

function sendable(path) {
  if (path.length > 2048 || !/^[\x21-\x7e]*$/.test(path)) return false;
  try {
    const u = new URL(path, "http://127.0.0.1");
    return u.pathname + u.search === path.split("#")[0];
  } catch {
    return false;
  }
}

test("every sendable request vector answers the same status and code from the backend alone and through the edge", async () => {
  const cases = JSON.parse(readFileSync(join(root, "tests/vectors/requests.json"), "utf8")).cases.filter((c) => c.call === "checkRequest");
  let compared = 0;
  let skipped = 0;
  const differ = [];
  for (const c of cases) {
    const [request, context] = c.args;
    const state = context?.state;
    if (!request || typeof request.path !== "string" || typeof request.method !== "string" || !state?.workspace || !sendable(request.path) || !/^[A-Z]+$/.test(request.method)) {
      skipped++;
      continue;
    }
    const a = await seed(direct.url, state);
    const b = await seed(stack.backend.url, state);
    if (a !== 200 || b !== 200) {
      skipped++; // a state the vector means to be invalid
      continue;
    }
    const actor = context.actor;
    const t = actor && typeof actor.user_id === "string" ? await token(actor.user_id, actor.email ?? "nobody@example.com") : undefined;
    // fetch sends no body with GET (those routes ignore one anyway).
    const given = request.body_text ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    const body = ["GET", "HEAD"].includes(request.method.toUpperCase()) ? undefined : given;
    const one = await send(direct.url, request.method, request.path, { token: t, body });
    const two = await send(stack.edge.url, request.method, request.path, { token: t, body });
    compared++;
    if (one.status !== two.status || one.json?.code !== two.json?.code) differ.push(`${c.name}: ${one.status} ${one.json?.code} alone, ${two.status} ${two.json?.code} through the edge`);
  }
  assert.deepEqual(differ, [], stack.edge.log());
  assert.ok(compared >= 100, `${compared} compared`);
  console.log(`# request vectors: ${compared} compared both ways, identical; ${skipped} not sendable as written`);
});
