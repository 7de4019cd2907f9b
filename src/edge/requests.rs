//! `docs/rules/requests.md` Request checks at the edge: `checkRequest(request, context)` maps a platform request to an action
//! and decides it without any network call, answering `{ allowed, action, status, error? }`.
//!
//! Order of checks (the first failing step answers): unknown route → 404 `unknown_route`; no actor →
//! 401 `unauthenticated`; actor not an active member → 404 `not_a_member`; archived → 410
//! `workspace_archived`; the path's workspace id is not the state's → 404 `workspace_mismatch`;
//! permission → 403 (`forbidden`, and the rule-specific refusals: `cannot_grant_higher_role`,
//! `cannot_modify_higher_role`, `outbound_disabled`, `credits_exhausted` (402); and 404 `invitation_not_found` /
//! 409 `default_workspace_protected` for the route's target; on a member's route the command's own
//! rules 1–3, by the functions `apply` runs: `membership::may_change_role`, `may_remove`,
//! `may_leave`); body → 422 with every error, read by the same readers as the matching command
//! (paths under `/body`; the audit route's query at `/request/path`). Accepting and declining an
//! invitation need no membership: they are decided as `apply` decides them (`respond`), their
//! optional body read by [`respond_body`] (`display_name` by `accept_invitation`'s own reader).
//!
//! Decisions where the spec is silent:
//! - the router matches what a standard router sees (`docs/rules/requests.md#paths-and-methods`): the
//!   path without its query string or fragment, only unreserved characters and `/` (no escape is
//!   decoded: a path with `%`, `;`, `\`, a control or non-ASCII character is `unknown_route`), no empty
//!   or dot segment, literal segments and methods exactly as sent (upper case), ids as lower-case
//!   UUIDs compared exactly; a path above [`MAX_PATH_BYTES`] is `unknown_route` without being read;
//! - the public preview route's `action` is `"public"`; an unknown route's is `null`; the preview is
//!   refused only for an archived workspace (410) and an invitation the state does not hold (404);
//! - `status` is 200 when allowed; routes without body validation ignore any body;
//! - accepting's and declining's body is optional; given, it is `{ display_name? }` (accepting) or `{}`
//!   (declining), any other field refused ([`respond_body`]).

use crate::base::error::{Code, RuleError};
use crate::base::json::{Json, Unsupported};
use crate::base::timestamp::Timestamp;
use crate::base::validate::{
    child, field, is_uuid, no_unknown_fields, nullable, object, string, timestamp, uuid, Problems,
};
use crate::workspace::commands::read_display_name;
use crate::workspace::invitations::{accepting_member_at, find_in, invitee_email, respondable_by};
use crate::workspace::lifecycle::confirm_slug;
use crate::workspace::lookup::Lookup;
use crate::workspace::membership::{
    may_change_role, may_grant, may_leave, may_modify, may_remove, not_default, permit_in, standing,
};
use crate::workspace::minutes::within_available;
use crate::workspace::roles::{parse_role, read_role, Action, Role};
use crate::workspace::state::{state_input, WorkspaceState};
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// Paths longer than this (in bytes, query included) match no route: no platform path is near it,
/// and a huge path is answered at once.
pub const MAX_PATH_BYTES: usize = 2048;

/// A request: `{ method, path, body? }` or `{ method, path, body_text? }`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Request {
    pub method: String,
    pub path: String,
    /// `Json::Unsupported(Undefined)` when the request has no body (or gives it as `body_text`).
    pub body: Json,
    /// The body as the bytes the client sent, as text: what an edge should pass, so that it decides
    /// on exactly the text the backend behind it will read, read by the same reader
    /// ([`json_text`](crate::base::json_text)). An empty text is no body.
    pub body_text: Option<String>,
}

impl Request {
    /// The body as the rules read it: [`body`](Self::body), or [`body_text`](Self::body_text)
    /// read as JSON text; text that is not JSON or gives a key twice is refused (400
    /// `invalid_json`, `duplicate_key`, paths under `/body`).
    pub fn body(&self) -> Result<std::borrow::Cow<'_, Json>, RuleError> {
        use std::borrow::Cow;
        match &self.body_text {
            None => Ok(Cow::Borrowed(&self.body)),
            Some(text) if text.trim_matches([' ', '\t', '\n', '\r']).is_empty() => {
                Ok(Cow::Owned(Json::Unsupported(Unsupported::Undefined)))
            }
            Some(text) => crate::base::json_text::read(text)
                .map(Cow::Owned)
                .map_err(|e| e.into_rule_error("/body")),
        }
    }
}

