// A Vite app importing the package exactly as docs/guides/javascript.md shows; no plugin, no init call.
import { can, permissionMatrix, WorkspaceRulesError } from "workspace-rules";

let refusal = "";
try {
  can("boss", "workspace.view");
} catch (e) {
  refusal = e instanceof WorkspaceRulesError ? e.code : `not a WorkspaceRulesError: ${e}`;
}
document.getElementById("out").textContent = JSON.stringify({
  invite: can("admin", "members.invite"),
  archive: can("admin", "workspace.archive"),
  member: permissionMatrix().member.length,
  refusal,
});
