// A small TypeScript consumer, type-checked (tsc --noEmit) against the package's .d.ts in npm test.
import init, { callCost, can, roles, actions, normalizeTestCallerNumbers, permissionMatrix, slugify, WorkspaceRulesError } from "workspace-rules";
import type { Action, CallCost, MinutesAllocation, PermissionMatrix, Role, WorkspaceRulesProblem } from "workspace-rules";

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

const slug: string = slugify("Client A Support", ["client-a-support"]);
const numbers: string[] = normalizeTestCallerNumbers(["+1 (555) 010-9999"]).numbers;
const allocation: MinutesAllocation = { source_id: "pool", minutes: 100, cost_per_minute: 10, pulse_seconds: 6, currency: "USD" };
const cost: CallCost = callCost(allocation, 61);
// @ts-expect-error: a duration is a number
callCost(allocation, "61");

// The web build's init is typed too (a no-op once the module is ready).
const ready: Promise<unknown> = init();

export { allowed, everything, adminActions, describe, ready, slug, numbers, cost };
