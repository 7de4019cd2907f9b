//! `docs/rules/roles.md` rules on top of the matrix, applied to members: who is acting, removing, leaving and changing
//! roles, with the escalation checks (rules 1–5) and the archived-workspace rule (6).
//!
//! Every handler works on a copy of the state the command engine gives it; a refusal returns before
//! the copy is handed back, so the caller's state is never touched (atomicity).

use crate::base::error::{Code, RuleError};
use crate::base::timestamp::Timestamp;
use crate::workspace::audit::{Event, EventType, Metadata};
use crate::workspace::context::Context;
use crate::workspace::lookup::Lookup;
use crate::workspace::roles::{can, Action, Role};
use crate::workspace::state::{MemberStatus, WorkspaceState};

/// The acting member's role. Order: a non-member or a deactivated member is `not_a_member` (404: it
/// learns nothing, not even that the workspace is archived); then an archived workspace is
/// `workspace_archived` (410) for everyone (rule 6).
pub fn acting_role(state: &WorkspaceState, ctx: &Context) -> Result<Role, RuleError> {
    role_of(state, &ctx.actor_id, "/ctx/actor_id")
}

/// [`acting_role`] for a user id given at `path` (a request's actor, `authorize`'s user).
pub fn role_of(state: &WorkspaceState, user_id: &str, path: &str) -> Result<Role, RuleError> {
    standing(state, state.active_member(user_id).map(|m| m.role), path)
}

/// [`role_of`] for a user whose active membership is already known: `role` is the role of their
/// active record, `None` when they have none (`capabilities` finds it in its one pass over members).
pub fn standing(state: &WorkspaceState, role: Option<Role>, path: &str) -> Result<Role, RuleError> {
    let role = role.ok_or_else(|| {
        RuleError::single(
            Code::NotAMember,
            path,
            "You are not a member of this workspace.",
        )
    })?;
    not_archived(state)?;
    Ok(role)
}

/// Rule 6: an archived workspace allows nothing.
pub fn not_archived(state: &WorkspaceState) -> Result<(), RuleError> {
    not_archived_status(state.workspace.status)
}

/// Rule 6 for a workspace record on its own (a membership's).
pub fn not_archived_status(
    status: crate::workspace::state::WorkspaceStatus,
) -> Result<(), RuleError> {
    if status == crate::workspace::state::WorkspaceStatus::Archived {
        return Err(RuleError::single(
            Code::WorkspaceArchived,
            "",
            "The workspace is archived: nothing can be changed in it.",
        ));
    }
    Ok(())
}

/// The acting member's role, if the matrix allows it `action`; `forbidden` (403) otherwise.
pub fn require(state: &WorkspaceState, ctx: &Context, action: Action) -> Result<Role, RuleError> {
    let role = acting_role(state, ctx)?;
    permit(role, action)?;
    Ok(role)
}

/// The permission matrix alone: `forbidden` (403) unless `role` may `action`.
pub fn permit(role: Role, action: Action) -> Result<(), RuleError> {
    if can(role, action) {
        Ok(())
    } else {
        Err(RuleError::single(
            Code::Forbidden,
            "",
            format!("Your role ({role}) does not allow {action}."),
        ))
    }
}

