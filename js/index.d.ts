// workspace-rules: the types of the package, the same for every entry. Written by hand next to
// js/rules.js: a new export is declared here, its doc comment naming what it refuses and with which code.
/** A role in one workspace, highest rank first: owner (3) > admin (2) > member (1). */
export type Role = "owner" | "admin" | "member";

/** A `resource.verb` action of the permission matrix (`docs/rules/roles.md`). */
export type Action =
  | "workspace.view" | "workspace.update" | "workspace.provision" | "workspace.archive"
  | "workspace.delete" | "workspace.create"
  | "members.view" | "members.invite" | "members.remove" | "members.update_role"
  | "invitations.view" | "invitations.revoke"
  | "agents.view" | "agents.create" | "agents.update" | "agents.delete"
  | "knowledge_bases.view" | "knowledge_bases.connect" | "knowledge_bases.create"
  | "phone_numbers.view" | "phone_numbers.manage"
  | "voice_settings.view" | "voice_settings.update"
  | "test_numbers.view" | "test_numbers.manage"
  | "integrations.view" | "integrations.manage" | "api_keys.manage" | "webhooks.manage"
  | "calls.outbound" | "usage.view"
  | "billing.view" | "audit.view" | "analytics.view"
  | "billing.manage" | "minutes.allocate" | "audit.export";

/** `{ role: [allowed actions] }`, roles highest first, actions in the specification's order. */
export type PermissionMatrix = { [R in Role]: Action[] };

/** An allocation of minutes to a workspace (`docs/rules/lifecycle.md`). Money in minor currency units (cents). */
export interface MinutesAllocation {
  source_id: string;
  /** Whole minutes, > 0. */
  minutes: number;
  /** Minor currency units per minute, integer >= 0. */
  cost_per_minute: number;
  /** 1-60 and a divisor of 60. */
  pulse_seconds: number;
  /** ISO 4217, three uppercase letters. */
  currency: string;
}

/** What a call costs: billed seconds rounded up to the pulse, cost rounded half up to a minor unit. */
export interface CallCost {
  billed_seconds: number;
  cost: number;
}

/** A workspace's environment (public API). */
export type Environment = "production" | "staging" | "development";

/** An RFC 3339 timestamp string. The library writes UTC with milliseconds: "2026-11-22T10:00:00.000Z". */
export type Timestamp = string;

/** A UUID string, lowercase and hyphenated. */
export type Uuid = string;

/** The workspace record of the state (`docs/rules/workspace.md`). */
export interface Workspace {
  id: Uuid;
  name: string;
  slug: string;
  environment: Environment;
  description: string | null;
  backend_org_id: string | null;
  is_default: boolean;
  status: "active" | "archived";
  provisioned_at: Timestamp | null;
  created_at: Timestamp;
  archived_at: Timestamp | null;
}

/** A member record; deactivated members keep their record and have no permissions. */
export interface Member {
  user_id: Uuid;
  email: string;
  display_name: string | null;
  role: Role;
  status: "active" | "deactivated";
  joined_at: Timestamp;
}

/** The stored status of an invitation. Expiry is computed: see `invitationStatus`. */
export type StoredInvitationStatus = "pending" | "accepted" | "declined" | "revoked";

/** What an invitation is at a moment: the stored status, or "expired" for a pending one past expiry. */
export type InvitationStatus = StoredInvitationStatus | "expired";

export interface Invitation {
  id: Uuid;
  email: string;
  role: Role;
  status: StoredInvitationStatus;
  invited_by: Uuid;
  sent_at: Timestamp;
  expires_at: Timestamp;
  responded_at: Timestamp | null;
}

export interface WorkspaceSettings {
  language: string;
  outbound_enabled: boolean;
  integration_version: "v1" | "v2";
  default_llm: string | null;
  default_stt_provider: string | null;
  default_tts_provider: string | null;
}

/** A JSON value, as the state's pass-through fields hold. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The workspace aggregate (`docs/rules/workspace.md`), keys in this order. */
export interface WorkspaceState {
  workspace: Workspace;
  members: Member[];
  invitations: Invitation[];
  settings: WorkspaceSettings;
  voice_settings: VoiceSettings;
  test_caller_numbers: string[];
  minutes: { allocations: StoredMinutesAllocation[]; used_seconds: number };
  /** The credit allowance and its periods; null without one. A state without the key reads as null. */
  credits?: Credits | null;
}

/** A usage meter (`docs/rules/credits.md`), in this order in every per-meter object. */
export type Meter = "call_seconds" | "stt_seconds" | "tts_characters" | "llm_input_tokens" | "llm_output_tokens";

/** One value per meter. */
export type PerMeter<T> = { [M in Meter]: T };

