//! `docs/rules/invitations.md` Invitations: the email rules, expiry, invite and resend, revoke, accept, decline, the public
//! preview and the computed status.
//!
//! One invitation per email and workspace: inviting an email that already has one **resends** it
//! (same id, `pending`, `sent_at = now`, `expires_at = now + 7 days`, the new role, `invited_by` = the
//! actor, `responded_at = null`), whatever its status was — pending, expired, declined, revoked, or
//! accepted by someone who has since left. Only an active member's email is refused
//! (`already_member`).

use crate::base::error::{Code, RuleError};
use crate::base::json::Json;
use crate::base::names::names;
use crate::base::timestamp::Timestamp;
use crate::base::validate::{describe, string, timestamp, Problems};
pub use crate::text::email::{is_valid_email, normalize_email};
use crate::workspace::audit::{Event, EventType, Metadata};
use crate::workspace::context::{out_of_range, Context};
use crate::workspace::lookup::Lookup;
use crate::workspace::membership::{may_grant, may_modify, not_archived, require};
use crate::workspace::roles::{Action, Role};
use crate::workspace::state::{
    read_invitation, state_input, Invitation, InvitationState, Member, MemberStatus, WorkspaceState,
};
use serde::Serialize;

/// *(public API)* An invitation expires this many days after it is sent.
pub const EXPIRY_DAYS: i64 = 7;

names! {
    /// What an invitation is at a given moment: its stored status, or `expired` for a pending one at
    /// or past `expires_at`.
    pub enum InvitationStatus {
        Pending = "pending",
        Accepted = "accepted",
        Declined = "declined",
        Revoked = "revoked",
        Expired = "expired",
    }
}

/// The status of `invitation` at `now`: `now == expires_at` is already expired.
pub fn invitation_status(invitation: &Invitation, now: &Timestamp) -> InvitationStatus {
    match invitation.status {
        InvitationState::Pending if now.is_before(&invitation.expires_at) => {
            InvitationStatus::Pending
        }
        InvitationState::Pending => InvitationStatus::Expired,
        InvitationState::Accepted => InvitationStatus::Accepted,
        InvitationState::Declined => InvitationStatus::Declined,
        InvitationState::Revoked => InvitationStatus::Revoked,
    }
}

/// `invitationStatus(invitation, now)` for untyped input (paths `/invitation/…` and `/now`).
pub fn invitation_status_input(
    invitation: &Json,
    now: &Json,
) -> Result<InvitationStatus, RuleError> {
    let mut p = Problems::new();
    let inv = read_invitation(invitation, "/invitation", &mut p);
    let now = timestamp(now, "/now", &mut p);
    match (inv, now) {
        (Some(inv), Some(now)) if p.is_empty() => Ok(invitation_status(&inv, &now)),
        _ => Err(RuleError::many(Code::ValidationFailed, p.into_vec())),
    }
}

/// What an invitation shows without sign-in: never the email, the inviter or any id.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InvitationPreview {
    pub workspace_name: String,
    pub role: Role,
    pub expires_at: Timestamp,
    pub status: InvitationStatus,
}

/// `previewInvitation(state, invitation_id, now)`. An archived workspace answers `workspace_archived`
/// (its invitations can no longer be accepted); an unknown id `invitation_not_found`.
pub fn preview_invitation(
    state: &WorkspaceState,
    invitation_id: &str,
    now: &Timestamp,
) -> Result<InvitationPreview, RuleError> {
    state.check("/state")?;
    preview_in(&Lookup::scan(state), invitation_id, now)
}

/// [`preview_invitation`] of a state known to be valid (read by `state_input`, which checks what
/// `check` does; see `commands::apply_valid`), its invitation found by scan or through a prepared
/// workspace's index.
pub fn preview_in(
    records: &Lookup,
    invitation_id: &str,
    now: &Timestamp,
) -> Result<InvitationPreview, RuleError> {
    let state = records.state();
    debug_assert_eq!(
        state.check("/state"),
        Ok(()),
        "state_input and check disagree"
    );
    not_archived(state)?;
    let inv = find_in(records, invitation_id, "/invitation_id")?;
    Ok(InvitationPreview {
        workspace_name: state.workspace.name.clone(),
        role: state.invitations[inv].role,
        expires_at: state.invitations[inv].expires_at.clone(),
        status: invitation_status(&state.invitations[inv], now),
    })
}

