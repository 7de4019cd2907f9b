// The command API as a JavaScript user meets it: the worked example of docs/guides/javascript.md
// (invite → preview → accept), random ids from the platform's crypto, and refusals that leave the input untouched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createWorkspace, apply, previewInvitation, invitationStatus, WorkspaceRulesError } from "workspace-rules";

const ana = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
const bo = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02";
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test("the worked example of docs/guides/javascript.md: invite → preview → accept", () => {
  const now = "2026-11-22T10:00:00.000Z";
  const { state } = createWorkspace(
    { name: "Client A Support", environment: "production" },
    { actor_id: ana, actor_email: "ana@example.com", now, account_role: "owner" },
  );
  assert.equal(state.workspace.slug, "client-a-support");

  const invited = apply(state, { type: "invite_member", email: " Bo@Example.com ", role: "admin" }, { actor_id: ana, now });
  const invitation = invited.state.invitations[0];
  assert.equal(invitation.email, "bo@example.com");
  assert.equal(invitation.expires_at, "2026-11-29T10:00:00.000Z");
  assert.deepEqual(invited.events.map((e) => e.type), ["workspace.invitation_sent"]);

  const preview = previewInvitation(invited.state, invitation.id, "2026-11-23T08:00:00Z");
  assert.deepEqual(preview, { workspace_name: "Client A Support", role: "admin", expires_at: "2026-11-29T10:00:00.000Z", status: "pending" });

  const accepted = apply(
    invited.state,
    { type: "accept_invitation", invitation_id: invitation.id, user_id: bo, display_name: "Bo" },
    { actor_id: bo, actor_email: "bo@example.com", now: "2026-11-23T08:00:00Z" },
  );
  assert.deepEqual(accepted.state.members.map((m) => [m.display_name, m.role]), [[null, "owner"], ["Bo", "admin"]]);
  assert.deepEqual(accepted.events.map((e) => e.type), ["workspace.invitation_accepted", "workspace.member_added"]);
  assert.equal(invitationStatus(accepted.state.invitations[0], now), "accepted");
});

test("without ctx.ids, new ids are random v4 UUIDs from the platform's crypto", () => {
  const ctx = { actor_id: ana, actor_email: "ana@example.com", now: "2026-11-22T10:00:00Z", account_role: "owner" };
  const a = createWorkspace({ name: "One", environment: "staging" }, ctx).state.workspace.id;
  const b = createWorkspace({ name: "Two", environment: "staging" }, ctx).state.workspace.id;
  assert.match(a, uuidV4);
  assert.match(b, uuidV4);
  assert.notEqual(a, b);
});

test("a refusal throws and leaves the caller's state untouched", () => {
  const { state } = createWorkspace(
    { name: "Client A Support", environment: "production" },
    { actor_id: ana, actor_email: "ana@example.com", now: "2026-11-22T10:00:00Z", account_role: "owner", ids: ["3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f"] },
  );
  const before = JSON.stringify(state);
  assert.throws(
    () => apply(state, { type: "leave_workspace" }, { actor_id: ana, now: "2026-11-22T10:00:00Z" }),
    (e) => e instanceof WorkspaceRulesError && e.code === "last_owner" && e.status === 409,
  );
  assert.equal(JSON.stringify(state), before);
});
