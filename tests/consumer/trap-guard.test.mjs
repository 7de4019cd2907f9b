// The trap guard (scripts/build.mjs, rules.js): a panic or a trap inside WebAssembly, or an input that
// throws while it is read, becomes a WorkspaceRulesError on that call, and the following calls work.
// Uses the test build with the deliberately panicking export (`node scripts/build.mjs --test-panic`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "../js/files.mjs";

const api = await import(pathToFileURL(join(root, "test-results/pkg-panic/node.js")).href);
const { WorkspaceRulesError } = api;

const isInternal = (e) => e instanceof WorkspaceRulesError && e.code === "internal_error" && e.status === 500 && e.errors[0].path === "";

test("a panic is internal_error on that call, and the next call answers", () => {
  assert.throws(() => api.__testPanic("panic"), isInternal);
  assert.equal(api.can("owner", "workspace.archive"), true);
});

test("a thousand panics in a row leave the module working (the instance is replaced, no stack leaks)", () => {
  for (let i = 0; i < 1000; i++) assert.throws(() => api.__testPanic("panic"), isInternal);
  assert.deepEqual(api.roles(), ["owner", "admin", "member"]);
});

test("a stack overflow inside WebAssembly is internal_error too", () => {
  assert.throws(() => api.__testPanic("recursion"), isInternal);
  assert.equal(api.can("member", "workspace.view"), true);
});

test("an input that throws while it is read is invalid_type, and the module keeps working", () => {
  const hostile = new Proxy({}, { ownKeys() { throw new Error("no keys for you"); } });
  for (let i = 0; i < 200; i++) {
    assert.throws(() => api.can(hostile, "workspace.view"), (e) => e instanceof WorkspaceRulesError && e.code === "invalid_type" && /no keys for you/.test(e.message));
  }
  const getter = { get role() { throw new Error("boom"); } };
  assert.equal(api.can("admin", "members.invite"), true, String(getter));
});

test("refusals pass through the guard untouched", () => {
  assert.throws(() => api.can("boss", "workspace.view"), (e) => e instanceof WorkspaceRulesError && e.code === "unknown_role");
});
