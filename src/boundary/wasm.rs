//! The JavaScript boundary: the only module that knows about JavaScript.
//!
//! Two ways in, one dispatch ([`api::call`]), one way out. Plain JSON data arrives as the JSON text of
//! the argument list (`__callJson`, chosen by `rules.js`, see `scripts/build.mjs`); anything else
//! arrives at the typed export itself, whose reader ([`to_json`]) names what JSON cannot carry (NaN,
//! `undefined`, a BigInt…) so a rule can report it at its path. Answers leave as JSON text, parsed once
//! by `JSON.parse`; refusals are thrown as `WorkspaceRulesError`. No rule is decided here.

use crate::base::error::RuleError;
use crate::base::json::{Json, Unsupported, MAX_DEPTH, MAX_ITEMS};
use crate::boundary::api;
use crate::workspace::roles;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/js/error.js")]
extern "C" {
    #[wasm_bindgen(js_name = WorkspaceRulesError)]
    type JsRulesError;

    #[wasm_bindgen(constructor, js_class = "WorkspaceRulesError")]
    fn new(code: &str, status: u16, message: &str, errors: JsValue) -> JsRulesError;
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
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
  /** The actor's verified email; accepting or declining an invitation needs it. */
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

/** The answer of `createWorkspace` and `apply`; `call` only for `record_call`. */
export interface ApplyResult {
  state: WorkspaceState;
  events: AuditEvent[];
  call?: RecordedCall;
}

/** A request as the edge sees it (`docs/rules/requests.md`). The query string and fragment of `path` are ignored. */
export interface RuleRequest {
  method: string;
  path: string;
  body?: unknown;
}

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

/** The refusal inside a decision: the fields of a WorkspaceRulesError, as data. */
export interface RuleErrorData {
  code: string;
  status: number;
  message: string;
  errors: WorkspaceRulesProblem[];
}

/** The answer of `checkRequest` and `authorize`, keys in this order; `error` only when refused.
 *  `action` is "public" for the invitation preview and null for an unknown route. */
export interface Decision {
  allowed: boolean;
  action: Action | "public" | null;
  status: number;
  error?: RuleErrorData;
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
  code: string;
  message: string;
  path: string;
}

/** Every refusal of the library. `errors` lists every problem (a list of one for a single refusal). */
export class WorkspaceRulesError extends Error {
  readonly name: "WorkspaceRulesError";
  /** A stable snake_case identifier, e.g. "unknown_role". */
  readonly code: string;
  /** The HTTP status an API would answer with (400, 401, 402, 403, 404, 409, 410, 422, 500). */
  readonly status: number;
  readonly errors: WorkspaceRulesProblem[];
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

/** The answer of `effectiveVoiceSettings`: every field (table order), then `sources`. */
export interface EffectiveVoiceSettings extends ResolvedVoiceSettings {
  sources: VoiceSettingsSources;
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
"#;

/// Logs panics to the console before the module aborts, so a bug is visible rather than a bare
/// `unreachable` trap.
#[wasm_bindgen(start, private)]
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        gloo_console::error!(format!("workspace-rules panicked: {info}"));
    }));
}

/// Calls the export `name` with JS arguments read by [`to_json`], and hands the answer over as one
/// `JSON.parse` of the core's JSON text: one boundary crossing for the whole answer rather than one
/// per property (BENCHMARKS.md measures both), and the same text the JSON path of `rules.js` parses.
fn answer(name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let args: Vec<Json> = args.iter().map(to_json).collect();
    match api::call(name, &args) {
        Some(Ok(text)) => Ok(parse(&text)),
        Some(Err(err)) => Err(to_js_error(err)),
        None => Err(to_js_error(RuleError::single(
            crate::base::error::Code::InternalError,
            "",
            format!("workspace-rules exports no function {name}."),
        ))),
    }
}

/// A JS value from JSON text the core wrote (always valid JSON; `null` should it ever not be).
fn parse(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or(JsValue::NULL)
}

/// Turns a core refusal into a thrown `WorkspaceRulesError`.
fn to_js_error(err: RuleError) -> JsValue {
    JsRulesError::new(
        err.code.as_str(),
        err.status(),
        &err.message,
        parse(&api::text(&err.errors)),
    )
    .into()
}

