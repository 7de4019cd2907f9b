// Limits on input size (`docs/guides/errors-and-limits.md#limits`): every oversized input is answered with a clear error or a
// correct result, never a hang. Each test has a timeout as a hang guard; durations are printed for
// the record, not asserted (speed is measured in `npm run bench`).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as api from "workspace-rules";

const HANG_GUARD = { timeout: 60_000 };
const OWNER = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
const ctx = { actor_id: OWNER, actor_email: "ana@example.com", now: "2026-11-22T10:00:00.000Z", account_role: "owner", ids: ["3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f"] };

function timed(t, label, f) {
  const t0 = performance.now();
  try {
    return f();
  } finally {
    t.diagnostic(`${label}: ${(performance.now() - t0).toFixed(1)} ms`);
  }
}
const refusal = (code, path) => (e) => e instanceof api.WorkspaceRulesError && e.errors.some((p) => p.code === code && p.path === path);

function stateWith(members) {
  const { state } = api.createWorkspace({ name: "Big", environment: "production" }, ctx);
  for (let i = 0; i < members; i++) {
    state.members.push({ user_id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, email: `u${i}@example.com`, display_name: `U${i}`, role: "member", status: "active", joined_at: "2026-01-10T08:00:00.000Z" });
  }
  return state;
}

test("a 10 MB patch (one huge string) is refused: too_long", HANG_GUARD, (t) => {
  const patch = { voice_id: "x".repeat(10 * 1024 * 1024) };
  assert.throws(() => timed(t, "10 MB voice_id", () => api.updateVoiceSettings({}, patch)), refusal("too_long", "/voice_id"));
  const check = timed(t, "10 MB validate", () => api.validateVoiceSettings(patch));
  assert.equal(check.ok, false);
});

test("a 10 MB patch of a million keys is refused unread: too_many_items", HANG_GUARD, (t) => {
  const patch = Object.fromEntries(Array.from({ length: 1_000_000 }, (_, i) => [`k${i}`, 1]));
  assert.throws(() => timed(t, "1e6 keys", () => api.updateVoiceSettings({}, patch)), refusal("too_many_items", ""));
});

test("10^6 keyterms: refused unread in a patch and in a merge", HANG_GUARD, (t) => {
  const terms = Array.from({ length: 1_000_000 }, (_, i) => `term ${i}`);
  assert.throws(() => timed(t, "1e6 keyterms patch", () => api.updateVoiceSettings({}, { keyterms: terms })), refusal("too_many_items", "/keyterms"));
  assert.throws(() => timed(t, "1e6 keyterms merge", () => api.mergeKeyterms(terms)), refusal("too_many_items", "/0"));
  const lists = Array.from({ length: 100 }, (_, j) => terms.slice(j * 10_000, (j + 1) * 10_000));
  assert.throws(() => timed(t, "100 lists of 1e4", () => api.mergeKeyterms(...lists)), refusal("too_many_items", ""));
});

test("10,000 keyterms (the most a merge reads) merge correctly", HANG_GUARD, (t) => {
  const terms = Array.from({ length: 10_000 }, (_, i) => `Term ${i % 5000}`);
  const merged = timed(t, "1e4 keyterms merge", () => api.mergeKeyterms(terms));
  assert.equal(merged.keyterms.length, 200);
  assert.equal(merged.dropped.length, 9_800);
  assert.deepEqual(new Set(merged.dropped.map((d) => d.reason)), new Set(["limit", "duplicate"]));
});

test("a state of 10^5 members is refused unread: too_many_items at /state/members", HANG_GUARD, (t) => {
  const state = stateWith(100_000);
  assert.throws(
    () => timed(t, "1e5 members", () => api.apply(state, { type: "leave_workspace" }, ctx)),
    refusal("too_many_items", "/state/members"),
  );
});

test("a state of 9,999 members is answered correctly", HANG_GUARD, (t) => {
  const state = stateWith(9_999);
  const invited = timed(t, "1e4 members invite", () =>
    api.apply(state, { type: "invite_member", email: "new@example.com", role: "member" }, { ...ctx, ids: ["9b1c2d3e-4f50-4a61-8b72-c3d4e5f60001"] }),
  );
  assert.equal(invited.events[0].type, "workspace.invitation_sent");
  assert.equal(invited.state.members.length, 10_000);
});

test("input nested 100,000 levels deep is refused, not a stack overflow", HANG_GUARD, () => {
  let deep = {};
  for (let i = 0; i < 100_000; i++) deep = { speed: deep };
  assert.throws(() => api.updateVoiceSettings({}, deep), api.WorkspaceRulesError);
});

test("a 100 KB path is answered at once: unknown_route", HANG_GUARD, (t) => {
  const { state } = api.createWorkspace({ name: "Big", environment: "production" }, ctx);
  const path = `/v1/workspaces/${state.workspace.id}/` + "a/".repeat(50_000);
  const decision = timed(t, "100 KB path", () => api.checkRequest({ method: "GET", path }, { actor: { user_id: OWNER }, state, now: ctx.now }));
  assert.equal(decision.allowed, false);
  assert.equal(decision.status, 404);
  assert.equal(decision.error.code, "unknown_route");
});
