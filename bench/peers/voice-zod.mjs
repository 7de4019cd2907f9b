// The voice-settings update as a JavaScript team would write it with zod 4: a strict schema with the
// same fields, bounds and error codes as `docs/rules/voice-settings.md`, the `docs/rules/keyterms.md` list procedure with `normalize("NFC")` and
// case folding approximated by `toUpperCase().toLowerCase()`, and the same partial-update merge.
// `voice-zod.test.mjs` checks it against the shared vectors, so the benchmark compares like with like.
import { z } from "zod";

const TONES = ["calm", "sympathetic", "enthusiastic", "content", "curious", "cheerful", "serious", "friendly"];
export const FIELDS = [
  "voice_id", "tone", "speed", "volume", "language", "keyterms", "correction_categories", "pronunciation_dict_id",
  "sensitive_topics", "post_call_analysis_enabled", "transcript_correction_enabled", "stt_provider", "tts_provider",
];
const chars = (s) => [...s].length;

/** `docs/rules/keyterms.md` step 1: NFC, trim, collapse white space. */
const normalize = (s) => s.normalize("NFC").replace(/\s+/gu, " ").trim();
const fold = (s) => s.toUpperCase().toLowerCase().normalize("NFC");

/** A `docs/rules/keyterms.md` list: every item checked, duplicates removed keeping the first, distinct items capped. */
const list = (cap) =>
  z.array(z.unknown()).transform((items, ctx) => {
    const kept = [];
    const seen = new Set();
    items.forEach((raw, i) => {
      if (typeof raw !== "string") return ctx.addIssue({ code: "custom", params: { code: "invalid_type" }, path: [i], message: "not a string" });
      // Bounded as given before normalizing (`docs/rules/keyterms.md#empty-and-long-terms`).
      if (chars(raw) > 1024) return ctx.addIssue({ code: "custom", params: { code: "too_long" }, path: [i], message: "too long" });
      const term = normalize(raw);
      if (term.length === 0) return ctx.addIssue({ code: "custom", params: { code: "empty_value" }, path: [i], message: "empty" });
      if (chars(term) > 128) return ctx.addIssue({ code: "custom", params: { code: "too_long" }, path: [i], message: "too long" });
      const key = fold(term);
      if (!seen.has(key)) {
        seen.add(key);
        kept.push(term);
      }
    });
    if (kept.length > cap) ctx.addIssue({ code: "custom", params: { code: "too_many_items" }, message: "too many" });
    return kept;
  });

const id = z.string().refine((s) => chars(s) >= 1, { params: { code: "empty_value" } }).refine((s) => chars(s) <= 128, { params: { code: "too_long" } });
const language = z.string().transform((tag, ctx) => {
  if (chars(tag) > 32) {
    ctx.addIssue({ code: "custom", params: { code: "too_long" }, message: "too long" });
    return z.NEVER;
  }
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    ctx.addIssue({ code: "custom", params: { code: "invalid_language_tag" }, message: "not BCP-47" });
    return z.NEVER;
  }
});
/** An enum whose non-string values are `invalid_type`, other strings `invalid_value`. */
const oneOf = (names) => z.string().refine((s) => names.includes(s), { params: { code: "invalid_value" } });
const shape = {
  voice_id: id,
  tone: oneOf(TONES),
  speed: z.number().min(0.5).max(2),
  volume: z.number().min(0).max(1),
  language,
  keyterms: list(200),
  correction_categories: list(50),
  pronunciation_dict_id: id,
  sensitive_topics: list(50),
  post_call_analysis_enabled: z.boolean(),
  transcript_correction_enabled: z.boolean(),
  stt_provider: oneOf(["deepgram", "openai", "cartesia"]),
  tts_provider: oneOf(["cartesia", "elevenlabs", "groq"]),
};
export const patchSchema = z.strictObject(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.nullable().optional()])));

/** zod's issues as the library's problems: `{ code, path }`, in the library's documented order. */
function problems(error, input) {
  const out = [];
  for (const issue of error.issues) {
    const path = issue.path.map((k) => "/" + pointer(k)).join("");
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) out.push({ code: "unknown_field", path: `/${pointer(key)}` });
    else if (issue.code === "custom") out.push({ code: issue.params.code, path });
    else if (issue.code === "invalid_type") out.push({ code: "invalid_type", path });
    else if (issue.code === "too_small" || issue.code === "too_big") out.push({ code: "out_of_range", path });
    else if (issue.code === "invalid_value") out.push({ code: "invalid_value", path });
    else out.push({ code: issue.code, path });
  }
  const rank = (p) => {
    const field = (p.path.split("/")[1] ?? "").replaceAll("~1", "/").replaceAll("~0", "~");
    const i = FIELDS.indexOf(field);
    return i >= 0 ? i : FIELDS.length + Object.keys(input ?? {}).indexOf(field);
  };
  // Known fields in table order (item problems by index, then the list's own), unknown fields last.
  return out
    .map((p, n) => ({ p, n }))
    .sort((a, b) => rank(a.p) - rank(b.p) || itemOrder(a.p) - itemOrder(b.p) || a.n - b.n)
    .map(({ p }) => p);
}
const pointer = (key) => String(key).replaceAll("~", "~0").replaceAll("/", "~1");
const itemOrder = (p) => {
  const i = p.path.split("/")[2];
  return i === undefined ? Infinity : Number(i);
};

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The refusal the package throws: `validation_failed` with every problem. */
function refusal(errors) {
  const e = new Error("validation_failed");
  e.code = "validation_failed";
  e.errors = errors;
  return e;
}

/** The merge of a valid patch into a stored object, and the fields whose stored value differs. */
function merge(current, patch) {
  const next = {};
  const changed = [];
  for (const field of FIELDS) {
    const before = current?.[field];
    // An absent key, or one set to undefined, leaves the field alone; null resets it.
    const given = patch[field];
    const after = given === undefined ? before : given === null ? undefined : given;
    if (after !== undefined && after !== null) next[field] = after;
    if (!same(before ?? null, after ?? null)) changed.push(field);
  }
  return { settings: next, changed };
}

/**
 * `updateVoiceSettings(current, patch)` → `{ settings, changed }`, or throws `{ code, errors }`: the
 * same work as the package, which reads `current` as a stored object too (the same schema, `null` =
 * unset; its problems first, under `/current`), so a bad stored object is refused, not merged.
 */
export function updateVoiceSettingsZod(current, patch) {
  const stored = current === null || current === undefined ? { success: true, data: {} } : patchSchema.safeParse(current);
  const parsed = patchSchema.safeParse(patch);
  if (!stored.success || !parsed.success) {
    const atCurrent = stored.success ? [] : problems(stored.error, current).map((p) => ({ code: p.code, path: "/current" + p.path }));
    throw refusal([...atCurrent, ...(parsed.success ? [] : problems(parsed.error, patch))]);
  }
  return merge(stored.data, parsed.data);
}

/**
 * The same with `current` taken as given (a team that trusts its stored objects): only the patch
 * is validated. Faster than the package's work, and measured beside it (BENCHMARKS.md).
 */
export function updateVoiceSettingsZodPatchOnly(current, patch) {
  const parsed = patchSchema.safeParse(patch);
  if (!parsed.success) throw refusal(problems(parsed.error, patch));
  return merge(current, parsed.data);
}
