// The argument fast paths on their own (js/fast-paths.js): each gives exactly the answer, or the
// refusal, of the marked path (viaMarked, the way rules.js takes otherwise, which carries any value),
// or SLOW, never a third thing. Over the shared vectors' arguments, the same with leaves replaced by
// hostile values, hostile values alone (tests/js/arbitrary.mjs), and the edges of each path. Then the
// marked path itself: every value JSON cannot carry read as the package has always read it. The
// modules are imported as the package's modules import each other, so they share one instance of pkg/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { anything, deep } from "../js/arbitrary.mjs";
import { decode } from "../js/vectors.mjs";
import { readVectors } from "../js/files.mjs";

const pkg = new URL("../../pkg/", import.meta.url);
const glue = await import(new URL("workspace_rules.js", pkg).href);
const { SLOW, canIndex, mergeByPosition, updateByReference, viaJson, viaMarked } = await import(new URL("fast-paths.js", pkg).href);
const { EXPORT_ID, MAX_DEPTH, MAX_ITEMS } = await import(new URL("generated.js", pkg).href);
const { WorkspaceRulesError } = await import(new URL("error.js", pkg).href);
glue.initSync({ module: readFileSync(new URL("workspace_rules_bg.wasm", pkg)) });

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;

/** `{ ok }`, `{ error }` for a WorkspaceRulesError, or "slow", as text comparable across paths. */
function outcome(f, args) {
  let out;
  try {
    const answer = f();
    out = answer === SLOW ? "slow" : { ok: answer };
  } catch (e) {
    if (!(e instanceof WorkspaceRulesError)) return JSON.stringify({ thrown: String(e?.message) }); // the guard's business
    out = { error: { code: e.code, status: e.status, message: e.message, errors: e.errors } };
  }
  // Without ctx.ids, new ids are random: ids the answer has and the arguments do not are masked.
  let given = "";
  try {
    given = JSON.stringify(args) ?? "";
  } catch {}
  // -0 written as such: JSON would write 0, and an answer that hands back the caller's -0 differs.
  const text = JSON.stringify(out, (_, v) => (Object.is(v, -0) ? "-0 (minus zero)" : v));
  return out === "slow" ? out : text.replace(UUID, (id) => (given.includes(id) ? id : "<random v4>"));
}

/** Every fast path of the package, by the export it shortcuts: [fast path, the marked path, export]. */
const paths = {};
const marked = (name) => (args) => viaMarked(EXPORT_ID[name], args);
for (const name of Object.keys(EXPORT_ID)) {
  if (name === "mergeKeyterms" || name === "updateVoiceSettings") continue; // a path of their own, below
  paths[`viaJson(${name})`] = [(args) => viaJson(EXPORT_ID[name], args), marked(name), name];
}
paths["canIndex"] = [([role, action]) => { const i = canIndex(role, action); return i === 2 ? SLOW : i === 1; }, marked("can"), "can"];
paths["updateByReference"] = [([current, patch]) => updateByReference(current, patch), marked("updateVoiceSettings"), "updateVoiceSettings"];
paths["mergeByPosition"] = [(lists) => mergeByPosition(lists), marked("mergeKeyterms"), "mergeKeyterms"];

const taken = Object.fromEntries(Object.keys(paths).map((p) => [p, 0]));

/** The fast path answers as the export does, or SLOW. */
function same(path, args) {
  const [fast, exported] = paths[path];
  const viaFast = outcome(() => fast(args), args);
  if (viaFast === "slow") return false;
  const viaExport = outcome(() => exported(args), args);
  assert.equal(viaFast, viaExport, `${path} with ${args.length} arguments`);
  taken[path]++;
  return true;
}
const pathsOf = (exportName) => Object.keys(paths).filter((p) => paths[p][2] === exportName);