/// `previewInvitation` for untyped input.
pub fn preview_invitation_input(
    state: &Json,
    invitation_id: &Json,
    now: &Json,
) -> Result<InvitationPreview, RuleError> {
    let state = state_input(state, "/state")?;
    preview_in_input(&Lookup::scan(&state), invitation_id, now)
}

/// `previewInvitation` for untyped arguments and a state already read: of the plain function (by
/// scan) and of a prepared workspace (through its index).
pub fn preview_in_input(
    records: &Lookup,
    invitation_id: &Json,
    now: &Json,
) -> Result<InvitationPreview, RuleError> {
    let mut p = Problems::new();
    let id = string(invitation_id, "/invitation_id", &mut p);
    let now = timestamp(now, "/now", &mut p);
    match (id, now) {
        (Some(id), Some(now)) if p.is_empty() => preview_in(records, id, &now),
        _ => Err(RuleError::many(Code::ValidationFailed, p.into_vec())),
    }
}

pub(crate) fn find(state: &WorkspaceState, id: &str, path: &str) -> Result<usize, RuleError> {
    find_in(&Lookup::scan(state), id, path)
}

/// [`find`] by scan or through a prepared workspace's index: the position of the invitation with `id`,
/// `invitation_not_found` (404) otherwise.
pub fn find_in(records: &Lookup, id: &str, path: &str) -> Result<usize, RuleError> {
    records.invitation(id).ok_or_else(|| {
        RuleError::single(
            Code::InvitationNotFound,
            path,
            format!("No invitation has the id {id}."),
        )
    })
}

fn event(
    kind: EventType,
    state: &WorkspaceState,
    ctx: &Context,
    at: &Timestamp,
    i: usize,
) -> Event {
    let inv = &state.invitations[i];
    Event::new(kind, &state.workspace.id, &ctx.actor_id, at)
        .role(inv.role)
        .metadata(Metadata {
            invitation_id: Some(inv.id.clone()),
            ..Metadata::default()
        })
}

/// `invite_member {email, role}`: `members.invite`, rule 1, not an active member's email; a new
/// invitation, or the email's existing one resent. `email` is already checked (`invalid_email`).
pub fn invite_member(
    state: &mut WorkspaceState,
    email: &str,
    role: Role,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    let actor = require(state, ctx, Action::MembersInvite)?;
    may_grant(actor, role, "/command/role")?;
    let email = normalize_email(email);
    if state
        .members
        .iter()
        .any(|m| m.is_active() && normalize_email(&m.email) == email)
    {
        return Err(inviting_member(&email));
    }
    let sent_at = ctx.now_written()?;
    let expires_at = sent_at
        .plus_days(EXPIRY_DAYS)
        .ok_or_else(|| out_of_range("/ctx/now"))?;
    let existing = state
        .invitations
        .iter()
        .position(|inv| normalize_email(&inv.email) == email);
    let (i, resent) = match existing {
        Some(i) => {
            let before = state.invitations[i].clone();
            let inv = &mut state.invitations[i];
            inv.role = role;
            inv.status = InvitationState::Pending;
            inv.invited_by = ctx.actor_id.clone();
            inv.sent_at = sent_at.clone();
            inv.expires_at = expires_at;
            inv.responded_at = None;
            if *inv == before {
                return Ok(Vec::new());
            }
            (i, true)
        }
        None => {
            let id = ctx.fresh_id_unlike(&|id| state.uses_id(id))?;
            state.invitations.push(Invitation {
                id,
                email,
                role,
                status: InvitationState::Pending,
                invited_by: ctx.actor_id.clone(),
                sent_at: sent_at.clone(),
                expires_at,
                responded_at: None,
            });
            (state.invitations.len() - 1, false)
        }
    };
    let mut e = event(EventType::InvitationSent, state, ctx, &sent_at, i);
    e.metadata.resent = Some(resent);
    Ok(vec![e])
}

