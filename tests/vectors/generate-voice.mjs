// Writes voice_settings.json, keyterms.json and tone.json from `docs/rules/voice-settings.md`, `docs/rules/keyterms.md` and `docs/rules/tone.md`, transcribed here
// by hand, independently of the crate. Run: node tests/vectors/generate-voice.mjs
//
// Expected values come from the rulebook's tables (field bounds, defaults, tiers, emotion mapping) and
// from the decisions written on those pages; the tone expectations are computed by a small
// transcription of `docs/rules/tone.md` below, not by calling the library.
import { writeFileSync } from "node:fs";

const problem = (code, path) => ({ code, path });
const error = (code, status, ...errors) => ({ error: { code, status, errors } });
const invalid = (...errors) => error("validation_failed", 422, ...errors);
const ok = (value) => ({ ok: value });
const js = (name) => ({ $js: name });
const repeat = (s, n) => Array.from({ length: n }, () => s).join("");
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));

// ---------------------------------------------------------------------------------------------------
// `docs/rules/voice-settings.md` voice settings
// ---------------------------------------------------------------------------------------------------

// The field table, in the spec's order, with the built-in defaults.
const FIELDS = [
  "voice_id", "tone", "speed", "volume", "language", "keyterms", "correction_categories",
  "pronunciation_dict_id", "sensitive_topics", "post_call_analysis_enabled",
  "transcript_correction_enabled", "stt_provider", "tts_provider",
];
const DEFAULT_TOPICS = ["test results", "diagnosis", "surgery", "billing", "medication", "insurance"];
const DEFAULTS = {
  voice_id: null, tone: "friendly", speed: 1, volume: 1, language: "en", keyterms: [],
  correction_categories: [], pronunciation_dict_id: null, sensitive_topics: DEFAULT_TOPICS,
  post_call_analysis_enabled: true, transcript_correction_enabled: true, stt_provider: null,
  tts_provider: null,
};
const TONES = ["calm", "sympathetic", "enthusiastic", "content", "curious", "cheerful", "serious", "friendly"];

/** Orders an object's keys by the field table (the wire order of every settings output). */
const ordered = (o) => Object.fromEntries(FIELDS.filter((f) => f in o).map((f) => [f, o[f]]));

/** The effective settings with their sources and the layers' keyterms not used, in wire order. */
function effective(values, sources, dropped = []) {
  const out = {};
  for (const f of FIELDS) out[f] = f in values ? values[f] : DEFAULTS[f];
  out.sources = {};
  for (const f of FIELDS) out.sources[f] = f in sources ? sources[f] : f === "keyterms" ? [] : "default";
  out.dropped_keyterms = dropped;
  return out;
}
/** A layer's keyterm the union did not keep (wire order: term, layer, reason, duplicate_of). */
const droppedFrom = (layer, term, reason, duplicate_of) =>
  duplicate_of === undefined ? { term, layer, reason } : { term, layer, reason, duplicate_of };

const voice = [];
const update = (name, current, patch, expect) => voice.push({ name, call: "updateVoiceSettings", args: [current, patch], expect });
const accepts = (field, value, stored, why) =>
  update(`${field}: ${why} is accepted`, {}, { [field]: value }, ok({ settings: { [field]: stored }, changed: [field] }));
const refuses = (field, value, code, why, path = `/${field}`) =>
  update(`${field}: ${why} is ${code}`, {}, { [field]: value }, invalid(problem(code, path)));

const pad = (n, c = "x") => repeat(c, n);
for (const field of ["voice_id", "pronunciation_dict_id"]) {
  accepts(field, "v", "v", "1 character (lower bound)");
  accepts(field, pad(128), pad(128), "128 characters (upper bound)");
  accepts(field, " voice 1 ", " voice 1 ", "an id kept exactly as given");
  accepts(field, pad(128, "😀"), pad(128, "😀"), "128 emoji (256 UTF-16 units)");
  refuses(field, "", "empty_value", "the empty string");
  refuses(field, pad(129), "too_long", "129 characters");
  refuses(field, 5, "invalid_type", "a number");
  refuses(field, ["v"], "invalid_type", "a list");
}
for (const tone of TONES) accepts("tone", tone, tone, `"${tone}"`);
refuses("tone", "Friendly", "invalid_value", "a tone in another case");
refuses("tone", "angry", "invalid_value", "an emotion label");
refuses("tone", "", "invalid_value", "the empty string");
refuses("tone", 1, "invalid_type", "a number");

const numbers = [
  ["speed", 0.5, 2, 0.49, 2.01],
  ["volume", 0, 1, -0.01, 1.01],
];
for (const [field, min, max, below, above] of numbers) {
  accepts(field, min, min, `${min} (lower bound, inclusive)`);
  accepts(field, max, max, `${max} (upper bound, inclusive)`);
  accepts(field, (min + max) / 2, (min + max) / 2, "a value inside");
  refuses(field, below, "out_of_range", `${below} (just below)`);
  refuses(field, above, "out_of_range", `${above} (just above)`);
  refuses(field, js("NaN"), "invalid_type", "NaN");
  refuses(field, js("Infinity"), "invalid_type", "Infinity");
  refuses(field, js("-Infinity"), "invalid_type", "-Infinity");
  refuses(field, "1", "invalid_type", "a numeric string");
  refuses(field, js("bigint"), "invalid_type", "a BigInt");
  refuses(field, true, "invalid_type", "a boolean");
}
accepts("speed", 1.25, 1.25, "a fraction");
accepts("volume", 0.333, 0.333, "a fraction");
accepts("volume", -0, 0, "-0 (stored as 0)");
refuses("speed", 0.49999999, "out_of_range", "a hair below 0.5");
refuses("speed", 1e21, "out_of_range", "1e21");

