// Hostile caller objects (issue 17, items 3, 6, 7, 9 and 13): how the JavaScript layer reads caller
// data (js/fast-paths.js, readOnce). Every length is read once and checked against MAX_ITEMS before any
// item is read; a value that throws while it is read is refused as invalid_type at its path; every
// value is read exactly once, so an object that answers differently on each read is decided by its
// first reading; a call that left the WebAssembly memory past its limit leaves a fresh instance.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as api from "workspace-rules";
import { fickle } from "../js/properties.mjs";
const { MAX_ITEMS } = await import(new URL("../../pkg/generated.js", import.meta.url).href);

const now = "2026-12-01T00:00:00Z";
const OWNER = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
const ctx = { actor_id: OWNER, actor_email: "ana@example.com", now, account_role: "owner", ids: ["3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f"] };
const state = api.createWorkspace({ name: "A", environment: "production" }, ctx).state;

/** The refusal `f` throws (a WorkspaceRulesError), or fails. */
function refusal(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof api.WorkspaceRulesError, `a WorkspaceRulesError, got ${e}`);
    return e;
  }
  assert.fail("refused");
}

/** A list whose `length` grows by one on every read, and how often it was read. */
function growing() {
  const reads = { length: 0 };
  let n = 0;
  const list = new Proxy([], {
    get: (t, k) => (k === "length" ? (reads.length++, ++n) : /^\d+$/.test(k) ? "t" + k : Reflect.get(t, k)),
  });
  return { list, reads };
}

test("item 3: a list whose length grows on each read is read once, first or second list, in any export", () => {
  for (const position of [0, 1]) {
    const { list, reads } = growing();
    const lists = position === 0 ? [list, ["a"]] : [["a"], list];
    const answer = api.mergeKeyterms(...lists);
    assert.equal(reads.length, 1, "length read once");
    assert.deepEqual(answer.keyterms, position === 0 ? ["t0", "a"] : ["a", "t0"]);
  }
  // A length past MAX_ITEMS on its one read: no item is read.
  let items = 0;
  const huge = new Proxy([], { get: (t, k) => (k === "length" ? 1e9 : /^\d+$/.test(k) ? (items++, "t") : Reflect.get(t, k)) });
  assert.equal(refusal(() => api.mergeKeyterms(huge)).code, "too_many_items");
  assert.equal(refusal(() => api.mergeKeyterms(["a"], huge)).code, "too_many_items");
  const { errors } = api.validateVoiceSettings({ keyterms: huge });
  assert.deepEqual(errors.map((e) => [e.code, e.path]), [["too_many_items", "/keyterms"]]);
  assert.equal(items, 0);
  // A length that no list has (a Proxy's answer) is unreadable, not a count.
  for (const length of [-1, 2.5, "3", NaN, { valueOf: () => 3 }]) {
    const odd = new Proxy([], { get: (t, k) => (k === "length" ? length : Reflect.get(t, k)) });
    assert.equal(refusal(() => api.mergeKeyterms(odd)).errors[0].path, "/0", String(length));
  }
  // One list shared many times is read each time it appears, within one call's budget.
  const shared = Array.from({ length: MAX_ITEMS }, () => "x");
  const wide = Array.from({ length: MAX_ITEMS }, () => shared);
  const e = refusal(() => api.updateVoiceSettings(null, { keyterms: wide }));
  assert.equal(e.code, "validation_failed");
});

test("item 6: any number of lists past the limit is the same too_many_items refusal, no list read", () => {
  for (const n of [MAX_ITEMS + 1, 50_000, 61_500, 100_000]) {
    let reads = 0;
    const list = new Proxy(["a"], { get: (t, k) => (reads++, Reflect.get(t, k)) });
    const lists = Array.from({ length: n }, () => list);
    const e = refusal(() => api.mergeKeyterms(...lists));
    assert.equal(e.code, "too_many_items", `${n} lists`);
    assert.equal(e.message, `A merge reads at most ${MAX_ITEMS} lists, got ${n}.`);
    assert.equal(reads, 0);
  }
  // Terms past the limit, all lists together: the lists after the one that passes it are not read.
  let reads = 0;
  const later = new Proxy(["z"], { get: (t, k) => (reads++, Reflect.get(t, k)) });
  const e = refusal(() => api.mergeKeyterms(Array(MAX_ITEMS).fill("a"), ["b"], later));
  assert.equal(e.code, "too_many_items");
  assert.equal(reads, 0);
});

/** `o` with a property `k` whose getter throws. */
const boom = (o, k) => Object.defineProperty(o, k, { get() { throw new Error("boom"); }, enumerable: true });

