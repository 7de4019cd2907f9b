// How the arguments of the exports of rules.js cross into WebAssembly (BENCHMARKS.md measures each).
//
// Plain JSON data (strings, finite numbers, booleans, null, arrays and plain objects) crosses as the
// JSON text of the argument list, one string each way through `__callJson` (viaJson); the answer comes
// back as JSON text for `JSON.parse`. For anything else (NaN, a BigInt, a Date, a class instance, a
// Proxy that throws, a string with an unpaired surrogate…) the fast paths answer SLOW, and rules.js
// sends the arguments as marked JSON text (viaMarked, at the end of this file), which carries every
// value JSON cannot as a mark the rules report at its path. The choice is by the shape of the input,
// never by its meaning, and both ways give the same answers: tests/consumer/fast-paths.test.mjs
// compares every fast path here with the marked path, and the shared vectors and the differential
// tests run both.
//
// Three exports have a fast path of their own: `can` with two known names crosses as two integers
// (canIndex), `mergeKeyterms` with lists of strings without JSON (mergeByPosition), and
// `updateVoiceSettings` sends JSON text and gets back where each value is (updateByReference).
import * as glue from "./workspace_rules.js";
import { WorkspaceRulesError } from "./error.js";
import { ACTIONS, DROP_REASONS, MAX_DEPTH, MAX_ITEMS, ROLES, VOICE_FIELDS } from "./generated.js";

/** What a fast path answers when it is not for these arguments: then viaMarked is asked. */
export const SLOW = Symbol("slow path");

/**
 * `value` when JSON.stringify writes it exactly as the marked path would read it, else SLOW.
 * With `copy`, a deep copy of it instead, every property and item read once: what a caller that
 * builds its answer from the values it sent must use, so that a getter answering differently on a
 * second read cannot put a value into the answer that was never checked.
 */
function plain(value, depth, copy) {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0) ? value : SLOW;
    case "object": {
      if (value === null) return value;
      if (depth >= MAX_DEPTH || typeof value.toJSON === "function") return SLOW;
      if (Array.isArray(value)) {
        const n = value.length;
        if (n > MAX_ITEMS) return SLOW;
        const out = copy ? [] : value;
        for (let i = 0; i < n; i++) {
          const v = plain(value[i], depth + 1, copy);
          if (v === SLOW) return SLOW;
          if (copy) out.push(v);
        }
        return out;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return SLOW;
      const keys = Object.keys(value);
      if (keys.length > MAX_ITEMS) return SLOW;
      const out = copy ? {} : value;
      for (let i = 0; i < keys.length; i++) {
        const v = value[keys[i]];
        // An undefined property is absent for both readers.
        if (v === undefined) continue;
        const c = plain(v, depth + 1, copy);
        // A copy would take "__proto__" as its prototype, not as a key.
        if (c === SLOW || (copy && keys[i] === "__proto__")) return SLOW;
        if (copy) out[keys[i]] = c;
      }
      return out;
    }
    default:
      return SLOW;
  }
}

/**
 * The JSON text of the arguments, or SLOW when they are not plain JSON data. Trailing undefined
 * arguments are left out (a missing argument is undefined on both paths). With `copies` (an empty
 * array), the text is that of copies of the arguments read once (see plain), left in `copies`.
 */
export function jsonArgs(args, copies) {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  try {
    for (let i = 0; i < n; i++) {
      const v = plain(args[i], 0, copies !== undefined);
      if (v === SLOW) return SLOW;
      if (copies) copies.push(v);
    }
    return JSON.stringify(copies ?? (n === args.length ? args : args.slice(0, n)));
  } catch {
    return SLOW; // a getter or Proxy that throws: the marked path decides what that means
  }
}

/**
 * An answer of __callJson or __updateVoiceSettingsCompact: SLOW for "" (text with no Rust form: a
 * string with an unpaired surrogate escape), `spell(out)` for "o" + answer, thrown for "e" + refusal.
 */
export function answerOf(out, spell) {
  if (out === "") return SLOW;
  if (out.charCodeAt(0) === 111 /* "o" */) return spell(out);
  const e = JSON.parse(out.slice(1));
  throw new WorkspaceRulesError(e.code, e.status, e.message, e.errors);
}

const parseAnswer = (out) => JSON.parse(out.slice(1));

/**
 * The answer of the export at `exportId` (its position in the core's table, `EXPORT_ID` of
 * generated.js) through __callJson, or SLOW when the arguments are not plain JSON data.
 */