/// The matrix plus the `docs/rules/lifecycle.md` rules that refuse an action the matrix allows, for a member of `role`
/// in `state` (active, not archived: checked by the caller):
/// - `workspace.archive`: the matrix, with `docs/rules/lifecycle.md`'s sentence "Only owners can archive a workspace.";
/// - `workspace.archive` and `workspace.delete` of the default workspace: `default_workspace_protected` (409);
/// - `knowledge_bases.create` outside the default workspace: `default_workspace_only` (403);
/// - `calls.outbound` while `settings.outbound_enabled` is false: `outbound_disabled` (403), and
///   under a hard credit limit with nothing remaining at `now`: `credits_exhausted` (402,
///   `docs/rules/credits.md#the-gate`; without `now`, the stored period decides).
pub fn permit_in(
    state: &WorkspaceState,
    role: Role,
    action: Action,
    now: Option<&Timestamp>,
) -> Result<(), RuleError> {
    match action {
        Action::WorkspaceArchive => {
            require_owner_to_archive(role)?;
            not_default(state, "archived")
        }
        Action::WorkspaceDelete => {
            permit(role, action)?;
            not_default(state, "deleted")
        }
        Action::KnowledgeBasesCreate => {
            permit(role, action)?;
            if state.workspace.is_default {
                Ok(())
            } else {
                Err(RuleError::single(
                    Code::DefaultWorkspaceOnly,
                    "",
                    "Knowledge bases can only be created in the account's default workspace.",
                ))
            }
        }
        Action::CallsOutbound => {
            permit(role, action)?;
            if !state.settings.outbound_enabled {
                return Err(RuleError::single(
                    Code::OutboundDisabled,
                    "",
                    "Outbound calling is disabled for this workspace.",
                ));
            }
            crate::workspace::credits::gate(state.credits.as_ref(), now)
        }
        _ => permit(role, action),
    }
}

/// The default workspace can be neither archived nor deleted (`default_workspace_protected`, 409).
pub fn not_default(state: &WorkspaceState, verb: &str) -> Result<(), RuleError> {
    if state.workspace.is_default {
        return Err(RuleError::single(
            Code::DefaultWorkspaceProtected,
            "",
            format!("The default workspace cannot be {verb}."),
        ));
    }
    Ok(())
}

/// Rule 1: granting (inviting to, changing to) `role` needs a rank at least as high.
pub fn may_grant(actor: Role, role: Role, path: &str) -> Result<(), RuleError> {
    if actor.at_least(role) {
        Ok(())
    } else {
        Err(RuleError::single(
            Code::CannotGrantHigherRole,
            path,
            format!("An {actor} cannot grant the role {role}, which ranks above it."),
        ))
    }
}

/// Rule 2: acting on a member (or an invitation) of rank `target` needs a rank at least as high.
pub fn may_modify(actor: Role, target: Role, path: &str) -> Result<(), RuleError> {
    if actor.at_least(target) {
        Ok(())
    } else {
        Err(RuleError::single(
            Code::CannotModifyHigherRole,
            path,
            format!("An {actor} cannot act on an {target}, which ranks above it."),
        ))
    }
}

/// Rule 3 with the counts known: an active owner (`is_owner`) among `owners` active owners may stop
/// being one only if another remains (`capabilities` counts the owners once).
pub(crate) fn owner_remains(is_owner: bool, owners: usize, path: &str) -> Result<(), RuleError> {
    if is_owner && owners <= 1 {
        return Err(RuleError::single(
            Code::LastOwner,
            path,
            "The workspace must keep at least one active owner.",
        ));
    }
    Ok(())
}

/// The index of the active member with `user_id`; `member_not_found` (404) otherwise (deactivated
/// members are not found: they are no longer members).
fn active_index(state: &WorkspaceState, user_id: &str, path: &str) -> Result<usize, RuleError> {
    state
        .members
        .iter()
        .position(|m| m.is_active() && m.user_id == user_id)
        .ok_or_else(|| member_not_found(user_id, path))
}

/// `member_not_found` (404) for `user_id`.
pub(crate) fn member_not_found(user_id: &str, path: &str) -> RuleError {
    RuleError::single(
        Code::MemberNotFound,
        path,
        format!("No active member has the user id {user_id}."),
    )
}

/// The current role of the active member `user_id` (`member_not_found` at `path` otherwise).
fn target_role(state: &Lookup, user_id: &str, path: &str) -> Result<Role, RuleError> {
    state
        .active_role(user_id)
        .ok_or_else(|| member_not_found(user_id, path))
}

/// Removing the active member `user_id` (at `path`) by an actor of rank `actor`: rule 2 on the
/// member's role, rule 3. The one decision of `remove_member` and of `DELETE …/members/{user_id}`.
pub fn may_remove(state: &Lookup, actor: Role, user_id: &str, path: &str) -> Result<(), RuleError> {
    let target = target_role(state, user_id, path)?;
    may_modify(actor, target, path)?;
    owner_remains(target == Role::Owner, state.active_owners(), path)
}

