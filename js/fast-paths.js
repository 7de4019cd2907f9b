// How the arguments of the exports of rules.js cross into WebAssembly (BENCHMARKS.md measures each).
//
// Every argument is read once into a copy (readArgs, below). A copy that is plain JSON data (strings,
// finite numbers, booleans, null, arrays and plain objects) crosses as the JSON text of the argument
// list, one string each way through `__callJson`; the answer comes back as JSON text for
// `JSON.parse`. A copy that holds a mark (for NaN, a BigInt, a value that threw when read, a string
// that starts with U+0000…) crosses as the same text through `__callMarked`, which reads each mark as
// the value the rules report at its path. Both ways give the same answers:
// tests/consumer/fast-paths.test.mjs compares every fast path here with the marked path, and the
// shared vectors and the differential tests run both. After every call into the module, `settle`
// (guard.js) swaps in a fresh instance if that call left the memory past its limit.
//
// Three exports have a fast path of their own: `can` with two known names crosses as two integers
// (canIndex), `mergeKeyterms` with lists of strings without JSON (mergeByPosition), and
// `updateVoiceSettings` sends JSON text and gets back where each value is (updateByReference).
import * as glue from "./workspace_rules.js";
import { WorkspaceRulesError } from "./error.js";
import { settle } from "./guard.js";
import { ACTIONS, DROP_REASONS, EXPORT_ID, MAX_DEPTH, MAX_ITEMS, ROLES, VOICE_FIELDS } from "./generated.js";

/** What a fast path answers when it is not for these arguments (kept for the tests' comparisons). */
export const SLOW = Symbol("slow path");

// ---- Reading caller data: once, bounded before it is read --------------------------------------
//
// Every argument is read exactly once, by readOnce, into a copy of plain data: each length and each
// property is read one time, and the copy is what crosses, so a getter or a Proxy that answers
// differently on a second read cannot put a value into the call that was not the one decided on
// (docs/guides/javascript.md#how-arguments-cross-into-webassembly). The copy holds a *mark* (a
// string that starts with U+0000, read by json::Marked in Rust) wherever JSON cannot carry what was
// read: NaN, ±Infinity and -0, undefined in a list (an undefined property is absent, as
// JSON.stringify leaves it out), a BigInt, a symbol, a function; a value that threw while it was
// read (a getter, a Proxy trap) is marked "unreadable"; a list or object past MAX_ITEMS is marked
// unread (its length is read once, and checked before any item is), and so is every value past
// MAX_VALUES read in one call (shared sub-objects are read each time they appear); nesting past
// MAX_DEPTH is marked where it starts (a cycle ends there). An object is read by its own enumerable
// string keys in their order, never by toJSON, so a Date or a Map reads as {} and a class instance
// as its fields; a string with an unpaired surrogate reads with U+FFFD in its place.
//
// A copy without marks is plain JSON data: its JSON text crosses through __callJson; one with marks
// through __callMarked (the same text, read with the marks). The choice is by what was read, and
// both readers answer the same for the same text without marks.

const MARK = "\u0000";
const MARKS = { undefined: MARK + "undefined", bigint: MARK + "bigint", symbol: MARK + "symbol", function: MARK + "function" };
const UNREADABLE = MARK + "unreadable";
const TOO_MANY = MARK + "too_many_items";
/** The values one call reads at most, all arguments together (each list and object is MAX_ITEMS). */
export const MAX_VALUES = 100 * MAX_ITEMS;
/** A string with U+FFFD in place of each unpaired surrogate (`toWellFormed` where the host has it). */
const toWellFormed =
  typeof String.prototype.toWellFormed === "function" ? (s) => s.toWellFormed() : (s) => s.replace(/\p{Cs}/gu, "\uFFFD");
/** An integer index: a key that an object puts first, in ascending order, whatever order it was set in. */
const isIndex = (k) => k.charCodeAt(0) <= 57 && String(k >>> 0) === k && k !== "4294967295";

// The reading in progress: whether its copy holds a mark, and how many values it may still read.
// Saved and restored around each reading, so a getter that calls the package meanwhile does not mix
// its reading into this one.
let marked = false;
let budget = 0;

/** `mark`, noting that the copy now holds one. */
function markAs(mark) {
  marked = true;
  return mark;
}

/**
 * The copy of `value`, read once (see above). Keys are copied as they are, except one that the copy
 * would move or merge with another (an index out of order, as a Proxy may list them; a key with an
 * unpaired surrogate, which becomes U+FFFD) or that starts with U+0000: that key is marked, U+0000,
 * its position, U+0000, then the key, and json::Marked reads the key after.
 */
