//! A backend process on 127.0.0.1 for the tests: the built binary, started with a database of its own
//! (a fresh SQLite file, or `WR_TEST_DATABASE_URL`, a PostgreSQL database every test shares: each test
//! works in workspaces and with users of its own), real tokens, real HTTP.
#![allow(dead_code)]

use jsonwebtoken::{encode, EncodingKey, Header};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

pub const SECRET: &str = "the-backend-test-secret-of-32-bytes";

pub fn database_url(name: &str) -> String {
    match std::env::var("WR_TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => {
            let dir =
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/backend-tests");
            std::fs::create_dir_all(&dir).unwrap();
            let file = dir.join(format!("{name}.db"));
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
            }
            format!("sqlite://{}", file.display())
        }
    }
}

pub struct Server {
    pub child: Child,
    pub port: u16,
    pub url: String,
}

impl Server {
    pub fn start(database_url: &str) -> Server {
        Server::start_with(database_url, &[])
    }

    pub fn start_with(database_url: &str, env: &[(&str, &str)]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_workspace-rules-backend"));
        command
            .env("WR_JWT_SECRET", SECRET)
            .env("PORT", "0")
            .env("DATABASE_URL", database_url)
            .env_remove("WR_EDGE_URL")
            .env_remove("WR_EDGE_STORE_TOKEN")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (k, v) in env {
            command.env(k, v);
        }
        let mut child = command.spawn().expect("the backend starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Server {
            child,
            port,
            url: database_url.to_owned(),
        }
    }

    pub fn send(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&str>,
    ) -> (u16, Value) {
        send(self.port, method, path, token, body)
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// One HTTP/1.1 request on its own connection; the status and the body read as JSON (`Value::Null`
/// for an empty body).
pub fn send(
    port: u16,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> (u16, Value) {
    let (status, text) = send_text(
        port,
        method,
        path,
        token.map(|t| format!("Bearer {t}")).as_deref(),
        body,
    );
    let value = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
    };
    (status, value)
}

pub fn send_text(
    port: u16,
    method: &str,
    path: &str,
    auth: Option<&str>,
    body: Option<&str>,
) -> (u16, String) {
    try_send_text(port, method, path, auth, body).expect("the server answers")
}

/// [`send_text`], `None` when the connection fails or closes without an answer (a killed server).
pub fn try_send_text(
    port: u16,
    method: &str,
    path: &str,
    auth: Option<&str>,
    body: Option<&str>,
) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    let body = body.unwrap_or("");
    let mut head = format!("{method} {path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\ncontent-length: {}\r\n", body.len());
    if let Some(a) = auth {
        head.push_str(&format!("authorization: {a}\r\n"));
    }
    if !body.is_empty() {
        head.push_str("content-type: application/json\r\n");
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).ok()?;
    s.write_all(body.as_bytes()).ok()?;
    let mut out = Vec::new();
    s.read_to_end(&mut out).ok()?;
    let out = String::from_utf8(out).ok()?;
    let status: u16 = out.split(' ').nth(1).and_then(|c| c.parse().ok())?;
    let (headers, rest) = out.split_once("\r\n\r\n").unwrap_or((&out, ""));
    let text = if headers
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(rest)
    } else {
        rest.to_owned()
    };
    Some((status, text))
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

fn epoch() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// A token signed with `secret`: `sub`, `email`, `exp` seconds from now (negative: expired).
pub fn token_with(secret: &str, claims: Value) -> String {
    encode(
        &Header::default(),
        &claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

pub fn token(sub: &str, email: &str) -> String {
    token_with(
        SECRET,
        serde_json::json!({ "sub": sub, "email": email, "exp": epoch() + 600 }),
    )
}

/// A valid token without an `email` claim: a user whose email is not verified.
pub fn unverified(sub: &str) -> String {
    token_with(
        SECRET,
        serde_json::json!({ "sub": sub, "exp": epoch() + 600 }),
    )
}

pub fn expired(sub: &str) -> String {
    token_with(
        SECRET,
        serde_json::json!({ "sub": sub, "exp": epoch() - 60 }),
    )
}

pub fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A user: an id and a token with a unique email.
pub struct User {
    pub id: String,
    pub email: String,
    pub token: String,
}

pub fn user(name: &str) -> User {
    let id = uuid();
    let email = format!("{name}-{}@example.com", &id[..8]);
    let token = token(&id, &email);
    User { id, email, token }
}

/// Creates a workspace for `u`: its id.
pub fn create(server: &Server, u: &User, name: &str) -> String {
    let (status, body) = server.send(
        "POST",
        "/v1/workspaces",
        Some(&u.token),
        Some(&format!(
            r#"{{"name":"{name}","environment":"production"}}"#
        )),
    );
    assert_eq!(status, 201, "{body}");
    body["workspace"]["workspace"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Opens the server's database and checks that each workspace's state is a serial replay of its log.
pub fn check_replay(url: &str, ids: &[String]) -> Vec<(String, usize)> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let store = workspace_rules_backend::store::Store::open(url, 2)
            .await
            .unwrap();
        let mut out = Vec::new();
        for id in ids {
            let log = store.log(id).await.unwrap();
            let replayed = workspace_rules_backend::replay(&log).unwrap();
            let (version, stored) = store.load(id).await.unwrap().unwrap();
            assert_eq!(version as usize, log.len(), "one log entry per version");
            assert_eq!(
                workspace_rules::boundary::api::text(&replayed),
                stored,
                "the replay of {id}"
            );
            // The stored state reads back as a valid state (every invariant: an active owner, …).
            workspace_rules_backend::read_state(&stored).unwrap();
            out.push((stored, log.len()));
        }
        out
    })
}

/// Waits (at most 30 s) until no session is at work in the database `url` but this one: none
/// running a statement or inside a transaction. A PostgreSQL server finishes a `COMMIT` it has
/// received even when the client that sent it was killed, so a read right after a SIGKILL may
/// precede the last write of an in-flight command. (Idle sessions — other tests' pools, or a killed
/// client's that the server has not dropped yet — have nothing left to write.) SQLite runs inside
/// the killed process, so there nothing outlives it.
pub fn settle_database(url: &str) {
    if !url.starts_with("postgres") {
        return;
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        use sqlx::Row;
        sqlx::any::install_default_drivers();
        let pool = sqlx::any::AnyPoolOptions::new()
            .max_connections(1)
            .connect(url)
            .await
            .unwrap();
        for _ in 0..3000 {
            let others: i64 = sqlx::query(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() \
                 AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state <> 'idle'",
            )
            .fetch_one(&pool)
            .await
            .unwrap()
            .get(0);
            if others == 0 {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("sessions still at work in the database after 30 s");
    });
}
