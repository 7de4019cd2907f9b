//! Property tests of `docs/rules/lifecycle.md` and `docs/rules/requests.md`: slugify always answers a valid, stable slug; callCost is monotone
//! in the duration and exact in integers; checkRequest never allows what the matrix (`can`) forbids,
//! over every route × actor (each role, deactivated, non-member, none) × state (active, archived,
//! outbound off, default, credits exhausted) × body, and over arbitrary methods and paths; on the
//! routes of commands (roles, removal, leaving, accepting, declining, minutes) it allows exactly what
//! `apply` with the same command would do, and on the listings what `authorize` allows; and a
//! prepared workspace decides every one of those requests, and `authorize` every action, exactly as
//! the plain functions.
//! Native only (proptest is a native dev-dependency; the WebAssembly hosts run the shared vectors).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use workspace_rules::base::json::Unsupported;
use workspace_rules::base::timestamp::Timestamp;
use workspace_rules::edge::prepared::PreparedWorkspace;
use workspace_rules::edge::requests::{authorize, check_request, Actor, DecisionAction, Request};
use workspace_rules::text::slug::slugify;
use workspace_rules::workspace::minutes::{call_cost, Allocation, MAX_SAFE};
use workspace_rules::workspace::state::{
    is_valid_slug, MemberStatus, WorkspaceState, WorkspaceStatus,
};
use workspace_rules::{can, Json, Role};

const WS: &str = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f";
const OTHER: &str = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e70";
const INV_MEMBER: &str = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60001";
const INV_OWNER: &str = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60003";
const OWNER: &str = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
const ADMIN: &str = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02";
const MEMBER: &str = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f03";
const DEACTIVATED: &str = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f04";
const STRANGER: &str = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f99";
const SECOND_OWNER: &str = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f06";

fn state_json(variant: u8) -> serde_json::Value {
    let (status, archived_at) = if variant == 1 {
        ("archived", serde_json::json!("2026-11-01T09:00:00.000Z"))
    } else {
        ("active", serde_json::Value::Null)
    };
    let member = |id: &str, email: &str, role: &str, status: &str| {
        serde_json::json!({"user_id": id, "email": email, "display_name": null, "role": role,
            "status": status, "joined_at": "2026-01-10T08:00:00.000Z"})
    };
    let invitation = |id: &str, email: &str, role: &str| {
        serde_json::json!({"id": id, "email": email, "role": role, "status": "pending", "invited_by": OWNER,
            "sent_at": "2026-11-20T09:00:00.000Z", "expires_at": "2026-11-27T09:00:00.000Z", "responded_at": null})
    };
    let mut members = vec![
        member(OWNER, "ana@example.com", "owner", "active"),
        member(ADMIN, "bo@example.com", "admin", "active"),
        member(MEMBER, "cy@example.com", "member", "active"),
        member(DEACTIVATED, "dee@example.com", "owner", "deactivated"),
    ];
    if variant == 5 {
        // Variant 5: a second owner, so the first may leave, be demoted or be removed.
        members.push(member(SECOND_OWNER, "kim@example.com", "owner", "active"));
    }
    serde_json::json!({
        "workspace": {"id": WS, "name": "Client A Support", "slug": "client-a-support",
            "environment": "production", "description": null, "backend_org_id": null,
            "is_default": variant == 3, "status": status, "provisioned_at": null,
            "created_at": "2026-01-10T08:00:00Z", "archived_at": archived_at},
        "members": members,
        // Variant 5: the owner's invitation is for the admin's email (accepting is already_member).
        "invitations": [invitation(INV_MEMBER, "eve@example.com", "member"),
            invitation(INV_OWNER, if variant == 5 { "bo@example.com" } else { "gus@example.com" }, "owner")],
        "settings": {"language": "en", "outbound_enabled": variant != 2, "integration_version": "v2",
            "default_llm": null, "default_stt_provider": null, "default_tts_provider": null},
        "voice_settings": {}, "test_caller_numbers": [], "minutes": {"allocations": [], "used_seconds": 0},
        // Variant 4: a hard limit with nothing left (no monthly credits), so outbound calls are refused.
        "credits": if variant == 4 { credits_exhausted() } else { serde_json::Value::Null }
    })
}

