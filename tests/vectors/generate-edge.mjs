// Generates lifecycle_commands.json, minutes.json, requests.json and workspaces.json: the shared
// vectors of `docs/rules/lifecycle.md` (provision, archive, delete confirmation, default workspace, outbound gate, test
// caller numbers, minutes), the `docs/rules/commands.md` commands that carry them, and `docs/rules/requests.md` (checkRequest, authorize).
//
// Expected answers are written here from the spec, independently of the Rust code: states are copies
// of the input with the changes spelled out, amounts are worked out by hand in the comments, and
// request decisions name the code, status and path the spec's order of checks gives.
//   node tests/vectors/generate-edge.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

// ---- fixtures (the same people as generate-workspace.mjs) ----
const WS = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f";
const WS2 = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e70";
const WS3 = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e71";
const ANA = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01"; // owner
const BO = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02"; // admin
const CY = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f03"; // member
const DEE = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f04"; // deactivated member
const STRANGER = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f99";
const INV_EVE = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60001"; // pending, member
const INV_GUS = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60003"; // pending, owner
const UNKNOWN_INV = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f6ffff";
const NEW_ID = "0f8e7d6c-5b4a-4398-8776-655443322110";
const NOW = "2026-11-22T10:00:00.000Z";
const EARLIER = "2026-11-01T09:00:00.000Z";

const member = (user_id, email, display_name, role, status = "active") => ({
  user_id, email, display_name, role, status, joined_at: "2026-01-10T08:00:00.000Z",
});
const invitation = (id, email, role) => ({
  id, email, role, status: "pending", invited_by: ANA, sent_at: "2026-11-20T09:00:00.000Z",
  expires_at: "2026-11-27T09:00:00.000Z", responded_at: null,
});
const workspaceRecord = (extra = {}) => ({
  id: WS, name: "Client A Support", slug: "client-a-support", environment: "production",
  description: null, backend_org_id: null, is_default: false, status: "active", provisioned_at: null,
  created_at: "2026-01-10T08:00:00Z", archived_at: null, ...extra,
});

function baseState() {
  return {
    workspace: workspaceRecord(),
    members: [
      member(ANA, "ana@example.com", "Ana", "owner"),
      member(BO, "bo@example.com", "Bo", "admin"),
      member(CY, "cy@example.com", "Cy", "member"),
      member(DEE, "dee@example.com", "Dee", "member", "deactivated"),
    ],
    invitations: [invitation(INV_EVE, "eve@example.com", "member"), invitation(INV_GUS, "gus@example.com", "owner")],
    settings: {
      language: "en", outbound_enabled: true, integration_version: "v2",
      default_llm: null, default_stt_provider: null, default_tts_provider: null,
    },
    voice_settings: { tone: "calm" },
    test_caller_numbers: ["+14155550100"],
    minutes: { allocations: [], used_seconds: 0 },
    credits: null,
  };
}

const edit = (f) => { const s = baseState(); f(s); return s; };
const archived = () => edit((s) => { s.workspace.status = "archived"; s.workspace.archived_at = EARLIER; });
const isDefault = () => edit((s) => { s.workspace.is_default = true; s.workspace.name = "My Workspace"; s.workspace.slug = "my-workspace"; });
const ctx = (actor_id, extra = {}) => ({ actor_id, now: NOW, ...extra });
const err = (code, status, errors) => ({ error: { code, status, errors: errors.map(([c, path]) => ({ code: c, path })) } });
const one = (code, status, path) => err(code, status, [[code, path]]);
const event = (type, actor_id, metadata = {}) => ({ type, workspace_id: WS, actor_id, at: NOW, metadata });
const applied = (state, events) => ({ ok: { state, events } });

// ---- `docs/rules/lifecycle.md` lifecycle commands through apply() ----
const lifecycle = [];
const apply = (name, state, command, c, expect) => lifecycle.push({ name, call: "apply", args: [state, command, c], expect });

apply("provision: the first call sets provisioned_at and emits workspace.provisioned", baseState(), { type: "provision" }, ctx(BO),
  applied(edit((s) => { s.workspace.provisioned_at = NOW; }), [event("workspace.provisioned", BO)]));
{
  const done = edit((s) => { s.workspace.provisioned_at = EARLIER; });
  apply("provision is idempotent: later calls change nothing and emit nothing", done, { type: "provision" }, ctx(ANA), applied(done, []));
}
apply("provision needs workspace.provision (members have not)", baseState(), { type: "provision" }, ctx(CY), one("forbidden", 403, ""));
apply("provision takes no fields", baseState(), { type: "provision", now: true }, ctx(BO), err("validation_failed", 422, [["unknown_field", "/command/now"]]));

apply("archive: the owner with the exact slug", baseState(), { type: "archive", slug: "client-a-support" }, ctx(ANA),
  applied(edit((s) => { s.workspace.status = "archived"; s.workspace.archived_at = NOW; }), [event("workspace.archived", ANA)]));
lifecycle.push({ name: "archive: owners only, with the spec's sentence", call: "apply", args: [baseState(), { type: "archive", slug: "client-a-support" }, ctx(BO)],
  expect: { error: { code: "forbidden", status: 403, message: "Only owners can archive a workspace.", errors: [{ code: "forbidden", message: "Only owners can archive a workspace.", path: "" }] } } });
apply("archive: the slug compares case-sensitively", baseState(), { type: "archive", slug: "Client-A-Support" }, ctx(ANA), one("slug_mismatch", 422, "/command/slug"));
apply("archive: the slug is not trimmed", baseState(), { type: "archive", slug: " client-a-support" }, ctx(ANA), one("slug_mismatch", 422, "/command/slug"));
apply("archive: the name is not the slug", baseState(), { type: "archive", slug: "Client A Support" }, ctx(ANA), one("slug_mismatch", 422, "/command/slug"));
apply("archive: the default workspace is protected", isDefault(), { type: "archive", slug: "my-workspace" }, ctx(ANA), one("default_workspace_protected", 409, ""));
apply("archive: the slug is required", baseState(), { type: "archive" }, ctx(ANA), err("validation_failed", 422, [["invalid_type", "/command/slug"]]));
apply("after archiving every command is refused with 410", archived(), { type: "provision" }, ctx(ANA), one("workspace_archived", 410, ""));
apply("after archiving even archive is refused with 410", archived(), { type: "archive", slug: "client-a-support" }, ctx(ANA), one("workspace_archived", 410, ""));
apply("after archiving a non-member still learns nothing (404)", archived(), { type: "provision" }, ctx(STRANGER), one("not_a_member", 404, "/ctx/actor_id"));

apply("set_test_caller_numbers replaces the list, normalized and de-duplicated keeping the first", baseState(),
  { type: "set_test_caller_numbers", numbers: ["+44 20 7946 0000", "+1 (415) 555-0100", "+44.20.7946.0000"] }, ctx(BO),
  applied(edit((s) => { s.test_caller_numbers = ["+442079460000", "+14155550100"]; }), [event("workspace.updated", BO, { changed: ["test_caller_numbers"] })]));
apply("set_test_caller_numbers with the same list changes nothing and emits nothing", baseState(),
  { type: "set_test_caller_numbers", numbers: ["+1 415 555 0100"] }, ctx(ANA), applied(baseState(), []));
apply("set_test_caller_numbers to an empty list", baseState(), { type: "set_test_caller_numbers", numbers: [] }, ctx(ANA),
  applied(edit((s) => { s.test_caller_numbers = []; }), [event("workspace.updated", ANA, { changed: ["test_caller_numbers"] })]));
apply("set_test_caller_numbers: every bad number at its index", baseState(), { type: "set_test_caller_numbers", numbers: ["+14155550100", "12", 5, "+0123456789"] }, ctx(BO),
  err("validation_failed", 422, [["invalid_value", "/command/numbers/1"], ["invalid_type", "/command/numbers/2"], ["invalid_value", "/command/numbers/3"]]));