/** A small seeded PRNG (mulberry32), so every run checks the same cases. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261202);
const pick = (xs) => xs[Math.floor(random() * xs.length)];

class Patch {
  constructor() {
    this.tone = "calm";
  }
}
/** Values on the line between the paths, and values no path but the export's reader may take. */
const hostile = () => [
  -0, NaN, Infinity, -Infinity, 10n, Symbol("s"), () => 1, undefined, 1e21, 5e-324, 1.7976931348623157e308,
  "a\uD800b", "\uDC00", "😀", "e\u0301", "x".repeat(129), "", "owner", "workspace.view",
  new Date(0), new Map([["tone", "calm"]]), new Patch(), new Uint8Array(2), new String("owner"), Object.create(null),
  { toJSON: () => ({ tone: "calm" }) }, [, "a"], ["a", undefined], { tone: undefined }, { ["\uD800"]: 1 }, // eslint-disable-line no-sparse-arrays
  JSON.parse('{"__proto__": {"tone": "calm"}, "speed": 1}'), { get tone() { return "calm"; } },
  { get tone() { throw new Error("boom"); } }, new Proxy({}, { ownKeys() { throw new Error("no keys"); } }),
  new Proxy([], { get() { throw new Error("no items"); } }), deep(MAX_DEPTH - 1), deep(MAX_DEPTH), deep(MAX_DEPTH + 1),
];

/** Replaces one leaf somewhere inside `value` with a hostile one (or drops a key or an item). */
function mutate(value) {
  if (value === null || typeof value !== "object" || random() < 0.15) return pick(hostile());
  const copy = Array.isArray(value) ? [...value] : { ...value };
  const keys = Object.keys(copy);
  if (keys.length === 0) return pick(hostile());
  if (random() < 0.15) {
    if (Array.isArray(copy)) copy.splice(Math.floor(random() * copy.length), 1);
    else delete copy[pick(keys)];
    return copy;
  }
  const k = pick(keys);
  copy[k] = mutate(copy[k]);
  return copy;
}

const cases = [];
for (const file of Object.values(readVectors())) for (const c of file.cases) cases.push({ call: c.call, args: decode(c.args) });

test("on every shared vector, each fast path answers as the export it shortcuts (or SLOW)", () => {
  for (const { call, args } of cases) for (const path of pathsOf(call)) same(path, args);
  // The vectors are mostly plain data: every path must have answered, not only said SLOW.
  for (const [path, n] of Object.entries(taken)) assert.ok(n > 0, `${path} answered no vector`);
});

test("on the vectors with hostile leaves, each fast path answers as the export (or SLOW)", () => {
  for (const { call, args } of cases) {
    for (let round = 0; round < 3; round++) {
      const mutated = [...args]; // mutate() copies what it changes: no export changes its arguments
      const j = Math.floor(random() * Math.max(mutated.length, 1));
      if (mutated.length) mutated[j] = mutate(mutated[j]);
      for (const path of pathsOf(call)) same(path, mutated);
    }
  }
});

test("on hostile values alone (fast-check), each fast path answers as the export (or SLOW)", () => {
  for (const path of Object.keys(paths)) {
    fc.assert(
      // No export takes more than three arguments (a fourth is ignored); mergeKeyterms takes any number.
      fc.property(fc.array(anything, { maxLength: 4 }), (args) => {
        same(path, args);
      }),
      { seed: 20261202, numRuns: 200 },
    );
  }
});

