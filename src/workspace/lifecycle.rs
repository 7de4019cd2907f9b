//! `docs/rules/lifecycle.md` Workspace lifecycle: creating a workspace (and the account's default one), updating it and its
//! settings, provisioning, archiving and the delete confirmation. Each command is one handler here.

use crate::base::error::{Code, RuleError};
use crate::base::json::{Json, Unsupported};
use crate::base::validate::{self, Problems};
use crate::text::slug::slugify;
use crate::workspace::audit::{Event, EventType, Metadata};
use crate::workspace::context::Context;
use crate::workspace::membership::{acting_role, not_default, require, require_owner_to_archive};
use crate::workspace::roles::{Action, Role};
use crate::workspace::state::{
    Environment, IntegrationVersion, Member, MemberStatus, Minutes, Settings, Workspace,
    WorkspaceState, WorkspaceStatus,
};

/// `createWorkspace`'s input: `{ name, slug?, environment, description?, backend_org_id?, is_default?,
/// owner_display_name? }`.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(rename = "NewWorkspaceInput", deny_unknown_fields)
)]
pub struct NewWorkspace {
    /// Trimmed when read.
    pub name: String,
    /// Absent or null: `slugify(name)`.
    pub slug: Option<String>,
    pub environment: Environment,
    pub description: Option<String>,
    pub backend_org_id: Option<String>,
    /// The account's default workspace ("My Workspace"): only without ctx.account_role (the account's first).
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub is_default: bool,
    /// The owner's `display_name` on its member record, read as `accept_invitation`'s `display_name`
    /// (trimmed, 1–100 characters, no control, invisible or layout character); absent or null: null.
    pub owner_display_name: Option<String>,
}

/// `createWorkspace(input, ctx)`: `workspace.create` needs `ctx.account_role == "owner"` (an owner of
/// the account's default workspace); the actor becomes the sole owner (with `ctx.actor_email`, which is
/// required). Emits `workspace.member_added` for that owner.
///
/// Exactly one default workspace per account: the library sees one workspace at a time, so it reads
/// the account from `ctx.account_role` — a role there means the account already has its default
/// workspace. `is_default: true` is therefore accepted only without `ctx.account_role` (the account's
/// first workspace, made at sign-up); with one it is `default_workspace_protected` (409).
pub fn create_workspace(
    input: &NewWorkspace,
    ctx: &Context,
) -> Result<(WorkspaceState, Vec<Event>), RuleError> {
    if input.is_default && ctx.account_role.is_some() {
        return Err(RuleError::single(
            Code::DefaultWorkspaceProtected,
            "/input/is_default",
            "The account already has its default workspace.",
        ));
    }
    if !input.is_default && ctx.account_role != Some(Role::Owner) {
        return Err(RuleError::single(
            Code::Forbidden,
            "/ctx/account_role",
            "Only an owner of the account can create a workspace.",
        ));
    }
    let Some(email) = &ctx.actor_email else {
        return Err(RuleError::single(
            Code::InvalidType,
            "/ctx/actor_email",
            "ctx.actor_email is needed: the creator becomes the first member.",
        ));
    };
    // A new name and the creator's email hold no invisible or layout characters (the state check
    // below reads them as a stored state would).
    let mut p = crate::base::validate::Problems::new();
    crate::workspace::state::check_new_name(&input.name, "/input/name", &mut p);
    if let Some(name) = &input.owner_display_name {
        crate::workspace::state::check_new_name(name, "/input/owner_display_name", &mut p);
    }
    crate::workspace::state::check_new_email(email, "/ctx/actor_email", &mut p);
    p.finish(Code::ValidationFailed, ())?;
    let now = ctx.now_written()?;
    let id = ctx.fresh_id_unlike(&|id| id == ctx.actor_id)?;
    let state = WorkspaceState {
        workspace: Workspace {
            id,
            name: input.name.clone(),
            slug: input
                .slug
                .clone()
                .unwrap_or_else(|| slugify(&input.name, &[])),
            environment: input.environment,
            description: input.description.clone(),
            backend_org_id: input.backend_org_id.clone(),
            is_default: input.is_default,
            status: WorkspaceStatus::Active,
            provisioned_at: None,
            created_at: now.clone(),
            archived_at: None,
        },
        members: vec![Member {
            user_id: ctx.actor_id.clone(),
            email: crate::workspace::invitations::normalize_email(email),
            display_name: input.owner_display_name.clone(),
            role: Role::Owner,
            status: MemberStatus::Active,
            joined_at: now.clone(),
        }],
        invitations: Vec::new(),
        settings: Settings::default(),
        voice_settings: crate::voice::fields::VoiceSettings::default(),
        test_caller_numbers: Vec::new(),
        minutes: Minutes {
            allocations: Vec::new(),
            used_seconds: 0,
        },
        credits: None,
    };
    state.check("/input")?;
    let event = Event::new(
        EventType::MemberAdded,
        &state.workspace.id,
        &ctx.actor_id,
        &now,
    )
    .target(&ctx.actor_id)
    .role(Role::Owner)
    .metadata(Metadata {
        reactivated: Some(false),
        ..Metadata::default()
    });
    Ok((state, vec![event]))
}