/// Who sends the request (from its credentials); `None` when it carries none.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub user_id: String,
    pub email: Option<String>,
}

/// The route a request matched.
#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    GetWorkspace,
    PatchWorkspace,
    Provision,
    Archive,
    GetTestCallerNumbers,
    PutTestCallerNumbers,
    GetVoiceSettings,
    PutVoiceSettings,
    Invite,
    RevokeInvitation {
        invitation_id: String,
    },
    Outbound,
    GetCredits,
    PutCreditAllowance,
    /// `PATCH …/members/{user_id}`: `change_role` with the body's role.
    ChangeRole {
        user_id: String,
    },
    /// `DELETE …/members/{user_id}`: `remove_member`, or `leave_workspace` for the actor's own id.
    RemoveMember {
        user_id: String,
    },
    AllocateMinutes,
    GetMembers,
    GetInvitations,
    /// `GET …/audit`, its `limit` in the query ([`audit_limit`]).
    GetAudit,
    /// `GET …/capabilities`: any active member.
    GetCapabilities,
}

/// What the route table maps a request to.
#[derive(Clone, Debug, PartialEq)]
pub enum Matched {
    /// A workspace route: the route and the path's workspace id.
    Workspace(Route, String),
    /// `GET /v1/invitations/{invitation_id}/preview`: public, no actor needed.
    Preview(String),
    /// `POST /v1/invitations/{invitation_id}/accept` (`true`) or `…/decline` (`false`): the invited
    /// person only.
    Respond(String, bool),
}

impl Route {
    /// Whether the route reads a body (the others ignore any body).
    pub fn reads_body(&self) -> bool {
        matches!(
            self,
            Route::PatchWorkspace
                | Route::PutTestCallerNumbers
                | Route::PutVoiceSettings
                | Route::Invite
                | Route::Archive
                | Route::PutCreditAllowance
                | Route::ChangeRole { .. }
                | Route::AllocateMinutes
        )
    }

    /// The action of `docs/rules/requests.md`'s table; `None` for the capabilities route, open to
    /// any active member.
    pub fn action(&self) -> Option<Action> {
        Some(match self {
            Route::GetWorkspace => Action::WorkspaceView,
            Route::PatchWorkspace => Action::WorkspaceUpdate,
            Route::Provision => Action::WorkspaceProvision,
            Route::Archive => Action::WorkspaceArchive,
            Route::GetTestCallerNumbers => Action::TestNumbersView,
            Route::PutTestCallerNumbers => Action::TestNumbersManage,
            Route::GetVoiceSettings => Action::VoiceSettingsView,
            Route::PutVoiceSettings => Action::VoiceSettingsUpdate,
            Route::Invite => Action::MembersInvite,
            Route::RevokeInvitation { .. } => Action::InvitationsRevoke,
            Route::Outbound => Action::CallsOutbound,
            Route::GetCredits => Action::UsageView,
            Route::PutCreditAllowance => Action::BillingManage,
            Route::ChangeRole { .. } => Action::MembersUpdateRole,
            Route::RemoveMember { .. } => Action::MembersRemove,
            Route::AllocateMinutes => Action::MinutesAllocate,
            Route::GetMembers => Action::MembersView,
            Route::GetInvitations => Action::InvitationsView,
            Route::GetAudit => Action::AuditView,
            Route::GetCapabilities => return None,
        })
    }
}

/// The `action` of a decision: an action of the matrix, or who a route without one is open to —
/// `"public"` (anyone: the invitation preview), `"invitee"` (the invited person: accepting and
/// declining), `"member"` (any active member: capabilities, and leaving, a `DELETE` of the actor's own
/// membership) — or none (`null`, an unknown route).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DecisionAction {
    Action(Action),
    Public,
    Invitee,
    Member,
}

/// The answer: keys in the order `allowed`, `action`, `status`, `error` (left out when allowed).
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    pub allowed: bool,
    pub action: Option<DecisionAction>,
    pub status: u16,
    pub error: Option<RuleError>,
}

