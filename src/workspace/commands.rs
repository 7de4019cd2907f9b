//! `docs/rules/commands.md` Commands: `apply(state, command, ctx)` → `{ state, events }`, and `createWorkspace`.
//!
//! One [`Command`] enum, read from JSON by its `type` tag; one handler per variant in the domain
//! modules (`membership`, `invitations`, `lifecycle`, `test_numbers`, `minutes`, `credit_commands`,
//! `voice::update`);
//! this module only parses, checks, dispatches and collects. Request bodies (`docs/rules/requests.md`) are read by the same
//! per-type readers ([`read_fields`]). Adding a command (say `provision {}`) touches only this file and its domain module: the
//! wire name in [`CommandType`], the variant in [`Command`] (with its arm in `kind` and `check`), its
//! keys in `keys` and its fields in [`read_command`], and the one arm in [`apply`] that calls the
//! handler. The compiler points at every match that misses the new variant.
//!
//! Order of checks (the first failing step answers):
//! 1. the state (`invalid_state`, every problem);
//! 2. the context and the command together (`validation_failed`, every problem; an unknown `type` is
//!    `invalid_value` at `/command/type`; `accept_invitation` and `decline_invitation` without
//!    `ctx.actor_email` is a problem of the context, `invalid_type` at `/ctx/actor_email`);
//! 3. the actor: not an active member → `not_a_member` (404) — except `accept_invitation` and
//!    `decline_invitation`, whose actor is the invitee, identified by `ctx.actor_email`;
//! 4. an archived workspace → `workspace_archived` (410), for every command;
//! 5. the permission matrix → `forbidden` (403);
//! 6. the command's own rules (targets, ranks, last owner, invitation state…).
//!
//! A refusal returns before anything is handed back: the input state is never changed. A command that
//! changes nothing (the same role again, an update to equal values) answers the same state and no
//! events.
//!
//! ```
//! use workspace_rules::workspace::commands::{apply, Command};
//! use workspace_rules::workspace::context::Context;
//! use workspace_rules::workspace::invitations::{preview_invitation, InvitationStatus};
//! use workspace_rules::workspace::commands::create_workspace;
//! use workspace_rules::workspace::lifecycle::NewWorkspace;
//! use workspace_rules::workspace::state::Environment;
//! use workspace_rules::base::timestamp::Timestamp;
//! use workspace_rules::Role;
//!
//! let ana = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
//! let bo = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02";
//! let now = Timestamp::parse("2026-11-22T10:00:00Z").unwrap();
//! let owner = Context::new(ana, now.clone())
//!     .with_email("ana@example.com")
//!     .with_account_role(Role::Owner);
//! let input = NewWorkspace {
//!     name: "Client A Support".into(),
//!     slug: None,
//!     environment: Environment::Production,
//!     description: None,
//!     backend_org_id: None,
//!     is_default: false,
//!     owner_display_name: Some("Ana".into()),
//! };
//! let state = create_workspace(&input, &owner)?.state;
//!
//! let invite = Command::InviteMember { email: "Bo@Example.com".into(), role: Role::Admin };
//! let state = apply(&state, &invite, &owner)?.state;
//! let id = state.invitations[0].id.clone();
//! let preview = preview_invitation(&state, &id, &now)?;
//! assert_eq!(preview.status, InvitationStatus::Pending);
//!
//! let invitee = Context::new(bo, now).with_email("bo@example.com");
//! let accept = Command::AcceptInvitation { invitation_id: id, user_id: bo.into(), display_name: None };
//! let accepted = apply(&state, &accept, &invitee)?;
//! assert_eq!(accepted.state.active_member(bo).map(|m| m.role), Some(Role::Admin));
//! assert_eq!(accepted.events.len(), 2);
//! # Ok::<(), workspace_rules::RuleError>(())
//! ```