apply("set_test_caller_numbers: at most 100 (public API)", baseState(), { type: "set_test_caller_numbers", numbers: Array.from({ length: 101 }, (_, i) => `+1415555${String(i).padStart(4, "0")}`) }, ctx(BO),
  err("validation_failed", 422, [["too_many_items", "/command/numbers"]]));
{
  const hundred = Array.from({ length: 100 }, (_, i) => `+1415555${String(i).padStart(4, "0")}`);
  apply("set_test_caller_numbers: exactly 100", baseState(), { type: "set_test_caller_numbers", numbers: hundred }, ctx(BO),
    applied(edit((s) => { s.test_caller_numbers = hundred; }), [event("workspace.updated", BO, { changed: ["test_caller_numbers"] })]));
}
apply("stored test caller numbers are normalized E.164, each once", edit((s) => { s.test_caller_numbers = ["+14155550100", "+1 415 555 0101", "+14155550100", 7]; }),
  { type: "provision" }, ctx(BO),
  err("invalid_state", 422, [["invalid_type", "/state/test_caller_numbers/3"], ["invalid_value", "/state/test_caller_numbers/1"], ["invalid_value", "/state/test_caller_numbers/2"]]));
apply("set_test_caller_numbers needs test_numbers.manage (checked before the list)", baseState(), { type: "set_test_caller_numbers", numbers: ["x"] }, ctx(CY), one("forbidden", 403, ""));

apply("update_settings: outbound off and the language in canonical case", baseState(), { type: "update_settings", outbound_enabled: false, language: "en-us" }, ctx(BO),
  applied(edit((s) => { s.settings.language = "en-US"; s.settings.outbound_enabled = false; }), [event("workspace.updated", BO, { changed: ["language", "outbound_enabled"] })]));
apply("update_settings: names are set and cleared by null", edit((s) => { s.settings.default_llm = "gpt-4o"; }),
  { type: "update_settings", default_llm: null, default_tts_provider: "cartesia", integration_version: "v1" }, ctx(ANA),
  applied(edit((s) => { s.settings.integration_version = "v1"; s.settings.default_tts_provider = "cartesia"; }),
    [event("workspace.updated", ANA, { changed: ["integration_version", "default_llm", "default_tts_provider"] })]));
apply("update_settings to equal values changes nothing and emits nothing", baseState(), { type: "update_settings", language: "en", outbound_enabled: true }, ctx(BO), applied(baseState(), []));
apply("update_settings: every problem", baseState(), { type: "update_settings", language: "en_US!", outbound_enabled: "no", integration_version: "v3", default_llm: "", colour: 1 }, ctx(BO),
  err("validation_failed", 422, [["unknown_field", "/command/colour"], ["invalid_language_tag", "/command/language"], ["invalid_type", "/command/outbound_enabled"], ["invalid_value", "/command/integration_version"], ["empty_value", "/command/default_llm"]]));
apply("update_settings: outbound_enabled cannot be null", baseState(), { type: "update_settings", outbound_enabled: null }, ctx(BO), err("validation_failed", 422, [["invalid_type", "/command/outbound_enabled"]]));
apply("update_settings needs workspace.update", baseState(), { type: "update_settings", outbound_enabled: false }, ctx(CY), one("forbidden", 403, ""));

// createWorkspace and the default workspace.
const created = (input, is_default) => ({
  ok: {
    state: {
      workspace: { id: NEW_ID, name: input.name, slug: input.slug, environment: input.environment, description: null, backend_org_id: null, is_default, status: "active", provisioned_at: null, created_at: NOW, archived_at: null },
      members: [{ user_id: ANA, email: "ana@example.com", display_name: null, role: "owner", status: "active", joined_at: NOW }],
      invitations: [],
      settings: { language: "en", outbound_enabled: true, integration_version: "v2", default_llm: null, default_stt_provider: null, default_tts_provider: null },
      voice_settings: {}, test_caller_numbers: [], minutes: { allocations: [], used_seconds: 0 }, credits: null,
    },
    events: [{ type: "workspace.member_added", workspace_id: NEW_ID, actor_id: ANA, target_id: ANA, role: "owner", at: NOW, metadata: { reactivated: false } }],
  },
});
lifecycle.push({ name: "the account's first workspace is its default (no account_role yet)", call: "createWorkspace",
  args: [{ name: "My Workspace", environment: "production", is_default: true }, ctx(ANA, { actor_email: "ana@example.com", ids: [NEW_ID] })],
  expect: created({ name: "My Workspace", slug: "my-workspace", environment: "production" }, true) });
lifecycle.push({ name: "exactly one default workspace per account", call: "createWorkspace",
  args: [{ name: "My Workspace", environment: "production", is_default: true }, ctx(ANA, { actor_email: "ana@example.com", account_role: "owner", ids: [NEW_ID] })],
  expect: one("default_workspace_protected", 409, "/input/is_default") });
lifecycle.push({ name: "is_default false still needs an owner of the account", call: "createWorkspace",
  args: [{ name: "Client B", environment: "staging", is_default: false }, ctx(ANA, { actor_email: "ana@example.com", ids: [NEW_ID] })],
  expect: one("forbidden", 403, "/ctx/account_role") });
lifecycle.push({ name: "is_default must be a boolean", call: "createWorkspace",
  args: [{ name: "Client B", environment: "staging", is_default: "yes" }, ctx(ANA, { actor_email: "ana@example.com", account_role: "owner" })],
  expect: err("validation_failed", 422, [["invalid_type", "/input/is_default"]]) });

// Delete confirmation.
const confirm = (name, state, confirmation, c, expect) => lifecycle.push({ name, call: "confirmDelete", args: [state, confirmation, c], expect });
confirm("delete: the owner types the name (trimmed)", baseState(), "  Client A Support \n", ctx(ANA), { ok: true });
confirm("delete: the name compares exactly after trimming", baseState(), "client a support", ctx(ANA), one("name_mismatch", 422, "/confirmation"));
confirm("delete: the slug is not the name", baseState(), "client-a-support", ctx(ANA), one("name_mismatch", 422, "/confirmation"));
confirm("delete: owners only", baseState(), "Client A Support", ctx(BO), one("forbidden", 403, ""));
confirm("delete: the default workspace is protected", isDefault(), "My Workspace", ctx(ANA), one("default_workspace_protected", 409, ""));
confirm("delete: an archived workspace allows nothing", archived(), "Client A Support", ctx(ANA), one("workspace_archived", 410, ""));
confirm("delete: a non-member learns nothing", baseState(), "Client A Support", ctx(STRANGER), one("not_a_member", 404, "/ctx/actor_id"));
confirm("delete: the confirmation must be a string", baseState(), null, ctx(ANA), err("validation_failed", 422, [["invalid_type", "/confirmation"]]));

// ---- `docs/rules/lifecycle.md` minutes through apply() ----
const minutes = [];
const mApply = (name, state, command, c, expect) => minutes.push({ name, call: "apply", args: [state, command, c], expect });
const terms = { source_id: "pool-1", minutes: 100, cost_per_minute: 10, pulse_seconds: 6, currency: "USD" };
const stored = (t = terms, allocated_at = EARLIER) => ({ ...t, allocated_at });
const withAllocations = (list, used_seconds = 0) => edit((s) => { s.minutes = { allocations: list, used_seconds }; });

mApply("an owner allocates minutes: appended with allocated_at, workspace.minutes_allocated", baseState(), { type: "allocate_minutes", ...terms, available_minutes: 500 }, ctx(ANA),
  applied(withAllocations([stored(terms, NOW)]), [event("workspace.minutes_allocated", ANA, { source_id: "pool-1", minutes: 100 })]));
mApply("exactly the available minutes", baseState(), { type: "allocate_minutes", ...terms, minutes: 500, available_minutes: 500 }, ctx(ANA),
  applied(withAllocations([stored({ ...terms, minutes: 500 }, NOW)]), [event("workspace.minutes_allocated", ANA, { source_id: "pool-1", minutes: 500 })]));
