//! Each new state pushed to an edge worker's store (`PUT {WR_EDGE_URL}/_store/workspaces/{id}` with
//! `Bearer WR_EDGE_STORE_TOKEN`, as `examples/edge-worker/worker.js` takes it), before the command is
//! answered, so that the next request through the edge is decided on the state it produced. Pushes are
//! made one at a time and never of an older version than the last one pushed. A failed push is
//! logged; the command stands (the database is the truth; see docs/guides/backend.md).

use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use std::collections::HashMap;
use tokio::sync::Mutex;

pub struct Edge {
    host: String,
    port: u16,
    token: String,
    pushed: Mutex<HashMap<String, i64>>,
}

impl Edge {
    /// `url`: `http://host:port` (plain HTTP to a local or sidecar edge).
    pub fn new(url: &str, token: &str) -> Result<Edge, String> {
        let rest = url
            .strip_prefix("http://")
            .ok_or_else(|| format!("WR_EDGE_URL must be http://host:port: {url}"))?;
        let rest = rest.trim_end_matches('/');
        let (host, port) = match rest.rsplit_once(':') {
            Some((h, p)) => (
                h,
                p.parse().map_err(|_| format!("WR_EDGE_URL port: {url}"))?,
            ),
            None => (rest, 80),
        };
        Ok(Edge {
            host: host.to_owned(),
            port,
            token: token.to_owned(),
            pushed: Mutex::new(HashMap::new()),
        })
    }

    pub async fn push(&self, id: &str, version: i64, state: &str) {
        let mut pushed = self.pushed.lock().await;
        if pushed.get(id).is_some_and(|&v| v >= version) {
            return;
        }
        match self.put(id, state).await {
            Ok(()) => {
                pushed.insert(id.to_owned(), version);
            }
            Err(e) => {
                eprintln!("workspace-rules-backend: pushing {id} v{version} to the edge: {e}")
            }
        }
    }

    async fn put(&self, id: &str, state: &str) -> Result<(), String> {
        let stream = tokio::net::TcpStream::connect((self.host.as_str(), self.port))
            .await
            .map_err(|e| e.to_string())?;
        let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| e.to_string())?;
        tokio::spawn(conn);
        let request = hyper::Request::put(format!("/_store/workspaces/{id}"))
            .header("host", format!("{}:{}", self.host, self.port))
            .header("authorization", format!("Bearer {}", self.token))
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(state.to_owned())))
            .map_err(|e| e.to_string())?;
        let response = sender
            .send_request(request)
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?;
        if status.is_success() {
            Ok(())
        } else {
            Err(format!(
                "{status}: {}",
                String::from_utf8_lossy(&body.to_bytes())
            ))
        }
    }
}
