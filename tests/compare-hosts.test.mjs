// Runs last: every host's outputs of the shared vectors must be byte-identical, and cover every case.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readVectors, root } from "./js/files.mjs";

const hosts = ["native", "node", "browser", "workerd"];
const cases = Object.values(readVectors()).reduce((n, f) => n + f.cases.length, 0);
const outputs = Object.fromEntries(
  hosts.map((h) => {
    const file = join(root, "test-results/vectors", `${h}.jsonl`);
    return [h, existsSync(file) ? readFileSync(file) : null];
  }),
);

for (const host of hosts) {
  test(`${host} wrote an output for each of the ${cases} cases`, () => {
    assert.ok(outputs[host], `test-results/vectors/${host}.jsonl is missing: did its tier run?`);
    assert.equal(outputs[host].toString("utf8").split("\n").filter(Boolean).length, cases);
  });
}

for (const host of hosts.slice(1)) {
  test(`${host} answers byte for byte as native`, () => {
    const a = outputs.native.toString("utf8").split("\n");
    const b = outputs[host].toString("utf8").split("\n");
    const differing = a.map((line, i) => [line, b[i]]).filter(([x, y]) => x !== y);
    assert.deepEqual(differing.slice(0, 3), [], `${differing.length} lines differ`);
    assert.ok(outputs.native.equals(outputs[host]));
  });
}