const tag32 = "en-US-x-abcdefgh-abcdefgh-abcdef";
accepts("language", "en", "en", '"en"');
accepts("language", "en-us", "en-US", '"en-us" (canonical case en-US)');
accepts("language", "EN-US", "en-US", '"EN-US" (canonical case en-US)');
accepts("language", "zh-hant-tw", "zh-Hant-TW", '"zh-hant-tw" (canonical case zh-Hant-TW)');
accepts("language", "SR-LATN-rs", "sr-Latn-RS", '"SR-LATN-rs"');
accepts("language", "es-419", "es-419", "a numeric region");
accepts("language", "de-CH-1996", "de-CH-1996", "a variant");
accepts("language", "en-a-BBB-x-PRIVATE", "en-a-bbb-x-private", "extensions and private use (lowercase)");
accepts("language", "X-Private", "x-private", "a private-use tag");
accepts("language", "i-klingon", "i-klingon", "a grandfathered tag");
accepts("language", tag32.toUpperCase(), tag32, "32 characters (upper bound)");
refuses("language", tag32 + "g", "too_long", "33 characters");
refuses("language", "en_US", "invalid_language_tag", "an underscore");
refuses("language", "", "invalid_language_tag", "the empty string");
refuses("language", "e", "invalid_language_tag", "one letter");
refuses("language", "en-", "invalid_language_tag", "a trailing hyphen");
refuses("language", "en--US", "invalid_language_tag", "an empty subtag");
refuses("language", " en", "invalid_language_tag", "a leading space");
refuses("language", "en US", "invalid_language_tag", "a space inside");
refuses("language", "en-US-abcdefghi", "invalid_language_tag", "a 9-letter subtag");
refuses("language", 42, "invalid_type", "a number");

const lists = [
  ["keyterms", 200],
  ["correction_categories", 50],
  ["sensitive_topics", 50],
];
for (const [field, cap] of lists) {
  const distinct = (n) => range(n, (i) => `item ${i}`);
  accepts(field, [], [], "an empty list");
  accepts(field, distinct(cap), distinct(cap), `${cap} distinct items (the cap)`);
  refuses(field, distinct(cap + 1), "too_many_items", `${cap + 1} distinct items`);
  accepts(field, [...distinct(cap), "ITEM 0", " item  1 "], distinct(cap), `${cap} distinct items plus duplicates (counted after de-duplication)`);
  accepts(field, [" Metformin ", "METFORMIN", "Dr.\u00a0\u00a0Ramirez", "metformin"], ["Metformin", "Dr. Ramirez"], "normalized, de-duplicated, first spelling kept");
  accepts(field, [pad(128)], [pad(128)], "an item of 128 characters");
  accepts(field, [repeat("e\u0301", 128)], [repeat("é", 128)], "128 characters after NFC (256 before)");
  refuses(field, ["ok", pad(129)], "too_long", "an item of 129 characters", `/${field}/1`);
  // Bounded as given before normalizing (`docs/rules/keyterms.md#empty-and-long-terms`): 1,024 characters
  // that trimming shortens to 128 are kept; 1,025 are too_long, whatever normalizing would leave.
  accepts(field, [pad(896, " ") + pad(128)], [pad(128)], "1,024 characters as given that trim to 128");
  refuses(field, ["ok", pad(897, " ") + pad(128)], "too_long", "an item of 1,025 characters as given", `/${field}/1`);
  refuses(field, ["ok", ""], "empty_value", "an empty item", `/${field}/1`);
  refuses(field, [" \t\u00a0\u3000 "], "empty_value", "an item of white space only", `/${field}/0`);
  refuses(field, ["ok", 3], "invalid_type", "a number item", `/${field}/1`);
  refuses(field, ["ok", null], "invalid_type", "a null item", `/${field}/1`);
  refuses(field, "metformin", "invalid_type", "a string instead of a list");
  refuses(field, { 0: "a" }, "invalid_type", "an object instead of a list");
}
update(
  "keyterms: every item problem, by index",
  {},
  { keyterms: ["", "ok", 7, pad(129), "  "] },
  invalid(
    problem("empty_value", "/keyterms/0"),
    problem("invalid_type", "/keyterms/2"),
    problem("too_long", "/keyterms/3"),
    problem("empty_value", "/keyterms/4"),
  ),
);
update(
  "keyterms: item problems, then the count",
  {},
  { keyterms: [...range(201, (i) => `t${i}`), ""] },
  invalid(problem("empty_value", "/keyterms/201"), problem("too_many_items", "/keyterms")),
);
for (const field of ["post_call_analysis_enabled", "transcript_correction_enabled"]) {
  accepts(field, true, true, "true");
  accepts(field, false, false, "false");
  refuses(field, "true", "invalid_type", 'the string "true"');
  refuses(field, 0, "invalid_type", "0");
}
for (const p of ["deepgram", "openai", "cartesia"]) accepts("stt_provider", p, p, `"${p}"`);
refuses("stt_provider", "groq", "invalid_value", '"groq" (a TTS provider)');
refuses("stt_provider", "Deepgram", "invalid_value", "another case");
for (const p of ["cartesia", "elevenlabs", "groq"]) accepts("tts_provider", p, p, `"${p}"`);
refuses("tts_provider", "deepgram", "invalid_value", '"deepgram" (an STT provider)');
refuses("tts_provider", false, "invalid_type", "a boolean");

