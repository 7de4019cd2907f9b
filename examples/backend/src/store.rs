//! Storage through sqlx's `Any` driver: one code path for SQLite and PostgreSQL, chosen by the URL.
//! Every statement is portable SQL with `$n` parameters, which both drivers read.

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};

/// The embedded migrations (`migrations/`), run at start.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

pub type DbResult<T> = Result<T, sqlx::Error>;

/// One entry of the command log: the request that ran and the context it ran with.
#[derive(Clone, Debug, PartialEq)]
pub struct Logged {
    pub version: i64,
    pub method: String,
    pub path: String,
    pub body: Option<String>,
    pub ctx: String,
}

/// A write: the new state at `version`, the command that made it and its events.
pub struct Write<'a> {
    pub id: &'a str,
    pub version: i64,
    pub state: &'a str,
    pub logged: &'a Logged,
    pub events: &'a [String],
    /// User ids and invitation ids the new state holds that the old one did not.
    pub new_members: &'a [String],
    pub new_invitations: &'a [String],
}

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
}

/// `sqlite:` URLs open (and create) a file; the folder is created too.
fn prepare_url(url: &str) -> std::io::Result<String> {
    let Some(rest) = url.strip_prefix("sqlite:") else {
        return Ok(url.to_owned());
    };
    let path = rest.trim_start_matches("//");
    let file = path.split('?').next().unwrap_or("");
    if !file.is_empty() && file != ":memory:" {
        if let Some(dir) = std::path::Path::new(file).parent() {
            std::fs::create_dir_all(dir)?;
        }
    }
    Ok(if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    })
}

impl Store {
    /// Connects, creates the database file if it is a missing SQLite file, and runs the migrations.
    pub async fn open(url: &str, connections: u32) -> Result<Store, String> {
        sqlx::any::install_default_drivers();
        let url =
            prepare_url(url).map_err(|e| format!("cannot create the database folder: {e}"))?;
        let pool = AnyPoolOptions::new()
            .max_connections(connections)
            .connect(&url)
            .await
            .map_err(|e| format!("cannot open the database: {e}"))?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| format!("cannot migrate the database: {e}"))?;
        Ok(Store { pool })
    }

    /// The state of workspace `id` and its version.
    pub async fn load(&self, id: &str) -> DbResult<Option<(i64, String)>> {
        let row = sqlx::query("SELECT version, state FROM workspaces WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).transpose()
    }

    /// The workspace holding invitation `id`.
    pub async fn holder(&self, invitation_id: &str) -> DbResult<Option<String>> {
        let row = sqlx::query("SELECT workspace_id FROM invitations WHERE id = $1")
            .bind(invitation_id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| r.try_get(0)).transpose()
    }

    /// The user's default workspace, if the account has one.
    pub async fn default_workspace(&self, user_id: &str) -> DbResult<Option<String>> {
        let row = sqlx::query("SELECT default_workspace_id FROM accounts WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| r.try_get(0)).transpose()
    }

    /// The states of the workspaces whose members include the user, oldest first.
    pub async fn states_of(&self, user_id: &str) -> DbResult<Vec<String>> {
        let rows = sqlx::query(
            "SELECT w.state FROM memberships m JOIN workspaces w ON w.id = m.workspace_id \
             WHERE m.user_id = $1 ORDER BY w.created_at, w.id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| r.try_get(0)).collect()
    }

    /// The newest `limit` events of the workspace, newest first.
    pub async fn audit(&self, id: &str, limit: i64) -> DbResult<Vec<String>> {
        let rows = sqlx::query(
            "SELECT event FROM audit_events WHERE workspace_id = $1 \
             ORDER BY version DESC, seq DESC LIMIT $2",
        )
        .bind(id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| r.try_get(0)).collect()
    }

    /// The command log of a workspace, in version order.
    pub async fn log(&self, id: &str) -> DbResult<Vec<Logged>> {
        let rows = sqlx::query(
            "SELECT version, method, path, body, ctx FROM commands WHERE workspace_id = $1 ORDER BY version",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(logged).collect()
    }

    /// Every workspace id, in creation order.
    pub async fn workspace_ids(&self) -> DbResult<Vec<String>> {
        let rows = sqlx::query("SELECT id FROM workspaces ORDER BY created_at, id")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| r.try_get(0)).collect()
    }

    /// Writes a new workspace (version 1) and, for a first workspace, the account naming it its
    /// default. `Ok(false)` when the account or the id exists already (another request won).
    pub async fn create(
        &self,
        w: &Write<'_>,
        created_at: &str,
        account_of: Option<&str>,
    ) -> DbResult<bool> {
        let mut tx = self.pool.begin().await?;
        if let Some(user) = account_of {
            let done = sqlx::query(
                "INSERT INTO accounts (user_id, default_workspace_id) VALUES ($1, $2) \
                 ON CONFLICT (user_id) DO NOTHING",
            )
            .bind(user)
            .bind(w.id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                tx.rollback().await?;
                return Ok(false);
            }
        }
        let done = sqlx::query(
            "INSERT INTO workspaces (id, version, created_at, state) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(w.id)
        .bind(w.version)
        .bind(created_at)
        .bind(w.state)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        append(&mut tx, w).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Writes the new state if the stored version is still `w.version - 1`, with its log entry and
    /// events, in one transaction. `Ok(false)`: the version moved, nothing was written.
    pub async fn commit(&self, w: &Write<'_>) -> DbResult<bool> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE workspaces SET version = $1, state = $2 WHERE id = $3 AND version = $4",
        )
        .bind(w.version)
        .bind(w.state)
        .bind(w.id)
        .bind(w.version - 1)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        append(&mut tx, w).await?;
        tx.commit().await?;
        Ok(true)
    }
}

fn logged(r: &AnyRow) -> DbResult<Logged> {
    Ok(Logged {
        version: r.try_get(0)?,
        method: r.try_get(1)?,
        path: r.try_get(2)?,
        body: r.try_get(3)?,
        ctx: r.try_get(4)?,
    })
}

/// The append-only rows of a write: the log entry, the events, the new index entries.
async fn append(tx: &mut sqlx::Transaction<'_, sqlx::Any>, w: &Write<'_>) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO commands (workspace_id, version, method, path, body, ctx) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(w.id)
    .bind(w.version)
    .bind(&w.logged.method)
    .bind(&w.logged.path)
    .bind(w.logged.body.as_deref())
    .bind(&w.logged.ctx)
    .execute(&mut **tx)
    .await?;
    for (seq, event) in w.events.iter().enumerate() {
        sqlx::query(
            "INSERT INTO audit_events (workspace_id, version, seq, event) VALUES ($1, $2, $3, $4)",
        )
        .bind(w.id)
        .bind(w.version)
        .bind(seq as i64)
        .bind(event)
        .execute(&mut **tx)
        .await?;
    }
    for user in w.new_members {
        sqlx::query(
            "INSERT INTO memberships (user_id, workspace_id) VALUES ($1, $2) ON CONFLICT (user_id, workspace_id) DO NOTHING",
        )
        .bind(user)
        .bind(w.id)
        .execute(&mut **tx)
        .await?;
    }
    for inv in w.new_invitations {
        sqlx::query(
            "INSERT INTO invitations (id, workspace_id) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
        )
        .bind(inv)
        .bind(w.id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
