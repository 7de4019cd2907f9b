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
    // Refused at its path (issue 17, item 7), as a value that threw when read.
    assert.throws(() => api.can(hostile, "workspace.view"), (e) => e instanceof WorkspaceRulesError && e.code === "invalid_type" && /threw when read/.test(e.message) && e.errors[0].path === "/role");
  }
  const getter = { get role() { throw new Error("boom"); } };
  assert.equal(api.can("admin", "members.invite"), true, String(getter));
});

test("refusals pass through the guard untouched", () => {
  assert.throws(() => api.can("boss", "workspace.view"), (e) => e instanceof WorkspaceRulesError && e.code === "unknown_role");
});

test("a reset drops the prepared workspaces with the instance: they answer prepared_workspace_freed, never another's answer", () => {
  const ctx = { actor_id: "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01", actor_email: "ana@example.com", now: "2026-11-22T10:00:00.000Z", account_role: "owner" };
  const { state } = api.createWorkspace({ name: "Client A Support", environment: "production" }, ctx);
  const before = api.prepareWorkspace(state);
  assert.equal(before.authorize(ctx.actor_id, "workspace.view").allowed, true);
  assert.throws(() => api.__testPanic("panic"), isInternal);
  // A workspace prepared after the reset gets a new id, so the old object cannot reach it.
  const after = api.prepareWorkspace(state);
  const isFreed = (e) => e instanceof WorkspaceRulesError && e.code === "prepared_workspace_freed" && e.status === 410;
  assert.throws(() => before.authorize(ctx.actor_id, "workspace.view"), isFreed);
  assert.equal(after.authorize(ctx.actor_id, "workspace.view").allowed, true);
  before.free(); // harmless
  assert.equal(after.authorize(ctx.actor_id, "workspace.view").allowed, true, "freeing the old one leaves the new one");
  after.free();
});