fn credits_exhausted() -> serde_json::Value {
    let rate = serde_json::json!({"credits": 1, "per": 60});
    serde_json::json!({
        "allowance": {"monthly_credits": 0, "reset_day": 1, "rollover": "none", "rollover_cap": 0,
            "hard_limit": true, "alert_thresholds": [],
            "rates": {"call_seconds": rate, "stt_seconds": rate, "tts_characters": rate,
                "llm_input_tokens": rate, "llm_output_tokens": rate}},
        "period": {"start": "2026-11-01T00:00:00.000Z", "end": "2026-12-01T00:00:00.000Z", "carried_over": 0,
            "usage": {"call_seconds": 0, "stt_seconds": 0, "tts_characters": 0, "llm_input_tokens": 0,
                "llm_output_tokens": 0}, "thresholds_reached": []},
        "history": []
    })
}

fn state(variant: u8) -> WorkspaceState {
    let json: Json = serde_json::from_value(state_json(variant)).unwrap();
    workspace_rules::workspace::state::state_input(&json, "/state").unwrap()
}

/// The routes of `docs/rules/requests.md` with this workspace's id, another's, and the two invitations.
fn routes() -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for id in [WS, OTHER] {
        let w = format!("/v1/workspaces/{id}");
        out.extend([
            ("GET", w.clone()),
            ("PATCH", w.clone()),
            ("POST", format!("{w}/provision")),
            ("POST", format!("{w}/archive")),
            ("GET", format!("{w}/test-caller-numbers")),
            ("PUT", format!("{w}/test-caller-numbers")),
            ("GET", format!("/v1/{id}/settings/voice")),
            ("PUT", format!("/v1/{id}/settings/voice")),
            ("POST", format!("{w}/invitations")),
            ("DELETE", format!("{w}/invitations/{INV_MEMBER}")),
            ("DELETE", format!("{w}/invitations/{INV_OWNER}")),
            ("POST", format!("/v1/{id}/calls/outbound")),
            ("GET", format!("{w}/credits")),
            ("PUT", format!("{w}/credits/allowance")),
            ("PATCH", format!("{w}/members/{MEMBER}")),
            ("PATCH", format!("{w}/members/{OWNER}")),
            ("DELETE", format!("{w}/members/{MEMBER}")),
            ("DELETE", format!("{w}/members/{ADMIN}")),
            ("DELETE", format!("{w}/members/{OWNER}")),
            ("DELETE", format!("{w}/members/{DEACTIVATED}")),
            ("POST", format!("{w}/minutes/allocations")),
            ("GET", format!("{w}/members")),
            ("GET", format!("{w}/invitations")),
            ("GET", format!("{w}/audit")),
            ("GET", format!("{w}/audit?limit=0")),
            ("GET", format!("{w}/capabilities")),
        ]);
    }
    out.push(("GET", format!("/v1/invitations/{INV_MEMBER}/preview")));
    for inv in [INV_MEMBER, INV_OWNER] {
        out.push(("POST", format!("/v1/invitations/{inv}/accept")));
        out.push(("POST", format!("/v1/invitations/{inv}/decline")));
    }
    out
}

/// The number of [`routes`].
const ROUTES: usize = 2 * 26 + 5;

/// Bodies that pass each route's validation, and some that do not.
fn bodies() -> Vec<Json> {
    [
        "null",
        r#"{"name": "Client A Care"}"#,
        r#"{"slug": "client-a-support"}"#,
        r#"{"numbers": ["+14155550100"]}"#,
        r#"{"speed": 1.2}"#,
        r#"{"email": "new@example.com", "role": "owner"}"#,
        r#"{"email": "new@example.com", "role": "member"}"#,
        r#"{"email": "new@example.com", "role": "admin"}"#,
        r#"[1, "x"]"#,
        FULL_ALLOWANCE,
        r#"{"remove": true}"#,
        r#"{"role": "admin"}"#,
        r#"{"role": "owner"}"#,
        r#"{"role": "member"}"#,
        ALLOCATION,
        r#"{"source_id": "pool-1", "minutes": 501, "cost_per_minute": 10, "pulse_seconds": 6,
            "currency": "USD", "available_minutes": 500}"#,
        r#"{"display_name": "  Eve Adams "}"#,
        r#"{"display_name": 5}"#,
        "{}",
    ]
    .iter()
    .map(|s| serde_json::from_str(s).unwrap())
    .chain([Json::Unsupported(
        workspace_rules::base::json::Unsupported::Undefined,
    )])
    .collect()
}