// Null resets, absent keys, no-op updates, changed in table order.
const stored = { tone: "calm", speed: 1.5, language: "en-GB", keyterms: ["Metformin"], sensitive_topics: [] };
update("an empty patch changes nothing", stored, {}, ok({ settings: stored, changed: [] }));
update("the same values change nothing", stored, { speed: 1.5, tone: "calm", keyterms: [" Metformin"] }, ok({ settings: stored, changed: [] }));
update("a language in another case is the same value", stored, { language: "EN-gb" }, ok({ settings: stored, changed: [] }));
update("null resets a field (removed from the stored object)", stored, { speed: null }, ok({ settings: ordered({ ...stored, speed: undefined }), changed: ["speed"] }));
update(
  "null resets sensitive_topics from [] (none) back to unset (the defaults)",
  stored,
  { sensitive_topics: null },
  ok({ settings: { tone: "calm", speed: 1.5, language: "en-GB", keyterms: ["Metformin"] }, changed: ["sensitive_topics"] }),
);
update("null on an unset field changes nothing", stored, { voice_id: null, volume: null }, ok({ settings: stored, changed: [] }));
update("setting the default value where unset is a change (it is now stored)", {}, { speed: 1 }, ok({ settings: { speed: 1 }, changed: ["speed"] }));
update(
  "a list is replaced whole, never appended",
  stored,
  { keyterms: ["amlodipine"] },
  ok({ settings: { ...stored, keyterms: ["amlodipine"] }, changed: ["keyterms"] }),
);
update(
  "a respelled keyterm is a change (casing is kept for speech engines)",
  stored,
  { keyterms: ["METFORMIN"] },
  ok({ settings: { ...stored, keyterms: ["METFORMIN"] }, changed: ["keyterms"] }),
);
update(
  "changed lists fields in table order, whatever the patch's order",
  stored,
  { tts_provider: "groq", tone: "serious", volume: 0.5, voice_id: "v-1", speed: null },
  ok({
    settings: { voice_id: "v-1", tone: "serious", volume: 0.5, language: "en-GB", keyterms: ["Metformin"], sensitive_topics: [], tts_provider: "groq" },
    changed: ["voice_id", "tone", "speed", "volume", "tts_provider"],
  }),
);
update(
  "every field at once",
  {},
  {
    tts_provider: "elevenlabs", stt_provider: "deepgram", transcript_correction_enabled: false,
    post_call_analysis_enabled: false, sensitive_topics: ["Billing"], pronunciation_dict_id: "dict-1",
    correction_categories: ["medication names"], keyterms: ["metformin"], language: "fr-ca",
    volume: 0.8, speed: 0.9, tone: "content", voice_id: "voice-1",
  },
  ok({
    settings: {
      voice_id: "voice-1", tone: "content", speed: 0.9, volume: 0.8, language: "fr-CA", keyterms: ["metformin"],
      correction_categories: ["medication names"], pronunciation_dict_id: "dict-1", sensitive_topics: ["Billing"],
      post_call_analysis_enabled: false, transcript_correction_enabled: false, stt_provider: "deepgram", tts_provider: "elevenlabs",
    },
    changed: FIELDS,
  }),
);
update(
  "the current object is normalized on the way in (null = unset there)",
  { language: "en-us", keyterms: ["a", "A", " b "], voice_id: null },
  {},
  ok({ settings: { language: "en-US", keyterms: ["a", "b"] }, changed: [] }),
);

// Refusals: all problems at once, nothing changed, the order.
update("an unknown field", {}, { speeed: 1 }, invalid(problem("unknown_field", "/speeed")));
update("an unknown field next to a good one: nothing changes", stored, { speed: 2, pitch: 3 }, invalid(problem("unknown_field", "/pitch")));
update(
  "every problem at once: known fields in table order, then unknown fields in input order",
  stored,
  { zzz: 1, volume: 2, keyterms: ["", 3], speed: js("NaN"), aaa: 2, tone: "angry" },
  invalid(
    problem("invalid_value", "/tone"),
    problem("invalid_type", "/speed"),
    problem("out_of_range", "/volume"),
    problem("empty_value", "/keyterms/0"),
    problem("invalid_type", "/keyterms/1"),
    problem("unknown_field", "/zzz"),
    problem("unknown_field", "/aaa"),
  ),
);
update("a field name with a slash is escaped in its path", {}, { "a/b": 1 }, invalid(problem("unknown_field", "/a~1b")));
for (const [why, patch] of [
  ["a list", []],
  ["a string", "speed=1"],
  ["null", null],
  ["a number", 1],
  ["undefined", js("undefined")],
]) {
  update(`a patch that is ${why} is invalid_type at ""`, {}, patch, invalid(problem("invalid_type", "")));
}
update("undefined inside a patch counts as absent", stored, { speed: js("undefined") }, ok({ settings: stored, changed: [] }));
update(
  "problems of the current object come first, under /current",
  { speed: 9, pitch: 1 },
  { volume: 2 },
  invalid(problem("out_of_range", "/current/speed"), problem("unknown_field", "/current/pitch"), problem("out_of_range", "/volume")),
);
update("a current object that is not an object", "x", {}, invalid(problem("invalid_type", "/current")));
update("a current object that is null: nothing stored yet", null, { tone: "calm" }, ok({ settings: { tone: "calm" }, changed: ["tone"] }));
update("a current object that is undefined: nothing stored yet", js("undefined"), {}, ok({ settings: {}, changed: [] }));

