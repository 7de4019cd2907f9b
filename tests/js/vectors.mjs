// The JavaScript side of the shared test vectors, used by the Node, workerd and Chromium hosts alike.
// `api` is the imported package; `file` a parsed tests/vectors/*.json. See tests/vectors/README.md.

/** Vector files encode values JSON cannot carry as {"$js": "NaN"}; this turns them into the real thing. */
export function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "$js") {
      const real = {
        NaN: NaN,
        Infinity: Infinity,
        "-Infinity": -Infinity,
        undefined: undefined,
        bigint: 10n,
        symbol: Symbol("vector"),
        function: () => 1,
      };
      if (!(value.$js in real)) throw new Error(`unknown $js value ${value.$js}`);
      return real[value.$js];
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/** Calls the export named by the case: `{ ok: value }`, or `{ error: {...} }` for a WorkspaceRulesError. */
export function outputOf(api, testCase) {
  try {
    return { ok: api[testCase.call](...decode(testCase.args)) };
  } catch (e) {
    return errorOutput(api, e);
  }
}

/** A refusal as the vectors write it; `{ thrown }` for anything that is not a WorkspaceRulesError. */
function errorOutput(api, e) {
  if (!(e instanceof api.WorkspaceRulesError) || !(e instanceof Error)) return { thrown: `${e?.name}: ${e?.message ?? String(e)}` };
  return { error: { code: e.code, status: e.status, message: e.message, errors: e.errors } };
}

/** The exports a prepared workspace answers too (`prepareWorkspace`, docs/rules/requests.md). */
const PREPARED = new Set(["checkRequest", "authorize", "previewInvitation", "capabilities"]);

/**
 * For a case of an export a prepared workspace has: null when `prepareWorkspace(state)` and then the
 * method (with the state left out of the arguments) answer exactly as the plain export did
 * (`plain`), else a description of the difference. A state the plain export refuses must be refused
 * by prepareWorkspace with the same invalid_state (named at /state rather than /context/state).
 */
export function preparedDisagreement(api, testCase, plain) {
  if (!PREPARED.has(testCase.call)) return null;
  const args = decode(testCase.args);
  let state = args[0];
  let rest = args.slice(1);
  if (testCase.call === "checkRequest") {
    const context = args[1];
    const isObject = context !== null && typeof context === "object" && !Array.isArray(context);
    const { state: inContext, ...others } = isObject ? context : {};
    state = inContext;
    rest = [args[0], isObject ? others : context];
  }
  let prepared;
  try {
    prepared = api.prepareWorkspace(state);
  } catch (e) {
    const refused = JSON.stringify(errorOutput(api, e));
    const named = JSON.stringify(plain).replaceAll('"/context/state', '"/state').replaceAll("context.state", "state");
    if (!("error" in plain)) return `prepareWorkspace refused ${refused}, the plain export answered`;
    return plain.error.code !== "invalid_state" || named === refused ? null : `prepareWorkspace refused ${refused}`;
  }
  let output;
  try {
    output = { ok: prepared[testCase.call](...rest) };
  } catch (e) {
    output = errorOutput(api, e);
  } finally {
    prepared.free();
  }
  const [a, b] = [JSON.stringify(output), JSON.stringify(plain)];
  return a === b ? null : `prepared ${a}`;
}

/** Whether `actual` has every key `expected` gives, with equal values (lists: same length, item-wise). */
export function matches(expected, actual) {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.length === actual.length && expected.every((e, i) => matches(e, actual[i]));
  }
  if (expected && typeof expected === "object") {
    return actual !== null && typeof actual === "object" && Object.keys(expected).every((k) => k in actual && matches(expected[k], actual[k]));
  }
  return Object.is(expected, actual);
}

const BAD_MESSAGE = Symbol("a message that is not a sentence");
/** `value` without its `message` keys whose value is a non-empty string (the sentences a UI shows), or
 *  BAD_MESSAGE when some `message` key holds anything else. */
export function withoutMessages(value) {
  if (value === null || typeof value !== "object") return value;
  const out = Array.isArray(value) ? [] : {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "message" && !Array.isArray(value)) {
      if (typeof v !== "string" || v === "") return BAD_MESSAGE;
      continue;
    }
    const w = withoutMessages(v);
    if (w === BAD_MESSAGE) return BAD_MESSAGE;
    if (Array.isArray(out)) out.push(w);
    else out[k] = w;
  }
  return out;
}

/** Expected values must be equal byte for byte; expected errors and `ok_matching` answers (a value that
 *  carries a refusal, such as a checkRequest decision) match on the keys the file gives;
 *  `ok_without_messages` answers are equal byte for byte once their messages are left out. */
export function check(expected, actual) {
  if ("ok_matching" in expected) return "ok" in actual && matches(expected.ok_matching, actual.ok);
  if ("ok_without_messages" in expected) {
    const bare = "ok" in actual ? withoutMessages(actual.ok) : BAD_MESSAGE;
    return bare !== BAD_MESSAGE && JSON.stringify(expected.ok_without_messages) === JSON.stringify(bare);
  }
  return "error" in expected ? matches(expected, actual) : JSON.stringify(expected) === JSON.stringify(actual);
}

/** Runs every case of every file: [{ id, line, ok, expected, actual }] in file and case order. */
export function runVectors(api, files) {
  const results = [];
  for (const [fileName, file] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const testCase of file.cases) {
      const id = `${fileName}: ${testCase.name}`;
      const actual = outputOf(api, testCase);
      const line = JSON.stringify({ case: id, output: actual });
      // The line is the plain export's (hosts compare lines); a prepared workspace must agree with it.
      const disagreement = preparedDisagreement(api, testCase, actual);
      const shown = JSON.stringify(actual) + (disagreement ? `\n  but ${disagreement}` : "");
      results.push({ id, line, ok: check(testCase.expect, actual) && !disagreement, expected: JSON.stringify(testCase.expect), actual: shown });
    }
  }
  return results;
}