impl Decision {
    fn allow(action: DecisionAction) -> Self {
        Decision {
            allowed: true,
            action: Some(action),
            status: 200,
            error: None,
        }
    }

    fn refuse(action: Option<DecisionAction>, error: RuleError) -> Self {
        Decision {
            allowed: false,
            action,
            status: error.status(),
            error: Some(error),
        }
    }

    fn of(action: DecisionAction, result: Result<(), RuleError>) -> Self {
        match result {
            Ok(()) => Decision::allow(action),
            Err(e) => Decision::refuse(Some(action), e),
        }
    }
}

impl Serialize for Decision {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = if self.error.is_some() { 4 } else { 3 };
        let mut st = s.serialize_struct("Decision", n)?;
        st.serialize_field("allowed", &self.allowed)?;
        let action = self.action.map(|a| match a {
            DecisionAction::Action(a) => a.as_str(),
            DecisionAction::Public => "public",
            DecisionAction::Invitee => "invitee",
            DecisionAction::Member => "member",
        });
        st.serialize_field("action", &action)?;
        st.serialize_field("status", &self.status)?;
        if let Some(e) = &self.error {
            st.serialize_field("error", e)?;
        }
        st.end()
    }
}

/// Whether `rest` (a path after its leading `/`, without query and fragment) is one a standard router
/// reads as sent: only unreserved characters (RFC 3986: letters, digits, `-._~`) and `/` — so no
/// escape (`%2F`, `%2e`, `%77`), no `;`, `\`, control or non-ASCII character — and no empty (`//`) or
/// dot (`.`, `..`) segment, which URL parsers resolve or collapse before a router sees them.
fn plain_path(rest: &str) -> bool {
    rest.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/'))
        && rest
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != "..")
}

/// Matches a method and path against `docs/rules/requests.md`'s route table, as a standard router
/// given the request line does: the method exactly as sent (upper case, as on the wire), literal
/// segments exactly (case-sensitive, never percent-decoded), ids in their one canonical spelling
/// (lower-case UUIDs); anything else matches no route.
pub fn match_route(method: &str, path: &str) -> Option<Matched> {
    if path.len() > MAX_PATH_BYTES {
        return None;
    }
    let end = path.find(['?', '#']).unwrap_or(path.len());
    let rest = path.get(..end)?.strip_prefix('/')?;
    if !plain_path(rest) {
        return None;
    }
    let seg: Vec<&str> = rest.split('/').collect();
    // Ids (of the workspace, an invitation, a member) are lower-case UUIDs: another spelling of one
    // is not the resource an origin's exact lookup would find.
    let ws = |route: Route, id: &str| is_uuid(id).then(|| Matched::Workspace(route, id.to_owned()));
    match (method, seg.as_slice()) {
        ("GET", ["v1", "workspaces", id]) => ws(Route::GetWorkspace, id),
        ("PATCH", ["v1", "workspaces", id]) => ws(Route::PatchWorkspace, id),
        ("POST", ["v1", "workspaces", id, "provision"]) => ws(Route::Provision, id),
        ("POST", ["v1", "workspaces", id, "archive"]) => ws(Route::Archive, id),
        ("GET", ["v1", "workspaces", id, "test-caller-numbers"]) => {
            ws(Route::GetTestCallerNumbers, id)
        }
        ("PUT", ["v1", "workspaces", id, "test-caller-numbers"]) => {
            ws(Route::PutTestCallerNumbers, id)
        }
        ("GET", ["v1", id, "settings", "voice"]) => ws(Route::GetVoiceSettings, id),
        ("PUT", ["v1", id, "settings", "voice"]) => ws(Route::PutVoiceSettings, id),
        ("POST", ["v1", "workspaces", id, "invitations"]) => ws(Route::Invite, id),
        ("DELETE", ["v1", "workspaces", id, "invitations", invitation_id])
            if is_uuid(invitation_id) =>
        {
            ws(
                Route::RevokeInvitation {
                    invitation_id: (*invitation_id).to_owned(),
                },
                id,
            )
        }
        ("GET", ["v1", "invitations", invitation_id, "preview"]) if is_uuid(invitation_id) => {
            Some(Matched::Preview((*invitation_id).to_owned()))
        }
        ("POST", ["v1", id, "calls", "outbound"]) => ws(Route::Outbound, id),
        ("GET", ["v1", "workspaces", id, "credits"]) => ws(Route::GetCredits, id),
        ("PUT", ["v1", "workspaces", id, "credits", "allowance"]) => {
            ws(Route::PutCreditAllowance, id)
        }
        (method @ ("PATCH" | "DELETE"), ["v1", "workspaces", id, "members", user_id])
            if is_uuid(user_id) =>
        {
            let user_id = (*user_id).to_owned();
            match method {
                "PATCH" => ws(Route::ChangeRole { user_id }, id),
                _ => ws(Route::RemoveMember { user_id }, id),
            }
        }
        ("POST", ["v1", "invitations", invitation_id, verb @ ("accept" | "decline")])
            if is_uuid(invitation_id) =>
        {
            Some(Matched::Respond(
                (*invitation_id).to_owned(),
                *verb == "accept",
            ))
        }
        ("POST", ["v1", "workspaces", id, "minutes", "allocations"]) => {
            ws(Route::AllocateMinutes, id)
        }
        ("GET", ["v1", "workspaces", id, "members"]) => ws(Route::GetMembers, id),
        ("GET", ["v1", "workspaces", id, "invitations"]) => ws(Route::GetInvitations, id),
        ("GET", ["v1", "workspaces", id, "audit"]) => ws(Route::GetAudit, id),
        ("GET", ["v1", "workspaces", id, "capabilities"]) => ws(Route::GetCapabilities, id),
        _ => None,
    }
}