// validateVoiceSettings: the same checks, never throwing; a few messages pinned.
const validation = (name, patch, expect) => voice.push({ name, call: "validateVoiceSettings", args: [patch], expect });
validation("a valid patch", { speed: 1.2, tone: "calm", keyterms: null }, ok({ ok: true, errors: [] }));
validation("an empty patch", {}, ok({ ok: true, errors: [] }));
validation(
  "problems are listed with messages",
  { speed: 3, language: "en_US", keyterms: ["ok", ""], colour: "red" },
  ok({
    ok: false,
    errors: [
      { code: "out_of_range", message: "speed must be between 0.5 and 2, got 3.", path: "/speed" },
      { code: "invalid_language_tag", message: 'language must be a well-formed BCP-47 language tag such as "en" or "en-US", got "en_US".', path: "/language" },
      { code: "empty_value", message: "keyterms[1] must not be empty.", path: "/keyterms/1" },
      { code: "unknown_field", message: "colour is not a known field.", path: "/colour" },
    ],
  }),
);
validation(
  "numbers in messages: shortest decimals, or rounded after \"about\"",
  { speed: 2.01, volume: 1.0000000001 },
  ok({
    ok: false,
    errors: [
      { code: "out_of_range", message: "speed must be between 0.5 and 2, got 2.01.", path: "/speed" },
      { code: "out_of_range", message: "volume must be between 0 and 1, got about 1.", path: "/volume" },
    ],
  }),
);
for (const [why, patch, kind] of [
  ["NaN", js("NaN"), "NaN"],
  ["undefined", js("undefined"), "undefined"],
  ["a list", [], "an array"],
  ["a symbol", js("symbol"), "a symbol"],
  ["a function", js("function"), "a function"],
]) {
  validation(`never throws: ${why}`, patch, ok({ ok: false, errors: [{ code: "invalid_type", message: `the input must be an object, got ${kind}.`, path: "" }] }));
}
validation(
  "NaN and Infinity are invalid_type, never null (a reset)",
  { speed: js("NaN"), volume: js("Infinity") },
  ok({
    ok: false,
    errors: [
      { code: "invalid_type", message: "speed must be a finite number, got NaN.", path: "/speed" },
      { code: "invalid_type", message: "volume must be a finite number, got Infinity.", path: "/volume" },
    ],
  }),
);

// Layered resolution.
const layers = (name, input, expect) => voice.push({ name, call: "effectiveVoiceSettings", args: [input], expect });
layers("no layers: every default, every source default", {}, ok(effective({}, {})));
layers("null and undefined layers are absent", { service: null, agent: js("undefined") }, ok(effective({}, {})));
layers(
  "the most specific layer that sets a field wins",
  {
    service: { speed: 0.8, tone: "calm", voice_id: "svc-voice", language: "en-us" },
    workspace: { speed: 1.2, language: "de" },
    agent: { speed: 1.5 },
  },
  ok(effective(
    { voice_id: "svc-voice", tone: "calm", speed: 1.5, language: "de" },
    { voice_id: "service", tone: "service", speed: "agent", language: "workspace" },
  )),
);
layers(
  "keyterms: the union in the order service, workspace, agent; first spelling wins; a source per kept term",
  {
    agent: { keyterms: ["Dr. Ramirez", "amlodipine"] },
    service: { keyterms: ["Metformin", "Straße"] },
    workspace: { keyterms: ["METFORMIN", "strasse", "Lisinopril"] },
  },
  ok(effective(
    { keyterms: ["Metformin", "Straße", "Lisinopril", "Dr. Ramirez", "amlodipine"] },
    { keyterms: ["service", "service", "workspace", "agent", "agent"] },
    [droppedFrom("workspace", "METFORMIN", "duplicate", "Metformin"), droppedFrom("workspace", "strasse", "duplicate", "Straße")],
  )),
);
layers(
  "keyterms: capped at 200 across layers, earlier layers first",
  { service: { keyterms: range(150, (i) => `s${i}`) }, workspace: { keyterms: range(100, (i) => `w${i}`) } },
  ok(effective(
    { keyterms: [...range(150, (i) => `s${i}`), ...range(50, (i) => `w${i}`)] },
    { keyterms: [...range(150, () => "service"), ...range(50, () => "workspace")] },
    range(50, (i) => droppedFrom("workspace", `w${50 + i}`, "limit")),
  )),
);
// Issue 22: the terms not used, each with its layer, in input order: a later layer's duplicate of a
// kept term is a duplicate (whether or not the cap is reached), any other term past the cap a limit,
// a later spelling of a term dropped by the cap a limit too; a layer's repeats of its own terms are
// removed when it is read (a stored object) and are not reported; the stored spelling is reported.
layers(
  "keyterms: dropped_keyterms names every term not used, with its layer, in input order",
  {
    service: { keyterms: range(199, (i) => `s${i}`) },
    workspace: { keyterms: ["Aspirin", "S7", " Ozempic  ", "ozempic"] },
    agent: { keyterms: ["OZEMPIC", "aspirin", "Zyrtec"] },
  },
  ok(effective(
    { keyterms: [...range(199, (i) => `s${i}`), "Aspirin"] },
    { keyterms: [...range(199, () => "service"), "workspace"] },
    [
      droppedFrom("workspace", "S7", "duplicate", "s7"),
      droppedFrom("workspace", "Ozempic", "limit"),
      droppedFrom("agent", "OZEMPIC", "limit"),
      droppedFrom("agent", "aspirin", "duplicate", "Aspirin"),
      droppedFrom("agent", "Zyrtec", "limit"),
    ],
  )),
);
layers(
  "sensitive_topics: unset everywhere means the defaults",
  { workspace: { tone: "serious" } },
  ok(effective({ tone: "serious" }, { tone: "workspace" })),
);
layers(
  "sensitive_topics: an explicit [] means none, and the most specific layer wins",
  { service: { sensitive_topics: ["billing"] }, workspace: { sensitive_topics: [] } },
  ok(effective({ sensitive_topics: [] }, { sensitive_topics: "workspace" })),
);
layers(
  "sensitive_topics: the agent's list replaces the workspace's",
  { workspace: { sensitive_topics: [] }, agent: { sensitive_topics: ["Surgery", "surgery"] } },
  ok(effective({ sensitive_topics: ["Surgery"] }, { sensitive_topics: "agent" })),
);
layers(
  "correction_categories: the most specific layer's list replaces the others",
  { service: { correction_categories: ["drug names"] }, agent: { correction_categories: ["insurance carriers"] } },
  ok(effective({ correction_categories: ["insurance carriers"] }, { correction_categories: "agent" })),
);
layers(
  "a layer's null is unset: the next layer down shows through",
  { workspace: { voice_id: "ws-voice", stt_provider: "openai" }, agent: { voice_id: null, stt_provider: "cartesia" } },
  ok(effective({ voice_id: "ws-voice", stt_provider: "cartesia" }, { voice_id: "workspace", stt_provider: "agent" })),
);
layers(
  "false and 0 are values, not absences",
  { service: { post_call_analysis_enabled: false, volume: 0 } },
  ok(effective({ post_call_analysis_enabled: false, volume: 0 }, { post_call_analysis_enabled: "service", volume: "service" })),
);
layers(
  "every layer is validated; every problem reported",
  { service: { speed: 3 }, agent: { tone: "angry", keyterms: [""] }, tenant: {} },
  invalid(problem("out_of_range", "/service/speed"), problem("invalid_value", "/agent/tone"), problem("empty_value", "/agent/keyterms/0"), problem("unknown_field", "/tenant")),
);
layers("a layer that is not an object", { workspace: [] }, invalid(problem("invalid_type", "/workspace")));
layers("the input is not an object", js("undefined"), invalid(problem("invalid_type", "")));