export function viaJson(exportId, args) {
  const text = jsonArgs(args);
  return text === SLOW ? SLOW : answerOf(glue.__callJson(exportId, text), parseAnswer);
}

/**
 * updateVoiceSettings for plain JSON data: the arguments are read once into copies and sent as JSON
 * text; the answer says, per field, whether its value is the patch's, the stored one's, or a literal
 * (see api::update_compact), so `{ settings, changed }` is built here from the copies and only the
 * values that validation changed cross back as JSON (BENCHMARKS.md). Anything else: SLOW.
 */
export function updateByReference(current, patch) {
  const copies = [];
  const text = jsonArgs([current, patch], copies);
  if (text === SLOW) return SLOW;
  return answerOf(glue.__updateVoiceSettingsCompact(text), (out) => {
    const [stored, given] = copies;
    const end = 2 + 2 * out.charCodeAt(1);
    const m = out.charCodeAt(end);
    const literals = end + 1 + m < out.length ? JSON.parse(out.slice(end + 1 + m)) : undefined;
    const settings = {};
    for (let i = 2, next = 0; i < end; i += 2) {
      const name = VOICE_FIELDS[out.charCodeAt(i)];
      const where = out.charCodeAt(i + 1);
      settings[name] = where === 0 ? given[name] : where === 1 ? stored[name] : literals[next++];
    }
    const changed = new Array(m);
    for (let k = 0; k < m; k++) changed[k] = VOICE_FIELDS[out.charCodeAt(end + 1 + k)];
    return { settings, changed };
  });
}

/** Whether a string has no unpaired surrogate (`isWellFormed` where the host has it). */
const wellFormed =
  typeof String.prototype.isWellFormed === "function" ? (s) => s.isWellFormed() : (s) => !/\p{Cs}/u.test(s);

/**
 * mergeKeyterms for lists of strings, without JSON either way (api::merge_joined): the terms are read
 * once, sent laid end to end with their lengths, and the answer names them by position (as code
 * units: see api::merge_joined), so it is spelled out here with the very strings sent, and only terms
 * that normalization changed cross back (BENCHMARKS.md). Anything but arrays of strings without
 * unpaired surrogates: SLOW.
 */
export function mergeByPosition(lists) {
  const flat = [];
  try {
    if (lists.length > MAX_ITEMS) return SLOW;
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i];
      if (!Array.isArray(list) || list.length > MAX_ITEMS) return SLOW;
      for (let j = 0; j < list.length; j++) {
        const term = list[j];
        if (typeof term !== "string") return SLOW;
        flat.push(term);
      }
    }
  } catch {
    return SLOW; // a Proxy that throws: the marked path decides what that means
  }
  if (flat.length > MAX_ITEMS) return SLOW;
  const lengths = new Uint32Array(flat.length);
  let joined = "";
  for (let k = 0; k < flat.length; k++) {
    lengths[k] = flat[k].length;
    joined += flat[k];
  }
  if (!wellFormed(joined)) return SLOW;
  const out = glue.__mergeKeytermsJoined(joined, lengths);
  if (out === "") return SLOW;
  const keyterms = new Array(out.charCodeAt(0));
  let i = 1;
  for (let k = 0; k < keyterms.length; k++) {
    const position = out.charCodeAt(i++);
    if (position > 0) {
      keyterms[k] = flat[position - 1];
    } else {
      const n = out.charCodeAt(i++);
      keyterms[k] = out.slice(i, i + n);
      i += n;
    }
  }
  const dropped = new Array((out.length - i) / 3);
  for (let d = 0; i < out.length; i += 3, d++) {
    const term = flat[out.charCodeAt(i)];
    const reason = DROP_REASONS[out.charCodeAt(i + 1)];
    const duplicate = out.charCodeAt(i + 2);
    dropped[d] = duplicate === 0 ? { term, reason } : { term, reason, duplicate_of: keyterms[duplicate - 1] };
  }
  return { keyterms, dropped };
}

// Positions in roles() and actions(), as the module built with this file answers them.
const roleIds = new Map(ROLES.map((r, i) => [r, i]));
const actionIds = new Map(ACTIONS.map((a, i) => [a, i]));

/**
 * can(role, action) by position (`__canIndex`): 1 allowed, 0 not, 2 when either is not a known name
 * (then the JSON path words the refusal).
 */
