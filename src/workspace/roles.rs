//! `docs/rules/roles.md` Roles and permissions: the three ranked roles, the actions, and the default permission matrix.
//!
//! The matrix of the specification is monotone: every action allowed to a member is allowed to an
//! admin, and every action allowed to an admin is allowed to an owner. So each action is stored with
//! the lowest role that may perform it, and `can` is one rank comparison, with no table to keep in
//! step. The shared test vectors spell out all cells of the spec's table, so a wrong entry here fails
//! on every host.
//!
//! The rules on top of the matrix (granting, acting on higher roles, the last owner, archived
//! workspaces) need a workspace and live with the commands that apply them.

use crate::base::error::{Code, Problem, RuleError};
use crate::base::json::Json;
use crate::base::names::{names, Named};
use crate::base::validate::Problems;
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::str::FromStr;

names! {
    /// A member's role in one workspace, from most to least powerful.
    pub enum Role {
        Owner = "owner",
        Admin = "admin",
        Member = "member",
    }
}

impl Role {
    /// The rank: owner 3 > admin 2 > member 1.
    pub const fn rank(self) -> u8 {
        match self {
            Role::Owner => 3,
            Role::Admin => 2,
            Role::Member => 1,
        }
    }

    /// Whether this role ranks at least as high as `other` (the test behind "no granting above
    /// yourself" and "no acting on someone above you").
    pub const fn at_least(self, other: Role) -> bool {
        self.rank() >= other.rank()
    }
}

/// Declares the actions with the lowest role allowed each one, in the spec's table order.
macro_rules! actions {
    ($($variant:ident = $wire:literal => $min:ident,)+) => {
        names! {
            /// A `resource.verb` action of the permission matrix.
            pub enum Action { $($variant = $wire,)+ }
        }

        impl Action {
            /// The lowest-ranked role the default matrix allows this action to.
            pub const fn min_role(self) -> Role {
                match self { $(Action::$variant => Role::$min,)+ }
            }
        }
    };
}

actions! {
    WorkspaceView = "workspace.view" => Member,
    WorkspaceUpdate = "workspace.update" => Admin,
    WorkspaceProvision = "workspace.provision" => Admin,
    WorkspaceArchive = "workspace.archive" => Owner,
    WorkspaceDelete = "workspace.delete" => Owner,
    WorkspaceCreate = "workspace.create" => Owner,
    MembersView = "members.view" => Member,
    MembersInvite = "members.invite" => Admin,
    MembersRemove = "members.remove" => Admin,
    MembersUpdateRole = "members.update_role" => Admin,
    InvitationsView = "invitations.view" => Admin,
    InvitationsRevoke = "invitations.revoke" => Admin,
    AgentsView = "agents.view" => Member,
    AgentsCreate = "agents.create" => Member,
    AgentsUpdate = "agents.update" => Member,
    AgentsDelete = "agents.delete" => Member,
    KnowledgeBasesView = "knowledge_bases.view" => Member,
    KnowledgeBasesConnect = "knowledge_bases.connect" => Member,
    KnowledgeBasesCreate = "knowledge_bases.create" => Owner,
    PhoneNumbersView = "phone_numbers.view" => Member,
    PhoneNumbersManage = "phone_numbers.manage" => Admin,
    VoiceSettingsView = "voice_settings.view" => Member,
    VoiceSettingsUpdate = "voice_settings.update" => Admin,
    TestNumbersView = "test_numbers.view" => Member,
    TestNumbersManage = "test_numbers.manage" => Admin,
    IntegrationsView = "integrations.view" => Member,
    IntegrationsManage = "integrations.manage" => Admin,
    ApiKeysManage = "api_keys.manage" => Admin,
    WebhooksManage = "webhooks.manage" => Admin,
    CallsOutbound = "calls.outbound" => Member,
    UsageView = "usage.view" => Member,
    BillingView = "billing.view" => Admin,
    AuditView = "audit.view" => Admin,
    AnalyticsView = "analytics.view" => Admin,
    BillingManage = "billing.manage" => Owner,
    MinutesAllocate = "minutes.allocate" => Owner,
    AuditExport = "audit.export" => Owner,
}

/// Whether the default matrix allows `role` to perform `action` (`workspace_rules::workspace::roles::can`).
///
/// This is the matrix alone. Whether a given user may act in a given workspace also depends on their
/// membership status, the workspace's status and the rules on top of the matrix, which the command
/// engine and the request checks apply.
pub const fn can(role: Role, action: Action) -> bool {
    role.at_least(action.min_role())
}

/// All roles, highest rank first.
pub fn roles() -> &'static [Role] {
    Role::ALL
}

/// All actions, in the order of the specification's table.
pub fn actions() -> &'static [Action] {
    Action::ALL
}

/// The default permission matrix, `{ role: [allowed actions] }`: roles highest first, actions in
/// table order. Serializes as that JSON object.
#[derive(Clone, Copy, Debug, Default)]
pub struct PermissionMatrix;

impl PermissionMatrix {
    /// The actions `role` may perform, in table order.
    pub fn allowed(role: Role) -> impl Iterator<Item = Action> {
        Action::ALL.iter().copied().filter(move |a| can(role, *a))
    }
}

impl Serialize for PermissionMatrix {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(Role::ALL.len()))?;
        for role in Role::ALL {
            let allowed: Vec<Action> = PermissionMatrix::allowed(*role).collect();
            map.serialize_entry(role.as_str(), &allowed)?;
        }
        map.end()
    }
}

/// The permission matrix (see [`PermissionMatrix`]).
pub fn permission_matrix() -> PermissionMatrix {
    PermissionMatrix
}

