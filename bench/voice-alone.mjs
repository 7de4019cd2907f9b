// updateVoiceSettings against the zod 4 peer with nothing else in the process: the fairest view of
// that comparison. In `npm run bench` the other cases' objects (10,000-member states, cedar-wasm,
// casbin) share the heap, which measured zod about 1.5× slower than alone and the package about the
// same (BENCHMARKS.md). Interleaved, 15 rounds of 2,000 calls, the first 3 dropped.
//
//   node bench/voice-alone.mjs [PKG_DIR]       (default: pkg)
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { current, full, small } from "./fixtures.mjs";
import { updateVoiceSettingsZod } from "./peers/voice-zod.mjs";

const api = await import(pathToFileURL(resolve(process.argv[2] ?? "pkg", "node.js")).href);
const cases = {
  "workspace-rules, 3 fields": () => api.updateVoiceSettings(current, small),
  "zod 4 peer, 3 fields": () => updateVoiceSettingsZod(current, small),
  "workspace-rules, 13 fields": () => api.updateVoiceSettings(current, full),
  "zod 4 peer, 13 fields": () => updateVoiceSettingsZod(current, full),
};
const samples = {};
let sink = 0;
for (let round = 0; round < 15; round++) {
  for (const [name, f] of Object.entries(cases)) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 2000; i++) if (f()) sink++;
    if (round >= 3) (samples[name] ??= []).push(Number(process.hrtime.bigint() - t0) / 2000);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const [name, xs] of Object.entries(samples)) console.log(name.padEnd(28), `${(median(xs) / 1000).toFixed(2)} µs`);
if (sink < 0) console.log(sink);
