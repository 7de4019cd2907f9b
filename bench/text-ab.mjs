// Side-by-side comparison of builds of the package on the calls that normalize text (NFC of terms
// that are not already in NFC or that need the quick check, NFKD of slugs), interleaved round by
// round as bench/ab.mjs does. BENCHMARKS.md's normalization A/B comes from this.
//
//   node bench/text-ab.mjs pkg /tmp/pkg-other [...]
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { listA, listB } from "./fixtures.mjs";
import { interleaved, micros } from "./interleave.mjs";

const dirs = process.argv.slice(2);
if (dirs.length === 0) throw new Error("usage: node bench/text-ab.mjs PKG_DIR [PKG_DIR ...]");
const apis = [];
for (const d of dirs) apis.push(await import(pathToFileURL(resolve(d, "node.js")).href));

// Decomposed Latin (each composes), precomposed Vietnamese (in NFC, but past the fast path), and
// Devanagari, Hebrew and Arabic with their marks.
const decomposed = ["Cafe\u0301", "nai\u0308ve", "Cre\u0300me bru\u0302le\u0301e", "Sto\u0308rung", "A\u030Angstro\u0308m", "Vie\u0323\u0302t Nam"];
const composed = ["Việt Nam", "Hà Nội", "Thành phố Hồ Chí Minh", "हिंदी परिणाम", "שָׁלוֹם", "نَتَائِج", "ỦY BAN"];
const list = (words, i0) => Array.from({ length: 200 }, (_, i) => `${words[(i + i0) % words.length]} ${i}`);
const nfdA = list(decomposed, 0);
const nfdB = nfdA.map((t, i) => (i % 2 ? t.toUpperCase() : `  ${t}  x`));
const nfcA = list(composed, 0);
const nfcB = nfcA.map((t, i) => (i % 2 ? t.toUpperCase() : `  ${t}  x`));
const names = ["Crème Brûlée Équipe", "Ｆｕｌｌｗｉｄｔｈ １２", "Ünïcödé ﬁnance", "Hà Nội Support", "Straße Team"];
let n = 0;
const cases = {
  "merge 2 × 200": [(a) => a.mergeKeyterms(listA, listB), 60],
  "merge decomposed": [(a) => a.mergeKeyterms(nfdA, nfdB), 40],
  "merge marks, NFC": [(a) => a.mergeKeyterms(nfcA, nfcB), 40],
  "slugify accented": [(a) => a.slugify(names[(n = (n + 1) % names.length)], null), 5000],
};
// ROUNDS=N for more rounds on a busy machine (default 15, the first 3 dropped).
const rounds = Number(process.env.ROUNDS ?? 15);
const medians = interleaved(
  Object.fromEntries(
    Object.entries(cases).flatMap(([name, [call, k]]) => apis.map((api, j) => [`${name}\0${j}`, [() => call(api), k]])),
  ),
  rounds,
);
for (const name of Object.keys(cases)) {
  const base = medians[`${name}\0${0}`];
  const cells = dirs.map((d, j) => `${d}: ${micros(medians[`${name}\0${j}`])}${j ? ` (${(medians[`${name}\0${j}`] / base).toFixed(2)}×)` : ""}`);
  console.log(name.padEnd(20), cells.join("   "));
}
