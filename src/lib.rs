//! # workspace-rules
//!
//! The domain rules of workspaces in voice-AI agent platforms (roles and permissions, membership,
//! invitations, voice settings, request checks…), written once in Rust and compiled both natively and to
//! WebAssembly, so a Rust backend, a browser and an edge worker give the same answer to the same question.
//!
//! The rules live in plain modules with no WebAssembly dependency. The JavaScript boundary is the
//! `wasm` module, compiled only for `wasm32`.
//!
//! ```
//! use workspace_rules::{can, Action, Role};
//!
//! let role: Role = "admin".parse()?;
//! assert!(can(role, Action::MembersInvite));
//! assert!(!can(role, "workspace.archive".parse()?));
//! # Ok::<(), workspace_rules::RuleError>(())
//! ```

pub mod base;
pub mod boundary;
pub mod edge;
pub mod text;
pub mod voice;
pub mod workspace;

pub use base::error::{Code, Problem, RuleError};
pub use base::json::Json;
pub use boundary::api;
pub use workspace::commands::{apply, Applied, Command};
pub use workspace::context::Context;
pub use workspace::roles::{can, Action, Role};
pub use workspace::state::WorkspaceState;
