// The permission peers of the benchmark agree with workspace-rules on every cell, so the comparison
// measures the same question.
import { test } from "node:test";
import assert from "node:assert/strict";
import { actions, can, roles } from "workspace-rules";
import { casbinPeer, cedarPeer, jsLookup, specMatrix } from "./permissions.mjs";

test("cedar, casbin and the JS lookup answer every cell as can() does", async () => {
  const matrix = specMatrix();
  const cedar = cedarPeer(matrix);
  const peers = { js: jsLookup(matrix), cedar: cedar.preparsed, cedarReparsing: cedar.reparsing, casbin: await casbinPeer(matrix) };
  for (const role of roles()) {
    for (const action of actions()) {
      for (const [name, peer] of Object.entries(peers)) assert.equal(peer(role, action), can(role, action), `${name}: ${role} ${action}`);
    }
  }
});