/** A meter's rate: `ceil(units × credits / per)` on the period's total units; credits >= 0, per >= 1. */
export interface CreditRate {
  credits: number;
  per: number;
}

/** The monthly credit allowance. Every amount an integer below 2^53. */
export interface CreditAllowance {
  monthly_credits: number;
  /** 1–28: periods reset at 00:00 UTC on this day of the month. */
  reset_day: number;
  rollover: "none" | "capped";
  /** Under "capped", unused credits carry into the next period up to this. */
  rollover_cap: number;
  /** Outbound calls are refused (credits_exhausted, 402) while nothing remains. */
  hard_limit: boolean;
  /** At most 5 distinct whole percentages 1–100, stored ascending. */
  alert_thresholds: number[];
  rates: PerMeter<CreditRate>;
}

/** The current credit period: `start` inclusive, `end` exclusive. */
export interface CreditPeriod {
  start: Timestamp;
  end: Timestamp;
  carried_over: number;
  /** Units recorded per meter. */
  usage: PerMeter<number>;
  /** Ascending. */
  thresholds_reached: number[];
}

/** A closed period, as `history` keeps it (the 24 latest, oldest first). */
export interface ClosedCreditPeriod {
  start: Timestamp;
  end: Timestamp;
  available: number;
  used: number;
  overage: number;
}

/** `state.credits`. */
export interface Credits {
  allowance: CreditAllowance;
  period: CreditPeriod;
  history: ClosedCreditPeriod[];
}

/** The answer of `creditStatus`: the period containing `now`, rolled forward without changing the state. */
export interface CreditStatus {
  period_start: Timestamp;
  period_end: Timestamp;
  monthly_credits: number;
  carried_over: number;
  /** monthly_credits + carried_over. */
  available: number;
  used: number;
  /** max(0, available − used). */
  remaining: number;
  /** max(0, used − available). */
  overage: number;
  /** floor(100 × used / available); 0 when nothing is available. */
  percent_used: number;
  /** remaining == 0. */
  exhausted: boolean;
  by_meter: PerMeter<{ units: number; credits: number }>;
  thresholds_reached: number[];
  /** The lowest threshold not reached yet in the period, or null. */
  next_threshold: number | null;
}

/** An allocation as the state keeps it (append-only history): the terms, then when it was made. */
export interface StoredMinutesAllocation extends MinutesAllocation {
  allocated_at: Timestamp;
}

/** `update_settings`: absent keys stay; the nullable names are cleared by null. */
export interface WorkspaceSettingsPatch {
  language?: string;
  outbound_enabled?: boolean;
  integration_version?: "v1" | "v2";
  default_llm?: string | null;
  default_stt_provider?: string | null;
  default_tts_provider?: string | null;
}

/** Who acts, when, and the ids to use for what a call creates (else v4 UUIDs). */
export interface Context {
  actor_id: Uuid;
  /** The actor's verified email; accepting or declining an invitation needs it: without it (absent or
   *  null) they are refused as incomplete input, `validation_failed` (422) with `invalid_type` at
   *  `/ctx/actor_email` (and `capabilities` says so in their entries), never `email_mismatch`. */
  actor_email?: string | null;
  now: Timestamp;
  ids?: Uuid[] | null;
  /** The actor's role in the account's default workspace; createWorkspace needs "owner". */
  account_role?: Role | null;
}

/** The commands `apply` takes (`docs/rules/commands.md`). */
export type Command =
  | { type: "invite_member"; email: string; role: Role }
  | { type: "revoke_invitation"; invitation_id: Uuid }
  | { type: "accept_invitation"; invitation_id: Uuid; user_id: Uuid; display_name?: string | null }
  | { type: "decline_invitation"; invitation_id: Uuid }
  | { type: "remove_member"; user_id: Uuid }
  | { type: "leave_workspace" }
  | { type: "change_role"; user_id: Uuid; role: Role }
  | { type: "update_workspace"; name?: string; environment?: Environment; description?: string | null }
  | ({ type: "update_settings" } & WorkspaceSettingsPatch)
  | { type: "update_voice_settings"; patch: VoiceSettingsPatch }
  /** Replaces the list (E.164, at most 100, de-duplicated keeping the first). */
  | { type: "set_test_caller_numbers"; numbers: string[] }
  | { type: "provision" }
  /** `slug` must equal the workspace's slug exactly (the confirmation). */
  | { type: "archive"; slug: string }
  /** `available_minutes`: what the source has left; asking for more is insufficient_minutes (409). */
  | ({ type: "allocate_minutes"; available_minutes: number } & MinutesAllocation)
  | { type: "record_call"; duration_seconds: number }
  /** Owners (billing.manage). Every field on the first call; later calls change only the fields given. */
  | ({ type: "set_credit_allowance"; remove?: false } & Partial<CreditAllowance>)
  /** The credits record becomes null, its history with it. */
  | { type: "set_credit_allowance"; remove: true }
  /** Any active member; units a whole number > 0. */
  | { type: "record_usage"; meter: Meter; units: number };

