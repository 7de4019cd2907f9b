// A small TypeScript consumer, type-checked (tsc --noEmit) against the package's .d.ts in npm test.
import {
  can, roles, actions, permissionMatrix, WorkspaceRulesError,
  createWorkspace, apply, invitationStatus, previewInvitation,
  callCost, normalizeTestCallerNumbers, slugify,
  validateVoiceSettings, updateVoiceSettings, effectiveVoiceSettings, mergeKeyterms, resolveTone,
  checkRequest, authorize, confirmDelete, switchWorkspace, listWorkspaces, prepareWorkspace, creditStatus, capabilities,
  validateCommandFields, voiceSettingsPatchSchema, invitationSchema, workspaceUpdateSchema, commandFieldsSchema, catalog,
} from "workspace-rules";
import init, { initSync } from "workspace-rules/web";
import type {
  Action, PermissionMatrix, Role, WorkspaceRulesProblem,
  ApplyResult, AuditEvent, Command, Context, Invitation, InvitationPreview, InvitationStatus, Member,
  WorkspaceState, CallCost, MinutesAllocation,
  VoiceSettings, VoiceSettingsPatch, VoiceSettingsField, VoiceSettingsValidation, VoiceSettingsUpdate,
  EffectiveVoiceSettings, VoiceSettingsLayer, LayerDroppedKeyterm, KeytermMergeResult, DroppedKeyterm, ToneInput, ToneResult,
  Tone, EmpathyTier, ToneSource,
  Decision, RuleRequest, RequestContext, PreparedWorkspace, WorkspaceMembership, WorkspaceAccess, RecordedCall, StoredMinutesAllocation,
  CreditAllowance, CreditStatus, Credits, Meter, CapabilityEntry,
} from "workspace-rules";

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

// `docs/rules/workspace.md`, `docs/rules/invitations.md`, `docs/rules/commands.md`: the command API is typed end to end.
const ctx: Context = { actor_id: "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01", actor_email: "ana@example.com", now: "2026-11-22T10:00:00.000Z", account_role: "owner" };
const created: ApplyResult = createWorkspace({ name: "Client A Support", environment: "production" }, ctx);
const state: WorkspaceState = created.state;
const owner: Member = state.members[0];
// Issue 22: accepting needs the verified email; without it the refusal is validation_failed, which an
// entry's code names.
const unverifiedCaps = capabilities(state, { actor_id: ctx.actor_id, now: ctx.now });
const acceptEntry = Object.values(unverifiedCaps.invitations)[0]?.accept;
const needsEmail: boolean = acceptEntry?.allowed === false && acceptEntry.code === "validation_failed" && acceptEntry.status === 422;
// @ts-expect-error: an entry's code is an ErrorCode
const notACode: CapabilityEntry = { allowed: false, code: "email_missing", status: 422, message: "" };
// Issue 22: the owner's display name, given at creation.
const named: ApplyResult = createWorkspace({ name: "Client A Support", environment: "production", owner_display_name: "Ana" }, ctx);
const unnamed: ApplyResult = createWorkspace({ name: "Client A Support", environment: "production", owner_display_name: null }, ctx);
// @ts-expect-error: a display name is a string
createWorkspace({ name: "Client A Support", environment: "production", owner_display_name: 42 }, ctx);
const invite: Command = { type: "invite_member", email: "bo@example.com", role: "admin" };
const next: ApplyResult = apply(state, invite, ctx);
const sent: AuditEvent = next.events[0];
// Each event type has its own metadata (generated from the Rust EventType::shape table).
if (sent.type === "workspace.invitation_sent") {
  const resent: boolean = sent.metadata.resent;
  const invitationId: string = sent.metadata.invitation_id;
  // @ts-expect-error: an invitation event has no minutes
  sent.metadata.minutes;
  // @ts-expect-error: an invitation_sent event names no target member
  sent.target_id;
}
if (sent.type === "workspace.minutes_allocated") {
  const minutes: number = sent.metadata.minutes;
  // @ts-expect-error: not a metadata key of minutes_allocated
  sent.metadata.reactivated;
}
// @ts-expect-error: not an event type
const noSuchEvent: AuditEvent["type"] = "workspace.exploded";
const invitation: Invitation = next.state.invitations[0];
const status: InvitationStatus = invitationStatus(invitation, ctx.now);
const preview: InvitationPreview = previewInvitation(next.state, invitation.id, ctx.now);
const previewRole: Role = preview.role;