/// Reads any JS value as untyped input. `undefined` properties of objects are left out (as
/// `JSON.stringify` does); values JSON cannot carry become [`Json::Unsupported`], for the rule to
/// report where they are.
fn to_json(value: &JsValue) -> Json {
    read(value, 0)
}

fn read(value: &JsValue, depth: usize) -> Json {
    if let Some(s) = value.as_string() {
        return Json::String(s);
    }
    if let Some(x) = value.as_f64() {
        return Json::number(x);
    }
    if let Some(b) = value.as_bool() {
        return Json::Bool(b);
    }
    if value.is_null() {
        return Json::Null;
    }
    let unsupported = if value.is_undefined() {
        Unsupported::Undefined
    } else if value.is_bigint() {
        Unsupported::BigInt
    } else if value.is_symbol() {
        Unsupported::Symbol
    } else if value.is_function() {
        Unsupported::Function
    } else if depth >= MAX_DEPTH {
        Unsupported::TooDeep
    } else if Array::is_array(value) {
        let items = value.unchecked_ref::<Array>();
        if items.length() as usize > MAX_ITEMS {
            Unsupported::TooManyItems
        } else {
            return Json::Array(items.iter().map(|v| read(&v, depth + 1)).collect());
        }
    } else {
        // Keys first: a huge object is refused before its values are touched.
        let object = value.unchecked_ref::<Object>();
        let keys = Object::keys(object);
        if keys.length() as usize > MAX_ITEMS {
            return Json::Unsupported(Unsupported::TooManyItems);
        }
        return Json::Object(
            keys.iter()
                .filter_map(|key| {
                    // A getter that throws reads as absent, like `undefined`.
                    let v = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
                    let key = key.as_string()?;
                    (!v.is_undefined()).then(|| (key, read(&v, depth + 1)))
                })
                .collect(),
        );
    };
    Json::Unsupported(unsupported)
}

/// All roles, highest rank first.
#[wasm_bindgen(js_name = roles, unchecked_return_type = "Role[]")]
pub fn js_roles() -> Result<JsValue, JsValue> {
    answer("roles", &[])
}

/// All actions, in the specification's order.
#[wasm_bindgen(js_name = actions, unchecked_return_type = "Action[]")]
pub fn js_actions() -> Result<JsValue, JsValue> {
    answer("actions", &[])
}

/// The default permission matrix: `{ owner: [...], admin: [...], member: [...] }`.
#[wasm_bindgen(js_name = permissionMatrix, unchecked_return_type = "PermissionMatrix")]
pub fn js_permission_matrix() -> Result<JsValue, JsValue> {
    answer("permissionMatrix", &[])
}

/// Whether the default matrix allows `role` to perform `action`.
/// @throws {WorkspaceRulesError} `unknown_role`, `unknown_action` (400), or `invalid_type` (400) for a
/// non-string argument.
#[wasm_bindgen(js_name = can, unchecked_return_type = "boolean")]
pub fn js_can(
    #[wasm_bindgen(unchecked_param_type = "Role")] role: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Action")] action: JsValue,
) -> Result<JsValue, JsValue> {
    answer("can", &[role, action])
}

/// Panics on purpose (`"panic"`), or exhausts the stack (`"recursion"`), so the tests can show that a
/// bug becomes `internal_error` on that call and the next calls still work. Test builds only.
#[cfg(feature = "test-panic")]
#[wasm_bindgen(js_name = __testPanic, skip_typescript)]
pub fn test_panic(kind: &str) -> u32 {
    fn deeper(n: u32) -> u32 {
        let frame = [n; 64];
        std::hint::black_box(&frame);
        deeper(n + 1).wrapping_add(frame[0])
    }
    match kind {
        "panic" => panic!("a deliberate panic for the trap-guard test"),
        "recursion" => deeper(0),
        _ => 0,
    }
}

