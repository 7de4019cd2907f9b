//! Exhaustive: every actor role × target role × new role × command, against the escalation rules of
//! `docs/rules/roles.md` written out below as a plain table (not derived from the library's rank arithmetic).

use workspace_rules::base::timestamp::Timestamp;
use workspace_rules::workspace::commands::{apply, Command};
use workspace_rules::workspace::context::Context;
use workspace_rules::workspace::state::{
    Environment, IntegrationVersion, Invitation, InvitationState, Member, MemberStatus, Minutes,
    Settings, Workspace, WorkspaceState, WorkspaceStatus,
};
use workspace_rules::Role;

const WS: &str = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f";
const ACTOR: &str = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
const TARGET: &str = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02";
const OTHER_OWNER: &str = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f03";
const INVITATION: &str = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60001";
const NEW_ID: &str = "0f8e7d6c-5b4a-4398-8776-655443322110";

/// change_role: (actor, target's current role, new role) → expected outcome, with another owner present.
const CHANGE_ROLE: &[(&str, &str, &str, &str)] = &[
    ("owner", "owner", "owner", "ok"),
    ("owner", "owner", "admin", "ok"),
    ("owner", "owner", "member", "ok"),
    ("owner", "admin", "owner", "ok"),
    ("owner", "admin", "admin", "ok"),
    ("owner", "admin", "member", "ok"),
    ("owner", "member", "owner", "ok"),
    ("owner", "member", "admin", "ok"),
    ("owner", "member", "member", "ok"),
    ("admin", "owner", "owner", "cannot_grant_higher_role"),
    ("admin", "owner", "admin", "cannot_modify_higher_role"),
    ("admin", "owner", "member", "cannot_modify_higher_role"),
    ("admin", "admin", "owner", "cannot_grant_higher_role"),
    ("admin", "admin", "admin", "ok"),
    ("admin", "admin", "member", "ok"),
    ("admin", "member", "owner", "cannot_grant_higher_role"),
    ("admin", "member", "admin", "ok"),
    ("admin", "member", "member", "ok"),
    ("member", "owner", "owner", "forbidden"),
    ("member", "owner", "admin", "forbidden"),
    ("member", "owner", "member", "forbidden"),
    ("member", "admin", "owner", "forbidden"),
    ("member", "admin", "admin", "forbidden"),
    ("member", "admin", "member", "forbidden"),
    ("member", "member", "owner", "forbidden"),
    ("member", "member", "admin", "forbidden"),
    ("member", "member", "member", "forbidden"),
];

/// remove_member: (actor, target's role) → outcome, with another owner present.
const REMOVE: &[(&str, &str, &str)] = &[
    ("owner", "owner", "ok"),
    ("owner", "admin", "ok"),
    ("owner", "member", "ok"),
    ("admin", "owner", "cannot_modify_higher_role"),
    ("admin", "admin", "ok"),
    ("admin", "member", "ok"),
    ("member", "owner", "forbidden"),
    ("member", "admin", "forbidden"),
    ("member", "member", "forbidden"),
];

/// invite_member: (actor, invited role) → outcome.
const INVITE: &[(&str, &str, &str)] = &[
    ("owner", "owner", "ok"),
    ("owner", "admin", "ok"),
    ("owner", "member", "ok"),
    ("admin", "owner", "cannot_grant_higher_role"),
    ("admin", "admin", "ok"),
    ("admin", "member", "ok"),
    ("member", "owner", "forbidden"),
    ("member", "admin", "forbidden"),
    ("member", "member", "forbidden"),
];

/// revoke_invitation: (actor, the invitation's role) → outcome.
const REVOKE: &[(&str, &str, &str)] = &[
    ("owner", "owner", "ok"),
    ("owner", "admin", "ok"),
    ("owner", "member", "ok"),
    ("admin", "owner", "cannot_modify_higher_role"),
    ("admin", "admin", "ok"),
    ("admin", "member", "ok"),
    ("member", "owner", "forbidden"),
    ("member", "admin", "forbidden"),
    ("member", "member", "forbidden"),
];

/// The sole owner acting on itself (rule 3), and the same with a second owner: (command, new role,
/// second owner present) → outcome.
const SELF: &[(&str, &str, bool, &str)] = &[
    ("change_role", "owner", false, "ok"),
    ("change_role", "admin", false, "last_owner"),
    ("change_role", "member", false, "last_owner"),
    ("remove_member", "-", false, "last_owner"),
    ("leave_workspace", "-", false, "last_owner"),
    ("change_role", "admin", true, "ok"),
    ("change_role", "member", true, "ok"),
    ("remove_member", "-", true, "ok"),
    ("leave_workspace", "-", true, "ok"),
];

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn member(user_id: &str, role: Role) -> Member {
    Member {
        user_id: user_id.into(),
        email: format!("{}@example.com", &user_id[34..]),
        display_name: None,
        role,
        status: MemberStatus::Active,
        joined_at: ts("2026-01-10T08:00:00.000Z"),
    }
}