use crate::base::error::{Code, RuleError};
use crate::base::json::Json;
use crate::base::names::names;
use crate::base::validate::{
    child, describe, field, no_unknown_fields, object, one_of, string, uuid, Problems, Validation,
};
use crate::workspace::audit::Event;
use crate::workspace::context::{read_context, Context};
use crate::workspace::credit_commands::{self, AllowanceChange};
use crate::workspace::credits::Meter;
use crate::workspace::invitations;
use crate::workspace::lifecycle::{self, NewWorkspace, SettingsPatch, WorkspacePatch};
use crate::workspace::membership;
use crate::workspace::minutes::{Allocation, RecordedCall};
use crate::workspace::roles::{read_role, Role};
use crate::workspace::state::{
    check_description, check_new_email, check_new_name, check_slug, state_input, WorkspaceState,
};
use serde::Serialize;

names! {
    /// The command types of `docs/rules/commands.md`.
    pub enum CommandType {
        InviteMember = "invite_member",
        RevokeInvitation = "revoke_invitation",
        AcceptInvitation = "accept_invitation",
        DeclineInvitation = "decline_invitation",
        RemoveMember = "remove_member",
        LeaveWorkspace = "leave_workspace",
        ChangeRole = "change_role",
        UpdateWorkspace = "update_workspace",
        UpdateSettings = "update_settings",
        UpdateVoiceSettings = "update_voice_settings",
        SetTestCallerNumbers = "set_test_caller_numbers",
        Provision = "provision",
        Archive = "archive",
        AllocateMinutes = "allocate_minutes",
        RecordCall = "record_call",
        SetCreditAllowance = "set_credit_allowance",
        RecordUsage = "record_usage",
    }
}

/// A command, typed.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(tag = "type", rename_all = "snake_case", deny_unknown_fields, transform = crate::workspace::schema::tag_into_forms))]
pub enum Command {
    InviteMember {
        email: String,
        role: Role,
    },
    RevokeInvitation {
        #[cfg_attr(feature = "schema", schemars(with = "crate::base::schema::Uuid"))]
        invitation_id: String,
    },
    AcceptInvitation {
        #[cfg_attr(feature = "schema", schemars(with = "crate::base::schema::Uuid"))]
        invitation_id: String,
        #[cfg_attr(feature = "schema", schemars(with = "crate::base::schema::Uuid"))]
        user_id: String,
        display_name: Option<String>,
    },
    DeclineInvitation {
        #[cfg_attr(feature = "schema", schemars(with = "crate::base::schema::Uuid"))]
        invitation_id: String,
    },
    RemoveMember {
        #[cfg_attr(feature = "schema", schemars(with = "crate::base::schema::Uuid"))]
        user_id: String,
    },
    LeaveWorkspace,
    ChangeRole {
        #[cfg_attr(feature = "schema", schemars(with = "crate::base::schema::Uuid"))]
        user_id: String,
        role: Role,
    },
    UpdateWorkspace(WorkspacePatch),
    /// The patch is validated when the command runs, after the permission check (`docs/rules/voice-settings.md` rules).
    UpdateVoiceSettings {
        #[cfg_attr(feature = "schema", schemars(with = "crate::voice::VoiceSettings"))]
        patch: Json,
    },
    UpdateSettings(SettingsPatch),
    /// The list is validated and normalized when the command runs, after the permission check (`docs/rules/lifecycle.md`
    /// rules, problems at `/command/numbers/<index>`).
    SetTestCallerNumbers {
        /// E.164 numbers; at most 100 once normalized and de-duplicated (keeping the first).
        #[cfg_attr(feature = "schema", schemars(with = "Vec<String>", length(max = crate::base::json::MAX_ITEMS)))]
        numbers: Json,
    },
    Provision,
    /// `slug` is the confirmation: it must equal the workspace's slug exactly.
    Archive {
        slug: String,
    },
    /// `available_minutes`: what the source has left (the source is outside the aggregate).
    AllocateMinutes {
        #[cfg_attr(feature = "schema", schemars(flatten))]
        allocation: Allocation,
        #[cfg_attr(feature = "schema", schemars(range(min = 0, max = crate::workspace::minutes::MAX_SAFE)))]
        available_minutes: i64,
    },
    RecordCall {
        #[cfg_attr(feature = "schema", schemars(range(min = 0, max = crate::workspace::minutes::MAX_SAFE)))]
        duration_seconds: i64,
    },
    SetCreditAllowance(AllowanceChange),
    /// `units`: a whole number > 0 of the meter's own units.
    RecordUsage {
        meter: Meter,
        #[cfg_attr(feature = "schema", schemars(range(min = 1, max = crate::workspace::minutes::MAX_SAFE)))]
        units: i64,
    },
}

