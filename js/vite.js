// workspace-rules/vite: the Vite plugin of the package (`plugins: [workspaceRules()]`). No rules
// here: only how Vite should build and serve the package.
// - build.target "es2022" unless the config sets one: the entry that is ready on import uses top-level
//   await, which Vite 5 and 6 refuse under their default target (Vite 7 and later accept it).
// - optimizeDeps.exclude the package: the dev server's pre-bundling moves the entries away from the
//   .wasm their `new URL(…, import.meta.url)` names (and Vite 5's refuses the top-level await).
// - In a build, a `<link rel="preload">` of the emitted .wasm at the top of every page's <head>: the
//   browser fetches it with the page's scripts instead of once they have run.
const WASM = /(^|\/)workspace_rules_bg[^/]*\.wasm$/;

export default function workspaceRules({ preload = true } = {}) {
  let base = "/";
  return {
    name: "workspace-rules",
    config(user) {
      return {
        ...(user.build?.target === undefined ? { build: { target: "es2022" } } : {}),
        optimizeDeps: { exclude: ["workspace-rules"] },
      };
    },
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        if (!preload || !ctx.bundle) return html;
        const asset = Object.values(ctx.bundle).find((file) => file.type === "asset" && WASM.test(file.fileName));
        if (!asset) return html;
        const attrs = { rel: "preload", href: base + asset.fileName, as: "fetch", type: "application/wasm", crossorigin: "" };
        return { html, tags: [{ tag: "link", attrs, injectTo: "head-prepend" }] };
      },
    },
  };
}
