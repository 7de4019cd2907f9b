// The JSON Schema documents the package ships (`workspace-rules/schema/*.json`, generated from the Rust
// types: src/boundary/schema.rs), checked with ajv (JSON Schema 2020-12) against the library itself:
// - every input of every accepted shared vector validates against its document, and every answer the
//   library gives to every vector (accepted or refused) validates against the answer's document;
// - what a document refuses, the library refuses: random changes of accepted inputs (values past their
//   bounds, wrong types, unknown keys, keys left out) that the schema refuses are refused by the call;
// - the bounds the documents state are the ones `catalog()` states, and so validation's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import * as api from "workspace-rules";
import { decode } from "../js/vectors.mjs";
import { readVectors } from "../js/files.mjs";

const require = createRequire(import.meta.url);
const schemaDir = join(dirname(require.resolve("workspace-rules/package.json")), "schema");
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const docs = {};
for (const file of readdirSync(schemaDir).filter((f) => f !== "types.json")) {
  const doc = JSON.parse(readFileSync(join(schemaDir, file), "utf8"));
  docs[file.replace(/\.json$/, "")] = ajv.compile(doc);
}
const valid = (name, value) => docs[name](value);
const why = (name) => ajv.errorsText(docs[name].errors);

// Each export's parameters (a document name, or null for a plain value) and its answer's document.
const SIGNATURES = {
  apply: [["workspace-state", "command", "context"], "apply-result"],
  createWorkspace: [["new-workspace", "context"], "apply-result"],
  capabilities: [["workspace-state", "context"], "capabilities"],
  checkRequest: [["request", "request-context"], "decision"],
  authorize: [["workspace-state", null, null, null], "decision"],
  creditStatus: [["workspace-state", null], "credit-status"],
  updateVoiceSettings: [[null, "voice-settings"], "voice-settings-update"],
  validateVoiceSettings: [[null], "validation"],
  validateCommandFields: [[null, null], "validation"],
  effectiveVoiceSettings: [["voice-settings-layers"], "effective-voice-settings"],
  mergeKeyterms: [[], "keyterm-merge-result"],
  resolveTone: [["tone-input"], "tone-result"],
  previewInvitation: [["workspace-state", null, null], "invitation-preview"],
  invitationStatus: [["invitation", null], null],
  callCost: [["minutes-allocation", null], "call-cost"],
  switchWorkspace: [[null, null], "workspace-access"],
  permissionMatrix: [[], "permission-matrix"],
  confirmDelete: [["workspace-state", null, "context"], null],
};

const cases = Object.entries(readVectors()).flatMap(([file, v]) => v.cases.map((c) => ({ ...c, file })));

function call(name, args) {
  try {
    return { ok: api[name](...args) };
  } catch (e) {
    if (!(e instanceof api.WorkspaceRulesError)) throw e;
    return { error: { code: e.code, status: e.status, message: e.message, errors: e.errors } };
  }
}

test("every document compiles under JSON Schema 2020-12 in strict mode", () => {
  assert.ok(Object.keys(docs).length >= 25, Object.keys(docs).join(", "));
});

test("every accepted vector's inputs validate, and every answer validates against its document", () => {
  let inputs = 0;
  let answers = 0;
  for (const c of cases) {
    const signature = SIGNATURES[c.call];
    if (!signature) continue;
    const [params, answer] = signature;
    const args = decode(c.args);
    const out = call(c.call, args);
    const label = `${c.file} "${c.name}"`;
    const accepted = "ok" in out && !(c.call.startsWith("validate") && !out.ok.ok);
    if (accepted) {
      params.forEach((doc, i) => {
        if (doc && args[i] !== undefined && !(doc === "voice-settings" && i === 0)) {
          assert.ok(valid(doc, args[i]), `${label}: argument ${i} against ${doc}: ${why(doc)}`);
          inputs++;
        }
      });
      if (c.call === "validateVoiceSettings") assert.ok(valid("voice-settings", args[0]), `${label}: ${why("voice-settings")}`);
    }
    if ("ok" in out && answer && out.ok !== null) {
      assert.ok(valid(answer, out.ok), `${label}: answer against ${answer}: ${why(answer)}`);
      answers++;
    }
    if ("error" in out) {
      assert.ok(valid("error", out.error), `${label}: refusal against error: ${why("error")}`);
      answers++;
    }
  }
  assert.ok(inputs > 1300 && answers > 1200, `${inputs} inputs, ${answers} answers`);
});

// --- What a document refuses, the library refuses ----------------------------------------------

/** Every JSON Pointer into `value` (objects and arrays), the root included. */
function pointers(value, at = "") {
  const out = [at];
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push(...pointers(v, `${at}/${k}`));
  }
  return out;
}

