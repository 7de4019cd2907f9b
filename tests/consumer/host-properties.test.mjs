// The hardening review's random properties (tests/js/properties.mjs: items 1, 2 and 9 of issue 17)
// in Node, through the package as installed; Chromium and workerd run the same module.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as api from "workspace-rules";
import { runProperties } from "../js/properties.mjs";

for (const result of runProperties(api, fc)) {
  test(`Node: ${result.name} (${result.runs} runs)`, () => assert.equal(result.failure, null));
}