export type AuditEventType =
  | "workspace.member_added" | "workspace.member_removed" | "workspace.member_role_updated"
  | "workspace.invitation_sent" | "workspace.invitation_accepted" | "workspace.invitation_declined"
  | "workspace.invitation_revoked" | "workspace.provisioned" | "workspace.archived"
  | "workspace.updated" | "workspace.voice_settings_updated" | "workspace.minutes_allocated"
  | "workspace.credit_allowance_updated" | "workspace.credits_reset" | "workspace.credit_threshold_reached";

/** An audit event; absent optional keys are left out. */
export interface AuditEvent {
  type: AuditEventType;
  workspace_id: Uuid;
  actor_id: Uuid;
  target_id?: Uuid;
  role?: Role;
  previous_role?: Role;
  at: Timestamp;
  metadata: {
    reactivated?: boolean;
    left?: boolean;
    resent?: boolean;
    invitation_id?: Uuid;
    changed?: string[];
    /** workspace.minutes_allocated */
    source_id?: string;
    /** workspace.minutes_allocated */
    minutes?: number;
    /** workspace.credit_allowance_updated, when the allowance was removed */
    removed?: boolean;
    /** workspace.credits_reset: the period that opened */
    period_start?: Timestamp;
    /** workspace.credits_reset */
    carried_over?: number;
    /** workspace.credit_threshold_reached */
    threshold?: number;
    /** workspace.credit_threshold_reached */
    used?: number;
    /** workspace.credit_threshold_reached */
    available?: number;
  };
}

/** What `record_call` reports: the call's bill under the latest allocation, then the balance.
 *  `remaining_seconds` never goes below zero; use beyond the allocations is `overage_seconds`. */
export interface RecordedCall {
  duration_seconds: number;
  billed_seconds: number;
  cost: number;
  currency: string;
  used_seconds: number;
  remaining_seconds: number;
  overage_seconds: number;
}

/** The answer of `createWorkspace` and `apply`; `call` only for `record_call` (so `apply` of a
 *  `record_call` command is typed with `call`, any other without). */
export type ApplyResult<C extends Command = Command> = {
  state: WorkspaceState;
  events: AuditEvent[];
} & ([C] extends [{ type: "record_call" }] ? { call: RecordedCall } : Command extends C ? { call?: RecordedCall } : { call?: undefined });

/**
 * A request as the edge sees it (`docs/rules/requests.md`). The query string and fragment of `path` are ignored,
 * but for the audit route's `limit` (`…/audit?limit=20`: 1–100, default 50): pass `pathname + search`.
 * Give the body as a value (`body`) or, better at an edge, as the text the client sent (`body_text`, e.g.
 * `await request.clone().text()`): it is read by the same reader as the backend's, which refuses a key given
 * twice (400 `duplicate_key`) and text that is not JSON (400 `invalid_json`). Not both.
 */
export type RuleRequest =
  | { method: string; path: string; body?: unknown; body_text?: undefined }
  | { method: string; path: string; body?: undefined; body_text?: string };

/** Who sends a request: null without credentials. Any user_id string; a non-member is refused 404. */
export interface RequestActor {
  user_id: string;
  email?: string | null;
}

/** The context of `checkRequest`. */
export interface RequestContext {
  actor: RequestActor | null;
  state: WorkspaceState;
  now: Timestamp;
}

/** The context of a prepared workspace's `checkRequest`: the state is the prepared one. */
export interface PreparedRequestContext {
  actor: RequestActor | null;
  now: Timestamp;
}

/**
 * A workspace state read, validated and indexed once (`prepareWorkspace`): each method answers
 * exactly as the plain function of the same name on that state, in time that does not grow with the
 * workspace. It holds memory in the WebAssembly module: call `free()` when done (it also has
 * `[Symbol.dispose]`, for `using`; a FinalizationRegistry frees a forgotten one eventually). After
 * `free()` every method throws `prepared_workspace_freed` (410).
 */
export interface PreparedWorkspace {
  checkRequest(request: RuleRequest, context: PreparedRequestContext): Decision;
  authorize(user_id: string, action: Action, now?: Timestamp | null): Decision;
  previewInvitation(invitation_id: Uuid, now: Timestamp): InvitationPreview;
  /** As `capabilities(state, ctx)`; its answer lists every member and invitation, so it grows with them. */
  capabilities(ctx: Context): Capabilities;
  free(): void;
}