/// `checkRequest` on typed input. Never fails: every refusal is a decision. `now` decides the credit
/// gate of outbound calls (`docs/rules/credits.md#the-gate`); a preview is allowed whether or not the
/// invitation has expired (the preview itself reads `expired`).
pub fn check_request(
    request: &Request,
    actor: Option<&Actor>,
    state: &WorkspaceState,
    now: &Timestamp,
) -> Decision {
    check_in(request, actor, &Lookup::scan(state), now)
}

/// [`check_request`] with the state's records found by scan or through a prepared workspace's index:
/// the one implementation of both.
pub fn check_in(
    request: &Request,
    actor: Option<&Actor>,
    state: &Lookup,
    now: &Timestamp,
) -> Decision {
    let Some(matched) = match_route(&request.method, &request.path) else {
        let error = RuleError::single(
            Code::UnknownRoute,
            "/request/path",
            "No route matches this method and path.",
        );
        return Decision::refuse(None, error);
    };
    let (route, workspace_id) = match matched {
        Matched::Preview(invitation_id) => {
            let result = crate::workspace::membership::not_archived(state)
                .and_then(|()| find_in(state, &invitation_id, "/request/path").map(|_| ()));
            return Decision::of(DecisionAction::Public, result);
        }
        Matched::Respond(invitation_id, accept) => {
            return respond(request, actor, state, now, &invitation_id, accept)
        }
        Matched::Workspace(route, id) => (route, id),
    };
    // Leaving (rule 4) needs no permission: a DELETE of the actor's own membership.
    let leaving = matches!(&route, Route::RemoveMember { user_id }
        if actor.is_some_and(|a| a.user_id == *user_id));
    let matrix = route.action().filter(|_| !leaving);
    let action = matrix.map_or(DecisionAction::Member, DecisionAction::Action);
    let Some(actor) = actor else {
        return Decision::refuse(Some(action), unauthenticated());
    };
    let role = state.active_role(&actor.user_id);
    let result = standing(state, role, "/context/actor/user_id").and_then(|role| {
        same_workspace(state, &workspace_id)?;
        if let Some(action) = matrix {
            permit_in(state, role, action, Some(now))?;
        }
        // A body given as text is read by the routes that read a body, after the route's rules
        // that need none: its refusal (400) is the body's step.
        let read = match route.reads_body() {
            true => request.body(),
            false => Ok(std::borrow::Cow::Borrowed(&request.body)),
        };
        let none = Json::Unsupported(Unsupported::Undefined);
        route_rules(
            state,
            &route,
            role,
            leaving,
            read.as_deref().unwrap_or(&none),
        )?;
        body(state, &route, &*read?, &request.path)
    });
    Decision::of(action, result)
}

