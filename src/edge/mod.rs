//! What an edge decides before a request reaches the backend: request checks and the route table
//! ([`requests`], `docs/rules/requests.md`), and switching the active workspace ([`switching`]).

pub mod requests;
pub mod switching;