/// `revoke_invitation {invitation_id}`: `invitations.revoke`; the invitation's role within the actor's
/// rank (`cannot_modify_higher_role`); only a pending one, expired or not.
pub fn revoke_invitation(
    state: &mut WorkspaceState,
    invitation_id: &str,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    let actor = require(state, ctx, Action::InvitationsRevoke)?;
    let path = "/command/invitation_id";
    let i = find(state, invitation_id, path)?;
    may_modify(actor, state.invitations[i].role, path)?;
    pending(&state.invitations[i], path)?;
    let at = ctx.now_written()?;
    state.invitations[i].status = InvitationState::Revoked;
    Ok(vec![event(
        EventType::InvitationRevoked,
        state,
        ctx,
        &at,
        i,
    )])
}

pub(crate) fn pending(inv: &Invitation, path: &str) -> Result<(), RuleError> {
    if inv.status == InvitationState::Pending {
        Ok(())
    } else {
        Err(RuleError::single(
            Code::InvitationNotPending,
            path,
            format!("The invitation is {}, not pending.", inv.status),
        ))
    }
}

/// The checks shared by accept and decline, in order (after the engine's check that the actor has a
/// verified email at all, [`invitee_email`]): the workspace is not archived, the invitation
/// exists, the actor's verified email is the invited one (before anything about the invitation's
/// state is revealed), it is pending, it has not expired.
fn respondable(
    state: &WorkspaceState,
    invitation_id: &str,
    ctx: &Context,
) -> Result<usize, RuleError> {
    not_archived(state)?;
    let i = find(state, invitation_id, "/command/invitation_id")?;
    respondable_at(&state.invitations[i], ctx)?;
    Ok(i)
}

/// [`respondable`]'s checks of a found invitation in a workspace that is not archived.
pub(crate) fn respondable_at(inv: &Invitation, ctx: &Context) -> Result<(), RuleError> {
    let at = ("/command/invitation_id", "/ctx/actor_email");
    respondable_by(inv, ctx.actor_email.as_deref(), &ctx.now, at)
}

/// Accepting and declining need the actor's verified email (`docs/rules/invitations.md#accept`):
/// without one (absent or `null`) the input is incomplete — a problem at `path` (`invalid_type`,
/// inside `validation_failed`, 422), found with the other problems of the context, before anything
/// about the workspace or the invitation is looked at. Not `email_mismatch`: no email was compared.
pub fn invitee_email(email: Option<&str>, path: &str, p: &mut Problems) {
    if email.is_none() {
        let message = format!(
            "The verified email of the actor ({}) is needed to accept or decline an invitation.",
            describe(path)
        );
        p.push(Code::InvalidType, path, message);
    }
}

/// [`invitee_email`] as a refusal of its own: `validation_failed` with that one problem.
pub(crate) fn require_invitee_email(email: Option<&str>, path: &str) -> Result<(), RuleError> {
    let mut p = Problems::new();
    invitee_email(email, path, &mut p);
    p.finish(Code::ValidationFailed, ())
}

/// Whether the person of verified `email` may answer `inv` at `now`, in order: there is an email
/// ([`invitee_email`]; its callers check it first, with the input), it is the invited one (before
/// anything about the invitation's state is revealed), it is pending, it has not expired. `at`: the
/// paths of the invitation and of the email. The one decision of accepting and declining, of `apply`,
/// of `capabilities` and of `POST /v1/invitations/{invitation_id}/accept` and `…/decline`.
pub fn respondable_by(
    inv: &Invitation,
    email: Option<&str>,
    now: &Timestamp,
    (path, email_path): (&str, &str),
) -> Result<(), RuleError> {
    require_invitee_email(email, email_path)?;
    let matches = email.is_some_and(|e| normalize_email(e) == normalize_email(&inv.email));
    if !matches {
        return Err(RuleError::single(
            Code::EmailMismatch,
            email_path,
            "Only the invited person (by verified email) can answer this invitation.",
        ));
    }
    pending(inv, path)?;
    if !now.is_before(&inv.expires_at) {
        return Err(RuleError::single(
            Code::InvitationExpired,
            path,
            "The invitation has expired.",
        ));
    }
    Ok(())
}

