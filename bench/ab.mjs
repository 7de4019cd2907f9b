// Side-by-side comparison of builds of the package: imports each given package folder into this one
// process and interleaves their cases round by round (15 rounds, the first 3 dropped as warm-up), so
// every build sees the same machine. BENCHMARKS.md's A/B tables come from this.
//
//   node bench/ab.mjs pkg /tmp/pkg-other [...]
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { current, full, listA, listB, small } from "./fixtures.mjs";

const dirs = process.argv.slice(2);
if (dirs.length === 0) throw new Error("usage: node bench/ab.mjs PKG_DIR [PKG_DIR ...]");
const apis = [];
for (const d of dirs) apis.push(await import(pathToFileURL(resolve(d, "node.js")).href));

const cases = {
  "update 3 fields": [(a) => a.updateVoiceSettings(current, small), 3000],
  "update 13 fields": [(a) => a.updateVoiceSettings(current, full), 1500],
  "merge 2 × 200": [(a) => a.mergeKeyterms(listA, listB), 60],
  "roles()": [(a) => a.roles(), 5000],
};
const samples = {};
for (let round = 0; round < 15; round++) {
  for (const [name, [call, n]] of Object.entries(cases)) {
    apis.forEach((api, k) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) call(api);
      const ns = Number(process.hrtime.bigint() - t0) / n;
      if (round >= 3) ((samples[name] ??= dirs.map(() => []))[k]).push(ns);
    });
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const [name, per] of Object.entries(samples)) {
  console.log(name.padEnd(18), per.map((xs, k) => `${dirs[k]}: ${(median(xs) / 1000).toFixed(2)} µs`).join("   "));
}
