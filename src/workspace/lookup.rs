//! Finding a state's records by id — the role of a user's active member record, the position of an
//! invitation — either by a scan of the state or through a [`StateIndex`] built once, for a workspace
//! that answers many checks (`prepareWorkspace`, `docs/rules/requests.md#prepared-workspaces`).
//!
//! The rules that look records up take a [`Lookup`], so a scan and an index answer through the same
//! code and cannot disagree: a valid state holds one active record per user id and one invitation per
//! id (`docs/rules/workspace.md`), and the index keeps the first of each, as the scan finds it.

use crate::base::index::StrIndex;
use crate::workspace::roles::Role;
use crate::workspace::state::WorkspaceState;

/// The active members' user ids and the invitations' ids of one state, each found in constant time.
#[derive(Debug, Default)]
pub struct StateIndex {
    /// The user ids of active members, in the order of `members`.
    active: StrIndex,
    /// The role of the active member at the same position of `active`.
    roles: Vec<Role>,
    /// The invitation ids, in the order of `invitations`.
    invitations: StrIndex,
    /// The position in `invitations` of the invitation at the same position of `self.invitations`.
    positions: Vec<usize>,
    /// How many of the indexed active members are owners.
    owners: usize,
}

impl StateIndex {
    /// The index of `state` (one pass over its members and one over its invitations).
    pub fn new(state: &WorkspaceState) -> Self {
        let mut index = StateIndex {
            active: StrIndex::with_capacity(state.members.len()),
            roles: Vec::with_capacity(state.members.len()),
            invitations: StrIndex::with_capacity(state.invitations.len()),
            positions: Vec::with_capacity(state.invitations.len()),
            owners: 0,
        };
        for m in state.members.iter().filter(|m| m.is_active()) {
            // A second active record of a user id (not in a valid state) is not the one a scan finds.
            if index.active.insert(&m.user_id).is_ok() {
                index.roles.push(m.role);
                index.owners += usize::from(m.role == Role::Owner);
            }
        }
        for (i, inv) in state.invitations.iter().enumerate() {
            if index.invitations.insert(&inv.id).is_ok() {
                index.positions.push(i);
            }
        }
        index
    }
}

/// A state and how its records are found: by a scan, or through its [`StateIndex`]. Dereferences
/// to the state.
#[derive(Clone, Copy, Debug)]
pub struct Lookup<'a> {
    state: &'a WorkspaceState,
    index: Option<&'a StateIndex>,
}

impl<'a> Lookup<'a> {
    /// Records found by scanning `state` (one check of a state read for it).
    pub fn scan(state: &'a WorkspaceState) -> Self {
        Lookup { state, index: None }
    }

    /// Records found through `index`, which must be `StateIndex::new(state)`.
    pub fn indexed(state: &'a WorkspaceState, index: &'a StateIndex) -> Self {
        Lookup {
            state,
            index: Some(index),
        }
    }

    pub fn state(&self) -> &'a WorkspaceState {
        self.state
    }

    /// The role of the active member with `user_id`; `None` when no active record has it.
    pub fn active_role(&self, user_id: &str) -> Option<Role> {
        match self.index {
            Some(ix) => (ix.active.position(user_id)).and_then(|i| ix.roles.get(i).copied()),
            None => self.state.active_member(user_id).map(|m| m.role),
        }
    }

    /// How many active members are owners (rule 3 of `docs/rules/roles.md`).
    pub fn active_owners(&self) -> usize {
        match self.index {
            Some(ix) => ix.owners,
            None => self.state.active_owners(),
        }
    }

    /// The position in `invitations` of the invitation with `id`.
    pub fn invitation(&self, id: &str) -> Option<usize> {
        match self.index {
            Some(ix) => (ix.invitations.position(id)).and_then(|i| ix.positions.get(i).copied()),
            None => self.state.invitations.iter().position(|inv| inv.id == id),
        }
    }
}

impl std::ops::Deref for Lookup<'_> {
    type Target = WorkspaceState;

    fn deref(&self) -> &WorkspaceState {
        self.state
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::timestamp::Timestamp;
    use crate::workspace::state::{Invitation, InvitationState, Member, MemberStatus};

    fn member(user_id: &str, role: Role, status: MemberStatus) -> Member {
        Member {
            user_id: user_id.to_owned(),
            email: format!("{user_id}@example.com"),
            display_name: None,
            role,
            status,
            joined_at: Timestamp::parse("2026-01-10T08:00:00.000Z").unwrap(),
        }
    }

    fn invitation(id: &str) -> Invitation {
        Invitation {
            id: id.to_owned(),
            email: format!("{id}@example.com"),
            role: Role::Member,
            status: InvitationState::Pending,
            invited_by: "u0".to_owned(),
            sent_at: Timestamp::parse("2026-01-10T08:00:00.000Z").unwrap(),
            expires_at: Timestamp::parse("2026-01-17T08:00:00.000Z").unwrap(),
            responded_at: None,
        }
    }

    /// The scan and the index find the same records for every id of the state and for ids it does
    /// not hold, around the size where the index starts hashing — deactivated records included, and
    /// the first of two records with one id (as a scan finds it).
    #[test]
    fn scan_and_index_find_the_same_records() {
        let text = r#"{"workspace": {"id": "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f", "name": "W",
          "slug": "ws", "environment": "production", "description": null, "backend_org_id": null,
          "is_default": false, "status": "active", "provisioned_at": null,
          "created_at": "2026-01-10T08:00:00.000Z", "archived_at": null},
         "members": [{"user_id": "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01", "email": "a@example.com",
          "display_name": null, "role": "owner", "status": "active",
          "joined_at": "2026-01-10T08:00:00.000Z"}],
         "invitations": [],
         "settings": {"language": "en", "outbound_enabled": true, "integration_version": "v2",
          "default_llm": null, "default_stt_provider": null, "default_tts_provider": null},
         "voice_settings": {}, "test_caller_numbers": [],
         "minutes": {"allocations": [], "used_seconds": 0}}"#;
        let json: crate::base::json::Json = serde_json::from_str(text).unwrap();
        let mut state = crate::workspace::state::state_input(&json, "/state").unwrap();
        for n in [0, 1, 8, 9, 40] {
            state.members = (0..n)
                .map(|i| {
                    let status = if i % 3 == 0 {
                        MemberStatus::Deactivated
                    } else {
                        MemberStatus::Active
                    };
                    let role = [Role::Owner, Role::Admin, Role::Member][i % 3];
                    member(&format!("u{}", i / 2), role, status)
                })
                .collect();
            state.invitations = (0..n).map(|i| invitation(&format!("i{}", i / 2))).collect();
            let index = StateIndex::new(&state);
            let (scan, indexed) = (Lookup::scan(&state), Lookup::indexed(&state, &index));
            for i in 0..n + 2 {
                let (u, v) = (format!("u{i}"), format!("i{i}"));
                assert_eq!(scan.active_role(&u), indexed.active_role(&u), "{n}: {u}");
                assert_eq!(scan.invitation(&v), indexed.invitation(&v), "{n}: {v}");
            }
            assert_eq!(scan.active_owners(), indexed.active_owners(), "{n}");
            assert_eq!(indexed.invitation(""), None);
        }
    }
}
