// Fuzzing every export of the package with fast-check (a bounded run; `npm run fuzz` runs long):
// each call either returns a value of the export's documented shape or throws a WorkspaceRulesError —
// never another exception, never an abort.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as api from "workspace-rules";
import { anything, deep } from "../js/arbitrary.mjs";

const runs = Number(process.env.FUZZ_RUNS ?? 2000);
const { WorkspaceRulesError } = api;

const isStringList = (v) => Array.isArray(v) && v.every((x) => typeof x === "string");
const isInt = (v) => Number.isSafeInteger(v) && v >= 0;
const isApplied = (v) => v && typeof v.state === "object" && typeof v.state.workspace === "object" && Array.isArray(v.state.members) && Array.isArray(v.events);
/** A decision: keys in order; allowed ⇔ status 200 ⇔ no error. */
const isDecision = (v) =>
  v && typeof v.allowed === "boolean" && Object.keys(v).join() === (v.allowed ? "allowed,action,status" : "allowed,action,status,error") &&
  (v.allowed ? v.status === 200 : Number.isInteger(v.status) && v.error.status === v.status && Array.isArray(v.error.errors));
/** A form check's answer: `{ ok, errors }`, ok exactly when there is no problem. */
function isValidation(v) {
  return v && typeof v.ok === "boolean" && Array.isArray(v.errors) && v.ok === (v.errors.length === 0);
}

/** The documented shape of each export's answer. A new export fails here until its shape is added. */
export const shapes = {
  roles: isStringList,
  actions: isStringList,
  permissionMatrix: (v) => v && ["owner", "admin", "member"].every((r) => isStringList(v[r])),
  can: (v) => typeof v === "boolean",
  slugify: (v) => typeof v === "string" && /^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(v) && v.length <= 63,
  normalizeTestCallerNumbers: (v) => v && isStringList(v.numbers) && v.numbers.every((n) => /^\+[1-9]\d{7,14}$/.test(n)),
  callCost: (v) => v && isInt(v.billed_seconds) && isInt(v.cost),
  creditStatus: (v) => v === null || (v && Object.keys(v).join() === "period_start,period_end,monthly_credits,carried_over,available,used,remaining,overage,percent_used,exhausted,by_meter,thresholds_reached,next_threshold" &&
    ["monthly_credits", "carried_over", "available", "used", "remaining", "overage", "percent_used"].every((k) => isInt(v[k])) &&
    v.remaining - v.overage === v.available - v.used && v.exhausted === (v.remaining === 0)),
  createWorkspace: isApplied,
  apply: isApplied,
  invitationStatus: (v) => ["pending", "accepted", "declined", "revoked", "expired"].includes(v),
  previewInvitation: (v) => v && Object.keys(v).join() === "workspace_name,role,expires_at,status",
  validateVoiceSettings: isValidation,
  validateCommandFields: isValidation,
  /** A Standard Schema object; its validate is fuzzed below. */
  commandFieldsSchema: (v) => v && v["~standard"]?.version === 1 && typeof v["~standard"].validate === "function",
  updateVoiceSettings: (v) => v && typeof v.settings === "object" && isStringList(v.changed),
  effectiveVoiceSettings: (v) => v && typeof v.sources === "object" && typeof v.speed === "number" && isStringList(v.keyterms),
  mergeKeyterms: (v) => v && isStringList(v.keyterms) && v.keyterms.length <= 200 && Array.isArray(v.dropped),
  checkRequest: isDecision,
  authorize: isDecision,
  capabilities: (v) => v && Object.keys(v).join() === "role,member,workspace,invite,members,invitations" &&
    typeof v.member === "boolean" && Object.values(v.workspace).every((e) => typeof e.allowed === "boolean"),
  confirmDelete: (v) => v === true,
  switchWorkspace: (v) => v && typeof v.workspace === "object" && ["owner", "admin", "member"].includes(v.role),
  listWorkspaces: (v) => Array.isArray(v) && v.every((w) => w && w.workspace.status === "active" && typeof w.role === "string"),
  resolveTone: (v) => v && typeof v.tone === "string" && [0, 1, 2, 3].includes(v.tier) && typeof v.source === "string",
  catalog: (v) => v && Object.keys(v).join() === "voice_fields,roles,actions,error_codes,limits" && v.voice_fields.length === 13,
  /** A prepared workspace (freed here: its own methods are fuzzed below). */
  prepareWorkspace: (v) => {
    const ok = v && ["checkRequest", "authorize", "previewInvitation", "capabilities", "free"].every((m) => typeof v[m] === "function");
    v?.free?.();
    return ok;
  },
};

