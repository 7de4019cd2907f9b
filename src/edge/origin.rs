//! `docs/guides/backend.md` What an origin does with a request the route table matched and
//! [`check_request`](super::requests::check_request) allowed: the command the route runs, or the data
//! it reads. The edge and the origin share the one route table ([`match_route`]) and the one body
//! reader (the request's `body_text`, read by [`json_text`](crate::base::json_text)); this is the
//! table's other half, so a backend holds no rule and no route of its own: a route added to the table
//! is served once it has an arm here (the `match` below has no catch-all, so a new route does not
//! compile without one).
//!
//! Decisions where the spec is silent:
//! - a read answers `{ workspace }` (the whole state), `{ numbers }`, `{ settings }` (the stored voice
//!   settings), `{ credits }` (`creditStatus` at `now`, `null` without an allowance), the preview;
//! - an allowed outbound call changes no state (the call itself is placed by the platform):
//!   `{ call: { allowed: true } }`.

use super::requests::{match_route, Actor, Matched, Request, Route};
use crate::base::error::{Code, RuleError};
use crate::base::json::text;
use crate::base::json::{Json, Unsupported};
use crate::base::timestamp::Timestamp;
use crate::base::validate::Problems;
use crate::workspace::commands::{read_fields, Command, CommandType};
use crate::workspace::context::Context;
use crate::workspace::state::WorkspaceState;

/// What the origin does for an allowed request.
#[derive(Clone, Debug, PartialEq)]
pub enum Work {
    /// Run the command with [`apply`](crate::apply) and answer `{ workspace, events }` (and `call`
    /// when the command reports one).
    Command(Command),
    /// Answer this JSON text: a read of the state.
    Read(String),
    /// Answer `{ events }`: the newest `limit` events of the workspace's audit log, newest first
    /// (the origin's store holds them).
    Audit { limit: u8 },
}

/// The workspace a matched request is about: the path's workspace id, or the invitation whose
/// workspace the origin looks up (the public preview).
pub fn target(matched: &Matched) -> Target<'_> {
    match matched {
        Matched::Workspace(_, id) => Target::Workspace(id),
        Matched::Preview(invitation_id) | Matched::Respond(invitation_id, _) => {
            Target::Invitation(invitation_id)
        }
    }
}