/**
 * Reads and validates `state` once, for many checks at the edge (`docs/rules/requests.md`).
 * @throws {WorkspaceRulesError} `invalid_state` (422) listing every problem.
 */
export function prepareWorkspace(state: WorkspaceState): PreparedWorkspace;

/** Every error code (src/base/error.rs, the table of `docs/rules/README.md`), in that order; `catalog().error_codes` has each with its status. */
export type ErrorCode =
  | "forbidden"
  | "not_a_member"
  | "cannot_grant_higher_role"
  | "cannot_modify_higher_role"
  | "last_owner"
  | "no_change"
  | "unknown_role"
  | "unknown_action"
  | "member_not_found"
  | "workspace_archived"
  | "invalid_state"
  | "validation_failed"
  | "unknown_field"
  | "invalid_type"
  | "out_of_range"
  | "too_many_items"
  | "too_long"
  | "empty_value"
  | "duplicate_key"
  | "invalid_json"
  | "invalid_value"
  | "invalid_language_tag"
  | "default_workspace_only"
  | "default_workspace_protected"
  | "slug_mismatch"
  | "name_mismatch"
  | "outbound_disabled"
  | "insufficient_minutes"
  | "no_credit_allowance"
  | "credits_exhausted"
  | "too_large"
  | "invalid_email"
  | "already_member"
  | "invitation_not_found"
  | "email_mismatch"
  | "invitation_expired"
  | "invitation_not_pending"
  | "unknown_route"
  | "unauthenticated"
  | "workspace_mismatch"
  | "prepared_workspace_freed"
  | "id_in_use"
  | "workspace_not_found"
  | "conflict"
  | "internal_error";

/** The refusal inside a decision: the fields of a WorkspaceRulesError, as data. */
export interface RuleErrorData {
  code: ErrorCode;
  status: number;
  message: string;
  errors: WorkspaceRulesProblem[];
}

/** The answer of `checkRequest` and `authorize`, keys in this order; `error` only when refused.
 *  `action` is the matrix action the route needs, or who a route without one is open to: "public"
 *  (the invitation preview), "invitee" (accepting, declining: the invited person), "member" (any
 *  active member: capabilities, and leaving, a DELETE of the actor's own membership); null for an
 *  unknown route. */
export type Decision =
  | { allowed: true; action: Action | "public" | "invitee" | "member"; status: 200; error?: undefined }
  | { allowed: false; action: Action | "public" | "invitee" | "member" | null; status: number; error: RuleErrorData };

/** One entry of `capabilities`: allowed, or the refusal `apply` (or `authorize`) would give, with the
 *  human `message` a UI can show as the control's reason. */
export type CapabilityEntry =
  | { allowed: true }
  | { allowed: false; code: ErrorCode; status: number; message: string };

/** The entries of one member; `leave` only on the actor's own entry. */
export interface MemberCapabilities {
  remove: CapabilityEntry;
  change_role: Record<Role, CapabilityEntry>;
  leave?: CapabilityEntry;
}

/** The entries of one invitation. */
export interface InvitationCapabilities {
  revoke: CapabilityEntry;
  resend: CapabilityEntry;
  accept: CapabilityEntry;
  decline: CapabilityEntry;
}

/** The answer of `capabilities` (`docs/rules/capabilities.md`): members and invitations in state order
 *  (keyed by user id and invitation id), actions in matrix order, roles highest first. */
export interface Capabilities {
  role: Role | null;
  member: boolean;
  workspace: Record<Action, CapabilityEntry>;
  invite: { roles: Record<Role, CapabilityEntry> };
  members: Record<string, MemberCapabilities>;
  invitations: Record<string, InvitationCapabilities>;
}

/** One membership of a user, as a platform lists them: the `docs/rules/workspace.md` workspace record, the role there. */
export interface WorkspaceMembership {
  workspace: Workspace;
  role: Role;
  status: "active" | "deactivated";
}

/** A workspace the user may switch to, with the role there. */
export interface WorkspaceAccess {
  workspace: Workspace;
  role: Role;
}

/** `createWorkspace`'s input. */
export interface NewWorkspaceInput {
  name: string;
  slug?: string | null;
  environment: Environment;
  description?: string | null;
  backend_org_id?: string | null;
  /** The account's default workspace: only without ctx.account_role (the account's first). */
  is_default?: boolean | null;
  /** The owner's `display_name` on its member record, read as `accept_invitation`'s `display_name`
   *  (trimmed, 1–100 characters, no control, invisible or layout character); absent or null: null. */
  owner_display_name?: string | null;
}

