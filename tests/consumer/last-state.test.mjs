// `apply` keeps the state of its last answer (and of createWorkspace's) with its JSON text, and takes
// it from there when the next call's state is exactly that text (src/boundary/api.rs, `LastState`). These tests
// check the two things that makes true in JavaScript: a state passed back as received is that text
// (so a chain of commands hits), and answers through the kept state equal answers read from scratch.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as api from "workspace-rules";
import * as glue from "../../pkg/workspace_rules.js";
import { decode } from "../js/vectors.mjs";
import { readVectors } from "../js/files.mjs";

import { markedPath } from "../js/marked-path.mjs";

// A second instance of the module (the package's Node entry has its own): its kept state is never the
// one asked about below, and its marked path never keeps one, so it reads every state from scratch.
const scratch = await markedPath(new URL("../../pkg/", import.meta.url));
const names = JSON.parse(glue.__exportNames());

test("every state the package answers with is written back by JSON.stringify as the same text", () => {
  let checked = 0;
  for (const [file, { cases }] of Object.entries(readVectors())) {
    for (const c of cases) {
      if ((c.call !== "apply" && c.call !== "createWorkspace") || !c.expect.ok) continue;
      const out = glue.__callJson(names.indexOf(c.call), JSON.stringify(decode(c.args)));
      if (!out.startsWith("o")) continue;
      const answer = JSON.parse(out.slice(1));
      assert.ok(out.startsWith(`o{"state":${JSON.stringify(answer.state)},"events":`), `${file}: ${c.name}`);
      checked++;
    }
  }
  assert.ok(checked > 50, `only ${checked} answers`);
});

test("a chain of commands through the package answers as from scratch", () => {
  const owner = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
  const ctx = (k) => ({
    actor_id: owner,
    actor_email: "ana@example.com",
    now: `2026-11-${String(10 + k).padStart(2, "0")}T10:00:00.000Z`,
    account_role: "owner",
    ids: [`9b1c2d3e-4f50-4a61-8b72-c3d4e5f6${String(k).padStart(4, "0")}`],
  });
  let state = api.createWorkspace({ name: "Chain", environment: "production" }, ctx(0)).state;
  const commands = [
    { type: "invite_member", email: "b@example.com", role: "admin" },
    { type: "update_workspace", name: "Chain 2" },
    { type: "invite_member", email: "b@example.com", role: "member" }, // refused: already invited
    { type: "update_settings", outbound_enabled: false },
    { type: "archive", slug: "chain" },
    { type: "update_workspace", name: "Chain 3" }, // refused: archived
  ];
  const outcome = (f) => {
    try {
      return { ok: f() };
    } catch (e) {
      return { error: { code: e.code, errors: e.errors } };
    }
  };
  commands.forEach((command, k) => {
    const viaPackage = outcome(() => api.apply(state, command, ctx(k + 1)));
    const fromScratch = outcome(() => scratch.apply(state, command, ctx(k + 1)));
    assert.deepEqual(viaPackage, fromScratch, JSON.stringify(command));
    if (viaPackage.ok) state = viaPackage.ok.state;
  });
  assert.equal(state.workspace.status, "archived");
});
