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
//! use workspace_rules::roles::{can, Action, Role};
//!
//! let role: Role = "admin".parse()?;
//! assert!(can(role, Action::MembersInvite));
//! assert!(!can(role, "workspace.archive".parse()?));
//! # Ok::<(), workspace_rules::RuleError>(())
//! ```

pub mod api;
pub mod audit;
pub mod char_tables;
pub mod commands;
pub mod context;
pub mod error;
pub mod folds;
pub mod index;
pub mod invitations;
pub mod json;
pub mod keyterms;
pub mod lifecycle;
pub mod lowercase;
pub mod marks;
pub mod membership;
pub mod minutes;
pub mod names;
pub mod requests;
pub mod roles;
pub mod slug;
pub mod state;
pub mod test_numbers;
pub mod text;
pub mod timestamp;
pub mod tone;
pub mod validate;
pub mod voice;
pub mod workspaces;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use commands::{apply, Applied, Command};
pub use context::Context;
pub use error::{Code, Problem, RuleError};
pub use json::Json;
pub use roles::{can, Action, Role};
pub use state::WorkspaceState;