export function canIndex(role, action) {
  if (typeof role !== "string" || typeof action !== "string") return 2;
  const r = roleIds.get(role);
  const a = actionIds.get(action);
  return r === undefined || a === undefined ? 2 : glue.__canIndex(r, a);
}

// ---- Everything else: marked JSON text ----------------------------------------------------------
//
// Arguments that are not plain JSON data cross as *marked* JSON text (`__callMarked`, read by
// json::Marked in Rust): a copy of them in which a string that starts with U+0000 is a mark. The
// values JSON cannot carry become marks the rules report at their path (`invalid_type`, "got NaN"):
// NaN, ±Infinity and -0, undefined in a list (an undefined property is absent, as JSON.stringify
// leaves it out), a BigInt, a symbol, a function; a list or object past MAX_ITEMS is marked unread,
// and nesting past MAX_DEPTH is marked where it starts (a cycle ends there). The copy reads what the
// value reader of the typed exports read before it, so every answer is the same as it was
// (BENCHMARKS.md, "One way in"): an object's own enumerable string keys in their order and their
// values (a getter that throws reads as absent), never toJSON, so a Date or a Map reads as {} and a
// class instance as its fields; a string with an unpaired surrogate reads with U+FFFD in its place.

const MARK = "\u0000";
const MARKS = { undefined: MARK + "undefined", bigint: MARK + "bigint", symbol: MARK + "symbol", function: MARK + "function" };
/** A string with U+FFFD in place of each unpaired surrogate (`toWellFormed` where the host has it). */
const toWellFormed =
  typeof String.prototype.toWellFormed === "function" ? (s) => s.toWellFormed() : (s) => s.replace(/\p{Cs}/gu, "\uFFFD");
/** An integer index: a key that an object puts first, in ascending order, whatever order it was set in. */
const isIndex = (k) => k.charCodeAt(0) <= 57 && String(k >>> 0) === k && k !== "4294967295";

/**
 * The copy of `value` that JSON.stringify writes as marked JSON text. Keys are copied as they are,
 * except one that the copy would move or merge with another (an index out of order, as a Proxy may
 * list them; a key with an unpaired surrogate, which becomes U+FFFD) or that starts with U+0000: that
 * key is marked, U+0000, its position, U+0000, then the key, and json::Marked reads the key after.
 */
function markedCopy(value, depth) {
  switch (typeof value) {
    case "string": {
      const s = toWellFormed(value);
      return s.charCodeAt(0) === 0 ? MARK + s : s;
    }
    case "number":
      if (Number.isFinite(value)) return Object.is(value, -0) ? MARK + "-0" : value;
      return value !== value ? MARK + "NaN" : value > 0 ? MARK + "Infinity" : MARK + "-Infinity";
    case "boolean":
      return value;
    case "object": {
      if (value === null) return null;
      if (depth >= MAX_DEPTH) return MARK + "too_deep";
      if (Array.isArray(value)) {
        const n = value.length;
        if (n > MAX_ITEMS) return MARK + "too_many_items";
        const out = [];
        for (let i = 0; i < n; i++) out.push(markedCopy(value[i], depth + 1));
        return out;
      }
      const keys = Object.keys(value);
      if (keys.length > MAX_ITEMS) return MARK + "too_many_items";
      const out = {};
      let named = false;
      let lastIndex = -1;
      for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        let v;
        try {
          v = value[k];
        } catch {
          continue; // a getter that throws reads as absent, like undefined
        }
        if (v === undefined) continue;
        const c = markedCopy(v, depth + 1);
        const w = toWellFormed(k);
        let moved = false;
        if (!isIndex(k)) named = true;
        else if (named || +k <= lastIndex) moved = true;
        else lastIndex = +k;
        if (moved || w !== k || k.charCodeAt(0) === 0) k = MARK + i + MARK + w;
        if (k === "__proto__") Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
        else out[k] = c;
      }
      return out;
    }
    default:
      return MARKS[typeof value];
  }
}

/**
 * The answer of the export at `exportId` (see viaJson) for any arguments, through marked JSON text.
 * An exception thrown while the arguments are read (a Proxy's trap) is left to the guard.
 */
export function viaMarked(exportId, args) {
  return answerOf(glue.__callMarked(exportId, markedText(args)), parseAnswer);
}

/** The marked JSON text of an argument list: each argument copied once, marked where JSON cannot carry it. */
export function markedText(args) {
  const copies = [];
  for (let i = 0; i < args.length; i++) copies.push(markedCopy(args[i], 0));
  return JSON.stringify(copies);
}
