// Node-side helpers of the JS hosts: read the vector files, write a host's outputs.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** { "roles.json": {...}, ... } */
export function readVectors() {
  const dir = join(root, "tests/vectors");
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8"))]),
  );
}

/** Writes test-results/vectors/<host>.jsonl, one canonical output line per case. */
export function writeHostOutputs(host, results) {
  const dir = join(root, "test-results/vectors");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${host}.jsonl`), results.map((r) => r.line + "\n").join(""));
}

/** Bundles tests/js/properties-host.mjs with fast-check into `file` (one ES module), for Chromium and
 *  workerd; answers `file`. */
export async function bundleProperties(file) {
  const { rolldown } = await import("rolldown");
  const bundle = await rolldown({ input: join(root, "tests/js/properties-host.mjs"), logLevel: "warn" });
  await bundle.write({ file, format: "esm" });
  await bundle.close();
  return file;
}
