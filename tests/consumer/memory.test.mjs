// Memory: many calls of each export, with the arguments of its shared vectors (answers and refusals
// alike), leave the WebAssembly memory and the JS heap flat. No answer is an object that needs
// `free()`: every answer is plain JS data, so nothing is left for the caller to release. The one
// object that holds memory in the module is a prepared workspace (`prepareWorkspace`): prepare/free
// cycles and its checks leave both flat too.
// `MEMORY_CALLS` sets the calls per export (20,000 here; `npm run soak` runs 1,000,000), and the
// prepared checks; prepare/free cycles are a tenth of it (100,000 in the soak).
import { test } from "node:test";
import assert from "node:assert/strict";
import v8 from "node:v8";
import vm from "node:vm";
import * as api from "workspace-rules";
import { decode } from "../js/vectors.mjs";
import { readVectors } from "../js/files.mjs";
import { putArgs, stateWith } from "../../bench/fixtures.mjs";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");
const calls = Number(process.env.MEMORY_CALLS ?? 20_000);
const memory = api.initSync().memory; // the instance the package already made

const casesByExport = {};
for (const file of Object.values(readVectors())) for (const c of file.cases) (casesByExport[c.call] ??= []).push(decode(c.args));

function drive(name, n) {
  const fn = api[name];
  const argLists = casesByExport[name];
  for (let i = 0; i < n; i++) {
    try {
      fn(...argLists[i % argLists.length]);
    } catch (e) {
      if (!(e instanceof api.WorkspaceRulesError)) throw e;
    }
  }
}

function heapAfterGc() {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

for (const name of Object.keys(casesByExport)) {
  test(`${name}: ${calls} calls leave WebAssembly memory and the JS heap flat`, () => {
    drive(name, Math.min(calls, 5_000)); // warm-up: the allocator reaches its working size
    const wasmBefore = memory.buffer.byteLength;
    const heapBefore = heapAfterGc();
    drive(name, calls);
    const wasmAfter = memory.buffer.byteLength;
    const heapAfter = heapAfterGc();
    assert.equal(wasmAfter, wasmBefore, `WebAssembly memory grew from ${wasmBefore} to ${wasmAfter} bytes`);
    assert.ok(heapAfter - heapBefore < 2 * 1024 * 1024, `JS heap grew by ${heapAfter - heapBefore} bytes`);
  });
}

/** Runs `drive(n)` once to warm up, then `n` more times' worth, and asserts both memories flat. */
function flat(drive, n) {
  drive(Math.min(n, 5_000));
  const wasmBefore = memory.buffer.byteLength;
  const heapBefore = heapAfterGc();
  drive(n);
  const wasmAfter = memory.buffer.byteLength;
  const heapAfter = heapAfterGc();
  assert.equal(wasmAfter, wasmBefore, `WebAssembly memory grew from ${wasmBefore} to ${wasmAfter} bytes`);
  assert.ok(heapAfter - heapBefore < 2 * 1024 * 1024, `JS heap grew by ${heapAfter - heapBefore} bytes`);
}

test(`prepareWorkspace: ${calls / 10} prepare/free cycles leave WebAssembly memory and the JS heap flat`, () => {
  const [, { state }] = putArgs(api);
  flat((n) => {
    for (let i = 0; i < n; i++) api.prepareWorkspace(state).free();
  }, calls / 10);
});

test(`a prepared workspace of 1,000 members: ${calls} checks leave WebAssembly memory and the JS heap flat`, () => {
  const [put, { actor, state, now }] = putArgs(api);
  const big = stateWith(api, 1_000);
  const prepared = [api.prepareWorkspace(state), api.prepareWorkspace(big)];
  const get = { method: "GET", path: `/v1/workspaces/${big.workspace.id}` };
  const outsider = { actor: { user_id: "someone-else" }, now };
  flat((n) => {
    for (let i = 0; i < n; i++) {
      prepared[0].checkRequest(put, { actor, now });
      prepared[1].checkRequest(get, outsider);
      prepared[1].authorize(big.members[i % big.members.length].user_id, "members.invite");
    }
  }, calls / 3);
  for (const p of prepared) p.free();
});

test("answers are plain data: nothing to free()", () => {
  for (const [name, argLists] of Object.entries(casesByExport)) {
    for (const args of argLists) {
      let value;
      try {
        value = api[name](...args);
      } catch {
        continue;
      }
      const seen = [value];
      while (seen.length) {
        const v = seen.pop();
        if (v && typeof v === "object") {
          assert.ok(Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype, `${name} returned a ${v.constructor?.name}`);
          assert.equal(typeof v.free, "undefined");
          seen.push(...Object.values(v));
        }
      }
    }
  }
});
