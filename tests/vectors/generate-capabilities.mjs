// Generates capabilities.json: the shared vectors of `docs/rules/capabilities.md` — capabilities(state,
// ctx) for every kind of actor (owner, admin, member, a deactivated member, a removed member invited
// back, an invitee, a stranger), in an archived workspace, the default workspace, with outbound calling
// off, under an exhausted hard credit limit, with the last owner and with two owners, for invitations
// pending, expired, accepted, declined and revoked, and the refusals of malformed input.
//
// Expected answers come from the rulebook, independently of the Rust code: the rules are transcribed
// below (`model`) — the matrix of `docs/rules/roles.md` and its rules 1–6, the default workspace and
// the outbound gate of `docs/rules/lifecycle.md`, the credit gate of `docs/rules/credits.md`, the
// invitation rules of `docs/rules/invitations.md`, each entry in the order of checks `apply` has
// (`docs/rules/commands.md#order-of-checks`) — and the entries the issue names are written out by hand
// and checked against the transcription (`hand`), so a mistake in either stops the generator.
// Entries carry `code` and `status`; their `message` (the sentence a UI shows) is left out of the
// comparison (`expect.ok_without_messages`, tests/vectors/README.md) and compared across hosts.
//   node tests/vectors/generate-capabilities.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

// ---- fixtures (the same people as generate-edge.mjs) ----
const WS = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f";
const ANA = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01"; // owner
const BO = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02"; // admin
const CY = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f03"; // member
const DEE = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f04"; // deactivated member
const FIN = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f05"; // removed member, invited back
const KIM = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f06"; // a second owner (some states)
const EVE = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f07"; // invitee, not a member
const STRANGER = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f99";
const INV_EVE = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60001"; // pending, member, valid at NOW
const INV_FAY = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60002"; // pending, admin, expired at NOW
const INV_GUS = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60003"; // pending, owner, valid
const INV_CY = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60004"; // accepted by Cy, a member now
const INV_IVY = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60005"; // declined
const INV_JO = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60006"; // revoked, admin
const INV_FIN = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60007"; // pending, member: Fin invited back
const NOW = "2026-11-22T10:00:00.000Z";
const EARLIER = "2026-11-01T09:00:00.000Z";

const member = (user_id, email, display_name, role, status = "active") => ({
  user_id, email, display_name, role, status, joined_at: "2026-01-10T08:00:00.000Z",
});
const invitation = (id, email, role, status, sent_at, expires_at, responded_at = null) => ({
  id, email, role, status, invited_by: ANA, sent_at, expires_at, responded_at,
});
const VALID = ["2026-11-20T09:00:00.000Z", "2026-11-27T09:00:00.000Z"]; // valid at NOW
const LAPSED = ["2026-11-10T09:00:00.000Z", "2026-11-17T09:00:00.000Z"]; // expired at NOW

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
      member(FIN, "fin@example.com", "Fin", "admin", "deactivated"),
    ],
    invitations: [
      invitation(INV_EVE, "eve@example.com", "member", "pending", ...VALID),
      invitation(INV_FAY, "fay@example.com", "admin", "pending", ...LAPSED),
      invitation(INV_GUS, "gus@example.com", "owner", "pending", ...VALID),
      invitation(INV_CY, "cy@example.com", "member", "accepted", ...LAPSED, "2026-11-11T09:00:00.000Z"),
      invitation(INV_IVY, "ivy@example.com", "member", "declined", ...VALID, "2026-11-21T09:00:00.000Z"),
      invitation(INV_JO, "jo@example.com", "admin", "revoked", ...VALID),
      invitation(INV_FIN, "fin@example.com", "member", "pending", ...VALID),
    ],
    settings: {
      language: "en", outbound_enabled: true, integration_version: "v2",
      default_llm: null, default_stt_provider: null, default_tts_provider: null,
    },
    voice_settings: {},
    test_caller_numbers: [],
    minutes: { allocations: [], used_seconds: 0 },
    credits: null,
  };
}
const edit = (f) => { const s = baseState(); f(s); return s; };
const archived = () => edit((s) => { s.workspace.status = "archived"; s.workspace.archived_at = EARLIER; });
const isDefault = () => edit((s) => { s.workspace.is_default = true; s.workspace.name = "My Workspace"; s.workspace.slug = "my-workspace"; });
const outboundOff = () => edit((s) => { s.settings.outbound_enabled = false; });
const twoOwners = () => edit((s) => { s.members.splice(1, 0, member(KIM, "kim@example.com", "Kim", "owner")); });

