//! The backend over real HTTP on 127.0.0.1 with real tokens: every route of the crate's table, the
//! account routes, refusals as the library writes them, the log replaying to the stored state.
mod common;
use common::*;
use serde_json::{json, Value};

fn code(v: &Value) -> &str {
    v["code"].as_str().unwrap_or("")
}

#[test]
fn every_route_answers_as_the_crate_decides() {
    let url = database_url("routes");
    let server = Server::start(&url);
    let ana = user("ana");
    let stranger = user("stranger");
    let t = Some(ana.token.as_str());

    // The account routes: the first workspace is the default one; the list is listWorkspaces'.
    let first = create(&server, &ana, "My Workspace");
    let (status, body) = server.send(
        "POST",
        "/v1/workspaces",
        t,
        Some(r#"{"name":"Client A Support","environment":"staging"}"#),
    );
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["workspace"]["workspace"]["is_default"], false);
    assert_eq!(body["events"][0]["type"], "workspace.member_added");
    let ws = body["workspace"]["workspace"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, body) = server.send("GET", "/v1/workspaces", t, None);
    assert_eq!(status, 200);
    let ids: Vec<&str> = body["workspaces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["workspace"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [first.as_str(), ws.as_str()]);
    assert_eq!(body["workspaces"][0]["role"], "owner");
    // Someone who is not an owner of their default workspace cannot create a second one… a first
    // one they can; a body that is not JSON is invalid_json.
    let (status, body) = server.send("POST", "/v1/workspaces", t, Some("{"));
    assert_eq!((status, code(&body)), (400, "invalid_json"));
    let (status, body) = server.send("POST", "/v1/workspaces", t, Some(r#"{"name":""}"#));
    assert_eq!((status, code(&body)), (422, "validation_failed"));
    let (status, _) = server.send("GET", "/v1/workspaces", None, None);
    assert_eq!(status, 401);

    let w = format!("/v1/workspaces/{ws}");
    let expect = |method: &str,
                  path: &str,
                  token: Option<&str>,
                  body: Option<&str>,
                  want: u16,
                  want_code: &str|
     -> Value {
        let (status, answer) = server.send(method, path, token, body);
        assert_eq!(status, want, "{method} {path}: {answer}");
        if !want_code.is_empty() {
            assert_eq!(code(&answer), want_code, "{method} {path}: {answer}");
            assert_eq!(answer["status"], want);
        }
        answer
    };
    let got = expect("GET", &w, t, None, 200, "");
    assert_eq!(got["workspace"]["workspace"]["id"], ws.as_str());
    let got = expect(
        "PATCH",
        &w,
        t,
        Some(r#"{"name":"Client A","description":"Support line"}"#),
        200,
        "",
    );
    assert_eq!(got["workspace"]["workspace"]["name"], "Client A");
    assert_eq!(got["events"][0]["type"], "workspace.updated");
    let got = expect("POST", &format!("{w}/provision"), t, None, 200, "");
    assert_eq!(got["events"][0]["type"], "workspace.provisioned");
    // Provisioning again changes nothing and emits nothing.
    let got = expect("POST", &format!("{w}/provision"), t, None, 200, "");
    assert_eq!(got["events"], json!([]));
    let got = expect(
        "PUT",
        &format!("{w}/test-caller-numbers"),
        t,
        Some(r#"{"numbers":["+1 (415) 555-0100","+14155550100"]}"#),
        200,
        "",
    );
    assert_eq!(
        got["workspace"]["test_caller_numbers"],
        json!(["+14155550100"])
    );
    let got = expect("GET", &format!("{w}/test-caller-numbers"), t, None, 200, "");
    assert_eq!(got, json!({ "numbers": ["+14155550100"] }));
    let got = expect(
        "PUT",
        &format!("/v1/{ws}/settings/voice"),
        t,
        Some(r#"{"speed":1.2,"tone":"friendly"}"#),
        200,
        "",
    );
    assert_eq!(got["events"][0]["type"], "workspace.voice_settings_updated");
    let got = expect("GET", &format!("/v1/{ws}/settings/voice"), t, None, 200, "");
    assert_eq!(got["settings"]["speed"], 1.2);
    let got = expect(
        "POST",
        &format!("{w}/invitations"),
        t,
        Some(r#"{"email":" Bo@Example.com ","role":"admin"}"#),
        200,
        "",
    );
    let inv = got["workspace"]["invitations"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(got["events"][0]["type"], "workspace.invitation_sent");
    // The public preview: no token needed, the workspace found by the invitation.
    let got = expect(
        "GET",
        &format!("/v1/invitations/{inv}/preview"),
        None,
        None,
        200,
        "",
    );
    assert_eq!(got["workspace_name"], "Client A");
    assert_eq!(got["status"], "pending");
    expect(
        "GET",
        &format!("/v1/invitations/{}/preview", uuid()),
        None,
        None,
        404,
        "workspace_not_found",
    );
    let got = expect(
        "DELETE",
        &format!("{w}/invitations/{inv}"),
        t,
        None,
        200,
        "",
    );
    assert_eq!(got["events"][0]["type"], "workspace.invitation_revoked");
    expect(
        "DELETE",
        &format!("{w}/invitations/{inv}"),
        t,
        None,
        409,
        "invitation_not_pending",
    );
    let got = expect(
        "POST",
        &format!("/v1/{ws}/calls/outbound"),
        t,
        None,
        200,
        "",
    );
    assert_eq!(got, json!({ "call": { "allowed": true } }));
    let got = expect("GET", &format!("{w}/credits"), t, None, 200, "");
    assert_eq!(got, json!({ "credits": null }));

    // Refusals: the library's error JSON with its status.
    expect("GET", &w, None, None, 401, "unauthenticated");
    expect(
        "GET",
        &w,
        Some(&expired(&ana.id)),
        None,
        401,
        "unauthenticated",
    );
    let forged = token_with(
        "another-secret-another-secret-123",
        json!({ "sub": ana.id, "exp": 4102444800u64 }),
    );
    expect("GET", &w, Some(&forged), None, 401, "unauthenticated");
    let no_sub = token_with(SECRET, json!({ "exp": 4102444800u64 }));
    expect("GET", &w, Some(&no_sub), None, 401, "unauthenticated");
    let no_exp = token_with(SECRET, json!({ "sub": ana.id }));
    expect("GET", &w, Some(&no_exp), None, 401, "unauthenticated");
    let (status, _) = send_text(
        server.port,
        "GET",
        &w,
        Some(&format!("Basic {}", ana.id)),
        None,
    );
    assert_eq!(status, 401);
    expect("GET", &w, Some(&stranger.token), None, 404, "not_a_member");
    expect(
        "GET",
        &format!("/v1/workspaces/{}", uuid()),
        t,
        None,
        404,
        "workspace_not_found",
    );
    expect(
        "GET",
        &format!("/v1/workspaces/{}", ws.to_uppercase()),
        t,
        None,
        404,
        "unknown_route",
    );
    expect("get", &w, t, None, 404, "unknown_route");
    expect(
        "PATCH",
        &w,
        t,
        Some(r#"{"name":"A","name":"B"}"#),
        400,
        "duplicate_key",
    );
    expect("PATCH", &w, t, Some("not json"), 400, "invalid_json");
    expect(
        "PATCH",
        &w,
        t,
        Some(r#"{"environment":"moon"}"#),
        422,
        "validation_failed",
    );
    expect(
        "POST",
        &format!("{w}/invitations"),
        t,
        Some(r#"{"email":"x","role":"boss"}"#),
        422,
        "validation_failed",
    );
    expect(
        "POST",
        &format!("/v1/workspaces/{first}/archive"),
        t,
        Some(r#"{"slug":"my-workspace"}"#),
        409,
        "default_workspace_protected",
    );
    expect(
        "POST",
        &format!("{w}/archive"),
        t,
        Some(r#"{"slug":"nope"}"#),
        422,
        "slug_mismatch",
    );
    let got = expect(
        "POST",
        &format!("{w}/archive"),
        t,
        Some(r#"{"slug":"client-a-support"}"#),
        200,
        "",
    );
    assert_eq!(got["workspace"]["workspace"]["status"], "archived");
    expect("GET", &w, t, None, 410, "workspace_archived");
    let (_, body) = server.send("GET", "/v1/workspaces", t, None);
    assert_eq!(
        body["workspaces"].as_array().unwrap().len(),
        1,
        "archived workspaces are left out"
    );

    // The audit: every state change, its events in the log; the log replays to the stored state.
    let replayed = check_replay(&url, &[first, ws]);
    assert_eq!(replayed[1].1, 8, "create, patch, provision, numbers, voice, invite, revoke, archive: no entry for what changed nothing");
}

#[test]
fn the_service_refuses_to_start_without_a_secret() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_workspace-rules-backend"))
        .env_remove("WR_JWT_SECRET")
        .env("PORT", "0")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("WR_JWT_SECRET"));
}

#[test]
fn members_invitations_audit_and_capabilities_routes() {
    let url = database_url("members");
    let server = Server::start(&url);
    let ana = user("ana");
    let bo = user("bo");
    let cy = user("cy");
    let _default = create(&server, &ana, "My Workspace");
    let ws = create(&server, &ana, "Team");
    let w = format!("/v1/workspaces/{ws}");
    let (a, b, c) = (
        Some(ana.token.as_str()),
        Some(bo.token.as_str()),
        Some(cy.token.as_str()),
    );
    let invite = |email: &str, role: &str| {
        let (status, body) = server.send(
            "POST",
            &format!("{w}/invitations"),
            a,
            Some(&format!(r#"{{"email":"{email}","role":"{role}"}}"#)),
        );
        assert_eq!(status, 200, "{body}");
        body["workspace"]["invitations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["email"] == email)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let inv_bo = invite(&bo.email, "admin");
    let inv_cy = invite(&cy.email, "member");
    // Only the invited person accepts: the token's email decides.
    let (status, body) = server.send("POST", &format!("/v1/invitations/{inv_bo}/accept"), c, None);
    assert_eq!((status, code(&body)), (403, "email_mismatch"));
    // Issue 22: a token without an email is not a mismatch: the verified email is missing (422).
    let unverified = unverified(&bo.id);
    let (status, body) = server.send(
        "POST",
        &format!("/v1/invitations/{inv_bo}/accept"),
        Some(&unverified),
        None,
    );
    assert_eq!((status, code(&body)), (422, "validation_failed"), "{body}");
    assert_eq!(body["errors"][0]["path"], "/context/actor/email");
    let (status, body) = server.send("POST", &format!("/v1/invitations/{inv_bo}/accept"), b, None);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["events"][0]["type"], "workspace.invitation_accepted");
    let (status, _) = server.send(
        "POST",
        &format!("/v1/invitations/{inv_cy}/decline"),
        c,
        None,
    );
    assert_eq!(status, 200);
    let (status, body) = server.send("GET", &format!("{w}/members"), b, None);
    assert_eq!(status, 200);
    assert_eq!(body["members"].as_array().unwrap().len(), 2);
    let (status, body) = server.send("GET", &format!("{w}/invitations"), b, None);
    assert_eq!(status, 200);
    assert_eq!(body["invitations"][1]["status"], "declined");
    // Roles: no granting above oneself; the owner changes bo's role.
    let (status, body) = server.send(
        "PATCH",
        &format!("{w}/members/{}", ana.id),
        b,
        Some(r#"{"role":"member"}"#),
    );
    assert_eq!((status, code(&body)), (403, "cannot_modify_higher_role"));
    let (status, body) = server.send(
        "PATCH",
        &format!("{w}/members/{}", bo.id),
        a,
        Some(r#"{"role":"member"}"#),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["events"][0]["type"], "workspace.member_role_updated");
    // Capabilities: bo, a member now, may not invite.
    let (status, body) = server.send("GET", &format!("{w}/capabilities"), b, None);
    assert_eq!(status, 200, "{body}");
    // The audit, newest first, with its limit.
    let (status, body) = server.send("GET", &format!("{w}/audit?limit=2"), a, None);
    assert_eq!(status, 200, "{body}");
    let events = body["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["type"], "workspace.member_role_updated");
    let (status, body) = server.send("GET", &format!("{w}/audit?limit=0"), a, None);
    assert_eq!((status, code(&body)), (422, "validation_failed"));
    let (_, body) = server.send("GET", &format!("{w}/audit"), a, None);
    assert_eq!(
        body["events"].as_array().unwrap().len(),
        7,
        "create, 2 invitations, accept (added + accepted), decline, role"
    );
    // Leaving is bo's own DELETE; the last owner cannot leave.
    let (status, body) = server.send("DELETE", &format!("{w}/members/{}", ana.id), a, None);
    assert_eq!((status, code(&body)), (409, "last_owner"));
    let (status, body) = server.send("DELETE", &format!("{w}/members/{}", bo.id), b, None);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["events"][0]["metadata"]["left"], true);
    check_replay(&url, &[ws]);
}

/// Issue 22: `POST /v1/workspaces` passes `owner_display_name` to `createWorkspace`: the owner's
/// member record gets it, trimmed; one the crate refuses is refused at its path.
#[test]
fn the_owner_names_itself_at_creation() {
    let url = database_url("owner-name");
    let server = Server::start(&url);
    let ana = user("ana");
    let t = Some(ana.token.as_str());
    let (status, body) = server.send(
        "POST",
        "/v1/workspaces",
        t,
        Some(r#"{"name":"My Workspace","environment":"production","owner_display_name":" Ana Lima "}"#),
    );
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["workspace"]["members"][0]["display_name"], "Ana Lima");
    let too_long = format!(
        r#"{{"name":"Client A","environment":"production","owner_display_name":"{}"}}"#,
        "a".repeat(101)
    );
    let (status, body) = server.send("POST", "/v1/workspaces", t, Some(&too_long));
    assert_eq!((status, code(&body)), (422, "validation_failed"), "{body}");
    assert_eq!(body["errors"][0]["path"], "/input/owner_display_name");
    assert_eq!(body["errors"][0]["code"], "too_long");
}
