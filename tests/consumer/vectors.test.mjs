// The Node host of the shared vectors: the built package, imported by name as a user would.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as api from "workspace-rules";
import { runVectors } from "../js/vectors.mjs";
import { readVectors, writeHostOutputs } from "../js/files.mjs";

const results = runVectors(api, readVectors());
writeHostOutputs("node", results);

for (const r of results) {
  test(r.id, () => assert.ok(r.ok, `expected ${r.expected}\nactual   ${r.actual}`));
}
