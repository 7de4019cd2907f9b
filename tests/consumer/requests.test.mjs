// `docs/rules/lifecycle.md` and `docs/rules/requests.md` as a JavaScript user meets them: the lifecycle in order (provision → archive → 410), and
// checkRequest on hostile input: huge paths are answered, refusals never throw (their speed is in
// `npm run bench`, bench/run.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createWorkspace, apply, checkRequest, listWorkspaces, switchWorkspace, WorkspaceRulesError } from "workspace-rules";

const ana = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
const now = "2026-11-22T10:00:00.000Z";
const ctx = { actor_id: ana, actor_email: "ana@example.com", now, account_role: "owner" };

test("provision → archive → every command and request is 410, and the workspace leaves the list", () => {
  const { state } = createWorkspace({ name: "Client A Support", environment: "production" }, ctx);
  const provisioned = apply(state, { type: "provision" }, ctx);
  assert.equal(provisioned.state.workspace.provisioned_at, now);
  assert.deepEqual(apply(provisioned.state, { type: "provision" }, ctx).events, []);
  const archived = apply(provisioned.state, { type: "archive", slug: "client-a-support" }, ctx).state;
  assert.throws(() => apply(archived, { type: "provision" }, ctx), (e) => e instanceof WorkspaceRulesError && e.status === 410);
  const decision = checkRequest({ method: "GET", path: `/v1/workspaces/${archived.workspace.id}` }, { actor: { user_id: ana }, state: archived, now });
  assert.deepEqual([decision.allowed, decision.status, decision.error.code], [false, 410, "workspace_archived"]);
  const other = createWorkspace({ name: "Client B", environment: "staging" }, ctx).state.workspace;
  const memberships = [{ workspace: archived.workspace, role: "owner", status: "active" }, { workspace: other, role: "admin", status: "active" }];
  assert.deepEqual(listWorkspaces(memberships), [{ workspace: other, role: "admin" }]);
  assert.throws(() => switchWorkspace(memberships, archived.workspace.id), (e) => e.code === "workspace_archived");
  assert.equal(switchWorkspace(memberships, other.id).role, "admin");
});

test("huge and hostile paths are answered at once, never thrown", () => {
  const { state } = createWorkspace({ name: "Client A Support", environment: "production" }, ctx);
  const context = { actor: { user_id: ana }, state, now };
  for (const path of ["/" + "a/".repeat(50_000), `/v1/workspaces/${"%".repeat(100_000)}`, "/v1/" + "x".repeat(1 << 20), "", "?", "//", "/v1/workspaces/%F0%28"]) {
    const d = checkRequest({ method: "GET", path }, context);
    assert.deepEqual([d.allowed, d.status, d.action, d.error.code], [false, 404, null, "unknown_route"]);
  }
});