mApply("more than the source has is insufficient_minutes", baseState(), { type: "allocate_minutes", ...terms, minutes: 501, available_minutes: 500 }, ctx(ANA),
  one("insufficient_minutes", 409, "/command/minutes"));
mApply("history is append-only: a second allocation comes after the first", withAllocations([stored()], 120), { type: "allocate_minutes", ...terms, source_id: "pool-2", minutes: 10, currency: "EUR", available_minutes: 10 }, ctx(ANA),
  applied(withAllocations([stored(), stored({ ...terms, source_id: "pool-2", minutes: 10, currency: "EUR" }, NOW)], 120), [event("workspace.minutes_allocated", ANA, { source_id: "pool-2", minutes: 10 })]));
mApply("minutes.allocate is for owners", baseState(), { type: "allocate_minutes", ...terms, available_minutes: 500 }, ctx(BO), one("forbidden", 403, ""));
mApply("every problem of an allocation", baseState(), { type: "allocate_minutes", source_id: "", minutes: 0, cost_per_minute: 1.5, pulse_seconds: 7, currency: "usd", extra: 1 }, ctx(ANA),
  err("validation_failed", 422, [["unknown_field", "/command/extra"], ["empty_value", "/command/source_id"], ["out_of_range", "/command/minutes"], ["invalid_type", "/command/cost_per_minute"], ["invalid_value", "/command/pulse_seconds"], ["invalid_value", "/command/currency"], ["invalid_type", "/command/available_minutes"]]));
mApply("pulse_seconds must be 1–60", baseState(), { type: "allocate_minutes", ...terms, pulse_seconds: 120, available_minutes: 500 }, ctx(ANA),
  err("validation_failed", 422, [["out_of_range", "/command/pulse_seconds"]]));

const call = (state, c) => ({ ok: { state, events: [], call: c } });
// 61 s at pulse 6 → ceil(61/6)·6 = 66 s; 66 × 10 / 60 = 11 exactly. 100 min = 6000 s; 6000 − 66 = 5934.
mApply("record_call bills whole pulses and reports the balance", withAllocations([stored()]), { type: "record_call", duration_seconds: 61 }, ctx(CY),
  call(withAllocations([stored()], 66), { duration_seconds: 61, billed_seconds: 66, cost: 11, currency: "USD", used_seconds: 66, remaining_seconds: 5934, overage_seconds: 0 }));
// 3 s at pulse 1, 10/min → 30/60 = 0.5 → rounds half up to 1.
mApply("record_call rounds the cost half up to a whole minor unit", withAllocations([stored({ ...terms, pulse_seconds: 1 })]), { type: "record_call", duration_seconds: 3 }, ctx(CY),
  call(withAllocations([stored({ ...terms, pulse_seconds: 1 })], 3), { duration_seconds: 3, billed_seconds: 3, cost: 1, currency: "USD", used_seconds: 3, remaining_seconds: 5997, overage_seconds: 0 }));
// 1 min = 60 s allocated, 30 used; 45 s → 48 billed; used 78: remaining 0 (never below), overage 18. 48 × 10 / 60 = 8.
mApply("remaining never goes below zero; the excess is the overage", withAllocations([stored({ ...terms, minutes: 1 })], 30), { type: "record_call", duration_seconds: 45 }, ctx(ANA),
  call(withAllocations([stored({ ...terms, minutes: 1 })], 78), { duration_seconds: 45, billed_seconds: 48, cost: 8, currency: "USD", used_seconds: 78, remaining_seconds: 0, overage_seconds: 18 }));
// The latest allocation is the tariff: 61 s at pulse 60 → 120 s; 120 × 25 / 60 = 50. Allocated (100 + 1) min = 6060 s.
{
  const second = stored({ source_id: "pool-2", minutes: 1, cost_per_minute: 25, pulse_seconds: 60, currency: "EUR" });
  mApply("a call is billed under the latest allocation", withAllocations([stored(), second]), { type: "record_call", duration_seconds: 61 }, ctx(BO),
    call(withAllocations([stored(), second], 120), { duration_seconds: 61, billed_seconds: 120, cost: 50, currency: "EUR", used_seconds: 120, remaining_seconds: 5940, overage_seconds: 0 }));
}
mApply("a call of 0 seconds bills nothing", withAllocations([stored()]), { type: "record_call", duration_seconds: 0 }, ctx(CY),
  call(withAllocations([stored()]), { duration_seconds: 0, billed_seconds: 0, cost: 0, currency: "USD", used_seconds: 0, remaining_seconds: 6000, overage_seconds: 0 }));
mApply("no allocation: nothing to bill against", baseState(), { type: "record_call", duration_seconds: 10 }, ctx(CY), one("insufficient_minutes", 409, "/command/duration_seconds"));
mApply("a negative duration", withAllocations([stored()]), { type: "record_call", duration_seconds: -1 }, ctx(CY), err("validation_failed", 422, [["out_of_range", "/command/duration_seconds"]]));
mApply("a fractional duration", withAllocations([stored()]), { type: "record_call", duration_seconds: 1.5 }, ctx(CY), err("validation_failed", 422, [["invalid_type", "/command/duration_seconds"]]));
mApply("a deactivated member records nothing", withAllocations([stored()]), { type: "record_call", duration_seconds: 1 }, ctx(DEE), one("not_a_member", 404, "/ctx/actor_id"));
mApply("stored allocations are validated with the state", withAllocations([{ ...terms, currency: "usd" }]), { type: "record_call", duration_seconds: 1 }, ctx(CY),
  err("invalid_state", 422, [["invalid_value", "/state/minutes/allocations/0/currency"], ["invalid_type", "/state/minutes/allocations/0/allocated_at"]]));
minutes.push({ name: "callCost of a stored allocation's terms, exact in integers", call: "callCost", args: [{ ...terms, cost_per_minute: 7, pulse_seconds: 60 }, 61], expect: { ok: { billed_seconds: 120, cost: 14 } } });
minutes.push({ name: "callCost: 1 s at pulse 1 and 1 per minute rounds 1/60 down to 0", call: "callCost", args: [{ ...terms, cost_per_minute: 1, pulse_seconds: 1 }, 1], expect: { ok: { billed_seconds: 1, cost: 0 } } });
minutes.push({ name: "callCost: 30 s at 1 per minute is exactly half: up to 1", call: "callCost", args: [{ ...terms, cost_per_minute: 1, pulse_seconds: 30 }, 30], expect: { ok: { billed_seconds: 30, cost: 1 } } });

// ---- `docs/rules/requests.md` checkRequest ----
const requests = [];
const allowed = (action) => ({ ok: { allowed: true, action, status: 200 } });
const refused = (action, code, status, path) => ({ ok_matching: { allowed: false, action, status, error: { code, status, errors: [{ code, path }] } } });
const refusedMany = (action, errors) => ({ ok_matching: { allowed: false, action, status: 422, error: { code: "validation_failed", status: 422, errors: errors.map(([code, path]) => ({ code, path })) } } });
const actor = (user_id) => ({ user_id });
const req = (name, method, path, body, who, expect, state = baseState()) => {
  const request = body === undefined ? { method, path } : { method, path, body };
  requests.push({ name, call: "checkRequest", args: [request, { actor: who, state, now: NOW }], expect });
};
const W = `/v1/workspaces/${WS}`;

