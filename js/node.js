// workspace-rules: entry for Node.js (ESM); ready on import.
// Reads the .wasm synchronously (wasm-file.js says where from, also when a bundler moved this code).
// scripts/build.mjs bundles this file with the glue and the rules into one pkg/node.js: Node's ES
// module loader spends about 0.5 ms on every file it imports, so one file reaches the first answer
// sooner (BENCHMARKS.md, "Cold start"), and into pkg/node.cjs, the same for `require` on the Node 20
// releases without require(esm). The error class stays its own module for the ESM entries; the
// CommonJS bundle has a copy, and `instanceof` holds across copies (error.js). The bundle has its own
// instance of the glue (import `workspace-rules/web` in Node and it needs `initSync`).
import { initSync } from "./workspace_rules.js";
import { readWasm } from "./wasm-file.js";
initSync({ module: readWasm(import.meta.url) });
export * from "./rules.js";
// Not in the types of this entry (index.d.ts): the running instance, for the package's own tests.
export { default, initSync } from "./workspace_rules.js";
export { WorkspaceRulesError } from "./error.js";
