//! §6 Workspace lifecycle, the parts issue 3 needs: creating a workspace and updating its name,
//! environment and description. Provision, archive, delete and switching arrive with their issue, as
//! one `Command` variant and one handler each.

use crate::audit::{Event, EventType, Metadata};
use crate::commands::Applied;
use crate::context::Context;
use crate::error::{Code, RuleError};
use crate::membership::require;
use crate::roles::{Action, Role};
use crate::slug::slugify;
use crate::state::{
    Environment, Member, MemberStatus, Minutes, Settings, Workspace, WorkspaceState,
    WorkspaceStatus,
};

/// `createWorkspace`'s input: `{ name, slug?, environment, description?, backend_org_id? }`.
#[derive(Clone, Debug, PartialEq)]
pub struct NewWorkspace {
    /// Trimmed when read.
    pub name: String,
    /// `None`: `slugify(name)`.
    pub slug: Option<String>,
    pub environment: Environment,
    pub description: Option<String>,
    pub backend_org_id: Option<String>,
}

/// `createWorkspace(input, ctx)`: `workspace.create` needs `ctx.account_role == "owner"` (an owner of
/// the account's default workspace); the actor becomes the sole owner (with `ctx.actor_email`, which is
/// required). Emits `workspace.member_added` for that owner.
pub fn create_workspace(input: &NewWorkspace, ctx: &Context) -> Result<Applied, RuleError> {
    if ctx.account_role != Some(Role::Owner) {
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
    let now = ctx.now_written()?;
    let state = WorkspaceState {
        workspace: Workspace {
            id: ctx.next_id(),
            name: input.name.clone(),
            slug: input
                .slug
                .clone()
                .unwrap_or_else(|| slugify(&input.name, &[])),
            environment: input.environment,
            description: input.description.clone(),
            backend_org_id: input.backend_org_id.clone(),
            is_default: false,
            status: WorkspaceStatus::Active,
            provisioned_at: None,
            created_at: now.clone(),
            archived_at: None,
        },
        members: vec![Member {
            user_id: ctx.actor_id.clone(),
            email: crate::invitations::normalize_email(email),
            display_name: None,
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
    Ok(Applied {
        state,
        events: vec![event],
    })
}

/// `update_workspace {name?, environment?, description?}`: absent keys stay; `description: null`
/// clears it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkspacePatch {
    /// Trimmed when read.
    pub name: Option<String>,
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