/// `can` by position in `roles()` and `actions()`: `rules.js` maps the two names to their positions
/// once (a `Map` built from those two lists) and asks with two integers, so the hot path of permission
/// checks moves no strings at all. 1 = allowed, 0 = not, 2 = a position out of range (never sent;
/// `rules.js` then calls `can` on the JSON path, which words the refusal).
#[wasm_bindgen(js_name = __canIndex, skip_typescript)]
pub fn js_can_index(role: u32, action: u32) -> u32 {
    match roles::can_index(role as usize, action as usize) {
        Some(allowed) => allowed.into(),
        None => 2,
    }
}

/// Any export with its arguments as the JSON text of an array, the answer as JSON text behind a tag:
/// `"o" + answer`, `"e" + {code, status, message, errors}`, or `""` when the text is not for this path
/// (then `rules.js` calls the export itself). `rules.js` takes this path when every argument is plain
/// JSON data (see `scripts/build.mjs`): one string each way instead of a boundary crossing per property,
/// which is what made objects slow (BENCHMARKS.md).
/// The export is named by its position in `api::EXPORTS` (see `__exportNames`), so no name crosses.
#[wasm_bindgen(js_name = __callJson, skip_typescript)]
pub fn js_call_json(export: u32, args: &str) -> String {
    tagged_answer(api::call_text_at(export as usize, args))
}

/// `updateVoiceSettings` with its arguments as the JSON text of an array, as `__callJson` takes them,
/// and the compact answer of [`api::update_compact`] behind the same tags (`"o"`, `"e"`, `""`):
/// `rules.js` builds the answer from the values it sent (BENCHMARKS.md).
#[wasm_bindgen(js_name = __updateVoiceSettingsCompact, skip_typescript)]
pub fn js_update_voice_settings_compact(args: &str) -> String {
    tagged_answer(api::update_compact(args))
}

/// The names of the voice-settings fields in table order, as JSON: `scripts/build.mjs` reads them
/// from the module it has just built, for `rules.js` to name the fields of
/// [`api::update_compact`]'s answer.
#[wasm_bindgen(js_name = __voiceFields, skip_typescript)]
pub fn js_voice_fields() -> String {
    api::text(crate::voice::Field::NAMES)
}

/// An answer behind its tag: `"o" + answer`, `"e" + {code, status, message, errors}`, or `""` when
/// the text is not for this path.
fn tagged_answer(answer: Option<Result<String, RuleError>>) -> String {
    match answer {
        Some(Ok(answer)) => tagged('o', &answer),
        Some(Err(err)) => tagged('e', &api::text(&err)),
        None => String::new(),
    }
}

/// `mergeKeyterms` for lists of strings: the terms laid end to end and their lengths in UTF-16 code
/// units in, the compact answer of [`api::merge_joined`] out, or `""` when that is not for this path
/// (then `rules.js` calls the export itself). No JSON either way (BENCHMARKS.md).
#[wasm_bindgen(js_name = __mergeKeytermsJoined, skip_typescript)]
pub fn js_merge_keyterms_joined(joined: &str, lengths: &[u32]) -> String {
    api::merge_joined(joined, lengths).unwrap_or_default()
}

/// The names of the drop reasons in order, as JSON: `scripts/build.mjs` reads them from the module it
/// has just built, for `rules.js` to name the reasons of [`api::merge_joined`]'s answer.
#[wasm_bindgen(js_name = __dropReasons, skip_typescript)]
pub fn js_drop_reasons() -> String {
    api::text(crate::voice::keyterms::DropReason::NAMES)
}

/// The names of `api::EXPORTS` in order, as JSON: `scripts/build.mjs` reads them from the module it
/// has just built to number the exports in `rules.js`.
#[wasm_bindgen(js_name = __exportNames, skip_typescript)]
pub fn js_export_names() -> String {
    api::text(&api::EXPORTS.iter().map(|(n, _)| *n).collect::<Vec<_>>())
}

fn tagged(tag: char, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    out.push(tag);
    out.push_str(text);
    out
}

/// A slug for `name` (`docs/rules/workspace.md`), avoiding the `taken` ones with `-2`, `-3`, …
/// @throws {WorkspaceRulesError} `invalid_type` for a non-string name or taken entry.
#[wasm_bindgen(js_name = slugify, unchecked_return_type = "string")]
pub fn js_slugify(
    #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[] | null")] taken: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    answer("slugify", &[name, taken.unwrap_or(JsValue::UNDEFINED)])
}