/// Where an origin finds the state a request needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target<'a> {
    Workspace(&'a str),
    Invitation(&'a str),
}

/// The route of a request, or `unknown_route` (404) as `check_request` answers it.
pub fn route(request: &Request) -> Result<Matched, RuleError> {
    match_route(&request.method, &request.path).ok_or_else(|| {
        RuleError::single(
            Code::UnknownRoute,
            "/request/path",
            "No route matches this method and path.",
        )
    })
}

/// The work of a request that `check_request(request, actor, state, now)` allowed: its body read by
/// the same readers as the check (so a body the check accepted is read here without a problem; one
/// it did not check is refused as the command refuses it, 400/422 under `/body`).
pub fn work(
    request: &Request,
    matched: &Matched,
    actor: Option<&Actor>,
    state: &WorkspaceState,
    now: &Timestamp,
) -> Result<Work, RuleError> {
    let route = match matched {
        Matched::Preview(invitation_id) => {
            let preview =
                crate::workspace::invitations::preview_invitation(state, invitation_id, now)?;
            return Ok(Work::Read(text(&preview)));
        }
        Matched::Respond(invitation_id, accept) => {
            let actor = actor.ok_or_else(super::requests::unauthenticated)?;
            let invitation_id = invitation_id.clone();
            return Ok(Work::Command(match accept {
                true => Command::AcceptInvitation {
                    invitation_id,
                    user_id: actor.user_id.clone(),
                    display_name: None,
                },
                false => Command::DeclineInvitation { invitation_id },
            }));
        }
        Matched::Workspace(route, _) => route,
    };
    let none = Json::Unsupported(Unsupported::Undefined);
    let body = match route.reads_body() {
        true => request.body()?,
        false => std::borrow::Cow::Borrowed(&none),
    };
    let fields = |kind: CommandType| -> Result<Work, RuleError> {
        let mut p = Problems::new();
        let command = read_fields(kind, &body, &[], "/body", &mut p);
        match command {
            Some(c) if p.is_empty() => Ok(Work::Command(c)),
            _ => Err(RuleError::many(Code::ValidationFailed, p.into_vec())),
        }
    };
    let read = |key: &str, value: String| Work::Read(format!("{{\"{key}\":{value}}}"));
    let actor_id = actor.map_or("", |a| a.user_id.as_str());
    Ok(match route {
        Route::GetWorkspace => read("workspace", text(state)),
        Route::PatchWorkspace => fields(CommandType::UpdateWorkspace)?,
        Route::Provision => Work::Command(Command::Provision),
        Route::Archive => fields(CommandType::Archive)?,
        Route::GetTestCallerNumbers => read("numbers", text(&state.test_caller_numbers)),
        Route::PutTestCallerNumbers => fields(CommandType::SetTestCallerNumbers)?,
        Route::GetVoiceSettings => read("settings", text(&state.voice_settings)),
        Route::PutVoiceSettings => Work::Command(Command::UpdateVoiceSettings {
            patch: body.into_owned(),
        }),
        Route::Invite => fields(CommandType::InviteMember)?,
        Route::RevokeInvitation { invitation_id } => Work::Command(Command::RevokeInvitation {
            invitation_id: invitation_id.clone(),
        }),
        Route::Outbound => Work::Read("{\"call\":{\"allowed\":true}}".to_owned()),
        Route::GetCredits => {
            let status = crate::workspace::credit_commands::credit_status(state, now, "/now")?;
            read("credits", text(&status))
        }
        Route::PutCreditAllowance => fields(CommandType::SetCreditAllowance)?,
        Route::ChangeRole { user_id } => {
            // The body's `role` with the path's member: the command `change_role` reads.
            let mut p = Problems::new();
            let mut entries = body.as_object().map(<[_]>::to_vec).unwrap_or_default();
            entries.push(("user_id".to_owned(), Json::String(user_id.clone())));
            let value = Json::Object(entries);
            match read_fields(CommandType::ChangeRole, &value, &[], "/body", &mut p) {
                Some(c) if p.is_empty() => Work::Command(c),
                _ => return Err(RuleError::many(Code::ValidationFailed, p.into_vec())),
            }
        }
        Route::RemoveMember { user_id } if user_id == actor_id => {
            Work::Command(Command::LeaveWorkspace)
        }
        Route::RemoveMember { user_id } => Work::Command(Command::RemoveMember {
            user_id: user_id.clone(),
        }),
        Route::AllocateMinutes => fields(CommandType::AllocateMinutes)?,
        Route::GetMembers => read("members", text(&state.members)),
        Route::GetInvitations => read("invitations", text(&state.invitations)),
        Route::GetAudit => Work::Audit {
            limit: super::requests::audit_limit(&request.path)?,
        },
        Route::GetCapabilities => {
            let mut ctx = Context::new(actor_id, now.clone());
            ctx.actor_email = actor.and_then(|a| a.email.clone());
            Work::Read(text(&crate::workspace::capabilities::capabilities(
                state, &ctx,
            )))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edge::requests::check_request;
    use crate::workspace::commands::apply;

    const WS: &str = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f";
    const ANA: &str = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";

    fn state() -> WorkspaceState {
        let read = |t: &str| crate::base::json_text::read(t).unwrap();
        let input =
            read(r#"{"name":"Client A Support","environment":"production","is_default":true}"#);
        let ctx = read(&format!(
            r#"{{"actor_id":"{ANA}","actor_email":"ana@example.com","now":"2026-11-22T10:00:00.000Z","ids":["{WS}"]}}"#
        ));
        crate::workspace::commands::create_workspace_input(&input, &ctx)
            .unwrap()
            .state
    }

    fn request(method: &str, path: &str, body: Option<&str>) -> Request {
        Request {
            method: method.into(),
            path: path.into(),
            body_text: body.map(str::to_owned),
            ..Request::default()
        }
    }

    #[test]
    fn an_allowed_request_is_the_command_its_route_checks() {
        let s = state();
        let now = Timestamp::parse("2026-11-22T11:00:00.000Z").unwrap();
        let actor = Actor {
            user_id: ANA.into(),
            email: None,
        };
        let invite = request(
            "POST",
            &format!("/v1/workspaces/{WS}/invitations"),
            Some(r#"{"email":" Bo@Example.com ","role":"admin"}"#),
        );
        assert!(check_request(&invite, Some(&actor), &s, &now).allowed);
        let matched = route(&invite).unwrap();
        assert_eq!(target(&matched), Target::Workspace(WS));
        let Work::Command(command) = work(&invite, &matched, Some(&actor), &s, &now).unwrap()
        else {
            panic!("a command route");
        };
        let ctx = Context::new(ANA, now.clone());
        let applied = apply(&s, &command, &ctx).unwrap();
        assert_eq!(applied.state.invitations[0].email, "bo@example.com");

        let read = request(
            "GET",
            &format!("/v1/workspaces/{WS}/test-caller-numbers"),
            None,
        );
        let m = route(&read).unwrap();
        assert_eq!(
            work(&read, &m, Some(&actor), &s, &now),
            Ok(Work::Read("{\"numbers\":[]}".into()))
        );
        let credits = request("GET", &format!("/v1/workspaces/{WS}/credits"), None);
        let m = route(&credits).unwrap();
        assert_eq!(
            work(&credits, &m, Some(&actor), &s, &now),
            Ok(Work::Read("{\"credits\":null}".into()))
        );
    }

    #[test]
    fn a_body_is_read_as_the_check_reads_it_and_an_unknown_route_is_refused() {
        let s = state();
        let now = Timestamp::parse("2026-11-22T11:00:00.000Z").unwrap();
        let twice = request(
            "POST",
            &format!("/v1/workspaces/{WS}/archive"),
            Some(r#"{"slug":"a","slug":"b"}"#),
        );
        let m = route(&twice).unwrap();
        let e = work(&twice, &m, None, &s, &now).unwrap_err();
        assert_eq!(
            (e.code, e.errors[0].path.as_str()),
            (Code::DuplicateKey, "/body/slug")
        );
        let bad = request(
            "PATCH",
            &format!("/v1/workspaces/{WS}"),
            Some(r#"{"name":""}"#),
        );
        let m = route(&bad).unwrap();
        let e = work(&bad, &m, None, &s, &now).unwrap_err();
        assert_eq!(e.code, Code::ValidationFailed);
        let e = route(&request("GET", "/v1/nowhere", None)).unwrap_err();
        assert_eq!((e.code, e.status()), (Code::UnknownRoute, 404));
    }
}
