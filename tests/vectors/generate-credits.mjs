// Generates credits.json: the shared vectors of `docs/rules/credits.md` (credit allowances) — the
// allowance (set, changed, removed), the schedule (reset days 1 and 28, February, the leap year 2028,
// the year boundary, the exact reset moment), rolling forward (rollover none and capped, under and
// over the cap, skipped months in turn, history kept to 24), usage per meter with rounding on the
// period's totals, thresholds (several at once, lowest first, never twice), the hard and soft limits
// through apply(), checkRequest() and authorize(), the two routes, creditStatus(), amounts near 2^53,
// and every refusal and invalid state.
//
// Expected answers come from the spec, independently of the Rust code: a small transcription of the
// rules below (`model`) closes periods one at a time exactly as the rule is worded, and the numbers the
// issue names are worked out by hand and checked against the transcription (`hand`), so a mistake in
// either stops the generator.
//   node tests/vectors/generate-credits.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

// ---- fixtures (the same people as generate-edge.mjs) ----
const WS = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f";
const WS2 = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e70";
const ANA = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01"; // owner
const BO = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02"; // admin
const CY = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f03"; // member
const DEE = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f04"; // deactivated member
const STRANGER = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f99";
const MAX = 9007199254740991; // 2^53 − 1
const METERS = ["call_seconds", "stt_seconds", "tts_characters", "llm_input_tokens", "llm_output_tokens"];
const KEYS = ["monthly_credits", "reset_day", "rollover", "rollover_cap", "hard_limit", "alert_thresholds", "rates"];

const member = (user_id, email, display_name, role, status = "active") => ({
  user_id, email, display_name, role, status, joined_at: "2026-01-10T08:00:00.000Z",
});
function baseState(credits = null) {
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
    invitations: [],
    settings: {
      language: "en", outbound_enabled: true, integration_version: "v2",
      default_llm: null, default_stt_provider: null, default_tts_provider: null,
    },
    voice_settings: {},
    test_caller_numbers: [],
    minutes: { allocations: [], used_seconds: 0 },
    credits,
  };
}
const clone = (x) => JSON.parse(JSON.stringify(x));
const ctx = (actor_id, now) => ({ actor_id, now });
const err = (code, status, errors) => ({ error: { code, status, errors: errors.map(([c, path]) => ({ code: c, path })) } });
const one = (code, status, path) => err(code, status, [[code, path]]);
const invalid = (...errors) => err("invalid_state", 422, errors);
const failed = (...errors) => err("validation_failed", 422, errors);

// The spec's example rates (1 credit per 6 s of call, per minute of STT, per 100 TTS characters, per
// 1000 input tokens; 3 per 1000 output tokens) and allowance.
const RATES = {
  call_seconds: { credits: 1, per: 6 }, stt_seconds: { credits: 1, per: 60 }, tts_characters: { credits: 1, per: 100 },
  llm_input_tokens: { credits: 1, per: 1000 }, llm_output_tokens: { credits: 3, per: 1000 },
};
const allowanceOf = (fields = {}) => {
  const a = { monthly_credits: 50000, reset_day: 1, rollover: "none", rollover_cap: 0, hard_limit: true, alert_thresholds: [80, 100], rates: RATES, ...fields };
  return Object.fromEntries(KEYS.map((k) => [k, clone(a[k])]));
};
const zeroUsage = () => Object.fromEntries(METERS.map((m) => [m, 0]));
const usageOf = (u = {}) => ({ ...zeroUsage(), ...u });
/** A stored record: the allowance, the period [start, end) and its history. */
const record = (allowance, start, end, { carried_over = 0, usage = {}, thresholds_reached = [], history = [] } = {}) => ({
  allowance: allowanceOf(allowance),
  period: { start, end, carried_over, usage: usageOf(usage), thresholds_reached },
  history,
});

// ---- the model: `docs/rules/credits.md` transcribed, in BigInt ----
const pad = (n, w = 2) => String(n).padStart(w, "0");
/** 00:00:00.000 UTC on `day` of month number `m` (year × 12 + month − 1). */
const resetAt = (m, day) => `${pad(Math.floor(m / 12), 4)}-${pad((m % 12) + 1)}-${pad(day)}T00:00:00.000Z`;
const ms = (t) => Date.parse(t);
const monthOf = (t) => { const d = new Date(ms(t)); return d.getUTCFullYear() * 12 + d.getUTCMonth(); };
const dayOf = (t) => new Date(ms(t)).getUTCDate();
/** The latest reset moment ≤ now, as its month number. */
const periodMonth = (now, day) => (dayOf(now) >= day ? monthOf(now) : monthOf(now) - 1);
const big = BigInt;
const max0 = (x) => (x > 0n ? x : 0n);

function amounts(c) {
  const a = c.allowance;
  const available = big(a.monthly_credits) + big(c.period.carried_over);
  let used = 0n;
  const by_meter = {};
  for (const m of METERS) {
    const units = big(c.period.usage[m]);
    const { credits, per } = a.rates[m];
    // ceil(units × credits / per) on the period's total units.
    const cost = (units * big(credits) + big(per) - 1n) / big(per);
    by_meter[m] = { units: Number(units), credits: Number(cost) };
    used += cost;
  }
  return { available, used, by_meter };
}

/** Closes periods one after another until the one containing `now` is open. */
function roll(c0, now) {
  const c = clone(c0);
  if (ms(now) < ms(c.period.start)) throw new Error("backwards");
  if (ms(now) < ms(c.period.end)) return { c, rolled: false };
  const a = c.allowance;
  let { available, used } = amounts(c);
  let start = c.period.start;
  let end = c.period.end;
  for (;;) {
    c.history.push({ start, end, available: Number(available), used: Number(used), overage: Number(max0(used - available)) });
    const unused = max0(available - used);
    const carried = a.rollover === "none" ? 0n : (unused < big(a.rollover_cap) ? unused : big(a.rollover_cap));
    // The next period starts at the end and ends at the next reset moment after that start.
    start = end;
    end = resetAt(monthOf(start) + 1, a.reset_day);
    if (ms(now) < ms(end)) {
      c.period = { start, end, carried_over: Number(carried), usage: zeroUsage(), thresholds_reached: [] };
      break;
    }
    available = big(a.monthly_credits) + carried;
    used = 0n;
  }
  c.history = c.history.slice(-24);
  return { c, rolled: true };
}