impl Command {
    pub fn kind(&self) -> CommandType {
        match self {
            Command::InviteMember { .. } => CommandType::InviteMember,
            Command::RevokeInvitation { .. } => CommandType::RevokeInvitation,
            Command::AcceptInvitation { .. } => CommandType::AcceptInvitation,
            Command::DeclineInvitation { .. } => CommandType::DeclineInvitation,
            Command::RemoveMember { .. } => CommandType::RemoveMember,
            Command::LeaveWorkspace => CommandType::LeaveWorkspace,
            Command::ChangeRole { .. } => CommandType::ChangeRole,
            Command::UpdateWorkspace(_) => CommandType::UpdateWorkspace,
            Command::UpdateVoiceSettings { .. } => CommandType::UpdateVoiceSettings,
            Command::UpdateSettings(_) => CommandType::UpdateSettings,
            Command::SetTestCallerNumbers { .. } => CommandType::SetTestCallerNumbers,
            Command::Provision => CommandType::Provision,
            Command::Archive { .. } => CommandType::Archive,
            Command::AllocateMinutes { .. } => CommandType::AllocateMinutes,
            Command::RecordCall { .. } => CommandType::RecordCall,
            Command::SetCreditAllowance(_) => CommandType::SetCreditAllowance,
            Command::RecordUsage { .. } => CommandType::RecordUsage,
        }
    }

    /// The value rules of the command's fields (emails, ids, names, lengths), at `/command/…`. A command
    /// read by [`read_command`] has passed them already; a typed one built in Rust is checked here.
    pub fn check(&self, p: &mut Problems) {
        let at = |k: &str| child("/command", k);
        let id = |v: &str, k: &str, p: &mut Problems| {
            uuid(&Json::String(v.to_owned()), &at(k), p);
        };
        match self {
            Command::InviteMember { email, .. } => check_new_email(email, &at("email"), p),
            Command::RevokeInvitation { invitation_id }
            | Command::DeclineInvitation { invitation_id } => id(invitation_id, "invitation_id", p),
            Command::AcceptInvitation {
                invitation_id,
                user_id,
                display_name,
            } => {
                id(invitation_id, "invitation_id", p);
                id(user_id, "user_id", p);
                if let Some(name) = display_name {
                    check_new_name(name, &at("display_name"), p);
                }
            }
            Command::RemoveMember { user_id } | Command::ChangeRole { user_id, .. } => {
                id(user_id, "user_id", p)
            }
            Command::LeaveWorkspace
            | Command::UpdateVoiceSettings { .. }
            | Command::SetTestCallerNumbers { .. }
            | Command::Provision
            | Command::Archive { .. } => {}
            Command::UpdateSettings(patch) => patch.check(p),
            Command::AllocateMinutes {
                allocation,
                available_minutes,
            } => {
                let mut fields = vec![
                    (
                        "source_id".to_owned(),
                        Json::from(allocation.source_id.as_str()),
                    ),
                    (
                        "minutes".to_owned(),
                        Json::Number(allocation.minutes as f64),
                    ),
                    (
                        "cost_per_minute".to_owned(),
                        Json::Number(allocation.cost_per_minute as f64),
                    ),
                    (
                        "pulse_seconds".to_owned(),
                        Json::Number(allocation.pulse_seconds as f64),
                    ),
                    (
                        "currency".to_owned(),
                        Json::from(allocation.currency.as_str()),
                    ),
                ];
                fields.push((
                    "available_minutes".to_owned(),
                    Json::Number(*available_minutes as f64),
                ));
                read_allocation(&Json::Object(fields), "/command", &[], p);
            }
            Command::RecordCall { duration_seconds } => {
                read_duration(
                    &Json::Number(*duration_seconds as f64),
                    &at("duration_seconds"),
                    p,
                );
            }
            Command::SetCreditAllowance(change) => change.check(p),
            Command::RecordUsage { units, .. } => {
                read_units(&Json::Number(*units as f64), &at("units"), p);
            }
            Command::UpdateWorkspace(patch) => {
                if let Some(name) = &patch.name {
                    check_new_name(name, &at("name"), p);
                }
                if let Some(Some(d)) = &patch.description {
                    check_description(d, &at("description"), p);
                }
            }
        }
    }
}