req("GET workspace by a member", "GET", W, undefined, actor(CY), allowed("workspace.view"));
req("the query string and fragment are ignored", "GET", `${W}?fields=name#top`, undefined, actor(CY), allowed("workspace.view"));
// The router matches what a standard router sees (docs/rules/requests.md#paths-and-methods): literal segments
// and methods exactly as sent, ids in their one canonical spelling; every trick below is unknown_route.
const NO_ROUTE = refused(null, "unknown_route", 404, "/request/path");
for (const [trick, method, path] of [
  ["an escaped letter in a literal segment", "GET", `/v1/%77orkspaces/${WS}`],
  ["an escaped digit in the version", "GET", `/v%31/workspaces/${WS}`],
  ["an escaped literal of a route's last segment", "POST", `${W}/%70rovision`],
  ["escaped hyphens in the id", "GET", W.replaceAll("-", "%2D")],
  ["an escaped slash", "GET", `/v1/workspaces%2F${WS}`],
  ["an escaped dot segment", "GET", `/v1/workspaces/x/%2e%2e/${WS}`],
  ["a dot-dot segment", "GET", `/v1/agents/../workspaces/${WS}`],
  ["a dot segment", "GET", `/v1/./workspaces/${WS}`],
  ["an empty segment", "GET", `/v1//workspaces/${WS}`],
  ["a literal in upper case", "GET", `/v1/Workspaces/${WS}`],
  ["the workspace id in upper case", "GET", `/v1/workspaces/${WS.toUpperCase()}`],
  ["a lower-case method", "get", W],
  ["a lower-case PATCH (fetch does not upper-case it)", "patch", W],
  ["a matrix parameter", "GET", `${W};jsessionid=1`],
  ["a backslash", "GET", `/v1\\workspaces\\${WS}`],
  ["a NUL", "GET", `${W}\u0000`],
  ["a lookalike letter (Cyrillic о)", "GET", `/v1/w\u043erkspaces/${WS}`],
  ["a fullwidth slash", "GET", `/v1/workspaces\uff0f${WS}`],
]) req(`the router: ${trick}`, method, path, undefined, actor(CY), NO_ROUTE);
req("a trailing slash is another path", "GET", `${W}/`, undefined, actor(CY), refused(null, "unknown_route", 404, "/request/path"));
req("an unknown path", "GET", "/v1/agents", undefined, actor(CY), refused(null, "unknown_route", 404, "/request/path"));
req("a known path with another method", "DELETE", W, undefined, actor(ANA), refused(null, "unknown_route", 404, "/request/path"));
req("the router: a malformed percent-escape", "GET", "/v1/workspaces/%zz", undefined, actor(CY), refused(null, "unknown_route", 404, "/request/path"));
req("a 100 KB path is answered at once", "GET", `${W}/${"x".repeat(100_000)}`, undefined, actor(CY), refused(null, "unknown_route", 404, "/request/path"));
req("a path without the leading slash", "GET", W.slice(1), undefined, actor(CY), refused(null, "unknown_route", 404, "/request/path"));
req("unknown route comes before authentication", "GET", "/v2/workspaces", undefined, null, refused(null, "unknown_route", 404, "/request/path"));
// The account's routes (createWorkspace, listWorkspaces) belong to no workspace: no state decides them,
// the origin runs createWorkspace on the body (owner_display_name included: docs/rules/lifecycle.md).
req("POST /v1/workspaces is the account's route, not a workspace's: unknown_route", "POST", "/v1/workspaces",
  { name: "Client B Sales", environment: "staging", owner_display_name: "Ana" }, actor(ANA), NO_ROUTE);
req("no actor: 401", "GET", W, undefined, null, refused("workspace.view", "unauthenticated", 401, "/context/actor"));
req("a non-member: 404", "GET", W, undefined, actor(STRANGER), refused("workspace.view", "not_a_member", 404, "/context/actor/user_id"));
req("any string identifies a user; a non-UUID is simply not a member", "GET", W, undefined, actor("not-a-uuid"), refused("workspace.view", "not_a_member", 404, "/context/actor/user_id"));
req("a deactivated member: 404", "GET", W, undefined, actor(DEE), refused("workspace.view", "not_a_member", 404, "/context/actor/user_id"));
req("archived: 410 for members", "GET", W, undefined, actor(ANA), refused("workspace.view", "workspace_archived", 410, ""), archived());
req("archived: a non-member still gets 404", "GET", W, undefined, actor(STRANGER), refused("workspace.view", "not_a_member", 404, "/context/actor/user_id"), archived());
req("another workspace's id: 404 workspace_mismatch", "GET", `/v1/workspaces/${WS2}`, undefined, actor(ANA), refused("workspace.view", "workspace_mismatch", 404, "/request/path"));
req("archived comes before the mismatch", "GET", `/v1/workspaces/${WS2}`, undefined, actor(ANA), refused("workspace.view", "workspace_archived", 410, ""), archived());
req("the mismatch comes before the permission", "PATCH", `/v1/workspaces/${WS2}`, { name: "x" }, actor(CY), refused("workspace.update", "workspace_mismatch", 404, "/request/path"));

req("PATCH by an admin", "PATCH", W, { name: "  Client A Care ", description: null }, actor(BO), allowed("workspace.update"));
req("PATCH by a member: 403", "PATCH", W, { name: "x" }, actor(CY), refused("workspace.update", "forbidden", 403, ""));
req("the permission comes before the body", "PATCH", W, { name: 5 }, actor(CY), refused("workspace.update", "forbidden", 403, ""));
req("PATCH: every body problem", "PATCH", W, { colour: "red", name: "", environment: "prod", description: "d".repeat(501) }, actor(BO),
  refusedMany("workspace.update", [["unknown_field", "/body/colour"], ["empty_value", "/body/name"], ["invalid_value", "/body/environment"], ["too_long", "/body/description"]]));
req("PATCH without a body", "PATCH", W, undefined, actor(BO), refusedMany("workspace.update", [["invalid_type", "/body"]]));

req("POST provision by an admin", "POST", `${W}/provision`, undefined, actor(BO), allowed("workspace.provision"));
req("POST provision by a member: 403", "POST", `${W}/provision`, undefined, actor(CY), refused("workspace.provision", "forbidden", 403, ""));

req("POST archive by the owner with the slug", "POST", `${W}/archive`, { slug: "client-a-support" }, actor(ANA), allowed("workspace.archive"));
requests.push({ name: "POST archive by an admin: the spec's sentence", call: "checkRequest",
  args: [{ method: "POST", path: `${W}/archive`, body: { slug: "client-a-support" } }, { actor: actor(BO), state: baseState(), now: NOW }],
  expect: { ok: { allowed: false, action: "workspace.archive", status: 403, error: { code: "forbidden", status: 403, message: "Only owners can archive a workspace.", errors: [{ code: "forbidden", message: "Only owners can archive a workspace.", path: "" }] } } } });
req("POST archive with another slug: 422", "POST", `${W}/archive`, { slug: "Client-A-Support" }, actor(ANA), refused("workspace.archive", "slug_mismatch", 422, "/body/slug"));
req("POST archive without a slug", "POST", `${W}/archive`, {}, actor(ANA), refusedMany("workspace.archive", [["invalid_type", "/body/slug"]]));
req("POST archive of the default workspace: 409", "POST", `${W}/archive`, { slug: "my-workspace" }, actor(ANA), refused("workspace.archive", "default_workspace_protected", 409, ""), isDefault());

req("GET test caller numbers by a member", "GET", `${W}/test-caller-numbers`, undefined, actor(CY), allowed("test_numbers.view"));
req("PUT test caller numbers by an admin", "PUT", `${W}/test-caller-numbers`, { numbers: ["+1 (415) 555-0100", "+44 20 7946 0000"] }, actor(BO), allowed("test_numbers.manage"));
req("PUT test caller numbers by a member: 403", "PUT", `${W}/test-caller-numbers`, { numbers: [] }, actor(CY), refused("test_numbers.manage", "forbidden", 403, ""));
req("PUT test caller numbers: errors at their index", "PUT", `${W}/test-caller-numbers`, { numbers: ["+14155550100", "+1", 3] }, actor(BO),
  refusedMany("test_numbers.manage", [["invalid_value", "/body/numbers/1"], ["invalid_type", "/body/numbers/2"]]));
req("PUT test caller numbers: the body is an object", "PUT", `${W}/test-caller-numbers`, ["+14155550100"], actor(BO), refusedMany("test_numbers.manage", [["invalid_type", "/body"]]));
req("PUT test caller numbers: more than 100", "PUT", `${W}/test-caller-numbers`, { numbers: Array.from({ length: 101 }, () => "+14155550100") }, actor(BO),
  refusedMany("test_numbers.manage", [["too_many_items", "/body/numbers"]]));

