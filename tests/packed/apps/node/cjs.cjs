// Node CommonJS, as a user writes it: `require` by name, ready on return (no require(esm) needed).
const { can, slugify, WorkspaceRulesError } = require("workspace-rules");
let refusal;
try {
  can("boss", "members.invite");
} catch (e) {
  refusal = e instanceof WorkspaceRulesError && e.code;
}
console.log(JSON.stringify({ invite: can("admin", "members.invite"), slug: slugify("Équipe Réseau"), refusal }));
