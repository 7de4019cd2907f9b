// workspace-rules/web: the types of the entry that loads when told (`init()` or `initSync()` before
// the first rule); every rule is index.d.ts's.
export * from "./index.js";

/** Where `init` finds the .wasm: its URL (a request), a response, its bytes or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** What `initSync` takes: the bytes of the .wasm or a compiled module. */
export type SyncInitInput = BufferSource | WebAssembly.Module;

/** The running instance. */
export interface InitOutput {
  readonly memory: WebAssembly.Memory;
}

/**
 * Loads the module; the rules work once it resolves. Without `module_or_path`, fetches
 * `workspace_rules_bg.wasm` next to this file (`new URL(…, import.meta.url)`). Give it a URL (a
 * bundler's `?url` import, a preloaded path) or a `fetch(…)` started earlier to load sooner. Calling
 * it again resolves to the same instance.
 */
export default function init(options?: { module_or_path?: InitInput | Promise<InitInput> }): Promise<InitOutput>;

/** Loads the module synchronously from its bytes or a compiled module; the rules work on return. */
export function initSync(options: { module: SyncInitInput }): InitOutput;
