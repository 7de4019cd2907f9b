// A Worker as wrangler bundles it: the package by name (its `workerd` condition), the .wasm left to
// the runtime as a module of its own.
import { can, slugify, WorkspaceRulesError } from "workspace-rules";

export default {
  fetch() {
    let refusal;
    try {
      can("boss", "members.invite");
    } catch (e) {
      refusal = e instanceof WorkspaceRulesError && e.code;
    }
    return Response.json({ invite: can("admin", "members.invite"), slug: slugify("Équipe Réseau"), refusal });
  },
};
