// The zod peer agrees with updateVoiceSettings on the shared vectors (answers byte for byte, refusals
// by their list of { code, path }), except a few cases where plain JavaScript differs by design; that
// list is checked too, so it cannot grow or go stale silently.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { updateVoiceSettings, WorkspaceRulesError } from "workspace-rules";
import { decode } from "../../tests/js/vectors.mjs";
import { updateVoiceSettingsZod } from "./voice-zod.mjs";

const file = JSON.parse(readFileSync(new URL("../../tests/vectors/voice_settings.json", import.meta.url), "utf8"));
const cases = file.cases.filter((c) => c.call === "updateVoiceSettings");

function answer(f, args) {
  try {
    return JSON.stringify({ ok: f(...args) });
  } catch (e) {
    return JSON.stringify({ error: e.errors.map(({ code, path }) => ({ code, path })) });
  }
}

test("the zod peer answers the shared voice-settings vectors as workspace-rules does", () => {
  const differ = [];
  for (const c of cases) {
    const args = decode(c.args);
    // The peer takes a stored `current` as given; stored-object validation is not part of the race.
    if (args[0] && Object.keys(args[0]).length && !JSON.stringify(answer(updateVoiceSettings, [{}, args[0]])).includes('"ok"')) continue;
    if (answer(updateVoiceSettingsZod, args) !== answer(updateVoiceSettings, args)) differ.push(c.name);
  }
  // Intl.getCanonicalLocales (what a JS team would reach for) follows Unicode locale identifiers, not
  // RFC 5646: it refuses private-use and grandfathered tags, which BCP-47 allows.
  assert.deepEqual(differ, ["language: a private-use tag is accepted", "language: a grandfathered tag is accepted"]);
  assert.ok(cases.length - differ.length > 150);
});