/** What an invitation shows without sign-in: never the email, the inviter or any id. */
export interface InvitationPreview {
  workspace_name: string;
  role: Role;
  expires_at: Timestamp;
  status: InvitationStatus;
}

/** One problem of a refusal: what is wrong and where (a JSON Pointer into the input; "" = all of it). */
export interface WorkspaceRulesProblem {
  code: ErrorCode;
  message: string;
  path: string;
}

/** Every refusal of the library. `errors` lists every problem (a list of one for a single refusal). */
export class WorkspaceRulesError extends Error {
  readonly name: "WorkspaceRulesError";
  /** A stable snake_case identifier, e.g. "unknown_role". */
  readonly code: ErrorCode;
  /** The HTTP status an API would answer with (400, 401, 402, 403, 404, 409, 410, 422, 500). */
  readonly status: number;
  readonly errors: WorkspaceRulesProblem[];
  /** For tests and adapters: `errors` defaults to one problem at "" with the same code and message. */
  constructor(code: ErrorCode, status: number, message: string, errors?: WorkspaceRulesProblem[]);
}

/** A voice tone (`docs/rules/voice-settings.md`), in the specification's order. */
export type Tone =
  | "calm" | "sympathetic" | "enthusiastic" | "content" | "curious" | "cheerful" | "serious" | "friendly";

/** A speech-to-text provider. */
export type SttProvider = "deepgram" | "openai" | "cartesia";

/** A text-to-speech provider. */
export type TtsProvider = "cartesia" | "elevenlabs" | "groq";

/** A voice-settings field, in the field table's order (the order of `changed` and of every output). */
export type VoiceSettingsField =
  | "voice_id" | "tone" | "speed" | "volume" | "language" | "keyterms" | "correction_categories"
  | "pronunciation_dict_id" | "sensitive_topics" | "post_call_analysis_enabled"
  | "transcript_correction_enabled" | "stt_provider" | "tts_provider";

/** A stored (partial) voice-settings object: an absent field is unset and takes its default. As
 *  input, `null` also means unset. As output, only set fields appear, in table order. */
export interface VoiceSettings {
  /** 1–128 characters; default null (the service's voice). */
  voice_id?: string | null;
  /** Default "friendly". */
  tone?: Tone | null;
  /** 0.5 ≤ speed ≤ 2.0; default 1. */
  speed?: number | null;
  /** 0 ≤ volume ≤ 1; default 1. */
  volume?: number | null;
  /** A well-formed BCP-47 tag, ≤ 32 characters, stored in canonical case; default "en". */
  language?: string | null;
  /** ≤ 200 distinct terms of 1–128 characters, stored normalized and de-duplicated; default []. */
  keyterms?: string[] | null;
  /** ≤ 50 distinct items of 1–128 characters; default []. */
  correction_categories?: string[] | null;
  /** 1–128 characters; default null. */
  pronunciation_dict_id?: string | null;
  /** ≤ 50 distinct items of 1–128 characters; unset = the built-in defaults, [] = none. */
  sensitive_topics?: string[] | null;
  /** Default true. */
  post_call_analysis_enabled?: boolean | null;
  /** Default true. */
  transcript_correction_enabled?: boolean | null;
  /** Default null. */
  stt_provider?: SttProvider | null;
  /** Default null. */
  tts_provider?: TtsProvider | null;
}

/** A patch: an absent key leaves the field alone, `null` resets it to its default, a value replaces it
 *  (lists whole). */
export type VoiceSettingsPatch = VoiceSettings;

/** The answer of `validateVoiceSettings`: `errors` is what `updateVoiceSettings` would throw. */
export interface VoiceSettingsValidation {
  ok: boolean;
  errors: WorkspaceRulesProblem[];
}

/** The answer of `updateVoiceSettings`. */
export interface VoiceSettingsUpdate {
  /** The new stored object (set fields only, table order). */
  settings: VoiceSettings;
  /** The fields whose stored value differs, in table order. */
  changed: VoiceSettingsField[];
}

/** Where a resolved value came from. */
export type VoiceSettingsLayer = "default" | "service" | "workspace" | "agent";

/** The input of `effectiveVoiceSettings`: any layer may be absent (or null). */
export interface VoiceSettingsLayers {
  service?: VoiceSettings | null;
  workspace?: VoiceSettings | null;
  agent?: VoiceSettings | null;
}

/** Every field resolved. */
export interface ResolvedVoiceSettings {
  voice_id: string | null;
  tone: Tone;
  speed: number;
  volume: number;
  language: string;
  keyterms: string[];
  correction_categories: string[];
  pronunciation_dict_id: string | null;
  sensitive_topics: string[];
  post_call_analysis_enabled: boolean;
  transcript_correction_enabled: boolean;
  stt_provider: SttProvider | null;
  tts_provider: TtsProvider | null;
}