req("GET voice settings by a member", "GET", `/v1/${WS}/settings/voice`, undefined, actor(CY), allowed("voice_settings.view"));
req("PUT voice settings by an admin", "PUT", `/v1/${WS}/settings/voice`, { speed: 1.2, tone: null }, actor(BO), allowed("voice_settings.update"));
req("PUT voice settings by a member: 403", "PUT", `/v1/${WS}/settings/voice`, { speed: 1.2 }, actor(CY), refused("voice_settings.update", "forbidden", 403, ""));
req("PUT voice settings: every problem", "PUT", `/v1/${WS}/settings/voice`, { tone: "angry", speed: 3 }, actor(BO),
  refusedMany("voice_settings.update", [["invalid_value", "/body/tone"], ["out_of_range", "/body/speed"]]));
req("voice settings of another workspace", "GET", `/v1/${WS2}/settings/voice`, undefined, actor(CY), refused("voice_settings.view", "workspace_mismatch", 404, "/request/path"));

req("POST invitation by an admin", "POST", `${W}/invitations`, { email: "New@Example.com", role: "admin" }, actor(BO), allowed("members.invite"));
req("POST invitation above the admin's rank: 403", "POST", `${W}/invitations`, { email: "new@example.com", role: "owner" }, actor(BO), refused("members.invite", "cannot_grant_higher_role", 403, "/body/role"));
req("the role rank comes before the other body problems", "POST", `${W}/invitations`, { email: "nope", role: "owner" }, actor(BO), refused("members.invite", "cannot_grant_higher_role", 403, "/body/role"));
req("POST invitation by a member: 403", "POST", `${W}/invitations`, { email: "new@example.com", role: "member" }, actor(CY), refused("members.invite", "forbidden", 403, ""));
req("POST invitation: every body problem", "POST", `${W}/invitations`, { email: "nope", role: "boss" }, actor(BO),
  refusedMany("members.invite", [["invalid_email", "/body/email"], ["unknown_role", "/body/role"]]));

req("DELETE a pending invitation by an admin", "DELETE", `${W}/invitations/${INV_EVE}`, undefined, actor(BO), allowed("invitations.revoke"));
req("DELETE an owner's invitation by an admin: 403", "DELETE", `${W}/invitations/${INV_GUS}`, undefined, actor(BO), refused("invitations.revoke", "cannot_modify_higher_role", 403, "/request/path"));
req("DELETE an invitation of no workspace here: 404", "DELETE", `${W}/invitations/${UNKNOWN_INV}`, undefined, actor(ANA), refused("invitations.revoke", "invitation_not_found", 404, "/request/path"));
req("DELETE an invitation by a member: 403", "DELETE", `${W}/invitations/${INV_EVE}`, undefined, actor(CY), refused("invitations.revoke", "forbidden", 403, ""));

req("the invitation preview needs no actor", "GET", `/v1/invitations/${INV_EVE}/preview`, undefined, null, allowed("public"));
req("the invitation preview for a non-member", "GET", `/v1/invitations/${INV_EVE}/preview`, undefined, actor(STRANGER), allowed("public"));
req("the preview of an unknown invitation: 404", "GET", `/v1/invitations/${UNKNOWN_INV}/preview`, undefined, null, refused("public", "invitation_not_found", 404, "/request/path"));
req("the preview in an archived workspace: 410", "GET", `/v1/invitations/${INV_EVE}/preview`, undefined, null, refused("public", "workspace_archived", 410, ""), archived());

req("POST an outbound call by a member", "POST", `/v1/${WS}/calls/outbound`, { to: "+14155550100" }, actor(CY), allowed("calls.outbound"));
req("outbound calls while disabled: 403", "POST", `/v1/${WS}/calls/outbound`, undefined, actor(ANA), refused("calls.outbound", "outbound_disabled", 403, ""),
  edit((s) => { s.settings.outbound_enabled = false; }));

// §9's routes for every command (docs/rules/requests.md#members-invitations-and-the-rest): decided by
// the commands' own rules — change_role (rules 1–3), remove_member (rules 2–3) or leave_workspace
// (rule 4, no permission: the action reads "member"), accept and decline (the invited person: the
// action reads "invitee"), allocate_minutes — and the listing routes.
const KIM = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f06"; // a second owner
const EVE = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f07"; // invited, not a member
const twoOwners = () => edit((s) => { s.members.push(member(KIM, "kim@example.com", "Kim", "owner")); });
const M = (user) => `${W}/members/${user}`;
req("PATCH a member's role by an admin", "PATCH", M(CY), { role: "admin" }, actor(BO), allowed("members.update_role"));
req("PATCH a member to owner by the owner", "PATCH", M(CY), { role: "owner" }, actor(ANA), allowed("members.update_role"));
req("PATCH to the role the member has: allowed (apply changes nothing)", "PATCH", M(CY), { role: "member" }, actor(BO), allowed("members.update_role"));
req("PATCH to owner by an admin: rule 1", "PATCH", M(CY), { role: "owner" }, actor(BO), refused("members.update_role", "cannot_grant_higher_role", 403, "/body/role"));
req("PATCH the owner by an admin: rule 2", "PATCH", M(ANA), { role: "member" }, actor(BO), refused("members.update_role", "cannot_modify_higher_role", 403, "/request/path"));
req("PATCH the owner to owner by an admin: rule 1 comes first", "PATCH", M(ANA), { role: "owner" }, actor(BO), refused("members.update_role", "cannot_grant_higher_role", 403, "/body/role"));
req("PATCH demoting the last owner: rule 3", "PATCH", M(ANA), { role: "admin" }, actor(ANA), refused("members.update_role", "last_owner", 409, "/request/path"));
req("PATCH the last owner to owner again: allowed (no change)", "PATCH", M(ANA), { role: "owner" }, actor(ANA), allowed("members.update_role"));
req("PATCH demoting one of two owners", "PATCH", M(KIM), { role: "member" }, actor(ANA), allowed("members.update_role"), twoOwners());
req("PATCH a deactivated member: 404", "PATCH", M(DEE), { role: "admin" }, actor(ANA), refused("members.update_role", "member_not_found", 404, "/request/path"));
req("PATCH someone who is no member: 404", "PATCH", M(STRANGER), { role: "admin" }, actor(ANA), refused("members.update_role", "member_not_found", 404, "/request/path"));
req("PATCH a role by a member: 403", "PATCH", M(BO), { role: "member" }, actor(CY), refused("members.update_role", "forbidden", 403, ""));
req("PATCH a role: the permission comes before the body", "PATCH", M(BO), { role: 5 }, actor(CY), refused("members.update_role", "forbidden", 403, ""));
req("PATCH a role: every body problem", "PATCH", M(CY), { role: "boss", colour: 1 }, actor(ANA),
  refusedMany("members.update_role", [["unknown_field", "/body/colour"], ["unknown_role", "/body/role"]]));
req("PATCH a role without a body", "PATCH", M(CY), undefined, actor(ANA), refusedMany("members.update_role", [["invalid_type", "/body"]]));
req("PATCH a role without a role", "PATCH", M(CY), {}, actor(ANA), refusedMany("members.update_role", [["invalid_type", "/body/role"]]));
req("PATCH a role in an archived workspace: 410", "PATCH", M(CY), { role: "admin" }, actor(ANA), refused("members.update_role", "workspace_archived", 410, ""), archived());
req("PATCH a role of another workspace's member: 404", "PATCH", `/v1/workspaces/${WS2}/members/${CY}`, { role: "admin" }, actor(ANA), refused("members.update_role", "workspace_mismatch", 404, "/request/path"));
req("PATCH a role: the member id in upper case is no route", "PATCH", M(CY.toUpperCase()), { role: "admin" }, actor(ANA), NO_ROUTE);