// The credit record of docs/rules/credits.md: 100 credits a month, 1 credit per 6 s of call.
const RATES = {
  call_seconds: { credits: 1, per: 6 }, stt_seconds: { credits: 1, per: 60 }, tts_characters: { credits: 1, per: 100 },
  llm_input_tokens: { credits: 1, per: 1000 }, llm_output_tokens: { credits: 3, per: 1000 },
};
const credits = (hard_limit, call_seconds) => ({
  allowance: { monthly_credits: 100, reset_day: 1, rollover: "none", rollover_cap: 0, hard_limit, alert_thresholds: [80, 100], rates: RATES },
  period: {
    start: "2026-11-01T00:00:00.000Z", end: "2026-12-01T00:00:00.000Z", carried_over: 0,
    usage: { call_seconds, stt_seconds: 0, tts_characters: 0, llm_input_tokens: 0, llm_output_tokens: 0 },
    thresholds_reached: [],
  },
  history: [],
});
const withCredits = (hard, seconds) => edit((s) => { s.credits = credits(hard, seconds); });

// ---- the model: the rulebook transcribed ----
// The permission matrix of docs/rules/roles.md, in its order (x = allowed), owner admin member.
const MATRIX = `
workspace.view x x x
workspace.update x x .
workspace.provision x x .
workspace.archive x . .
workspace.delete x . .
workspace.create x . .
members.view x x x
members.invite x x .
members.remove x x .
members.update_role x x .
invitations.view x x .
invitations.revoke x x .
agents.view x x x
agents.create x x x
agents.update x x x
agents.delete x x x
knowledge_bases.view x x x
knowledge_bases.connect x x x
knowledge_bases.create x . .
phone_numbers.view x x x
phone_numbers.manage x x .
voice_settings.view x x x
voice_settings.update x x .
test_numbers.view x x x
test_numbers.manage x x .
integrations.view x x x
integrations.manage x x .
api_keys.manage x x .
webhooks.manage x x .
calls.outbound x x x
usage.view x x x
billing.view x x .
audit.view x x .
analytics.view x x .
billing.manage x . .
minutes.allocate x . .
audit.export x . .`.trim().split("\n").map((l) => l.split(" "));
const ROLES = ["owner", "admin", "member"]; // highest first
const RANK = { owner: 3, admin: 2, member: 1 };
const ACTIONS = MATRIX.map(([a]) => a);
const can = (role, action) => MATRIX.find(([a]) => a === action)[1 + ROLES.indexOf(role)] === "x";

// Codes and statuses (docs/rules/README.md's table).
const STATUS = {
  not_a_member: 404, workspace_archived: 410, forbidden: 403, cannot_grant_higher_role: 403, cannot_modify_higher_role: 403,
  last_owner: 409, member_not_found: 404, default_workspace_protected: 409, default_workspace_only: 403, outbound_disabled: 403,
  credits_exhausted: 402, invitation_not_pending: 409, invitation_expired: 410, email_mismatch: 403, already_member: 409, no_change: 409,
  validation_failed: 422,
};
/** A refusal: thrown by a check, caught by `entry`. */
class No { constructor(code) { this.code = code; } }
const no = (code) => { throw new No(code); };
const yes = { allowed: true };
/** The entry of a check run in order: the first refusal answers. */
function entry(...checks) {
  try {
    for (const check of checks) check();
    return yes;
  } catch (e) {
    if (!(e instanceof No)) throw e;
    return { allowed: false, code: e.code, status: STATUS[e.code] };
  }
}
const ms = (t) => Date.parse(t);
const email = (e) => e.trim().toLowerCase(); // trimmed, lowercased (the fixtures are ASCII)