const exportsUnderTest = Object.entries(api).filter(([name, f]) => typeof f === "function" && !["default", "initSync", "WorkspaceRulesError"].includes(name));

test("every export has a documented shape to fuzz against", () => {
  assert.deepEqual(exportsUnderTest.map(([n]) => n).filter((n) => !(n in shapes)), []);
});

/** Calls `fn` and classifies the outcome; anything but a shaped answer or a refusal is a failure. */
export function outcome(name, fn, args) {
  let value;
  try {
    value = fn(...args);
  } catch (e) {
    if (e instanceof WorkspaceRulesError && typeof e.code === "string" && Number.isInteger(e.status) && Array.isArray(e.errors) && e.errors.length > 0) return "refused";
    throw new Error(`${name} threw something other than a WorkspaceRulesError: ${e?.name}: ${e?.message}`);
  }
  if (!shapes[name](value)) throw new Error(`${name} returned an undocumented shape: ${JSON.stringify(value)}`);
  return "answered";
}

for (const [name, fn] of exportsUnderTest) {
  test(`fuzz ${name}: ${runs} calls with arbitrary arguments`, () => {
    const arity = Math.max(fn.length, 1);
    fc.assert(fc.property(fc.array(anything, { minLength: 0, maxLength: arity + 1 }), (args) => {
      outcome(name, fn, args);
    }), { numRuns: runs, seed: 20261123 });
    // And the edges no generator is likely to hit: deep nesting and a large string.
    for (const extreme of [deep(10_000), "x".repeat(1 << 20)]) {
      for (let i = 0; i < arity; i++) outcome(name, fn, Array.from({ length: arity }, (_, j) => (j === i ? extreme : undefined)));
    }
  });
}

test(`fuzz the Standard Schemas: ${runs} values each, { value } as given or { issues } with paths`, () => {
  const schemas = [api.voiceSettingsPatchSchema, api.workspaceUpdateSchema, api.invitationSchema, api.commandFieldsSchema("record_usage")];
  for (const schema of schemas) {
    fc.assert(fc.property(anything, (value) => {
      let result;
      try {
        result = schema["~standard"].validate(value);
      } catch (e) {
        if (!(e instanceof WorkspaceRulesError && e.errors.length > 0)) throw e;
        return; // a value that cannot be read (a throwing getter…) is refused like everywhere
      }
      if ("issues" in result) {
        assert.ok(result.issues.length > 0 && result.issues.every((i) => typeof i.message === "string" && Array.isArray(i.path) && typeof i.code === "string"));
      } else {
        assert.ok(Object.is(result.value, value));
      }
    }), { numRuns: runs, seed: 20261203 });
  }
});

test(`fuzz a prepared workspace's methods: ${runs} calls each with arbitrary arguments, and after free()`, () => {
  const ctx = { actor_id: "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01", actor_email: "ana@example.com", now: "2026-11-22T10:00:00.000Z", account_role: "owner" };
  const prepared = api.prepareWorkspace(api.createWorkspace({ name: "Fuzz", environment: "production" }, ctx).state);
  const methods = { checkRequest: shapes.checkRequest, authorize: shapes.authorize, previewInvitation: shapes.previewInvitation, capabilities: shapes.capabilities };
  const call = (method, args) => {
    try {
      const value = prepared[method](...args);
      if (!methods[method](value)) throw new Error(`${method} returned an undocumented shape: ${JSON.stringify(value)}`);
    } catch (e) {
      if (!(e instanceof WorkspaceRulesError && e.errors.length > 0)) throw e;
    }
  };
  for (const method of Object.keys(methods)) {
    fc.assert(fc.property(fc.array(anything, { minLength: 0, maxLength: 3 }), (args) => call(method, args)), { numRuns: runs, seed: 20261202 });
  }
  prepared.free();
  for (const method of Object.keys(methods)) assert.throws(() => prepared[method]("x", "y"), (e) => e.code === "prepared_workspace_freed");
});
