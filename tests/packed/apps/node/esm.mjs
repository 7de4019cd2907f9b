// Node ESM, as a user writes it: the package by name, ready on import.
import { can, slugify, WorkspaceRulesError } from "workspace-rules";
let refusal;
try {
  can("boss", "members.invite");
} catch (e) {
  refusal = e instanceof WorkspaceRulesError && e.code;
}
console.log(JSON.stringify({ invite: can("admin", "members.invite"), slug: slugify("Équipe Réseau"), refusal }));