/// Test caller numbers (`docs/rules/lifecycle.md`) normalized to E.164 and de-duplicated, keeping the first.
/// @throws {WorkspaceRulesError} `validation_failed` (422) listing every bad number at its index.
#[wasm_bindgen(js_name = normalizeTestCallerNumbers, unchecked_return_type = "{ numbers: string[] }")]
pub fn js_normalize_test_caller_numbers(
    #[wasm_bindgen(unchecked_param_type = "string[]")] numbers: JsValue,
) -> Result<JsValue, JsValue> {
    answer("normalizeTestCallerNumbers", &[numbers])
}

/// What a call of `duration_seconds` costs under `allocation` (`docs/rules/lifecycle.md`), in integers.
/// @throws {WorkspaceRulesError} listing every problem of the allocation and the duration.
#[wasm_bindgen(js_name = callCost, unchecked_return_type = "CallCost")]
pub fn js_call_cost(
    #[wasm_bindgen(unchecked_param_type = "MinutesAllocation")] allocation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] duration_seconds: JsValue,
) -> Result<JsValue, JsValue> {
    answer("callCost", &[allocation, duration_seconds])
}

/// The credit period containing `now` (`docs/rules/credits.md`), rolled forward without changing the
/// state; `null` without an allowance.
/// @throws {WorkspaceRulesError} `invalid_state`, `validation_failed` (a bad `now`), `invalid_value`
/// (a `now` before the stored period: time does not run backwards).
#[wasm_bindgen(js_name = creditStatus, unchecked_return_type = "CreditStatus | null")]
pub fn js_credit_status(
    #[wasm_bindgen(unchecked_param_type = "WorkspaceState")] state: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Timestamp")] now: JsValue,
) -> Result<JsValue, JsValue> {
    answer("creditStatus", &[state, now])
}

/// Takes two strings and does nothing: the cost of crossing the boundary with the arguments of `can`,
/// for the benchmarks. Bench builds only.
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = __benchEmpty, skip_typescript)]
pub fn bench_empty(a: &str, b: &str) -> bool {
    std::hint::black_box((a, b));
    true
}

/// A new workspace whose sole owner is the actor (`ctx.account_role` must be `"owner"`).
/// @throws {WorkspaceRulesError} `validation_failed` (422), `forbidden` (403).
#[wasm_bindgen(js_name = createWorkspace, unchecked_return_type = "ApplyResult")]
pub fn js_create_workspace(
    #[wasm_bindgen(unchecked_param_type = "NewWorkspaceInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Context")] ctx: JsValue,
) -> Result<JsValue, JsValue> {
    answer("createWorkspace", &[input, ctx])
}

/// Applies one command: the new state and the audit events, or a refusal (the state is untouched).
/// @throws {WorkspaceRulesError} `invalid_state`, `validation_failed`, `not_a_member`, `forbidden`, …
#[wasm_bindgen(js_name = apply, unchecked_return_type = "ApplyResult")]
pub fn js_apply(
    #[wasm_bindgen(unchecked_param_type = "WorkspaceState")] state: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Command")] command: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Context")] ctx: JsValue,
) -> Result<JsValue, JsValue> {
    answer("apply", &[state, command, ctx])
}

/// The status of an invitation at `now` ("expired" for a pending one at or past `expires_at`).
/// @throws {WorkspaceRulesError} `validation_failed` (422).
#[wasm_bindgen(js_name = invitationStatus, unchecked_return_type = "InvitationStatus")]
pub fn js_invitation_status(
    #[wasm_bindgen(unchecked_param_type = "Invitation")] invitation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Timestamp")] now: JsValue,
) -> Result<JsValue, JsValue> {
    answer("invitationStatus", &[invitation, now])
}

