// The JavaScript side of the shared test vectors, used by the Node and the Chromium hosts alike.
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
    if (!(e instanceof api.WorkspaceRulesError) || !(e instanceof Error)) {
      return { thrown: `${e?.name}: ${e?.message ?? String(e)}` };
    }
    return { error: { code: e.code, status: e.status, message: e.message, errors: e.errors } };
  }
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

/** Expected values must be equal byte for byte; expected errors and `ok_matching` answers (a value that
 *  carries a refusal, such as a checkRequest decision) match on the keys the file gives. */
export function check(expected, actual) {
  if ("ok_matching" in expected) return "ok" in actual && matches(expected.ok_matching, actual.ok);
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
      results.push({ id, line, ok: check(testCase.expect, actual), expected: JSON.stringify(testCase.expect), actual: JSON.stringify(actual) });
    }
  }
  return results;
}
