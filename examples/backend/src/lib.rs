//! The reference backend of workspace-rules (`docs/guides/backend.md`): the crate, natively, behind a
//! real HTTP API (axum) and a real database (sqlx: SQLite or PostgreSQL).
//!
//! The service holds no rule and no route of its own. Every request is matched by the crate's route
//! table, the same one an edge uses (`edge::origin::route`), decided by `check_request` on the stored
//! state, its body read by the crate's JSON reader, and turned into the command or the read the route
//! stands for (`edge::origin::work`); commands run through `apply`. The service stores: it reads the
//! state and its version, and writes the new state with the command's log entry and its events in one
//! transaction, committed only if the version has not moved meanwhile; otherwise it tries again (at
//! most [`ATTEMPTS`] times) and then answers 409 `conflict`.
//!
//! Two routes belong to the account rather than a workspace and so to no workspace's table: `POST
//! /v1/workspaces` (`createWorkspace`: a user's first workspace is their account's default, later
//! ones need the owner role there) and `GET /v1/workspaces` (`listWorkspaces`).

pub mod auth;
pub mod edge_push;
pub mod store;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::sync::Arc;
use store::{Logged, Store, Write};
use workspace_rules::base::json::{Json, Unsupported};
use workspace_rules::base::json_text;
use workspace_rules::base::timestamp::Timestamp;
use workspace_rules::boundary::api::text;
use workspace_rules::edge::origin::{self, Target, Work};
use workspace_rules::edge::requests::{check_request, Actor, Request};
use workspace_rules::edge::switching::{list_workspaces, Membership};
use workspace_rules::workspace::commands::{apply, create_workspace_input, Applied};
use workspace_rules::workspace::context::read_context;
use workspace_rules::workspace::lookup::Lookup;
use workspace_rules::workspace::state::{state_input, WorkspaceState};
use workspace_rules::{Code, RuleError};

/// How many times a command is tried against a moving version before 409 `conflict`.
pub const ATTEMPTS: usize = 24;

/// Bodies above this are refused (413) before they are read.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// The service's configuration, from the environment ([`Config::from_env`]).
#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    pub host: String,
    pub port: u16,
    pub jwt_secret: String,
    /// An edge worker's store to push each new state to (`PUT {url}/_store/workspaces/{id}`).
    pub edge_url: Option<String>,
    pub edge_token: Option<String>,
    pub connections: u32,
}

impl Config {
    /// `WR_JWT_SECRET` (required), `DATABASE_URL` (default a SQLite file under `target/`), `HOST`
    /// (default `127.0.0.1`), `PORT` (default 8790; 0 picks a free one), `WR_EDGE_URL` and
    /// `WR_EDGE_STORE_TOKEN` (both or neither), `WR_DB_CONNECTIONS` (default 8).
    pub fn from_env() -> Result<Config, String> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let jwt_secret = var("WR_JWT_SECRET")
            .ok_or("WR_JWT_SECRET is not set: the HS256 secret of the tokens is required")?;
        let database_url = match var("DATABASE_URL") {
            Some(url) => url,
            None => {
                let dir = std::env::current_dir().map_err(|e| e.to_string())?;
                format!("sqlite://{}", dir.join("target/backend/wr.db").display())
            }
        };
        let port = match var("PORT") {
            Some(p) => p.parse().map_err(|_| format!("PORT is not a port: {p}"))?,
            None => 8790,
        };
        let connections = match var("WR_DB_CONNECTIONS") {
            Some(n) => n.parse().map_err(|_| format!("WR_DB_CONNECTIONS: {n}"))?,
            None => 8,
        };
        let (edge_url, edge_token) = (var("WR_EDGE_URL"), var("WR_EDGE_STORE_TOKEN"));
        if edge_url.is_some() != edge_token.is_some() {
            return Err("WR_EDGE_URL and WR_EDGE_STORE_TOKEN go together".into());
        }
        Ok(Config {
            database_url,
            host: var("HOST").unwrap_or_else(|| "127.0.0.1".into()),
            port,
            jwt_secret,
            edge_url,
            edge_token,
            connections,
        })
    }
}

