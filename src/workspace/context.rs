//! The context of a call (`docs/rules/commands.md`): who acts, when, and where new ids come from.
//!
//! `ctx` is `{ actor_id, actor_email?, now, ids?, account_role? }`. Time is never read from a clock:
//! `now` is required. New ids (a workspace, an invitation) are taken from `ids` in order while it
//! lasts, then generated as v4 UUIDs (in WebAssembly from the platform's `crypto.getRandomValues`), so
//! a caller that passes enough ids gets byte-identical answers on every host.

use crate::base::error::RuleError;
use crate::base::json::Json;
use crate::base::timestamp::Timestamp;
use crate::base::validate::{
    child, field, list, no_unknown_fields, nullable, object, string, timestamp, uuid, Problems,
};
use crate::workspace::roles::Role;
use std::cell::Cell;

/// A validated context.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Context {
    #[cfg_attr(feature = "schema", schemars(with = "crate::base::schema::Uuid"))]
    pub actor_id: String,
    /// The actor's verified email. Accepting or declining an invitation needs it: without it (absent or
    /// null) they are refused as incomplete input, `validation_failed` (422) with `invalid_type` at
    /// `/ctx/actor_email`, never `email_mismatch`.
    pub actor_email: Option<String>,
    pub now: Timestamp,
    /// Ids to use, in order, for what the call creates.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<Vec<crate::base::schema::Uuid>>", length(max = 10_000))
    )]
    pub ids: Vec<String>,
    /// The actor's role in the account's default workspace (`createWorkspace` needs `owner`).
    pub account_role: Option<Role>,
    #[cfg_attr(feature = "schema", schemars(skip))]
    next_id: Cell<usize>,
}

impl Context {
    pub fn new(actor_id: impl Into<String>, now: Timestamp) -> Self {
        Context {
            actor_id: actor_id.into(),
            actor_email: None,
            now,
            ids: Vec::new(),
            account_role: None,
            next_id: Cell::new(0),
        }
    }

    pub fn with_email(mut self, email: impl Into<String>) -> Self {
        self.actor_email = Some(email.into());
        self
    }

    pub fn with_ids<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.ids = ids.into_iter().map(Into::into).collect();
        self
    }

    pub fn with_account_role(mut self, role: Role) -> Self {
        self.account_role = Some(role);
        self
    }

    /// The next id for something the call creates: the next of `ids`, else a new v4 UUID.
    pub fn next_id(&self) -> String {
        let i = self.next_id.get();
        self.next_id.set(i + 1);
        match self.ids.get(i) {
            Some(id) => id.clone(),
            None => uuid::Uuid::new_v4().hyphenated().to_string(),
        }
    }

    /// The next id for a record the call adds ([`next_id`](Self::next_id)), refused as `id_in_use`
    /// (409, at `/ctx/ids/<i>`) when it is one of `ctx.ids` and `in_use` says the workspace already
    /// uses it for a record ([`WorkspaceState::uses_id`](crate::workspace::state::WorkspaceState::uses_id)):
    /// a state holding one id twice is one the state reader refuses (`docs/rules/commands.md#ids`). A
    /// generated id that collides (never seen; 122 random bits) is drawn again.
    pub fn fresh_id_unlike(&self, in_use: &dyn Fn(&str) -> bool) -> Result<String, RuleError> {
        loop {
            let i = self.next_id.get();
            let id = self.next_id();
            if !in_use(&id) {
                return Ok(id);
            }
            if i < self.ids.len() {
                return Err(RuleError::single(
                    crate::base::error::Code::IdInUse,
                    format!("/ctx/ids/{i}"),
                    format!("The id {id} is already used in this workspace."),
                ));
            }
        }
    }

    /// Rewinds the id source, so a typed `apply` can run twice with the same context.
    pub(crate) fn rewind(&self) {
        self.next_id.set(0);
    }

    /// `now` in the library's written form (UTC, milliseconds).
    pub fn now_written(&self) -> Result<Timestamp, RuleError> {
        self.now.write().ok_or_else(|| out_of_range("/ctx/now"))
    }
}

/// A timestamp that cannot be written or moved by 7 days within years 0000–9999.
pub(crate) fn out_of_range(path: &str) -> RuleError {
    RuleError::single(
        crate::base::error::Code::OutOfRange,
        path,
        "The time is too close to the end of year 9999.",
    )
}

const CONTEXT_KEYS: &[&str] = &["actor_id", "actor_email", "now", "ids", "account_role"];

/// Reads a context found at `path` (`/ctx`), recording every problem in `p`.
pub fn read_context(value: &Json, path: &str, p: &mut Problems) -> Option<Context> {
    let e = object(value, path, p)?;
    no_unknown_fields(e, CONTEXT_KEYS, path, p);
    let at = |k: &str| child(path, k);
    let actor_id = uuid(field(e, "actor_id"), &at("actor_id"), p).map(str::to_owned);
    let actor_email = optional(
        field(e, "actor_email"),
        &at("actor_email"),
        p,
        |v, at, p| string(v, at, p).map(str::to_owned),
    );
    let now = timestamp(field(e, "now"), &at("now"), p);
    let ids = optional(field(e, "ids"), &at("ids"), p, |v, at, p| {
        let items = list(v, at, 10_000, p)?;
        items
            .iter()
            .enumerate()
            .map(|(i, id)| uuid(id, &child(at, i.to_string()), p).map(str::to_owned))
            .collect::<Vec<_>>()
            .into_iter()
            .collect::<Option<Vec<String>>>()
    });
    let account_role = optional(
        field(e, "account_role"),
        &at("account_role"),
        p,
        crate::workspace::roles::read_role,
    );
    Some(Context {
        actor_id: actor_id?,
        actor_email: actor_email?,
        now: now?,
        ids: ids?.unwrap_or_default(),
        account_role: account_role?,
        next_id: Cell::new(0),
    })
}

/// An optional key: absent or `null` is `None`.
fn optional<'a, T>(
    value: &'a Json,
    path: &str,
    p: &mut Problems,
    read: impl FnOnce(&'a Json, &str, &mut Problems) -> Option<T>,
) -> Option<Option<T>> {
    match value {
        Json::Unsupported(crate::base::json::Unsupported::Undefined) => Some(None),
        other => nullable(other, path, p, read),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_consumed_in_order_then_generated() {
        let now = Timestamp::parse("2026-11-22T10:00:00Z").unwrap();
        let ctx = Context::new("7c9e6679-7425-40de-944b-e07fc1f90ae7", now)
            .with_ids(["11111111-1111-4111-8111-111111111111"]);
        assert_eq!(ctx.next_id(), "11111111-1111-4111-8111-111111111111");
        let generated = ctx.next_id();
        assert!(crate::base::validate::is_uuid(&generated));
        assert_eq!(generated.as_bytes()[14], b'4', "a v4 UUID");
        assert_ne!(generated, ctx.next_id());
    }
}
