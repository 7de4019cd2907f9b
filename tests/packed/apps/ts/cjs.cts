// A CommonJS TypeScript file under nodenext: `require` gets the CommonJS declarations (index.d.cts).
import rules = require("workspace-rules");
const allowed: boolean = rules.can("admin", "members.invite");
export = allowed;