/** remaining of docs/rules/credits.md at `now` (the fixtures' `now` lies in the stored period or the next). */
function remaining(c, now) {
  if (ms(now) >= ms(c.period.end)) return c.allowance.monthly_credits; // rollover none: a fresh period
  let used = 0;
  for (const [m, { credits: k, per }] of Object.entries(c.allowance.rates)) used += Math.ceil((c.period.usage[m] * k) / per);
  return Math.max(0, c.allowance.monthly_credits + c.period.carried_over - used);
}

function model(state, ctx) {
  const actor = state.members.find((m) => m.status === "active" && m.user_id === ctx.actor_id);
  const role = actor ? actor.role : null;
  const isArchived = state.workspace.status === "archived";
  // Rules 5 and 6: a non-member learns nothing (404), then an archived workspace allows nothing.
  const standing = () => { if (!actor) no("not_a_member"); if (isArchived) no("workspace_archived"); };
  const matrix = (action) => () => { if (!can(role, action)) no("forbidden"); };
  const gates = (action) => () => {
    const d = state.workspace.is_default;
    if ((action === "workspace.archive" || action === "workspace.delete") && d) no("default_workspace_protected");
    if (action === "knowledge_bases.create" && !d) no("default_workspace_only");
    if (action === "calls.outbound") {
      if (!state.settings.outbound_enabled) no("outbound_disabled");
      if (state.credits && state.credits.allowance.hard_limit && remaining(state.credits, ctx.now) === 0) no("credits_exhausted");
    }
  };
  const workspace = Object.fromEntries(ACTIONS.map((a) => [a, entry(standing, matrix(a), gates(a))]));
  const grant = (r) => () => { if (RANK[r] > RANK[role]) no("cannot_grant_higher_role"); }; // rule 1
  const modify = (r) => () => { if (RANK[r] > RANK[role]) no("cannot_modify_higher_role"); }; // rule 2
  const owners = state.members.filter((m) => m.status === "active" && m.role === "owner").length;
  const invite = { roles: Object.fromEntries(ROLES.map((r) => [r, entry(standing, matrix("members.invite"), grant(r))])) };
  const members = {};
  for (const m of state.members) {
    const active = m.status === "active";
    const found = () => { if (!active) no("member_not_found"); };
    const keepsOwner = () => { if (active && m.role === "owner" && owners <= 1) no("last_owner"); }; // rule 3
    const caps = {
      remove: entry(standing, matrix("members.remove"), found, modify(m.role), keepsOwner),
      change_role: Object.fromEntries(ROLES.map((to) => [to, entry(standing, matrix("members.update_role"), found, grant(to), modify(m.role),
        () => { if (m.role === to) no("no_change"); }, () => { if (to !== "owner") keepsOwner(); })])),
    };
    // Rule 4: leaving needs no permission, only the actor's own active record and rule 3.
    if (m.user_id === ctx.actor_id) caps.leave = entry(standing, found, keepsOwner);
    members[m.user_id] = caps;
  }
  const memberEmails = new Set(state.members.filter((m) => m.status === "active").map((m) => email(m.email)));
  const invitations = {};
  for (const inv of state.invitations) {
    // Accepting and declining (docs/rules/invitations.md#accept): a verified email at all (absent or null
    // is a problem of the input, validation_failed, before anything else: issue 22), the workspace not
    // archived, the verified email the invited one, pending, not expired (now == expires_at is expired).
    const verified = () => { if (ctx.actor_email === undefined || ctx.actor_email === null) no("validation_failed"); };
    const notArchived = () => { if (isArchived) no("workspace_archived"); };
    const invited = () => { if (email(ctx.actor_email) !== email(inv.email)) no("email_mismatch"); };
    const pending = () => { if (inv.status !== "pending") no("invitation_not_pending"); };
    const valid = () => { if (ms(ctx.now) >= ms(inv.expires_at)) no("invitation_expired"); };
    invitations[inv.id] = {
      revoke: entry(standing, matrix("invitations.revoke"), modify(inv.role), pending),
      // Resending is inviting the email again with its role: rule 1, not an active member's email.
      resend: entry(standing, matrix("members.invite"), grant(inv.role), () => { if (memberEmails.has(email(inv.email))) no("already_member"); }),
      accept: entry(verified, notArchived, invited, pending, valid, () => { if (actor) no("already_member"); }),
      decline: entry(verified, notArchived, invited, pending, valid),
    };
  }
  return { role, member: actor !== undefined, workspace, invite, members, invitations };
}