/// The state every request shares.
pub struct App {
    pub store: Store,
    pub keys: auth::Keys,
    pub edge: Option<edge_push::Edge>,
    /// Commands on one workspace run one at a time in this process (a workspace's stripe): without
    /// it, concurrent commands would mostly do their work to lose the version check and retry. The
    /// version check stays the guarantee (several processes, one database).
    pub stripes: Vec<tokio::sync::Mutex<()>>,
}

impl App {
    fn stripe(&self, id: &str) -> &tokio::sync::Mutex<()> {
        let h = id.bytes().fold(0usize, |h, b| {
            h.wrapping_mul(31).wrapping_add(usize::from(b))
        });
        &self.stripes[h % self.stripes.len()]
    }
}

/// The router: `/healthz` and everything else through [`handle`].
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .fallback(handle)
        .with_state(app)
}

/// Opens the store and serves until SIGTERM or Ctrl-C. Prints `listening on http://host:port`
/// once it accepts connections.
pub async fn serve(config: Config) -> Result<(), String> {
    let store = Store::open(&config.database_url, config.connections).await?;
    let edge = match (&config.edge_url, &config.edge_token) {
        (Some(url), Some(token)) => Some(edge_push::Edge::new(url, token)?),
        _ => None,
    };
    let stripes = 64;
    let app = Arc::new(App {
        store,
        keys: auth::Keys::new(&config.jwt_secret),
        edge,
        stripes: (0..stripes).map(|_| tokio::sync::Mutex::new(())).collect(),
    });
    let listener = tokio::net::TcpListener::bind((config.host.as_str(), config.port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", config.host, config.port))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("listening on http://{addr}");
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|e| e.to_string())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}

/// `now` as the crate reads it: RFC 3339 in UTC with milliseconds. The service reads the clock; the
/// rules never do.
pub fn now() -> Timestamp {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    let (days, rem) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let (h, mi, s, milli) = (
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000,
    );
    let t = format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z");
    Timestamp::parse(&t).unwrap_or_else(|| unreachable_timestamp(&t))
}

fn unreachable_timestamp(t: &str) -> Timestamp {
    eprintln!("the clock gave a time the crate does not read: {t}");
    std::process::abort()
}

/// A refusal as the library writes it: `{ code, status, message, errors }` with its status.
pub fn refusal(e: &RuleError) -> Response {
    json(e.status(), text(e))
}

fn json(status: u16, body: String) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, [("content-type", "application/json")], body).into_response()
}

/// A command's answer, with the context it ran with in `x-command-context` (its `now` and ids): what
/// a client needs to run the same command on the same state elsewhere and get the same answer.
fn applied_response(status: u16, a: &Applied, ctx: &str) -> Response {
    let mut r = json(status, applied_answer(a));
    if let Ok(v) = axum::http::HeaderValue::from_str(ctx) {
        r.headers_mut().insert("x-command-context", v);
    }
    r
}

fn internal(what: &str, e: impl std::fmt::Display) -> Response {
    eprintln!("workspace-rules-backend: {what}: {e}");
    refusal(&RuleError::single(
        Code::InternalError,
        "",
        "The service failed to complete the request.",
    ))
}

fn unauthenticated() -> RuleError {
    RuleError::single(
        Code::Unauthenticated,
        "/context/actor",
        "The request carries no credentials.",
    )
}

/// A stored state, read back as the crate reads every state.
pub fn read_state(stored: &str) -> Result<WorkspaceState, RuleError> {
    let value = json_text::read(stored).map_err(|e| e.into_rule_error("/state"))?;
    state_input(&value, "/state")
}

/// The answer of a command: `{ workspace, events }`, and `call` when the command reports one.
fn applied_answer(a: &Applied) -> String {
    let mut out = format!(
        "{{\"workspace\":{},\"events\":{}",
        text(&a.state),
        text(&a.events)
    );
    if let Some(call) = &a.call {
        out.push_str(",\"call\":");
        out.push_str(&text(call));
    }
    out.push('}');
    out
}

