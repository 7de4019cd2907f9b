// The package's other way in, for every export and any arguments: marked JSON text (js/fast-paths.js
// `viaMarked`, behind the guard), which the package takes for arguments that are not plain JSON data.
// Asked here of a second instance of the module (the package's Node entry is one bundled file with its
// own), the tests compare it with the package's own choice (JSON text for plain data).
import { readFileSync } from "node:fs";

/** { exportName: (...args) => answer, WorkspaceRulesError } for the package in `pkgDir` (a URL). */
export async function markedPath(pkgDir) {
  const load = (file) => import(new URL(file, pkgDir).href);
  const glue = await load("workspace_rules.js");
  const { viaMarked } = await load("fast-paths.js");
  const { guard } = await load("guard.js");
  const { EXPORT_ID } = await load("generated.js");
  const { WorkspaceRulesError } = await load("error.js");
  glue.initSync({ module: readFileSync(new URL("workspace_rules_bg.wasm", pkgDir)) });
  const api = { WorkspaceRulesError };
  for (const [name, id] of Object.entries(EXPORT_ID)) {
    api[name] = (...args) => {
      try {
        return viaMarked(id, args);
      } catch (e) {
        throw guard(e);
      }
    };
  }
  return api;
}