req("DELETE a member by an admin", "DELETE", M(CY), undefined, actor(BO), allowed("members.remove"));
req("DELETE a member by a member: 403", "DELETE", M(BO), undefined, actor(CY), refused("members.remove", "forbidden", 403, ""));
req("DELETE the owner by an admin: rule 2", "DELETE", M(ANA), undefined, actor(BO), refused("members.remove", "cannot_modify_higher_role", 403, "/request/path"));
req("DELETE one of two owners by the other", "DELETE", M(KIM), undefined, actor(ANA), allowed("members.remove"), twoOwners());
req("DELETE a deactivated member: 404", "DELETE", M(DEE), undefined, actor(ANA), refused("members.remove", "member_not_found", 404, "/request/path"));
req("DELETE of one's own membership is leaving: no permission needed", "DELETE", M(CY), undefined, actor(CY), allowed("member"));
req("leaving as an admin", "DELETE", M(BO), undefined, actor(BO), allowed("member"));
req("leaving as the last owner: rule 3", "DELETE", M(ANA), undefined, actor(ANA), refused("member", "last_owner", 409, "/request/path"));
req("leaving as one of two owners", "DELETE", M(ANA), undefined, actor(ANA), allowed("member"), twoOwners());
req("leaving once deactivated: not a member", "DELETE", M(DEE), undefined, actor(DEE), refused("member", "not_a_member", 404, "/context/actor/user_id"));
req("leaving an archived workspace: 410", "DELETE", M(CY), undefined, actor(CY), refused("member", "workspace_archived", 410, ""), archived());
req("DELETE a member without credentials: 401", "DELETE", M(CY), undefined, null, refused("members.remove", "unauthenticated", 401, "/context/actor"));

// Accepting and declining: the workspace is the invitation's (the route names no workspace).
const invitee = (email) => (email === undefined ? { user_id: EVE } : { user_id: EVE, email });
const respond = (name, verb, inv, who, expect, state = baseState(), now = NOW) =>
  requests.push({ name, call: "checkRequest", args: [{ method: "POST", path: `/v1/invitations/${inv}/${verb}` }, { actor: who, state, now }], expect });
respond("accept by the invited person (email compared normalized)", "accept", INV_EVE, invitee(" Eve@Example.com"), allowed("invitee"));
respond("decline by the invited person", "decline", INV_EVE, invitee("eve@example.com"), allowed("invitee"));
respond("accept without credentials: 401", "accept", INV_EVE, null, refused("invitee", "unauthenticated", 401, "/context/actor"));
// Issue 22: an actor without a verified email (absent or null) is a problem of the context, as apply's
// /ctx/actor_email: 422 validation_failed at /context/actor/email, with the user id's problem, before
// the workspace and the invitation are looked at.
respond("accept without a verified email: 422 at /context/actor/email", "accept", INV_EVE, invitee(), refusedMany("invitee", [["invalid_type", "/context/actor/email"]]));
respond("decline with email null: 422 at /context/actor/email", "decline", INV_EVE, invitee(null), refusedMany("invitee", [["invalid_type", "/context/actor/email"]]));
respond("accept without a verified email and a user id that is not one: both problems", "accept", INV_EVE, { user_id: "eve" },
  refusedMany("invitee", [["invalid_value", "/context/actor/user_id"], ["invalid_type", "/context/actor/email"]]));
respond("accept without a verified email of an invitation the workspace does not hold: 422 first", "accept", UNKNOWN_INV, invitee(), refusedMany("invitee", [["invalid_type", "/context/actor/email"]]));
respond("decline without a verified email in an archived workspace: 422 first", "decline", INV_EVE, invitee(), refusedMany("invitee", [["invalid_type", "/context/actor/email"]]), archived());
respond("accept by someone else: 403", "accept", INV_EVE, invitee("gus@example.com"), refused("invitee", "email_mismatch", 403, "/context/actor/email"));
respond("decline by someone else: 403", "decline", INV_GUS, invitee("eve@example.com"), refused("invitee", "email_mismatch", 403, "/context/actor/email"));
respond("accept an invitation the workspace does not hold: 404", "accept", UNKNOWN_INV, invitee("eve@example.com"), refused("invitee", "invitation_not_found", 404, "/request/path"));
respond("accept in an archived workspace: 410", "accept", INV_EVE, invitee("eve@example.com"), refused("invitee", "workspace_archived", 410, ""), archived());
respond("accept at expires_at: expired, 410", "accept", INV_EVE, invitee("eve@example.com"), refused("invitee", "invitation_expired", 410, "/request/path"), baseState(), "2026-11-27T09:00:00.000Z");
respond("decline a millisecond before expires_at", "decline", INV_EVE, invitee("eve@example.com"), allowed("invitee"), baseState(), "2026-11-27T08:59:59.999Z");
respond("accept a revoked invitation: 409", "accept", INV_EVE, invitee("eve@example.com"), refused("invitee", "invitation_not_pending", 409, "/request/path"),
  edit((s) => { s.invitations[0].status = "revoked"; }));
respond("decline a declined invitation: 409", "decline", INV_EVE, invitee("eve@example.com"), refused("invitee", "invitation_not_pending", 409, "/request/path"),
  edit((s) => { s.invitations[0].status = "declined"; s.invitations[0].responded_at = EARLIER; }));
{
  const bosInvitation = edit((s) => { s.invitations[0].email = "bo@example.com"; });
  respond("accept by an active member: already_member, 409", "accept", INV_EVE, { user_id: BO, email: "bo@example.com" }, refused("invitee", "already_member", 409, "/context/actor/user_id"), bosInvitation);
  respond("decline by an active member who was invited", "decline", INV_EVE, { user_id: BO, email: "bo@example.com" }, allowed("invitee"), bosInvitation);
  const deesInvitation = edit((s) => { s.invitations[0].email = "dee@example.com"; });
  respond("accept by a removed member invited back", "accept", INV_EVE, { user_id: DEE, email: "dee@example.com" }, allowed("invitee"), deesInvitation);
}
respond("accept by an actor whose id is not a user id: 422", "accept", INV_EVE, { user_id: "eve", email: "eve@example.com" },
  refusedMany("invitee", [["invalid_value", "/context/actor/user_id"]]));
// The optional body: `{ display_name? }` for accepting (read as `accept_invitation` reads it), `{}`
// for declining; problems under `/body`, after the rules above.
const ACCEPT = `/v1/invitations/${INV_EVE}/accept`;
const DECLINE = `/v1/invitations/${INV_EVE}/decline`;
req("accept with a display name", "POST", ACCEPT, { display_name: "  Eve Adams " }, invitee("eve@example.com"), allowed("invitee"));
req("accept with an empty body", "POST", ACCEPT, {}, invitee("eve@example.com"), allowed("invitee"));
req("accept with display_name null", "POST", ACCEPT, { display_name: null }, invitee("eve@example.com"), allowed("invitee"));
req("accept: display_name not a string: 422", "POST", ACCEPT, { display_name: 5 }, invitee("eve@example.com"), refusedMany("invitee", [["invalid_type", "/body/display_name"]]));
req("accept: a blank display_name: 422", "POST", ACCEPT, { display_name: "   " }, invitee("eve@example.com"), refusedMany("invitee", [["empty_value", "/body/display_name"]]));
req("accept: every body problem (the ids come from the path and the actor)", "POST", ACCEPT, { user_id: EVE, invitation_id: INV_EVE, display_name: "Eve\u200b" }, invitee("eve@example.com"),
  refusedMany("invitee", [["unknown_field", "/body/user_id"], ["unknown_field", "/body/invitation_id"], ["invalid_value", "/body/display_name"]]));