/// Leaving (rule 4): the active member `user_id` (at `path`) goes, subject to rule 3. The one
/// decision of `leave_workspace` and of a `DELETE` of the actor's own membership.
pub fn may_leave(state: &Lookup, user_id: &str, path: &str) -> Result<(), RuleError> {
    let role = target_role(state, user_id, path)?;
    owner_remains(role == Role::Owner, state.active_owners(), path)
}

/// Changing the active member `user_id` (at `target`) to `role` (at `granted`) by an actor of rank
/// `actor`: rule 1 on the new role, rule 2 on the current one, rule 3 unless the role stays or is
/// `owner`. Answers the current role. The one decision of `change_role` and of `PATCH
/// …/members/{user_id}`.
pub fn may_change_role(
    state: &Lookup,
    actor: Role,
    user_id: &str,
    role: Role,
    target: &str,
    granted: &str,
) -> Result<Role, RuleError> {
    let previous = target_role(state, user_id, target)?;
    may_grant(actor, role, granted)?;
    may_modify(actor, previous, target)?;
    if previous != role && role != Role::Owner {
        owner_remains(previous == Role::Owner, state.active_owners(), target)?;
    }
    Ok(previous)
}

/// `remove_member {user_id}`: `members.remove`, rule 2, rule 3; the member is deactivated.
pub fn remove_member(
    state: &mut WorkspaceState,
    user_id: &str,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    let actor = require(state, ctx, Action::MembersRemove)?;
    let path = "/command/user_id";
    may_remove(&Lookup::scan(state), actor, user_id, path)?;
    let i = active_index(state, user_id, path)?;
    deactivate(state, i, ctx, false)
}

/// `leave_workspace {}` (rule 4): any active member, without `members.remove`, subject to rule 3.
pub fn leave_workspace(state: &mut WorkspaceState, ctx: &Context) -> Result<Vec<Event>, RuleError> {
    acting_role(state, ctx)?;
    let path = "/ctx/actor_id";
    may_leave(&Lookup::scan(state), &ctx.actor_id, path)?;
    let i = active_index(state, &ctx.actor_id, path)?;
    deactivate(state, i, ctx, true)
}

fn deactivate(
    state: &mut WorkspaceState,
    i: usize,
    ctx: &Context,
    left: bool,
) -> Result<Vec<Event>, RuleError> {
    let at = ctx.now_written()?;
    let member = &mut state.members[i];
    member.status = MemberStatus::Deactivated;
    let event = Event::new(
        EventType::MemberRemoved,
        &state.workspace.id,
        &ctx.actor_id,
        &at,
    )
    .target(&state.members[i].user_id)
    .role(state.members[i].role)
    .metadata(Metadata {
        left: Some(left),
        ..Metadata::default()
    });
    Ok(vec![event])
}

/// `change_role {user_id, role}`: `members.update_role`, rule 1 (the new role), rule 2 (the current
/// role), rule 3 (demoting the last owner). The same role again changes nothing and emits nothing.
pub fn change_role(
    state: &mut WorkspaceState,
    user_id: &str,
    role: Role,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    let actor = require(state, ctx, Action::MembersUpdateRole)?;
    let (target, granted) = ("/command/user_id", "/command/role");
    let previous = may_change_role(&Lookup::scan(state), actor, user_id, role, target, granted)?;
    if previous == role {
        return Ok(Vec::new());
    }
    let i = active_index(state, user_id, target)?;
    let at = ctx.now_written()?;
    state.members[i].role = role;
    let event = Event::new(
        EventType::MemberRoleUpdated,
        &state.workspace.id,
        &ctx.actor_id,
        &at,
    )
    .target(user_id)
    .role(role)
    .previous_role(previous);
    Ok(vec![event])
}

/// Owners only, with the sentence `docs/rules/lifecycle.md` gives (`forbidden`, 403).
pub(crate) fn require_owner_to_archive(role: Role) -> Result<(), RuleError> {
    if can(role, Action::WorkspaceArchive) {
        Ok(())
    } else {
        Err(RuleError::single(
            Code::Forbidden,
            "",
            "Only owners can archive a workspace.",
        ))
    }
}