fn state(members: Vec<Member>, invitation_role: Role) -> WorkspaceState {
    WorkspaceState {
        workspace: Workspace {
            id: WS.into(),
            name: "Client A Support".into(),
            slug: "client-a-support".into(),
            environment: Environment::Production,
            description: None,
            backend_org_id: None,
            is_default: false,
            status: WorkspaceStatus::Active,
            provisioned_at: None,
            created_at: ts("2026-01-10T08:00:00.000Z"),
            archived_at: None,
        },
        members,
        invitations: vec![Invitation {
            id: INVITATION.into(),
            email: "invitee@example.com".into(),
            role: invitation_role,
            status: InvitationState::Pending,
            invited_by: OTHER_OWNER.into(),
            sent_at: ts("2026-11-20T09:00:00.000Z"),
            expires_at: ts("2026-11-27T09:00:00.000Z"),
            responded_at: None,
        }],
        settings: Settings {
            language: "en".into(),
            outbound_enabled: true,
            integration_version: IntegrationVersion::V2,
            default_llm: None,
            default_stt_provider: None,
            default_tts_provider: None,
        },
        voice_settings: workspace_rules::voice::fields::VoiceSettings::default(),
        test_caller_numbers: Vec::new(),
        minutes: Minutes {
            allocations: Vec::new(),
            used_seconds: 0,
        },
        credits: None,
    }
}

fn ctx(actor: &str) -> Context {
    Context::new(actor, ts("2026-11-22T10:00:00.000Z")).with_ids([NEW_ID])
}

fn outcome(state: &WorkspaceState, command: &Command, actor: &str) -> String {
    match apply(state, command, &ctx(actor)) {
        Ok(_) => "ok".into(),
        Err(e) => e.code.as_str().into(),
    }
}

fn role(name: &str) -> Role {
    name.parse().unwrap()
}

/// Actor, target and another owner (so rule 3 never decides these tables).
fn three(actor: Role, target: Role) -> WorkspaceState {
    state(
        vec![
            member(ACTOR, actor),
            member(TARGET, target),
            member(OTHER_OWNER, Role::Owner),
        ],
        Role::Member,
    )
}

#[test]
fn change_role_table() {
    assert_eq!(CHANGE_ROLE.len(), 27);
    for (actor, target, new, expected) in CHANGE_ROLE {
        let s = three(role(actor), role(target));
        let command = Command::ChangeRole {
            user_id: TARGET.into(),
            role: role(new),
        };
        assert_eq!(
            outcome(&s, &command, ACTOR),
            *expected,
            "{actor} changes {target} to {new}"
        );
    }
}

#[test]
fn remove_member_table() {
    for (actor, target, expected) in REMOVE {
        let s = three(role(actor), role(target));
        let command = Command::RemoveMember {
            user_id: TARGET.into(),
        };
        assert_eq!(
            outcome(&s, &command, ACTOR),
            *expected,
            "{actor} removes {target}"
        );
    }
}

#[test]
fn invite_member_table() {
    for (actor, invited, expected) in INVITE {
        let s = three(role(actor), Role::Member);
        let command = Command::InviteMember {
            email: "new@example.com".into(),
            role: role(invited),
        };
        assert_eq!(
            outcome(&s, &command, ACTOR),
            *expected,
            "{actor} invites an {invited}"
        );
    }
}

#[test]
fn revoke_invitation_table() {
    for (actor, invited, expected) in REVOKE {
        let mut s = three(role(actor), Role::Member);
        s.invitations[0].role = role(invited);
        let command = Command::RevokeInvitation {
            invitation_id: INVITATION.into(),
        };
        assert_eq!(
            outcome(&s, &command, ACTOR),
            *expected,
            "{actor} revokes an {invited}'s invitation"
        );
    }
}

#[test]
fn the_last_owner_table() {
    for (command, new, second_owner, expected) in SELF {
        let mut members = vec![member(ACTOR, Role::Owner), member(TARGET, Role::Member)];
        if *second_owner {
            members.push(member(OTHER_OWNER, Role::Owner));
        }
        let s = state(members, Role::Member);
        let command = match *command {
            "change_role" => Command::ChangeRole {
                user_id: ACTOR.into(),
                role: role(new),
            },
            "remove_member" => Command::RemoveMember {
                user_id: ACTOR.into(),
            },
            _ => Command::LeaveWorkspace,
        };
        assert_eq!(
            outcome(&s, &command, ACTOR),
            *expected,
            "{command:?} with a second owner: {second_owner}"
        );
    }
}

#[test]
fn every_command_in_an_archived_workspace_or_by_a_non_member() {
    let commands = [
        Command::InviteMember {
            email: "new@example.com".into(),
            role: Role::Member,
        },
        Command::RevokeInvitation {
            invitation_id: INVITATION.into(),
        },
        Command::RemoveMember {
            user_id: TARGET.into(),
        },
        Command::LeaveWorkspace,
        Command::ChangeRole {
            user_id: TARGET.into(),
            role: Role::Admin,
        },
        Command::UpdateWorkspace(workspace_rules::workspace::lifecycle::WorkspacePatch {
            name: Some("New name".into()),
            ..Default::default()
        }),
    ];
    for actor_role in [Role::Owner, Role::Admin, Role::Member] {
        let mut archived = three(actor_role, Role::Member);
        archived.workspace.status = WorkspaceStatus::Archived;
        archived.workspace.archived_at = Some(ts("2026-11-01T00:00:00.000Z"));
        let mut deactivated = three(actor_role, Role::Member);
        deactivated.members[0].status = MemberStatus::Deactivated;
        for command in &commands {
            assert_eq!(outcome(&archived, command, ACTOR), "workspace_archived");
            assert_eq!(outcome(&deactivated, command, ACTOR), "not_a_member");
            let stranger = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f99";
            assert_eq!(outcome(&archived, command, stranger), "not_a_member");
        }
    }
}
