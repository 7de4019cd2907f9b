// A page that only imports the package (the entry that is ready on import, top-level await).
import { can, slugify, WorkspaceRulesError } from "workspace-rules";
let refusal;
try {
  can("boss", "members.invite");
} catch (e) {
  refusal = e instanceof WorkspaceRulesError && e.code;
}
document.getElementById("out").textContent = JSON.stringify({ invite: can("admin", "members.invite"), slug: slugify("Équipe Réseau"), refusal });