function status(c0, now) {
  const { c } = roll(c0, now);
  const { available, used, by_meter } = amounts(c);
  const remaining = max0(available - used);
  const reached = c.period.thresholds_reached;
  return {
    period_start: c.period.start, period_end: c.period.end, monthly_credits: c.allowance.monthly_credits,
    carried_over: c.period.carried_over, available: Number(available), used: Number(used), remaining: Number(remaining),
    overage: Number(max0(used - available)), percent_used: available === 0n ? 0 : Number((100n * used) / available),
    exhausted: remaining === 0n, by_meter, thresholds_reached: reached,
    next_threshold: c.allowance.alert_thresholds.find((t) => !reached.includes(t)) ?? null,
  };
}

/** An event at `now` in the library's written form (UTC, milliseconds). */
const event = (type, actor_id, now, metadata) => ({ type, workspace_id: WS, actor_id, at: new Date(ms(now)).toISOString(), metadata });
const resetEvent = (c, actor, now) => event("workspace.credits_reset", actor, now, { period_start: c.period.start, carried_over: c.period.carried_over });

/** set_credit_allowance on a state, as the rule reads. */
function setAllowance(state, command, actor, now) {
  const next = clone(state);
  const events = [];
  if (command.remove === true) {
    next.credits = null;
    if (state.credits) events.push(event("workspace.credit_allowance_updated", actor, now, { changed: KEYS, removed: true }));
    return { state: next, events };
  }
  const patch = Object.fromEntries(KEYS.filter((k) => k in command).map((k) => [k, clone(command[k])]));
  if (patch.alert_thresholds) patch.alert_thresholds.sort((x, y) => x - y);
  if (!state.credits) {
    const allowance = allowanceOf(patch);
    const m = periodMonth(now, allowance.reset_day);
    next.credits = { allowance, period: { start: resetAt(m, allowance.reset_day), end: resetAt(m + 1, allowance.reset_day), carried_over: 0, usage: zeroUsage(), thresholds_reached: [] }, history: [] };
    events.push(event("workspace.credit_allowance_updated", actor, now, { changed: KEYS }));
    return { state: next, events };
  }
  const { c, rolled } = roll(state.credits, now);
  if (rolled) events.push(resetEvent(c, actor, now));
  const before = c.allowance;
  const allowance = allowanceOf({ ...before, ...patch });
  const changed = KEYS.filter((k) => JSON.stringify(allowance[k]) !== JSON.stringify(before[k]));
  c.allowance = allowance;
  c.period.thresholds_reached = c.period.thresholds_reached.filter((t) => allowance.alert_thresholds.includes(t));
  if (allowance.reset_day !== before.reset_day) {
    // The first reset moment under the new day that is after now.
    const here = resetAt(monthOf(now), allowance.reset_day);
    c.period.end = ms(here) > ms(now) ? here : resetAt(monthOf(now) + 1, allowance.reset_day);
  }
  if (changed.length) events.push(event("workspace.credit_allowance_updated", actor, now, { changed }));
  next.credits = c;
  return { state: next, events };
}

/** record_usage on a state, as the rule reads. */
function recordUsage(state, meter, units, actor, now) {
  const next = clone(state);
  const events = [];
  const { c, rolled } = roll(state.credits, now);
  if (rolled) events.push(resetEvent(c, actor, now));
  c.period.usage[meter] += units;
  const { available, used } = amounts(c);
  for (const t of c.allowance.alert_thresholds) {
    // Reached when 100 × used ≥ t × available; each one once per period, lowest first.
    if (100n * used >= big(t) * available && !c.period.thresholds_reached.includes(t)) {
      c.period.thresholds_reached.push(t);
      events.push(event("workspace.credit_threshold_reached", actor, now, { threshold: t, used: Number(used), available: Number(available) }));
    }
  }
  c.period.thresholds_reached.sort((x, y) => x - y);
  next.credits = c;
  return { state: next, events };
}