/// `POST /v1/invitations/{invitation_id}/accept` (`accept`) or `…/decline`: the invited person only,
/// decided as `apply` decides `accept_invitation` (for the actor's own user id) and
/// `decline_invitation`, in their order: an actor (401) whose user id is a user id (a lower-case
/// UUID: it would be the member's) and who has a verified email (422 `validation_failed` otherwise,
/// both problems at once, at `/context/actor/user_id` and `/context/actor/email`), the workspace not
/// archived (410), the invitation in it (404), then [`respondable_by`] with the actor's email at
/// `now` (403 `email_mismatch`, 409
/// `invitation_not_pending`, 410 `invitation_expired`); accepting, not already an active member
/// (409); then the body ([`respond_body`], 400/422 under `/body`).
fn respond(
    request: &Request,
    actor: Option<&Actor>,
    state: &Lookup,
    now: &Timestamp,
    invitation_id: &str,
    accept: bool,
) -> Decision {
    let Some(actor) = actor else {
        return Decision::refuse(Some(DecisionAction::Invitee), unauthenticated());
    };
    let result = (|| {
        let mut p = Problems::new();
        uuid(
            &Json::from(actor.user_id.as_str()),
            "/context/actor/user_id",
            &mut p,
        );
        invitee_email(actor.email.as_deref(), "/context/actor/email", &mut p);
        p.finish(Code::ValidationFailed, ())?;
        crate::workspace::membership::not_archived(state)?;
        let inv = &state.invitations[find_in(state, invitation_id, "/request/path")?];
        let at = ("/request/path", "/context/actor/email");
        respondable_by(inv, actor.email.as_deref(), now, at)?;
        if accept && state.active_role(&actor.user_id).is_some() {
            return Err(accepting_member_at("/context/actor/user_id"));
        }
        respond_body(request, accept).map(|_| ())
    })();
    Decision::of(DecisionAction::Invitee, result)
}

/// `docs/rules/requests.md#accepting-and-declining`: the body of `POST
/// /v1/invitations/{invitation_id}/accept` (`accept`) or `…/decline`, as an origin must read it. It
/// is optional (no body, or an empty `body_text`); when given it is an object: `{ display_name? }`
/// for accepting, read by `accept_invitation`'s own reader of that field (the ids come from the path
/// and the actor, never from the body), `{}` for declining. Any other field is `unknown_field`;
/// problems under `/body` (422 `validation_failed`; text that is not JSON 400). Answers the
/// `display_name` the accepting member gets (`None`: none given).
pub fn respond_body(request: &Request, accept: bool) -> Result<Option<String>, RuleError> {
    let body = request.body()?;
    if matches!(*body, Json::Unsupported(Unsupported::Undefined)) {
        return Ok(None);
    }
    let mut p = Problems::new();
    let mut name = None;
    if let Some(e) = object(&body, "/body", &mut p) {
        let known: &[&str] = if accept { &["display_name"] } else { &[] };
        no_unknown_fields(e, known, "/body", &mut p);
        if accept {
            name = read_display_name(e, "display_name", "/body", &mut p).flatten();
        }
    }
    p.finish(Code::ValidationFailed, name)
}

/// `docs/rules/requests.md#the-audit-route`: the `limit` of `GET …/audit`, read from the query of
/// `path` (after `?`, before `#`) as an origin's URL parser reads it — pairs split on `&`, a name
/// percent-decoded (`+` a space) before it is compared, so no spelling of `limit` slips past — and
/// 50 when no pair names it. Its value must be written in plain digits, 1–100 *(public API)*; given
/// twice, it is refused (two readers would take different ones). Problems at `/request/path`.
pub fn audit_limit(path: &str) -> Result<u8, RuleError> {
    let mut p = Problems::new();
    let limit = read_limit(path, &mut p);
    p.finish(Code::ValidationFailed, limit)
}

fn read_limit(path: &str, p: &mut Problems) -> u8 {
    let end = path.find('#').unwrap_or(path.len());
    let query = path[..end].split_once('?').map_or("", |(_, q)| q);
    let at = "/request/path";
    let (mut limit, mut seen) = (50, false);
    for pair in query.split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        if percent_decoded(name).as_deref() != Some(b"limit".as_slice()) {
            continue;
        }
        if std::mem::replace(&mut seen, true) {
            p.push(Code::InvalidValue, at, "The query gives limit twice.");
        }
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
            let message = "The query's limit must be a whole number written in digits.";
            p.push(Code::InvalidValue, at, message);
            continue;
        }
        match value.parse::<u8>() {
            Ok(n @ 1..=100) => limit = n,
            _ => p.push(
                Code::OutOfRange,
                at,
                "The query's limit must be between 1 and 100.",
            ),
        }
    }
    limit
}