// ---------------------------------------------------------------------------------------------------
// `docs/rules/keyterms.md` keyterms
// ---------------------------------------------------------------------------------------------------

const kt = [];
const merge = (name, lists, keyterms, dropped = []) => kt.push({ name, call: "mergeKeyterms", args: lists, expect: ok({ keyterms, dropped }) });
const dup = (term, of) => ({ term, reason: "duplicate", duplicate_of: of });
const drop = (term, reason) => ({ term, reason });

merge("no lists", [], []);
merge("empty lists", [[], []], []);
merge("the spec's example", [["Metformin", "amlodipine"], ["METFORMIN", "Dr. Ramirez"]], ["Metformin", "amlodipine", "Dr. Ramirez"], [dup("METFORMIN", "Metformin")]);
merge("first occurrence wins in spelling and position", [["metformin"], ["Metformin", "Amlodipine"], ["amlodipine"]], ["metformin", "Amlodipine"], [dup("Metformin", "metformin"), dup("amlodipine", "Amlodipine")]);
merge("ß equals SS (full case folding)", [["Straße", "STRASSE", "strasse", "STRAẞE"]], ["Straße"], [dup("STRASSE", "Straße"), dup("strasse", "Straße"), dup("STRAẞE", "Straße")]);
merge("NFC and NFD spellings are one term; the kept spelling is NFC", [["Cafe\u0301", "Café", "CAFÉ"]], ["Café"], [dup("Café", "Café"), dup("CAFÉ", "Café")]);
merge(
  "Turkish dotted İ folds to i + U+0307, not to plain i",
  [["İstanbul", "istanbul", "i\u0307stanbul", "ISTANBUL"]],
  ["İstanbul", "istanbul"],
  [dup("i\u0307stanbul", "İstanbul"), dup("ISTANBUL", "istanbul")],
);
merge("Turkish dotless ı is its own letter", [["KIRMIZI", "kırmızı", "kirmizi"]], ["KIRMIZI", "kırmızı"], [dup("kirmizi", "KIRMIZI")]);
merge("Greek final sigma folds with sigma", [["ΟΔΟΣ", "οδος", "οδοσ"]], ["ΟΔΟΣ"], [dup("οδος", "ΟΔΟΣ"), dup("οδοσ", "ΟΔΟΣ")]);
merge(
  "white space: trimmed and every run of Unicode white space collapsed",
  [[" \tDr.\u00a0\u2003Ramirez\n", "dr. ramirez", "a\u3000\u2028b"]],
  ["Dr. Ramirez", "a b"],
  [dup("dr. ramirez", "Dr. Ramirez")],
);
merge(
  "zero-width characters are not white space: kept, and they make a different term",
  [["foo\u200bbar", "foobar", "\u200b", "FOO\u200bBAR"]],
  ["foo\u200bbar", "foobar", "\u200b"],
  [dup("FOO\u200bBAR", "foo\u200bbar")],
);
merge(
  "emoji: ZWJ sequences survive; case folding leaves them alone",
  [["👨\u200d👩\u200d👧 family plan", "👨\u200d👩\u200d👧  FAMILY PLAN", "💊", "💊 "]],
  ["👨\u200d👩\u200d👧 family plan", "💊"],
  [dup("👨\u200d👩\u200d👧  FAMILY PLAN", "👨\u200d👩\u200d👧 family plan"), dup("💊 ", "💊")],
);
merge(
  "right-to-left text: Hebrew and Arabic are normalized like any other",
  [[" שלום   עולם ", "שלום עולם", "نتائج  الفحص", "نتائج الفحص", "\u200fשלום"]],
  ["שלום עולם", "نتائج الفحص", "\u200fשלום"],
  [dup("שלום עולם", "שלום עולם"), dup("نتائج الفحص", "نتائج الفحص")],
);
merge("an empty or white-space-only term is dropped (empty)", [["", " ", "\u00a0\u3000", "ok"]], ["ok"], [drop("", "empty"), drop(" ", "empty"), drop("\u00a0\u3000", "empty")]);
merge(
  "length: 128 characters after normalization are kept, 129 are dropped (too_long)",
  [[pad(128, "a"), pad(129, "b"), ` ${pad(128, "c")} `, repeat("e\u0301", 128), pad(128, "😀"), pad(129, "é")]],
  [pad(128, "a"), pad(128, "c"), repeat("é", 128), pad(128, "😀")],
  [drop(pad(129, "b"), "too_long"), drop(pad(129, "é"), "too_long")],
);
merge(
  "length as given: 1,024 characters that trim to 128 are kept, 1,025 are dropped (too_long) unnormalized",
  [[pad(896, " ") + pad(128, "a"), pad(897, " ") + pad(128, "b")]],
  [pad(128, "a")],
  [drop(pad(897, " ") + pad(128, "b"), "too_long")],
);
merge(
  "past the cap of 200, later terms are dropped (limit)",
  [range(203, (i) => `t${i}`)],
  range(200, (i) => `t${i}`),
  [drop("t200", "limit"), drop("t201", "limit"), drop("t202", "limit")],
);
merge(
  "past the cap, a duplicate of a kept term is a duplicate; a later list comes after",
  [range(200, (i) => `t${i}`), ["T5", "new", "NEW"]],
  range(200, (i) => `t${i}`),
  [dup("T5", "t5"), drop("new", "limit"), drop("NEW", "limit")],
);
merge("idempotent: merging a merged list again changes nothing", [["Metformin", "Dr. Ramirez", "Straße", "Café"]], ["Metformin", "Dr. Ramirez", "Straße", "Café"]);
merge("a single list is de-duplicated too", [["a", "A", "a"]], ["a"], [dup("A", "a"), dup("a", "a")]);
const mergeRefuses = (name, lists, ...paths) =>
  kt.push({ name, call: "mergeKeyterms", args: lists, expect: error("invalid_type", 400, ...paths.map((p) => problem("invalid_type", p))) });
