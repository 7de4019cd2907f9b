// Where Node's entries read the .wasm from. As the package ships, it is next to this module
// (`new URL(…, import.meta.url)`). A bundler that moves this code into a bundle elsewhere (esbuild
// `--bundle --platform=node`, a server build) leaves the .wasm behind: then the package as Node
// resolves it from the bundle's folder, then from the working directory. `WORKSPACE_RULES_WASM`, a
// path, goes before all of them (a bundle deployed without node_modules, the .wasm copied anywhere).
// No rules here: only which file to read.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const FILE = "workspace_rules_bg.wasm";

/** The bytes of the .wasm, for an entry whose own URL is `here` (its import.meta.url, or a file URL of __filename). */
export function readWasm(here) {
  const env = typeof process === "object" ? process.env?.WORKSPACE_RULES_WASM : undefined;
  const places = [
    ...(env ? [() => env] : []),
    () => new URL(FILE, here),
    () => createRequire(here).resolve(`workspace-rules/${FILE}`),
    () => createRequire(join(process.cwd(), "noop.js")).resolve(`workspace-rules/${FILE}`),
  ];
  const tried = [];
  for (const place of places) {
    let where;
    try {
      where = place();
      return readFileSync(where);
    } catch {
      if (where !== undefined) tried.push(String(where));
    }
  }
  throw new Error(
    `workspace-rules: cannot find ${FILE}: not at ${tried.join(" nor at ")}, and no package workspace-rules ` +
      `resolves from ${here} or from ${process.cwd()}. Copy node_modules/workspace-rules/${FILE} next to ` +
      `the bundle, or set WORKSPACE_RULES_WASM to its path.`,
  );
}