/// A query name as a URL parser decodes it: `%XX` escapes and `+` (a space); `None` for a
/// malformed escape (no name of ours).
fn percent_decoded(name: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(name.len());
    let mut bytes = name.bytes();
    while let Some(b) = bytes.next() {
        out.push(match b {
            b'+' => b' ',
            b'%' => {
                let hex = |b: Option<u8>| (b? as char).to_digit(16);
                (hex(bytes.next())? * 16 + hex(bytes.next())?) as u8
            }
            b => b,
        });
    }
    Some(out)
}

/// 401 `unauthenticated`: no actor on a route that needs one.
pub(crate) fn unauthenticated() -> RuleError {
    RuleError::single(
        Code::Unauthenticated,
        "/context/actor",
        "The request carries no credentials.",
    )
}

/// Resources never cross workspaces: the path's workspace must be the state's.
fn same_workspace(state: &WorkspaceState, id: &str) -> Result<(), RuleError> {
    if id == state.workspace.id {
        Ok(())
    } else {
        Err(RuleError::single(
            Code::WorkspaceMismatch,
            "/request/path",
            "The path names another workspace than the state's.",
        ))
    }
}

/// The rules of the route's target that the command would apply before its body: the role an
/// invitation grants (rule 1, when the body names a known role), the invitation a DELETE revokes (it
/// must be in this workspace; rule 2 on its role), the default workspace an archive would touch.
fn route_rules(
    state: &Lookup,
    route: &Route,
    role: Role,
    leaving: bool,
    body: &Json,
) -> Result<(), RuleError> {
    let target = "/request/path";
    match route {
        Route::ChangeRole { user_id } => {
            match body
                .get("role")
                .and_then(Json::as_str)
                .and_then(|r| parse_role(r, "/body/role").ok())
            {
                Some(to) => {
                    may_change_role(state, role, user_id, to, target, "/body/role").map(|_| ())
                }
                None => Ok(()),
            }
        }
        Route::RemoveMember { user_id } if leaving => may_leave(state, user_id, target),
        Route::RemoveMember { user_id } => may_remove(state, role, user_id, target),
        Route::Invite => {
            let granted = body
                .get("role")
                .and_then(Json::as_str)
                .and_then(|r| parse_role(r, "/body/role").ok());
            match granted {
                Some(granted) => may_grant(role, granted, "/body/role"),
                None => Ok(()),
            }
        }
        Route::RevokeInvitation { invitation_id } => {
            let i = find_in(state, invitation_id, "/request/path")?;
            let target = state.invitations.get(i).map_or(Role::Owner, |inv| inv.role);
            may_modify(role, target, "/request/path")
        }
        Route::Archive => not_default(state, "archived"),
        _ => Ok(()),
    }
}