/// The answer of a command: the new state and the events, in the order things happened; for
/// `record_call` only, `call` reports the bill and the balance (left out for every other command).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ApplyResult", transform = crate::base::schema::optional_not_null))]
pub struct Applied {
    pub state: WorkspaceState,
    pub events: Vec<Event>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call: Option<RecordedCall>,
}

/// An allocation's terms plus `available_minutes` (an integer ≥ 0) from an object at `path`.
fn read_allocation(
    value: &Json,
    path: &str,
    extra: &[&str],
    p: &mut Problems,
) -> Option<(Allocation, i64)> {
    let mut known = vec!["available_minutes"];
    known.extend_from_slice(extra);
    let allocation = Allocation::read_with(value, path, &known, p);
    let undefined = Json::Unsupported(crate::base::json::Unsupported::Undefined);
    let available = crate::base::validate::integer_in(
        value.get("available_minutes").unwrap_or(&undefined),
        &child(path, "available_minutes"),
        0,
        crate::workspace::minutes::MAX_SAFE,
        p,
    );
    Some((allocation?, available?))
}

/// A call's duration: whole seconds, ≥ 0.
fn read_duration(value: &Json, path: &str, p: &mut Problems) -> Option<i64> {
    crate::base::validate::integer_in(value, path, 0, crate::workspace::minutes::MAX_SAFE, p)
}

/// Usage units: whole, > 0.
fn read_units(value: &Json, path: &str, p: &mut Problems) -> Option<i64> {
    crate::base::validate::integer_in(value, path, 1, crate::workspace::minutes::MAX_SAFE, p)
}

/// Applies a typed command. The state's invariants and the command's value rules are checked first.
pub fn apply(
    state: &WorkspaceState,
    command: &Command,
    ctx: &Context,
) -> Result<Applied, RuleError> {
    state.check("/state")?;
    apply_valid(state.clone(), command, ctx)
}

