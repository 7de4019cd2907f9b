// prepareWorkspace(state) as a JavaScript user meets it (docs/rules/requests.md#prepared-workspaces):
// the same answers as the plain exports (every shared vector runs both ways in tests/js/vectors.mjs,
// on every host; here large workspaces and values JSON cannot carry), free() and Symbol.dispose, and
// a freed workspace refused with prepared_workspace_freed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { apply, authorize, capabilities, checkRequest, createWorkspace, prepareWorkspace, previewInvitation, WorkspaceRulesError } from "workspace-rules";
import { stateWith } from "../../bench/fixtures.mjs";

const ana = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
const now = "2026-11-22T10:00:00.000Z";
const ctx = { actor_id: ana, actor_email: "ana@example.com", now, account_role: "owner" };
const { state } = createWorkspace({ name: "Client A Support", environment: "production" }, ctx);
const path = `/v1/workspaces/${state.workspace.id}`;

/** The answer or the refusal, as JSON text. */
function outcome(f) {
  try {
    return JSON.stringify({ ok: f() });
  } catch (e) {
    assert.ok(e instanceof WorkspaceRulesError, String(e));
    return JSON.stringify({ error: { code: e.code, status: e.status, message: e.message, errors: e.errors } });
  }
}

const isFreed = (e) =>
  e instanceof WorkspaceRulesError && e.code === "prepared_workspace_freed" && e.status === 410 && e.errors.length === 1 && e.errors[0].path === "";

test("a prepared workspace answers as the plain exports, and refuses every call once freed", () => {
  const prepared = prepareWorkspace(state);
  const request = { method: "PATCH", path, body: { name: "" } };
  const actor = { user_id: ana };
  assert.equal(outcome(() => prepared.checkRequest(request, { actor, now })), outcome(() => checkRequest(request, { actor, state, now })));
  assert.equal(outcome(() => prepared.authorize(ana, "billing.manage")), outcome(() => authorize(state, ana, "billing.manage")));
  assert.equal(outcome(() => prepared.previewInvitation("nope", now)), outcome(() => previewInvitation(state, "nope", now)));
  const stranger = { ...ctx, actor_id: "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f99" };
  for (const c of [ctx, stranger, { ...ctx, now: "yesterday" }, null]) {
    assert.equal(outcome(() => prepared.capabilities(c)), outcome(() => capabilities(state, c)), JSON.stringify(c));
  }
  assert.equal(JSON.parse(outcome(() => prepared.capabilities(ctx))).ok.workspace["workspace.view"].allowed, true);
  // The context of a prepared check has no state: a state there is an unknown field.
  assert.throws(() => prepared.checkRequest(request, { actor, state, now }), (e) => e.code === "validation_failed" && e.errors[0].path === "/context/state");
  prepared.free();
  prepared.free(); // twice: nothing happens
  assert.throws(() => prepared.checkRequest(request, { actor, now }), isFreed);
  assert.throws(() => prepared.authorize(ana, "workspace.view"), isFreed);
  assert.throws(() => prepared.previewInvitation("x", now), isFreed);
  assert.throws(() => prepared.capabilities(ctx), isFreed);
});

test("Symbol.dispose frees it (for `using`)", { skip: typeof Symbol.dispose !== "symbol" }, () => {
  const prepared = prepareWorkspace(state);
  assert.equal(prepared[Symbol.dispose], prepared.free);
  prepared[Symbol.dispose]();
  assert.throws(() => prepared.authorize(ana, "workspace.view"), isFreed);
});

test("a malformed state is refused with every problem, at /state", () => {
  const broken = { ...state, workspace: { ...state.workspace, slug: "Bad Slug" }, members: [] };
  assert.throws(
    () => prepareWorkspace(broken),
    (e) => e.code === "invalid_state" && e.errors.map((p) => p.path).join() === "/state/workspace/slug,/state/members",
  );
  // Values JSON cannot carry take the export's own reader, as in the plain exports.
  const nan = { ...state, minutes: { ...state.minutes, used_seconds: NaN } };
  assert.equal(outcome(() => prepareWorkspace(nan)), outcome(() => previewInvitation(nan, "x", now)));
  assert.throws(() => prepareWorkspace(undefined), (e) => e.code === "invalid_state" && e.errors[0].path === "/state");
});

test("arguments JSON cannot carry are read by the method's own reader, with the plain export's refusal", () => {
  const prepared = prepareWorkspace(state);
  const request = { method: "PUT", path: `/v1/${state.workspace.id}/settings/voice`, body: { speed: NaN, tone: Symbol("t") } };
  const actor = { user_id: ana };
  assert.equal(outcome(() => prepared.checkRequest(request, { actor, now })), outcome(() => checkRequest(request, { actor, state, now })));
  assert.equal(outcome(() => prepared.authorize(10n, "workspace.view")), outcome(() => authorize(state, 10n, "workspace.view")));
  prepared.free();
});

test("each prepared workspace answers for its own state", () => {
  const other = createWorkspace({ name: "Client B", environment: "staging" }, { ...ctx, ids: ["3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e70"] }).state;
  const [a, b] = [prepareWorkspace(state), prepareWorkspace(other)];
  const get = (s) => ({ method: "GET", path: `/v1/workspaces/${s.workspace.id}` });
  assert.equal(a.checkRequest(get(state), { actor: { user_id: ana }, now }).allowed, true);
  assert.equal(a.checkRequest(get(other), { actor: { user_id: ana }, now }).error.code, "workspace_mismatch");
  assert.equal(b.checkRequest(get(other), { actor: { user_id: ana }, now }).allowed, true);
  a.free();
  assert.equal(b.authorize(ana, "workspace.view").allowed, true, "freeing one leaves the other");
  b.free();
});

test("10,000 members: every kind of member and invitation answers as the plain exports", () => {
  const big = stateWith({ createWorkspace }, 10_000);
  const prepared = prepareWorkspace(big);
  const invited = apply(big, { type: "invite_member", email: "new@example.com", role: "member" }, { ...ctx, actor_id: big.members[0].user_id, ids: ["3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e71"] }).state;
  const withInvitation = prepareWorkspace(invited);
  const id = big.workspace.id;
  const users = [big.members[0].user_id, big.members[1].user_id, big.members.at(-1).user_id, "not-a-member", ""];
  for (const user_id of users) {
    for (const request of [
      { method: "GET", path: `/v1/workspaces/${id}` },
      { method: "POST", path: `/v1/workspaces/${id}/archive`, body: { slug: big.workspace.slug } },
      { method: "DELETE", path: `/v1/workspaces/${id}/invitations/${invited.invitations[0].id}` },
    ]) {
      const context = { actor: { user_id }, now };
      assert.equal(outcome(() => withInvitation.checkRequest(request, context)), outcome(() => checkRequest(request, { ...context, state: invited })), `${user_id} ${request.path}`);
    }
    assert.equal(outcome(() => prepared.authorize(user_id, "members.remove")), outcome(() => authorize(big, user_id, "members.remove")));
  }
  const inv = invited.invitations[0].id;
  assert.equal(outcome(() => withInvitation.previewInvitation(inv, now)), outcome(() => previewInvitation(invited, inv, now)));
  prepared.free();
  withInvitation.free();
});
