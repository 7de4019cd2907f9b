//! Property tests of `docs/rules/lifecycle.md` and `docs/rules/requests.md`: slugify always answers a valid, stable slug; callCost is monotone
//! in the duration and exact in integers; checkRequest never allows what the matrix (`can`) forbids,
//! over every route × actor (each role, deactivated, non-member, none) × state (active, archived,
//! outbound off, default, credits exhausted) × body, and over arbitrary methods and paths; and a
//! prepared workspace decides every one of those requests, and `authorize` every action, exactly as
//! the plain functions.
//! Native only (proptest is a native dev-dependency; the WebAssembly hosts run the shared vectors).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
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
    serde_json::json!({
        "workspace": {"id": WS, "name": "Client A Support", "slug": "client-a-support",
            "environment": "production", "description": null, "backend_org_id": null,
            "is_default": variant == 3, "status": status, "provisioned_at": null,
            "created_at": "2026-01-10T08:00:00Z", "archived_at": archived_at},
        "members": [member(OWNER, "ana@example.com", "owner", "active"), member(ADMIN, "bo@example.com", "admin", "active"),
            member(MEMBER, "cy@example.com", "member", "active"), member(DEACTIVATED, "dee@example.com", "owner", "deactivated")],
        "invitations": [invitation(INV_MEMBER, "eve@example.com", "member"), invitation(INV_OWNER, "gus@example.com", "owner")],
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
        ]);
    }
    out.push(("GET", format!("/v1/invitations/{INV_MEMBER}/preview")));
    out
}

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
    ]
    .iter()
    .map(|s| serde_json::from_str(s).unwrap())
    .chain([Json::Unsupported(
        workspace_rules::base::json::Unsupported::Undefined,
    )])
    .collect()
}

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

/// The invariant: an allowed request is a route action the actor's role may perform, by an active
/// member of an active workspace named in the path (or the public preview).
fn assert_never_beyond_can(s: &WorkspaceState, request: &Request, actor: Option<&str>) {
    let who = actor.map(|id| Actor {
        user_id: id.to_owned(),
        email: None,
    });
    let d = check_request(request, who.as_ref(), s, &now());
    assert_eq!(d.allowed, d.error.is_none());
    assert_eq!(d.allowed, d.status == 200);
    if !d.allowed {
        return;
    }
    assert_ne!(s.workspace.status, WorkspaceStatus::Archived, "{request:?}");
    match d.action {
        Some(DecisionAction::Public) => {}
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
                    let who = actor.map(|id| Actor {
                        user_id: id.to_owned(),
                        email: None,
                    });
                    allowed +=
                        usize::from(check_request(&request, who.as_ref(), &s, &now()).allowed);
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 5 * 29 * 12 * 6);
    assert!(allowed > 100, "the table allows something: {allowed}");
}

/// `docs/rules/requests.md#bodies-as-text`: a body given as its text (`body_text`) is decided exactly
/// as the same body given as a value; the text with its first key given a second time is refused
/// (`duplicate_key`, 400) where the body is read, and otherwise decided as a request without a body.
#[test]
fn a_body_as_text_decides_as_the_body_and_a_key_twice_is_refused() {
    let decide = |s: &WorkspaceState, request: &Request, actor: Option<&str>| {
        let who = actor.map(|id| Actor {
            user_id: id.to_owned(),
            email: None,
        });
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
    assert_eq!(same, 5 * 29 * 12 * 6);
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
        for (method, path) in routes().into_iter().filter(|(_, p)| p.contains(WS)) {
            let body = if path.ends_with("/archive") {
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
    let who = actor.map(|id| Actor {
        user_id: id.to_owned(),
        email: None,
    });
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