/// [`apply`] to a state known to be valid, taken by value. [`apply_input`] reads its state with
/// `state_input`, which checks every rule [`WorkspaceState::check`] does, field by field as it reads;
/// checking the typed state again took a fifth of a call, and copying it another twentieth (10,000
/// members, BENCHMARKS.md). Debug builds (every test) still check, so a rule added to `check` but not
/// to the reader fails the tests instead of slipping through.
fn apply_valid(
    mut next: WorkspaceState,
    command: &Command,
    ctx: &Context,
) -> Result<Applied, RuleError> {
    debug_assert_eq!(
        next.check("/state"),
        Ok(()),
        "state_input and check disagree"
    );
    let mut p = Problems::new();
    needs_email(Some(command.kind()), ctx, &mut p);
    command.check(&mut p);
    p.finish(Code::ValidationFailed, ())?;
    ctx.rewind();
    let mut call = None;
    let events = match command {
        Command::InviteMember { email, role } => {
            invitations::invite_member(&mut next, email, *role, ctx)?
        }
        Command::RevokeInvitation { invitation_id } => {
            invitations::revoke_invitation(&mut next, invitation_id, ctx)?
        }
        Command::AcceptInvitation {
            invitation_id,
            user_id,
            display_name,
        } => invitations::accept_invitation(
            &mut next,
            invitation_id,
            user_id,
            display_name.as_deref(),
            ctx,
        )?,
        Command::DeclineInvitation { invitation_id } => {
            invitations::decline_invitation(&mut next, invitation_id, ctx)?
        }
        Command::RemoveMember { user_id } => membership::remove_member(&mut next, user_id, ctx)?,
        Command::LeaveWorkspace => membership::leave_workspace(&mut next, ctx)?,
        Command::ChangeRole { user_id, role } => {
            membership::change_role(&mut next, user_id, *role, ctx)?
        }
        Command::UpdateWorkspace(patch) => lifecycle::update_workspace(&mut next, patch, ctx)?,
        Command::UpdateVoiceSettings { patch } => {
            crate::workspace::voice_settings::update_voice_settings(&mut next, patch, ctx)?
        }
        Command::UpdateSettings(patch) => lifecycle::update_settings(&mut next, patch, ctx)?,
        Command::SetTestCallerNumbers { numbers } => {
            lifecycle::set_test_caller_numbers(&mut next, numbers, ctx)?
        }
        Command::Provision => lifecycle::provision(&mut next, ctx)?,
        Command::Archive { slug } => lifecycle::archive(&mut next, slug, ctx)?,
        Command::AllocateMinutes {
            allocation,
            available_minutes,
        } => {
            membership::require(&next, ctx, crate::workspace::roles::Action::MinutesAllocate)?;
            crate::workspace::minutes::allocate_minutes(
                &mut next.minutes,
                &next.workspace.id,
                allocation,
                *available_minutes,
                ctx,
            )?
        }
        Command::RecordCall { duration_seconds } => {
            membership::acting_role(&next, ctx)?;
            call = Some(crate::workspace::minutes::record_call(
                &mut next.minutes,
                *duration_seconds,
            )?);
            Vec::new()
        }
        Command::SetCreditAllowance(change) => {
            credit_commands::set_credit_allowance(&mut next, change, ctx)?
        }
        Command::RecordUsage { meter, units } => {
            credit_commands::record_usage(&mut next, *meter, *units, ctx)?
        }
    };
    Ok(Applied {
        state: next,
        events,
        call,
    })
}

/// `apply(state, command, ctx)` for untyped input (paths `/state/…`, `/command/…`, `/ctx/…`).
pub fn apply_input(state: &Json, command: &Json, ctx: &Json) -> Result<Applied, RuleError> {
    apply_input_to(state_input(state, "/state")?, command, ctx)
}

/// [`apply_input`] to a state already read by `state_input` (or produced by a rule, whose answers
/// always read back as themselves: `tests/properties.rs`), for `api`'s cache of the last state.
pub(crate) fn apply_input_to(
    state: WorkspaceState,
    command: &Json,
    ctx: &Json,
) -> Result<Applied, RuleError> {
    let mut p = Problems::new();
    let read = read_context(ctx, "/ctx", &mut p);
    if let Some(ctx) = &read {
        let kind = command.get("type").and_then(Json::as_str);
        needs_email(kind.and_then(CommandType::from_name), ctx, &mut p);
    }
    let command = read_command(command, "/command", &mut p);
    match (read, command) {
        (Some(ctx), Some(command)) if p.is_empty() => apply_valid(state, &command, &ctx),
        _ => Err(RuleError::many(Code::ValidationFailed, p.into_vec())),
    }
}

/// Step 2's rule of the invitee: accepting and declining need `ctx.actor_email`
/// ([`invitations::invitee_email`]), a problem of the context, listed with its others.
fn needs_email(kind: Option<CommandType>, ctx: &Context, p: &mut Problems) {
    use CommandType::{AcceptInvitation, DeclineInvitation};
    if matches!(kind, Some(AcceptInvitation | DeclineInvitation)) {
        invitations::invitee_email(ctx.actor_email.as_deref(), "/ctx/actor_email", p);
    }
}

