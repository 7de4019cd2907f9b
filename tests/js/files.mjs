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

/** Bundles `input` (a path under the repository) with the npm packages it imports into `file`, one
 *  ES module for the hosts that cannot resolve packages by name (Chromium's page, workerd); answers
 *  `file`. */
export async function bundleModule(input, file) {
  const { rolldown } = await import("rolldown");
  const bundle = await rolldown({ input: join(root, input), logLevel: "warn" });
  await bundle.write({ file, format: "esm" });
  await bundle.close();
  return file;
}

/** tests/js/properties-host.mjs bundled with fast-check into `file`. */
export const bundleProperties = (file) => bundleModule("tests/js/properties-host.mjs", file);
