// workspace-rules: entry for workerd / Cloudflare Workers; ready on import.
// The runtime hands a .wasm import over as a compiled WebAssembly.Module.
import wasmModule from "./workspace_rules_bg.wasm";
import { initSync } from "./workspace_rules.js";
initSync({ module: wasmModule });
export * from "./rules.js";
export { default, initSync } from "./workspace_rules.js";
export { WorkspaceRulesError } from "./error.js";