/** For each field the layer it came from; for `keyterms`, the layer of each kept term, position by
 *  position. */
export type VoiceSettingsSources =
  { [F in Exclude<VoiceSettingsField, "keyterms">]: VoiceSettingsLayer } & { keyterms: VoiceSettingsLayer[] };

/** The answer of `effectiveVoiceSettings`: every field (table order), then `sources`, then
 *  `dropped_keyterms`. */
export interface EffectiveVoiceSettings extends ResolvedVoiceSettings {
  sources: VoiceSettingsSources;
  /** Every layer's keyterm the union did not keep, in input order (service, workspace, agent). */
  dropped_keyterms: LayerDroppedKeyterm[];
}

/** A layer's keyterm that `effectiveVoiceSettings` did not keep: `term` as the layer stores it, the
 *  `layer` it came from, `reason` `duplicate` (of a term an earlier layer gave: `duplicate_of` is the
 *  kept spelling) or `limit` (past the cap of 200). */
export interface LayerDroppedKeyterm {
  term: string;
  layer: Exclude<VoiceSettingsLayer, "default">;
  reason: KeytermDropReason;
  duplicate_of?: string;
}

/** Why `mergeKeyterms` dropped a term. */
export type KeytermDropReason = "empty" | "too_long" | "duplicate" | "limit";

/** A term `mergeKeyterms` did not keep: `term` as given; `duplicate_of` the kept term it repeats. */
export interface DroppedKeyterm {
  term: string;
  reason: KeytermDropReason;
  duplicate_of?: string;
}

/** The answer of `mergeKeyterms`. */
export interface KeytermMergeResult {
  keyterms: string[];
  dropped: DroppedKeyterm[];
}

/** An empathy tier, lowest first: 0 functional, 1 light_touch, 2 full_empathy, 3 hold_space. */
export type EmpathyTier = "functional" | "light_touch" | "full_empathy" | "hold_space";

/** A caller emotion from an upstream detector; `intensity` in [0, 1]. */
export interface Emotion {
  label: string;
  intensity: number;
}

/** The input of `resolveTone`. */
export interface ToneInput {
  baseline: Tone;
  emotion?: Emotion | null;
  /** An upstream classifier's tier, 0–3. */
  empathy_tier?: 0 | 1 | 2 | 3 | null;
  /** What the agent is doing now. */
  topic?: string | null;
  /** Absent or null = the built-in defaults; [] = none. */
  sensitive_topics?: string[] | null;
  /** Default 0.6; an emotion is strong when intensity ≥ this. */
  strong_threshold?: number | null;
}

/** What decided the tone. */
export type ToneSource = "baseline" | "sensitive_topic" | "emotion" | "empathy_tier";

/** The answer of `resolveTone`. */
export interface ToneResult {
  tone: Tone;
  tier: EmpathyTier;
  source: ToneSource;
  /** Present when `source` is "sensitive_topic": the topic that matched. */
  matched_topic?: string;
}

/**
 * All roles, highest rank first.
 */
export function roles(): Role[];

/**
 * All actions, in the specification's order.
 */
export function actions(): Action[];

/**
 * The default permission matrix: `{ owner: [...], admin: [...], member: [...] }`.
 */
export function permissionMatrix(): PermissionMatrix;

/**
 * Whether the default matrix allows `role` to perform `action`.
 * @throws {WorkspaceRulesError} `unknown_role`, `unknown_action` (400), or `invalid_type` (400) for a
 * non-string argument.
 */
export function can(role: Role, action: Action): boolean;

/**
 * A slug for `name` (`docs/rules/workspace.md`), avoiding the `taken` ones with `-2`, `-3`, …
 * @throws {WorkspaceRulesError} `invalid_type` for a non-string name or taken entry.
 */
export function slugify(name: string, taken?: string[] | null): string;

/**
 * Test caller numbers (`docs/rules/lifecycle.md`) normalized to E.164 and de-duplicated, keeping the first.
 * @throws {WorkspaceRulesError} `validation_failed` (422) listing every bad number at its index.
 */
export function normalizeTestCallerNumbers(numbers: string[]): { numbers: string[] };

/**
 * What a call of `duration_seconds` costs under `allocation` (`docs/rules/lifecycle.md`), in integers.
 * @throws {WorkspaceRulesError} listing every problem of the allocation and the duration.
 */
export function callCost(allocation: MinutesAllocation, duration_seconds: number): CallCost;

/**
 * A new workspace whose sole owner is the actor (`ctx.account_role` must be `"owner"`).
 * @throws {WorkspaceRulesError} `validation_failed` (422), `forbidden` (403).
 */
