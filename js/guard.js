// The trap guard: what every export of rules.js throws when a call did not end in an answer or a refusal.
//
// A Rust panic (a bug) or a trap in WebAssembly leaves the instance in an unknown state (its stack
// pointer is not restored, for one). The library keeps no state between calls that a fresh instance
// would lack, so the guard swaps in a fresh instance of the same compiled module (`__resetAfterTrap`,
// the one function scripts/build.mjs adds to wasm-bindgen's glue: see patchGlue there) and throws
// `internal_error` for that call; the following calls work as before. An exception thrown by the
// caller's own objects while the input was read (a getter, a Proxy) unwinds through the same frames and
// is treated the same way, as `invalid_type`.
import { __resetAfterTrap, initSync } from "./workspace_rules.js";
import { WorkspaceRulesError } from "./error.js";

const INTERNAL =
  "workspace-rules failed internally on this call; nothing was changed and the module was reset. Please report the input.";

function refusal(code, status, message, cause) {
  const e = new WorkspaceRulesError(code, status, message, [{ code, message, path: "" }]);
  e.cause = cause;
  return e;
}

/** `f(e)`, or `fallback` when asking throws (a thrown Proxy whose traps throw, say). */
function safely(f, e, fallback) {
  try {
    return f(e);
  } catch {
    return fallback;
  }
}

const isRefusal = (e) => e instanceof WorkspaceRulesError;
const isTrap = (e) => e instanceof WebAssembly.RuntimeError || (e instanceof RangeError && /call stack/i.test(e.message));
const described = (e) => String(e instanceof Error ? e.message : e);

/**
 * The exception to throw for `e`, caught around a call into WebAssembly: a refusal as it is; anything
 * else resets the instance and becomes a WorkspaceRulesError, `internal_error` (500) for a trap (a
 * panic, the stack exhausted), `invalid_type` (400) for an input that threw while it was read. Never
 * throws itself, whatever `e` is.
 */
export function guard(e) {
  if (safely(isRefusal, e, false)) return e;
  __resetAfterTrap();
  if (safely(isTrap, e, false)) return refusal("internal_error", 500, INTERNAL, e);
  const what = safely(described, e, "a value that cannot be shown as text");
  return refusal("invalid_type", 400, "The input could not be read: it threw " + what, e);
}

/**
 * The memory a call may leave the instance holding: WebAssembly memory only grows, so one large
 * input (a 10 MB string) would keep its tens of MB for the life of the page. After a call that left
 * more than this, `settle` swaps in a fresh instance, as after a trap — unless prepared workspaces
 * are held (`prepared.held`), which live in the instance: then the memory is theirs to keep, until
 * they are freed. The largest inputs the rules accept stay below it (a state of 10,000 members and
 * the last-state cache: 13 MB).
 */
export const MEMORY_LIMIT = 32 * 1024 * 1024;

/** How many prepared workspaces the instance holds (js/prepared.js counts them). */
export const prepared = { held: 0 };

/** After each call into the module: a fresh instance if the memory is past MEMORY_LIMIT. Never throws. */
export function settle() {
  try {
    if (prepared.held === 0 && initSync().memory.buffer.byteLength > MEMORY_LIMIT) __resetAfterTrap();
  } catch {
    // Not loaded (web.js before init()): nothing to settle.
  }
}
