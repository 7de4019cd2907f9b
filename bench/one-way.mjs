// Issue 16, item 4 (a prototype): arguments that are not plain JSON data through the export's value
// reader (src/boundary/wasm.rs `read`, one boundary crossing per value) against marked JSON text
// (js/fast-paths.js `viaMarked`, read by `json::Marked`), same question, same instance, interleaved;
// the plain JSON path (`viaJson`) for scale. The inputs are the bench fixtures with their top object
// made a class instance, which makes them not plain (every value is still read).
//
//   node bench/one-way.mjs [PKG_DIR]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { current, full, inviteArgs, putArgs, small } from "./fixtures.mjs";
import { interleaved, micros } from "./interleave.mjs";

const dir = resolve(process.argv[2] ?? "pkg");
const load = (f) => import(pathToFileURL(resolve(dir, f)).href);
const glue = await load("workspace_rules.js");
const { viaJson, viaMarked } = await load("fast-paths.js");
const { EXPORT_ID } = await load("generated.js");
glue.initSync({ module: readFileSync(resolve(dir, "workspace_rules_bg.wasm")) });

class Stored {}
const notPlain = (o) => Object.setPrototypeOf({ ...o }, Stored.prototype);
const U = EXPORT_ID.updateVoiceSettings;
const A = EXPORT_ID.apply;
const C = EXPORT_ID.checkRequest;
const apply10 = inviteArgs(glue, 10);
const apply1000 = inviteArgs(glue, 1000);
const [put, putContext] = putArgs(glue);
const inputs = {
  "update 3 fields": [U, "updateVoiceSettings", [notPlain(current), small]],
  "update 13 fields": [U, "updateVoiceSettings", [notPlain(current), full]],
  "apply, 10 members": [A, "apply", [notPlain(apply10[0]), apply10[1], apply10[2]]],
  "apply, 1,000 members": [A, "apply", [notPlain(apply1000[0]), apply1000[1], apply1000[2]]],
  "checkRequest PUT": [C, "checkRequest", [put, notPlain(putContext)]],
};
const plainOf = (args) => JSON.parse(JSON.stringify(args));
const n = (name) => (name.includes("1,000") ? 10 : name.includes("apply") ? 300 : 2000);
const cases = {};
for (const [name, [id, fn, args]] of Object.entries(inputs)) {
  const a = JSON.stringify(glue[fn](...args));
  const b = JSON.stringify(viaMarked(id, args));
  if (a !== b) throw new Error(`${name}: the two readers disagree`);
  const plain = plainOf(args);
  cases[`${name}\0value reader`] = [() => glue[fn](...args), n(name)];
  cases[`${name}\0marked JSON`] = [() => viaMarked(id, args), n(name)];
  cases[`${name}\0plain JSON (scale)`] = [() => viaJson(id, plain), n(name)];
}
const medians = interleaved(cases);
for (const name of Object.keys(inputs)) {
  const v = medians[`${name}\0value reader`];
  const m = medians[`${name}\0marked JSON`];
  const p = medians[`${name}\0plain JSON (scale)`];
  console.log(`${name.padEnd(22)} value reader ${micros(v).padStart(11)}   marked ${micros(m).padStart(11)} (${(m / v).toFixed(2)}×)   plain JSON ${micros(p).padStart(11)}`);
}