/** Stops the generator when the transcription disagrees with a number worked out by hand. */
function hand(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: the model says ${a}, worked out by hand ${e}`);
}

// ---- cases ----
const cases = [];
const apply = (name, state, command, c, expect) => cases.push({ name, call: "apply", args: [state, command, c], expect });
const applied = (name, state, command, actor, now, result) => apply(name, state, command, ctx(actor, now), { ok: result });
const set = (name, state, fields, actor, now, check) => {
  const command = { type: "set_credit_allowance", ...fields };
  const result = setAllowance(state, command, actor, now);
  if (check) check(result);
  applied(name, state, command, actor, now, result);
  return result.state;
};
const use = (name, state, meter, units, actor, now, check) => {
  const result = recordUsage(state, meter, units, actor, now);
  if (check) check(result);
  applied(name, state, { type: "record_usage", meter, units }, actor, now, result);
  return result.state;
};
const stat = (name, state, now, check) => {
  const answer = state.credits ? status(state.credits, now) : null;
  if (check) check(answer);
  cases.push({ name: `creditStatus: ${name}`, call: "creditStatus", args: [state, now], expect: { ok: answer } });
};

// The allowance.
const NOV = "2026-11-22T10:00:00.000Z";
const FULL = { ...allowanceOf() };
const first = set("the first allowance opens the period containing now (reset day 1): every key changed", baseState(), FULL, ANA, NOV, ({ state, events }) => {
  hand([state.credits.period.start, state.credits.period.end], ["2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"], "the first period");
  hand(events.map((e) => e.metadata.changed.length), [7], "changed");
});
stat("no allowance: null", baseState(), NOV, (s) => hand(s, null, "no allowance"));
{
  const old = baseState();
  delete old.credits;
  stat("a state written before credits (no key) reads as null", old, NOV);
  applied("a state without the credits key is valid and answers credits: null", old, { type: "provision" }, BO, NOV,
    { state: { ...baseState(), workspace: { ...baseState().workspace, provisioned_at: NOV } }, events: [event("workspace.provisioned", BO, NOV, {})] });
}
stat("a fresh allowance: nothing used, the first threshold next", first, NOV, (s) =>
  hand([s.available, s.used, s.remaining, s.percent_used, s.exhausted, s.next_threshold], [50000, 0, 50000, 0, false, 80], "fresh"));
set("thresholds are stored ascending", baseState(), { ...FULL, alert_thresholds: [100, 25, 50] }, ANA, NOV,
  ({ state }) => hand(state.credits.allowance.alert_thresholds, [25, 50, 100], "ascending"));
set("reset day 28: on the 22nd the period began on the 28th of the month before", baseState(), { ...FULL, reset_day: 28 }, ANA, NOV,
  ({ state }) => hand([state.credits.period.start, state.credits.period.end], ["2026-10-28T00:00:00.000Z", "2026-11-28T00:00:00.000Z"], "day 28"));
set("reset day 22 at 10:00 on the 22nd: the period began at midnight", baseState(), { ...FULL, reset_day: 22 }, ANA, NOV,
  ({ state }) => hand(state.credits.period.start, "2026-11-22T00:00:00.000Z", "same day"));
set("the year boundary: December's period ends on January 1", baseState(), FULL, ANA, "2026-12-31T23:59:59.999Z",
  ({ state }) => hand([state.credits.period.start, state.credits.period.end], ["2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"], "year"));
set("February of the leap year 2028, reset day 28: Feb 28 to Mar 28", baseState(), { ...FULL, reset_day: 28 }, ANA, "2028-02-29T12:00:00.000Z",
  ({ state }) => hand([state.credits.period.start, state.credits.period.end], ["2028-02-28T00:00:00.000Z", "2028-03-28T00:00:00.000Z"], "leap 28"));
set("February of the leap year 2028, reset day 1: Feb 1 to Mar 1 (29 days)", baseState(), FULL, ANA, "2028-02-29T23:59:59.999Z",
  ({ state }) => hand([state.credits.period.start, state.credits.period.end], ["2028-02-01T00:00:00.000Z", "2028-03-01T00:00:00.000Z"], "leap 1"));
set("an offset in now: the period follows the UTC date", baseState(), FULL, ANA, "2027-01-01T00:30:00+01:00",
  ({ state }) => hand(state.credits.period.start, "2026-12-01T00:00:00.000Z", "UTC"));
// The first allowance lists every problem at once.
apply("the first allowance needs every field", baseState(), { type: "set_credit_allowance", monthly_credits: 100 }, ctx(ANA, NOV),
  failed(...KEYS.slice(1).map((k) => ["invalid_type", `/command/${k}`])));
apply("every problem of an allowance", baseState(), {
  type: "set_credit_allowance", monthly_credits: -1, reset_day: 29, rollover: "forever", rollover_cap: 1.5, hard_limit: "yes",
  alert_thresholds: [80, 0, 80, 101], rates: { call_seconds: { credits: -1, per: 0 }, stt_seconds: 1, sms: { credits: 1, per: 1 } }, colour: "red",
}, ctx(ANA, NOV), failed(
  ["unknown_field", "/command/colour"], ["out_of_range", "/command/monthly_credits"], ["out_of_range", "/command/reset_day"],
  ["invalid_value", "/command/rollover"], ["invalid_type", "/command/rollover_cap"], ["invalid_type", "/command/hard_limit"],
  ["out_of_range", "/command/alert_thresholds/1"], ["invalid_value", "/command/alert_thresholds/2"], ["out_of_range", "/command/alert_thresholds/3"],
  ["unknown_field", "/command/rates/sms"], ["out_of_range", "/command/rates/call_seconds/credits"], ["out_of_range", "/command/rates/call_seconds/per"],
  ["invalid_type", "/command/rates/stt_seconds"], ["invalid_type", "/command/rates/tts_characters"], ["invalid_type", "/command/rates/llm_input_tokens"],
  ["invalid_type", "/command/rates/llm_output_tokens"]));
apply("at most 5 alert thresholds", baseState(), { type: "set_credit_allowance", ...FULL, alert_thresholds: [10, 20, 30, 40, 50, 60] }, ctx(ANA, NOV),
  failed(["too_many_items", "/command/alert_thresholds"]));
apply("reset day 0 is out of range", baseState(), { type: "set_credit_allowance", ...FULL, reset_day: 0 }, ctx(ANA, NOV), failed(["out_of_range", "/command/reset_day"]));
set("at most 5 alert thresholds: 5 is fine, and no thresholds at all is fine too", baseState(), { ...FULL, alert_thresholds: [1, 2, 3, 99, 100] }, ANA, NOV);
set("an empty list of thresholds", baseState(), { ...FULL, alert_thresholds: [] }, ANA, NOV);
apply("billing.manage is for owners: an admin is forbidden", baseState(), { type: "set_credit_allowance", ...FULL }, ctx(BO, NOV), one("forbidden", 403, ""));
apply("the permission comes before the missing fields", baseState(), { type: "set_credit_allowance" }, ctx(BO, NOV), one("forbidden", 403, ""));
apply("a non-member learns nothing", baseState(), { type: "set_credit_allowance", ...FULL }, ctx(STRANGER, NOV), one("not_a_member", 404, "/ctx/actor_id"));
{
  const archived = baseState(first.credits);
  archived.workspace.status = "archived";
  archived.workspace.archived_at = "2026-11-21T10:00:00.000Z";
  apply("nothing happens in an archived workspace", archived, { type: "record_usage", meter: "call_seconds", units: 1 }, ctx(CY, NOV), one("workspace_archived", 410, ""));
}
// monthly_credits + rollover_cap under capped stays below 2^53.
apply("capped: monthly_credits + rollover_cap must stay below 2^53", baseState(), { type: "set_credit_allowance", ...FULL, monthly_credits: MAX, rollover: "capped", rollover_cap: 1 }, ctx(ANA, NOV),
  failed(["too_large", "/command/rollover_cap"]));
set("capped: monthly_credits + rollover_cap of exactly 2^53 − 1", baseState(), { ...FULL, monthly_credits: MAX - 100, rollover: "capped", rollover_cap: 100 }, ANA, NOV);
set("none: the cap is not added to anything", baseState(), { ...FULL, monthly_credits: MAX, rollover: "none", rollover_cap: MAX }, ANA, NOV);
apply("a later change is checked merged with the stored allowance", baseState(record({ monthly_credits: MAX - 100, rollover: "capped", rollover_cap: 100 }, "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z")),
  { type: "set_credit_allowance", rollover_cap: 101 }, ctx(ANA, NOV), failed(["too_large", "/command/rollover_cap"]));

// Later calls: only what is given changes.
set("later calls change only the fields given; metadata.changed lists them in allowance order", first, { hard_limit: false, monthly_credits: 60000 }, ANA, NOV,
  ({ events }) => hand(events[0].metadata.changed, ["monthly_credits", "hard_limit"], "changed"));
set("the same values again change nothing and emit nothing", first, { monthly_credits: 50000, alert_thresholds: [100, 80] }, ANA, NOV,
  ({ events }) => hand(events, [], "no-op"));
set("remove: false is the same as leaving it out", first, { remove: false, rollover: "capped", rollover_cap: 100000 }, ANA, NOV);
set("rates are replaced whole", first, { rates: { ...RATES, call_seconds: { credits: 2, per: 6 } } }, ANA, NOV);
apply("rates name every meter", first, { type: "set_credit_allowance", rates: { call_seconds: { credits: 1, per: 6 } } }, ctx(ANA, NOV),
  failed(...METERS.slice(1).map((m) => ["invalid_type", `/command/rates/${m}`])));

// Removal.
set("remove: credits becomes null, with its history; every key changed", baseState(record({}, "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z", {
  history: [{ start: "2026-10-01T00:00:00.000Z", end: "2026-11-01T00:00:00.000Z", available: 50000, used: 12, overage: 0 }],
})), { remove: true }, ANA, NOV, ({ state }) => hand(state.credits, null, "removed"));
set("remove without an allowance changes nothing", baseState(), { remove: true }, ANA, NOV, ({ events }) => hand(events, [], "nothing to remove"));
set("remove does not look at the time", first, { remove: true }, ANA, "2026-01-01T00:00:00.000Z");
apply("remove takes no other field", first, { type: "set_credit_allowance", remove: true, monthly_credits: 5, rates: {} }, ctx(ANA, NOV),
  failed(["invalid_value", "/command/monthly_credits"], ["invalid_value", "/command/rates"]));
apply("remove must be a boolean", first, { type: "set_credit_allowance", remove: "yes" }, ctx(ANA, NOV), failed(["invalid_type", "/command/remove"]));
apply("removal is for owners too", first, { type: "set_credit_allowance", remove: true }, ctx(BO, NOV), one("forbidden", 403, ""));

// Usage and rounding on the period's totals.
{
  // 7 s + 5 s of call at 1 credit per 6 s: 12 s on the total are 2 credits (per record it would be 2 + 1).
  const s1 = use("record_usage adds the units to the current period (any active member)", first, "call_seconds", 7, CY, NOV);
  const s2 = use("a second record on the same meter", s1, "call_seconds", 5, BO, NOV);
  stat("7 s + 5 s at 1 credit / 6 s are 2 credits: rounded on the period's total", s2, NOV, (s) =>
    hand([s.by_meter.call_seconds, s.used], [{ units: 12, credits: 2 }, 2], "7 + 5"));
  stat("one record of 7 s alone is 2 credits", s1, NOV, (s) => hand(s.used, 2, "7"));
}
{
  // Every meter: 601 s of call → ceil(601/6) = 101; 61 s of STT → 2; 250 characters → 3; 1001 input
  // tokens → 2; 1000 output tokens at 3/1000 → 3. Total 111.
  const all = baseState(record({}, "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z", {
    usage: { call_seconds: 601, stt_seconds: 61, tts_characters: 250, llm_input_tokens: 1001, llm_output_tokens: 1000 },
  }));
  stat("every meter at its rate", all, NOV, (s) =>
    hand([METERS.map((m) => s.by_meter[m].credits), s.used, s.remaining], [[101, 2, 3, 2, 3], 111, 49889], "every meter"));
  let state = first;
  for (const [m, u] of [["stt_seconds", 61], ["tts_characters", 250], ["llm_input_tokens", 1001], ["llm_output_tokens", 1000]]) {
    state = use(`record_usage on ${m}`, state, m, u, CY, NOV);
  }
  stat("the four other meters, recorded one by one", state, NOV, (s) => hand(s.used, 10, "four meters"));
  const free = baseState(record({ rates: { ...RATES, stt_seconds: { credits: 0, per: 1 } } }, "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z", { usage: { stt_seconds: MAX } }));
  stat("a rate of 0 credits makes a meter free", free, NOV, (s) => hand(s.used, 0, "free"));
}
apply("record_usage: units must be a whole number > 0, the meter one of the five", first, { type: "record_usage", meter: "sms", units: 0 }, ctx(CY, NOV),
  failed(["invalid_value", "/command/meter"], ["out_of_range", "/command/units"]));
apply("record_usage: a fraction of a unit", first, { type: "record_usage", meter: "call_seconds", units: 1.5 }, ctx(CY, NOV), failed(["invalid_type", "/command/units"]));
apply("record_usage: both fields are required", first, { type: "record_usage" }, ctx(CY, NOV), failed(["invalid_type", "/command/meter"], ["invalid_type", "/command/units"]));
apply("record_usage without an allowance: no_credit_allowance", baseState(), { type: "record_usage", meter: "call_seconds", units: 6 }, ctx(CY, NOV),
  one("no_credit_allowance", 409, "/state/credits"));
apply("record_usage by a deactivated member: not a member", first, { type: "record_usage", meter: "call_seconds", units: 6 }, ctx(DEE, NOV), one("not_a_member", 404, "/ctx/actor_id"));

// Thresholds: 100 × used ≥ t × available, checked on record_usage only, lowest first, never twice.
{
  const small = set("a small allowance for the thresholds", baseState(), { ...FULL, monthly_credits: 100, alert_thresholds: [50, 80, 100] }, ANA, NOV);
  // 49 credits: 4900 < 5000 → nothing. Then 1 more: 5000 ≥ 5000 → 50, exactly at the threshold.
  const s49 = use("below the first threshold: nothing emitted", small, "call_seconds", 49 * 6, CY, NOV, ({ events }) => hand(events, [], "49"));
  const s50 = use("exactly at a threshold: reached", s49, "call_seconds", 6, CY, NOV, ({ events }) => hand(events.map((e) => e.metadata), [{ threshold: 50, used: 50, available: 100 }], "50"));
  const s120 = use("crossing several at once: each emitted, lowest first", s50, "call_seconds", 70 * 6, CY, NOV,
    ({ events }) => hand(events.map((e) => e.metadata.threshold), [80, 100], "several"));
  const s121 = use("past every threshold: never emitted twice; usage recorded past the allowance", s120, "call_seconds", 6, CY, NOV, ({ events }) => hand(events, [], "twice"));
  stat("past the allowance: remaining 0, the overage reported, exhausted, no next threshold", s121, NOV, (s) =>
    hand([s.used, s.remaining, s.overage, s.percent_used, s.exhausted, s.next_threshold], [121, 0, 21, 121, true, null], "overage"));
  const zeroStart = use("from nothing to everything in one record", small, "call_seconds", 600, CY, NOV, ({ events }) => hand(events.map((e) => e.metadata.threshold), [50, 80, 100], "all"));
  stat("thresholds reached are listed ascending", zeroStart, NOV);
  set("a lower allowance does not emit: thresholds are checked on record_usage only", s49, { monthly_credits: 50 }, ANA, NOV,
    ({ events, state }) => hand([events.length, state.credits.period.thresholds_reached], [1, []], "no emission"));
  const lowered = setAllowance(s49, { type: "set_credit_allowance", monthly_credits: 50 }, ANA, NOV).state;
  use("the next record then emits every threshold now reached, lowest first", lowered, "llm_input_tokens", 1, CY, NOV,
    ({ events }) => hand(events.map((e) => e.metadata), [50, 80, 100].map((threshold) => ({ threshold, used: 50, available: 50 })), "after lowering"));
  set("new thresholds keep only the reached ones still listed", s50, { alert_thresholds: [40, 90] }, ANA, NOV,
    ({ state }) => hand(state.credits.period.thresholds_reached, [], "filtered"));
  set("a reached threshold still listed stays reached", s50, { alert_thresholds: [50, 90] }, ANA, NOV,
    ({ state }) => hand(state.credits.period.thresholds_reached, [50], "kept"));
  stat("next_threshold is the lowest not yet reached", s50, NOV, (s) => hand(s.next_threshold, 80, "next"));
  const zero = baseState(record({ monthly_credits: 0, alert_thresholds: [100] }, "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"));
  stat("nothing available: percent_used 0, exhausted", zero, NOV, (s) => hand([s.percent_used, s.exhausted], [0, true], "zero"));
  use("nothing available: the first unit reaches every threshold (100 × used ≥ t × 0)", zero, "tts_characters", 1, CY, NOV,
    ({ events }) => hand(events.map((e) => e.metadata), [{ threshold: 100, used: 1, available: 0 }], "zero available"));
}

// Time passes: rolling forward.
{
  const dec = "2026-12-01T00:00:00.000Z";
  const used = baseState(record({ rollover: "capped", rollover_cap: 30000 }, "2026-11-01T00:00:00.000Z", dec, { usage: { call_seconds: 6 * 20000 }, thresholds_reached: [] }));
  // November: 50000 available, 20000 used → 30000 unused, the cap is 30000: all of it carries.
  stat("at the exact reset moment the next period has begun", used, dec, (s) =>
    hand([s.period_start, s.carried_over, s.available, s.used], [dec, 30000, 80000, 0], "exact"));
  stat("a millisecond before the reset the period is still the old one", used, "2026-11-30T23:59:59.999Z", (s) => hand([s.period_start, s.used], ["2026-11-01T00:00:00.000Z", 20000], "before"));
  use("a command past the end closes the period first: workspace.credits_reset before its own events", used, "call_seconds", 6, CY, dec,
    ({ events, state }) => hand([events.map((e) => e.type), state.credits.history.length, state.credits.period.usage.call_seconds], [["workspace.credits_reset"], 1, 6], "reset"));
  const over = baseState(record({ rollover: "capped", rollover_cap: 10000 }, "2026-11-01T00:00:00.000Z", dec, { usage: { call_seconds: 6 * 20000 } }));
  stat("capped over the cap: 30000 unused, 10000 carried", over, "2026-12-15T00:00:00.000Z", (s) => hand(s.carried_over, 10000, "over cap"));
  const none = baseState(record({ rollover: "none", rollover_cap: 10000 }, "2026-11-01T00:00:00.000Z", dec, { usage: { call_seconds: 6 * 20000 } }));
  stat("rollover none: unused credits are lost at the reset", none, "2026-12-15T00:00:00.000Z", (s) => hand(s.carried_over, 0, "none"));
  const overused = baseState(record({ rollover: "capped", rollover_cap: 10000 }, "2026-11-01T00:00:00.000Z", dec, { usage: { call_seconds: 6 * 60000 } }));
  stat("an overage is not carried: the next period starts from the monthly credits", overused, "2026-12-15T00:00:00.000Z", (s) => hand([s.carried_over, s.available], [0, 50000], "overage"));
  // Skipped months, capped at 120000: Nov 50000 − 20000 → 30000; Dec 80000 unused → 80000; Jan 130000
  // → 120000 (cap); Feb 170000 → 120000. March opens with 120000.
  const skipped = baseState(record({ rollover: "capped", rollover_cap: 120000 }, "2026-11-01T00:00:00.000Z", dec, { usage: { call_seconds: 6 * 20000 } }));
  const rolled = use("several skipped months are closed in turn, each carrying into the next", skipped, "stt_seconds", 60, BO, "2027-03-05T08:00:00.000Z",
    ({ state, events }) => {
      hand(state.credits.history.map((h) => [h.start.slice(0, 10), h.available, h.used]), [["2026-11-01", 50000, 20000], ["2026-12-01", 80000, 0], ["2027-01-01", 130000, 0], ["2027-02-01", 170000, 0]], "skipped");
      hand(events[0].metadata, { period_start: "2027-03-01T00:00:00.000Z", carried_over: 120000 }, "carried");
    });
  stat("after rolling: the period containing now", rolled, "2027-03-05T08:00:00.000Z");
  stat("creditStatus rolls skipped months the same way without changing the state", skipped, "2027-03-05T08:00:00.000Z", (s) => hand([s.carried_over, s.available], [120000, 170000], "status roll"));
  set("set_credit_allowance past the end rolls first: credits_reset, then the update", skipped, { hard_limit: false }, ANA, "2027-01-10T00:00:00.000Z",
    ({ events }) => hand(events.map((e) => e.type), ["workspace.credits_reset", "workspace.credit_allowance_updated"], "set rolls"));
  set("an unchanged allowance past the end still rolls: only credits_reset", skipped, { hard_limit: true }, ANA, "2027-01-10T00:00:00.000Z",
    ({ events }) => hand(events.map((e) => e.type), ["workspace.credits_reset"], "roll only"));
  // Day 28 across February: 2027-01-28 → 2027-02-28 → 2027-03-28.
  const d28 = baseState(record({ reset_day: 28 }, "2027-01-28T00:00:00.000Z", "2027-02-28T00:00:00.000Z"));
  stat("reset day 28 across February (2027)", d28, "2027-03-01T00:00:00.000Z", (s) => hand([s.period_start, s.period_end], ["2027-02-28T00:00:00.000Z", "2027-03-28T00:00:00.000Z"], "feb 28"));
  const y = baseState(record({}, "2027-12-01T00:00:00.000Z", "2028-01-01T00:00:00.000Z"));
  stat("the year boundary while rolling", y, "2028-01-01T00:00:00.000Z", (s) => hand([s.period_start, s.period_end], ["2028-01-01T00:00:00.000Z", "2028-02-01T00:00:00.000Z"], "year roll"));
  const leap = baseState(record({}, "2028-02-01T00:00:00.000Z", "2028-03-01T00:00:00.000Z"));
  stat("February 29 of 2028 is inside the period", leap, "2028-02-29T23:59:59.999Z", (s) => hand(s.period_start, "2028-02-01T00:00:00.000Z", "leap day"));
  // History keeps the 24 latest: 24 stored + 1 closed now → the oldest is dropped.
  const months = Array.from({ length: 25 }, (_, i) => resetAt(2024 * 12 + 10 + i, 1));
  const full = baseState(record({}, months[24], resetAt(2024 * 12 + 10 + 25, 1), {
    history: months.slice(0, 24).map((start, i) => ({ start, end: months[i + 1], available: 50000, used: i, overage: 0 })),
  }));
  hand([full.credits.period.start, full.credits.period.end], ["2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"], "24 months");
  use("history keeps the 24 latest closed periods", full, "call_seconds", 6, CY, "2026-12-02T00:00:00.000Z",
    ({ state }) => hand([state.credits.history.length, state.credits.history[0].start, state.credits.history[23].start], [24, "2024-12-01T00:00:00.000Z", "2026-11-01T00:00:00.000Z"], "24"));
  // Thirty months later: only the last 24 periods survive, all empty; the stored one is gone.
  stat("thirty skipped months: the stored period and the oldest empty ones leave the history", first, "2029-05-10T00:00:00.000Z", (s) =>
    hand([s.period_start, s.carried_over], ["2029-05-01T00:00:00.000Z", 0], "thirty"));
  use("thirty skipped months through a command: 24 periods of history", first, "call_seconds", 6, CY, "2029-05-10T00:00:00.000Z",
    ({ state }) => hand([state.credits.history.length, state.credits.history[0].start, state.credits.history[23].end], [24, "2027-05-01T00:00:00.000Z", "2029-05-01T00:00:00.000Z"], "thirty history"));
  // Time does not run backwards.
  apply("record_usage with now before the period's start: invalid_value", first, { type: "record_usage", meter: "call_seconds", units: 6 }, ctx(CY, "2026-10-31T23:59:59.999Z"),
    one("invalid_value", 422, "/ctx/now"));
  apply("set_credit_allowance with now before the period's start: invalid_value", first, { type: "set_credit_allowance", hard_limit: false }, ctx(ANA, "2026-10-01T00:00:00.000Z"),
    one("invalid_value", 422, "/ctx/now"));
  cases.push({ name: "creditStatus: now before the period's start is invalid_value", call: "creditStatus", args: [first, "2026-10-31T00:00:00.000Z"], expect: one("invalid_value", 422, "/now") });
  cases.push({ name: "creditStatus: now must be a timestamp", call: "creditStatus", args: [first, "yesterday"], expect: failed(["invalid_value", "/now"]) });
  cases.push({ name: "creditStatus: now is required", call: "creditStatus", args: [first], expect: failed(["invalid_type", "/now"]) });
  applied("other commands leave credits as stored, whatever the time", first, { type: "provision" }, BO, "2026-10-01T00:00:00.000Z",
    { state: { ...first, workspace: { ...first.workspace, provisioned_at: "2026-10-01T00:00:00.000Z" } }, events: [event("workspace.provisioned", BO, "2026-10-01T00:00:00.000Z", {})] });
}

// The schedule changes mid-period.
{
  const mid = "2026-11-10T12:00:00.000Z";
  set("a reset_day change moves the current end to the new day's first reset after now (a shorter period)", first, { reset_day: 15 }, ANA, mid,
    ({ state }) => hand([state.credits.period.start, state.credits.period.end], ["2026-11-01T00:00:00.000Z", "2026-11-15T00:00:00.000Z"], "to 15"));
  set("a reset_day change after the new day has passed this month: next month's (a longer period)", first, { reset_day: 5 }, ANA, mid,
    ({ state }) => hand(state.credits.period.end, "2026-12-05T00:00:00.000Z", "to 5"));
  set("a reset_day change at the new day's exact reset moment: the one after", first, { reset_day: 10 }, ANA, "2026-11-10T00:00:00.000Z",
    ({ state }) => hand(state.credits.period.end, "2026-12-10T00:00:00.000Z", "exact"));
  const moved = setAllowance(first, { type: "set_credit_allowance", reset_day: 15 }, ANA, mid).state;
  stat("after the move, later periods follow the new day", moved, "2026-11-20T00:00:00.000Z", (s) =>
    hand([s.period_start, s.period_end], ["2026-11-15T00:00:00.000Z", "2026-12-15T00:00:00.000Z"], "follow"));
  set("a monthly_credits change applies to the current period at once", baseState(record({}, "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z", { usage: { call_seconds: 6000 }, carried_over: 500 })),
    { monthly_credits: 900 }, ANA, mid);
  stat("the new monthly amount with the same carry-over", setAllowance(baseState(record({}, "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z", { usage: { call_seconds: 6000 }, carried_over: 500 })),
    { type: "set_credit_allowance", monthly_credits: 900 }, ANA, mid).state, mid, (s) => hand([s.available, s.used, s.remaining], [1400, 1000, 400], "monthly change"));
}

// The gate: under a hard limit, calls.outbound is refused while nothing remains at now.
{
  const W = `/v1/workspaces/${WS}`;
  const allowedD = (action) => ({ ok: { allowed: true, action, status: 200 } });
  const refused = (action, code, status, path) => ({ ok_matching: { allowed: false, action, status, error: { code, status, errors: [{ code, path }] } } });
  const refusedMany = (action, errors) => ({ ok_matching: { allowed: false, action, status: 422, error: { code: "validation_failed", status: 422, errors: errors.map(([code, path]) => ({ code, path })) } } });
  const req = (name, method, path, body, who, state, now, expect) => {
    const request = body === undefined ? { method, path } : { method, path, body };
    cases.push({ name: `checkRequest: ${name}`, call: "checkRequest", args: [request, { actor: who ? { user_id: who } : null, state, now }], expect });
  };
  const auth = (name, state, user, action, now, expect) => cases.push({ name: `authorize: ${name}`, call: "authorize", args: now === undefined ? [state, user, action] : [state, user, action, now], expect });
  const outbound = `/v1/${WS}/calls/outbound`;
  const exhausted = baseState(record({ monthly_credits: 100 }, "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z", { usage: { call_seconds: 600 } }));
  hand(status(exhausted.credits, NOV).remaining, 0, "exhausted");
  req("outbound under a hard limit with nothing remaining: 402", "POST", outbound, undefined, CY, exhausted, NOV, refused("calls.outbound", "credits_exhausted", 402, ""));
  const soft = clone(exhausted);
  soft.credits.allowance.hard_limit = false;
  req("outbound without a hard limit: the overage is only reported", "POST", outbound, undefined, CY, soft, NOV, allowedD("calls.outbound"));
  const one_left = clone(exhausted);
  one_left.credits.period.usage.call_seconds = 594; // 99 credits: 1 remains
  req("outbound with one credit remaining", "POST", outbound, undefined, CY, one_left, NOV, allowedD("calls.outbound"));
  req("outbound in the next period: the reset gave credits back", "POST", outbound, undefined, CY, exhausted, "2026-12-01T00:00:00.000Z", allowedD("calls.outbound"));
  req("outbound with a clock behind the period: decided on the stored period", "POST", outbound, undefined, CY, exhausted, "2026-10-31T00:00:00.000Z",
    refused("calls.outbound", "credits_exhausted", 402, ""));
  const off = clone(exhausted);
  off.settings.outbound_enabled = false;
  req("outbound disabled comes before the credit gate", "POST", outbound, undefined, CY, off, NOV, refused("calls.outbound", "outbound_disabled", 403, ""));
  req("the credit gate touches only outbound calls", "GET", W, undefined, CY, exhausted, NOV, allowedD("workspace.view"));
  const nothing = baseState(record({ monthly_credits: 0 }, "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"));
  req("a hard limit of 0 credits: nothing remains, ever", "POST", outbound, undefined, ANA, nothing, "2027-06-01T00:00:00.000Z", refused("calls.outbound", "credits_exhausted", 402, ""));
  auth("outbound under an exhausted hard limit at now", exhausted, CY, "calls.outbound", NOV, refused("calls.outbound", "credits_exhausted", 402, ""));
  auth("without now the stored period decides", exhausted, CY, "calls.outbound", undefined, refused("calls.outbound", "credits_exhausted", 402, ""));
  auth("now null is the same as no now", exhausted, CY, "calls.outbound", null, refused("calls.outbound", "credits_exhausted", 402, ""));
  auth("at the next reset the credits are back", exhausted, CY, "calls.outbound", "2026-12-01T00:00:00.000Z", allowedD("calls.outbound"));
  auth("soft limit", soft, CY, "calls.outbound", NOV, allowedD("calls.outbound"));
  auth("other actions are not gated", exhausted, CY, "agents.create", NOV, allowedD("agents.create"));
  cases.push({ name: "authorize: now must be a timestamp", call: "authorize", args: [exhausted, CY, "calls.outbound", "soon"], expect: one("invalid_value", 422, "/now") });
  // The routes.
  req("GET credits: usage.view, any member", "GET", `${W}/credits`, undefined, CY, first, NOV, allowedD("usage.view"));
  req("GET credits of another workspace: 404", "GET", `/v1/workspaces/${WS2}/credits`, undefined, CY, first, NOV, refused("usage.view", "workspace_mismatch", 404, "/request/path"));
  req("GET credits without credentials: 401", "GET", `${W}/credits`, undefined, null, first, NOV, refused("usage.view", "unauthenticated", 401, "/context/actor"));
  req("PUT allowance: billing.manage, the owner with a full first allowance", "PUT", `${W}/credits/allowance`, FULL, ANA, baseState(), NOV, allowedD("billing.manage"));
  req("PUT allowance by an admin: 403", "PUT", `${W}/credits/allowance`, FULL, BO, baseState(), NOV, refused("billing.manage", "forbidden", 403, ""));
  req("PUT allowance: a first allowance needs every field", "PUT", `${W}/credits/allowance`, { monthly_credits: 5, reset_day: 1 }, ANA, baseState(), NOV,
    refusedMany("billing.manage", KEYS.slice(2).map((k) => ["invalid_type", `/body/${k}`])));
  req("PUT allowance: a later change may give one field", "PUT", `${W}/credits/allowance`, { monthly_credits: 5 }, ANA, first, NOV, allowedD("billing.manage"));
  req("PUT allowance: every body problem", "PUT", `${W}/credits/allowance`, { monthly_credits: "many", reset_day: 31, extra: 1 }, ANA, first, NOV,
    refusedMany("billing.manage", [["unknown_field", "/body/extra"], ["invalid_type", "/body/monthly_credits"], ["out_of_range", "/body/reset_day"]]));
  req("PUT allowance: remove", "PUT", `${W}/credits/allowance`, { remove: true }, ANA, first, NOV, allowedD("billing.manage"));
  req("PUT allowance: the merged cap is checked", "PUT", `${W}/credits/allowance`, { monthly_credits: MAX, rollover: "capped", rollover_cap: 1 }, ANA, first, NOV,
    refusedMany("billing.manage", [["too_large", "/body/rollover_cap"]]));
  req("PUT allowance without a body", "PUT", `${W}/credits/allowance`, undefined, ANA, first, NOV, refusedMany("billing.manage", [["invalid_type", "/body"]]));
}

// Amounts near 2^53.
{
  const huge = baseState(record({ monthly_credits: MAX, rates: { ...RATES, call_seconds: { credits: 1, per: 1 } } }, "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z",
    { usage: { call_seconds: MAX - 1 } }));
  stat("2^53 − 2 credits used of 2^53 − 1", huge, NOV, (s) => hand([s.used, s.remaining, s.percent_used], [MAX - 1, 1, 99], "huge"));
  const s = use("record_usage up to exactly 2^53 − 1 credits", huge, "call_seconds", 1, CY, NOV);
  stat("exactly 2^53 − 1 used: 100 %", s, NOV, (x) => hand([x.used, x.remaining, x.exhausted], [MAX, 0, true], "max"));
  apply("record_usage past 2^53 − 1 units on a meter: too_large", s, { type: "record_usage", meter: "call_seconds", units: 1 }, ctx(CY, NOV), one("too_large", 422, "/command/units"));
  const two = clone(huge);
  two.credits.period.usage.call_seconds = 0;
  two.credits.period.usage.stt_seconds = MAX;
  two.credits.allowance.rates.stt_seconds = { credits: 1, per: 1 };
  apply("record_usage whose credits would pass 2^53 − 1: too_large", two, { type: "record_usage", meter: "call_seconds", units: 1 }, ctx(CY, NOV), one("too_large", 422, "/command/units"));
  apply("a rate that would price the period past 2^53 − 1: too_large", s, { type: "set_credit_allowance", rates: { ...RATES, call_seconds: { credits: 2, per: 1 } } }, ctx(ANA, NOV),
    one("too_large", 422, "/command"));
  apply("record_usage: units above 2^53 − 1 are not whole numbers JSON carries", first, { type: "record_usage", meter: "call_seconds", units: 2 ** 53 }, ctx(CY, NOV), failed(["invalid_type", "/command/units"]));
  const carry = baseState(record({ monthly_credits: 100, rollover: "capped", rollover_cap: MAX - 100 }, "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z", { carried_over: MAX - 100 }));
  stat("the largest carry-over the cap allows", carry, "2027-02-01T00:00:00.000Z", (x) => hand([x.carried_over, x.available], [MAX - 100, MAX], "carry"));
  apply("a monthly amount whose period would pass 2^53 − 1: too_large", carry, { type: "set_credit_allowance", monthly_credits: 101, rollover: "none" }, ctx(ANA, NOV), one("too_large", 422, "/command"));
}

// Invalid states: the record is validated on read like the rest.
{
  const good = () => record({}, "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z", { usage: { call_seconds: 60 }, thresholds_reached: [] });
  const bad = (name, edit, ...errors) => {
    const c = good();
    edit(c);
    cases.push({ name: `invalid state: ${name}`, call: "creditStatus", args: [baseState(c), NOV], expect: invalid(...errors) });
  };
  bad("a period end that is not a reset moment of the allowance", (c) => { c.period.end = "2026-12-02T00:00:00.000Z"; }, ["invalid_value", "/state/credits/period/end"]);
  bad("a period end a millisecond past midnight", (c) => { c.period.end = "2026-12-01T00:00:00.001Z"; }, ["invalid_value", "/state/credits/period/end"]);
  bad("a period start that is not 00:00 UTC on day 1–28", (c) => { c.period.start = "2026-10-31T00:00:00.000Z"; }, ["invalid_value", "/state/credits/period/start"]);
  bad("a period that ends before it starts", (c) => { c.period.start = "2026-12-01T00:00:00.000Z"; c.period.end = "2026-11-01T00:00:00.000Z"; }, ["invalid_value", "/state/credits/period/end"]);
  bad("thresholds out of order", (c) => { c.allowance.alert_thresholds = [100, 80]; }, ["invalid_value", "/state/credits/allowance/alert_thresholds/1"]);
  bad("a repeated threshold", (c) => { c.allowance.alert_thresholds = [80, 80]; }, ["invalid_value", "/state/credits/allowance/alert_thresholds/1"]);
  bad("a threshold reached that is not a threshold", (c) => { c.period.thresholds_reached = [50]; }, ["invalid_value", "/state/credits/period/thresholds_reached/0"]);
  bad("usage that is not an integer", (c) => { c.period.usage.call_seconds = 1.5; c.period.usage.sms = 1; },
    ["unknown_field", "/state/credits/period/usage/sms"], ["invalid_type", "/state/credits/period/usage/call_seconds"]);
  bad("negative usage", (c) => { c.period.usage.stt_seconds = -1; }, ["out_of_range", "/state/credits/period/usage/stt_seconds"]);
  bad("a meter missing from the usage and the rates", (c) => { delete c.period.usage.llm_output_tokens; delete c.allowance.rates.tts_characters; },
    ["invalid_type", "/state/credits/allowance/rates/tts_characters"], ["invalid_type", "/state/credits/period/usage/llm_output_tokens"]);
  bad("every field of the allowance is required, unknown keys refused", (c) => { delete c.allowance.hard_limit; c.allowance.extra = true; c.extra = 1; },
    ["unknown_field", "/state/credits/extra"], ["unknown_field", "/state/credits/allowance/extra"], ["invalid_type", "/state/credits/allowance/hard_limit"]);
  bad("a rate per 0 units", (c) => { c.allowance.rates.call_seconds.per = 0; }, ["out_of_range", "/state/credits/allowance/rates/call_seconds/per"]);
  bad("a carry-over that puts the period past 2^53 − 1", (c) => { c.period.carried_over = MAX; }, ["too_large", "/state/credits/period/carried_over"]);
  bad("usage whose credits pass 2^53 − 1", (c) => { c.allowance.rates.call_seconds = { credits: 2, per: 1 }; c.period.usage.call_seconds = MAX; }, ["too_large", "/state/credits/period/usage"]);
  bad("a stored capped allowance past 2^53 − 1", (c) => { c.allowance.monthly_credits = MAX; c.allowance.rollover = "capped"; c.allowance.rollover_cap = 1; },
    ["too_large", "/state/credits/allowance/rollover_cap"]);
  const h = (start, end, available = 50000, used = 0, overage = 0) => ({ start, end, available, used, overage });
  bad("history that does not end where the period starts", (c) => { c.history = [h("2026-09-01T00:00:00.000Z", "2026-10-01T00:00:00.000Z")]; },
    ["invalid_value", "/state/credits/history/0/end"]);
  bad("history with a gap", (c) => { c.history = [h("2026-08-01T00:00:00.000Z", "2026-09-01T00:00:00.000Z"), h("2026-10-01T00:00:00.000Z", "2026-11-01T00:00:00.000Z")]; },
    ["invalid_value", "/state/credits/history/0/end"]);
  bad("history with a wrong overage", (c) => { c.history = [h("2026-10-01T00:00:00.000Z", "2026-11-01T00:00:00.000Z", 100, 150, 0)]; },
    ["invalid_value", "/state/credits/history/0/overage"]);
  bad("more than 24 closed periods", (c) => {
    c.history = Array.from({ length: 25 }, (_, i) => h(resetAt(2024 * 12 + 9 + i, 1), resetAt(2024 * 12 + 10 + i, 1)));
  }, ["too_many_items", "/state/credits/history"]);
  bad("an empty credits object: every part is required", (c) => { Object.keys(c).forEach((k) => delete c[k]); }, ["invalid_type", "/state/credits/allowance"], ["invalid_type", "/state/credits/period"], ["invalid_type", "/state/credits/history"]);
  cases.push({ name: "invalid state: credits must be an object or null", call: "creditStatus", args: [baseState(7), NOV], expect: invalid(["invalid_type", "/state/credits"]) });
  const kept = baseState(record({}, "2026-11-01T01:00:00+01:00", "2026-12-01T00:00:00Z", { history: [h("2026-10-01T00:00:00.000Z", "2026-11-01T00:00:00.000Z", 100, 150, 50)] }));
  stat("stored timestamps in any RFC 3339 form are kept as given", kept, NOV, (s) => hand([s.period_start, s.period_end], ["2026-11-01T01:00:00+01:00", "2026-12-01T00:00:00Z"], "kept"));
  use("stored timestamps stay as given through a command", kept, "call_seconds", 6, CY, NOV);
}

const file = {
  description: "`docs/rules/credits.md` credit allowances: set, changed and removed allowances, the schedule (reset days 1 and 28, February, 2028, the year boundary, the exact reset moment), rolling forward (rollover none and capped, skipped months, history of 24), usage rounded on the period's totals, thresholds, the hard-limit gate in apply, checkRequest and authorize, the two routes, creditStatus, amounts near 2^53, every refusal and invalid state.",
  cases,
};
writeFileSync(join(here, "credits.json"), JSON.stringify(file, null, 2) + "\n");
console.log(`credits.json: ${cases.length} cases`);
