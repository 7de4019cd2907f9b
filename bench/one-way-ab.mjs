// Issue 16, item 4: two builds of the package side by side (as bench/ab.mjs) on arguments that are
// not plain JSON data (the fixtures with their top object a class instance), through each build's
// Node entry: in BENCHMARKS.md ("One way in"), a build with the value reader (the typed exports)
// against the one-way build (marked JSON text).
//
//   node bench/one-way-ab.mjs PKG_A PKG_B
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { current, full, inviteArgs, putArgs, small } from "./fixtures.mjs";
import { interleaved, micros } from "./interleave.mjs";

const dirs = process.argv.slice(2);
const apis = [];
for (const d of dirs) apis.push(await import(pathToFileURL(resolve(d, "node.js")).href));
class Stored {}
const notPlain = (o) => Object.setPrototypeOf({ ...o }, Stored.prototype);
const a10 = inviteArgs(apis[0], 10);
const a1000 = inviteArgs(apis[0], 1000);
const [put, putContext] = putArgs(apis[0]);
const cases = {
  "update 3 fields": [(a) => a.updateVoiceSettings(notPlain(current), small), 2000],
  "update 13 fields": [(a) => a.updateVoiceSettings(notPlain(current), full), 1000],
  "validate, NaN speed": [(a) => a.validateVoiceSettings({ ...full, speed: NaN }), 2000],
  "apply, 10 members": [(a) => a.apply(notPlain(a10[0]), a10[1], a10[2]), 300],
  "apply, 1,000 members": [(a) => a.apply(notPlain(a1000[0]), a1000[1], a1000[2]), 10],
  "checkRequest PUT": [(a) => a.checkRequest(put, notPlain(putContext)), 1000],
};
for (const [name, [call]] of Object.entries(cases)) {
  const answers = apis.map((api) => JSON.stringify(call(api)));
  if (new Set(answers).size !== 1) throw new Error(`${name}: the builds disagree`);
}
const medians = interleaved(
  Object.fromEntries(Object.entries(cases).flatMap(([name, [call, n]]) => apis.map((api, k) => [`${name}\0${k}`, [() => call(api), n]]))),
);
for (const name of Object.keys(cases)) {
  console.log(name.padEnd(20), dirs.map((d, k) => `${d}: ${micros(medians[`${name}\0${k}`])}`).join("   "));
}
