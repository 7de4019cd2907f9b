// A server entry bundled by esbuild (`--bundle --platform=node --format=esm`): the package inside the bundle.
import { can, slugify, WorkspaceRulesError } from "workspace-rules";
let refusal;
try {
  can("boss", "members.invite");
} catch (e) {
  refusal = e instanceof WorkspaceRulesError && e.code;
}
console.log(JSON.stringify({ invite: can("admin", "members.invite"), slug: slugify("Équipe Réseau"), refusal }));
