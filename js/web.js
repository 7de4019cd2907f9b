// workspace-rules: the web build; call init() before the first rule.
// For a plain page without a bundler, or any host that wants to choose when and how to load the .wasm:
// `await init()` (or `initSync({ module })`) first.
export * from "./rules.js";
export { default, initSync } from "./workspace_rules.js";
export { WorkspaceRulesError } from "./error.js";