function get(value, pointer) {
  return pointer.split("/").slice(1).reduce((v, k) => v?.[k], value);
}

/** `value` with the node at `pointer` replaced by `replace(node)` (`undefined`: left out). */
function edit(value, pointer, replace) {
  if (pointer === "") return replace(value);
  const copy = structuredClone(value);
  const keys = pointer.split("/").slice(1);
  const parent = keys.slice(0, -1).reduce((v, k) => v[k], copy);
  const last = keys.at(-1);
  const next = replace(parent[last]);
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = next;
  return copy;
}

/** Changes a value the way careless or hostile input does, near the bounds a schema states. */
const change = fc.oneof(
  fc.constant(() => undefined),
  fc.constant(() => null),
  fc.constantFrom(-1, 0, 0.49, 0.5, 1, 1.5, 2, 2.01, 3, 4, 28, 29, 60, 61, 100, 101, 2 ** 53, 1.5e300, -0).map((n) => () => n),
  fc.constantFrom("", " ", "x", "X".repeat(33), "y".repeat(129), "z".repeat(1025), "owner", "nope", "2026-11-22T10:00:00Z", "2026-13-40T10:00:00Z").map((s) => () => s),
  fc.constant((v) => (typeof v === "string" ? v.toUpperCase() : v)),
  fc.constant((v) => (typeof v === "string" ? v + "x" : typeof v === "number" ? v + 1 : v)),
  fc.constant((v) => (Array.isArray(v) ? [...v, ...v, "extra"] : v)),
  fc.constant((v) => (Array.isArray(v) ? Array.from({ length: 201 }, (_, i) => `t${i}`) : v)),
  fc.constant((v) => (v && typeof v === "object" && !Array.isArray(v) ? { ...v, unknown_key: 1 } : v)),
  fc.constant((v) => [v]),
  fc.constant(() => true),
  fc.constant(() => ({})),
);

const accepted = cases.filter((c) => {
  const signature = SIGNATURES[c.call];
  if (!signature || !signature[0].some(Boolean)) return false;
  const out = call(c.call, decode(c.args));
  return "ok" in out && !(c.call.startsWith("validate") && !out.ok.ok);
});

test("what a document refuses, the library refuses (random changes of accepted inputs)", () => {
  let refusedBySchema = 0;
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.nat(), change, (which, param, where, replace) => {
      const c = accepted[which % accepted.length];
      const [params] = SIGNATURES[c.call];
      const withDoc = params.map((d, i) => [d, i]).filter(([d, i]) => d && !(d === "voice-settings" && i === 0));
      if (withDoc.length === 0) return;
      const [doc, i] = withDoc[param % withDoc.length];
      const args = decode(c.args);
      const all = pointers(args[i]);
      const pointer = all[where % all.length];
      const changed = edit(args[i], pointer, replace);
      if (changed === undefined || valid(doc, changed)) return;
      refusedBySchema++;
      const next = [...args];
      next[i] = changed;
      const out = call(c.call, next);
      const refused = "error" in out || (c.call.startsWith("validate") && !out.ok.ok);
      assert.ok(
        refused,
        `${c.file} "${c.name}": ${doc} refuses ${JSON.stringify(get(changed, pointer))} at ${pointer} (${why(doc)}) but ${c.call} accepted it`,
      );
    }),
    { numRuns: Number(process.env.SCHEMA_RUNS ?? 3000), seed: 20261203 },
  );
  assert.ok(refusedBySchema > 500, `${refusedBySchema} changes refused by a document`);
});

test("the documents' bounds are catalog()'s", () => {
  const defs = JSON.parse(readFileSync(join(schemaDir, "types.json"), "utf8")).$defs;
  const props = defs.VoiceSettings.properties;
  for (const f of api.catalog().voice_fields) {
    const schema = props[f.name];
    const inner = schema.anyOf[0];
    const own = inner.$ref ? defs[inner.$ref.split("/").pop()] : inner;
    assert.deepEqual(schema.default, f.default, `${f.name} default`);
    if (f.type === "number") assert.deepEqual([own.minimum, own.maximum], [f.minimum, f.maximum], f.name);
    if (f.type === "string") assert.deepEqual([own.minLength, own.maxLength], [f.min_length, f.max_length], f.name);
    if (f.type === "language_tag") assert.equal(own.maxLength, f.max_length, f.name);
    if (f.type === "enum") assert.deepEqual(own.enum, f.values, f.name);
    if (f.type === "list") assert.match(schema.description, new RegExp(`At most ${f.max_items} distinct items`), f.name);
  }
  const codes = defs.ErrorCode.enum;
  assert.deepEqual(codes, api.catalog().error_codes.map((c) => c.code));
});
