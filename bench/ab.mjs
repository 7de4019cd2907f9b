// Side-by-side comparison of builds of the package: imports each given package folder into this one
// process and interleaves their cases round by round (15 rounds, the first 3 dropped as warm-up), so
// every build sees the same machine. BENCHMARKS.md's A/B tables come from this.
//
//   node bench/ab.mjs pkg /tmp/pkg-other [...]
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const dirs = process.argv.slice(2);
if (dirs.length === 0) throw new Error("usage: node bench/ab.mjs PKG_DIR [PKG_DIR ...]");
const apis = [];
for (const d of dirs) apis.push(await import(pathToFileURL(resolve(d, "node.js")).href));

const current = { tone: "calm", speed: 1.1, keyterms: ["Metformin"] };
const small = { speed: 1.2, tone: "friendly", keyterms: ["Metformin", "Ozempic", "Dr. Ramirez"] };
const full = {
  voice_id: "voice-42", tone: "sympathetic", speed: 0.9, volume: 0.8, language: "en-us",
  keyterms: ["Metformin", "Ozempic", "Dr. Ramirez", "co-pay", "prior authorization"],
  correction_categories: ["drug names", "doctor names"], pronunciation_dict_id: "dict-7",
  sensitive_topics: ["test results", "diagnosis"], post_call_analysis_enabled: false,
  transcript_correction_enabled: true, stt_provider: "deepgram", tts_provider: "cartesia",
};
const words = ["Metformin", "Straße", "Ozempic", "İbuprofen", "Café", "naïve", "Σίσυφος", "東京", "Dr. Ramirez", "prior authorization"];
const listA = Array.from({ length: 200 }, (_, i) => `${words[i % words.length]} ${i}`);
const listB = Array.from({ length: 200 }, (_, i) => (i % 2 ? `${words[i % words.length]} ${i}`.toUpperCase() : `  new   term ${i} `));
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
