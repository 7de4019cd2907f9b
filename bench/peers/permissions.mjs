// The permission check as users would write it without workspace-rules: Cedar (an authorization
// engine, compiled to WebAssembly), casbin (an RBAC model), and a plain JS object lookup (the floor).
// Every peer is built from the permission matrix as the shared vectors state it (tests/vectors/roles.json),
// not from this package, and is checked to agree with `can` on every cell before it is measured.
import { readFileSync } from "node:fs";
import * as cedar from "@cedar-policy/cedar-wasm/nodejs";
import { newEnforcer, newModelFromString, StringAdapter } from "casbin";

const roles = ["owner", "admin", "member"];

/** `{ role: [actions] }` from the expected output of permissionMatrix() in the shared vectors. */
export function specMatrix() {
  const file = JSON.parse(readFileSync(new URL("../../tests/vectors/roles.json", import.meta.url), "utf8"));
  return file.cases.find((c) => c.call === "permissionMatrix").expect.ok;
}

/** A plain JS lookup table: `table[role][action] === true`. */
export function jsLookup(matrix) {
  const table = Object.fromEntries(roles.map((r) => [r, Object.fromEntries(matrix[r].map((a) => [a, true]))]));
  return (role, action) => table[role]?.[action] === true;
}

/** Cedar: one `permit` per role over the actions it holds. `preparsed` parses the policies once. */
export function cedarPeer(matrix) {
  const staticPolicies = roles
    .map((r) => `permit(principal == Role::"${r}", action in [${matrix[r].map((a) => `Action::"${a}"`).join(", ")}], resource);`)
    .join("\n");
  const parsed = cedar.preparsePolicySet("matrix", { staticPolicies });
  if (parsed.type !== "success") throw new Error(JSON.stringify(parsed.errors));
  const request = (role, action) => ({
    principal: { type: "Role", id: role },
    action: { type: "Action", id: action },
    resource: { type: "Workspace", id: "w" },
    context: {},
    entities: [],
  });
  const decision = (answer) => {
    if (answer.type !== "success") throw new Error(JSON.stringify(answer.errors));
    return answer.response.decision === "allow";
  };
  return {
    preparsed: (role, action) => decision(cedar.statefulIsAuthorized({ ...request(role, action), preparsedPolicySetId: "matrix" })),
    reparsing: (role, action) => decision(cedar.isAuthorized({ ...request(role, action), policies: { staticPolicies } })),
  };
}

/** casbin with an RBAC model: roles inherit (owner → admin → member), each role holds the actions it adds. */
export async function casbinPeer(matrix) {
  const model = newModelFromString(`
[request_definition]
r = sub, act
[policy_definition]
p = sub, act
[role_definition]
g = _, _
[policy_effect]
e = some(where (p.eft == allow))
[matchers]
m = g(r.sub, p.sub) && r.act == p.act
`);
  const lines = ["g, owner, admin", "g, admin, member"];
  const below = { owner: "admin", admin: "member", member: null };
  for (const r of roles) {
    for (const a of matrix[r]) if (!below[r] || !matrix[below[r]].includes(a)) lines.push(`p, ${r}, ${a}`);
  }
  const enforcer = await newEnforcer(model, new StringAdapter(lines.join("\n")));
  return (role, action) => enforcer.enforceSync(role, action);
}