function readOnce(value, depth) {
  if (--budget < 0) return markAs(TOO_MANY);
  switch (typeof value) {
    case "string": {
      const s = toWellFormed(value);
      return s.charCodeAt(0) === 0 ? markAs(MARK + s) : s;
    }
    case "number":
      if (Number.isFinite(value)) return Object.is(value, -0) ? markAs(MARK + "-0") : value;
      return markAs(value !== value ? MARK + "NaN" : value > 0 ? MARK + "Infinity" : MARK + "-Infinity");
    case "boolean":
      return value;
    case "object": {
      if (value === null) return null;
      if (depth >= MAX_DEPTH) return markAs(MARK + "too_deep");
      let n, keys;
      try {
        if (Array.isArray(value)) n = value.length;
        else keys = Object.keys(value);
      } catch {
        return markAs(UNREADABLE); // a Proxy whose trap throws (or a revoked one)
      }
      if (keys === undefined) {
        // A Proxy may answer any length: only a count that a real list can have is read.
        if (typeof n !== "number" || !(n >= 0 && n === Math.floor(n))) return markAs(UNREADABLE);
        if (n > MAX_ITEMS) return markAs(TOO_MANY);
        const out = new Array(n);
        for (let i = 0; i < n; i++) {
          let v;
          try {
            v = value[i];
          } catch {
            out[i] = markAs(UNREADABLE);
            continue;
          }
          out[i] = readOnce(v, depth + 1);
        }
        return out;
      }
      if (keys.length > MAX_ITEMS) return markAs(TOO_MANY);
      const out = {};
      let named = false;
      let lastIndex = -1;
      for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        let c;
        try {
          const v = value[k];
          if (v === undefined) continue;
          c = readOnce(v, depth + 1);
        } catch {
          c = markAs(UNREADABLE); // a getter that throws
        }
        const w = toWellFormed(k);
        let moved = false;
        if (!isIndex(k)) named = true;
        else if (named || +k <= lastIndex) moved = true;
        else lastIndex = +k;
        if (moved || w !== k || k.charCodeAt(0) === 0) k = markAs(MARK + i + MARK + w);
        if (k === "__proto__") Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
        else out[k] = c;
      }
      return out;
    }
    default:
      return markAs(MARKS[typeof value]);
  }
}

/**
 * Reads `args` once (readOnce): `{ copies, text, marked }`, the copies, their JSON text and whether
 * it holds marks. Trailing undefined arguments are left out (a missing argument is undefined), unless
 * `all` (a rest parameter counts them).
 */
export function readArgs(args, all) {
  const saved = [marked, budget];
  marked = false;
  budget = MAX_VALUES;
  try {
    let n = args.length;
    while (!all && n > 0 && args[n - 1] === undefined) n--;
    const copies = new Array(n);
    for (let i = 0; i < n; i++) copies[i] = readOnce(args[i], 0);
    return { copies, text: JSON.stringify(copies), marked };
  } finally {
    [marked, budget] = saved;
  }
}

/**
 * An answer of the module: SLOW for "" (JSON text with no Rust form, which __callJson leaves to
 * __callMarked), `spell(out)` for an answer ("o…"), else the refusal it holds, thrown.
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
 * generated.js) for `read` (readArgs): through __callJson when it holds no marks, else (or when
 * __callJson leaves it) through __callMarked.
 */
function callRead(exportId, read) {
  try {
    if (!read.marked) {
      const answer = answerOf(glue.__callJson(exportId, read.text), parseAnswer);
      if (answer !== SLOW) return answer;
    }
    return answerOf(glue.__callMarked(exportId, read.text), parseAnswer);
  } finally {
    settle();
  }
}

/** The answer of the export at `exportId` for `args`, read once (readArgs). */
export function call(exportId, args) {
  return callRead(exportId, readArgs(args));
}

/** The JSON-text path alone: the answer, or SLOW when the arguments read hold marks (for the tests). */
export function viaJson(exportId, args) {
  const read = readArgs(args);
  if (read.marked) return SLOW;
  try {
    return answerOf(glue.__callJson(exportId, read.text), parseAnswer);
  } finally {
    settle();
  }
}

/** The marked path alone, for any arguments (what `call` takes for marked ones; for the tests). */
export function viaMarked(exportId, args) {
  try {
    return answerOf(glue.__callMarked(exportId, readArgs(args, true).text), parseAnswer);
  } finally {
    settle();
  }
}

/**
 * updateVoiceSettings: the arguments are read once into copies (readArgs); for plain data, their JSON
 * text crosses and the answer says, per field, whether its value is the patch's, the stored one's, or
 * a literal (see api::update_compact), so `{ settings, changed }` is built here from the copies and
 * only the values that validation changed cross back as JSON (BENCHMARKS.md). Marked copies take the
 * marked path.
 */