mergeRefuses("a list that is a string", [["a"], "b"], "/1");
mergeRefuses("a number in a list", [["a", 3]], "/0/1");
mergeRefuses("every non-string, by argument and index", [[], [null, "x", {}, ["y"]], 5], "/1/0", "/1/2", "/1/3", "/2");
mergeRefuses("NaN and undefined items", [[js("NaN"), js("undefined")]], "/0/0", "/0/1");
mergeRefuses("null instead of a list", [null], "/0");
kt.push({
  name: "refusal messages name the rest parameter",
  call: "mergeKeyterms",
  args: [["a", 7], "b"],
  expect: error(
    "invalid_type", 400,
    { code: "invalid_type", message: "lists[0][1] must be a string, got a number.", path: "/0/1" },
    { code: "invalid_type", message: "lists[1] must be a list of strings, got a string.", path: "/1" },
  ),
});

// ---------------------------------------------------------------------------------------------------
// `docs/rules/tone.md` tone
// ---------------------------------------------------------------------------------------------------

// The tier table and the emotion mapping, transcribed.
const TIER_NAMES = ["functional", "light_touch", "full_empathy", "hold_space"];
const TONE_TIER = { enthusiastic: 0, cheerful: 0, friendly: 1, content: 1, curious: 1, serious: 1, calm: 2, sympathetic: 3 };
const RAISED_TONE = [null, "friendly", "calm", "sympathetic"];
const EMOTION_TIER = { fearful: 3, anxious: 3, sad: 3, distressed: 3, grieving: 3, angry: 2, frustrated: 2, confused: 2 };

/** `docs/rules/tone.md` by hand: signals in precedence order; the baseline holds its tier; a tie keeps the first. */
function expectTone(baseline, { topicMatch, emotion, empathyTier }, threshold = 0.6) {
  const signals = [];
  if (topicMatch) signals.push(["sensitive_topic", 3]);
  if (emotion && emotion.intensity >= threshold && emotion.label in EMOTION_TIER) signals.push(["emotion", EMOTION_TIER[emotion.label]]);
  if (empathyTier !== undefined) signals.push(["empathy_tier", empathyTier]);
  let best = ["baseline", TONE_TIER[baseline]];
  for (const s of signals) if (s[1] > best[1]) best = s;
  const [source, tier] = best;
  const out = { tone: source === "baseline" ? baseline : RAISED_TONE[tier], tier: TIER_NAMES[tier], source };
  if (source === "sensitive_topic") out.matched_topic = topicMatch;
  return out;
}

const tone = [];
const resolve = (name, input, expect) => tone.push({ name, call: "resolveTone", args: [input], expect });

