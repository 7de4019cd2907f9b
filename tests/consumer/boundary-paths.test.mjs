// The two ways arguments cross into WebAssembly give the same answers. `js/fast-paths.js` sends plain
// JSON data as JSON text (`__callJson`, and its compact forms); anything else goes as marked JSON text
// (`__callMarked`), in which the values JSON cannot carry are marked for the rules to report. These
// cases sit on the line between the two: each is asked through the package and through the marked path
// alone (tests/js/marked-path.mjs), and the answers (or refusals) must be equal.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as api from "workspace-rules";
import { markedPath } from "../js/marked-path.mjs";
const valuePath = await markedPath(new URL("../../pkg/", import.meta.url));
import { runVectors } from "../js/vectors.mjs";
import { readVectors } from "../js/files.mjs";

function outcome(f) {
  try {
    return { ok: f() };
  } catch (e) {
    assert.ok(e instanceof api.WorkspaceRulesError, `a WorkspaceRulesError, got ${e}`);
    return { error: { code: e.code, status: e.status, message: e.message, errors: e.errors } };
  }
}

function same(name, ...args) {
  const viaPackage = outcome(() => api[name](...args));
  const viaValues = outcome(() => valuePath[name](...args));
  assert.equal(JSON.stringify(viaPackage), JSON.stringify(viaValues), `${name} with ${args.length} arguments`);
  return viaPackage;
}

class Patch {
  constructor() {
    this.tone = "calm";
  }
}

