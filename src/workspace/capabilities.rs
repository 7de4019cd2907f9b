//! `docs/rules/capabilities.md` Capabilities: `capabilities(state, ctx)`, everything the actor could do in
//! the workspace right now, each entry with the refusal `apply` (or `authorize`) would give.
//!
//! One pass over members and invitations, with the decision functions of the commands themselves:
//! a member's entries are `membership::may_remove`, `may_change_role` and `may_leave` (the functions
//! `apply` and `checkRequest` run), an invitation's `accept` and `decline` are
//! `invitations::respondable_by` (through `respondable_at`), so the three callers cannot drift. The
//! actor's standing is found once, members are found through a [`StateIndex`] (the owners counted
//! once), the active members' emails are listed once, and each entry runs the command's checks in
//! the command's order (`tests/properties.rs` checks the law against `apply`).

use crate::base::error::{Code, RuleError};
use crate::base::json::Json;
use crate::base::validate::Problems;
use crate::workspace::context::{read_context, Context};
use crate::workspace::invitations::{
    accepting_member, inviting_member, normalize_email, pending, require_invitee_email,
    respondable_at,
};
use crate::workspace::lookup::{Lookup, StateIndex};
use crate::workspace::membership::{
    may_change_role, may_grant, may_leave, may_modify, may_remove, not_archived, permit, permit_in,
    standing,
};
use crate::workspace::roles::{Action, Role};
use crate::workspace::state::{state_input, WorkspaceState};
use serde::ser::{Serialize, Serializer};

/// One entry: allowed, or the refusal (`{ allowed: false, code, status, message }`).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry(pub Result<(), RuleError>);

impl Entry {
    /// Whether the entry is allowed.
    pub fn allowed(&self) -> bool {
        self.0.is_ok()
    }
}

impl Entry {
    fn json(&self) -> Json {
        let mut o = vec![("allowed".to_owned(), Json::Bool(self.allowed()))];
        if let Err(e) = &self.0 {
            o.push(("code".to_owned(), Json::from(e.code.as_str())));
            o.push((
                "status".to_owned(),
                Json::Number(f64::from(e.code.status())),
            ));
            o.push(("message".to_owned(), Json::from(e.message.as_str())));
        }
        Json::Object(o)
    }
}

/// The entries of one member: `remove`, `change_role` per role (highest first), `leave` on the
/// actor's own entry only.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberCapabilities {
    pub remove: Entry,
    pub change_role: Vec<(Role, Entry)>,
    pub leave: Option<Entry>,
}

/// The entries of one invitation.
#[derive(Clone, Debug, PartialEq)]
pub struct InvitationCapabilities {
    pub revoke: Entry,
    pub resend: Entry,
    pub accept: Entry,
    pub decline: Entry,
}

/// The answer of `capabilities`: members and invitations in state order, actions in matrix order,
/// roles highest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Capabilities {
    pub role: Option<Role>,
    pub member: bool,
    pub workspace: Vec<(Action, Entry)>,
    pub invite: Vec<(Role, Entry)>,
    pub members: Vec<(String, MemberCapabilities)>,
    pub invitations: Vec<(String, InvitationCapabilities)>,
}

/// `(name, entry)` pairs as one JSON object, in their order.
fn entries<'a>(pairs: impl Iterator<Item = (&'a str, &'a Entry)>) -> Json {
    Json::Object(pairs.map(|(k, e)| (k.to_owned(), e.json())).collect())
}

fn roles(pairs: &[(Role, Entry)]) -> Json {
    entries(pairs.iter().map(|(r, e)| (r.as_str(), e)))
}

fn key(k: &str, v: Json) -> (String, Json) {
    (k.to_owned(), v)
}

impl Capabilities {
    /// The answer as JSON data (keys in the documented order).
    pub fn json(&self) -> Json {
        let members = self.members.iter().map(|(id, m)| {
            let mut o = vec![
                key("remove", m.remove.json()),
                key("change_role", roles(&m.change_role)),
            ];
            if let Some(leave) = &m.leave {
                o.push(key("leave", leave.json()));
            }
            (id.clone(), Json::Object(o))
        });
        let invitations = self.invitations.iter().map(|(id, i)| {
            let o = vec![
                key("revoke", i.revoke.json()),
                key("resend", i.resend.json()),
                key("accept", i.accept.json()),
                key("decline", i.decline.json()),
            ];
            (id.clone(), Json::Object(o))
        });
        Json::Object(vec![
            key(
                "role",
                self.role.map_or(Json::Null, |r| Json::from(r.as_str())),
            ),
            key("member", Json::Bool(self.member)),
            key(
                "workspace",
                entries(self.workspace.iter().map(|(a, e)| (a.as_str(), e))),
            ),
            key(
                "invite",
                Json::Object(vec![key("roles", roles(&self.invite))]),
            ),
            key("members", Json::Object(members.collect())),
            key("invitations", Json::Object(invitations.collect())),
        ])
    }
}

impl Serialize for Capabilities {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.json().serialize(s)
    }
}

/// An entry decided by `check` of the actor's role, after the actor's standing (`acting`): the one
/// place a refusal is copied (not inlined at every entry: the .wasm stays small).
#[inline(never)]
fn decide(
    acting: &Result<Role, RuleError>,
    check: &dyn Fn(Role) -> Result<(), RuleError>,
) -> Entry {
    Entry(match acting {
        Ok(role) => check(*role),
        Err(e) => Err(e.clone()),
    })
}

