-- The reference backend's schema, portable SQL that SQLite and PostgreSQL both read.
-- workspaces: the current state of each workspace and its version (optimistic concurrency).
CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL
);
-- commands: append-only; every command that changed a workspace, as the request that ran it and the
-- context it ran with (its `now` and ids): replaying them in version order gives the state again.
CREATE TABLE commands (
    workspace_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    body TEXT,
    ctx TEXT NOT NULL,
    PRIMARY KEY (workspace_id, version)
);
-- audit_events: append-only; the events each command emitted, in order.
CREATE TABLE audit_events (
    workspace_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (workspace_id, version, seq)
);
-- accounts: each user's default workspace (their first).
CREATE TABLE accounts (
    user_id TEXT PRIMARY KEY,
    default_workspace_id TEXT NOT NULL
);
-- Indexes of the states, for look-ups the path does not give: a user's workspaces, an invitation's.
CREATE TABLE memberships (
    user_id TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    PRIMARY KEY (user_id, workspace_id)
);
CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL
);