/// The keys each command type takes besides `type`.
fn keys(kind: CommandType) -> &'static [&'static str] {
    match kind {
        CommandType::InviteMember => &["email", "role"],
        CommandType::RevokeInvitation | CommandType::DeclineInvitation => &["invitation_id"],
        CommandType::AcceptInvitation => &["invitation_id", "user_id", "display_name"],
        CommandType::RemoveMember => &["user_id"],
        CommandType::LeaveWorkspace => &[],
        CommandType::ChangeRole => &["user_id", "role"],
        CommandType::UpdateWorkspace => &["name", "environment", "description"],
        CommandType::UpdateVoiceSettings => &["patch"],
        CommandType::UpdateSettings => crate::workspace::state::SETTINGS_KEYS,
        CommandType::SetTestCallerNumbers => &["numbers"],
        CommandType::Provision => &[],
        CommandType::Archive => &["slug"],
        CommandType::AllocateMinutes => &[
            "source_id",
            "minutes",
            "cost_per_minute",
            "pulse_seconds",
            "currency",
            "available_minutes",
        ],
        CommandType::RecordCall => &["duration_seconds"],
        CommandType::SetCreditAllowance => credit_commands::SET_ALLOWANCE_KEYS,
        CommandType::RecordUsage => &["meter", "units"],
    }
}

/// Reads a command found at `path`, recording every problem (shape and value rules) in `p`.
pub fn read_command(value: &Json, path: &str, p: &mut Problems) -> Option<Command> {
    let e = object(value, path, p)?;
    let kind: CommandType = one_of(field(e, "type"), &child(path, "type"), p)?;
    read_fields(kind, value, &["type"], path, p)
}

/// `validateCommandFields(type, fields)`: the fields of a command of `type` checked as `apply` reads
/// them, for a form — without a state, so the rules that need one (permissions, the last owner, an
/// invitation's status…) are left to `apply`. Never refuses: every problem, at `/type` or under
/// `/fields`, is exactly what `apply` would list for the command `{ type, ...fields }`.
pub fn validate_fields_input(kind: &Json, fields: &Json) -> Validation {
    let mut p = Problems::new();
    if let Some(kind) = one_of::<CommandType>(kind, "/type", &mut p) {
        read_fields(kind, fields, &[], "/fields", &mut p);
    }
    Validation::of(p)
}