/// `update_workspace {name?, environment?, description?}`: absent keys stay; `description: null`
/// clears it.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct WorkspacePatch {
    /// Trimmed when read.
    #[cfg_attr(feature = "schema", schemars(transform = crate::base::schema::not_null))]
    pub name: Option<String>,
    #[cfg_attr(feature = "schema", schemars(transform = crate::base::schema::not_null))]
    pub environment: Option<Environment>,
    pub description: Option<Option<String>>,
}

/// Applies a patch with `workspace.update`; emits `workspace.updated` with `metadata.changed` (the
/// fields whose value differs, in wire order), or nothing when nothing differs.
pub fn update_workspace(
    state: &mut WorkspaceState,
    patch: &WorkspacePatch,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    require(state, ctx, Action::WorkspaceUpdate)?;
    let w = &mut state.workspace;
    let mut changed = Vec::new();
    if let Some(name) = &patch.name {
        if *name != w.name {
            w.name = name.clone();
            changed.push("name");
        }
    }
    if let Some(environment) = patch.environment {
        if environment != w.environment {
            w.environment = environment;
            changed.push("environment");
        }
    }
    if let Some(description) = &patch.description {
        if *description != w.description {
            w.description = description.clone();
            changed.push("description");
        }
    }
    updated(state, changed, ctx)
}

/// `update_settings {…partial settings}` (`docs/rules/workspace.md` `settings`): an absent key stays; the nullable names
/// (`default_llm`, `default_stt_provider`, `default_tts_provider`) are cleared by `null`; `language`
/// is stored in canonical case, as voice settings store theirs.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(rename = "WorkspaceSettingsPatch", deny_unknown_fields)
)]
pub struct SettingsPatch {
    #[cfg_attr(feature = "schema", schemars(length(max = crate::voice::fields::LANGUAGE_MAX_CHARS), transform = crate::base::schema::not_null))]
    pub language: Option<String>,
    #[cfg_attr(feature = "schema", schemars(transform = crate::base::schema::not_null))]
    pub outbound_enabled: Option<bool>,
    #[cfg_attr(feature = "schema", schemars(transform = crate::base::schema::not_null))]
    pub integration_version: Option<IntegrationVersion>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 128)))]
    pub default_llm: Option<Option<String>>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 128)))]
    pub default_stt_provider: Option<Option<String>>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 128)))]
    pub default_tts_provider: Option<Option<String>>,
}

impl SettingsPatch {
    /// The value rules of a typed patch built in Rust, at `/command/…`.
    pub fn check(&self, p: &mut Problems) {
        if let Some(language) = &self.language {
            crate::voice::fields::language_tag(
                &Json::from(language.as_str()),
                "/command/language",
                p,
            );
        }
        for (key, value) in [
            ("default_llm", &self.default_llm),
            ("default_stt_provider", &self.default_stt_provider),
            ("default_tts_provider", &self.default_tts_provider),
        ] {
            if let Some(Some(v)) = value {
                validate::check_len(v, &validate::child("/command", key), 1, 128, p);
            }
        }
    }
}

