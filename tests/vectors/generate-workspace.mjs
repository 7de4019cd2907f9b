// Generates membership.json, invitations.json, commands.json and voice_command.json: the shared vectors of
// `docs/rules/roles.md` (rules on top of the matrix), `docs/rules/workspace.md` (state validation), `docs/rules/invitations.md`
// (invitations) and `docs/rules/commands.md` (commands and events, update_voice_settings among them).
//
// Expected answers are written here from the spec, independently of the Rust code: each case states
// the input state and the exact output (the state the spec says results, as a copy of the input with
// the changes spelled out, and the events with their fields in wire order).
//   node tests/vectors/generate-workspace.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

// ---- fixtures ----
const WS = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f";
const ANA = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01"; // owner
const BO = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02"; // admin
const CY = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f03"; // member
const DEE = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f04"; // deactivated member
const EVE = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f05"; // invited (eve@example.com), not a member yet
const STRANGER = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f99";
const INV_EVE = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60001"; // pending, member
const INV_FAY = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60002"; // pending, admin
const INV_GUS = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60003"; // pending, owner
const INV_HAL = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60004"; // declined, member
const INV_DEE = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60005"; // pending, admin, for the deactivated Dee
const NEW_ID = "0f8e7d6c-5b4a-4398-8776-655443322110";
const NOW = "2026-11-22T10:00:00.000Z";
const NOW_PLUS_7 = "2026-11-29T10:00:00.000Z";
const SENT = "2026-11-20T09:00:00.000Z";
const EXPIRES = "2026-11-27T09:00:00.000Z";

const member = (user_id, email, display_name, role, status = "active", joined_at = "2026-01-10T08:00:00.000Z") => ({
  user_id, email, display_name, role, status, joined_at,
});
const invitation = (id, email, role, status = "pending", extra = {}) => ({
  id, email, role, status, invited_by: ANA, sent_at: SENT, expires_at: EXPIRES, responded_at: null, ...extra,
});

function baseState() {
  return {
    workspace: {
      id: WS, name: "Client A Support", slug: "client-a-support", environment: "production",
      description: null, backend_org_id: null, is_default: false, status: "active", provisioned_at: null,
      created_at: "2026-01-10T08:00:00Z", archived_at: null,
    },
    members: [
      member(ANA, "ana@example.com", "Ana", "owner"),
      member(BO, "bo@example.com", "Bo", "admin"),
      member(CY, "cy@example.com", "Cy", "member"),
      member(DEE, "dee@example.com", "Dee", "member", "deactivated"),
    ],
    invitations: [
      invitation(INV_EVE, "eve@example.com", "member"),
      invitation(INV_FAY, "fay@example.com", "admin"),
      invitation(INV_GUS, "gus@example.com", "owner"),
      invitation(INV_HAL, "hal@example.com", "member", "declined", { responded_at: "2026-11-21T12:00:00+02:00" }),
      invitation(INV_DEE, "Dee@Example.com", "admin"),
    ],
    settings: {
      language: "en", outbound_enabled: true, integration_version: "v2",
      default_llm: null, default_stt_provider: null, default_tts_provider: null,
    },
    voice_settings: { tone: "calm", speed: 1.1 },
    test_caller_numbers: ["+14155550100"],
    minutes: { allocations: [], used_seconds: 0 },
    credits: null,
  };
}

const clone = (x) => JSON.parse(JSON.stringify(x));
const edit = (f) => { const s = baseState(); f(s); return s; };
const ctx = (actor_id, extra = {}) => ({ actor_id, now: NOW, ...extra });
const ok = (state, events) => ({ ok: { state, events } });
const err = (code, status, errors) => ({ error: { code, status, errors: errors.map(([c, path]) => ({ code: c, path })) } });
const one = (code, status, path) => err(code, status, [[code, path]]);
const event = (type, actor_id, fields = {}, metadata = {}, at = NOW) => {
  const e = { type, workspace_id: WS, actor_id };
  for (const k of ["target_id", "role", "previous_role"]) if (k in fields) e[k] = fields[k];
  e.at = at;
  e.metadata = metadata;
  return e;
};
const apply = (name, state, command, context, expect) => ({ name, call: "apply", args: [state, command, context], expect });