// @ts-expect-error: not a command type
apply(state, { type: "promote_everyone" }, ctx);
// @ts-expect-error: change_role needs a role
apply(state, { type: "change_role", user_id: owner.user_id }, ctx);
// @ts-expect-error: the context needs now
apply(state, { type: "leave_workspace" }, { actor_id: owner.user_id });
// @ts-expect-error: a preview carries no email
preview.email;

// `docs/rules/voice-settings.md`: a form validates on every input and shows errors by path; an update answers what changed.
const patch: VoiceSettingsPatch = { speed: 1.2, tone: "calm", keyterms: ["Metformin"], voice_id: null };
const check: VoiceSettingsValidation = validateVoiceSettings(patch);
const errorsByPath: Record<string, string> = Object.fromEntries(check.errors.map((p) => [p.path, p.message]));
validateVoiceSettings(JSON.parse("{}") as unknown); // untrusted data is fine: it never throws
const current: VoiceSettings = { language: "en-US" };
const updated: VoiceSettingsUpdate = updateVoiceSettings(current, patch);
const changedFields: VoiceSettingsField[] = updated.changed;
// @ts-expect-error: not a tone
updateVoiceSettings(current, { tone: "angry" });
// @ts-expect-error: speed is a number
updateVoiceSettings(current, { speed: "fast" });

// Layered resolution: every field, and an "inherited from" badge per field.
const effective: EffectiveVoiceSettings = effectiveVoiceSettings({ service: { keyterms: ["a"] }, workspace: current, agent: null });
const speed: number = effective.speed;
const voiceId: string | null = effective.voice_id;
const speedFrom: VoiceSettingsLayer = effective.sources.speed;
const keytermFrom: VoiceSettingsLayer[] = effective.sources.keyterms;
// Issue 22: the layers' keyterms not used, each with its layer (never "default").
const notUsed: LayerDroppedKeyterm[] = effective.dropped_keyterms;
const notUsedFrom: "service" | "workspace" | "agent" = notUsed[0].layer;
const notUsedAs: string | undefined = notUsed[0].duplicate_of;
// @ts-expect-error: a dropped term comes from a layer, never from the defaults
const fromDefault: LayerDroppedKeyterm = { term: "a", layer: "default", reason: "limit" };

// `docs/rules/keyterms.md`
const merged: KeytermMergeResult = mergeKeyterms(["Metformin"], ["METFORMIN", "Straße"]);
const dropped: DroppedKeyterm[] = merged.dropped;
const none: KeytermMergeResult = mergeKeyterms();

// `docs/rules/tone.md`
const input: ToneInput = { baseline: "friendly", emotion: { label: "anxious", intensity: 0.8 }, empathy_tier: 2 };
const toned: ToneResult = resolveTone(input);
const tone: Tone = toned.tone;
const tier: EmpathyTier = toned.tier;
const source: ToneSource = toned.source;
const matched: string | undefined = toned.matched_topic;
// @ts-expect-error: tiers are 0–3
resolveTone({ baseline: "calm", empathy_tier: 4 });