/// The actor's standing with the matrix's `action` checked too (the start of most commands).
#[inline(never)]
fn with(acting: &Result<Role, RuleError>, action: Action) -> Result<Role, RuleError> {
    let role = acting.clone()?;
    permit(role, action)?;
    Ok(role)
}

/// `capabilities(state, ctx)` of a valid state: every entry decided as `apply` decides its command
/// (with the command's paths and order of checks), in one pass over members and invitations.
pub fn capabilities(state: &WorkspaceState, ctx: &Context) -> Capabilities {
    capabilities_in(&Lookup::indexed(state, &StateIndex::new(state)), ctx)
}

/// [`capabilities`] with the state's records found through an index (a prepared workspace's, or one
/// built for the call): each member's entries look the member up by user id, in constant time.
pub fn capabilities_in(records: &Lookup, ctx: &Context) -> Capabilities {
    let state = records.state();
    let role = records.active_role(&ctx.actor_id);
    let acting = standing(state, role, "/ctx/actor_id");
    let now = Some(&ctx.now);
    let workspace = Action::ALL
        .iter()
        .map(|&a| (a, decide(&acting, &|r| permit_in(state, r, a, now))))
        .collect();
    let inviting = with(&acting, Action::MembersInvite);
    let invite = Role::ALL
        .iter()
        .map(|&r| {
            (
                r,
                decide(&inviting, &|actor| may_grant(actor, r, "/command/role")),
            )
        })
        .collect();
    let removing = with(&acting, Action::MembersRemove);
    let changing = with(&acting, Action::MembersUpdateRole);
    let (path, granted) = ("/command/user_id", "/command/role");
    // Each entry is the command's one decision (`membership::may_remove`, `may_change_role`,
    // `may_leave`), on the member's user id as `apply` finds it.
    let members = state
        .members
        .iter()
        .map(|m| {
            let id = m.user_id.as_str();
            let remove = decide(&removing, &|actor| may_remove(records, actor, id, path));
            let change_role = Role::ALL
                .iter()
                .map(|&to| {
                    let entry = decide(&changing, &|actor| {
                        if may_change_role(records, actor, id, to, path, granted)? == to {
                            return Err(RuleError::single(
                                Code::NoChange,
                                granted,
                                format!("The member already has the role {to}."),
                            ));
                        }
                        Ok(())
                    });
                    (to, entry)
                })
                .collect();
            let leave = (id == ctx.actor_id)
                .then(|| decide(&acting, &|_| may_leave(records, id, "/ctx/actor_id")));
            let caps = MemberCapabilities {
                remove,
                change_role,
                leave,
            };
            (m.user_id.clone(), caps)
        })
        .collect();
    let mut member_emails: Vec<String> = state
        .members
        .iter()
        .filter(|m| m.is_active())
        .map(|m| normalize_email(&m.email))
        .collect();
    member_emails.sort_unstable();
    let revoking = with(&acting, Action::InvitationsRevoke);
    // Accepting and declining need no membership: the invitee's standing is a verified email (a
    // problem of the input, before anything else) and the workspace's.
    let invitee = require_invitee_email(ctx.actor_email.as_deref(), "/ctx/actor_email")
        .and_then(|()| not_archived(state))
        .map(|()| Role::Member);
    let invitations = state
        .invitations
        .iter()
        .map(|inv| {
            let path = "/command/invitation_id";
            let revoke = decide(&revoking, &|actor| {
                may_modify(actor, inv.role, path)?;
                pending(inv, path)
            });
            let resend = decide(&inviting, &|actor| {
                may_grant(actor, inv.role, "/command/role")?;
                let email = normalize_email(&inv.email);
                if member_emails.binary_search(&email).is_ok() {
                    return Err(inviting_member(&email));
                }
                Ok(())
            });
            let accept = decide(&invitee, &|_| {
                respondable_at(inv, ctx)?;
                match role {
                    Some(_) => Err(accepting_member()),
                    None => Ok(()),
                }
            });
            let decline = decide(&invitee, &|_| respondable_at(inv, ctx));
            let caps = InvitationCapabilities {
                revoke,
                resend,
                accept,
                decline,
            };
            (inv.id.clone(), caps)
        })
        .collect();
    Capabilities {
        role,
        member: role.is_some(),
        workspace,
        invite,
        members,
        invitations,
    }
}

/// `capabilities(state, ctx)` for untyped input (paths `/state/…`, `/ctx/…`).
pub fn capabilities_input(state: &Json, ctx: &Json) -> Result<Capabilities, RuleError> {
    let state = state_input(state, "/state")?;
    capabilities_on_input(&Lookup::indexed(&state, &StateIndex::new(&state)), ctx)
}

/// [`capabilities`] on a state already read (a prepared workspace's), for an untyped `ctx`.
pub fn capabilities_on_input(records: &Lookup, ctx: &Json) -> Result<Capabilities, RuleError> {
    let mut p = Problems::new();
    let ctx = read_context(ctx, "/ctx", &mut p);
    match ctx {
        Some(ctx) if p.is_empty() => Ok(capabilities_in(records, &ctx)),
        _ => Err(RuleError::many(Code::ValidationFailed, p.into_vec())),
    }
}
