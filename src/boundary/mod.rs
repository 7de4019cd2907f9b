//! The crate's answers by JavaScript name: the export table with JSON text in and out ([`api`]),
//! shared by the WebAssembly module, the native vector runner and native backends; the prepared
//! workspaces the package holds ([`prepared`]); and the
//! WebAssembly boundary itself (`wasm`, compiled only for `wasm32`), the only module that knows
//! JavaScript. Neither decides a rule: each converts, delegates and converts back.

pub mod api;
pub mod catalog;
pub mod prepared;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(target_arch = "wasm32")]
mod wasm;