/// The context a command runs with, as JSON text (what the log keeps): the actor, `now`, and fresh
/// ids for whatever the command creates, so that replaying the log creates the same ids.
fn context_text(actor: &Actor, now: &Timestamp, account_role: Option<&str>) -> String {
    let ids: Vec<String> = (0..4).map(|_| uuid::Uuid::new_v4().to_string()).collect();
    let mut ctx = serde_json::json!({ "actor_id": actor.user_id, "now": now.as_str(), "ids": ids });
    if let Some(email) = &actor.email {
        ctx["actor_email"] = email.clone().into();
    }
    if let Some(role) = account_role {
        ctx["account_role"] = role.into();
    }
    ctx.to_string()
}

/// Runs one logged command on a state: what a request did, done again (the replay of the log).
pub fn run_logged(state: Option<&WorkspaceState>, entry: &Logged) -> Result<Applied, RuleError> {
    let ctx_value = json_text::read(&entry.ctx).map_err(|e| e.into_rule_error("/ctx"))?;
    let Some(state) = state else {
        let body = json_text::read(entry.body.as_deref().unwrap_or("null"))
            .map_err(|e| e.into_rule_error("/body"))?;
        return create_workspace_input(&body, &ctx_value);
    };
    let request = Request {
        method: entry.method.clone(),
        path: entry.path.clone(),
        body: Json::Unsupported(Unsupported::Undefined),
        body_text: entry.body.clone(),
    };
    let mut p = workspace_rules::base::validate::Problems::new();
    let ctx = read_context(&ctx_value, "/ctx", &mut p)
        .ok_or_else(|| RuleError::many(Code::ValidationFailed, p.into_vec()))?;
    let actor = Actor {
        user_id: ctx.actor_id.clone(),
        email: ctx.actor_email.clone(),
    };
    let matched = origin::route(&request)?;
    match origin::work(&request, &matched, Some(&actor), state, &ctx.now)? {
        Work::Command(command) => apply(state, &command, &ctx),
        Work::Read(_) | Work::Audit { .. } => Err(RuleError::single(
            Code::InternalError,
            "",
            "A read in the log.",
        )),
    }
}

/// Replays a workspace's log from nothing: the state it must have.
pub fn replay(log: &[Logged]) -> Result<WorkspaceState, RuleError> {
    let mut state: Option<WorkspaceState> = None;
    for entry in log {
        state = Some(run_logged(state.as_ref(), entry)?.state);
    }
    state.ok_or_else(|| RuleError::single(Code::InternalError, "", "An empty log."))
}

/// Ids in `next` that `previous` does not hold.
fn added<'a>(
    previous: impl Iterator<Item = &'a str>,
    next: impl Iterator<Item = &'a str>,
) -> Vec<String> {
    let known: std::collections::HashSet<&str> = previous.collect();
    next.filter(|id| !known.contains(id))
        .map(str::to_owned)
        .collect()
}

/// Every request but `/healthz`.
pub async fn handle(
    State(app): State<Arc<App>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let body = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(b) => b,
        Err(_) => return (StatusCode::PAYLOAD_TOO_LARGE, "").into_response(),
    };
    // The text as `Request.text()` reads it at the edge (invalid UTF-8 replaced), so both read one text.
    let text = String::from_utf8_lossy(&body).into_owned();
    let actor = app.keys.actor(&headers);
    let path = uri
        .path_and_query()
        .map_or_else(|| uri.path().to_owned(), |p| p.as_str().to_owned());
    if uri.path() == "/v1/workspaces" {
        match method {
            Method::POST => return create(&app, actor, &text).await,
            Method::GET => return list(&app, actor).await,
            _ => {}
        }
    }
    let request = Request {
        method: method.as_str().to_owned(),
        path,
        body: Json::Unsupported(Unsupported::Undefined),
        body_text: (!text.is_empty()).then_some(text),
    };
    workspace_request(&app, actor, request, &body).await
}