// ---- membership (`docs/rules/roles.md` rules 1–7, remove, leave, change_role) ----
const membership = [];
{
  const s = baseState();
  membership.push(apply("owner promotes a member to admin", s, { type: "change_role", user_id: CY, role: "admin" }, ctx(ANA),
    ok(edit((x) => (x.members[2].role = "admin")), [event("workspace.member_role_updated", ANA, { target_id: CY, role: "admin", previous_role: "member" })])));
  membership.push(apply("admin grants admin (its own rank)", s, { type: "change_role", user_id: CY, role: "admin" }, ctx(BO),
    ok(edit((x) => (x.members[2].role = "admin")), [event("workspace.member_role_updated", BO, { target_id: CY, role: "admin", previous_role: "member" })])));
  membership.push(apply("owner makes an admin an owner", s, { type: "change_role", user_id: BO, role: "owner" }, ctx(ANA),
    ok(edit((x) => (x.members[1].role = "owner")), [event("workspace.member_role_updated", ANA, { target_id: BO, role: "owner", previous_role: "admin" })])));
  membership.push(apply("the same role again changes nothing and emits nothing", s, { type: "change_role", user_id: CY, role: "member" }, ctx(ANA), ok(baseState(), [])));
  membership.push(apply("rule 1: an admin cannot grant owner", s, { type: "change_role", user_id: CY, role: "owner" }, ctx(BO), one("cannot_grant_higher_role", 403, "/command/role")));
  membership.push(apply("rule 1: an admin cannot promote itself to owner", s, { type: "change_role", user_id: BO, role: "owner" }, ctx(BO), one("cannot_grant_higher_role", 403, "/command/role")));
  membership.push(apply("rule 2: an admin cannot demote an owner", s, { type: "change_role", user_id: ANA, role: "member" }, ctx(BO), one("cannot_modify_higher_role", 403, "/command/user_id")));
  membership.push(apply("a member cannot change roles", s, { type: "change_role", user_id: CY, role: "member" }, ctx(CY), one("forbidden", 403, "")));
  membership.push(apply("rule 3: the last owner cannot be demoted", s, { type: "change_role", user_id: ANA, role: "admin" }, ctx(ANA), one("last_owner", 409, "/command/user_id")));
  const twoOwners = edit((x) => (x.members[1].role = "owner"));
  membership.push(apply("with a second owner, an owner may step down", twoOwners, { type: "change_role", user_id: ANA, role: "admin" }, ctx(ANA),
    ok(edit((x) => { x.members[1].role = "owner"; x.members[0].role = "admin"; }), [event("workspace.member_role_updated", ANA, { target_id: ANA, role: "admin", previous_role: "owner" })])));
  membership.push(apply("an unknown user is member_not_found", s, { type: "change_role", user_id: STRANGER, role: "member" }, ctx(ANA), one("member_not_found", 404, "/command/user_id")));
  membership.push(apply("a deactivated member is member_not_found", s, { type: "change_role", user_id: DEE, role: "admin" }, ctx(ANA), one("member_not_found", 404, "/command/user_id")));
  membership.push(apply("rule 7: an unknown role is an error, never ignored", s, { type: "change_role", user_id: CY, role: "boss" }, ctx(ANA),
    err("validation_failed", 422, [["unknown_role", "/command/role"]])));

  membership.push(apply("an admin removes a member (deactivated, record kept)", s, { type: "remove_member", user_id: CY }, ctx(BO),
    ok(edit((x) => (x.members[2].status = "deactivated")), [event("workspace.member_removed", BO, { target_id: CY, role: "member" }, { left: false })])));
  membership.push(apply("an admin removes another admin", edit((x) => (x.members[2].role = "admin")), { type: "remove_member", user_id: CY }, ctx(BO),
    ok(edit((x) => { x.members[2].role = "admin"; x.members[2].status = "deactivated"; }), [event("workspace.member_removed", BO, { target_id: CY, role: "admin" }, { left: false })])));
  membership.push(apply("rule 2: an admin cannot remove an owner", s, { type: "remove_member", user_id: ANA }, ctx(BO), one("cannot_modify_higher_role", 403, "/command/user_id")));
  membership.push(apply("rule 3: the last owner cannot be removed", s, { type: "remove_member", user_id: ANA }, ctx(ANA), one("last_owner", 409, "/command/user_id")));
  membership.push(apply("a member cannot remove anyone", s, { type: "remove_member", user_id: BO }, ctx(CY), one("forbidden", 403, "")));
  membership.push(apply("removing a deactivated member is member_not_found", s, { type: "remove_member", user_id: DEE }, ctx(ANA), one("member_not_found", 404, "/command/user_id")));

  membership.push(apply("rule 4: a member leaves without members.remove", s, { type: "leave_workspace" }, ctx(CY),
    ok(edit((x) => (x.members[2].status = "deactivated")), [event("workspace.member_removed", CY, { target_id: CY, role: "member" }, { left: true })])));
  membership.push(apply("rule 3: the last owner cannot leave", s, { type: "leave_workspace" }, ctx(ANA), one("last_owner", 409, "/ctx/actor_id")));
  membership.push(apply("an owner leaves when another owner remains", twoOwners, { type: "leave_workspace" }, ctx(ANA),
    ok(edit((x) => { x.members[1].role = "owner"; x.members[0].status = "deactivated"; }), [event("workspace.member_removed", ANA, { target_id: ANA, role: "owner" }, { left: true })])));

  membership.push(apply("a non-member is not_a_member, not forbidden", s, { type: "remove_member", user_id: CY }, ctx(STRANGER), one("not_a_member", 404, "/ctx/actor_id")));
  membership.push(apply("rule 5: a deactivated member has no permissions at all", s, { type: "leave_workspace" }, ctx(DEE), one("not_a_member", 404, "/ctx/actor_id")));
  const archived = edit((x) => { x.workspace.status = "archived"; x.workspace.archived_at = "2026-11-01T00:00:00Z"; });
  membership.push(apply("rule 6: an archived workspace allows nothing, even to its owner", archived, { type: "change_role", user_id: CY, role: "admin" }, ctx(ANA), one("workspace_archived", 410, "")));
  membership.push(apply("rule 6: nobody leaves an archived workspace", archived, { type: "leave_workspace" }, ctx(CY), one("workspace_archived", 410, "")));
  membership.push(apply("check order: a non-member of an archived workspace learns nothing (not_a_member)", archived, { type: "leave_workspace" }, ctx(STRANGER), one("not_a_member", 404, "/ctx/actor_id")));
  membership.push(apply("check order: archived comes before the permission check", archived, { type: "remove_member", user_id: BO }, ctx(CY), one("workspace_archived", 410, "")));
  membership.push(apply("check order: permission before the target is looked up", s, { type: "remove_member", user_id: STRANGER }, ctx(CY), one("forbidden", 403, "")));
}