/// The number of [`bodies`].
const BODIES: usize = 20;

/// An allocation the source has minutes for.
const ALLOCATION: &str = r#"{"source_id": "pool-1", "minutes": 100, "cost_per_minute": 10,
    "pulse_seconds": 6, "currency": "USD", "available_minutes": 500}"#;

/// A first allowance: every field.
const FULL_ALLOWANCE: &str = r#"{"monthly_credits": 100, "reset_day": 1, "rollover": "none",
    "rollover_cap": 0, "hard_limit": true, "alert_thresholds": [80],
    "rates": {"call_seconds": {"credits": 1, "per": 6}, "stt_seconds": {"credits": 1, "per": 6},
    "tts_characters": {"credits": 1, "per": 6}, "llm_input_tokens": {"credits": 1, "per": 6},
    "llm_output_tokens": {"credits": 1, "per": 6}}}"#;

const ACTORS: [Option<&str>; 6] = [
    Some(OWNER),
    Some(ADMIN),
    Some(MEMBER),
    Some(DEACTIVATED),
    Some(STRANGER),
    None,
];

fn now() -> Timestamp {
    Timestamp::parse("2026-11-22T10:00:00Z").unwrap()
}

/// The verified email each actor's credentials carry: the admin's own, the stranger's the member
/// invitation's (so accepting is decided for an invitee), none for the others.
fn email_of(user_id: &str) -> Option<&'static str> {
    match user_id {
        ADMIN => Some("bo@example.com"),
        DEACTIVATED => Some("dee@example.com"),
        STRANGER => Some("eve@example.com"),
        _ => None,
    }
}

fn actor_of(actor: Option<&str>) -> Option<Actor> {
    actor.map(|id| Actor {
        user_id: id.to_owned(),
        email: email_of(id).map(str::to_owned),
    })
}

/// The invariant: an allowed request is a route action the actor's role may perform, by an active
/// member of an active workspace named in the path (or the public preview).
fn assert_never_beyond_can(s: &WorkspaceState, request: &Request, actor: Option<&str>) {
    let who = actor_of(actor);
    let d = check_request(request, who.as_ref(), s, &now());
    assert_eq!(d.allowed, d.error.is_none());
    assert_eq!(d.allowed, d.status == 200);
    if !d.allowed {
        return;
    }
    assert_ne!(s.workspace.status, WorkspaceStatus::Archived, "{request:?}");
    match d.action {
        Some(DecisionAction::Public) => {}
        // The invited person: the actor's verified email is a pending invitation's.
        Some(DecisionAction::Invitee) => {
            let email = actor.and_then(email_of).expect("an invitee has an email");
            assert!(
                s.invitations.iter().any(|i| i.email == email),
                "{request:?}"
            );
        }
        // Any active member (capabilities, leaving).
        Some(DecisionAction::Member) => {
            assert!(
                actor.is_some_and(|id| s.active_member(id).is_some()),
                "allowed for a non-member: {request:?} {actor:?}"
            );
            assert!(request.path.contains(WS), "{request:?}");
        }
        Some(DecisionAction::Action(action)) => {
            let member = actor
                .and_then(|id| s.members.iter().find(|m| m.user_id == id))
                .filter(|m| m.status == MemberStatus::Active)
                .unwrap_or_else(|| panic!("allowed for a non-member: {request:?} {actor:?}"));
            assert!(
                can(member.role, action),
                "{:?} may not {action}, yet {request:?} was allowed",
                member.role
            );
            assert!(
                request.path.to_ascii_lowercase().contains(WS),
                "{request:?}"
            );
        }
        None => panic!("allowed without an action: {request:?}"),
    }
}

