// workspace-rules/vite: the Vite plugin of the package (js/vite.js says what it does).
import type { Plugin } from "vite";

export interface WorkspaceRulesPluginOptions {
  /** A `<link rel="preload">` of the .wasm in every built page (default true). */
  preload?: boolean;
}

/** Builds and serves the package in Vite 5 and later with their default configuration, and preloads its .wasm. */
export default function workspaceRules(options?: WorkspaceRulesPluginOptions): Plugin;
