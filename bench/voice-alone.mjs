// updateVoiceSettings against the zod 4 peer with nothing else in the process: the fairest view of
// that comparison. In `npm run bench` the other cases' objects (10,000-member states, cedar-wasm,
// casbin) share the heap, which measured zod about 1.5× slower than alone and the package about the
// same (BENCHMARKS.md). Interleaved, 15 rounds of 2,000 calls, the first 3 dropped.
//
//   node bench/voice-alone.mjs [PKG_DIR]       (default: pkg)
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { current, full, small } from "./fixtures.mjs";
import { updateVoiceSettingsZod, updateVoiceSettingsZodPatchOnly } from "./peers/voice-zod.mjs";
import { interleaved, micros } from "./interleave.mjs";

const api = await import(pathToFileURL(resolve(process.argv[2] ?? "pkg", "node.js")).href);
const cases = {
  "workspace-rules, 3 fields": () => api.updateVoiceSettings(current, small),
  "zod 4 peer, 3 fields": () => updateVoiceSettingsZod(current, small),
  "zod 4 patch only, 3 fields": () => updateVoiceSettingsZodPatchOnly(current, small),
  "workspace-rules, 13 fields": () => api.updateVoiceSettings(current, full),
  "zod 4 peer, 13 fields": () => updateVoiceSettingsZod(current, full),
  "zod 4 patch only, 13 fields": () => updateVoiceSettingsZodPatchOnly(current, full),
};
const medians = interleaved(Object.fromEntries(Object.entries(cases).map(([name, fn]) => [name, [fn, 2000]])));
for (const [name, ns] of Object.entries(medians)) console.log(name.padEnd(28), micros(ns));
