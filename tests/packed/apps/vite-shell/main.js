// "Render the shell, then load the rules" (the package README): workspace-rules/web has no top-level
// await, so this module runs at once. The .wasm's URL comes from the bundler (`?url`, hashed in a
// build, served as it is by the dev server), and its fetch starts before anything renders.
import init, { can, slugify, WorkspaceRulesError } from "workspace-rules/web";
import wasmUrl from "workspace-rules/workspace_rules_bg.wasm?url";

const ready = init({ module_or_path: wasmUrl });
document.getElementById("shell").textContent = "Team";
const shellAt = performance.now();

ready.then(() => {
  let refusal;
  try {
    can("boss", "members.invite");
  } catch (e) {
    refusal = e instanceof WorkspaceRulesError && e.code;
  }
  const rulesAt = performance.now();
  document.getElementById("out").textContent = JSON.stringify({
    invite: can("admin", "members.invite"), slug: slugify("Équipe Réseau"), refusal, shellFirst: shellAt < rulesAt,
  });
});
