//! What an edge decides before a request reaches the backend: request checks and the route table
//! ([`requests`], `docs/rules/requests.md`), the same checks on a workspace read once
//! ([`prepared`]), and switching the active workspace ([`switching`]).

pub mod prepared;
pub mod requests;
pub mod switching;
