// workspace-rules: entry for browsers and bundlers (Vite); ready on import.
// Fetches the .wasm next to this file and instantiates it before the module finishes loading
// (top-level await), so the exports are ready to call on import.
import init from "./workspace_rules.js";
await init({ module_or_path: new URL("./workspace_rules_bg.wasm", import.meta.url) });
export * from "./rules.js";
export { default, initSync } from "./workspace_rules.js";
export { WorkspaceRulesError } from "./error.js";
