// The three hosts agree end to end: a scripted sequence of requests (create → invite → preview →
// accept → roles → voice settings → credits → archive, with refusals along the way) sent to the
// backend alone and to the edge worker in workerd forwarding to another backend answers identical
// statuses and codes both ways, and the backend's final state is what `apply` computes in Node from the
// same commands, run with the context each answer names (`x-command-context`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "../js/files.mjs";
import { databaseUrl, send, startBackend, startStack, token } from "./stack.mjs";

const pkg = await import(pathToFileURL(join(root, "pkg/node.js")).href);

const ANA = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
const BO = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02";
const CY = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f03";

let direct;
let stack;
const tokens = {};

before(async () => {
  tokens.ana = await token(ANA, "ana@example.com");
  tokens.bo = await token(BO, "bo@example.com");
  tokens.cy = await token(CY, "cy@example.com");
  direct = await startBackend({ databaseUrl: databaseUrl("agreement-direct") });
  stack = await startStack("agreement", databaseUrl("agreement-edge"));
});

after(async () => {
  await direct?.stop();
  await stack?.backend.stop();
  await stack?.edge.stop();
});

const CREDITS = {
  monthly_credits: 50000, reset_day: 1, rollover: "none", rollover_cap: 0, hard_limit: true, alert_thresholds: [80, 100],
  rates: { call_seconds: { credits: 1, per: 6 }, stt_seconds: { credits: 1, per: 60 }, tts_characters: { credits: 1, per: 100 }, llm_input_tokens: { credits: 1, per: 1000 }, llm_output_tokens: { credits: 1, per: 1000 } },
};

/** The script against `base`: every step's `[name, status, code]`, and the commands that changed the
 *  second workspace, for Node to run again. */
async function script(base) {
  const steps = [];
  const commands = [];
  let state = null;
  const step = async (name, method, path, { who, body, command } = {}) => {
    const r = await send(base, method, path, { token: who && tokens[who], body });
    steps.push([name, r.status, r.json?.code ?? null]);
    if (command && r.status < 300 && r.context) commands.push({ command: command(r), ctx: r.context, answer: r.json });
    return r;
  };
  await step("create the default workspace", "POST", "/v1/workspaces", { who: "ana", body: { name: "My Workspace", environment: "production" } });
  const body = { name: "Client A Support", environment: "production" };
  const created = await step("create a second workspace", "POST", "/v1/workspaces", { who: "ana", body, command: () => ({ create: body }) });
  const ws = created.json.workspace.workspace.id;
  const W = `/v1/workspaces/${ws}`;
  await step("list", "GET", "/v1/workspaces", { who: "ana" });
  await step("list without a token", "GET", "/v1/workspaces");
  await step("create by a stranger without a default workspace… as their first", "GET", W, { who: "cy" });
  await step("no token", "GET", W);
  const invite = { email: "Bo@Example.com", role: "admin" };
  const invited = await step("invite", "POST", `${W}/invitations`, { who: "ana", body: invite, command: () => ({ type: "invite_member", ...invite }) });
  await step("invite with a key twice", "POST", `${W}/invitations`, { who: "ana", body: '{"email":"x@example.com","role":"member","role":"owner"}' });
  await step("invite: every body problem", "POST", `${W}/invitations`, { who: "ana", body: { email: "nope", role: "boss" } });
  const inv = invited.json.workspace.invitations[0].id;
  await step("preview without credentials", "GET", `/v1/invitations/${inv}/preview`);
  await step("accept by someone else", "POST", `/v1/invitations/${inv}/accept`, { who: "cy" });
  await step("accept", "POST", `/v1/invitations/${inv}/accept`, { who: "bo", command: () => ({ type: "accept_invitation", invitation_id: inv, user_id: BO }) });
  await step("bo reads the workspace", "GET", W, { who: "bo" });
  await step("bo may not archive", "POST", `${W}/archive`, { who: "bo", body: { slug: "client-a-support" } });
  await step("change bo's role", "PATCH", `${W}/members/${BO}`, { who: "ana", body: { role: "member" }, command: () => ({ type: "change_role", user_id: BO, role: "member" }) });
  await step("bo, a member now, may not change voice settings", "PUT", `/v1/${ws}/settings/voice`, { who: "bo", body: { speed: 1.1 } });
  const patch = { speed: 1.2, tone: "friendly", language: "en-us" };
  await step("voice settings", "PUT", `/v1/${ws}/settings/voice`, { who: "ana", body: patch, command: () => ({ type: "update_voice_settings", patch }) });
  await step("voice settings: every problem", "PUT", `/v1/${ws}/settings/voice`, { who: "ana", body: { speed: 9, tone: 3 } });
  await step("read voice settings", "GET", `/v1/${ws}/settings/voice`, { who: "bo" });
  await step("credit allowance", "PUT", `${W}/credits/allowance`, { who: "ana", body: CREDITS, command: () => ({ type: "set_credit_allowance", ...CREDITS }) });
  await step("credits by a member", "GET", `${W}/credits`, { who: "bo" });
  await step("an outbound call", "POST", `/v1/${ws}/calls/outbound`, { who: "bo" });
  await step("a body that is not JSON", "PATCH", W, { who: "ana", body: "{" });
  await step("an unknown route", "GET", `${W}/nowhere`, { who: "ana" });
  await step("archive with another slug", "POST", `${W}/archive`, { who: "ana", body: { slug: "client-a" } });
  const archived = await step("archive", "POST", `${W}/archive`, { who: "ana", body: { slug: "client-a-support" }, command: () => ({ type: "archive", slug: "client-a-support" }) });
  await step("archived", "GET", W, { who: "ana" });
  state = archived.json?.workspace ?? null;
  return { steps, commands, state };
}

/** The commands run again in Node, each with the context the backend ran it with. */
function replay(commands) {
  let state = null;
  for (const { command, ctx } of commands) {
    const r = command.create ? pkg.createWorkspace({ ...command.create }, ctx) : pkg.apply(state, command, ctx);
    state = r.state;
  }
  return state;
}

test("the scripted sequence answers identically from the backend and through the edge, and ends in apply's state", async () => {
  const alone = await script(direct.url);
  const edged = await script(stack.edge.url);
  assert.deepEqual(edged.steps, alone.steps, `${stack.edge.log()}\n${stack.backend.log()}`);
  // Both ways the requests were decided, not waved through: refusals carry the library's codes.
  const codes = new Set(alone.steps.map((s) => s[2]).filter(Boolean));
  for (const c of ["unauthenticated", "not_a_member", "duplicate_key", "validation_failed", "forbidden", "invalid_json", "unknown_route", "slug_mismatch", "workspace_archived"]) {
    assert.ok(codes.has(c), `${c} in ${JSON.stringify(alone.steps)}`);
  }
  for (const side of [alone, edged]) {
    assert.ok(side.state, "the archive answered a state");
    assert.equal(side.state.workspace.status, "archived");
    assert.deepEqual(replay(side.commands), side.state, "apply in Node from the same commands");
  }
  console.log(`# agreement: ${alone.steps.length} steps, ${alone.commands.length} commands, identical both ways`);
});