test("item 7: a getter that throws is invalid_type at its path, on optional fields too", () => {
  const path = `/v1/${state.workspace.id}/settings/voice`;
  const cases = [
    ["tone", () => api.validateVoiceSettings(boom({ speed: 1 }, "tone")).errors, "/tone"],
    ["ctx.ids", () => refusal(() => api.createWorkspace({ name: "A", environment: "production" }, boom({ ...ctx, ids: undefined }, "ids"))).errors, "/ctx/ids"],
    ["input.description", () => refusal(() => api.createWorkspace(boom({ name: "A", environment: "production" }, "description"), ctx)).errors, "/input/description"],
    ["emotion", () => refusal(() => api.resolveTone(boom({ baseline: "calm" }, "emotion"))).errors, "/emotion"],
    ["layers.agent", () => refusal(() => api.effectiveVoiceSettings(boom({ workspace: {} }, "agent"))).errors, "/agent"],
    ["request.body", () => api.checkRequest(boom({ method: "PUT", path }, "body"), { actor: { user_id: OWNER }, state, now }).error.errors, "/body"],
    ["actor.email", () => refusal(() => api.checkRequest({ method: "GET", path }, { actor: boom({ user_id: OWNER }, "email"), state, now })).errors, "/context/actor/email"],
    ["display_name", () => refusal(() => api.apply(state, boom({ type: "accept_invitation", invitation_id: "x" }, "display_name"), ctx)).errors, "/command/display_name"],
    ["a list item", () => refusal(() => api.mergeKeyterms(boom(["a"], "0"))).errors, "/0/0"],
    ["a Proxy whose keys throw", () => api.validateVoiceSettings(new Proxy({}, { ownKeys() { throw new Error("no keys"); } })).errors, ""],
  ];
  for (const [name, errorsOf, at] of cases) {
    const found = errorsOf().find((e) => e.path === at);
    assert.ok(found, `${name}: a problem at ${at}`);
    assert.equal(found.code, "invalid_type", name);
    assert.match(found.message, /threw when read/, name);
  }
  // The prepared path reads the same way.
  const prepared = api.prepareWorkspace(state);
  try {
    const e = refusal(() => prepared.checkRequest({ method: "GET", path }, { actor: boom({ user_id: OWNER }, "email"), now }));
    assert.equal(e.errors.find((p) => p.path === "/context/actor/email")?.code, "invalid_type");
  } finally {
    prepared.free();
  }
});

/** The outcome of `f` as comparable text. */
function outcome(f) {
  try {
    return JSON.stringify({ ok: f() });
  } catch (e) {
    return JSON.stringify({ error: [e.code, e.errors] });
  }
}

const field = fc.oneof(
  fc.constantFrom(1, 1.5, 0.5, 3, NaN, Infinity, -0, null, undefined, "calm", "loud", "en-us", 10n),
  fc.array(fc.constantFrom("a", "B", " c ", 1, NaN), { maxLength: 3 }),
);
const patch = fc.record(
  { speed: field, volume: field, tone: field, language: field, keyterms: field, voice_id: field },
  { requiredKeys: [] },
);

test("item 9: getters that answer differently on each read are decided by their first reading, read once", () => {
  fc.assert(
    fc.property(patch, patch, (first, later) => {
      const stored = { speed: 1.2, tone: "calm" };
      for (const [name, ask] of [
        ["validateVoiceSettings", (p) => api.validateVoiceSettings(p)],
        ["updateVoiceSettings", (p) => api.updateVoiceSettings(stored, p)],
        ["effectiveVoiceSettings", (p) => api.effectiveVoiceSettings({ workspace: p })],
        ["apply", (p) => api.apply(state, { type: "update_voice_settings", patch: p }, ctx)],
        ["mergeKeyterms", (p) => api.mergeKeyterms(Object.values(p).flat())],
      ]) {
        const reads = { count: 0 };
        const got = outcome(() => ask(fickle(first, later, reads)));
        assert.equal(got, outcome(() => ask(first)), name);
        assert.equal(reads.count, Object.keys(first).length, `${name}: each value read once`);
      }
      const prepared = api.prepareWorkspace(state);
      try {
        const reads = { count: 0 };
        const request = { method: "PUT", path: `/v1/${state.workspace.id}/settings/voice` };
        const ask = (body) => prepared.checkRequest({ ...request, body }, { actor: { user_id: OWNER }, now });
        assert.equal(outcome(() => ask(fickle(first, later, reads))), outcome(() => ask(first)), "prepared checkRequest");
        assert.equal(reads.count, Object.keys(first).length);
      } finally {
        prepared.free();
      }
    }),
    { seed: 20261203, numRuns: 300 },
  );
  // The case of the review: 1.5 when checked, NaN after, is a patch of 1.5, never a reset.
  let n = 0;
  const once = { get speed() { return n++ === 0 ? 1.5 : NaN; } };
  assert.deepEqual(api.updateVoiceSettings({ speed: 1.2 }, once), { settings: { speed: 1.5 }, changed: ["speed"] });
  n = 0;
  assert.deepEqual(api.validateVoiceSettings(once), { ok: true, errors: [] });
});

test("item 13: a call that grows the WebAssembly memory past the limit leaves a fresh instance", () => {
  const memory = () => api.initSync().memory.buffer.byteLength;
  api.validateVoiceSettings({ speed: 1 });
  const baseline = memory();
  const big = "x".repeat(10_000_000);
  for (const ask of [() => api.slugify(big), () => api.validateVoiceSettings({ voice_id: big }), () => api.mergeKeyterms([big])]) {
    try {
      ask();
    } catch (e) {
      assert.ok(e instanceof api.WorkspaceRulesError);
    }
    const after = memory();
    console.log(`memory: ${baseline} B before, ${after} B after a 10 MB input`);
    assert.ok(after <= baseline + 4 * 1024 * 1024, `back near ${baseline} B, got ${after} B`);
    assert.equal(api.can("owner", "members.invite"), true);
  }
  // While a prepared workspace is held, its instance is kept (it lives there), until it is freed.
  const prepared = api.prepareWorkspace(state);
  try {
    api.slugify(big);
  } catch {}
  assert.ok(memory() > 32 * 1024 * 1024, "kept while a workspace is prepared");
  assert.equal(prepared.authorize(OWNER, "workspace.view", now).allowed, true);
  prepared.free();
  api.slugify("x");
  assert.ok(memory() <= baseline + 4 * 1024 * 1024, "released by the next call once freed");
});