#[test]
fn check_request_never_allows_what_can_forbids_over_every_route_role_state_and_body() {
    let mut checked = 0;
    let mut allowed = 0;
    for variant in 0..5 {
        let s = state(variant);
        for (method, path) in routes() {
            for body in bodies() {
                for actor in ACTORS {
                    let request = Request {
                        method: method.to_owned(),
                        path: path.clone(),
                        body: body.clone(),
                        ..Default::default()
                    };
                    assert_never_beyond_can(&s, &request, actor);
                    let who = actor_of(actor);
                    allowed +=
                        usize::from(check_request(&request, who.as_ref(), &s, &now()).allowed);
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 5 * ROUTES * BODIES * 6);
    assert!(allowed > 100, "the table allows something: {allowed}");
}

/// The command a request on one of the command routes of `docs/rules/requests.md` stands for, as
/// `apply` reads it (the body's keys with the path's ids), by `actor`; `None` for the other routes.
fn command_of(method: &str, path: &str, body: &Json, actor: &str) -> Option<serde_json::Value> {
    let fields = || match body.as_object() {
        Some(entries) => entries
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::to_value(v).unwrap()))
            .collect(),
        None => serde_json::Map::new(),
    };
    let seg: Vec<&str> = path.split('/').collect();
    let mut command = match (method, seg.as_slice()) {
        ("PATCH", ["", "v1", "workspaces", _, "members", user]) => {
            let mut c = fields();
            c.insert("type".into(), "change_role".into());
            c.insert("user_id".into(), (*user).into());
            c
        }
        ("DELETE", ["", "v1", "workspaces", _, "members", user]) if *user == actor => {
            serde_json::json!({"type": "leave_workspace"})
                .as_object()?
                .clone()
        }
        ("DELETE", ["", "v1", "workspaces", _, "members", user]) => {
            serde_json::json!({"type": "remove_member", "user_id": user})
                .as_object()?
                .clone()
        }
        // The optional body's fields with the path's invitation id (and the actor's user id); a
        // body that is not an object carries no command `apply` can read.
        ("POST", ["", "v1", "invitations", inv, verb @ ("accept" | "decline")]) => {
            let undefined = matches!(body, Json::Unsupported(Unsupported::Undefined));
            if !undefined && body.as_object().is_none() {
                return Some(serde_json::Value::Null);
            }
            let mut c = fields();
            c.insert("invitation_id".into(), (*inv).into());
            if *verb == "accept" {
                c.insert("type".into(), "accept_invitation".into());
                c.insert("user_id".into(), actor.into());
            } else {
                c.insert("type".into(), "decline_invitation".into());
            }
            c
        }
        ("POST", ["", "v1", "workspaces", _, "minutes", "allocations"]) => fields(),
        _ => return None,
    };
    command
        .entry("type")
        .or_insert_with(|| "allocate_minutes".into());
    Some(serde_json::Value::Object(command))
}

/// `docs/rules/requests.md#members-invitations-and-the-rest`: on the routes of §9's commands — a
/// role changed, a member removed, leaving, an invitation accepted or declined, minutes allocated —
/// `checkRequest` allows a request of this workspace exactly when `apply` with the same command by
/// the same actor succeeds (so it never allows what `apply` would refuse), over every state (the last
/// owner and two, archived, default, outbound off, credits exhausted, an invitation for a member),
/// actor (each role, deactivated, a stranger invited by email), body (accepting's optional
/// `{ display_name? }` included) and `now` (the invitation valid
/// and expired); the listing and capabilities routes allow exactly what `authorize` does (and a
/// `limit` in range); another workspace's path is never allowed.
#[test]
fn check_request_allows_the_command_routes_exactly_when_apply_succeeds() {
    use workspace_rules::workspace::commands::apply_input;
    let (mut commands, mut allowed, mut listings) = (0, 0, 0);
    for now in ["2026-11-22T10:00:00.000Z", "2026-11-27T09:00:00.000Z"] {
        let at = Timestamp::parse(now).unwrap();
        for variant in 0..6 {
            let s = state(variant);
            let state_value: Json = serde_json::from_value(state_json(variant)).unwrap();
            for (method, path) in routes() {
                for body in bodies() {
                    for actor in ACTORS.into_iter().flatten() {
                        let request = Request {
                            method: method.to_owned(),
                            path: path.clone(),
                            body: body.clone(),
                            ..Default::default()
                        };
                        let d = check_request(&request, actor_of(Some(actor)).as_ref(), &s, &at);
                        if path.contains(OTHER) {
                            assert!(!d.allowed, "{request:?}");
                            continue;
                        }
                        let listed = [
                            ("/members", "members.view"),
                            ("/invitations", "invitations.view"),
                            ("/audit", "audit.view"),
                            ("/audit?limit=0", "audit.view"),
                            ("/capabilities", "workspace.view"),
                        ];
                        if let Some((_, action)) = listed
                            .iter()
                            .find(|(end, _)| method == "GET" && path.ends_with(end))
                        {
                            let action =
                                workspace_rules::workspace::roles::parse_action(action, "")
                                    .unwrap();
                            let may = authorize(&s, actor, action, Some(&at)).allowed;
                            assert_eq!(
                                d.allowed,
                                may && !path.contains("limit=0"),
                                "{request:?} {actor}"
                            );
                            listings += 1;
                            continue;
                        }
                        let Some(command) = command_of(method, &path, &body, actor) else {
                            continue;
                        };
                        let mut ctx = serde_json::json!({"actor_id": actor, "now": now});
                        if let Some(email) = email_of(actor) {
                            ctx["actor_email"] = email.into();
                        }
                        let command: Json = serde_json::from_value(command).unwrap();
                        let ctx: Json = serde_json::from_value(ctx).unwrap();
                        let applied = apply_input(&state_value, &command, &ctx);
                        assert_eq!(
                            d.allowed,
                            applied.is_ok(),
                            "{request:?} by {actor} at {now}: {d:?} but apply {:?}",
                            applied.err()
                        );
                        commands += 1;
                        allowed += usize::from(d.allowed);
                    }
                }
            }
        }
    }
    assert_eq!(commands, 2 * 6 * (7 + 4) * BODIES * 5);
    assert!(
        allowed > 200,
        "the command routes allow something: {allowed}"
    );
    assert_eq!(listings, 2 * 6 * 5 * BODIES * 5);
}

/// `docs/rules/requests.md#bodies-as-text`: a body given as its text (`body_text`) is decided exactly
/// as the same body given as a value; the text with its first key given a second time is refused
/// (`duplicate_key`, 400) where the body is read, and otherwise decided as a request without a body.
#[test]
fn a_body_as_text_decides_as_the_body_and_a_key_twice_is_refused() {
    let decide = |s: &WorkspaceState, request: &Request, actor: Option<&str>| {
        let who = actor_of(actor);
        check_request(request, who.as_ref(), s, &now())
    };
    let (mut same, mut refused) = (0, 0);
    for variant in 0..5 {
        let s = state(variant);
        for (method, path) in routes() {
            for body in bodies() {
                let text = match &body {
                    Json::Unsupported(_) => String::new(),
                    body => serde_json::to_string(body).unwrap(),
                };
                let with = |body: Json, body_text: Option<String>| Request {
                    method: method.to_owned(),
                    path: path.clone(),
                    body,
                    body_text,
                };
                let as_value = with(body.clone(), None);
                let as_text = with(Json::default(), Some(text.clone()));
                let twice = match body.as_object() {
                    Some([(key, value), ..]) => {
                        let again = serde_json::to_string(value).unwrap();
                        Some(format!("{},{key:?}:{again}}}", &text[..text.len() - 1]))
                    }
                    _ => None,
                };
                for actor in ACTORS {
                    assert_eq!(
                        decide(&s, &as_text, actor),
                        decide(&s, &as_value, actor),
                        "{as_text:?}"
                    );
                    same += 1;
                    let Some(twice) = &twice else { continue };
                    let decision = decide(&s, &with(Json::default(), Some(twice.clone())), actor);
                    let code = decision.error.as_ref().map(|e| e.code.as_str());
                    if code == Some("duplicate_key") {
                        assert_eq!(decision.status, 400);
                        refused += 1;
                    } else {
                        let without = decide(&s, &with(Json::default(), None), actor);
                        assert_eq!(decision, without, "{twice} {actor:?}");
                    }
                }
            }
        }
    }
    assert_eq!(same, 5 * ROUTES * BODIES * 6);
    assert!(refused > 50, "a key twice is refused somewhere: {refused}");
}

#[test]
fn every_role_gets_exactly_its_matrix_on_the_routes_without_extra_rules() {
    let s = state(0);
    for (role, id) in [
        (Role::Owner, OWNER),
        (Role::Admin, ADMIN),
        (Role::Member, MEMBER),
    ] {
        // Leaving, the member routes' rules 1–3, the capabilities route (no action of the matrix) and
        // a bad limit are rules beyond the matrix.
        let plain = |(_, p): &(&str, String)| {
            p.contains(WS)
                && !p.contains("/members/")
                && !p.ends_with("capabilities")
                && !p.contains("limit=0")
        };
        for (method, path) in routes().into_iter().filter(plain) {
            let body = if path.ends_with("/allocations") {
                serde_json::from_str(ALLOCATION).unwrap()
            } else if path.ends_with("/archive") {
                serde_json::from_str(r#"{"slug": "client-a-support"}"#).unwrap()
            } else if path.ends_with("/invitations") {
                serde_json::from_str(r#"{"email": "new@example.com", "role": "member"}"#).unwrap()
            } else if path.ends_with("test-caller-numbers") {
                serde_json::from_str(r#"{"numbers": []}"#).unwrap()
            } else if path.ends_with("/allowance") {
                serde_json::from_str(FULL_ALLOWANCE).unwrap()
            } else {
                serde_json::from_str("{}").unwrap()
            };
            let request = Request {
                method: method.to_owned(),
                path: path.clone(),
                body,
                ..Default::default()
            };
            let actor = Actor {
                user_id: id.to_owned(),
                email: None,
            };
            let d = check_request(&request, Some(&actor), &s, &now());
            let Some(DecisionAction::Action(action)) = d.action else {
                panic!("{path}")
            };
            if path.ends_with(INV_OWNER) {
                continue; // rule 2 on the invitation's role
            }
            assert_eq!(
                d.allowed,
                can(role, action),
                "{role:?} {method} {path}: {d:?}"
            );
        }
    }
}

/// The plain check and the prepared workspace's on one request: the same decision.
fn assert_prepared_agrees(
    s: &WorkspaceState,
    prepared: &PreparedWorkspace,
    request: &Request,
    actor: Option<&str>,
) {
    let who = actor_of(actor);
    assert_eq!(
        prepared.check_request(request, who.as_ref(), &now()),
        check_request(request, who.as_ref(), s, &now()),
        "{request:?} by {actor:?}"
    );
}

#[test]
fn prepared_workspaces_decide_every_route_role_state_body_and_action_as_the_plain_functions() {
    for variant in 0..4 {
        let s = state(variant);
        let prepared = PreparedWorkspace::new(s.clone()).unwrap();
        for (method, path) in routes() {
            for body in bodies() {
                for actor in ACTORS {
                    let request = Request {
                        method: method.to_owned(),
                        path: path.clone(),
                        body: body.clone(),
                        ..Default::default()
                    };
                    assert_prepared_agrees(&s, &prepared, &request, actor);
                }
            }
        }
        for user in ACTORS.iter().flatten() {
            for action in workspace_rules::workspace::roles::Action::ALL {
                assert_eq!(
                    prepared.authorize(user, *action, None),
                    authorize(&s, user, *action, None)
                );
            }
        }
    }
}

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("v1".to_owned()),
        Just("workspaces".to_owned()),
        Just(WS.to_owned()),
        Just(OTHER.to_owned()),
        Just(INV_MEMBER.to_owned()),
        Just(INV_OWNER.to_owned()),
        Just("invitations".to_owned()),
        Just("settings".to_owned()),
        Just("voice".to_owned()),
        Just("calls".to_owned()),
        Just("outbound".to_owned()),
        Just("archive".to_owned()),
        Just("provision".to_owned()),
        Just("preview".to_owned()),
        Just("test-caller-numbers".to_owned()),
        Just("credits".to_owned()),
        Just("allowance".to_owned()),
        Just("".to_owned()),
        "[%a-zA-Z0-9?#.~-]{0,8}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    /// Arbitrary methods and paths (mostly route-shaped) never panic and never allow beyond `can`.
    #[test]
    fn arbitrary_requests_never_allow_beyond_can(
        method in prop_oneof![Just("GET".to_owned()), Just("put".to_owned()), Just("POST".to_owned()),
            Just("PATCH".to_owned()), Just("DELETE".to_owned()), any::<String>()],
        segments in prop::collection::vec(segment(), 0..7),
        query in prop::option::of("[?#][a-z=&]{0,6}"),
        variant in 0u8..5,
        actor in 0usize..6,
        body in 0usize..12,
    ) {
        let mut path = format!("/{}", segments.join("/"));
        if let Some(q) = query { path.push_str(&q); }
        let request = Request { method, path, body: bodies()[body].clone(), ..Default::default() };
        assert_never_beyond_can(&state(variant), &request, ACTORS[actor]);
    }

    /// A prepared workspace decides arbitrary requests as the plain check does.
    #[test]
    fn arbitrary_requests_decide_alike_prepared_or_not(
        method in prop_oneof![Just("GET".to_owned()), Just("DELETE".to_owned()), Just("POST".to_owned()), any::<String>()],
        segments in prop::collection::vec(segment(), 0..7),
        variant in 0u8..4,
        actor in 0usize..6,
        body in 0usize..10,
    ) {
        let path = format!("/{}", segments.join("/"));
        let request = Request { method, path, body: bodies()[body].clone(), ..Default::default() };
        let s = state(variant);
        let prepared = PreparedWorkspace::new(s.clone()).unwrap();
        assert_prepared_agrees(&s, &prepared, &request, ACTORS[actor]);
    }

    /// slugify answers a valid slug for any name, the same one every time, and a slug is its own slug.
    #[test]
    fn slugify_is_valid_and_stable(name in prop_oneof![any::<String>(), "[ a-zA-Z0-9éüß_.&-]{0,80}", "\\PC{0,200}"]) {
        let slug = slugify(&name, &[]);
        prop_assert!(is_valid_slug(&slug), "{name:?} → {slug:?}");
        prop_assert_eq!(&slugify(&name, &[]), &slug);
        prop_assert_eq!(&slugify(&slug, &[]), &slug);
        let taken = [slug.as_str()];
        let next = slugify(&name, &taken);
        prop_assert!(is_valid_slug(&next) && next != slug, "{next:?}");
    }

    /// callCost: billed is the smallest multiple of the pulse ≥ d; cost is billed × rate / 60 rounded
    /// half up, checked in u128 against 2·cost ∈ [2x − 1, 2x + 1) without any float; and both are
    /// monotone in the duration.
    #[test]
    fn call_cost_is_monotone_and_exact(
        pulse in prop::sample::select(vec![1i64, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60]),
        rate in prop_oneof![0i64..1000, 0i64..1_000_000_000],
        d1 in prop_oneof![0i64..10_000, 0i64..100_000_000],
        extra in prop_oneof![0i64..100, 0i64..1_000_000],
    ) {
        let a = Allocation { source_id: "pool".into(), minutes: 1, cost_per_minute: rate, pulse_seconds: pulse, currency: "USD".into() };
        let d2 = d1 + extra;
        let c1 = call_cost(&a, d1).unwrap();
        let c2 = call_cost(&a, d2).unwrap();
        prop_assert!(c1.billed_seconds <= c2.billed_seconds && c1.cost <= c2.cost);
        for (d, c) in [(d1, c1), (d2, c2)] {
            prop_assert_eq!(c.billed_seconds % pulse, 0);
            prop_assert!(c.billed_seconds >= d && c.billed_seconds - d < pulse);
            // cost = round_half_up(billed·rate/60) ⇔ 60·cost − 30 ≤ billed·rate < 60·cost + 30.
            let exact = c.billed_seconds as u128 * rate as u128;
            let cost = c.cost as u128;
            prop_assert!(60 * cost <= exact + 30 && exact + 30 < 60 * cost + 60, "{d} s: {c:?}");
            prop_assert!(c.cost <= MAX_SAFE);
        }
    }
}
