// A small TypeScript consumer, type-checked (tsc --noEmit) against the package's .d.ts in npm test.
import init, { can, roles, actions, permissionMatrix, WorkspaceRulesError } from "workspace-rules";
import type { Action, PermissionMatrix, Role, WorkspaceRulesProblem } from "workspace-rules";

const role: Role = roles()[0];
const allowed: boolean = can(role, "members.invite");
const everything: Action[] = actions();
const matrix: PermissionMatrix = permissionMatrix();
const adminActions: Action[] = matrix.admin;

// @ts-expect-error: not a role
can("boss", "members.invite");
// @ts-expect-error: not an action
can("owner", "members.fly");

function describe(e: unknown): string {
  if (e instanceof WorkspaceRulesError) {
    const problems: WorkspaceRulesProblem[] = e.errors;
    const status: number = e.status;
    return `${e.code} (${status}): ${e.message} at ${problems.map((p) => p.path).join(", ")}`;
  }
  return String(e);
}

// The web build's init is typed too (a no-op once the module is ready).
const ready: Promise<unknown> = init();

export { allowed, everything, adminActions, describe, ready };