export function createWorkspace(input: NewWorkspaceInput, ctx: Context): ApplyResult<Exclude<Command, { type: "record_call" }>>;

/**
 * Applies one command: the new state and the audit events, or a refusal (the state is untouched).
 * @throws {WorkspaceRulesError} `invalid_state`, `validation_failed`, `not_a_member`, `forbidden`, …
 */
export function apply(state: WorkspaceState, command: Extract<Command, { type: "record_call" }>, ctx: Context): ApplyResult<Extract<Command, { type: "record_call" }>>;
export function apply(state: WorkspaceState, command: Exclude<Command, { type: "record_call" }>, ctx: Context): ApplyResult<Exclude<Command, { type: "record_call" }>>;
export function apply(state: WorkspaceState, command: Command, ctx: Context): ApplyResult;

/**
 * The status of an invitation at `now` ("expired" for a pending one at or past `expires_at`).
 * @throws {WorkspaceRulesError} `validation_failed` (422).
 */
export function invitationStatus(invitation: Invitation, now: Timestamp): InvitationStatus;

/**
 * What an invitation shows without sign-in: `{ workspace_name, role, expires_at, status }`.
 * @throws {WorkspaceRulesError} `invalid_state`, `invitation_not_found` (404), `workspace_archived` (410).
 */
export function previewInvitation(state: WorkspaceState, invitation_id: Uuid, now: Timestamp): InvitationPreview;

/**
 * Checks a voice-settings patch for a form. Never throws on bad data: `{ ok, errors }`, where
 * `errors` is the list `updateVoiceSettings` would throw.
 */
export function validateVoiceSettings(patch: VoiceSettingsPatch): VoiceSettingsValidation;
/** Anything else a form holds is checked too (never throws). */
export function validateVoiceSettings(patch: unknown): VoiceSettingsValidation;

/** A command's type, and its fields (the command without `type`). */
export type CommandType = Command["type"];
export type CommandFields<T extends CommandType> = Omit<Extract<Command, { type: T }>, "type">;

/**
 * Checks the fields of a command of `type` for a form, as `apply` reads them, without a state (the
 * rules that need one — permissions, the last owner, an invitation's status — are `apply`'s).
 * Never throws on bad data: `{ ok, errors }`, paths `/type` or under `/fields`
 * (`docs/rules/commands.md#forms`).
 */
export function validateCommandFields(type: CommandType, fields: unknown): VoiceSettingsValidation;

/** One problem in the Standard Schema shape: the message, the path as segments, and the library's code. */
export interface StandardIssue {
  readonly message: string;
  readonly path: ReadonlyArray<string | number>;
  readonly code: string;
}

/**
 * A Standard Schema (standardschema.dev, version 1) backed by the library's own check, for form
 * libraries that take one (TanStack Form, react-hook-form's standard-schema resolver…). `validate`
 * answers `{ value }` (the value as given) or `{ issues }`; it never throws on bad data.
 */
export interface WorkspaceRulesSchema<Output> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "workspace-rules";
    readonly validate: (value: unknown) => { readonly value: Output; readonly issues?: undefined } | { readonly issues: ReadonlyArray<StandardIssue> };
    readonly types?: { readonly input: unknown; readonly output: Output };
  };
}

/** A voice-settings patch, as `validateVoiceSettings` checks it (paths as in the patch: `["keyterms", 3]`). */
export const voiceSettingsPatchSchema: WorkspaceRulesSchema<VoiceSettingsPatch>;
/** The body of a workspace update (`update_workspace`'s fields: name, environment, description). */
export const workspaceUpdateSchema: WorkspaceRulesSchema<CommandFields<"update_workspace">>;
/** The body of an invitation (`invite_member`'s fields: email, role). */
export const invitationSchema: WorkspaceRulesSchema<CommandFields<"invite_member">>;
/** The fields of any command, by its type. */
export function commandFieldsSchema<T extends CommandType>(type: T): WorkspaceRulesSchema<CommandFields<T>>;

/**
 * Applies a patch to stored voice settings: `{ settings, changed }`.
 * @throws {WorkspaceRulesError} `validation_failed` (422) listing every problem.
 */
export function updateVoiceSettings(current: VoiceSettings | null | undefined, patch: VoiceSettingsPatch): VoiceSettingsUpdate;

/**
 * Resolves every voice-settings field across the layers, with `sources`.
 * @throws {WorkspaceRulesError} `validation_failed` (422) listing every problem of the layers.
 */
export function effectiveVoiceSettings(layers: VoiceSettingsLayers): EffectiveVoiceSettings;