test("the edges of each path: SLOW exactly where the export's reader must decide", () => {
  // Trailing undefined arguments are left out; a middle one is not plain data.
  assert.ok(same("viaJson(slugify)", ["Client A", undefined]));
  assert.ok(same("viaJson(can)", []));
  assert.equal(viaJson(EXPORT_ID.can, [undefined, "members.invite"]), SLOW);
  // Numbers JSON would write differently, and what JSON cannot carry.
  for (const v of [-0, NaN, Infinity, 10n, Symbol("s"), () => 1]) assert.equal(viaJson(EXPORT_ID.validateVoiceSettings, [{ speed: v }]), SLOW, String(v));
  assert.ok(same("viaJson(validateVoiceSettings)", [{ speed: 1e21, volume: 5e-324 }]));
  // Objects are read as copies of their own enumerable properties: a class instance and a Date are
  // plain once copied; a toJSON function and a getter that throws are marked.
  for (const v of [new Patch(), new Date(0)]) assert.ok(same("viaJson(validateVoiceSettings)", [v]));
  for (const v of [{ toJSON: () => ({}) }, { get tone() { throw new Error("boom"); } }]) {
    assert.equal(viaJson(EXPORT_ID.validateVoiceSettings, [v]), SLOW);
  }
  // A null prototype is plain; an unpaired surrogate is read as U+FFFD, which JSON text carries.
  const bare = Object.create(null);
  bare.tone = "calm";
  assert.ok(same("viaJson(validateVoiceSettings)", [bare]));
  assert.ok(same("viaJson(validateVoiceSettings)", [{ voice_id: "a\uD800" }]));
  // Depth and item limits: the last level and the last item the fast path takes, and one more.
  // (deep(n): n arrays and objects around a number; the reader takes MAX_DEPTH of them.)
  assert.ok(same("viaJson(validateVoiceSettings)", [deep(MAX_DEPTH)]));
  assert.equal(viaJson(EXPORT_ID.validateVoiceSettings, [deep(MAX_DEPTH + 1)]), SLOW);
  assert.ok(same("viaJson(normalizeTestCallerNumbers)", [Array.from({ length: MAX_ITEMS }, () => "+15550100000")]));
  assert.equal(viaJson(EXPORT_ID.normalizeTestCallerNumbers, [Array.from({ length: MAX_ITEMS + 1 }, () => "x")]), SLOW);
  assert.equal(viaJson(EXPORT_ID.validateVoiceSettings, [Object.fromEntries(Array.from({ length: MAX_ITEMS + 1 }, (_, i) => [`k${i}`, 1]))]), SLOW);
});

test("canIndex: every cell of the matrix by position, SLOW (2) for anything but two known names", () => {
  const names = (name) => JSON.parse(glue.__callJson(EXPORT_ID[name], "[]").slice(1));
  for (const role of names("roles")) for (const action of names("actions")) assert.ok(same("canIndex", [role, action]), `${role} ${action}`);
  for (const [role, action] of [["boss", "workspace.view"], ["owner", "nope"], [new String("owner"), "workspace.view"], ["owner", 1], [undefined, undefined], ["__proto__", "constructor"]]) {
    assert.equal(canIndex(role, action), 2);
  }
});

test("updateByReference: values kept, rewritten, reset and refused as the export; read once; nothing shared", () => {
  const stored = { voice_id: "v-1", tone: "calm", speed: 1.5, language: "en-us", keyterms: ["A", "a"], sensitive_topics: ["x"] };
  for (const [current, patch] of [
    [stored, { tone: "empathetic", language: "EN", keyterms: [" b  c ", "B C", "d"], voice_id: null }],
    [stored, {}],
    [null, { keyterms: [], correction_categories: ["\u{1F600}", "e\u0301"], stt_provider: "openai" }],
    [{ tone: "loud" }, { speed: 9 }],
    [undefined, undefined],
    [null, { volume: 0.5, speed: 0.5, post_call_analysis_enabled: false }],
  ]) {
    assert.ok(same("updateByReference", [current, patch]));
  }
  // -0 is marked (JSON would write 0, and the answer would hand back the caller's -0); an own
  // "__proto__" key is copied as a key, and the export reads it as an unknown field.
  assert.ok(same("updateByReference", [null, { volume: -0 }]));
  assert.ok(same("updateByReference", [null, JSON.parse('{"__proto__": {"tone": "calm"}, "speed": 1}')]));
  // A getter is read once; the answer is built from that one read.
  let reads = 0;
  const fickle = { get tone() { return reads++ === 0 ? "calm" : "not a tone"; } };
  assert.equal(updateByReference(null, fickle).settings.tone, "calm");
  assert.equal(reads, 1);
  const patch = { keyterms: ["a", "b"] };
  const answer = updateByReference({ sensitive_topics: ["x"] }, patch);
  assert.notEqual(answer.settings.keyterms, patch.keyterms);
});