// ---- invitations (`docs/rules/invitations.md`) ----
const invitations = [];
{
  const s = baseState();
  const sent = (actor, id, role, resent) => event("workspace.invitation_sent", actor, { role }, { resent, invitation_id: id });
  invitations.push(apply("an admin invites a new email (normalized, 7-day expiry, id from ctx.ids)", s,
    { type: "invite_member", email: "  Zed@Example.COM ", role: "member" }, ctx(BO, { ids: [NEW_ID] }),
    ok(edit((x) => x.invitations.push({ id: NEW_ID, email: "zed@example.com", role: "member", status: "pending", invited_by: BO, sent_at: NOW, expires_at: NOW_PLUS_7, responded_at: null })),
      [sent(BO, NEW_ID, "member", false)])));
  {
    // Unicode lowercasing as JavaScript's toLowerCase (the generator computes the expectation with it):
    // İ → i + combining dot, Σ → ς where it ends a word (before `@`), σ elsewhere (before `.` + letter).
    const email = " Ana.ΟΔΟΣ@İstanbul.ΣΑΣ.Example.COM ";
    const normalized = email.trim().toLowerCase();
    invitations.push(apply("an email is lowercased in Unicode as toLowerCase does (İ, final sigma)", s,
      { type: "invite_member", email, role: "member" }, ctx(BO, { ids: [NEW_ID] }),
      ok(edit((x) => x.invitations.push({ id: NEW_ID, email: normalized, role: "member", status: "pending", invited_by: BO, sent_at: NOW, expires_at: NOW_PLUS_7, responded_at: null })),
        [sent(BO, NEW_ID, "member", false)])));
  }
  invitations.push(apply("now in another offset: written as UTC with milliseconds", s,
    { type: "invite_member", email: "zed@example.com", role: "admin" }, { actor_id: ANA, now: "2026-11-22T12:00:00.5+02:00", ids: [NEW_ID] },
    ok(edit((x) => x.invitations.push({ id: NEW_ID, email: "zed@example.com", role: "admin", status: "pending", invited_by: ANA, sent_at: "2026-11-22T10:00:00.500Z", expires_at: "2026-11-29T10:00:00.500Z", responded_at: null })),
      [event("workspace.invitation_sent", ANA, { role: "admin" }, { resent: false, invitation_id: NEW_ID }, "2026-11-22T10:00:00.500Z")])));
  invitations.push(apply("expiry crosses a month and a year", s,
    { type: "invite_member", email: "zed@example.com", role: "member" }, { actor_id: ANA, now: "2026-12-28T23:30:00Z", ids: [NEW_ID] },
    ok(edit((x) => x.invitations.push({ id: NEW_ID, email: "zed@example.com", role: "member", status: "pending", invited_by: ANA, sent_at: "2026-12-28T23:30:00.000Z", expires_at: "2027-01-04T23:30:00.000Z", responded_at: null })),
      [event("workspace.invitation_sent", ANA, { role: "member" }, { resent: false, invitation_id: NEW_ID }, "2026-12-28T23:30:00.000Z")])));
  invitations.push(apply("resend: the same id, pending, new role, new expiry, resent: true", s,
    { type: "invite_member", email: "EVE@example.com", role: "admin" }, ctx(BO, { ids: [NEW_ID] }),
    ok(edit((x) => Object.assign(x.invitations[0], { role: "admin", invited_by: BO, sent_at: NOW, expires_at: NOW_PLUS_7 })),
      [sent(BO, INV_EVE, "admin", true)])));
  invitations.push(apply("resend reactivates a declined invitation", s,
    { type: "invite_member", email: "hal@example.com", role: "member" }, ctx(ANA),
    ok(edit((x) => Object.assign(x.invitations[3], { status: "pending", sent_at: NOW, expires_at: NOW_PLUS_7, responded_at: null })),
      [sent(ANA, INV_HAL, "member", true)])));
  const fresh = edit((x) => Object.assign(x.invitations[0], { sent_at: NOW, expires_at: NOW_PLUS_7 }));
  invitations.push(apply("resending an identical invitation at the same instant changes nothing and emits nothing", fresh,
    { type: "invite_member", email: "eve@example.com", role: "member" }, ctx(ANA), ok(clone(fresh), [])));
  invitations.push(apply("rule 1: an admin cannot invite an owner", s, { type: "invite_member", email: "zed@example.com", role: "owner" }, ctx(BO), one("cannot_grant_higher_role", 403, "/command/role")));
  invitations.push(apply("inviting an active member is already_member (emails compared normalized)", s, { type: "invite_member", email: " CY@example.com", role: "admin" }, ctx(ANA), one("already_member", 409, "/command/email")));
  invitations.push(apply("a member cannot invite", s, { type: "invite_member", email: "zed@example.com", role: "member" }, ctx(CY), one("forbidden", 403, "")));
  invitations.push(apply("an email that does not look like an address", s, { type: "invite_member", email: "zed@localhost", role: "member" }, ctx(ANA),
    err("validation_failed", 422, [["invalid_email", "/command/email"]])));
  invitations.push(apply("every problem of a command at once", s, { type: "invite_member", email: "a b@example.com", role: "boss", extra: 1 }, ctx(ANA),
    err("validation_failed", 422, [["unknown_field", "/command/extra"], ["invalid_email", "/command/email"], ["unknown_role", "/command/role"]])));
  invitations.push(apply("a non-member cannot invite", s, { type: "invite_member", email: "zed@example.com", role: "member" }, ctx(STRANGER), one("not_a_member", 404, "/ctx/actor_id")));

  const revoked = (actor, id, role) => event("workspace.invitation_revoked", actor, { role }, { invitation_id: id });
  invitations.push(apply("an admin revokes a pending invitation", s, { type: "revoke_invitation", invitation_id: INV_FAY }, ctx(BO),
    ok(edit((x) => (x.invitations[1].status = "revoked")), [revoked(BO, INV_FAY, "admin")])));
  invitations.push(apply("an expired pending invitation can still be revoked", s, { type: "revoke_invitation", invitation_id: INV_EVE }, ctx(ANA, { now: "2026-12-01T00:00:00Z" }),
    ok(edit((x) => (x.invitations[0].status = "revoked")), [event("workspace.invitation_revoked", ANA, { role: "member" }, { invitation_id: INV_EVE }, "2026-12-01T00:00:00.000Z")])));
  invitations.push(apply("an admin cannot revoke an owner's invitation", s, { type: "revoke_invitation", invitation_id: INV_GUS }, ctx(BO), one("cannot_modify_higher_role", 403, "/command/invitation_id")));
  invitations.push(apply("only a pending invitation can be revoked", s, { type: "revoke_invitation", invitation_id: INV_HAL }, ctx(ANA), one("invitation_not_pending", 409, "/command/invitation_id")));
  invitations.push(apply("revoking an unknown invitation", s, { type: "revoke_invitation", invitation_id: NEW_ID }, ctx(ANA), one("invitation_not_found", 404, "/command/invitation_id")));
  invitations.push(apply("a member cannot revoke", s, { type: "revoke_invitation", invitation_id: INV_EVE }, ctx(CY), one("forbidden", 403, "")));

  const accepted = (user, id, role, reactivated) => [
    event("workspace.invitation_accepted", user, { target_id: user, role }, { invitation_id: id }),
    event("workspace.member_added", user, { target_id: user, role }, { reactivated }),
  ];
  invitations.push(apply("the invitee accepts (verified email compared normalized): a new member", s,
    { type: "accept_invitation", invitation_id: INV_EVE, user_id: EVE, display_name: "  Eve " }, ctx(EVE, { actor_email: "Eve@Example.com " }),
    ok(edit((x) => {
      Object.assign(x.invitations[0], { status: "accepted", responded_at: NOW });
      x.members.push(member(EVE, "eve@example.com", "Eve", "member", "active", NOW));
    }), accepted(EVE, INV_EVE, "member", false))));
  invitations.push(apply("accepting reactivates a deactivated member with the invitation's role", s,
    { type: "accept_invitation", invitation_id: INV_DEE, user_id: DEE }, ctx(DEE, { actor_email: "dee@example.com" }),
    ok(edit((x) => {
      Object.assign(x.invitations[4], { status: "accepted", responded_at: NOW });
      Object.assign(x.members[3], { role: "admin", status: "active", joined_at: NOW });
    }), accepted(DEE, INV_DEE, "admin", true))));
  invitations.push(apply("someone else's email is email_mismatch", s, { type: "accept_invitation", invitation_id: INV_EVE, user_id: EVE }, ctx(EVE, { actor_email: "mallory@example.com" }), one("email_mismatch", 403, "/ctx/actor_email")));
  // Issue 22: no verified email (ctx.actor_email absent or null) is a problem of the input, not a
  // mismatch: validation_failed with invalid_type at /ctx/actor_email, found with the context's and the
  // command's other problems (the context's first), before the workspace and the invitation are looked at.
  const NEEDS_EMAIL = "The verified email of the actor (ctx.actor_email) is needed to accept or decline an invitation.";
  invitations.push(apply("no verified email is validation_failed at /ctx/actor_email, not email_mismatch", s, { type: "accept_invitation", invitation_id: INV_EVE, user_id: EVE }, ctx(EVE),
    { error: { code: "validation_failed", status: 422, errors: [{ code: "invalid_type", path: "/ctx/actor_email", message: NEEDS_EMAIL }] } }));
  invitations.push(apply("actor_email null is no verified email either", s, { type: "accept_invitation", invitation_id: INV_EVE, user_id: EVE }, ctx(EVE, { actor_email: null }),
    err("validation_failed", 422, [["invalid_type", "/ctx/actor_email"]])));
  invitations.push(apply("no verified email: listed with the command's problems, the context's first", s, { type: "accept_invitation", invitation_id: "eve's", user_id: EVE, colour: 1 }, ctx(EVE),
    err("validation_failed", 422, [["invalid_type", "/ctx/actor_email"], ["unknown_field", "/command/colour"], ["invalid_value", "/command/invitation_id"]])));
  invitations.push(apply("no verified email comes before looking for the invitation", s, { type: "accept_invitation", invitation_id: NEW_ID, user_id: EVE }, ctx(EVE),
    err("validation_failed", 422, [["invalid_type", "/ctx/actor_email"]])));
  // `docs/rules/commands.md#ids`: an id of ctx.ids that names any record of the workspace is id_in_use.
  for (const [what, id] of [["an invitation's id", INV_FAY], ["a deactivated member's user id", DEE], ["the workspace's own id", WS]]) {
    invitations.push(apply(`ids: ${what} in ctx.ids is id_in_use`, s,
      { type: "invite_member", email: "zed@example.com", role: "member" }, ctx(ANA, { ids: [id] }), one("id_in_use", 409, "/ctx/ids/0")));
  }
  // Only the ids a command takes are looked at: one left over names nothing in the answer.
  invitations.push(apply("ids: an id in use that the command does not take is not looked at", s,
    { type: "invite_member", email: "zed@example.com", role: "member" }, ctx(ANA, { ids: [NEW_ID, INV_EVE] }),
    ok(edit((x) => x.invitations.push({ id: NEW_ID, email: "zed@example.com", role: "member", status: "pending", invited_by: ANA, sent_at: NOW, expires_at: NOW_PLUS_7, responded_at: null })),
      [sent(ANA, NEW_ID, "member", false)])));
  {
    // `docs/rules/invitations.md` "Two spellings match only by case": the Kelvin sign K (U+212A) is not K.
    const KIM = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f06";
    const INV_KIM = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60006";
    const withKim = edit((x) => x.invitations.push(invitation(INV_KIM, "kim@example.com", "member")));
    const accept = { type: "accept_invitation", invitation_id: INV_KIM, user_id: KIM };
    invitations.push(apply("a verified email spelled with the Kelvin sign is not kim@example.com: email_mismatch", withKim,
      accept, ctx(KIM, { actor_email: "\u212Aim@example.com" }), one("email_mismatch", 403, "/ctx/actor_email")));
    const kimAccepted = clone(withKim);
    Object.assign(kimAccepted.invitations[5], { status: "accepted", responded_at: NOW });
    kimAccepted.members.push(member(KIM, "kim@example.com", null, "member", "active", NOW));
    invitations.push(apply("KIM@example.com is kim@example.com (case only): accepted", withKim,
      accept, ctx(KIM, { actor_email: "KIM@example.com" }), ok(kimAccepted, accepted(KIM, INV_KIM, "member", false))));
    invitations.push(apply("an invited email with a Kelvin sign is kept as given (not lowercased into ASCII)", s,
      { type: "invite_member", email: "\u212Aim@example.com", role: "member" }, ctx(ANA, { ids: [NEW_ID] }),
      ok(edit((x) => x.invitations.push({ id: NEW_ID, email: "\u212Aim@example.com", role: "member", status: "pending", invited_by: ANA, sent_at: NOW, expires_at: NOW_PLUS_7, responded_at: null })),
        [sent(ANA, NEW_ID, "member", false)])));
  }
  // `docs/rules/invitations.md`: no control or format character in an email given now.
  for (const [what, email] of [["a zero-width space", "eve\u200B@example.com"], ["a direction override", "eve\u202E@example.com"], ["a NUL", "eve\u0000@example.com"]]) {
    invitations.push(apply(`an email with ${what} is invalid_email`, s, { type: "invite_member", email, role: "member" }, ctx(ANA, { ids: [NEW_ID] }),
      err("validation_failed", 422, [["invalid_email", "/command/email"]])));
  }
  // `docs/rules/workspace.md#fields`: a display name given now holds no invisible or layout character.
  invitations.push(apply("a display name with a right-to-left override is invalid_value", s,
    { type: "accept_invitation", invitation_id: INV_EVE, user_id: EVE, display_name: "Eve\u202Egnp.exe" }, ctx(EVE, { actor_email: "eve@example.com" }),
    err("validation_failed", 422, [["invalid_value", "/command/display_name"]])));
  invitations.push(apply("at now == expires_at the invitation is already expired", s, { type: "accept_invitation", invitation_id: INV_EVE, user_id: EVE }, ctx(EVE, { actor_email: "eve@example.com", now: EXPIRES }), one("invitation_expired", 410, "/command/invitation_id")));
  invitations.push(apply("one millisecond before expiry it is still valid", s, { type: "decline_invitation", invitation_id: INV_EVE }, ctx(EVE, { actor_email: "eve@example.com", now: "2026-11-27T11:59:59.999+03:00" }),
    ok(edit((x) => Object.assign(x.invitations[0], { status: "declined", responded_at: "2026-11-27T08:59:59.999Z" })),
      [event("workspace.invitation_declined", EVE, { role: "member" }, { invitation_id: INV_EVE }, "2026-11-27T08:59:59.999Z")])));
  invitations.push(apply("a declined invitation cannot be accepted", s, { type: "accept_invitation", invitation_id: INV_HAL, user_id: STRANGER }, ctx(STRANGER, { actor_email: "hal@example.com" }), one("invitation_not_pending", 409, "/command/invitation_id")));
  invitations.push(apply("an invitation is accepted only for yourself", s, { type: "accept_invitation", invitation_id: INV_EVE, user_id: STRANGER }, ctx(EVE, { actor_email: "eve@example.com" }), one("forbidden", 403, "/command/user_id")));
  invitations.push(apply("an active member cannot accept again", edit((x) => (x.invitations[0].email = "cy@example.com")), { type: "accept_invitation", invitation_id: INV_EVE, user_id: CY }, ctx(CY, { actor_email: "cy@example.com" }), one("already_member", 409, "/command/user_id")));
  invitations.push(apply("accepting an unknown invitation", s, { type: "accept_invitation", invitation_id: NEW_ID, user_id: EVE }, ctx(EVE, { actor_email: "eve@example.com" }), one("invitation_not_found", 404, "/command/invitation_id")));
  const archived = edit((x) => { x.workspace.status = "archived"; x.workspace.archived_at = "2026-11-21T00:00:00Z"; });
  invitations.push(apply("no invitation can be accepted in an archived workspace", archived, { type: "accept_invitation", invitation_id: INV_EVE, user_id: EVE }, ctx(EVE, { actor_email: "eve@example.com" }), one("workspace_archived", 410, "")));
  invitations.push(apply("no verified email comes before the archived workspace", archived, { type: "decline_invitation", invitation_id: INV_EVE }, ctx(EVE),
    err("validation_failed", 422, [["invalid_type", "/ctx/actor_email"]])));
  invitations.push(apply("the invitee declines", s, { type: "decline_invitation", invitation_id: INV_FAY }, ctx(STRANGER, { actor_email: "fay@example.com" }),
    ok(edit((x) => Object.assign(x.invitations[1], { status: "declined", responded_at: NOW })),
      [event("workspace.invitation_declined", STRANGER, { role: "admin" }, { invitation_id: INV_FAY })])));
  invitations.push(apply("declining needs the invited email", s, { type: "decline_invitation", invitation_id: INV_FAY }, ctx(BO, { actor_email: "bo@example.com" }), one("email_mismatch", 403, "/ctx/actor_email")));
  invitations.push(apply("declining without a verified email is validation_failed at /ctx/actor_email", s, { type: "decline_invitation", invitation_id: INV_FAY }, ctx(STRANGER),
    { error: { code: "validation_failed", status: 422, errors: [{ code: "invalid_type", path: "/ctx/actor_email", message: NEEDS_EMAIL }] } }));
  invitations.push(apply("declining an expired invitation", s, { type: "decline_invitation", invitation_id: INV_FAY }, ctx(STRANGER, { actor_email: "fay@example.com", now: "2026-12-01T00:00:00Z" }), one("invitation_expired", 410, "/command/invitation_id")));

  const status = (name, inv, now, expect) => invitations.push({ name: `invitationStatus: ${name}`, call: "invitationStatus", args: [inv, now], expect });
  const pending = invitation(INV_EVE, "eve@example.com", "member");
  status("pending before expiry", pending, NOW, { ok: "pending" });
  status("expired at exactly expires_at", pending, EXPIRES, { ok: "expired" });
  status("expired at the same instant in another offset", pending, "2026-11-27T10:00:00+01:00", { ok: "expired" });
  status("pending one nanosecond before", pending, "2026-11-27T08:59:59.999999999Z", { ok: "pending" });
  status("accepted stays accepted after expiry", { ...pending, status: "accepted", responded_at: NOW }, "2027-01-01T00:00:00Z", { ok: "accepted" });
  status("revoked", { ...pending, status: "revoked" }, NOW, { ok: "revoked" });
  status("a malformed now and an unknown status", { ...pending, status: "expired" }, "tomorrow",
    err("validation_failed", 422, [["invalid_value", "/invitation/status"], ["invalid_value", "/now"]]));

  const preview = (name, state, id, now, expect) => invitations.push({ name: `previewInvitation: ${name}`, call: "previewInvitation", args: [state, id, now], expect });
  preview("only name, role, expiry and status", s, INV_FAY, NOW, { ok: { workspace_name: "Client A Support", role: "admin", expires_at: EXPIRES, status: "pending" } });
  preview("a pending invitation past its expiry reads expired", s, INV_FAY, "2026-11-28T00:00:00Z", { ok: { workspace_name: "Client A Support", role: "admin", expires_at: EXPIRES, status: "expired" } });
  preview("a declined invitation", s, INV_HAL, NOW, { ok: { workspace_name: "Client A Support", role: "member", expires_at: EXPIRES, status: "declined" } });
  preview("an unknown id", s, NEW_ID, NOW, one("invitation_not_found", 404, "/invitation_id"));
  preview("an archived workspace", archived, INV_FAY, NOW, one("workspace_archived", 410, ""));
}