export function updateByReference(current, patch) {
  const read = readArgs([current, patch]);
  if (read.marked) return callRead(EXPORT_ID.updateVoiceSettings, read);
  const answer = answerOf(compact(read.text), (out) => {
    const [stored, given] = read.copies;
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
  return answer !== SLOW ? answer : callRead(EXPORT_ID.updateVoiceSettings, { ...read, marked: true });
}

/** __updateVoiceSettingsCompact, then the memory check. */
function compact(text) {
  try {
    return glue.__updateVoiceSettingsCompact(text);
  } finally {
    settle();
  }
}

/**
 * mergeKeyterms(...lists), without JSON either way for lists of strings (api::merge_joined). The lists
 * are read once (readOnce), list after list, and only while the terms read stay within MAX_ITEMS:
 * with more than MAX_ITEMS lists none is read, and once the terms read pass MAX_ITEMS the lists after
 * are not (each is marked unread), so the refusal (`too_many_items` at "") never costs more than
 * that. No argument list is spread again. For lists of strings, the terms are sent laid end to end
 * with their lengths, and the answer names them by position (as code units: see api::merge_joined),
 * so it is spelled out here with the very strings sent, and only terms that normalization changed
 * cross back (BENCHMARKS.md). Anything else crosses as marked JSON text.
 */
export function mergeByPosition(lists) {
  const n = lists.length;
  // Each list as read: its items (a list of our own) or, when it is not a list, the value itself.
  const raw = new Array(n);
  const flat = [];
  let strings = n <= MAX_ITEMS;
  for (let i = 0; i < n && strings; i++) {
    // The terms read already pass the limit: this list and those after it are not read.
    if (flat.length > MAX_ITEMS) break;
    const list = lists[i];
    let isList, length;
    try {
      isList = Array.isArray(list);
      if (isList) length = list.length;
    } catch {
      isList = true; // a revoked Proxy: unreadable, below
    }
    if (!isList) {
      raw[i] = list; // not a list: read by readOnce in mergeText
      strings = false;
      break;
    }
    if (typeof length !== "number" || !(length >= 0 && length <= MAX_ITEMS && length === Math.floor(length))) {
      raw[i] = length > MAX_ITEMS ? TOO_MANY : UNREADABLE; // its length, read once, says it all
      strings = false;
      break;
    }
    const items = new Array(length);
    raw[i] = items;
    for (let j = 0; j < length; j++) {
      let term;
      try {
        term = list[j];
      } catch {
        term = UNREAD;
      }
      items[j] = term;
      if (typeof term === "string") flat.push(term);
      else strings = false;
    }
  }
  if (strings && flat.length <= MAX_ITEMS) {
    const joined = flat.join("");
    if (wellFormed(joined)) return mergeFlat(flat, joined, lists, raw);
  }
  return callRead(EXPORT_ID.mergeKeyterms, { text: mergeText(lists, raw), marked: true });
}

/** What a list item that threw when read is held as, until it is marked. */
const UNREAD = Symbol("unreadable");

/** Whether a string has no unpaired surrogate (`isWellFormed` where the host has it). */
const wellFormed =
  typeof String.prototype.isWellFormed === "function" ? (s) => s.isWellFormed() : (s) => !/\p{Cs}/u.test(s);

/**
 * The marked text of mergeKeyterms' lists: those already read (`raw`) copied from what was read, the
 * others read now (readOnce), list after list while the terms stay within MAX_ITEMS; past that (or
 * past MAX_ITEMS lists) each list is marked unread.
 */
function mergeText(lists, raw) {
  const n = lists.length;
  const saved = [marked, budget];
  budget = MAX_VALUES;
  try {
    const copies = new Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (n > MAX_ITEMS || total > MAX_ITEMS) {
        copies[i] = TOO_MANY;
        continue;
      }
      const items = raw[i];
      let c;
      if (typeof items === "string") {
        c = items; // a mark: the length read said it
      } else if (Array.isArray(items) && items !== lists[i]) {
        c = new Array(items.length);
        for (let j = 0; j < items.length; j++) c[j] = items[j] === UNREAD ? UNREADABLE : readOnce(items[j], 1);
      } else {
        c = readOnce(lists[i], 0); // not read yet
      }
      copies[i] = c;
      if (Array.isArray(c)) total += c.length;
    }
    return JSON.stringify(copies);
  } finally {
    [marked, budget] = saved;
  }
}

/** The answer for lists of strings, `flat` the terms in order, `joined` laid end to end (api::merge_joined). */
function mergeFlat(flat, joined, lists, raw) {
  const lengths = new Uint32Array(flat.length);
  for (let k = 0; k < flat.length; k++) lengths[k] = flat[k].length;
  let out;
  try {
    out = glue.__mergeKeytermsJoined(joined, lengths);
  } finally {
    settle();
  }
  if (out === "") return callRead(EXPORT_ID.mergeKeyterms, { text: mergeText(lists, raw), marked: true });
  const keyterms = new Array(out.charCodeAt(0));
  let i = 1;
  for (let k = 0; k < keyterms.length; k++) {
    const position = out.charCodeAt(i++);
    if (position > 0) {
      keyterms[k] = flat[position - 1];
    } else {
      const m = out.charCodeAt(i++);
      keyterms[k] = out.slice(i, i + m);
      i += m;
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