test("mergeByPosition: terms kept, normalized, dropped and capped as the export, whatever the lists hold", () => {
  for (const lists of [
    [],
    [[]],
    [["\u{1D400}pple", "  \u{1F600}\u3000smile ", "\u{10400}", "\u{10428}"], ["\u{1F600}".repeat(129)]],
    [[" ", "Straße", "STRASSE", "x".repeat(129)], Array.from({ length: 300 }, (_, i) => `t${i}`), []],
    [Array.from({ length: MAX_ITEMS - 1 }, (_, i) => `t${i % 500}`), ["last"]],
  ]) {
    assert.ok(same("mergeByPosition", lists), `${lists.length} lists`);
  }
  for (const lists of [
    [["a\uD800b"]], // an unpaired surrogate
    [["a\uD83D", "\uDE00b"]], // a pair cut between two terms: the joined text is whole, its terms are not
    [["a"], "b"], [[1]], [[, "a"]], // eslint-disable-line no-sparse-arrays
    [Array.from({ length: MAX_ITEMS }, () => "a"), ["b"]], // more terms than the reader takes
    Array.from({ length: MAX_ITEMS + 1 }, () => []),
    [new Proxy([], { get() { throw new Error("no items"); } })],
  ]) {
    assert.ok(same("mergeByPosition", lists), `${lists.length} lists`);
  }
});

