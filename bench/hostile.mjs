// The slow cases of issue 17 (items 4, 5, 12), timed through the built package (pkg/):
//   node bench/hostile.mjs [pkg-dir]
// Prints each case's time (one run each, after one warm-up call) and its answer or refusal code.
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, "..", "pkg"));
const rules = await import(pathToFileURL(join(dir, "node.js")).href);

function time(name, f) {
  const start = performance.now();
  let outcome;
  try {
    const answer = f();
    outcome = typeof answer === "string" ? answer.slice(0, 40) : JSON.stringify(answer)?.slice(0, 60);
  } catch (e) {
    outcome = `refused ${e.code} at ${e.errors?.[0]?.path}`;
  }
  console.log(`${name.padEnd(52)} ${(performance.now() - start).toFixed(1).padStart(9)} ms  ${outcome}`);
}

rules.slugify("warm up", ["warm-up"]);
const taken = ["support", ...Array.from({ length: 9_999 }, (_, i) => `support-${i + 2}`)];
time("slugify, 10,000 suffixes taken", () => rules.slugify("Support", taken));

// 50 sensitive topics of 62 words each, all but the last word equal, and topics of 100 KB and 1 MB of
// that first word repeated: the matcher's worst case.
const topics = Array.from({ length: 50 }, (_, i) => `${"a ".repeat(61)}b${i}`);
time("resolveTone, 50 topics of 62 words, topic of 10,000 characters", () =>
  rules.resolveTone({ baseline: "friendly", topic: "a ".repeat(5_000), sensitive_topics: topics }),
);
for (const size of [100_000, 1_000_000]) {
  const topic = "a ".repeat(size / 2);
  time(`resolveTone, 50 topics of 62 words, topic ${size / 1000} KB`, () =>
    rules.resolveTone({ baseline: "friendly", topic, sensitive_topics: topics }),
  );
}
const marks = "a" + "\u0301".repeat(5_000_000);
time("resolveTone, topic of 10 MB of combining marks", () => rules.resolveTone({ baseline: "friendly", topic: marks }));
time("resolveTone, emotion label of 10 MB of marks", () =>
  rules.resolveTone({ baseline: "friendly", emotion: { label: marks, intensity: 1 } }),
);
time("mergeKeyterms, a term of 10 MB of marks", () => rules.mergeKeyterms([marks], []));
time("validateVoiceSettings, keyterm of 10 MB of marks", () => rules.validateVoiceSettings({ keyterms: [marks] }));
