// The trap guard on its own (js/guard.js): what it makes of each kind of exception, and that it replaces
// the instance for everything but a refusal. Uses the test build (`node scripts/build.mjs --test-panic`),
// whose glue has a deliberately panicking export; the guard and the glue are imported as the package's
// modules import each other, so they share one instance. trap-guard.test.mjs checks the same through
// the package's exports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "../js/files.mjs";

const dir = join(root, "test-results/pkg-panic");
const load = (file) => import(pathToFileURL(join(dir, file)).href);
const glue = await load("workspace_rules.js");
const { guard } = await load("guard.js");
const { WorkspaceRulesError } = await load("error.js");
const module = new WebAssembly.Module(readFileSync(join(dir, "workspace_rules_bg.wasm")));
glue.initSync({ module });

/** The instance's exports now: initSync hands back the running instance's, and starts none. */
const instance = () => glue.initSync({ module });

/** `guard(thrown)` and whether the instance was replaced meanwhile. */
function guarded(thrown) {
  const before = instance();
  const e = guard(thrown);
  return { e, replaced: instance() !== before };
}

const refusalOf = (code, status) => (e) => {
  assert.ok(e instanceof WorkspaceRulesError && e instanceof Error, `a WorkspaceRulesError, got ${e}`);
  assert.equal(e.code, code);
  assert.equal(e.status, status);
  assert.deepEqual(e.errors, [{ code, message: e.message, path: "" }]);
  return true;
};

test("a refusal passes through as it is, and the instance is kept", () => {
  const refusal = new WorkspaceRulesError("unknown_role", 400, "Unknown role", [{ code: "unknown_role", message: "Unknown role", path: "/role" }]);
  const { e, replaced } = guarded(refusal);
  assert.equal(e, refusal);
  assert.equal(replaced, false);
});

test("a trap is internal_error (500), its cause kept, and the instance is replaced", () => {
  for (const trap of [new WebAssembly.RuntimeError("unreachable"), new RangeError("Maximum call stack size exceeded")]) {
    const { e, replaced } = guarded(trap);
    assert.ok(refusalOf("internal_error", 500)(e));
    assert.match(e.message, /failed internally on this call; nothing was changed and the module was reset/);
    assert.equal(e.cause, trap);
    assert.equal(replaced, true);
  }
});

test("a real panic and a real stack overflow, caught around the glue: internal_error, and the next call answers", () => {
  for (const kind of ["panic", "recursion"]) {
    let thrown;
    try {
      glue.__testPanic(kind);
    } catch (e) {
      thrown = e;
    }
    assert.ok(thrown !== undefined, `${kind} throws`);
    const { e, replaced } = guarded(thrown);
    assert.ok(refusalOf("internal_error", 500)(e));
    assert.equal(replaced, true);
    assert.equal(glue.__callJson(0, "[]"), 'o["owner","admin","member"]'); // roles(), export 0
  }
});

test("anything else thrown is invalid_type (400) naming what was thrown, and the instance is replaced", () => {
  const cases = [
    [new Error("no keys for you"), "no keys for you"],
    [new TypeError("boom"), "boom"],
    [new RangeError("Invalid array length"), "Invalid array length"],
    ["a string", "a string"],
    [42, "42"],
    [undefined, "undefined"],
    [null, "null"],
    [Symbol("s"), "Symbol(s)"],
    [10n, "10"],
  ];
  for (const [thrown, shown] of cases) {
    const { e, replaced } = guarded(thrown);
    assert.ok(refusalOf("invalid_type", 400)(e));
    assert.equal(e.message, `The input could not be read: it threw ${shown}`);
    assert.equal(e.cause, thrown);
    assert.equal(replaced, true);
  }
});

test("a thrown value that cannot be printed or inspected still becomes invalid_type; the guard never throws", () => {
  const hostile = [
    Object.create(null),
    { toString() { throw new Error("no text"); } },
    new Proxy({}, { getPrototypeOf() { throw new Error("no prototype"); } }),
    new Proxy(new Error("x"), { get() { throw new Error("no properties"); } }),
    Object.defineProperty(new Error(), "message", { get() { throw new Error("no message"); } }),
    Object.defineProperty(new RangeError(), "message", { get() { throw new Error("no message"); } }),
  ];
  for (const thrown of hostile) {
    const { e, replaced } = guarded(thrown);
    assert.ok(refusalOf("invalid_type", 400)(e));
    assert.equal(e.message, "The input could not be read: it threw a value that cannot be shown as text");
    assert.equal(replaced, true);
  }
  assert.equal(glue.__canIndex(0, 0), 1); // can("owner", "workspace.view")
});