/// What an invitation shows without sign-in: `{ workspace_name, role, expires_at, status }`.
/// @throws {WorkspaceRulesError} `invalid_state`, `invitation_not_found` (404), `workspace_archived` (410).
#[wasm_bindgen(js_name = previewInvitation, unchecked_return_type = "InvitationPreview")]
pub fn js_preview_invitation(
    #[wasm_bindgen(unchecked_param_type = "WorkspaceState")] state: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uuid")] invitation_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Timestamp")] now: JsValue,
) -> Result<JsValue, JsValue> {
    answer("previewInvitation", &[state, invitation_id, now])
}

/// Decides a platform request at the edge (`docs/rules/requests.md`) without any network call. Never throws for a
/// refused request: the refusal is the decision's `error`.
/// @throws {WorkspaceRulesError} only for a malformed request or context (`validation_failed`,
/// `invalid_state`).
#[wasm_bindgen(js_name = checkRequest, unchecked_return_type = "Decision")]
pub fn js_check_request(
    #[wasm_bindgen(unchecked_param_type = "RuleRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RequestContext")] context: JsValue,
) -> Result<JsValue, JsValue> {
    answer("checkRequest", &[request, context])
}

/// May this user do `action` in this workspace? The matrix plus `docs/rules/roles.md` and `docs/rules/lifecycle.md` (knowledge bases in the
/// default workspace only, the outbound gate) and the credit gate of `docs/rules/credits.md` at `now`
/// (without `now`, on the stored period), as a decision.
/// @throws {WorkspaceRulesError} only for a malformed state, user id, action or `now`.
#[wasm_bindgen(js_name = authorize, unchecked_return_type = "Decision")]
pub fn js_authorize(
    #[wasm_bindgen(unchecked_param_type = "WorkspaceState")] state: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] user_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Action")] action: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Timestamp | null")] now: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    answer(
        "authorize",
        &[state, user_id, action, now.unwrap_or(JsValue::UNDEFINED)],
    )
}

/// The delete confirmation: `true` when an owner typed the workspace's name (trimmed).
/// @throws {WorkspaceRulesError} `not_a_member` (404), `workspace_archived` (410), `forbidden` (403),
/// `default_workspace_protected` (409), `name_mismatch` (422).
#[wasm_bindgen(js_name = confirmDelete, unchecked_return_type = "boolean")]
pub fn js_confirm_delete(
    #[wasm_bindgen(unchecked_param_type = "WorkspaceState")] state: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] confirmation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Context")] ctx: JsValue,
) -> Result<JsValue, JsValue> {
    answer("confirmDelete", &[state, confirmation, ctx])
}

/// Switches to a workspace: `{ workspace, role }` for an active member of an active workspace.
/// @throws {WorkspaceRulesError} `not_a_member` (404), `workspace_archived` (410), `validation_failed`.
#[wasm_bindgen(js_name = switchWorkspace, unchecked_return_type = "WorkspaceAccess")]
pub fn js_switch_workspace(
    #[wasm_bindgen(unchecked_param_type = "WorkspaceMembership[]")] memberships: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uuid")] workspace_id: JsValue,
) -> Result<JsValue, JsValue> {
    answer("switchWorkspace", &[memberships, workspace_id])
}

/// The user's workspaces: active memberships of active workspaces, in the given order.
/// @throws {WorkspaceRulesError} `validation_failed` listing every problem.
#[wasm_bindgen(js_name = listWorkspaces, unchecked_return_type = "WorkspaceAccess[]")]
pub fn js_list_workspaces(
    #[wasm_bindgen(unchecked_param_type = "WorkspaceMembership[]")] memberships: JsValue,
) -> Result<JsValue, JsValue> {
    answer("listWorkspaces", &[memberships])
}

/// Checks a voice-settings patch for a form. Never throws on bad data: `{ ok, errors }`, where
/// `errors` is the list `updateVoiceSettings` would throw.
#[wasm_bindgen(js_name = validateVoiceSettings, unchecked_return_type = "VoiceSettingsValidation")]
pub fn js_validate_voice_settings(
    #[wasm_bindgen(unchecked_param_type = "VoiceSettingsPatch | unknown")] patch: JsValue,
) -> Result<JsValue, JsValue> {
    answer("validateVoiceSettings", &[patch])
}