/// Reads the settings keys of a command or request body (`entries` at `path`), every problem recorded.
pub fn read_settings_patch(
    e: &[(String, Json)],
    path: &str,
    p: &mut Problems,
) -> Option<SettingsPatch> {
    let at = |k: &str| validate::child(path, k);
    let absent = |v: &Json| matches!(v, Json::Unsupported(Unsupported::Undefined));
    let language = match validate::field(e, "language") {
        v if absent(v) => Some(None),
        v => crate::voice::fields::language_tag(v, &at("language"), p).map(Some),
    };
    let outbound_enabled = match validate::field(e, "outbound_enabled") {
        v if absent(v) => Some(None),
        v => validate::boolean(v, &at("outbound_enabled"), p).map(Some),
    };
    let integration_version = match validate::field(e, "integration_version") {
        v if absent(v) => Some(None),
        v => validate::one_of(v, &at("integration_version"), p).map(Some),
    };
    let name = |k: &str, p: &mut Problems| match validate::field(e, k) {
        v if absent(v) => Some(None),
        v => crate::workspace::state::read_default_name(v, &at(k), p).map(Some),
    };
    let default_llm = name("default_llm", p);
    let default_stt_provider = name("default_stt_provider", p);
    let default_tts_provider = name("default_tts_provider", p);
    Some(SettingsPatch {
        language: language?,
        outbound_enabled: outbound_enabled?,
        integration_version: integration_version?,
        default_llm: default_llm?,
        default_stt_provider: default_stt_provider?,
        default_tts_provider: default_tts_provider?,
    })
}

/// Applies a settings patch with `workspace.update`; emits `workspace.updated` with
/// `metadata.changed` (the settings keys whose value differs, in wire order), or nothing.
pub fn update_settings(
    state: &mut WorkspaceState,
    patch: &SettingsPatch,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    require(state, ctx, Action::WorkspaceUpdate)?;
    let s = &mut state.settings;
    let mut changed = Vec::new();
    fn set<T: PartialEq + Clone>(
        slot: &mut T,
        value: &Option<T>,
        key: &'static str,
        changed: &mut Vec<&'static str>,
    ) {
        if let Some(v) = value {
            if slot != v {
                *slot = v.clone();
                changed.push(key);
            }
        }
    }
    set(&mut s.language, &patch.language, "language", &mut changed);
    set(
        &mut s.outbound_enabled,
        &patch.outbound_enabled,
        "outbound_enabled",
        &mut changed,
    );
    set(
        &mut s.integration_version,
        &patch.integration_version,
        "integration_version",
        &mut changed,
    );
    set(
        &mut s.default_llm,
        &patch.default_llm,
        "default_llm",
        &mut changed,
    );
    set(
        &mut s.default_stt_provider,
        &patch.default_stt_provider,
        "default_stt_provider",
        &mut changed,
    );
    set(
        &mut s.default_tts_provider,
        &patch.default_tts_provider,
        "default_tts_provider",
        &mut changed,
    );
    updated(state, changed, ctx)
}

/// `workspace.updated` with `metadata.changed`, or no event when nothing changed.
pub(crate) fn updated(
    state: &WorkspaceState,
    changed: Vec<&'static str>,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    if changed.is_empty() {
        return Ok(Vec::new());
    }
    let at = ctx.now_written()?;
    let event = Event::new(EventType::Updated, &state.workspace.id, &ctx.actor_id, &at).metadata(
        Metadata {
            changed: Some(changed),
            ..Metadata::default()
        },
    );
    Ok(vec![event])
}

/// `provision {}` with `workspace.provision`, idempotent: the first call sets `provisioned_at` and
/// emits `workspace.provisioned`; later calls change nothing and emit nothing.
pub fn provision(state: &mut WorkspaceState, ctx: &Context) -> Result<Vec<Event>, RuleError> {
    require(state, ctx, Action::WorkspaceProvision)?;
    if state.workspace.provisioned_at.is_some() {
        return Ok(Vec::new());
    }
    let at = ctx.now_written()?;
    state.workspace.provisioned_at = Some(at.clone());
    Ok(vec![Event::new(
        EventType::Provisioned,
        &state.workspace.id,
        &ctx.actor_id,
        &at,
    )])
}