/// Body validation (422), every problem listed; then the archive's slug confirmation and the
/// allocation's available minutes; the audit route's query.
fn body(state: &WorkspaceState, route: &Route, body: &Json, path: &str) -> Result<(), RuleError> {
    use crate::workspace::commands::{read_fields, CommandType};
    let mut p = Problems::new();
    let read = |kind, p: &mut Problems| read_fields(kind, body, &[], "/body", p);
    match route {
        Route::PatchWorkspace => {
            read(CommandType::UpdateWorkspace, &mut p);
        }
        Route::PutTestCallerNumbers => {
            if let Some(crate::workspace::commands::Command::SetTestCallerNumbers { numbers }) =
                read(CommandType::SetTestCallerNumbers, &mut p)
            {
                crate::workspace::test_numbers::normalize_list(&numbers, "/body/numbers", &mut p);
            }
        }
        Route::PutVoiceSettings => {
            for e in crate::voice::validate_voice_settings(body).errors {
                p.push(e.code, &format!("/body{}", e.path), e.message);
            }
        }
        Route::Invite => {
            read(CommandType::InviteMember, &mut p);
        }
        Route::Archive => {
            if let Some(crate::workspace::commands::Command::Archive { slug }) =
                read(CommandType::Archive, &mut p)
            {
                p.finish(Code::ValidationFailed, ())?;
                return confirm_slug(state, &slug, "/body/slug");
            }
        }
        Route::ChangeRole { .. } => {
            if let Some(e) = object(body, "/body", &mut p) {
                no_unknown_fields(e, &["role"], "/body", &mut p);
                read_role(field(e, "role"), "/body/role", &mut p);
            }
        }
        Route::AllocateMinutes => {
            if let Some(crate::workspace::commands::Command::AllocateMinutes {
                allocation,
                available_minutes,
            }) = read(CommandType::AllocateMinutes, &mut p)
            {
                p.finish(Code::ValidationFailed, ())?;
                return within_available(&allocation, available_minutes, "/body/minutes");
            }
        }
        Route::GetAudit => {
            read_limit(path, &mut p);
        }
        Route::PutCreditAllowance => {
            use crate::workspace::credit_commands::{check_change, AllowanceChange};
            if let Some(crate::workspace::commands::Command::SetCreditAllowance(
                AllowanceChange::Set(patch),
            )) = read(CommandType::SetCreditAllowance, &mut p)
            {
                check_change(state.credits.as_ref(), &patch, "/body", &mut p);
            }
        }
        _ => {}
    }
    p.finish(Code::ValidationFailed, ())
}

/// `checkRequest(request, context)` for untyped input. Refused requests are decisions; only a
/// malformed `request` or `context` throws (`validation_failed`, or `invalid_state` for the state).
pub fn check_request_input(request: &Json, context: &Json) -> Result<Decision, RuleError> {
    let (request, actor, now, state) = read_check(request, context, CONTEXT_KEYS)?;
    let state = state_input(state.unwrap_or(&Json::Null), "/context/state")?;
    Ok(check_request(&request, actor.as_ref(), &state, &now))
}

/// `checkRequest(request, { actor, now })` of a prepared workspace: the context without its state,
/// which `records` holds, read and checked once. Throws only for a malformed request or context.
pub fn check_prepared_input(
    records: &Lookup,
    request: &Json,
    context: &Json,
) -> Result<Decision, RuleError> {
    let (request, actor, now, _) = read_check(request, context, PREPARED_CONTEXT_KEYS)?;
    Ok(check_in(&request, actor.as_ref(), records, &now))
}

const CONTEXT_KEYS: &[&str] = &["actor", "state", "now"];
const PREPARED_CONTEXT_KEYS: &[&str] = &["actor", "now"];

type CheckArgs<'a> = (Request, Option<Actor>, Timestamp, Option<&'a Json>);

/// The request and the context (keys `keys`), every problem of both in one `validation_failed`.
fn read_check<'a>(
    request: &Json,
    context: &'a Json,
    keys: &[&str],
) -> Result<CheckArgs<'a>, RuleError> {
    let mut p = Problems::new();
    let request = read_request(request, "/request", &mut p);
    let (actor, state, now) = read_request_context(context, "/context", keys, &mut p);
    if !p.is_empty() {
        return Err(RuleError::many(Code::ValidationFailed, p.into_vec()));
    }
    match (request, actor, now) {
        (Some(request), Some(actor), Some(now)) => Ok((request, actor, now, state)),
        _ => Err(RuleError::single(
            Code::InternalError,
            "",
            "A checked input was missing.",
        )),
    }
}

fn read_request(value: &Json, path: &str, p: &mut Problems) -> Option<Request> {
    let e = object(value, path, p)?;
    no_unknown_fields(e, &["method", "path", "body", "body_text"], path, p);
    let method = string(field(e, "method"), &child(path, "method"), p);
    let request_path = string(field(e, "path"), &child(path, "path"), p);
    let body = field(e, "body");
    let body_text = match field(e, "body_text") {
        Json::Unsupported(Unsupported::Undefined) => Some(None),
        text => {
            let at = child(path, "body_text");
            if !matches!(body, Json::Unsupported(Unsupported::Undefined)) {
                p.push(
                    Code::InvalidValue,
                    &at,
                    "Give the body as `body` or as `body_text`, not both.",
                );
            }
            string(text, &at, p).map(|t| Some(t.to_owned()))
        }
    };
    Some(Request {
        method: method?.to_owned(),
        path: request_path?.to_owned(),
        body: body.clone(),
        body_text: body_text?,
    })
}