req("accept: a body that is not an object: 422", "POST", ACCEPT, ["Eve"], invitee("eve@example.com"), refusedMany("invitee", [["invalid_type", "/body"]]));
req("accept: a null body: 422", "POST", ACCEPT, null, invitee("eve@example.com"), refusedMany("invitee", [["invalid_type", "/body"]]));
req("accept: the rules come before the body", "POST", ACCEPT, { display_name: 5 }, invitee("gus@example.com"), refused("invitee", "email_mismatch", 403, "/context/actor/email"));
req("decline with an empty body", "POST", DECLINE, {}, invitee("eve@example.com"), allowed("invitee"));
req("decline: any field is refused", "POST", DECLINE, { display_name: "Eve", reason: "busy" }, invitee("eve@example.com"),
  refusedMany("invitee", [["unknown_field", "/body/display_name"], ["unknown_field", "/body/reason"]]));
req("decline: a body that is not an object: 422", "POST", DECLINE, "no", invitee("eve@example.com"), refusedMany("invitee", [["invalid_type", "/body"]]));
req("accept: the invitation id in upper case is no route", "POST", `/v1/invitations/${INV_EVE.toUpperCase()}/accept`, undefined, invitee("eve@example.com"), NO_ROUTE);
req("accept by GET is no route", "GET", `/v1/invitations/${INV_EVE}/accept`, undefined, invitee("eve@example.com"), NO_ROUTE);

const allocation = { source_id: "pool-1", minutes: 100, cost_per_minute: 10, pulse_seconds: 6, currency: "USD", available_minutes: 500 };
req("POST minutes allocations by the owner", "POST", `${W}/minutes/allocations`, allocation, actor(ANA), allowed("minutes.allocate"));
req("POST minutes allocations by an admin: 403", "POST", `${W}/minutes/allocations`, allocation, actor(BO), refused("minutes.allocate", "forbidden", 403, ""));
req("POST minutes allocations beyond the source: 409", "POST", `${W}/minutes/allocations`, { ...allocation, minutes: 501 }, actor(ANA), refused("minutes.allocate", "insufficient_minutes", 409, "/body/minutes"));
req("POST minutes allocations: every body problem", "POST", `${W}/minutes/allocations`, { source_id: "", minutes: 0, cost_per_minute: 1.5, pulse_seconds: 7, currency: "usd", extra: 1 }, actor(ANA),
  refusedMany("minutes.allocate", [["unknown_field", "/body/extra"], ["empty_value", "/body/source_id"], ["out_of_range", "/body/minutes"], ["invalid_type", "/body/cost_per_minute"], ["invalid_value", "/body/pulse_seconds"], ["invalid_value", "/body/currency"], ["invalid_type", "/body/available_minutes"]]));
req("POST minutes allocations without a body", "POST", `${W}/minutes/allocations`, undefined, actor(ANA), refusedMany("minutes.allocate", [["invalid_type", "/body"]]));

req("GET members by a member", "GET", `${W}/members`, undefined, actor(CY), allowed("members.view"));
req("GET members by a non-member: 404", "GET", `${W}/members`, undefined, actor(STRANGER), refused("members.view", "not_a_member", 404, "/context/actor/user_id"));
req("GET invitations by an admin", "GET", `${W}/invitations`, undefined, actor(BO), allowed("invitations.view"));
req("GET invitations by a member: 403", "GET", `${W}/invitations`, undefined, actor(CY), refused("invitations.view", "forbidden", 403, ""));
req("GET capabilities by a member", "GET", `${W}/capabilities`, undefined, actor(CY), allowed("member"));
req("GET capabilities by a non-member: 404", "GET", `${W}/capabilities`, undefined, actor(STRANGER), refused("member", "not_a_member", 404, "/context/actor/user_id"));
req("GET capabilities without credentials: 401", "GET", `${W}/capabilities`, undefined, null, refused("member", "unauthenticated", 401, "/context/actor"));
req("GET capabilities in an archived workspace: 410", "GET", `${W}/capabilities`, undefined, actor(ANA), refused("member", "workspace_archived", 410, ""), archived());
req("GET capabilities of another workspace: 404", "GET", `/v1/workspaces/${WS2}/capabilities`, undefined, actor(ANA), refused("member", "workspace_mismatch", 404, "/request/path"));

// The audit route's limit, in the query of the path (1–100, default 50, public API).
const A = `${W}/audit`;
req("GET audit by an admin (limit 50 by default)", "GET", A, undefined, actor(BO), allowed("audit.view"));
req("GET audit with limit 1", "GET", `${A}?limit=1`, undefined, actor(BO), allowed("audit.view"));
req("GET audit with limit 100", "GET", `${A}?limit=100`, undefined, actor(BO), allowed("audit.view"));
req("GET audit with other parameters and a fragment", "GET", `${A}?cursor=a%3Db&limit=020#top`, undefined, actor(BO), allowed("audit.view"));
req("GET audit with limit 0: 422", "GET", `${A}?limit=0`, undefined, actor(BO), refusedMany("audit.view", [["out_of_range", "/request/path"]]));
req("GET audit with limit 101: 422", "GET", `${A}?limit=101`, undefined, actor(BO), refusedMany("audit.view", [["out_of_range", "/request/path"]]));
req("GET audit with a huge limit: 422", "GET", `${A}?limit=100000000000000000000`, undefined, actor(BO), refusedMany("audit.view", [["out_of_range", "/request/path"]]));
req("GET audit with a limit that is no number: 422", "GET", `${A}?limit=ten`, undefined, actor(BO), refusedMany("audit.view", [["invalid_value", "/request/path"]]));
req("GET audit with an empty limit: 422", "GET", `${A}?limit=`, undefined, actor(BO), refusedMany("audit.view", [["invalid_value", "/request/path"]]));
req("GET audit with a signed limit: 422", "GET", `${A}?limit=+5`, undefined, actor(BO), refusedMany("audit.view", [["invalid_value", "/request/path"]]));
req("GET audit with an escaped limit value: 422 (digits only)", "GET", `${A}?limit=%35`, undefined, actor(BO), refusedMany("audit.view", [["invalid_value", "/request/path"]]));
req("GET audit with an escaped name: still the limit", "GET", `${A}?%6Cimit=500`, undefined, actor(BO), refusedMany("audit.view", [["out_of_range", "/request/path"]]));
req("GET audit with the limit twice: 422", "GET", `${A}?limit=5&limit=6`, undefined, actor(BO), refusedMany("audit.view", [["invalid_value", "/request/path"]]));
req("GET audit: every problem of the query", "GET", `${A}?limit=0&limit=x`, undefined, actor(BO),
  refusedMany("audit.view", [["out_of_range", "/request/path"], ["invalid_value", "/request/path"], ["invalid_value", "/request/path"]]));
req("GET audit by a member: the permission comes before the query", "GET", `${A}?limit=0`, undefined, actor(CY), refused("audit.view", "forbidden", 403, ""));

// The body as the text the client sent (`body_text`): read by the crate's one JSON reader, which
// refuses a key given twice (`docs/rules/requests.md#bodies-as-text`).
const reqText = (name, method, path, body_text, who, expect, state = baseState()) =>
  requests.push({ name, call: "checkRequest", args: [{ method, path, body_text }, { actor: who, state, now: NOW }], expect });
reqText("body_text: POST invitation by an admin", "POST", `${W}/invitations`, '{"email": "New@Example.com", "role": "admin"}', actor(BO), allowed("members.invite"));
reqText("body_text: accept with a display name", "POST", `/v1/invitations/${INV_EVE}/accept`, '{"display_name": "Eve"}', invitee("eve@example.com"), allowed("invitee"));
reqText("body_text: an empty accept body is no body", "POST", `/v1/invitations/${INV_EVE}/accept`, " \n", invitee("eve@example.com"), allowed("invitee"));
reqText("body_text: accept with display_name twice: 400", "POST", `/v1/invitations/${INV_EVE}/accept`, '{"display_name":"Eve","display_name":"Mallory"}', invitee("eve@example.com"),
  refused("invitee", "duplicate_key", 400, "/body/display_name"));