/// Applies a patch to stored voice settings: `{ settings, changed }`.
/// @throws {WorkspaceRulesError} `validation_failed` (422) listing every problem.
#[wasm_bindgen(js_name = updateVoiceSettings, unchecked_return_type = "VoiceSettingsUpdate")]
pub fn js_update_voice_settings(
    #[wasm_bindgen(unchecked_param_type = "VoiceSettings | null | undefined")] current: JsValue,
    #[wasm_bindgen(unchecked_param_type = "VoiceSettingsPatch")] patch: JsValue,
) -> Result<JsValue, JsValue> {
    answer("updateVoiceSettings", &[current, patch])
}

/// Resolves every voice-settings field across the layers, with `sources`.
/// @throws {WorkspaceRulesError} `validation_failed` (422) listing every problem of the layers.
#[wasm_bindgen(js_name = effectiveVoiceSettings, unchecked_return_type = "EffectiveVoiceSettings")]
pub fn js_effective_voice_settings(
    #[wasm_bindgen(unchecked_param_type = "VoiceSettingsLayers")] layers: JsValue,
) -> Result<JsValue, JsValue> {
    answer("effectiveVoiceSettings", &[layers])
}

/// Merges keyterm lists (`docs/rules/keyterms.md`): normalized, de-duplicated, first occurrence wins, capped at 200.
/// @throws {WorkspaceRulesError} `invalid_type` (400) for an argument that is not a list of strings.
#[wasm_bindgen(js_name = mergeKeyterms, variadic, unchecked_return_type = "KeytermMergeResult")]
pub fn js_merge_keyterms(
    #[wasm_bindgen(unchecked_param_type = "string[][]")] lists: Array,
) -> Result<JsValue, JsValue> {
    answer("mergeKeyterms", &lists.to_vec())
}

/// The tone for this moment of a call (`docs/rules/tone.md`): `{ tone, tier, source, matched_topic? }`.
/// @throws {WorkspaceRulesError} `invalid_value`, `out_of_range`, `invalid_type` or `unknown_field`.
#[wasm_bindgen(js_name = resolveTone, unchecked_return_type = "ToneResult")]
pub fn js_resolve_tone(
    #[wasm_bindgen(unchecked_param_type = "ToneInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    answer("resolveTone", &[input])
}

#[cfg(test)]
mod tests {
    //! The boundary's own tests, run by wasm-bindgen-test in Node and in headless Chromium.
    use super::*;
    use js_sys::{Reflect, JSON};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn js(source: &str) -> JsValue {
        js_sys::eval(source).expect("test fixture evaluates")
    }