/**
 * Merges keyterm lists (`docs/rules/keyterms.md`): normalized, de-duplicated, first occurrence wins, capped at 200.
 * @throws {WorkspaceRulesError} `invalid_type` (400) for an argument that is not a list of strings;
 * `too_many_items` (422) past 10,000 terms in all or 10,000 lists (no list past the limit is read).
 */
export function mergeKeyterms(...lists: string[][]): KeytermMergeResult;

/**
 * Decides a platform request at the edge (`docs/rules/requests.md`) without any network call. Never throws for a
 * refused request: the refusal is the decision's `error`.
 * @throws {WorkspaceRulesError} only for a malformed request or context (`validation_failed`,
 * `invalid_state`).
 */
export function checkRequest(request: RuleRequest, context: RequestContext): Decision;

/**
 * May this user do `action` in this workspace? The matrix plus `docs/rules/roles.md` and `docs/rules/lifecycle.md` (knowledge bases in the
 * default workspace only, the outbound gate) and the credit gate of `docs/rules/credits.md` at `now`
 * (without `now`, on the stored period), as a decision.
 * @throws {WorkspaceRulesError} only for a malformed state, user id, action or `now`.
 */
export function authorize(state: WorkspaceState, user_id: string, action: Action, now?: Timestamp | null): Decision;

/**
 * The credit period containing `now` (`docs/rules/credits.md`), rolled forward without changing the
 * state; `null` without an allowance.
 * @throws {WorkspaceRulesError} `invalid_state`, `validation_failed` (a bad `now`), `invalid_value`
 * (a `now` before the stored period: time does not run backwards).
 */
export function creditStatus(state: WorkspaceState, now: Timestamp): CreditStatus | null;

/**
 * Everything the actor of `ctx` could do in this workspace at `ctx.now`, each entry with its refusal
 * (`docs/rules/capabilities.md`): an entry is allowed iff `apply` of its command succeeds, else `apply`
 * refuses with the entry's code and status (`no_change` aside).
 * @throws {WorkspaceRulesError} only for a malformed state or context.
 */
export function capabilities(state: WorkspaceState, ctx: Context): Capabilities;

/**
 * The delete confirmation: `true` when an owner typed the workspace's name (trimmed).
 * @throws {WorkspaceRulesError} `not_a_member` (404), `workspace_archived` (410), `forbidden` (403),
 * `default_workspace_protected` (409), `name_mismatch` (422).
 */
export function confirmDelete(state: WorkspaceState, confirmation: string, ctx: Context): boolean;

/**
 * Switches to a workspace: `{ workspace, role }` for an active member of an active workspace.
 * @throws {WorkspaceRulesError} `not_a_member` (404), `workspace_archived` (410), `validation_failed`.
 */
export function switchWorkspace(memberships: WorkspaceMembership[], workspace_id: Uuid): WorkspaceAccess;

/**
 * The user's workspaces: active memberships of active workspaces, in the given order.
 * @throws {WorkspaceRulesError} `validation_failed` listing every problem.
 */
export function listWorkspaces(memberships: WorkspaceMembership[]): WorkspaceAccess[];

/**
 * The tone for this moment of a call (`docs/rules/tone.md`): `{ tone, tier, source, matched_topic? }`.
 * @throws {WorkspaceRulesError} `invalid_value`, `out_of_range`, `invalid_type` or `unknown_field`.
 */
export function resolveTone(input: ToneInput): ToneResult;

/** One voice-settings field of `catalog()`: its type with its bounds or values, and its default. */
export type VoiceFieldSpec = { name: VoiceSettingsField; default: JsonValue } & (
  | { type: "string"; min_length: number; max_length: number }
  | { type: "number"; minimum: number; maximum: number }
  | { type: "boolean" }
  | { type: "enum"; values: string[] }
  /** A well-formed BCP-47 tag, stored in canonical case. */
  | { type: "language_tag"; max_length: number }
  /** Distinct items (compared normalized), each 1–item_max_length characters. */
  | { type: "list"; max_items: number; item_min_length: number; item_max_length: number }
);

/** The answer of `catalog()`. */
export interface Catalog {
  /** In the field table's order (the order of `changed` and of every output). */
  voice_fields: VoiceFieldSpec[];
  roles: Role[];
  actions: Action[];
  /** Every error code with the HTTP status a refusal with it has. */
  error_codes: { code: ErrorCode; status: number }[];
  /** The reader's limits: items in one list or object, nesting depth. */
  limits: { max_items: number; max_depth: number };
}

/**
 * What a form or a client needs to know of the rules, read from the module's own tables (a new
 * object each call): the voice-settings fields with type, bounds, enumeration values and defaults,
 * the roles and actions, the error codes with their statuses, the input limits. Never throws.
 */
export function catalog(): Catalog;