async fn workspace_request(
    app: &App,
    actor: Option<Actor>,
    request: Request,
    _raw: &Bytes,
) -> Response {
    let matched = match origin::route(&request) {
        Ok(m) => m,
        Err(e) => return refusal(&e),
    };
    let id = match origin::target(&matched) {
        Target::Workspace(id) => Some(id.to_owned()),
        Target::Invitation(inv) => match app.store.holder(inv).await {
            Ok(id) => id,
            Err(e) => return internal("reading the invitations", e),
        },
    };
    let not_found = || {
        refusal(&RuleError::single(
            Code::WorkspaceNotFound,
            "/request/path",
            "No workspace is stored for this path.",
        ))
    };
    let Some(id) = id else { return not_found() };
    // Reads take no lock; a command holds its workspace's stripe from its read to its commit.
    let _turn = match request.method.as_str() {
        "GET" => None,
        _ => Some(app.stripe(&id).lock().await),
    };
    for _ in 0..ATTEMPTS {
        let (version, stored) = match app.store.load(&id).await {
            Ok(Some(row)) => row,
            Ok(None) => return not_found(),
            Err(e) => return internal("reading the workspace", e),
        };
        let state = match read_state(&stored) {
            Ok(s) => s,
            Err(e) => return internal("reading a stored state", text(&e)),
        };
        let now = now();
        let decision = check_request(&request, actor.as_ref(), &state, &now);
        if let Some(e) = &decision.error {
            return refusal(e);
        }
        let command = match origin::work(&request, &matched, actor.as_ref(), &state, &now) {
            Ok(Work::Read(answer)) => return json(200, answer),
            Ok(Work::Audit { limit }) => {
                return match app.store.audit(&id, i64::from(limit)).await {
                    Ok(events) => json(200, format!("{{\"events\":[{}]}}", events.join(","))),
                    Err(e) => internal("reading the audit", e),
                }
            }
            Ok(Work::Command(c)) => c,
            Err(e) => return refusal(&e),
        };
        // An allowed command route always has an actor: only the preview is public.
        let Some(actor) = actor.as_ref() else {
            return refusal(&unauthenticated());
        };
        let ctx_text = context_text(actor, &now, None);
        let entry = Logged {
            version: version + 1,
            method: request.method.clone(),
            path: request.path.clone(),
            body: request.body_text.clone(),
            ctx: ctx_text,
        };
        let applied = match run_command(&state, &command, &entry.ctx) {
            Ok(a) => a,
            Err(e) => return refusal(&e),
        };
        // A command that changes nothing emits nothing, and nothing is written.
        if applied.events.is_empty() {
            return applied_response(200, &applied, &entry.ctx);
        }
        let state_text = text(&applied.state);
        let events: Vec<String> = applied.events.iter().map(text).collect();
        let new_members = added(
            state.members.iter().map(|m| m.user_id.as_str()),
            applied.state.members.iter().map(|m| m.user_id.as_str()),
        );
        let new_invitations = added(
            state.invitations.iter().map(|i| i.id.as_str()),
            applied.state.invitations.iter().map(|i| i.id.as_str()),
        );
        let write = Write {
            id: &id,
            version: version + 1,
            state: &state_text,
            logged: &entry,
            events: &events,
            new_members: &new_members,
            new_invitations: &new_invitations,
        };
        match app.store.commit(&write).await {
            Ok(true) => {
                if let Some(edge) = &app.edge {
                    edge.push(&id, version + 1, &state_text).await;
                }
                return applied_response(200, &applied, &entry.ctx);
            }
            Ok(false) => backoff().await,
            Err(e) if retryable(&e) => backoff().await,
            Err(e) => return internal("writing the workspace", e),
        }
    }
    refusal(&conflict())
}

fn run_command(
    state: &WorkspaceState,
    command: &workspace_rules::Command,
    ctx_text: &str,
) -> Result<Applied, RuleError> {
    let value = json_text::read(ctx_text).map_err(|e| e.into_rule_error("/ctx"))?;
    let mut p = workspace_rules::base::validate::Problems::new();
    let ctx = read_context(&value, "/ctx", &mut p)
        .ok_or_else(|| RuleError::many(Code::ValidationFailed, p.into_vec()))?;
    apply(state, command, &ctx)
}

fn conflict() -> RuleError {
    RuleError::single(
        Code::Conflict,
        "",
        "The workspace changed while the command ran, every time it was tried; nothing was written.",
    )
}

/// Busy or serialization failures are tried again like a moved version.
fn retryable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => {
            let m = d.message();
            m.contains("locked")
                || m.contains("busy")
                || d.is_unique_violation()
                || d.code().is_some_and(|c| c == "40001" || c == "40P01")
        }
        sqlx::Error::PoolTimedOut => true,
        _ => false,
    }
}

