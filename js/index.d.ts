// workspace-rules: the types of every entry. The declarations themselves are wasm-bindgen's, made from
// the Rust exports' doc comments and `unchecked_param_type`s (src/boundary/wasm.rs).
export * from "./workspace_rules.js";
export { default, initSync } from "./workspace_rules.js";