const EMOTIONS = [
  ["no emotion", undefined],
  ["strong anxious (tier 3)", { label: "anxious", intensity: 0.9 }],
  ["strong frustrated (tier 2)", { label: "frustrated", intensity: 0.6 }],
  ["weak sad", { label: "sad", intensity: 0.59 }],
  ["strong happy (no signal)", { label: "happy", intensity: 1 }],
];
const TIERS = [undefined, 0, 1, 2, 3];
const TOPICS = [
  ["no topic", undefined, null],
  ["topic on test results", "reviewing your test results", "test results"],
];
for (const baseline of TONES) {
  for (const [emotionName, emotion] of EMOTIONS) {
    for (const empathyTier of TIERS) {
      for (const [topicName, topic, matched] of TOPICS) {
        const input = { baseline };
        if (emotion) input.emotion = emotion;
        if (empathyTier !== undefined) input.empathy_tier = empathyTier;
        if (topic) input.topic = topic;
        const tierName = empathyTier === undefined ? "no tier" : `tier ${empathyTier}`;
        resolve(`${baseline}, ${emotionName}, ${tierName}, ${topicName}`, input, ok(expectTone(baseline, { topicMatch: matched, emotion, empathyTier })));
      }
    }
  }
}
for (const label of [...Object.keys(EMOTION_TIER), "happy", "neutral"]) {
  for (const intensity of [0.6, 0.59]) {
    const emotion = { label, intensity };
    resolve(`emotion ${label} at ${intensity} on a cheerful baseline`, { baseline: "cheerful", emotion }, ok(expectTone("cheerful", { emotion })));
  }
}
resolve("emotion labels are compared case-insensitively", { baseline: "friendly", emotion: { label: " Anxious ", intensity: 0.7 } }, ok(expectTone("friendly", { emotion: { label: "anxious", intensity: 0.7 } })));
resolve("threshold is inclusive (custom 0.9)", { baseline: "friendly", emotion: { label: "angry", intensity: 0.9 }, strong_threshold: 0.9 }, ok(expectTone("friendly", { emotion: { label: "angry", intensity: 0.9 } }, 0.9)));
resolve("below a custom threshold is no signal", { baseline: "friendly", emotion: { label: "angry", intensity: 0.85 }, strong_threshold: 0.9 }, ok(expectTone("friendly", {})));
resolve("threshold 0: any intensity is strong", { baseline: "friendly", emotion: { label: "sad", intensity: 0 }, strong_threshold: 0 }, ok(expectTone("friendly", { emotion: { label: "sad", intensity: 0 } }, 0)));
resolve("threshold 1: only intensity 1 is strong", { baseline: "friendly", emotion: { label: "sad", intensity: 1 }, strong_threshold: 1 }, ok(expectTone("friendly", { emotion: { label: "sad", intensity: 1 } }, 1)));
resolve("a serious baseline is not replaced by friendly", { baseline: "serious", empathy_tier: 1 }, ok({ tone: "serious", tier: "light_touch", source: "baseline" }));
resolve("a tie at the winning tier: sensitive_topic before emotion before empathy_tier", { baseline: "cheerful", topic: "billing question", emotion: { label: "grieving", intensity: 1 }, empathy_tier: 3 }, ok({ tone: "sympathetic", tier: "hold_space", source: "sensitive_topic", matched_topic: "billing" }));
resolve("a tie between emotion and empathy_tier: emotion", { baseline: "cheerful", emotion: { label: "confused", intensity: 1 }, empathy_tier: 2 }, ok({ tone: "calm", tier: "full_empathy", source: "emotion" }));
resolve("a higher empathy_tier beats a lower emotion", { baseline: "cheerful", emotion: { label: "confused", intensity: 1 }, empathy_tier: 3 }, ok({ tone: "sympathetic", tier: "hold_space", source: "empathy_tier" }));

// Whole-word topic matching.
const topicCase = (name, topic, sensitive, matched) => {
  const input = { baseline: "friendly", topic };
  if (sensitive !== undefined) input.sensitive_topics = sensitive;
  resolve(`topic: ${name}`, input, ok(matched ? { tone: "sympathetic", tier: "hold_space", source: "sensitive_topic", matched_topic: matched } : { tone: "friendly", tier: "light_touch", source: "baseline" }));
};
topicCase("the spec's match", "reviewing your test results", undefined, "test results");
topicCase("the spec's non-match", "contest resultsx", undefined, null);
topicCase("a word inside another word does not match", "discussing the billingual form", undefined, null);
topicCase("words out of order do not match", "results of the test", undefined, null);
topicCase("case and punctuation do not matter", "Your TEST-RESULTS, please.", undefined, "test results");
topicCase("extra white space does not matter", "your  test \n results", undefined, "test results");
topicCase("the first matching topic of the list is named", "surgery billing", undefined, "surgery");
topicCase("[] means no sensitive topics", "reviewing your test results", [], null);
topicCase("a custom list replaces the defaults", "reviewing your test results", ["lab work"], null);
topicCase("a custom topic in its stored spelling", "reviewing the lab work", ["  Lab   Work "], "Lab Work");
topicCase("full case folding applies: ß = SS", "über die STRASSE reden", ["Straße"], "Straße");
topicCase("NFD text matches an NFC topic", "Cafe\u0301 visit", ["café"], "café");
topicCase("Turkish İ does not match plain i", "İlaç listesi", ["ilaç"], null);
topicCase("Turkish İ matches İ", "İLAÇ listesi", ["İlaç"], "İlaç");
topicCase("right-to-left text matches whole words", "בדיקת תוצאות הבדיקה שלך", ["תוצאות הבדיקה"], "תוצאות הבדיקה");
topicCase("a topic of emoji only never matches", "💊 💊", ["💊"], null);
topicCase("a ZWJ emoji sequence is not a word", "👩\u200d⚕️ visit about 👨\u200d👩\u200d👧", ["👨\u200d👩\u200d👧"], null);
topicCase("a ZWJ emoji before a word does not stop the match", "👨\u200d👩\u200d👧 family plan billing", ["👨\u200d👩\u200d👧 family plan"], "👨\u200d👩\u200d👧 family plan");
topicCase("an empty topic text matches nothing", "", undefined, null);

