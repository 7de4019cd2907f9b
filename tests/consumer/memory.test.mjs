// Memory: many calls of each export, with the arguments of its shared vectors (answers and refusals
// alike), leave the WebAssembly memory and the JS heap flat. No export returns an object that needs
// `free()`: every answer is plain JS data, so nothing is left for the caller to release.
// `MEMORY_CALLS` sets the calls per export (20,000 here; `npm run soak` runs 1,000,000).
import { test } from "node:test";
import assert from "node:assert/strict";
import v8 from "node:v8";
import vm from "node:vm";
import * as api from "workspace-rules";
import { decode } from "../js/vectors.mjs";
import { readVectors } from "../js/files.mjs";

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
