// Credit allowances as a JavaScript user meets them: the README's worked example (allowance → usage
// → threshold event → exhausted → outbound refused → next period), creditStatus never changing its
// input, and the refusals.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createWorkspace, apply, creditStatus, checkRequest, authorize, WorkspaceRulesError } from "workspace-rules";

const ana = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
const id = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f";
const rate = (credits, per) => ({ credits, per });

test("the README's worked example: allowance → usage → threshold → exhausted → refused → next period", () => {
  let { state } = createWorkspace(
    { name: "Client A Support", environment: "production" },
    { actor_id: ana, actor_email: "ana@example.com", now: "2026-11-22T10:00:00.000Z", account_role: "owner", ids: [id] },
  );
  assert.equal(state.credits, null);
  assert.equal(creditStatus(state, "2026-11-22T10:00:00.000Z"), null);

  // 1. The allowance: 100 credits a month from the 1st, a hard limit, alerts at 80 % and 100 %.
  const set = apply(state, {
    type: "set_credit_allowance", monthly_credits: 100, reset_day: 1, rollover: "none", rollover_cap: 0,
    hard_limit: true, alert_thresholds: [80, 100],
    rates: { call_seconds: rate(1, 6), stt_seconds: rate(1, 60), tts_characters: rate(1, 100),
             llm_input_tokens: rate(1, 1000), llm_output_tokens: rate(3, 1000) },
  }, { actor_id: ana, now: "2026-11-22T10:00:00.000Z" });
  state = set.state;
  assert.deepEqual(set.events.map((e) => e.type), ["workspace.credit_allowance_updated"]);
  assert.deepEqual([state.credits.period.start, state.credits.period.end], ["2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"]);

  // 2. Usage: 8 minutes of calls = 480 s at 1 credit / 6 s = 80 credits: the 80 % threshold.
  const used = apply(state, { type: "record_usage", meter: "call_seconds", units: 480 }, { actor_id: ana, now: "2026-11-23T09:00:00Z" });
  state = used.state;
  assert.deepEqual(used.events.map((e) => [e.type, e.metadata]), [["workspace.credit_threshold_reached", { threshold: 80, used: 80, available: 100 }]]);

  // 3. 20 000 output tokens at 3 credits / 1000 = 60 credits: 140 used, the 100 % threshold, exhausted.
  state = apply(state, { type: "record_usage", meter: "llm_output_tokens", units: 20000 }, { actor_id: ana, now: "2026-11-24T09:00:00Z" }).state;
  const status = creditStatus(state, "2026-11-24T09:00:00Z");
  assert.deepEqual(
    { used: status.used, remaining: status.remaining, overage: status.overage, percent_used: status.percent_used, exhausted: status.exhausted, thresholds_reached: status.thresholds_reached, next_threshold: status.next_threshold },
    { used: 140, remaining: 0, overage: 40, percent_used: 140, exhausted: true, thresholds_reached: [80, 100], next_threshold: null },
  );

  // 4. Outbound calls are refused under the hard limit, at the edge and through authorize.
  const outbound = { method: "POST", path: `/v1/${id}/calls/outbound` };
  const refused = checkRequest(outbound, { actor: { user_id: ana }, state, now: "2026-11-24T09:00:00Z" });
  assert.deepEqual([refused.allowed, refused.status, refused.error.code], [false, 402, "credits_exhausted"]);
  assert.equal(authorize(state, ana, "calls.outbound", "2026-11-24T09:00:00Z").status, 402);

  // 5. The next period: the reset gives the credits back, before any command has run.
  const december = creditStatus(state, "2026-12-01T00:00:00.000Z");
  assert.deepEqual([december.period_start, december.available, december.used, december.exhausted], ["2026-12-01T00:00:00.000Z", 100, 0, false]);
  assert.equal(checkRequest(outbound, { actor: { user_id: ana }, state, now: "2026-12-01T00:00:00.000Z" }).allowed, true);
  const next = apply(state, { type: "record_usage", meter: "stt_seconds", units: 60 }, { actor_id: ana, now: "2026-12-02T08:00:00Z" });
  assert.deepEqual(next.events.map((e) => [e.type, e.metadata]), [["workspace.credits_reset", { period_start: "2026-12-01T00:00:00.000Z", carried_over: 0 }]]);
  assert.deepEqual(next.state.credits.history, [{ start: "2026-11-01T00:00:00.000Z", end: "2026-12-01T00:00:00.000Z", available: 100, used: 140, overage: 40 }]);
});

test("creditStatus reads without changing its input, and refuses time running backwards", () => {
  const { state } = createWorkspace(
    { name: "Client A Support", environment: "production" },
    { actor_id: ana, actor_email: "ana@example.com", now: "2026-11-22T10:00:00Z", account_role: "owner", ids: [id] },
  );
  const withCredits = apply(state, {
    type: "set_credit_allowance", monthly_credits: 10, reset_day: 28, rollover: "capped", rollover_cap: 20,
    hard_limit: false, alert_thresholds: [],
    rates: { call_seconds: rate(1, 1), stt_seconds: rate(1, 1), tts_characters: rate(1, 1), llm_input_tokens: rate(1, 1), llm_output_tokens: rate(1, 1) },
  }, { actor_id: ana, now: "2026-11-22T10:00:00Z" }).state;
  const before = JSON.stringify(withCredits);
  // Empty periods roll in turn, each carrying what it had up to the cap: 10, then 20, 20, 20.
  assert.equal(creditStatus(withCredits, "2027-02-28T00:00:00Z").carried_over, 20);
  assert.equal(JSON.stringify(withCredits), before);
  assert.throws(() => creditStatus(withCredits, "2026-10-01T00:00:00Z"), (e) => e instanceof WorkspaceRulesError && e.code === "invalid_value" && e.errors[0].path === "/now");
  assert.throws(() => apply(withCredits, { type: "record_usage", meter: "sms", units: 0 }, { actor_id: ana, now: "2026-11-22T10:00:00Z" }),
    (e) => e.code === "validation_failed" && e.errors.map((p) => p.path).join() === "/command/meter,/command/units");
  assert.throws(() => apply(state, { type: "record_usage", meter: "call_seconds", units: 6 }, { actor_id: ana, now: "2026-11-22T10:00:00Z" }),
    (e) => e.code === "no_credit_allowance" && e.status === 409);
});
