// Writes roles.json from the permission table of `docs/rules/roles.md`, transcribed here by hand (x = allowed),
// independently of the crate's own encoding. Run: node tests/vectors/generate-roles.mjs
import { writeFileSync } from "node:fs";

//            action                      owner admin member
const table = `
workspace.view                 x x x
workspace.update               x x .
workspace.provision            x x .
workspace.archive              x . .
workspace.delete               x . .
workspace.create               x . .
members.view                   x x x
members.invite                 x x .
members.remove                 x x .
members.update_role            x x .
invitations.view               x x .
invitations.revoke             x x .
agents.view                    x x x
agents.create                  x x x
agents.update                  x x x
agents.delete                  x x x
knowledge_bases.view           x x x
knowledge_bases.connect        x x x
knowledge_bases.create         x . .
phone_numbers.view             x x x
phone_numbers.manage           x x .
voice_settings.view            x x x
voice_settings.update          x x .
test_numbers.view              x x x
test_numbers.manage            x x .
integrations.view              x x x
integrations.manage            x x .
api_keys.manage                x x .
webhooks.manage                x x .
calls.outbound                 x x x
usage.view                     x x x
billing.view                   x x .
audit.view                     x x .
analytics.view                 x x .
billing.manage                 x . .
minutes.allocate               x . .
audit.export                   x . .`;

const roles = ["owner", "admin", "member"];
const rows = table.trim().split("\n").map((line) => {
  const [action, ...marks] = line.trim().split(/\s+/);
  return { action, allowed: marks.map((m) => m === "x") };
});

const problem = (code, path) => ({ code, path });
const error = (code, status, ...errors) => ({ error: { code, status, errors } });

const cases = [
  { name: "roles, highest rank first", call: "roles", args: [], expect: { ok: roles } },
  { name: "actions, in table order", call: "actions", args: [], expect: { ok: rows.map((r) => r.action) } },
  {
    name: "the permission matrix",
    call: "permissionMatrix",
    args: [],
    expect: { ok: Object.fromEntries(roles.map((role, i) => [role, rows.filter((r) => r.allowed[i]).map((r) => r.action)])) },
  },
  ...rows.flatMap((r) =>
    roles.map((role, i) => ({
      name: `${role} ${r.allowed[i] ? "may" : "may not"} ${r.action}`,
      call: "can",
      args: [role, r.action],
      expect: { ok: r.allowed[i] },
    })),
  ),
];

const unknownRole = (path = "/role") => problem("unknown_role", path);
const unknownAction = (path = "/action") => problem("unknown_action", path);
const badType = (path) => problem("invalid_type", path);
const refusals = [
  ["an unknown role", ["boss", "workspace.view"], error("unknown_role", 400, unknownRole())],
  ["role names are case-sensitive", ["Owner", "workspace.view"], error("unknown_role", 400, unknownRole())],
  ["an empty role", ["", "workspace.view"], error("unknown_role", 400, unknownRole())],
  ["a role with white space", [" admin", "workspace.view"], error("unknown_role", 400, unknownRole())],
  ["an unknown action", ["owner", "workspace.fly"], error("unknown_action", 400, unknownAction())],
  ["action names are case-sensitive", ["owner", "Workspace.View"], error("unknown_action", 400, unknownAction())],
  ["a resource without a verb", ["owner", "workspace"], error("unknown_action", 400, unknownAction())],
  ["both unknown: both reported", ["boss", "fly"], error("unknown_role", 400, unknownRole(), unknownAction())],
  ["a number for a role", [42, "workspace.view"], error("invalid_type", 400, badType("/role"))],
  ["undefined for a role", [{ $js: "undefined" }, "workspace.view"], error("invalid_type", 400, badType("/role"))],
  ["null for an action", ["owner", null], error("invalid_type", 400, badType("/action"))],
  ["an object for a role", [{ role: "owner" }, "workspace.view"], error("invalid_type", 400, badType("/role"))],
  ["an array for an action", ["owner", ["workspace.view"]], error("invalid_type", 400, badType("/action"))],
  ["a boolean for a role", [true, "workspace.view"], error("invalid_type", 400, badType("/role"))],
  ["NaN for a role", [{ $js: "NaN" }, "workspace.view"], error("invalid_type", 400, badType("/role"))],
  ["a BigInt for an action", ["owner", { $js: "bigint" }], error("invalid_type", 400, badType("/action"))],
  ["a symbol for an action", ["owner", { $js: "symbol" }], error("invalid_type", 400, badType("/action"))],
  ["a function for a role", [{ $js: "function" }, "workspace.view"], error("invalid_type", 400, badType("/role"))],
  ["no arguments", [], error("invalid_type", 400, badType("/role"), badType("/action"))],
  ["a wrong type and an unknown action", [7, "nope"], error("invalid_type", 400, badType("/role"), unknownAction())],
];
for (const [name, args, expect] of refusals) cases.push({ name, call: "can", args, expect });

const file = {
  description: "`docs/rules/roles.md`: roles(), actions(), permissionMatrix() and every cell of the matrix through can(), plus its refusals.",
  cases,
};
writeFileSync(new URL("./roles.json", import.meta.url), JSON.stringify(file, null, 2) + "\n");
console.log(`roles.json: ${cases.length} cases`);