    /// The state of a workspace `createWorkspace` made for its owner, and the owner's `ctx`.
    fn created_workspace() -> (JsValue, JsValue) {
        let input = js(r#"({ name: "Client A Support", environment: "production" })"#);
        let ctx = js(
            r#"({ actor_id: "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01", actor_email: "ana@example.com",
                  now: "2026-11-22T10:00:00Z", account_role: "owner",
                  ids: ["3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f"] })"#,
        );
        let created = js_create_workspace(input, ctx.clone()).unwrap();
        (field(&created, "state"), ctx)
    }

    fn field(value: &JsValue, key: &str) -> JsValue {
        Reflect::get(value, &JsValue::from_str(key)).unwrap()
    }

    #[wasm_bindgen_test]
    fn can_answers_booleans() {
        let can = |role: &str, action: &str| js_can(role.into(), action.into()).unwrap().as_bool();
        assert_eq!(can("admin", "members.invite"), Some(true));
        assert_eq!(can("member", "members.invite"), Some(false));
    }

    #[wasm_bindgen_test]
    fn refusals_are_workspace_rules_errors_with_every_problem() {
        let err = js_can(JsValue::from(42), "nope".into()).unwrap_err();
        assert!(
            err.is_instance_of::<js_sys::Error>(),
            "a real Error subclass"
        );
        assert_eq!(field(&err, "name"), "WorkspaceRulesError");
        assert_eq!(field(&err, "code"), "invalid_type");
        assert_eq!(field(&err, "status"), 400);
        let errors = JSON::stringify(&field(&err, "errors")).unwrap();
        assert_eq!(
            errors,
            r#"[{"code":"invalid_type","message":"role must be a string, got a number.","path":"/role"},{"code":"unknown_action","message":"Unknown action \"nope\": actions() lists the known ones.","path":"/action"}]"#
        );
    }

    #[wasm_bindgen_test]
    fn voice_exports_answer_plain_objects_in_wire_order() {
        let answer =
            js_validate_voice_settings(js("({ speed: Symbol('s'), tone: 'calm' })")).unwrap();
        assert_eq!(
            JSON::stringify(&answer).unwrap(),
            r#"{"ok":false,"errors":[{"code":"invalid_type","message":"speed must be a finite number, got a symbol.","path":"/speed"}]}"#
        );
        let update = js_update_voice_settings(JsValue::NULL, js("({ volume: -0, tone: 'calm' })"));
        assert_eq!(
            JSON::stringify(&update.unwrap()).unwrap(),
            r#"{"settings":{"tone":"calm","volume":0},"changed":["tone","volume"]}"#
        );
    }

    #[wasm_bindgen_test]
    fn merge_keyterms_takes_the_lists_as_one_array() {
        let lists = js("[['Straße'], ['STRASSE', 'x']]").unchecked_into::<Array>();
        let merged = js_merge_keyterms(lists).unwrap();
        assert_eq!(
            JSON::stringify(&field(&merged, "keyterms")).unwrap(),
            r#"["Straße","x"]"#
        );
        let err = js_merge_keyterms(js("[['a'], 'b']").unchecked_into::<Array>()).unwrap_err();
        assert_eq!(field(&err, "code"), "invalid_type");
        assert_eq!(
            JSON::stringify(&field(&err, "errors")).unwrap(),
            r#"[{"code":"invalid_type","message":"lists[1] must be a list of strings, got a string.","path":"/1"}]"#
        );
    }

    #[wasm_bindgen_test]
    fn values_json_cannot_carry_are_named() {
        for (source, expected) in [
            ("NaN", Unsupported::NaN),
            ("-Infinity", Unsupported::NegativeInfinity),
            ("undefined", Unsupported::Undefined),
            ("10n", Unsupported::BigInt),
            ("Symbol('s')", Unsupported::Symbol),
            ("(() => 1)", Unsupported::Function),
        ] {
            assert_eq!(
                to_json(&js(source)),
                Json::Unsupported(expected),
                "{source}"
            );
        }
    }

    #[wasm_bindgen_test]
    fn objects_keep_order_and_drop_undefined_properties() {
        let value = to_json(&js(
            r#"({ b: 1, a: [null, undefined], c: undefined, "__proto__x": true })"#,
        ));
        assert_eq!(
            value,
            Json::Object(vec![
                ("b".into(), Json::Number(1.0)),
                (
                    "a".into(),
                    Json::Array(vec![Json::Null, Json::Unsupported(Unsupported::Undefined)])
                ),
                ("__proto__x".into(), Json::Bool(true)),
            ])
        );
        let own_proto = to_json(&JSON::parse(r#"{"__proto__": 1}"#).unwrap());
        assert_eq!(
            own_proto,
            Json::Object(vec![("__proto__".into(), Json::Number(1.0))])
        );
    }

    /// v4 ids come from `crypto.getRandomValues` in both Node and the browser (uuid's `js` feature).
    #[wasm_bindgen_test]
    fn new_ids_are_random_v4_uuids() {
        let input = js(r#"({ name: "Client A Support", environment: "production" })"#);
        let ctx = js(
            r#"({ actor_id: "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01", actor_email: "ana@example.com",
                  now: "2026-11-22T10:00:00Z", account_role: "owner" })"#,
        );
        let id = |v: JsValue| {
            let workspace = field(&field(&v, "state"), "workspace");
            field(&workspace, "id").as_string().unwrap()
        };
        let a = id(js_create_workspace(input.clone(), ctx.clone()).unwrap());
        let b = id(js_create_workspace(input, ctx).unwrap());
        assert_ne!(a, b);
        for s in [&a, &b] {
            assert!(crate::base::validate::is_uuid(s), "{s}");
            assert_eq!(&s[14..15], "4", "version 4: {s}");
            assert!("89ab".contains(&s[19..20]), "RFC 4122 variant: {s}");
        }
    }

    #[wasm_bindgen_test]
    fn apply_answers_plain_objects_in_wire_order() {
        let (state, ctx) = created_workspace();
        let command = js(
            r#"({ type: "change_role", user_id: "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01", role: "admin" })"#,
        );
        let err = js_apply(state.clone(), command, ctx).unwrap_err();
        assert_eq!(field(&err, "code"), "last_owner");
        let keys = JSON::stringify(&js_sys::Object::keys(state.unchecked_ref::<Object>())).unwrap();
        assert_eq!(
            keys,
            r#"["workspace","members","invitations","settings","voice_settings","test_caller_numbers","minutes","credits"]"#
        );
    }

    /// creditStatus answers null without an allowance and a plain object with one; authorize takes
    /// an optional `now` for the credit gate.
    #[wasm_bindgen_test]
    fn credit_status_and_the_gate_across_the_boundary() {
        let (state, ctx) = created_workspace();
        assert!(
            js_credit_status(state.clone(), js(r#""2026-11-22T10:00:00Z""#))
                .unwrap()
                .is_null()
        );
        let set = js(
            r#"({ type: "set_credit_allowance", monthly_credits: 0, reset_day: 1,
            rollover: "none", rollover_cap: 0, hard_limit: true, alert_thresholds: [100],
            rates: { call_seconds: { credits: 1, per: 6 }, stt_seconds: { credits: 1, per: 60 },
                     tts_characters: { credits: 1, per: 100 }, llm_input_tokens: { credits: 1, per: 1000 },
                     llm_output_tokens: { credits: 3, per: 1000 } } })"#,
        );
        let state = field(&js_apply(state, set, ctx).unwrap(), "state");
        let status = js_credit_status(state.clone(), js(r#""2026-11-22T10:00:00Z""#)).unwrap();
        assert_eq!(field(&status, "period_start"), "2026-11-01T00:00:00.000Z");
        assert_eq!(field(&status, "exhausted"), JsValue::TRUE);
        let owner = js(r#""5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01""#);
        let action = js(r#""calls.outbound""#);
        for now in [None, Some(js(r#""2026-11-22T10:00:00Z""#))] {
            let d = js_authorize(state.clone(), owner.clone(), action.clone(), now).unwrap();
            assert_eq!(field(&d, "status").as_f64(), Some(402.0));
        }
    }

    /// A refused request is an answer, not a throw: a plain object, keys in order; a malformed
    /// request is the one thing that throws.
    #[wasm_bindgen_test]
    fn check_request_answers_decisions_and_throws_only_for_malformed_input() {
        let (state, _) = created_workspace();
        let context = Object::new();
        Reflect::set(&context, &"actor".into(), &JsValue::NULL).unwrap();
        Reflect::set(&context, &"state".into(), &state).unwrap();
        Reflect::set(&context, &"now".into(), &"2026-11-22T10:00:00Z".into()).unwrap();
        let request = js(
            r#"({ method: "GET", path: "/v1/workspaces/3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f" })"#,
        );
        let decision = js_check_request(request, context.clone().into()).unwrap();
        assert_eq!(
            JSON::stringify(&decision).unwrap(),
            r#"{"allowed":false,"action":"workspace.view","status":401,"error":{"code":"unauthenticated","status":401,"message":"The request carries no credentials.","errors":[{"code":"unauthenticated","message":"The request carries no credentials.","path":"/context/actor"}]}}"#
        );
        let err = js_check_request(js("'GET /'"), context.into()).unwrap_err();
        assert_eq!(field(&err, "code"), "validation_failed");
    }

    #[wasm_bindgen_test]
    fn deep_nesting_is_cut_off_not_a_stack_overflow() {
        let deep = js("let v = 1; for (let i = 0; i < 100000; i++) v = [v]; v");
        let mut value = &to_json(&deep);
        let mut depth = 0;
        while let Json::Array(items) = value {
            value = &items[0];
            depth += 1;
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(value, &Json::Unsupported(Unsupported::TooDeep));
    }
}
