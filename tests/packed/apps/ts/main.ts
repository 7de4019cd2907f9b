// A TypeScript consumer of the packed tarball (strict), under nodenext and under bundler resolution.
import { can, slugify, apply, catalog, WorkspaceRulesError, type ErrorCode, type Decision, type WorkspaceState, type Context } from "workspace-rules";
import init, { initSync } from "workspace-rules/web";

const allowed: boolean = can("admin", "members.invite");
const slug: string = slugify("Équipe Réseau");
const code: ErrorCode = catalog().error_codes[0].code;
// @ts-expect-error: a typo'd error code
const typo: ErrorCode = "last_ownr";
// @ts-expect-error: not a role
can("boss", "members.invite");
const error = new WorkspaceRulesError("forbidden", 403, "No.");
declare const state: WorkspaceState;
declare const ctx: Context;
const billed: number = apply(state, { type: "record_call", duration_seconds: 1 }, ctx).call.billed_seconds;
// @ts-expect-error: a field of another command
apply(state, { type: "provision", slug: "x" }, ctx);
declare const decision: Decision;
const why: ErrorCode | undefined = decision.allowed ? undefined : decision.error.code;
const ready: Promise<unknown> = init();
export { allowed, slug, code, typo, error, billed, why, ready, initSync };
