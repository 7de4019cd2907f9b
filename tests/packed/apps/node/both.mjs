// One program with both entries (an ES module importing a CommonJS dependency that requires the
// package): a refusal of either is a WorkspaceRulesError of the other.
import { createRequire } from "node:module";
import * as esm from "workspace-rules";
const cjs = createRequire(import.meta.url)("workspace-rules");
const thrown = (api) => {
  try {
    api.can("boss", "members.invite");
  } catch (e) {
    return e;
  }
};
console.log(JSON.stringify({
  distinct: esm.WorkspaceRulesError !== cjs.WorkspaceRulesError,
  crossed: thrown(cjs) instanceof esm.WorkspaceRulesError && thrown(esm) instanceof cjs.WorkspaceRulesError,
  plain: new Error("x") instanceof esm.WorkspaceRulesError,
}));
