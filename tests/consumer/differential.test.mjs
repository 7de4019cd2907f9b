// Differential check: random inputs through the native crate (`examples/run_cases`, built by
// `cargo test`) and through the package in Node, compared byte for byte. Inputs are the shared
// vectors' arguments with random leaves replaced (so most calls get past the first checks), plus
// Unicode-heavy strings for the text rules. `DIFF_CASES` sets the cases per export (default 250).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as api from "workspace-rules";
// The marked path for every argument, the way the package takes when the arguments are not plain JSON
// data (the package itself takes the JSON-text path for most cases here).
import { markedPath } from "../js/marked-path.mjs";
const valuePath = await markedPath(new URL("../../pkg/", import.meta.url));
import { runVectors } from "../js/vectors.mjs";
import { readVectors, root } from "../js/files.mjs";

const perExport = Number(process.env.DIFF_CASES ?? 250);
const native = join(root, "target/debug/examples/run_cases");

/** A small seeded PRNG (mulberry32), so every run checks the same cases. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261123);
const pick = (xs) => xs[Math.floor(random() * xs.length)];

const texts = ["", " ", "  Metformin ", "METFORMIN", "Straße", "STRASSE", "İstanbul", "istanbul", "ı", "e\u0301", "é", "ﬁle", "Ｆｕｌｌ", "👩‍⚕️", "a\u200bb", "שלום", "مرحبا", "test results", "Test  Results", "x".repeat(129), "日本語", "Ωmega", "ǅ", "ﬃ", "\t\n", "Σίσυφος", "ΣΊΣΥΦΟΣ"];
const leaves = [null, true, false, 0, -1, 0.5, 1.5, 2, 2.0000001, 1e308, 42, "owner", "admin", "member", "calm", "friendly", "en-us", "EN", "x-private", "+1 (555) 010-9999", "2026-11-22T10:00:00.000Z", "not a date", ...texts, { $js: "NaN" }, { $js: "Infinity" }, { $js: "undefined" }, [], {}];

function randomText() {
  let s = "";
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) s += pick(texts) + (random() < 0.3 ? " " : "");
  return s;
}
function randomLeaf() {
  return random() < 0.4 ? randomText() : structuredClone(pick(leaves));
}

/** Replaces one random leaf (or inserts/drops one key or item) somewhere inside `value`. */
function mutate(value) {
  if (value === null || typeof value !== "object" || (value.$js && Object.keys(value).length === 1) || random() < 0.15) return randomLeaf();
  const copy = Array.isArray(value) ? [...value] : { ...value };
  const keys = Object.keys(copy);
  const r = random();
  if (keys.length === 0 || r < 0.1) {
    if (Array.isArray(copy)) copy.push(randomLeaf());
    else copy[pick(["speed", "tone", "keyterms", "type", "role", "email", "extra", "language", "baseline"])] = randomLeaf();
  } else if (r < 0.2) {
    if (Array.isArray(copy)) copy.splice(Math.floor(random() * copy.length), 1);
    else delete copy[pick(keys)];
  } else {
    const k = pick(keys);
    copy[k] = mutate(copy[k]);
  }
  return copy;
}

const byExport = {};
for (const file of Object.values(readVectors())) for (const c of file.cases) (byExport[c.call] ??= []).push(c.args);

const cases = [];
for (const [call, argLists] of Object.entries(byExport)) {
  for (let i = 0; i < perExport; i++) {
    let args = structuredClone(pick(argLists));
    const rounds = 1 + Math.floor(random() * 3);
    for (let r = 0; r < rounds && args.length; r++) {
      const j = Math.floor(random() * args.length);
      args[j] = mutate(args[j]);
    }
    if (call === "mergeKeyterms" && random() < 0.5) args = Array.from({ length: 1 + Math.floor(random() * 3) }, () => Array.from({ length: Math.floor(random() * 8) }, randomText));
    if (call === "slugify" && random() < 0.5) args = [randomText(), random() < 0.5 ? [randomText()] : undefined].filter((a) => a !== undefined);
    cases.push({ name: `${call} #${i}`, call, args, expect: { ok: null } });
  }
}

test(`the native crate and the package in Node (both ways across the boundary) agree on ${cases.length} random cases`, { timeout: 300_000 }, (t) => {
  assert.ok(existsSync(native), "examples/run_cases is built by `cargo test`");
  const dir = join(root, "test-results/differential");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "random.json");
  writeFileSync(file, JSON.stringify({ description: "random differential cases", cases }));
  const parsed = JSON.parse(readFileSync(file, "utf8")); // both sides read the same text
  // A mutated ctx may lose its `ids`: new ids are then random v4 UUIDs, different on every side, so
  // UUIDs an answer has that its case does not give are compared as "random".
  const given = parsed.cases.map((c) => JSON.stringify(c.args));
  const masked = (lines) => lines.map((line, i) => line.replace(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g, (id) => (given[i].includes(id) ? id : "<random v4>")));
  const js = masked(runVectors(api, { "random.json": parsed }).map((r) => r.line));
  const byValue = masked(runVectors(valuePath, { "random.json": parsed }).map((r) => r.line));
  assert.deepEqual(byValue.map((l, i) => [l, js[i]]).filter(([a, b]) => a !== b).slice(0, 3), [], "the marked path and the JSON path agree");
  const rust = masked(execFileSync(native, [file], { encoding: "utf8", maxBuffer: 1 << 30 }).split("\n").filter(Boolean));
  assert.equal(rust.length, js.length);
  const differing = js.map((line, i) => [line, rust[i]]).filter(([a, b]) => a !== b);
  assert.deepEqual(differing.slice(0, 3), [], `${differing.length} of ${js.length} cases differ`);
  const answered = js.filter((l) => l.includes('"output":{"ok"')).length;
  t.diagnostic(`${answered} answered, ${js.length - answered} refused`);
});
