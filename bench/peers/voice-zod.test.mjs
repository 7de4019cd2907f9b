// The zod peers agree with updateVoiceSettings on the shared vectors (answers byte for byte, refusals
// by their list of { code, path }), except a few cases where plain JavaScript differs by design; that
// list is checked too, so it cannot grow or go stale silently.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { updateVoiceSettings, WorkspaceRulesError } from "workspace-rules";
import { decode } from "../../tests/js/vectors.mjs";
import { updateVoiceSettingsZod, updateVoiceSettingsZodPatchOnly } from "./voice-zod.mjs";

const file = JSON.parse(readFileSync(new URL("../../tests/vectors/voice_settings.json", import.meta.url), "utf8"));
const cases = file.cases.filter((c) => c.call === "updateVoiceSettings");

function answer(f, args) {
  try {
    return JSON.stringify({ ok: f(...args) });
  } catch (e) {
    return JSON.stringify({ error: e.errors.map(({ code, path }) => ({ code, path })) });
  }
}

// Intl.getCanonicalLocales (what a JS team would reach for) follows Unicode locale identifiers, not
// RFC 5646: it refuses private-use and grandfathered tags, which BCP-47 allows.
const INTL = ["language: a private-use tag is accepted", "language: a grandfathered tag is accepted"];

test("the zod peer answers the shared voice-settings vectors as workspace-rules does", () => {
  const differ = cases.filter((c) => {
    const args = decode(c.args);
    return answer(updateVoiceSettingsZod, args) !== answer(updateVoiceSettings, args);
  });
  assert.deepEqual(differ.map((c) => c.name), INTL);
  assert.ok(cases.length - differ.length > 150);
});

test("the patch-only peer agrees wherever the stored object is as the package stores it", () => {
  const differ = [];
  let compared = 0;
  for (const c of cases) {
    const args = decode(c.args);
    // It takes a stored `current` as given: only cases whose `current` the package reads back as itself.
    const stored = args[0] ?? {};
    if (answer(updateVoiceSettings, [stored, {}]) !== JSON.stringify({ ok: { settings: stored, changed: [] } })) continue;
    compared++;
    if (answer(updateVoiceSettingsZodPatchOnly, args) !== answer(updateVoiceSettings, args)) differ.push(c.name);
  }
  assert.deepEqual(differ, INTL);
  assert.ok(compared - differ.length > 150);
});
