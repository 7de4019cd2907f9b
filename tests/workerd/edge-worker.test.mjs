// The edge use case in Cloudflare's own runtime: examples/edge-worker/worker.js, importing the npm
// package by name, runs in workerd on 127.0.0.1 (no network, no account) and answers real HTTP
// requests with checkRequest's decision and status.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { root } from "../js/files.mjs";
import { startWorkerd } from "./workerd.mjs";

const WS = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f";
const OLD = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const ANA = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01"; // owner
const BO = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02"; // admin
const CY = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f03"; // member
const INV = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60001";

let server;

before(async () => {
  const example = join(root, "examples/edge-worker");
  server = await startWorkerd(join(root, "test-results/edge-worker"), [
    ["worker.js", "esModule", join(example, "worker.js")],
    ["store.json", "json", join(example, "store.json")],
  ]);
});

after(() => server?.stop());

async function send(method, path, { user, body } = {}) {
  const headers = user ? { "x-user-id": user, "x-user-email": "someone@example.com" } : {};
  const init = { method, headers };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    headers["content-type"] = "application/json";
  }
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), text, json: JSON.parse(text) };
}

const W = `/v1/workspaces/${WS}`;

test("allowed: 200 with the action", async () => {
  const r = await send("GET", W, { user: CY });
  assert.equal(r.status, 200, server.log());
  assert.match(r.type, /application\/json/);
  assert.equal(r.text, '{"allowed":true,"action":"workspace.view","status":200}');
  const put = await send("PUT", `/v1/${WS}/settings/voice?draft=1`, { user: BO, body: { speed: 1.2, tone: "friendly" } });
  assert.deepEqual([put.status, put.json.action], [200, "voice_settings.update"]);
});

test("the public invitation preview needs no credentials", async () => {
  const r = await send("GET", `/v1/invitations/${INV}/preview`);
  assert.deepEqual([r.status, r.json], [200, { allowed: true, action: "public", status: 200 }]);
});

test("401 without credentials", async () => {
  const r = await send("GET", W);
  assert.equal(r.status, 401);
  assert.deepEqual([r.json.allowed, r.json.action, r.json.error.code], [false, "workspace.view", "unauthenticated"]);
});

test("403 for an action the role does not have, and for the outbound gate's own refusals", async () => {
  const r = await send("PATCH", W, { user: CY, body: { name: "Renamed" } });
  assert.equal(r.status, 403);
  assert.equal(r.json.error.code, "forbidden");
  const archive = await send("POST", `${W}/archive`, { user: BO, body: { slug: "client-a-support" } });
  assert.deepEqual([archive.status, archive.json.error.message], [403, "Only owners can archive a workspace."]);
  const invite = await send("POST", `${W}/invitations`, { user: BO, body: { email: "new@example.com", role: "owner" } });
  assert.deepEqual([invite.status, invite.json.error.code], [403, "cannot_grant_higher_role"]);
});

test("404 for an unknown route, a non-member and another workspace", async () => {
  const route = await send("GET", "/v1/agents", { user: CY });
  assert.deepEqual([route.status, route.json.action, route.json.error.code], [404, null, "unknown_route"]);
  const stranger = await send("GET", W, { user: "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f99" });
  assert.deepEqual([stranger.status, stranger.json.error.code], [404, "not_a_member"]);
  const other = await send("GET", "/v1/workspaces/00000000-0000-4000-8000-000000000000", { user: CY });
  assert.deepEqual([other.status, other.json.error.code], [404, "workspace_mismatch"]);
});

test("410 for an archived workspace", async () => {
  const r = await send("GET", `/v1/workspaces/${OLD}`, { user: ANA });
  assert.deepEqual([r.status, r.json.error.code], [410, "workspace_archived"]);
});

test("422 with every body problem, and for a body that is not JSON", async () => {
  const r = await send("PATCH", W, { user: BO, body: { name: "", environment: "prod" } });
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.error.errors.map((e) => [e.code, e.path]), [["empty_value", "/body/name"], ["invalid_value", "/body/environment"]]);
  const numbers = await send("PUT", `${W}/test-caller-numbers`, { user: BO, body: { numbers: ["+1 415 555 0100", "12"] } });
  assert.deepEqual([numbers.status, numbers.json.error.errors[0].path], [422, "/body/numbers/1"]);
  const slug = await send("POST", `${W}/archive`, { user: ANA, body: "{not json" });
  assert.deepEqual([slug.status, slug.json.error.errors[0].path], [422, "/body"]);
  const mismatch = await send("POST", `${W}/archive`, { user: ANA, body: { slug: "Client-A-Support" } });
  assert.deepEqual([mismatch.status, mismatch.json.error.code], [422, "slug_mismatch"]);
});