// What the value reader (the typed exports before "one way in", one boundary crossing per value) answered
// for each of these, recorded from that build: the marked path must answer the same, so replacing
// the one with the other changed no answer (BENCHMARKS.md, "One way in"). The package takes the
// marked path for all of them (none is plain JSON data).
const cyclic = { tone: "calm" };
cyclic.self = cyclic;
const deepList = (n) => {
  let v = "x";
  for (let i = 0; i < n; i++) v = [v];
  return v;
};
const m = Object.fromEntries(Object.entries(EXPORT_ID).map(([name, id]) => [name, (...args) => viaMarked(id, args)]));
const asRecorded = [
  ["NaN, ±Infinity, -0", () => m.validateVoiceSettings({ speed: NaN, volume: Infinity, tone: -Infinity, voice_id: -0 }),
    {"ok": {"ok": false, "errors": [{"code": "invalid_type", "message": "voice_id must be a string, got a number.", "path": "/voice_id"}, {"code": "invalid_type", "message": "tone must be a string, got -Infinity.", "path": "/tone"}, {"code": "invalid_type", "message": "speed must be a finite number, got NaN.", "path": "/speed"}, {"code": "invalid_type", "message": "volume must be a finite number, got Infinity.", "path": "/volume"}]}}],
  ["undefined in a list, undefined properties", () => m.mergeKeyterms(["a", undefined], [undefined, "b"]),
    {"error": {"code": "invalid_type", "errors": [{"code": "invalid_type", "message": "lists[0][1] must be a string, got undefined.", "path": "/0/1"}, {"code": "invalid_type", "message": "lists[1][0] must be a string, got undefined.", "path": "/1/0"}]}}],
  ["BigInt, symbol, function", () => m.validateVoiceSettings({ speed: 10n, tone: Symbol("s"), voice_id: () => 1 }),
    {"ok": {"ok": false, "errors": [{"code": "invalid_type", "message": "voice_id must be a string, got a function.", "path": "/voice_id"}, {"code": "invalid_type", "message": "tone must be a string, got a symbol.", "path": "/tone"}, {"code": "invalid_type", "message": "speed must be a finite number, got a BigInt.", "path": "/speed"}]}}],
  ["a Date, a Map, a class instance, toJSON", () => [new Date(0), new Map([["tone", "calm"]]), new Patch(), { tone: "calm", toJSON: () => ({}) }].map((v) => m.validateVoiceSettings(v)),
    {"ok": [{"ok": true, "errors": []}, {"ok": true, "errors": []}, {"ok": true, "errors": []}, {"ok": false, "errors": [{"code": "unknown_field", "message": "toJSON is not a known field.", "path": "/toJSON"}]}]}],
  ["unpaired surrogates in strings and keys", () => [m.updateVoiceSettings(null, { voice_id: "a\uD800b" }), m.validateVoiceSettings({ "\uD800": 1, "\uDC00": 2 })],
    {"ok": [{"settings": {"voice_id": "a�b"}, "changed": ["voice_id"]}, {"ok": false, "errors": [{"code": "unknown_field", "message": "� is not a known field.", "path": "/�"}, {"code": "unknown_field", "message": "� is not a known field.", "path": "/�"}]}]}],
  ["a cycle", () => m.validateVoiceSettings(cyclic),
    {"ok": {"ok": false, "errors": [{"code": "unknown_field", "message": "self is not a known field.", "path": "/self"}]}}],
  ["past the depth and item limits", () => [m.mergeKeyterms(deepList(80)), m.normalizeTestCallerNumbers(Array.from({ length: 10001 }, () => "+15550100000"))],
    {"error": {"code": "invalid_type", "errors": [{"code": "invalid_type", "message": "lists[0][0] must be a string, got an array.", "path": "/0/0"}]}}],
  // Changed since (issue 17, item 7): a getter that throws is refused at its path, no longer absent.
  ["a getter that throws is invalid_type at its path", () => m.validateVoiceSettings({ tone: "calm", get speed() { throw new Error("boom"); } }),
    {"ok": {"ok": false, "errors": [{"code": "invalid_type", "message": "speed must be a finite number, got a value that threw when read.", "path": "/speed"}]}}],
  ["a Proxy's own key order", () => m.validateVoiceSettings(new Proxy({ b: 1, 1: 2, a: 3, 0: 4 }, { ownKeys: () => ["b", "1", "a", "0"] })),
    {"ok": {"ok": false, "errors": [{"code": "unknown_field", "message": "b is not a known field.", "path": "/b"}, {"code": "unknown_field", "message": "1 is not a known field.", "path": "/1"}, {"code": "unknown_field", "message": "a is not a known field.", "path": "/a"}, {"code": "unknown_field", "message": "0 is not a known field.", "path": "/0"}]}}],
  ["a string and a key that start with U+0000", () => m.validateVoiceSettings({ "\u0000NaN": 1, tone: "\u0000calm" }),
    {"ok": {"ok": false, "errors": [{"code": "invalid_value", "message": "tone must be one of calm, sympathetic, enthusiastic, content, curious, cheerful, serious or friendly, got \"\u0000calm\".", "path": "/tone"}, {"code": "unknown_field", "message": "\u0000NaN is not a known field.", "path": "/\u0000NaN"}]}}],
  ["an own __proto__ key", () => m.updateVoiceSettings(null, JSON.parse('{"__proto__": {"tone": "calm"}, "speed": 1}')),
    {"error": {"code": "validation_failed", "errors": [{"code": "unknown_field", "message": "__proto__ is not a known field.", "path": "/__proto__"}]}}],
];
test("the marked path reads every value JSON cannot carry as the value reader did", () => {
  for (const [name, ask, recorded] of asRecorded) {
    let out;
    try {
      out = { ok: ask() };
    } catch (e) {
      out = { error: { code: e.code, errors: e.errors } };
    }
    assert.deepEqual(out, recorded, name);
  }
});