// `docs/rules/lifecycle.md` and `docs/rules/requests.md`: lifecycle commands, minutes, request checks at the edge.
const provisioned: ApplyResult = apply(state, { type: "provision" }, ctx);
apply(state, { type: "archive", slug: state.workspace.slug }, ctx);
apply(state, { type: "set_test_caller_numbers", numbers: ["+1 555 010 9999"] }, ctx);
apply(state, { type: "update_settings", outbound_enabled: false, default_llm: null }, ctx);
const allocated = apply(state, { type: "allocate_minutes", ...allocation, available_minutes: 500 }, ctx);
const history: StoredMinutesAllocation[] = allocated.state.minutes.allocations;
const call: RecordedCall | undefined = apply(allocated.state, { type: "record_call", duration_seconds: 61 }, ctx).call;
// @ts-expect-error: archive needs the slug
apply(state, { type: "archive" }, ctx);
const request: RuleRequest = { method: "PUT", path: `/v1/${state.workspace.id}/settings/voice`, body: { speed: 1.2 } };
const context: RequestContext = { actor: { user_id: owner.user_id }, state, now: ctx.now };
const decision: Decision = checkRequest(request, context);
const refusedCode: string | undefined = decision.error?.code;
const anonymous: Decision = checkRequest({ method: "GET", path: "/v1/invitations/x/preview" }, { actor: null, state, now: ctx.now });
const mayCreateKb: boolean = authorize(state, owner.user_id, "knowledge_bases.create").allowed;
// @ts-expect-error: not an action
authorize(state, owner.user_id, "knowledge_bases.fly");
const prepared: PreparedWorkspace = prepareWorkspace(state);
const preparedDecision: Decision = prepared.checkRequest(request, { actor: { user_id: owner.user_id }, now: ctx.now });
const preparedAllowed: boolean = prepared.authorize(owner.user_id, "workspace.view").allowed;
const preparedPreview: InvitationPreview = prepared.previewInvitation("x", ctx.now);
// @ts-expect-error: the state is the prepared one, not part of the context
prepared.checkRequest(request, { actor: null, state, now: ctx.now });
prepared.free();
const deletable: boolean = confirmDelete(state, " Client A Support ", ctx);
const memberships: WorkspaceMembership[] = [{ workspace: state.workspace, role: "owner", status: "active" }];
const switched: WorkspaceAccess = switchWorkspace(memberships, state.workspace.id);
const listed: WorkspaceAccess[] = listWorkspaces(memberships);

// `docs/rules/credits.md`: credit allowances, usage and the status of the period.
const creditAllowance: CreditAllowance = {
  monthly_credits: 50000, reset_day: 1, rollover: "capped", rollover_cap: 100000, hard_limit: true, alert_thresholds: [80, 100],
  rates: {
    call_seconds: { credits: 1, per: 6 }, stt_seconds: { credits: 1, per: 60 }, tts_characters: { credits: 1, per: 100 },
    llm_input_tokens: { credits: 1, per: 1000 }, llm_output_tokens: { credits: 3, per: 1000 },
  },
};
const withCredits = apply(state, { type: "set_credit_allowance", ...creditAllowance }, ctx).state;
apply(withCredits, { type: "set_credit_allowance", monthly_credits: 60000 }, ctx);
apply(withCredits, { type: "set_credit_allowance", remove: true }, ctx);
const meter: Meter = "llm_output_tokens";
apply(withCredits, { type: "record_usage", meter, units: 1200 }, ctx);
// @ts-expect-error: not a meter
apply(withCredits, { type: "record_usage", meter: "sms", units: 1 }, ctx);
const record: Credits | null | undefined = withCredits.credits;
const credit: CreditStatus | null = creditStatus(withCredits, ctx.now);
const left: number | undefined = credit?.remaining;
const nextAlert: number | null | undefined = credit?.next_threshold;
const callCredits: number | undefined = credit?.by_meter.call_seconds.credits;
const gated: Decision = authorize(withCredits, owner.user_id, "calls.outbound", ctx.now);
const caps = capabilities(withCredits, ctx);
const archiveEntry = caps.workspace["workspace.archive"];
const reason: string | undefined = archiveEntry.allowed ? undefined : archiveEntry.message;
const inviteAdmin: boolean = caps.invite.roles.admin.allowed;
// @ts-expect-error: an allowed entry has no code
const noCode: string = caps.invite.roles.admin.code;

