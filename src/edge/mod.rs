//! What an edge decides before a request reaches the backend: request checks and the route table
//! ([`requests`], `docs/rules/requests.md`), the same checks on a workspace read once
//! ([`prepared`]), switching the active workspace ([`switching`]), and, natively, what an origin
//! behind the edge does with an allowed request ([`origin`]: the route's command or read).

#[cfg(not(target_arch = "wasm32"))]
pub mod origin;
pub mod prepared;
pub mod requests;
#[cfg(feature = "schema")]
pub mod schema;
pub mod switching;