reqText("body_text: decline with text that is not JSON: 400", "POST", `/v1/invitations/${INV_EVE}/decline`, "{", invitee("eve@example.com"), refused("invitee", "invalid_json", 400, "/body"));
reqText("body_text: POST invitation with the role twice: 400", "POST", `${W}/invitations`, '{"email":"x@example.com","role":"owner","role":"member"}', actor(BO), refused("members.invite", "duplicate_key", 400, "/body/role"));
reqText("body_text: POST archive with the slug twice: 400", "POST", `${W}/archive`, '{"slug":"nope","slug":"client-a-support"}', actor(ANA), refused("workspace.archive", "duplicate_key", 400, "/body/slug"));
reqText("body_text: PUT voice settings with speed twice: 400", "PUT", `/v1/${WS}/settings/voice`, '{"speed":1,"speed":3}', actor(BO), refused("voice_settings.update", "duplicate_key", 400, "/body/speed"));
reqText("body_text: a key twice deep in the body", "PUT", `/v1/${WS}/settings/voice`, '{"pronunciation": [{"word": "a", "word": "b"}]}', actor(BO), refused("voice_settings.update", "duplicate_key", 400, "/body/pronunciation/0/word"));
reqText("body_text that is not JSON: 400", "PATCH", W, '{"name": "B",}', actor(BO), refused("workspace.update", "invalid_json", 400, "/body"));
reqText("body_text: an empty text is no body", "PATCH", W, "", actor(BO), refusedMany("workspace.update", [["invalid_type", "/body"]]));
reqText("body_text: the permission comes before the body", "PATCH", W, "{{{", actor(CY), refused("workspace.update", "forbidden", 403, ""));
reqText("body_text: a route without a body ignores it", "GET", W, "not json", actor(CY), allowed("workspace.view"));
const throws = (name, request, context, expect) => requests.push({ name, call: "checkRequest", args: [request, context], expect });
throws("a request that is not an object throws", "GET /", { actor: null, state: baseState(), now: NOW }, err("validation_failed", 422, [["invalid_type", "/request"]]));
throws("every problem of the request and context", { method: 1, url: "/" }, { actor: { id: ANA }, state: baseState() },
  err("validation_failed", 422, [["unknown_field", "/request/url"], ["invalid_type", "/request/method"], ["invalid_type", "/request/path"], ["unknown_field", "/context/actor/id"], ["invalid_type", "/context/actor/user_id"], ["invalid_type", "/context/now"]]));
throws("body and body_text together throw", { method: "GET", path: W, body: {}, body_text: "{}" }, { actor: null, state: baseState(), now: NOW },
  err("validation_failed", 422, [["invalid_value", "/request/body_text"]]));
throws("a body_text that is not a string throws", { method: "GET", path: W, body_text: {} }, { actor: null, state: baseState(), now: NOW },
  err("validation_failed", 422, [["invalid_type", "/request/body_text"]]));
throws("an invalid state throws invalid_state", { method: "GET", path: W }, { actor: null, state: edit((s) => { s.workspace.slug = "Bad"; }), now: NOW },
  err("invalid_state", 422, [["invalid_value", "/context/state/workspace/slug"]]));

// authorize: the matrix plus `docs/rules/lifecycle.md` outside of any route.
const auth = (name, state, user, action, expect) => requests.push({ name, call: "authorize", args: [state, user, action], expect });
auth("knowledge bases are created in the default workspace", isDefault(), ANA, "knowledge_bases.create", allowed("knowledge_bases.create"));
auth("knowledge_bases.create elsewhere: default_workspace_only", baseState(), ANA, "knowledge_bases.create", refused("knowledge_bases.create", "default_workspace_only", 403, ""));
auth("knowledge_bases.create is for owners, even in the default workspace", isDefault(), BO, "knowledge_bases.create", refused("knowledge_bases.create", "forbidden", 403, ""));
auth("knowledge bases are connected in any workspace", baseState(), CY, "knowledge_bases.connect", allowed("knowledge_bases.connect"));
auth("the outbound gate", edit((s) => { s.settings.outbound_enabled = false; }), CY, "calls.outbound", refused("calls.outbound", "outbound_disabled", 403, ""));
auth("the outbound gate opens again", baseState(), CY, "calls.outbound", allowed("calls.outbound"));
auth("a non-member", baseState(), STRANGER, "workspace.view", refused("workspace.view", "not_a_member", 404, "/user_id"));
auth("an archived workspace", archived(), ANA, "workspace.view", refused("workspace.view", "workspace_archived", 410, ""));
auth("an unknown action throws", baseState(), ANA, "workspace.fly", one("unknown_action", 400, "/action"));

// ---- `docs/rules/lifecycle.md` switching and listing ----
const workspaces = [];
const ws1 = workspaceRecord();
const ws2 = workspaceRecord({ id: WS2, name: "Old Client", slug: "old-client", status: "archived", archived_at: EARLIER });
const ws3 = workspaceRecord({ id: WS3, name: "My Workspace", slug: "my-workspace", is_default: true });
const ws4 = workspaceRecord({ id: NEW_ID, name: "Client B", slug: "client-b", environment: "staging" });
const memberships = [
  { workspace: ws1, role: "owner", status: "active" },
  { workspace: ws2, role: "member", status: "active" },
  { workspace: ws3, role: "admin", status: "deactivated" },
  { workspace: ws4, role: "member", status: "active" },
];
workspaces.push({ name: "switch to an active workspace: the role there", call: "switchWorkspace", args: [memberships, NEW_ID], expect: { ok: { workspace: ws4, role: "member" } } });
workspaces.push({ name: "switch to an archived workspace: 410", call: "switchWorkspace", args: [memberships, WS2], expect: one("workspace_archived", 410, "") });
workspaces.push({ name: "switch where the membership is deactivated: 404", call: "switchWorkspace", args: [memberships, WS3], expect: one("not_a_member", 404, "/workspace_id") });
workspaces.push({ name: "switch to a workspace without a membership: 404", call: "switchWorkspace", args: [memberships, STRANGER], expect: one("not_a_member", 404, "/workspace_id") });
workspaces.push({ name: "list: archived workspaces and deactivated memberships are left out, order kept", call: "listWorkspaces", args: [memberships],
  expect: { ok: [{ workspace: ws1, role: "owner" }, { workspace: ws4, role: "member" }] } });
workspaces.push({ name: "list of none", call: "listWorkspaces", args: [[]], expect: { ok: [] } });
workspaces.push({ name: "memberships are validated", call: "listWorkspaces", args: [[{ workspace: { ...ws1, slug: "Bad" }, role: "boss", status: "gone" }, { workspace: ws1, role: "owner", status: "active" }, { workspace: ws1, role: "owner", status: "active" }]],
  expect: err("validation_failed", 422, [["invalid_value", "/memberships/0/workspace/slug"], ["unknown_role", "/memberships/0/role"], ["invalid_value", "/memberships/0/status"], ["invalid_value", "/memberships/2/workspace/id"]]) });

const files = {
  "lifecycle_commands.json": { description: "`docs/rules/lifecycle.md` through apply(), createWorkspace() and confirmDelete(): provision (idempotent), archive (owner, exact slug, default protected, 410 afterwards), test caller numbers, settings, the default workspace, the delete confirmation.", cases: lifecycle },
  "minutes.json": { description: "`docs/rules/lifecycle.md` minutes through apply() and callCost(): allocations (owners, available minutes, append-only history), calls billed in pulses with half-up integer costs, remaining never below zero with the overage reported.", cases: minutes },
  "requests.json": { description: "`docs/rules/requests.md` checkRequest() for every route and every step of the order of checks, and authorize() for `docs/rules/lifecycle.md`'s refusals (knowledge bases, the outbound gate).", cases: requests },
  "workspaces.json": { description: "`docs/rules/lifecycle.md` switchWorkspace() and listWorkspaces().", cases: workspaces },
};
for (const [file, content] of Object.entries(files)) {
  writeFileSync(join(here, file), JSON.stringify(content, null, 2) + "\n");
}
console.log(Object.entries(files).map(([f, c]) => `${f}: ${c.cases.length} cases`).join(", "));
