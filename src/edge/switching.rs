//! `docs/rules/lifecycle.md` Switching the active workspace and listing a user's workspaces.
//!
//! Both take the user's memberships as a platform API lists them: `[{ workspace, role, status }]`,
//! where `workspace` is the `docs/rules/workspace.md` workspace record, `role` the user's role there and `status` the
//! membership's (`active` | `deactivated`). Each record is validated like a state's workspace
//! (`validation_failed` with every problem, paths `/memberships/<i>/…`); a workspace id listed twice
//! is `invalid_value`.

use crate::base::error::{Code, RuleError};
use crate::base::json::Json;
use crate::base::validate::{
    child, field, list, no_unknown_fields, object, one_of, string, Problems,
};
use crate::workspace::membership::not_archived_status;
use crate::workspace::roles::{read_role, Role};
use crate::workspace::state::{read_workspace, MemberStatus, Workspace, WorkspaceStatus};
use serde::Serialize;

/// One membership of the user.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(rename = "WorkspaceMembership", deny_unknown_fields)
)]
pub struct Membership {
    pub workspace: Workspace,
    pub role: Role,
    pub status: MemberStatus,
}

/// A workspace the user may work in, with the user's role there (wire order: `workspace`, `role`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WorkspaceAccess {
    pub workspace: Workspace,
    pub role: Role,
}

/// Memberships a list may hold: far above any real account.
pub const MAX_MEMBERSHIPS: usize = 10_000;

fn usable(m: &Membership) -> bool {
    m.status == MemberStatus::Active && m.workspace.status == WorkspaceStatus::Active
}

/// `switchWorkspace(memberships, workspace_id)`: allowed only to an active member of an active
/// workspace. No membership or a deactivated one is `not_a_member` (404, checked first: a non-member
/// learns nothing); an archived workspace is `workspace_archived` (410).
pub fn switch_workspace(
    memberships: &[Membership],
    workspace_id: &str,
) -> Result<WorkspaceAccess, RuleError> {
    let m = memberships
        .iter()
        .find(|m| m.workspace.id == workspace_id && m.status == MemberStatus::Active)
        .ok_or_else(|| {
            RuleError::single(
                Code::NotAMember,
                "/workspace_id",
                "You are not a member of this workspace.",
            )
        })?;
    not_archived_status(m.workspace.status)?;
    Ok(WorkspaceAccess {
        workspace: m.workspace.clone(),
        role: m.role,
    })
}

/// `listWorkspaces(memberships)`: the active memberships of active workspaces, in the given order
/// (archived workspaces and deactivated memberships are left out).
pub fn list_workspaces(memberships: &[Membership]) -> Vec<WorkspaceAccess> {
    memberships
        .iter()
        .filter(|m| usable(m))
        .map(|m| WorkspaceAccess {
            workspace: m.workspace.clone(),
            role: m.role,
        })
        .collect()
}

/// Reads a list of memberships at `path`, every problem recorded.
pub fn read_memberships(value: &Json, path: &str, p: &mut Problems) -> Option<Vec<Membership>> {
    let items = list(value, path, MAX_MEMBERSHIPS, p)?;
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let at = child(path, i.to_string());
        match read_membership(item, &at, p) {
            Some(m) => {
                if out
                    .iter()
                    .any(|o: &Membership| o.workspace.id == m.workspace.id)
                {
                    p.push(
                        Code::InvalidValue,
                        &child(&child(&at, "workspace"), "id"),
                        "Two memberships are for the same workspace.",
                    );
                    ok = false;
                }
                out.push(m);
            }
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn read_membership(value: &Json, path: &str, p: &mut Problems) -> Option<Membership> {
    let e = object(value, path, p)?;
    no_unknown_fields(e, &["workspace", "role", "status"], path, p);
    let workspace = read_workspace(field(e, "workspace"), &child(path, "workspace"), p);
    let role = read_role(field(e, "role"), &child(path, "role"), p);
    let status = one_of(field(e, "status"), &child(path, "status"), p);
    Some(Membership {
        workspace: workspace?,
        role: role?,
        status: status?,
    })
}

/// `switchWorkspace` for untyped input.
pub fn switch_workspace_input(
    memberships: &Json,
    workspace_id: &Json,
) -> Result<WorkspaceAccess, RuleError> {
    let mut p = Problems::new();
    let memberships = read_memberships(memberships, "/memberships", &mut p);
    let id = string(workspace_id, "/workspace_id", &mut p);
    match (memberships, id) {
        (Some(m), Some(id)) if p.is_empty() => switch_workspace(&m, id),
        _ => Err(RuleError::many(Code::ValidationFailed, p.into_vec())),
    }
}

/// `listWorkspaces` for untyped input.
pub fn list_workspaces_input(memberships: &Json) -> Result<Vec<WorkspaceAccess>, RuleError> {
    let mut p = Problems::new();
    let memberships = read_memberships(memberships, "/memberships", &mut p);
    match memberships {
        Some(m) if p.is_empty() => Ok(list_workspaces(&m)),
        _ => Err(RuleError::many(Code::ValidationFailed, p.into_vec())),
    }
}
