// Side-by-side comparison of builds of the package: imports each given package folder into this one
// process and interleaves their cases round by round (15 rounds, the first 3 dropped as warm-up), so
// every build sees the same machine. BENCHMARKS.md's A/B tables come from this.
//
//   node bench/ab.mjs pkg /tmp/pkg-other [...]
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { current, full, inviteArgs, listA, listB, putArgs, small } from "./fixtures.mjs";
import { interleaved, micros } from "./interleave.mjs";

const dirs = process.argv.slice(2);
if (dirs.length === 0) throw new Error("usage: node bench/ab.mjs PKG_DIR [PKG_DIR ...]");
const apis = [];
for (const d of dirs) apis.push(await import(pathToFileURL(resolve(d, "node.js")).href));

const pairs = apis[0].roles().flatMap((r) => apis[0].actions().map((a) => [r, a]));
let cell = 0;
const invite = inviteArgs(apis[0], 1000);
const put = putArgs(apis[0]);
const cases = {
  "can() 111 cells": [(a) => a.can(...pairs[(cell = (cell + 1) % pairs.length)]), 20000],
  "update 3 fields": [(a) => a.updateVoiceSettings(current, small), 3000],
  "update 13 fields": [(a) => a.updateVoiceSettings(current, full), 1500],
  "merge 2 × 200": [(a) => a.mergeKeyterms(listA, listB), 60],
  "roles()": [(a) => a.roles(), 5000],
  "apply, 1,000 members": [(a) => a.apply(...invite), 10],
  "checkRequest PUT": [(a) => a.checkRequest(...put), 1000],
};
// Every build's batch of a case follows the other builds' batch of the same case.
const medians = interleaved(
  Object.fromEntries(
    Object.entries(cases).flatMap(([name, [call, n]]) => apis.map((api, k) => [`${name}\0${k}`, [() => call(api), n]])),
  ),
);
for (const name of Object.keys(cases)) {
  console.log(name.padEnd(20), dirs.map((d, k) => `${d}: ${micros(medians[`${name}\0${k}`])}`).join("   "));
}