// ---- cases ----
const cases = [];
const ctx = (actor_id, extra = {}) => ({ actor_id, now: NOW, ...extra });
const caps = (name, state, c) => {
  const expected = model(state, c);
  cases.push({ name, call: "capabilities", args: [state, c], expect: { ok_without_messages: expected } });
  return expected;
};
/** Hand-written entries, checked against the model: `[entry, code or true]`. */
function hand(pairs, what) {
  for (const [i, [got, want]] of pairs.entries()) {
    const ok = want === true ? got?.allowed === true : got?.allowed === false && got.code === want && got.status === STATUS[want];
    if (!ok) throw new Error(`${what} #${i}: the model says ${JSON.stringify(got)}, by hand ${want}`);
  }
}
const err = (code, status, errors) => ({ error: { code, status, errors: errors.map(([c, path]) => ({ code: c, path })) } });

{
  const a = caps("the owner: everything but the last owner's own removal, demotion and leaving", baseState(), ctx(ANA, { actor_email: "ana@example.com" }));
  hand([
    [a.workspace["workspace.archive"], true], [a.workspace["workspace.delete"], true],
    [a.workspace["knowledge_bases.create"], "default_workspace_only"], [a.workspace["calls.outbound"], true],
    [a.invite.roles.owner, true],
    [a.members[ANA].remove, "last_owner"], [a.members[ANA].change_role.owner, "no_change"],
    [a.members[ANA].change_role.admin, "last_owner"], [a.members[ANA].leave, "last_owner"],
    [a.members[BO].remove, true], [a.members[BO].change_role.owner, true], [a.members[BO].change_role.admin, "no_change"],
    [a.members[DEE].remove, "member_not_found"], [a.members[DEE].change_role.admin, "member_not_found"],
    [a.invitations[INV_EVE].revoke, true], [a.invitations[INV_FAY].revoke, true], [a.invitations[INV_CY].revoke, "invitation_not_pending"],
    [a.invitations[INV_IVY].revoke, "invitation_not_pending"], [a.invitations[INV_JO].revoke, "invitation_not_pending"],
    [a.invitations[INV_CY].resend, "already_member"], [a.invitations[INV_IVY].resend, true], [a.invitations[INV_GUS].resend, true],
    [a.invitations[INV_EVE].accept, "email_mismatch"], [a.invitations[INV_EVE].decline, "email_mismatch"],
  ], "owner");
  if ("leave" in a.members[BO]) throw new Error("leave appears on the actor's own entry only");
}
{
  const a = caps("an admin: not above itself, not on the owner", baseState(), ctx(BO, { actor_email: "bo@example.com" }));
  hand([
    [a.workspace["workspace.archive"], "forbidden"], [a.workspace["workspace.delete"], "forbidden"], [a.workspace["minutes.allocate"], "forbidden"],
    [a.workspace["members.invite"], true],
    [a.invite.roles.owner, "cannot_grant_higher_role"], [a.invite.roles.admin, true], [a.invite.roles.member, true],
    [a.members[ANA].remove, "cannot_modify_higher_role"], [a.members[ANA].change_role.owner, "cannot_grant_higher_role"],
    [a.members[ANA].change_role.admin, "cannot_modify_higher_role"], [a.members[ANA].change_role.member, "cannot_modify_higher_role"],
    [a.members[BO].leave, true], [a.members[BO].remove, true], [a.members[BO].change_role.member, true],
    [a.members[CY].change_role.owner, "cannot_grant_higher_role"], [a.members[CY].change_role.admin, true],
    [a.invitations[INV_GUS].revoke, "cannot_modify_higher_role"], [a.invitations[INV_GUS].resend, "cannot_grant_higher_role"],
    [a.invitations[INV_JO].revoke, "invitation_not_pending"], [a.invitations[INV_JO].resend, true],
  ], "admin");
}
{
  const a = caps("a member: views and agents, leaving, nothing on others", baseState(), ctx(CY, { actor_email: "cy@example.com" }));
  hand([
    [a.workspace["workspace.view"], true], [a.workspace["workspace.update"], "forbidden"], [a.workspace["agents.create"], true],
    [a.invite.roles.member, "forbidden"], [a.members[ANA].remove, "forbidden"], [a.members[CY].remove, "forbidden"],
    [a.members[CY].change_role.member, "forbidden"], [a.members[CY].leave, true],
    [a.invitations[INV_EVE].revoke, "forbidden"], [a.invitations[INV_EVE].resend, "forbidden"],
    [a.invitations[INV_CY].accept, "invitation_not_pending"],
  ], "member");
}
{
  const a = caps("a deactivated member: not a member; leave on its own record is not_a_member", baseState(), ctx(DEE));
  hand([[a.workspace["workspace.view"], "not_a_member"], [a.members[DEE].leave, "not_a_member"], [a.invitations[INV_EVE].accept, "validation_failed"]], "deactivated");
  if (a.member !== false || a.role !== null) throw new Error("a deactivated member is no member");
}
{
  const a = caps("a removed member invited back may accept (it would reactivate them)", baseState(), ctx(FIN, { actor_email: " Fin@Example.com" }));
  hand([
    [a.workspace["members.view"], "not_a_member"], [a.members[FIN].leave, "not_a_member"], [a.members[FIN].remove, "not_a_member"],
    [a.invitations[INV_FIN].accept, true], [a.invitations[INV_FIN].decline, true], [a.invitations[INV_FIN].revoke, "not_a_member"],
    [a.invitations[INV_EVE].accept, "email_mismatch"],
  ], "removed");
}
{
  const a = caps("an invitee: its own valid invitation only, every other entry not_a_member", baseState(), ctx(EVE, { actor_email: "eve@example.com" }));
  hand([
    [a.invitations[INV_EVE].accept, true], [a.invitations[INV_EVE].decline, true], [a.invitations[INV_EVE].resend, "not_a_member"],
    [a.invitations[INV_FAY].accept, "email_mismatch"], [a.invite.roles.member, "not_a_member"], [a.workspace["workspace.view"], "not_a_member"],
  ], "invitee");
}
caps("the invitee of an expired invitation: invitation_expired", baseState(), ctx(EVE, { actor_email: "fay@example.com" }));
caps("the invitee of a declined invitation: invitation_not_pending", baseState(), ctx(EVE, { actor_email: "ivy@example.com" }));
caps("the invitee of a revoked invitation: invitation_not_pending", baseState(), ctx(EVE, { actor_email: "jo@example.com" }));
{
  const at = "2026-11-27T09:00:00.000Z";
  const a = caps("at expires_at exactly the invitation has expired", baseState(), ctx(EVE, { actor_email: "eve@example.com", now: at }));
  hand([[a.invitations[INV_EVE].accept, "invitation_expired"], [a.invitations[INV_EVE].decline, "invitation_expired"]], "expiry");
  const b = caps("a millisecond before expires_at it is valid", baseState(), ctx(EVE, { actor_email: "eve@example.com", now: "2026-11-27T08:59:59.999Z" }));
  hand([[b.invitations[INV_EVE].accept, true]], "before expiry");
}
{
  const a = caps("a member whose email is invited: accept is already_member, decline allowed", edit((s) => { s.invitations.push(invitation("9b1c2d3e-4f50-4a61-8b72-c3d4e5f60008", "bo@example.com", "owner", "pending", ...VALID)); }),
    ctx(BO, { actor_email: "bo@example.com" }));
  hand([[a.invitations["9b1c2d3e-4f50-4a61-8b72-c3d4e5f60008"].accept, "already_member"], [a.invitations["9b1c2d3e-4f50-4a61-8b72-c3d4e5f60008"].decline, true],
    [a.invitations["9b1c2d3e-4f50-4a61-8b72-c3d4e5f60008"].resend, "cannot_grant_higher_role"]], "member invitee");
}
{
  const a = caps("a stranger: every entry not_a_member; without a verified email, accept and decline are validation_failed", baseState(), ctx(STRANGER));
  hand([[a.workspace["workspace.view"], "not_a_member"], [a.invitations[INV_EVE].accept, "validation_failed"], [a.invitations[INV_EVE].decline, "validation_failed"],
    [a.members[ANA].remove, "not_a_member"]], "stranger");
  if (Object.values(a.members).some((m) => "leave" in m)) throw new Error("a stranger has no entry of its own");
  // Issue 22: a null actor_email is no verified email either; an email that is someone else's is a mismatch.
  const b = caps("actor_email null: accept and decline are validation_failed, as apply answers", baseState(), ctx(EVE, { actor_email: null }));
  hand([[b.invitations[INV_EVE].accept, "validation_failed"], [b.invitations[INV_EVE].decline, "validation_failed"]], "null email");
  const c = caps("a verified email that is not the invited one: email_mismatch", baseState(), ctx(STRANGER, { actor_email: "zed@example.com" }));
  hand([[c.invitations[INV_EVE].accept, "email_mismatch"], [c.invitations[INV_EVE].decline, "email_mismatch"]], "other email");
}
{
  const a = caps("archived: the owner gets workspace_archived everywhere", archived(), ctx(ANA, { actor_email: "ana@example.com" }));
  hand([[a.workspace["workspace.view"], "workspace_archived"], [a.members[ANA].leave, "workspace_archived"], [a.invite.roles.member, "workspace_archived"]], "archived owner");
  const b = caps("archived: a stranger still learns nothing (not_a_member)", archived(), ctx(STRANGER, { actor_email: "zed@example.com" }));
  hand([[b.workspace["workspace.view"], "not_a_member"], [b.invitations[INV_EVE].accept, "workspace_archived"]], "archived stranger");
  const d = caps("archived: without a verified email, accept is validation_failed (the input comes before the workspace)", archived(), ctx(STRANGER));
  hand([[d.invitations[INV_EVE].accept, "validation_failed"], [d.invitations[INV_EVE].decline, "validation_failed"], [d.workspace["workspace.view"], "not_a_member"]], "archived, no email");
  const c = caps("archived: an invitee's valid invitation can no longer be answered", archived(), ctx(EVE, { actor_email: "eve@example.com" }));
  hand([[c.invitations[INV_EVE].accept, "workspace_archived"], [c.invitations[INV_EVE].decline, "workspace_archived"]], "archived invitee");
}
{
  const a = caps("the default workspace: archive and delete protected, knowledge bases created", isDefault(), ctx(ANA));
  hand([[a.workspace["workspace.archive"], "default_workspace_protected"], [a.workspace["workspace.delete"], "default_workspace_protected"],
    [a.workspace["knowledge_bases.create"], true]], "default owner");
  const b = caps("the default workspace: an admin is refused by the matrix first", isDefault(), ctx(BO));
  hand([[b.workspace["workspace.archive"], "forbidden"], [b.workspace["workspace.delete"], "forbidden"], [b.workspace["knowledge_bases.create"], "forbidden"]], "default admin");
}
{
  const a = caps("outbound off: calls.outbound is outbound_disabled", outboundOff(), ctx(CY));
  hand([[a.workspace["calls.outbound"], "outbound_disabled"], [a.workspace["agents.create"], true]], "outbound");
}
{
  // 600 s at 1 credit per 6 s = 100 credits of 100: nothing remains.
  const a = caps("an exhausted hard credit limit: calls.outbound is credits_exhausted", withCredits(true, 600), ctx(CY));
  hand([[a.workspace["calls.outbound"], "credits_exhausted"], [a.workspace["usage.view"], true]], "hard limit");
  // 594 s = 99 credits: one remains.
  hand([[caps("a hard limit with one credit left", withCredits(true, 594), ctx(CY)).workspace["calls.outbound"], true]], "one left");
  hand([[caps("a soft limit only reports the overage", withCredits(false, 6000), ctx(CY)).workspace["calls.outbound"], true]], "soft");
  hand([[caps("at the next reset the credits are back", withCredits(true, 600), ctx(CY, { now: "2026-12-01T00:00:00.000Z" })).workspace["calls.outbound"], true]], "reset");
  const off = edit((s) => { s.credits = credits(true, 600); s.settings.outbound_enabled = false; });
  hand([[caps("outbound off comes before the credit gate", off, ctx(CY)).workspace["calls.outbound"], "outbound_disabled"]], "both");
}
{
  const a = caps("two owners: an owner may demote, remove and leave; an admin still may not touch either", twoOwners(), ctx(ANA));
  hand([[a.members[ANA].leave, true], [a.members[ANA].change_role.member, true], [a.members[KIM].remove, true], [a.members[KIM].change_role.admin, true]], "two owners");
  const b = caps("two owners, seen by the admin", twoOwners(), ctx(BO));
  hand([[b.members[KIM].remove, "cannot_modify_higher_role"], [b.members[KIM].change_role.admin, "cannot_modify_higher_role"]], "two owners admin");
}
{
  const a = caps("no invitations and one member: empty lists stay objects", edit((s) => { s.members = [s.members[0]]; s.invitations = []; }), ctx(ANA));
  if (Object.keys(a.invitations).length !== 0 || Object.keys(a.members).length !== 1) throw new Error("shape");
}