/// `already_member` (409) for accepting while an active member.
pub(crate) fn accepting_member() -> RuleError {
    accepting_member_at("/command/user_id")
}

/// `already_member` (409) at `path`, for accepting while an active member.
pub fn accepting_member_at(path: &str) -> RuleError {
    RuleError::single(
        Code::AlreadyMember,
        path,
        "You are already a member of this workspace.",
    )
}

/// `already_member` (409) for inviting the (normalized) `email` of an active member.
pub(crate) fn inviting_member(email: &str) -> RuleError {
    RuleError::single(
        Code::AlreadyMember,
        "/command/email",
        format!("{email} is already a member of this workspace."),
    )
}

/// `accept_invitation {invitation_id, user_id, display_name?}`: by the invitee only, for themselves
/// (`user_id` must be `ctx.actor_id`, else `forbidden`). Adds the member with the invitation's role,
/// or reactivates a deactivated one (role, email and `joined_at` renewed; `display_name` replaced when
/// given). Events: `invitation_accepted`, then `member_added`.
pub fn accept_invitation(
    state: &mut WorkspaceState,
    invitation_id: &str,
    user_id: &str,
    display_name: Option<&str>,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    let i = respondable(state, invitation_id, ctx)?;
    if user_id != ctx.actor_id {
        return Err(RuleError::single(
            Code::Forbidden,
            "/command/user_id",
            "An invitation can only be accepted for yourself.",
        ));
    }
    if state.active_member(user_id).is_some() {
        return Err(accepting_member());
    }
    let at = ctx.now_written()?;
    let inv = &mut state.invitations[i];
    inv.status = InvitationState::Accepted;
    inv.responded_at = Some(at.clone());
    let (role, email) = (inv.role, inv.email.clone());
    let reactivated = match state.members.iter().position(|m| m.user_id == user_id) {
        Some(m) => {
            let member = &mut state.members[m];
            member.status = MemberStatus::Active;
            member.role = role;
            member.email = normalize_email(&email);
            member.joined_at = at.clone();
            if let Some(name) = display_name {
                member.display_name = Some(name.to_owned());
            }
            true
        }
        None => {
            state.members.push(Member {
                user_id: user_id.to_owned(),
                email: normalize_email(&email),
                display_name: display_name.map(str::to_owned),
                role,
                status: MemberStatus::Active,
                joined_at: at.clone(),
            });
            false
        }
    };
    let accepted = event(EventType::InvitationAccepted, state, ctx, &at, i).target(user_id);
    let added = Event::new(
        EventType::MemberAdded,
        &state.workspace.id,
        &ctx.actor_id,
        &at,
    )
    .target(user_id)
    .role(role)
    .metadata(Metadata {
        reactivated: Some(reactivated),
        ..Metadata::default()
    });
    Ok(vec![accepted, added])
}

/// `decline_invitation {invitation_id}`: by the invitee only; a valid invitation becomes `declined`.
pub fn decline_invitation(
    state: &mut WorkspaceState,
    invitation_id: &str,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    let i = respondable(state, invitation_id, ctx)?;
    let at = ctx.now_written()?;
    state.invitations[i].status = InvitationState::Declined;
    state.invitations[i].responded_at = Some(at.clone());
    Ok(vec![event(
        EventType::InvitationDeclined,
        state,
        ctx,
        &at,
        i,
    )])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalized_then_checked() {
        assert_eq!(normalize_email("  Bo@Example.COM "), "bo@example.com");
        for good in ["bo@example.com", "a.b+c@sub.example.org"] {
            assert!(is_valid_email(good), "{good}");
        }
        let long_local = format!("{}@example.com", "a".repeat(65));
        let long = format!("a@{}.com", "b".repeat(250));
        for bad in [
            "",
            "bo",
            "bo@",
            "@example.com",
            "bo@example",
            "bo@@example.com",
            "b o@example.com",
            "bo@example.com.",
            "bo@.example.com",
            &long_local,
            &long,
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }
}