// Refusals.
const toneRefuses = (name, input, code, status, ...paths) =>
  resolve(name, input, error(code, status, ...paths.map(([c, p]) => problem(c, p))));
toneRefuses("an unknown baseline tone", { baseline: "angry" }, "invalid_value", 422, ["invalid_value", "/baseline"]);
toneRefuses("a missing baseline", {}, "invalid_type", 400, ["invalid_type", "/baseline"]);
toneRefuses("intensity above 1", { baseline: "calm", emotion: { label: "sad", intensity: 1.01 } }, "out_of_range", 422, ["out_of_range", "/emotion/intensity"]);
toneRefuses("intensity below 0", { baseline: "calm", emotion: { label: "sad", intensity: -0.01 } }, "out_of_range", 422, ["out_of_range", "/emotion/intensity"]);
toneRefuses("intensity NaN", { baseline: "calm", emotion: { label: "sad", intensity: js("NaN") } }, "invalid_type", 400, ["invalid_type", "/emotion/intensity"]);
toneRefuses("an emotion without a label", { baseline: "calm", emotion: { intensity: 1 } }, "invalid_type", 400, ["invalid_type", "/emotion/label"]);
toneRefuses("an unknown emotion field", { baseline: "calm", emotion: { label: "sad", intensity: 1, score: 2 } }, "unknown_field", 422, ["unknown_field", "/emotion/score"]);
toneRefuses("empathy_tier 4", { baseline: "calm", empathy_tier: 4 }, "out_of_range", 422, ["out_of_range", "/empathy_tier"]);
toneRefuses("empathy_tier -1", { baseline: "calm", empathy_tier: -1 }, "out_of_range", 422, ["out_of_range", "/empathy_tier"]);
toneRefuses("empathy_tier 1.5", { baseline: "calm", empathy_tier: 1.5 }, "invalid_type", 400, ["invalid_type", "/empathy_tier"]);
toneRefuses("empathy_tier as a name", { baseline: "calm", empathy_tier: "hold_space" }, "invalid_type", 400, ["invalid_type", "/empathy_tier"]);
toneRefuses("strong_threshold above 1", { baseline: "calm", strong_threshold: 1.5 }, "out_of_range", 422, ["out_of_range", "/strong_threshold"]);
toneRefuses("a topic that is not a string", { baseline: "calm", topic: 3 }, "invalid_type", 400, ["invalid_type", "/topic"]);
toneRefuses("an empty sensitive topic", { baseline: "calm", sensitive_topics: ["ok", " "] }, "empty_value", 422, ["empty_value", "/sensitive_topics/1"]);
toneRefuses("an unknown field", { baseline: "calm", mood: "sad" }, "unknown_field", 422, ["unknown_field", "/mood"]);
toneRefuses(
  "every problem at once; the refusal takes the first one's code",
  { baseline: "loud", emotion: { label: "sad", intensity: 2 }, empathy_tier: 9, mood: 1 },
  "invalid_value", 422,
  ["invalid_value", "/baseline"], ["out_of_range", "/emotion/intensity"], ["out_of_range", "/empathy_tier"], ["unknown_field", "/mood"],
);
// Limits as given (`docs/rules/tone.md#limits`).
resolve("a topic of 10,000 characters (the limit) is read", { baseline: "calm", topic: pad(10000, "a") }, ok({ tone: "calm", tier: "full_empathy", source: "baseline" }));
toneRefuses("a topic of 10,001 characters is too_long", { baseline: "calm", topic: pad(10001, "a") }, "too_long", 422, ["too_long", "/topic"]);
toneRefuses("an emotion label of 129 characters is too_long", { baseline: "calm", emotion: { label: pad(129, "a"), intensity: 1 } }, "too_long", 422, ["too_long", "/emotion/label"]);
toneRefuses("a sensitive topic of 1,025 characters as given is too_long", { baseline: "calm", sensitive_topics: [pad(1013, " ") + "test results"] }, "too_long", 422, ["too_long", "/sensitive_topics/0"]);
toneRefuses("the input is not an object", "calm", "invalid_type", 400, ["invalid_type", ""]);
resolve("null optional fields are absent", { baseline: "calm", emotion: null, empathy_tier: null, topic: null, sensitive_topics: null, strong_threshold: null }, ok({ tone: "calm", tier: "full_empathy", source: "baseline" }));

// ---------------------------------------------------------------------------------------------------

const write = (fileName, description, cases) => {
  const names = new Set();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`${fileName}: duplicate case name ${c.name}`);
    names.add(c.name);
  }
  writeFileSync(new URL(`./${fileName}`, import.meta.url), JSON.stringify({ description, cases }, null, 2) + "\n");
  console.log(`${fileName}: ${cases.length} cases`);
};
write("voice_settings.json", "`docs/rules/voice-settings.md`: every field's bounds just inside and just outside, every error code, null resets, no-op updates, changed, validateVoiceSettings, layered resolution with sources.", voice);
write("keyterms.json", "`docs/rules/keyterms.md`: mergeKeyterms — NFC, trimming, white-space collapsing, full case folding, first occurrence wins, the cap, and the Unicode cases (NFD, ß, Turkish I, emoji, zero-width, RTL).", kt);
write("tone.json", "`docs/rules/tone.md`: resolveTone — every baseline × emotion × empathy tier × topic combination, thresholds, whole-word topic matching, source precedence, refusals.", tone);