// Malformed input throws (docs/rules/capabilities.md#error-codes).
const throws = (name, args, expect) => cases.push({ name, call: "capabilities", args, expect });
throws("a state without an active owner is invalid_state", [edit((s) => { s.members[0].status = "deactivated"; }), ctx(BO)], err("invalid_state", 422, [["invalid_value", "/state/members"]]));
throws("two invitations for one email are invalid_state", [edit((s) => { s.invitations[1].email = "EVE@example.com"; }), ctx(ANA)], err("invalid_state", 422, [["invalid_value", "/state/invitations/1/email"]]));
throws("the state is read before the context", [edit((s) => { s.workspace.slug = "Bad"; }), { now: 1 }], err("invalid_state", 422, [["invalid_value", "/state/workspace/slug"]]));
throws("every problem of the context", [baseState(), { actor_id: "ana", actor_email: 5, account_role: "boss", colour: 1 }],
  err("validation_failed", 422, [["unknown_field", "/ctx/colour"], ["invalid_value", "/ctx/actor_id"], ["invalid_type", "/ctx/actor_email"], ["invalid_type", "/ctx/now"], ["unknown_role", "/ctx/account_role"]]));
throws("a context that is not an object", [baseState(), "ana"], err("validation_failed", 422, [["invalid_type", "/ctx"]]));
throws("no arguments", [], err("invalid_state", 422, [["invalid_type", "/state"]]));

const file = {
  description: "`docs/rules/capabilities.md` capabilities(): every entry for owners, admins, members, deactivated and removed members, invitees and strangers; archived, default, outbound off, the credit gate, the last owner; invitations pending, expired, accepted, declined and revoked; refusals of malformed input.",
  cases,
};
writeFileSync(join(here, "capabilities.json"), JSON.stringify(file, null, 2) + "\n");
console.log(`capabilities.json: ${cases.length} cases`);