const edges = {
  "an unpaired surrogate in a string": () => same("mergeKeyterms", ["a\uD800b", "ok"]),
  "an unpaired surrogate as an object key": () => same("validateVoiceSettings", { ["\uDC00"]: 1 }),
  "-0 (JSON would write 0)": () => same("updateVoiceSettings", null, { volume: -0 }),
  "NaN, Infinity, BigInt, symbol and function": () => {
    for (const v of [NaN, Infinity, -Infinity, 10n, Symbol("s"), () => 1]) same("validateVoiceSettings", { speed: v });
  },
  "a Date, a Map and a class instance": () => {
    same("validateVoiceSettings", new Date(0));
    same("validateVoiceSettings", new Map([["tone", "calm"]]));
    same("validateVoiceSettings", new Patch());
  },
  "an object with toJSON": () => same("validateVoiceSettings", { tone: "calm", toJSON: () => ({ tone: "nope" }) }),
  "a sparse array and undefined items": () => {
    same("mergeKeyterms", [, "a"]); // eslint-disable-line no-sparse-arrays
    same("mergeKeyterms", ["a", undefined]);
  },
  "undefined properties are absent on both paths": () => {
    const r = same("updateVoiceSettings", { tone: undefined }, { speed: 1.5, tone: undefined });
    assert.deepEqual(r.ok.changed, ["speed"]);
  },
  "missing, trailing and middle undefined arguments": () => {
    same("slugify", "Client A");
    same("slugify", "Client A", undefined);
    same("updateVoiceSettings", undefined, { tone: "calm" });
    same("can");
    same("can", undefined, "members.invite");
  },
  "a getter is read like a property; one that throws is the marked path's business": () => {
    same("validateVoiceSettings", { get tone() { return "calm"; } });
    const throwing = { get tone() { throw new Error("boom"); } };
    const viaPackage = outcome(() => api.validateVoiceSettings(throwing));
    assert.ok("ok" in viaPackage || viaPackage.error.code === "invalid_type");
  },
  "nesting past the depth limit and lists past the item limit": () => {
    let deep = "x";
    for (let i = 0; i < 80; i++) deep = [deep];
    same("mergeKeyterms", deep);
    same("mergeKeyterms", Array.from({ length: 10_001 }, () => "a"));
    same("validateVoiceSettings", Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`k${i}`, 1])));
  },
  "mergeKeyterms laid end to end (api::merge_joined) and through the export": () => {
    // A surrogate pair cut between two terms: whole strings joined, cut apart by their lengths.
    same("mergeKeyterms", ["a\uD83D", "\uDE00b"], ["\uD83D\uDE00"]);
    // Characters of two code units, kept as given, normalized, folded, and too long.
    same("mergeKeyterms", ["\u{1D400}pple", "  \u{1F600}\u3000smile ", "\u{10400}", "\u{10428}"], ["\u{1F600}".repeat(129)]);
    // Every drop reason; empty lists; no lists.
    same("mergeKeyterms", [], [" ", "Straße", "STRASSE", "x".repeat(129)], Array.from({ length: 300 }, (_, i) => `t${i}`), []);
    same("mergeKeyterms");
    // The most terms the fast path takes, one more, and more lists than items allowed.
    same("mergeKeyterms", Array.from({ length: 9_999 }, (_, i) => `t${i % 500}`), ["last"]);
    same("mergeKeyterms", Array.from({ length: 9_999 }, () => "a"), ["b", "c"]);
    same("mergeKeyterms", ...Array.from({ length: 10_001 }, () => []));
  },
  "updateVoiceSettings by reference (api::update_compact) and through the export": () => {
    // Values kept as given (from the patch, from current), rewritten (language case, keyterms
    // normalized and de-duplicated), reset, and unset; refusals of current and of the patch.
    const stored = { voice_id: "v-1", tone: "calm", speed: 1.5, language: "en-us", keyterms: ["A", "a"], sensitive_topics: ["x"] };
    same("updateVoiceSettings", stored, { tone: "empathetic", language: "EN", keyterms: [" b  c ", "B C", "d"], voice_id: null });
    same("updateVoiceSettings", stored, {});
    same("updateVoiceSettings", null, { keyterms: [], correction_categories: ["\u{1F600}", "e\u0301"], stt_provider: "openai" });
    same("updateVoiceSettings", { tone: "loud" }, { speed: 9 });
    same("updateVoiceSettings", undefined, undefined);
    // A key "__proto__" of its own (JSON.parse makes one): the export reads it as an unknown field.
    same("updateVoiceSettings", null, JSON.parse('{"__proto__": {"tone": "calm"}, "speed": 1}'));
  },
  "updateVoiceSettings reads each value once and answers with values of its own": () => {
    // A getter that answers differently on a second read cannot put an unchecked value in the answer.
    let reads = 0;
    const fickle = { get tone() { return reads++ === 0 ? "calm" : "not a tone"; } };
    assert.equal(api.updateVoiceSettings(null, fickle).settings.tone, "calm");
    assert.equal(reads, 1, "read once");
    reads = 0;
    assert.equal(valuePath.updateVoiceSettings(null, fickle).settings.tone, "calm");
    // The answer shares no array with the arguments: changing one leaves the other alone.
    const patch = { keyterms: ["a", "b"] };
    const current = { sensitive_topics: ["x"] };
    const answer = api.updateVoiceSettings(current, patch);
    assert.notEqual(answer.settings.keyterms, patch.keyterms);
    assert.notEqual(answer.settings.sensitive_topics, current.sensitive_topics);
    answer.settings.keyterms.push("c");
    assert.deepEqual(patch.keyterms, ["a", "b"]);
  },
  "strings around the length where the glue switches from its loop to encodeInto": () => {
    // scripts/build.mjs patches the glue: strings over 64 code units are copied by TextEncoder.encodeInto.
    // An identifier crosses in, inside the marked JSON text of the arguments (17 units longer than
    // it), and comes back as written by Rust.
    for (let n = 40; n <= 70; n++) {
      for (const s of ["a".repeat(n), "é" + "a".repeat(n - 1), "a".repeat(n - 1) + "é", "😀".repeat(n >> 1), "a".repeat(n - 2) + "\u00A0\u4E2D"]) {
        const id = s.slice(0, 128);
        assert.equal(valuePath.updateVoiceSettings(null, { voice_id: id }).settings.voice_id, id, `${n}: ${JSON.stringify(id)}`);
        assert.equal(api.validateVoiceSettings({ voice_id: id }).ok, [...id].length <= 128);
      }
    }
  },
  "a cycle": () => {
    const cyclic = { tone: "calm" };
    cyclic.self = cyclic;
    same("validateVoiceSettings", cyclic);
  },
  "objects with a null prototype and integer-like keys": () => {
    const bare = Object.create(null);
    bare.tone = "calm";
    bare["10"] = 1;
    bare["2"] = 1;
    same("validateVoiceSettings", bare);
  },
  "numbers JSON writes in exponent form": () => {
    for (const x of [1e21, 1e-7, 5e-324, 1.7976931348623157e308, 0.1 + 0.2]) same("validateVoiceSettings", { speed: x, volume: x });
  },
  "can with unknown, non-string and known names": () => {
    same("can", "owner", "nope");
    same("can", "root", "members.invite");
    same("can", 1, {});
    for (const role of api.roles()) for (const action of api.actions()) assert.equal(api.can(role, action), valuePath.can(role, action));
  },
};
for (const [name, run] of Object.entries(edges)) test(name, run);

test("mergeKeyterms answers alike on a host without String.prototype.isWellFormed", async () => {
  // rules.js then finds unpaired surrogates with /\p{Cs}/u (Safari before 16.4, Firefox before 119).
  const own = String.prototype.isWellFormed;
  delete String.prototype.isWellFormed;
  let older;
  try {
    older = await import(new URL("../../pkg/node.js?without-isWellFormed", import.meta.url).href);
  } finally {
    String.prototype.isWellFormed = own; // eslint-disable-line no-extend-native
  }
  for (const lists of [[["a\uD800b", "ok"]], [["a\uD83D", "\uDE00b"], ["\uD83D\uDE00"]], [["\u{1F600} x", "\u{1F600}  X", "\uDC00"]], [["Café", "CAFÉ"]]]) {
    assert.equal(JSON.stringify(outcome(() => older.mergeKeyterms(...lists))), JSON.stringify(outcome(() => api.mergeKeyterms(...lists))));
  }
});

test("every shared vector gives the same answer both ways", () => {
  const files = readVectors();
  const viaPackage = runVectors(api, files);
  const viaValues = runVectors(valuePath, files);
  assert.equal(viaPackage.length, viaValues.length);
  const differing = viaPackage.filter((r, i) => r.line !== viaValues[i].line);
  assert.deepEqual(differing.map((r) => r.id).slice(0, 5), []);
});