// Forms: the fields of a command checked without a state, and Standard Schemas.
const fieldsOk: boolean = validateCommandFields("invite_member", { email: "a@example.com", role: "member" }).ok;
// @ts-expect-error: no command has this type
validateCommandFields("promote_everyone", {});
const invitationChecked = invitationSchema["~standard"].validate({ email: "a@example.com", role: "member" });
const firstIssuePath: ReadonlyArray<string | number> | undefined = invitationChecked.issues?.[0]?.path;
const invitedRole: Role | undefined = invitationChecked.issues ? undefined : invitationChecked.value.role;
const speedSchemaVendor: "workspace-rules" = voiceSettingsPatchSchema["~standard"].vendor;
const renameOk = workspaceUpdateSchema["~standard"].validate({ name: "New" });
const usage = commandFieldsSchema("record_usage")["~standard"].validate({ meter: "call_seconds", units: 6 });
const units: number | undefined = usage.issues ? undefined : usage.value.units;
// @ts-expect-error: a field of another command (record_usage has no email)
const wrongField = usage.issues ? undefined : usage.value.email;

// The web build's init is typed (workspace-rules/web); the auto-initialising entry has none, nor the
// glue's internals.
const ready: Promise<unknown> = init({ module_or_path: new URL("https://example.invalid/x.wasm") });
// @ts-expect-error: the entry that is ready on import has no init
import("workspace-rules").then((m) => m.initSync);
// @ts-expect-error: nor the glue's internal exports
import("workspace-rules").then((m) => m.__callJson);

export { allowed, everything, adminActions, describe, ready, sent, status, previewRole, slug, numbers, cost };
export { reason, inviteAdmin, noCode };
export { fieldsOk, firstIssuePath, invitedRole, speedSchemaVendor, renameOk, units, wrongField };
export { provisioned, history, call, refusedCode, anonymous, mayCreateKb, deletable, switched, listed };
export { preparedDecision, preparedAllowed, preparedPreview };
export { record, left, nextAlert, callCredits, gated };
export { errorsByPath, updated, changedFields, speed, voiceId, speedFrom, keytermFrom, dropped, none, tone, tier, source, matched };

// Issue 22 item 5: what the types now say, and what must not compile.
const slugOnly: string = slugify("Équipe Réseau");
const typedCode: import("workspace-rules").ErrorCode = "last_owner";
// @ts-expect-error: a typo'd error code
const typoCode: import("workspace-rules").ErrorCode = "last_ownr";
const built = new WorkspaceRulesError("forbidden", 403, "No.");
const builtCode: "forbidden" | string = built.code;
// @ts-expect-error: the constructor takes an error code
new WorkspaceRulesError("nope", 403, "No.");
const recorded = apply(state, { type: "record_call", duration_seconds: 60 }, ctx);
const billed: number = recorded.call.billed_seconds;
const notRecorded = apply(state, { type: "provision" }, ctx);
// @ts-expect-error: only record_call answers a call
const noCall: number = notRecorded.call.billed_seconds;
const checked = authorize(state, owner.user_id, "workspace.view");
const refusedWith: string | undefined = checked.allowed ? undefined : checked.error.code;
// @ts-expect-error: a missing command field
apply(state, { type: "change_role", user_id: owner.user_id }, ctx);
// @ts-expect-error: a field of another command
apply(state, { type: "provision", slug: "x" }, ctx);
// @ts-expect-error: a wrong role
apply(state, { type: "invite_member", email: "a@b.co", role: "boss" }, ctx);
// @ts-expect-error: the patch is typed (autocomplete), a tone that is none
const badPatch: VoiceSettingsPatch = { tone: "loud" };
validateVoiceSettings({ speed: 1.5 });
validateVoiceSettings(JSON.parse("{}") as unknown);
// The catalog's field entries are discriminated by their type.
const speedSpec = catalog().voice_fields.find((f) => f.name === "speed");
const speedMax: number | undefined = speedSpec?.type === "number" ? speedSpec.maximum : undefined;
const firstSpec = catalog().voice_fields[0];
let noBounds: unknown;
if (firstSpec.type === "boolean") {
  // @ts-expect-error: a boolean field has no bounds
  noBounds = firstSpec.maximum;
} else if (firstSpec.type === "number") {
  noBounds = firstSpec.maximum;
}
export { slugOnly, typedCode, typoCode, builtCode, billed, noCall, refusedWith, badPatch, speedMax, noBounds };