/// Reads the fields of a command of `kind` from the object `value` at `path` (a command, or a request
/// body that carries one: `docs/rules/requests.md` validates bodies with these same readers). `extra` keys are allowed
/// besides the command's own (`type` in a command).
pub fn read_fields(
    kind: CommandType,
    value: &Json,
    extra: &[&str],
    path: &str,
    p: &mut Problems,
) -> Option<Command> {
    let e = object(value, path, p)?;
    let mut known = extra.to_vec();
    known.extend_from_slice(keys(kind));
    // An allocation's reader reports its own unknown keys.
    if kind != CommandType::AllocateMinutes {
        no_unknown_fields(e, &known, path, p);
    }
    let at = |k: &str| child(path, k);
    let id = |k: &str, p: &mut Problems| uuid(field(e, k), &at(k), p).map(str::to_owned);
    let command = match kind {
        CommandType::InviteMember => {
            let email = string(field(e, "email"), &at("email"), p);
            if let Some(email) = email {
                check_new_email(email, &at("email"), p);
            }
            let role = read_role(field(e, "role"), &at("role"), p);
            Command::InviteMember {
                email: email?.to_owned(),
                role: role?,
            }
        }
        CommandType::RevokeInvitation => Command::RevokeInvitation {
            invitation_id: id("invitation_id", p)?,
        },
        CommandType::DeclineInvitation => Command::DeclineInvitation {
            invitation_id: id("invitation_id", p)?,
        },
        CommandType::AcceptInvitation => {
            let invitation_id = id("invitation_id", p);
            let user_id = id("user_id", p);
            let display_name = read_display_name(e, "display_name", path, p);
            Command::AcceptInvitation {
                invitation_id: invitation_id?,
                user_id: user_id?,
                display_name: display_name?,
            }
        }
        CommandType::RemoveMember => Command::RemoveMember {
            user_id: id("user_id", p)?,
        },
        CommandType::LeaveWorkspace => Command::LeaveWorkspace,
        CommandType::UpdateVoiceSettings => Command::UpdateVoiceSettings {
            patch: field(e, "patch").clone(),
        },
        CommandType::UpdateSettings => {
            Command::UpdateSettings(lifecycle::read_settings_patch(e, path, p)?)
        }
        CommandType::SetTestCallerNumbers => Command::SetTestCallerNumbers {
            numbers: field(e, "numbers").clone(),
        },
        CommandType::Provision => Command::Provision,
        CommandType::Archive => Command::Archive {
            slug: string(field(e, "slug"), &at("slug"), p)?.to_owned(),
        },
        CommandType::AllocateMinutes => {
            let (allocation, available_minutes) = read_allocation(value, path, extra, p)?;
            Command::AllocateMinutes {
                allocation,
                available_minutes,
            }
        }
        CommandType::RecordCall => Command::RecordCall {
            duration_seconds: read_duration(
                field(e, "duration_seconds"),
                &at("duration_seconds"),
                p,
            )?,
        },
        CommandType::SetCreditAllowance => {
            Command::SetCreditAllowance(credit_commands::read_allowance_change(e, path, p)?)
        }
        CommandType::RecordUsage => {
            let meter = one_of(field(e, "meter"), &at("meter"), p);
            let units = read_units(field(e, "units"), &at("units"), p);
            Command::RecordUsage {
                meter: meter?,
                units: units?,
            }
        }
        CommandType::ChangeRole => {
            let user_id = id("user_id", p);
            let role = read_role(field(e, "role"), &at("role"), p);
            Command::ChangeRole {
                user_id: user_id?,
                role: role?,
            }
        }
        CommandType::UpdateWorkspace => {
            let name = match field(e, "name") {
                Json::Null => {
                    p.push(
                        Code::InvalidType,
                        &at("name"),
                        "command.name must be a string, got null.",
                    );
                    None
                }
                _ => optional_trimmed(e, "name", path, p, check_new_name).map(Option::flatten),
            };
            let environment = match field(e, "environment") {
                Json::Unsupported(crate::base::json::Unsupported::Undefined) => Some(None),
                v => one_of(v, &at("environment"), p).map(Some),
            };
            let description = match field(e, "description") {
                Json::Unsupported(crate::base::json::Unsupported::Undefined) => Some(None),
                Json::Null => Some(Some(None)),
                v => string(v, &at("description"), p).map(|d| {
                    check_description(d, &at("description"), p);
                    Some(Some(d.to_owned()))
                }),
            };
            Command::UpdateWorkspace(WorkspacePatch {
                name: name?,
                environment: environment?,
                description: description?,
            })
        }
    };
    Some(command)
}

/// An optional string key that is trimmed and then checked: `None` absent, `Some(None)` null,
/// `Some(Some(s))` a good value; the outer `None` when there was a problem.
/// A member's optional display name under `key` in the object `e` at `path`: trimmed and checked as
/// a member's name, absent or `null` for none. The one reader of `accept_invitation`'s
/// `display_name`, of the body of `POST /v1/invitations/{invitation_id}/accept`
/// (`edge::requests::respond_body`) and of `createWorkspace`'s `owner_display_name`.
pub(crate) fn read_display_name(
    e: &[(String, Json)],
    key: &str,
    path: &str,
    p: &mut Problems,
) -> Option<Option<String>> {
    optional_trimmed(e, key, path, p, check_new_name).map(Option::flatten)
}

