//! `workspace-rules-backend`: configured from the environment (`Config::from_env`; `WR_JWT_SECRET`
//! is required), serves on `HOST:PORT` (default 127.0.0.1:8790) until SIGTERM or Ctrl-C.

#[tokio::main]
async fn main() {
    let config = match workspace_rules_backend::Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("workspace-rules-backend: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = workspace_rules_backend::serve(config).await {
        eprintln!("workspace-rules-backend: {e}");
        std::process::exit(1);
    }
}