// ---- commands (`docs/rules/workspace.md` state validation, `docs/rules/commands.md` engine, createWorkspace, update_workspace) ----
const commands = [];
{
  const s = baseState();
  commands.push(apply("update_workspace: name trimmed, environment, description; metadata.changed in wire order", s,
    { type: "update_workspace", description: "Support line for Client A", name: "  Client A Care ", environment: "staging" }, ctx(BO),
    ok(edit((x) => Object.assign(x.workspace, { name: "Client A Care", environment: "staging", description: "Support line for Client A" })),
      [event("workspace.updated", BO, {}, { changed: ["name", "environment", "description"] })])));
  commands.push(apply("update_workspace: equal values change nothing and emit nothing", s,
    { type: "update_workspace", name: "Client A Support", description: null }, ctx(ANA), ok(baseState(), [])));
  commands.push(apply("update_workspace: description null clears it", edit((x) => (x.workspace.description = "old")),
    { type: "update_workspace", description: null }, ctx(ANA), ok(baseState(), [event("workspace.updated", ANA, {}, { changed: ["description"] })])));
  commands.push(apply("update_workspace: a member may not", s, { type: "update_workspace", name: "X" }, ctx(CY), one("forbidden", 403, "")));
  commands.push(apply("update_workspace: every problem", s,
    { type: "update_workspace", name: "x".repeat(101), environment: "prod", description: "d".repeat(501) }, ctx(ANA),
    err("validation_failed", 422, [["too_long", "/command/name"], ["invalid_value", "/command/environment"], ["too_long", "/command/description"]])));
  commands.push(apply("update_workspace: an empty name after trimming, a control character", s,
    { type: "update_workspace", name: "   " }, ctx(ANA), err("validation_failed", 422, [["empty_value", "/command/name"]])));
  // `docs/rules/workspace.md#fields`: names given now hold no format character and no separator but U+0020;
  // ZWNJ/ZWJ only between two visible characters; a stored name is read with the first rule alone.
  for (const [what, name] of [
    ["a zero-width space", "Client\u200BA"], ["a no-break space", "Client\u00A0A"], ["a line separator", "Client\u2028A"],
    ["a BOM", "\uFEFFClient A"], ["a soft hyphen", "Cli\u00ADent"], ["a ZWJ at the end", "Client A\u200D"], ["a ZWNJ next to a space", "Client \u200CA"],
  ]) {
    commands.push(apply(`update_workspace: a name with ${what} is invalid_value`, s, { type: "update_workspace", name }, ctx(ANA),
      err("validation_failed", 422, [["invalid_value", "/command/name"]])));
  }
  for (const [what, name] of [["a ZWJ inside an emoji sequence", "\u{1F469}\u200D\u{1F4BB} Support"], ["a ZWNJ between Persian letters", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"]]) {
    commands.push(apply(`update_workspace: a name with ${what} is kept`, s, { type: "update_workspace", name }, ctx(ANA),
      ok(edit((x) => (x.workspace.name = name)), [event("workspace.updated", ANA, {}, { changed: ["name"] })])));
  }
  {
    const stored = edit((x) => (x.workspace.name = "Client\u200BA"));
    commands.push(apply("a stored name with a zero-width space is still read (the state reader applies the first rule alone)", stored,
      { type: "update_workspace", description: "kept" }, ctx(ANA),
      ok(edit((x) => Object.assign(x.workspace, { name: "Client\u200BA", description: "kept" })), [event("workspace.updated", ANA, {}, { changed: ["description"] })])));
  }
  // `docs/rules/commands.md#forms`: validateCommandFields(type, fields), the fields as apply reads them, no state.
  const fields = (name, type, value, errors) => commands.push({ name: `validateCommandFields: ${name}`, call: "validateCommandFields", args: [type, value],
    expect: errors.length === 0 ? { ok: { ok: true, errors: [] } } : { ok_matching: { ok: false, errors: errors.map(([code, path]) => ({ code, path })) } } });
  fields("a valid invitation (the email as given: normalizing is apply's)", "invite_member", { email: " Zed@Example.com ", role: "member" }, []);
  fields("every problem of an invitation, under /fields", "invite_member", { email: "zed@localhost", role: "boss", extra: 1 },
    [["unknown_field", "/fields/extra"], ["invalid_email", "/fields/email"], ["unknown_role", "/fields/role"]]);
  fields("a workspace update: too long, not an environment", "update_workspace", { name: "x".repeat(101), environment: "prod" },
    [["too_long", "/fields/name"], ["invalid_value", "/fields/environment"]]);
  fields("a name with a zero-width space", "update_workspace", { name: "Client\u200BA" }, [["invalid_value", "/fields/name"]]);
  fields("an unknown type", "promote_everyone", {}, [["invalid_value", "/type"]]);
  fields("a type that is not a string", 3, {}, [["invalid_type", "/type"]]);
  fields("fields that are not an object", "invite_member", "zed@example.com", [["invalid_type", "/fields"]]);
  fields("rules that need a state are apply's: any slug is a slug here", "archive", { slug: "not-this-workspace" }, []);
  fields("a command without fields takes none", "leave_workspace", { reason: "bye" }, [["unknown_field", "/fields/reason"]]);
  fields("a command's own type is not one of its fields", "remove_member", { type: "remove_member", user_id: CY }, [["unknown_field", "/fields/type"]]);
  commands.push(apply("an unknown command type", s, { type: "promote_everyone" }, ctx(ANA), err("validation_failed", 422, [["invalid_value", "/command/type"]])));
  commands.push(apply("an unknown command type is refused", s, { type: "delete_workspace", name: "Client A Support" }, ctx(ANA), err("validation_failed", 422, [["invalid_value", "/command/type"]])));
  commands.push(apply("a command that is not an object", s, "leave_workspace", ctx(ANA), err("validation_failed", 422, [["invalid_type", "/command"]])));
  commands.push(apply("context and command problems are listed together", s, { type: "remove_member", user_id: "not-a-uuid" }, { actor_id: ANA, now: "2026-11-22", ids: ["x"], extra: true },
    err("validation_failed", 422, [["unknown_field", "/ctx/extra"], ["invalid_value", "/ctx/now"], ["invalid_value", "/ctx/ids/0"], ["invalid_value", "/command/user_id"]])));
  commands.push(apply("a context without now", s, { type: "leave_workspace" }, { actor_id: CY }, err("validation_failed", 422, [["invalid_type", "/ctx/now"]])));
  commands.push(apply("NaN and undefined where values are expected", s, { type: "change_role", user_id: CY, role: { $js: "NaN" } }, { actor_id: ANA, now: { $js: "undefined" } },
    err("validation_failed", 422, [["invalid_type", "/ctx/now"], ["invalid_type", "/command/role"]])));

  const bad = edit((x) => {
    x.workspace.slug = "Client A";
    x.workspace.created_at = "2026-13-01T00:00:00Z";
    x.members[1].user_id = ANA; // two active records with Ana's id
    x.members[0].role = "admin";
    x.members[1].role = "admin"; // and no active owner
    x.members[2].email = "cy";
    x.invitations[1].id = INV_EVE;
    x.settings.language = "english!";
    x.minutes.used_seconds = -1;
    x.voice_settings = [];
    x.extra = 1;
  });
  commands.push(apply("invalid_state lists every problem of the state, before any rule runs", bad, { type: "leave_workspace" }, ctx(STRANGER),
    err("invalid_state", 422, [
      ["unknown_field", "/state/extra"],
      ["invalid_value", "/state/workspace/slug"],
      ["invalid_value", "/state/workspace/created_at"],
      ["invalid_email", "/state/members/2/email"],
      ["invalid_value", "/state/members/1/user_id"],
      ["invalid_value", "/state/members"],
      ["invalid_value", "/state/invitations/1/id"],
      ["invalid_language_tag", "/state/settings/language"],
      ["invalid_type", "/state/voice_settings"],
      ["out_of_range", "/state/minutes/used_seconds"],
    ])));
  commands.push(apply("check order: an invalid state is reported before an invalid command", bad, { type: "nope" }, { actor_id: "x" },
    err("invalid_state", 422, [
      ["unknown_field", "/state/extra"], ["invalid_value", "/state/workspace/slug"], ["invalid_value", "/state/workspace/created_at"],
      ["invalid_email", "/state/members/2/email"], ["invalid_value", "/state/members/1/user_id"], ["invalid_value", "/state/members"],
      ["invalid_value", "/state/invitations/1/id"], ["invalid_language_tag", "/state/settings/language"], ["invalid_type", "/state/voice_settings"],
      ["out_of_range", "/state/minutes/used_seconds"],
    ])));
  commands.push(apply("check order: an invalid command is reported before membership", s, { type: "change_role", user_id: CY, role: "Owner" }, ctx(STRANGER),
    err("validation_failed", 422, [["unknown_role", "/command/role"]])));
  commands.push(apply("a now too close to year 9999 for a 7-day expiry", s, { type: "invite_member", email: "zed@example.com", role: "member" }, ctx(ANA, { now: "9999-12-30T00:00:00Z" }),
    one("out_of_range", 422, "/ctx/now")));
  commands.push(apply("invalid_state: a state that is not an object", "state", { type: "leave_workspace" }, ctx(CY), err("invalid_state", 422, [["invalid_type", "/state"]])));
  commands.push(apply("invalid_state: an invalid slug and environment", edit((x) => { x.workspace.slug = "-bad-"; x.workspace.environment = "prod"; }), { type: "leave_workspace" }, ctx(CY),
    err("invalid_state", 422, [["invalid_value", "/state/workspace/slug"], ["invalid_value", "/state/workspace/environment"]])));
  commands.push(apply("invalid_state: archived without archived_at, ids in the wrong form", edit((x) => { x.workspace.status = "archived"; x.members[2].user_id = CY.toUpperCase(); }), { type: "leave_workspace" }, ctx(CY),
    err("invalid_state", 422, [["invalid_value", "/state/workspace/archived_at"], ["invalid_value", "/state/members/2/user_id"]])));
  commands.push(apply("invalid_state: unknown roles and statuses, too many test numbers, a missing key", edit((x) => {
    x.members[1].role = "Admin";
    x.invitations[0].status = "expired";
    x.test_caller_numbers = Array.from({ length: 101 }, (_, i) => `+1415555${String(i).padStart(4, "0")}`);
    delete x.settings.outbound_enabled;
  }), { type: "leave_workspace" }, ctx(CY),
    err("invalid_state", 422, [
      ["unknown_role", "/state/members/1/role"],
      ["invalid_value", "/state/invitations/0/status"],
      ["invalid_type", "/state/settings/outbound_enabled"],
      ["too_many_items", "/state/test_caller_numbers"],
    ])));
  commands.push(apply("two active records of one user id", edit((x) => { x.members[2].user_id = BO; }), { type: "leave_workspace" }, ctx(BO),
    err("invalid_state", 422, [["invalid_value", "/state/members/2/user_id"]])));
  commands.push(apply("no active owner", edit((x) => { x.members[0].status = "deactivated"; }), { type: "leave_workspace" }, ctx(BO),
    err("invalid_state", 422, [["invalid_value", "/state/members"]])));
  commands.push(apply("timestamps in any RFC 3339 form are kept as given", edit((x) => { x.workspace.created_at = "2026-01-10T09:00:00.123456+01:00"; }), { type: "leave_workspace" }, ctx(CY),
    ok(edit((x) => { x.workspace.created_at = "2026-01-10T09:00:00.123456+01:00"; x.members[2].status = "deactivated"; }), [event("workspace.member_removed", CY, { target_id: CY, role: "member" }, { left: true })])));

  const create = (name, input, context, expect) => commands.push({ name: `createWorkspace: ${name}`, call: "createWorkspace", args: [input, context], expect });
  const created = (fields, owner = ANA, email = "ana@example.com", displayName = null) => ({
    state: {
      workspace: { id: NEW_ID, name: "Client B Sales", slug: "client-b-sales", environment: "staging", description: null, backend_org_id: null, is_default: false, status: "active", provisioned_at: null, created_at: NOW, archived_at: null, ...fields },
      members: [member(owner, email, displayName, "owner", "active", NOW)],
      invitations: [],
      settings: { language: "en", outbound_enabled: true, integration_version: "v2", default_llm: null, default_stt_provider: null, default_tts_provider: null },
      voice_settings: {},
      test_caller_numbers: [],
      minutes: { allocations: [], used_seconds: 0 },
      credits: null,
    },
    events: [{ type: "workspace.member_added", workspace_id: NEW_ID, actor_id: owner, target_id: owner, role: "owner", at: NOW, metadata: { reactivated: false } }],
  });
  // Issue 22: the owner's display name, read as accept_invitation's display_name is (trimmed, a name
  // of 1–100 characters with no control, invisible or layout character); absent or null keeps null.
  const owner = ctx(ANA, { actor_email: "ana@example.com", account_role: "owner", ids: [NEW_ID] });
  const named = (displayName) => ({ name: "Client B Sales", environment: "staging", owner_display_name: displayName });
  create("owner_display_name names the owner's member record (trimmed)", named("  Ana Lima "), owner, { ok: created({}, ANA, "ana@example.com", "Ana Lima") });
  create("owner_display_name of 100 characters (upper bound)", named("a".repeat(100)), owner, { ok: created({}, ANA, "ana@example.com", "a".repeat(100)) });
  create("owner_display_name null keeps the owner's display name null", named(null), owner, { ok: created({}) });
  create("owner_display_name of 101 characters is too_long", named("a".repeat(101)), owner, err("validation_failed", 422, [["too_long", "/input/owner_display_name"]]));
  create("owner_display_name with an invisible character is invalid_value", named("Ana\u200B"), owner, err("validation_failed", 422, [["invalid_value", "/input/owner_display_name"]]));
  create("owner_display_name with a line separator is invalid_value", named("Ana\u2028Lima"), owner, err("validation_failed", 422, [["invalid_value", "/input/owner_display_name"]]));
  create("owner_display_name of white space only is empty_value", named(" \t "), owner, err("validation_failed", 422, [["empty_value", "/input/owner_display_name"]]));
  create("owner_display_name must be a string", named(42), owner, err("validation_failed", 422, [["invalid_type", "/input/owner_display_name"]]));
  create("the actor becomes the sole owner; the slug is derived from the name", { name: " Client B Sales ", environment: "staging" },
    ctx(ANA, { actor_email: "Ana@Example.com", account_role: "owner", ids: [NEW_ID] }), { ok: created({}) });
  create("with a slug, a description and a backend org", { name: "Client B Sales", slug: "b-sales", environment: "staging", description: "Outbound sales", backend_org_id: "org_42" },
    ctx(ANA, { actor_email: "ana@example.com", account_role: "owner", ids: [NEW_ID] }), { ok: created({ slug: "b-sales", description: "Outbound sales", backend_org_id: "org_42" }) });
  create("the slug of a name with accents and symbols", { name: "Crème Brûlée — Café!", environment: "development" },
    ctx(ANA, { actor_email: "ana@example.com", account_role: "owner", ids: [NEW_ID] }), { ok: created({ name: "Crème Brûlée — Café!", slug: "creme-brulee-cafe", environment: "development" }) });
  create("workspace.create needs an owner of the account", { name: "Client B Sales", environment: "staging" },
    ctx(BO, { actor_email: "bo@example.com", account_role: "admin", ids: [NEW_ID] }), one("forbidden", 403, "/ctx/account_role"));
  create("without account_role", { name: "Client B Sales", environment: "staging" }, ctx(BO, { actor_email: "bo@example.com" }), one("forbidden", 403, "/ctx/account_role"));
  create("the creator's email is needed for its member record", { name: "Client B Sales", environment: "staging" },
    ctx(ANA, { account_role: "owner" }), one("invalid_type", 400, "/ctx/actor_email"));
  create("every problem of the input", { name: "", slug: "Bad Slug", environment: "prod", colour: "red" },
    ctx(ANA, { actor_email: "ana@example.com", account_role: "owner" }),
    err("validation_failed", 422, [["unknown_field", "/input/colour"], ["empty_value", "/input/name"], ["invalid_value", "/input/slug"], ["invalid_value", "/input/environment"]]));
  create("every problem of the input, the owner's display name too", { name: "", environment: "prod", owner_display_name: "" },
    ctx(ANA, { actor_email: "ana@example.com", account_role: "owner" }),
    err("validation_failed", 422, [["empty_value", "/input/name"], ["invalid_value", "/input/environment"], ["empty_value", "/input/owner_display_name"]]));
}

// ---- `docs/rules/commands.md` update_voice_settings {patch} through apply() ----
// The `docs/rules/voice-settings.md` patch rules on the stored settings `{ tone: "calm", speed: 1.1 }`: a changed field
// is stored (in canonical form), `null` removes it, `changed` lists fields in field-table order, and a
// patch that changes nothing emits nothing. Admins and owners only; problems under /command/patch.
const voiceCommand = [];
{
  const update = (name, patch, actor, expect, state = baseState()) =>
    voiceCommand.push(apply(name, state, patch === undefined ? { type: "update_voice_settings" } : { type: "update_voice_settings", patch }, ctx(actor), expect));
  const updated = (voice_settings, actor, changed) =>
    ok(edit((x) => { x.voice_settings = voice_settings; }), changed.length ? [event("workspace.voice_settings_updated", actor, {}, { changed })] : []);
  update("an admin changes speed and adds keyterms: changed in field-table order", { keyterms: ["  Metformin ", "METFORMIN", "Ozempic"], speed: 1.25 }, BO,
    updated({ tone: "calm", speed: 1.25, keyterms: ["Metformin", "Ozempic"] }, BO, ["speed", "keyterms"]));
  update("an owner resets tone to its default with null (removed from the stored object)", { tone: null }, ANA, updated({ speed: 1.1 }, ANA, ["tone"]));
  update("a patch that changes nothing emits nothing", { tone: "calm", speed: 1.1 }, BO, updated({ tone: "calm", speed: 1.1 }, BO, []));
  update("an empty patch emits nothing", {}, ANA, updated({ tone: "calm", speed: 1.1 }, ANA, []));
  update("language tags are stored in canonical case", { language: "en-us" }, BO, updated({ tone: "calm", speed: 1.1, language: "en-US" }, BO, ["language"]));
  update("a member may not update voice settings", { speed: 1.2 }, CY, one("forbidden", 403, ""));
  update("permission is checked before the patch", { speed: "fast" }, CY, one("forbidden", 403, ""));
  update("a deactivated member is not a member", { speed: 1.2 }, DEE, one("not_a_member", 404, "/ctx/actor_id"));
  update("every problem of the patch, under /command/patch", { speed: 2.5, volume: { $js: "NaN" }, tone: "angry", color: "red" }, BO,
    err("validation_failed", 422, [["invalid_value", "/command/patch/tone"], ["out_of_range", "/command/patch/speed"], ["invalid_type", "/command/patch/volume"], ["unknown_field", "/command/patch/color"]]));
  update("a patch that is not an object", ["speed"], BO, err("validation_failed", 422, [["invalid_type", "/command/patch"]]));
  update("a missing patch", undefined, BO, err("validation_failed", 422, [["invalid_type", "/command/patch"]]));
  update("nothing happens in an archived workspace", { speed: 1.2 }, ANA, one("workspace_archived", 410, ""),
    edit((x) => { x.workspace.status = "archived"; x.workspace.archived_at = "2026-11-21T10:00:00.000Z"; }));
  update("stored voice settings out of bounds are an invalid state", { speed: 1.2 }, ANA, err("invalid_state", 422, [["out_of_range", "/state/voice_settings/speed"]]),
    edit((x) => { x.voice_settings = { speed: 7 }; }));
}

const files = {
  "membership.json": { description: "`docs/rules/roles.md` rules on top of the matrix through apply(): granting, acting on higher roles, the last owner, leaving, deactivated members, archived workspaces, unknown names, and the order of checks.", cases: membership },
  "invitations.json": { description: "`docs/rules/invitations.md` through apply(), invitationStatus() and previewInvitation(): invite, resend, revoke, accept, decline, expiry at the exact instant, the public preview.", cases: invitations },
  "commands.json": { description: "`docs/rules/workspace.md` and `docs/rules/commands.md`: state validation (invalid_state lists every problem), the command engine's refusals, update_workspace, createWorkspace.", cases: commands },
  "voice_command.json": { description: "`docs/rules/voice-settings.md#the-update_voice_settings-command` update_voice_settings {patch} through apply: admins and owners, the patch rules, workspace.voice_settings_updated with metadata.changed; expectations written by hand from the rulebook.", cases: voiceCommand },
};
for (const [file, content] of Object.entries(files)) {
  writeFileSync(join(here, file), JSON.stringify(content, null, 2) + "\n");
}
console.log(Object.entries(files).map(([f, c]) => `${f}: ${c.cases.length} cases`).join(", "));