fn optional_trimmed(
    e: &[(String, Json)],
    key: &str,
    path: &str,
    p: &mut Problems,
    check: fn(&str, &str, &mut Problems),
) -> Option<Option<Option<String>>> {
    let at = child(path, key);
    match field(e, key) {
        Json::Unsupported(crate::base::json::Unsupported::Undefined) => Some(None),
        Json::Null => Some(Some(None)),
        v => {
            let s = string(v, &at, p)?.trim();
            let before = p.len();
            check(s, &at, p);
            (p.len() == before).then(|| Some(Some(s.to_owned())))
        }
    }
}

/// `createWorkspace(input, ctx)` for typed input: the new workspace with the actor as its sole
/// owner, and its `workspace.member_added` event (`docs/rules/lifecycle.md`).
pub fn create_workspace(input: &NewWorkspace, ctx: &Context) -> Result<Applied, RuleError> {
    let (state, events) = lifecycle::create_workspace(input, ctx)?;
    Ok(Applied {
        state,
        events,
        call: None,
    })
}

/// `createWorkspace(input, ctx)` for untyped input (paths `/input/…`, `/ctx/…`).
pub fn create_workspace_input(input: &Json, ctx: &Json) -> Result<Applied, RuleError> {
    let mut p = Problems::new();
    let input = read_new_workspace(input, "/input", &mut p);
    let ctx = read_context(ctx, "/ctx", &mut p);
    match (input, ctx) {
        (Some(input), Some(ctx)) if p.is_empty() => create_workspace(&input, &ctx),
        _ => Err(RuleError::many(Code::ValidationFailed, p.into_vec())),
    }
}

fn read_new_workspace(value: &Json, path: &str, p: &mut Problems) -> Option<NewWorkspace> {
    let e = object(value, path, p)?;
    no_unknown_fields(
        e,
        &[
            "name",
            "slug",
            "environment",
            "description",
            "backend_org_id",
            "is_default",
            "owner_display_name",
        ],
        path,
        p,
    );
    let is_default = match field(e, "is_default") {
        Json::Unsupported(crate::base::json::Unsupported::Undefined) | Json::Null => Some(false),
        v => crate::base::validate::boolean(v, &child(path, "is_default"), p),
    };
    let at = |k: &str| child(path, k);
    let name = string(field(e, "name"), &at("name"), p).map(|n| {
        let n = n.trim();
        check_new_name(n, &at("name"), p);
        n.to_owned()
    });
    let slug = optional_string(e, "slug", path, p, check_slug);
    let environment = one_of(field(e, "environment"), &at("environment"), p);
    let description = optional_string(e, "description", path, p, check_description);
    let backend_org_id = optional_string(e, "backend_org_id", path, p, |b, at, p| {
        if b.is_empty() || b.trim() != b {
            p.push(
                Code::InvalidValue,
                at,
                format!(
                    "{} must be a non-empty trimmed string or null.",
                    describe(at)
                ),
            );
        }
    });
    let owner_display_name = read_display_name(e, "owner_display_name", path, p);
    Some(NewWorkspace {
        name: name?,
        slug: slug?,
        environment: environment?,
        description: description?,
        backend_org_id: backend_org_id?,
        is_default: is_default?,
        owner_display_name: owner_display_name?,
    })
}

/// An optional string key (absent or null: `None`), checked as given.
fn optional_string(
    e: &[(String, Json)],
    key: &str,
    path: &str,
    p: &mut Problems,
    check: fn(&str, &str, &mut Problems),
) -> Option<Option<String>> {
    let at = child(path, key);
    match field(e, key) {
        Json::Unsupported(crate::base::json::Unsupported::Undefined) | Json::Null => Some(None),
        v => {
            let s = string(v, &at, p)?;
            check(s, &at, p);
            Some(Some(s.to_owned()))
        }
    }
}
