// The page of vite-auto, built with the package's Vite plugin (vite.config.js): Vite 5 too, and the .wasm preloaded.
import { can, slugify, WorkspaceRulesError } from "workspace-rules";
let refusal;
try {
  can("boss", "members.invite");
} catch (e) {
  refusal = e instanceof WorkspaceRulesError && e.code;
}
document.getElementById("out").textContent = JSON.stringify({ invite: can("admin", "members.invite"), slug: slugify("Équipe Réseau"), refusal });
