// Writes catalog.json: the answer of catalog() from the rulebook, independently of the crate — the
// voice-settings field table of `docs/rules/voice-settings.md` transcribed here by hand, the error
// codes and statuses read from the table of `docs/rules/README.md` (which tests/docs checks against
// src/base/error.rs), the roles and actions from roles.json. Run: node tests/vectors/generate-catalog.mjs
import { readFileSync, writeFileSync } from "node:fs";

const str = (max) => ({ type: "string", min_length: 1, max_length: max });
const list = (max) => ({ type: "list", max_items: max, item_min_length: 1, item_max_length: 128 });
const fields = [
  ["voice_id", str(128), null],
  ["tone", { type: "enum", values: ["calm", "sympathetic", "enthusiastic", "content", "curious", "cheerful", "serious", "friendly"] }, "friendly"],
  ["speed", { type: "number", minimum: 0.5, maximum: 2 }, 1],
  ["volume", { type: "number", minimum: 0, maximum: 1 }, 1],
  ["language", { type: "language_tag", max_length: 32 }, "en"],
  ["keyterms", list(200), []],
  ["correction_categories", list(50), []],
  ["pronunciation_dict_id", str(128), null],
  ["sensitive_topics", list(50), ["test results", "diagnosis", "surgery", "billing", "medication", "insurance"]],
  ["post_call_analysis_enabled", { type: "boolean" }, true],
  ["transcript_correction_enabled", { type: "boolean" }, true],
  ["stt_provider", { type: "enum", values: ["deepgram", "openai", "cartesia"] }, null],
  ["tts_provider", { type: "enum", values: ["cartesia", "elevenlabs", "groq"] }, null],
];
const rulebook = readFileSync(new URL("../../docs/rules/README.md", import.meta.url), "utf8");
const statusOf = new Map([...rulebook.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map(([, code, status]) => [code, Number(status)]));
// In the order the crate declares them (src/base/error.rs), each with the rulebook's status.
const declared = [...readFileSync(new URL("../../src/base/error.rs", import.meta.url), "utf8").matchAll(/= "([a-z_]+)", \d{3};/g)].map((m) => m[1]);
const error_codes = declared.map((code) => ({ code, status: statusOf.get(code) }));
const roles = JSON.parse(readFileSync(new URL("./roles.json", import.meta.url), "utf8")).cases;
const ok = (call) => roles.find((c) => c.call === call && c.args.length === 0).expect.ok;

const expect = {
  voice_fields: fields.map(([name, spec, def]) => ({ name, ...spec, default: def })),
  roles: ok("roles"),
  actions: ok("actions"),
  error_codes,
  limits: { max_items: 10000, max_depth: 64 },
};
const file = {
  description: "catalog(): the voice-settings field table of `docs/rules/voice-settings.md`, the roles and actions, the error codes of `docs/rules/README.md` with their statuses, the reader's limits.",
  cases: [{ name: "the catalog", call: "catalog", args: [], expect: { ok: expect } }],
};
writeFileSync(new URL("./catalog.json", import.meta.url), JSON.stringify(file, null, 2) + "\n");
console.log(`catalog.json: ${file.cases.length} case, ${error_codes.length} error codes`);