/// The archive confirmation: exactly the slug, case-sensitive, nothing trimmed (`slug_mismatch`, 422).
pub(crate) fn confirm_slug(
    state: &WorkspaceState,
    slug: &str,
    path: &str,
) -> Result<(), RuleError> {
    if slug != state.workspace.slug {
        return Err(RuleError::single(
            Code::SlugMismatch,
            path,
            "The confirmation must be exactly the workspace's slug.",
        ));
    }
    Ok(())
}

/// `archive {slug}`: owners only; the default workspace is protected (checked before the
/// confirmation: no confirmation can make it pass); the slug must match exactly. Sets `status:
/// "archived"` and `archived_at`, keeps all data, emits `workspace.archived`. From then on every
/// command is `workspace_archived` (410), by the engine's order of checks.
pub fn archive(
    state: &mut WorkspaceState,
    slug: &str,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    let role = acting_role(state, ctx)?;
    require_owner_to_archive(role)?;
    not_default(state, "archived")?;
    confirm_slug(state, slug, "/command/slug")?;
    let at = ctx.now_written()?;
    state.workspace.status = WorkspaceStatus::Archived;
    state.workspace.archived_at = Some(at.clone());
    Ok(vec![Event::new(
        EventType::Archived,
        &state.workspace.id,
        &ctx.actor_id,
        &at,
    )])
}

/// Delete confirmation: `workspace.delete` (owners), not the default workspace, and `confirmation`
/// equal to the workspace name after trimming (`name_mismatch`, 422). The library deletes nothing:
/// the answer is `true`, the caller's go-ahead. Order: not a member (404), archived (410), role (403),
/// default (409), confirmation (422).
pub fn confirm_delete(
    state: &WorkspaceState,
    confirmation: &str,
    ctx: &Context,
) -> Result<bool, RuleError> {
    require(state, ctx, Action::WorkspaceDelete)?;
    not_default(state, "deleted")?;
    if confirmation.trim() != state.workspace.name {
        return Err(RuleError::single(
            Code::NameMismatch,
            "/confirmation",
            "The confirmation must be the workspace's name.",
        ));
    }
    Ok(true)
}

/// `confirmDelete(state, confirmation, ctx)` for untyped input.
pub fn confirm_delete_input(
    state: &Json,
    confirmation: &Json,
    ctx: &Json,
) -> Result<bool, RuleError> {
    let state = crate::workspace::state::state_input(state, "/state")?;
    let mut p = Problems::new();
    let confirmation = validate::string(confirmation, "/confirmation", &mut p);
    let ctx = crate::workspace::context::read_context(ctx, "/ctx", &mut p);
    match (confirmation, ctx) {
        (Some(c), Some(ctx)) if p.is_empty() => confirm_delete(&state, c, &ctx),
        _ => Err(RuleError::many(Code::ValidationFailed, p.into_vec())),
    }
}

/// `set_test_caller_numbers {numbers}` with `test_numbers.manage`: the list replaces the stored one,
/// validated and normalized after the permission check (problems at `/command/numbers/<index>`).
/// No event of its own is listed in `docs/rules/commands.md`: a change emits `workspace.updated` with `metadata.changed:
/// ["test_caller_numbers"]`; the same list again changes nothing and emits nothing.
pub fn set_test_caller_numbers(
    state: &mut WorkspaceState,
    numbers: &Json,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    require(state, ctx, Action::TestNumbersManage)?;
    let mut problems = Problems::new();
    let numbers =
        crate::workspace::test_numbers::normalize_list(numbers, "/command/numbers", &mut problems);
    let numbers = problems
        .finish(Code::ValidationFailed, numbers)?
        .unwrap_or_default();
    if numbers == state.test_caller_numbers {
        return Ok(Vec::new());
    }
    state.test_caller_numbers = numbers;
    updated(state, vec!["test_caller_numbers"], ctx)
}