/// A short random pause before trying again, so that contending writers spread out.
async fn backoff() {
    let jitter = u64::from(uuid::Uuid::new_v4().as_bytes()[0] % 8);
    tokio::time::sleep(std::time::Duration::from_millis(1 + jitter)).await;
}

/// `POST /v1/workspaces`: `createWorkspace(body, ctx)`. A user's first workspace is their account's
/// default (`is_default: true`); later ones pass the user's role in it as `ctx.account_role`.
async fn create(app: &App, actor: Option<Actor>, body: &str) -> Response {
    let Some(actor) = actor else {
        return refusal(&unauthenticated());
    };
    let mut input = match json_text::read(if body.is_empty() { "null" } else { body }) {
        Ok(v) => v,
        Err(e) => return refusal(&e.into_rule_error("/body")),
    };
    let _turn = app.stripe(&actor.user_id).lock().await;
    for _ in 0..ATTEMPTS {
        let default = match app.store.default_workspace(&actor.user_id).await {
            Ok(d) => d,
            Err(e) => return internal("reading the account", e),
        };
        let account_role = match &default {
            None => {
                if let Json::Object(entries) = &mut input {
                    entries.retain(|(k, _)| k != "is_default");
                    entries.push(("is_default".into(), Json::Bool(true)));
                }
                None
            }
            Some(ws) => match app.store.load(ws).await {
                Ok(Some((_, stored))) => match read_state(&stored) {
                    Ok(state) => Lookup::scan(&state).active_role(&actor.user_id),
                    Err(e) => return internal("reading a stored state", text(&e)),
                },
                Ok(None) => None,
                Err(e) => return internal("reading the default workspace", e),
            },
        };
        let now = now();
        let ctx = context_text(&actor, &now, account_role.map(|r| r.as_str()));
        let ctx_value = match json_text::read(&ctx) {
            Ok(v) => v,
            Err(e) => return internal("writing a context", text(&e.into_rule_error("/ctx"))),
        };
        let applied = match create_workspace_input(&input, &ctx_value) {
            Ok(a) => a,
            Err(e) => return refusal(&e),
        };
        let id = applied.state.workspace.id.clone();
        let state_text = text(&applied.state);
        let events: Vec<String> = applied.events.iter().map(text).collect();
        let members: Vec<String> = applied
            .state
            .members
            .iter()
            .map(|m| m.user_id.clone())
            .collect();
        let entry = Logged {
            version: 1,
            method: "POST".into(),
            path: "/v1/workspaces".into(),
            body: Some(text(&input)),
            ctx,
        };
        let write = Write {
            id: &id,
            version: 1,
            state: &state_text,
            logged: &entry,
            events: &events,
            new_members: &members,
            new_invitations: &[],
        };
        let account_of = default.is_none().then_some(actor.user_id.as_str());
        match app.store.create(&write, now.as_str(), account_of).await {
            Ok(true) => {
                if let Some(edge) = &app.edge {
                    edge.push(&id, 1, &state_text).await;
                }
                return applied_response(201, &applied, &entry.ctx);
            }
            Ok(false) => backoff().await,
            Err(e) if retryable(&e) => backoff().await,
            Err(e) => return internal("writing the workspace", e),
        }
    }
    refusal(&conflict())
}

/// `GET /v1/workspaces`: `listWorkspaces` of the caller's memberships, as `{ workspaces }`.
async fn list(app: &App, actor: Option<Actor>) -> Response {
    let Some(actor) = actor else {
        return refusal(&unauthenticated());
    };
    let states = match app.store.states_of(&actor.user_id).await {
        Ok(s) => s,
        Err(e) => return internal("reading the memberships", e),
    };
    let mut memberships = Vec::with_capacity(states.len());
    for stored in &states {
        let state = match read_state(stored) {
            Ok(s) => s,
            Err(e) => return internal("reading a stored state", text(&e)),
        };
        if let Some(m) = state.members.iter().find(|m| m.user_id == actor.user_id) {
            memberships.push(Membership {
                workspace: state.workspace.clone(),
                role: m.role,
                status: m.status,
            });
        }
    }
    json(
        200,
        format!(
            "{{\"workspaces\":{}}}",
            text(&list_workspaces(&memberships))
        ),
    )
}