impl FromStr for Role {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<Self, RuleError> {
        parse_role(s, "").map_err(|p| RuleError::single(p.code, p.path, p.message))
    }
}

impl FromStr for Action {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<Self, RuleError> {
        parse_action(s, "").map_err(|p| RuleError::single(p.code, p.path, p.message))
    }
}

/// Parses a role name found at `path` of an input, as one problem if it is not a role.
pub fn parse_role(name: &str, path: &str) -> Result<Role, Problem> {
    Role::from_name(name).ok_or_else(|| {
        Problem::new(
            Code::UnknownRole,
            path,
            format!("Unknown role \"{name}\": expected {}.", Role::list()),
        )
    })
}

/// Parses an action name found at `path` of an input, as one problem if it is not an action.
pub fn parse_action(name: &str, path: &str) -> Result<Action, Problem> {
    Action::from_name(name).ok_or_else(|| {
        Problem::new(
            Code::UnknownAction,
            path,
            format!("Unknown action \"{name}\": actions() lists the known ones."),
        )
    })
}

/// Reads a role name at `path` of an input: `invalid_type` for a non-string, `unknown_role` (rule 7)
/// for another string.
pub fn read_role(
    value: &Json,
    path: &str,
    problems: &mut crate::base::validate::Problems,
) -> Option<Role> {
    match value.as_str() {
        Some(name) => match parse_role(name, path) {
            Ok(role) => Some(role),
            Err(p) => {
                problems.push(p.code, &p.path, p.message);
                None
            }
        },
        None => {
            let p = not_a_name(value, path, &crate::base::validate::describe(path));
            problems.push(p.code, &p.path, p.message);
            None
        }
    }
}

/// The problem with a value that should have been a role or action name but is not a string.
fn not_a_name(value: &Json, path: &str, what: &str) -> Problem {
    Problem::new(
        Code::InvalidType,
        path,
        format!("{what} must be a string, got {}.", value.kind()),
    )
}

/// `can` for untyped input, as JavaScript calls it: both arguments are checked and every problem is
/// reported (paths `/role` and `/action`); the refusal's code is the first problem's.
pub fn can_input(role: &Json, action: &Json) -> Result<bool, RuleError> {
    let mut problems = Problems::new();
    let role = read_name(role, "/role", "role", parse_role, &mut problems);
    let action = read_name(action, "/action", "action", parse_action, &mut problems);
    problems.finish_first(())?;
    match (role, action) {
        (Some(role), Some(action)) => Ok(can(role, action)),
        _ => Err(RuleError::single(
            Code::InternalError,
            "",
            "A checked name was missing.",
        )),
    }
}

/// Reads a name (a role, an action) at `path`, recording the problem if it is not a string or not a
/// known name.
fn read_name<T>(
    value: &Json,
    path: &str,
    what: &str,
    parse: fn(&str, &str) -> Result<T, Problem>,
    problems: &mut Problems,
) -> Option<T> {
    let parsed = match value.as_str() {
        Some(name) => parse(name, path),
        None => Err(not_a_name(value, path, what)),
    };
    parsed
        .map_err(|p| problems.push(p.code, &p.path, p.message))
        .ok()
}

/// [`can`] by position in [`roles`] and [`actions`]; `None` for a position out of range.
pub fn can_index(role: usize, action: usize) -> Option<bool> {
    Some(can(*Role::ALL.get(role)?, *Action::ALL.get(action)?))
}

/// `can` for two strings, the common case: no allocation when both names are known; otherwise the same
/// refusal as [`can_input`].
pub fn can_names(role: &str, action: &str) -> Result<bool, RuleError> {
    match (Role::from_name(role), Action::from_name(action)) {
        (Some(role), Some(action)) => Ok(can(role, action)),
        _ => can_input(&Json::from(role), &Json::from(action)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_by_position_answers_like_can() {
        for (i, &role) in Role::ALL.iter().enumerate() {
            for (j, &action) in Action::ALL.iter().enumerate() {
                assert_eq!(can_index(i, j), Some(can(role, action)));
            }
            assert_eq!(can_index(i, Action::ALL.len()), None);
        }
        assert_eq!(can_index(Role::ALL.len(), 0), None);
    }

    #[test]
    fn ranks_are_owner_admin_member() {
        assert_eq!(
            Role::ALL.iter().map(|r| r.rank()).collect::<Vec<_>>(),
            [3, 2, 1]
        );
        assert!(Role::Admin.at_least(Role::Member));
        assert!(!Role::Admin.at_least(Role::Owner));
    }

    #[test]
    fn the_matrix_is_monotone_in_rank() {
        for action in Action::ALL {
            assert!(can(Role::Owner, *action), "owners may do everything");
            if can(Role::Member, *action) {
                assert!(can(Role::Admin, *action));
            }
        }
    }

    #[test]
    fn names_round_trip_and_are_case_sensitive() {
        for action in Action::ALL {
            assert_eq!(action.as_str().parse::<Action>(), Ok(*action));
        }
        assert_eq!("Owner".parse::<Role>().unwrap_err().code, Code::UnknownRole);
        assert_eq!(Action::ALL.len(), 37);
    }

    #[test]
    fn can_input_reports_both_problems() {
        let err = can_input(&Json::Number(1.0), &Json::from("nope")).unwrap_err();
        assert_eq!(err.code, Code::InvalidType);
        assert_eq!(err.errors.len(), 2);
        assert_eq!(err.errors[1].code, Code::UnknownAction);
        assert_eq!(err.errors[1].path, "/action");
    }
}
