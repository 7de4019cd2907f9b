//! The workspace aggregate and every rule that changes it: roles and permissions ([`roles`]), the
//! state and its validation ([`state`]), the call context ([`context`]), audit events ([`audit`]),
//! the command engine ([`commands`]) and the rules it dispatches to — membership ([`membership`]),
//! invitations ([`invitations`]), lifecycle ([`lifecycle`]), prepaid minutes ([`minutes`]), credit
//! allowances ([`credits`], their commands in [`credit_commands`]) and test caller numbers
//! ([`test_numbers`]), and the voice-settings command ([`voice_settings`]); records found by id, by
//! scan or through an index ([`lookup`]). The rulebook pages: `docs/rules/roles.md`, `workspace.md`,
//! `lifecycle.md`, `invitations.md`, `commands.md`.

pub mod audit;
pub mod capabilities;
pub mod commands;
pub mod context;
pub mod credit_commands;
pub mod credits;
pub mod invitations;
pub mod lifecycle;
pub mod lookup;
pub mod membership;
pub mod minutes;
pub mod roles;
#[cfg(feature = "schema")]
pub mod schema;
pub mod state;
pub mod test_numbers;
pub mod voice_settings;
