// workspace-rules: entry for Node.js (ESM); ready on import.
// Reads the .wasm from disk synchronously. scripts/build.mjs bundles this file with the glue and the
// rules into one pkg/node.js: Node's ES module loader spends about 0.5 ms on every file it imports,
// so one file reaches the first answer sooner (BENCHMARKS.md, "Cold start"). The error class stays its
// own module, shared by every entry, so `instanceof` holds across them; the bundle has its own
// instance of the glue (import `workspace-rules/web` in Node and it needs `initSync`).
import { readFileSync } from "node:fs";
import { initSync } from "./workspace_rules.js";
initSync({ module: readFileSync(new URL("./workspace_rules_bg.wasm", import.meta.url)) });
export * from "./rules.js";
export { default, initSync } from "./workspace_rules.js";
export { WorkspaceRulesError } from "./error.js";
