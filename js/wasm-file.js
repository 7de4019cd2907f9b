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
  let env;
  try {
    env = process.env.WORKSPACE_RULES_WASM;
  } catch {
    // Deno without --allow-env refuses to read it: then it is not set.
  }
  const places = [
    ...(env ? [() => env] : []),
    () => new URL(FILE, here),
    () => createRequire(here).resolve(`workspace-rules/${FILE}`),
    () => createRequire(join(process.cwd(), "noop.js")).resolve(`workspace-rules/${FILE}`),
  ];
  const tried = [];
  let refused;
  for (const place of places) {
    let where;
    try {
      where = place();
      return readFileSync(where);
    } catch (e) {
      if (where === undefined) continue;
      tried.push(String(where));
      if (e?.code !== "ENOENT" && e?.code !== "ENOTDIR") refused ??= e;
    }
  }
  if (refused) {
    throw new Error(`workspace-rules: reading ${FILE} was refused (${refused.message}). Deno needs --allow-read.`, { cause: refused });
  }
  throw new Error(
    `workspace-rules: cannot find ${FILE}: not at ${tried.join(" nor at ")}, and no package workspace-rules ` +
      `resolves from ${here} or from ${process.cwd()}. Copy node_modules/workspace-rules/${FILE} next to ` +
      `the bundle, or set WORKSPACE_RULES_WASM to its path.`,
  );
}