type ContextParts<'a> = (Option<Option<Actor>>, Option<&'a Json>, Option<Timestamp>);

fn read_request_context<'a>(
    value: &'a Json,
    path: &str,
    keys: &[&str],
    p: &mut Problems,
) -> ContextParts<'a> {
    let Some(e) = object(value, path, p) else {
        return (None, None, None);
    };
    no_unknown_fields(e, keys, path, p);
    let at = |k: &str| child(path, k);
    let actor = match field(e, "actor") {
        Json::Unsupported(Unsupported::Undefined) => Some(None),
        v => nullable(v, &at("actor"), p, read_actor),
    };
    let now = timestamp(field(e, "now"), &at("now"), p);
    (actor, Some(field(e, "state")), now)
}

/// `{ user_id, email? }`: any string identifies the user (one that is not a member's UUID is simply
/// not a member), so a header passed straight in never makes the check throw.
fn read_actor(value: &Json, path: &str, p: &mut Problems) -> Option<Actor> {
    let e = object(value, path, p)?;
    no_unknown_fields(e, &["user_id", "email"], path, p);
    let user_id = string(field(e, "user_id"), &child(path, "user_id"), p);
    let email = match field(e, "email") {
        Json::Unsupported(Unsupported::Undefined) => Some(None),
        v => nullable(v, &child(path, "email"), p, |v, at, p| {
            string(v, at, p).map(str::to_owned)
        }),
    };
    Some(Actor {
        user_id: user_id?.to_owned(),
        email: email?,
    })
}

/// `authorize(state, user_id, action, now?)`: may this user do `action` in this workspace now? The
/// same decision as `checkRequest` without a route: not a member (404), archived (410), the matrix
/// (403) and `docs/rules/lifecycle.md`'s refusals (`default_workspace_only` for `knowledge_bases.create` outside the default
/// workspace, `outbound_disabled`, the archive sentence), and the credit gate of `calls.outbound`
/// (`credits_exhausted`, 402) at `now` — without `now`, on the stored period.
pub fn authorize(
    state: &WorkspaceState,
    user_id: &str,
    action: Action,
    now: Option<&Timestamp>,
) -> Decision {
    authorize_in(&Lookup::scan(state), user_id, action, now)
}

/// [`authorize`] with the member found by scan or through a prepared workspace's index.
pub fn authorize_in(
    state: &Lookup,
    user_id: &str,
    action: Action,
    now: Option<&Timestamp>,
) -> Decision {
    let role = state.active_role(user_id);
    let result =
        standing(state, role, "/user_id").and_then(|role| permit_in(state, role, action, now));
    Decision::of(DecisionAction::Action(action), result)
}

/// `authorize` for untyped input: throws for a malformed state, user id, action or `now` (absent
/// or `null`: none).
pub fn authorize_input(
    state: &Json,
    user_id: &Json,
    action: &Json,
    now: &Json,
) -> Result<Decision, RuleError> {
    let state = state_input(state, "/state")?;
    authorize_in_input(&Lookup::scan(&state), user_id, action, now)
}

/// `authorize` for untyped arguments and a state already read (the plain function's, or a prepared
/// workspace's): throws for a malformed user id or action.
pub fn authorize_in_input(
    state: &Lookup,
    user_id: &Json,
    action: &Json,
    now: &Json,
) -> Result<Decision, RuleError> {
    let mut p = Problems::new();
    let user_id = string(user_id, "/user_id", &mut p);
    let now = match now {
        Json::Unsupported(Unsupported::Undefined) | Json::Null => Some(None),
        v => timestamp(v, "/now", &mut p).map(Some),
    };
    let action = match string(action, "/action", &mut p) {
        Some(name) => match crate::workspace::roles::parse_action(name, "/action") {
            Ok(a) => Some(a),
            Err(problem) => {
                p.push(problem.code, &problem.path, problem.message);
                None
            }
        },
        None => None,
    };
    match (user_id, action, now) {
        (Some(u), Some(a), Some(now)) if p.is_empty() => {
            Ok(authorize_in(state, u, a, now.as_ref()))
        }
        _ => Err(p.finish_first(()).err().unwrap_or_else(|| {
            RuleError::single(Code::InternalError, "", "A checked input was missing.")
        })),
    }
}
