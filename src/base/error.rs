//! The one error model of the library.
//!
//! Every refusal, in Rust and in JavaScript, is a [`RuleError`]: a stable snake_case `code`, the HTTP
//! status an API would answer with, one human sentence, and the full list of problems, each with its
//! own code, message and JSON Pointer `path` into the input (`""` is the whole input). A refusal with a
//! single cause carries a list of one. The codes are an enum, so a code cannot be misspelled and the
//! list of codes is this file.

use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::fmt;

/// Declares [`Code`] with its wire name and HTTP status in one table.
macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $status:literal;)+) => {
        /// Every error code the library can answer with (`code` on the wire).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code { $($(#[$doc])* $variant,)+ }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            /// The stable snake_case identifier sent on the wire.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)+ }
            }

            /// The HTTP status an API answers with when this code is the refusal.
            pub const fn status(self) -> u16 {
                match self { $(Code::$variant => $status,)+ }
            }
        }
    };
}

codes! {
    // `docs/rules/roles.md` roles and permissions
    /// The actor's role does not allow the action.
    Forbidden = "forbidden", 403;
    /// The actor is not an active member; a non-member learns nothing about the workspace.
    NotAMember = "not_a_member", 404;
    /// Granting (inviting to, changing to) a role above the actor's own.
    CannotGrantHigherRole = "cannot_grant_higher_role", 403;
    /// Changing or removing a member whose rank is above the actor's.
    CannotModifyHigherRole = "cannot_modify_higher_role", 403;
    /// The command would leave the workspace without an active owner.
    LastOwner = "last_owner", 409;
    /// A capabilities entry only: changing a member to the role they have (`apply` changes nothing).
    NoChange = "no_change", 409;
    /// A role name that is not `owner`, `admin` or `member`.
    UnknownRole = "unknown_role", 400;
    /// An action name that is not in the permission matrix.
    UnknownAction = "unknown_action", 400;
    /// No member with that user id.
    MemberNotFound = "member_not_found", 404;
    /// The workspace is archived: nothing may happen in it.
    WorkspaceArchived = "workspace_archived", 410;
    // `docs/rules/workspace.md` the aggregate
    /// The input state breaks an invariant; `errors` lists every problem.
    InvalidState = "invalid_state", 422;
    // Validation (`docs/rules/voice-settings.md`, `docs/rules/lifecycle.md`, `docs/rules/requests.md`): the refusal code when an input has one or more problems.
    /// An input failed validation; `errors` lists every problem.
    ValidationFailed = "validation_failed", 422;
    /// A key the input type does not have.
    UnknownField = "unknown_field", 422;
    /// A value of the wrong JSON type (also NaN, ±Infinity, undefined, BigInt, symbols, functions).
    InvalidType = "invalid_type", 400;
    /// A number outside its inclusive bounds.
    OutOfRange = "out_of_range", 422;
    /// A list longer than its cap.
    TooManyItems = "too_many_items", 422;
    /// A string longer than its cap.
    TooLong = "too_long", 422;
    /// A string that is empty after normalization.
    EmptyValue = "empty_value", 422;
    /// JSON text with a key given twice in one object (`docs/rules/requests.md`).
    DuplicateKey = "duplicate_key", 400;
    /// Text that is not JSON, where JSON text is expected (a request's `body_text`).
    InvalidJson = "invalid_json", 400;
    /// A value outside an enumeration.
    InvalidValue = "invalid_value", 422;
    /// A language tag that is not well-formed BCP-47.
    InvalidLanguageTag = "invalid_language_tag", 422;
    // `docs/rules/lifecycle.md` lifecycle
    /// Knowledge bases are created in the default workspace only.
    DefaultWorkspaceOnly = "default_workspace_only", 403;
    /// The default workspace cannot be archived or deleted.
    DefaultWorkspaceProtected = "default_workspace_protected", 409;
    /// The archive confirmation does not equal the slug.
    SlugMismatch = "slug_mismatch", 422;
    /// The delete confirmation does not equal the name.
    NameMismatch = "name_mismatch", 422;
    /// Outbound calling is switched off for the workspace.
    OutboundDisabled = "outbound_disabled", 403;
    /// An allocation exceeds the minutes its source has.
    InsufficientMinutes = "insufficient_minutes", 409;
    // `docs/rules/credits.md` credit allowances
    /// `record_usage` in a workspace without a credit allowance.
    NoCreditAllowance = "no_credit_allowance", 409;
    /// Outbound calls under a hard limit with no credits remaining in the period.
    CreditsExhausted = "credits_exhausted", 402;
    /// An amount that would reach 2^53, past what JSON numbers carry exactly.
    TooLarge = "too_large", 422;
    // `docs/rules/invitations.md` invitations
    /// An address that does not look like an email.
    InvalidEmail = "invalid_email", 422;
    /// The invitee is already an active member.
    AlreadyMember = "already_member", 409;
    /// No invitation with that id.
    InvitationNotFound = "invitation_not_found", 404;
    /// The actor's verified email is not the invited one.
    EmailMismatch = "email_mismatch", 403;
    /// The invitation is past its expiry.
    InvitationExpired = "invitation_expired", 410;
    /// The invitation is no longer pending.
    InvitationNotPending = "invitation_not_pending", 409;
    // `docs/rules/requests.md` request checks
    /// No route matches the method and path.
    UnknownRoute = "unknown_route", 404;
    /// The request carries no credentials.
    Unauthenticated = "unauthenticated", 401;
    /// The path names another workspace than the state's.
    WorkspaceMismatch = "workspace_mismatch", 404;
    /// A prepared workspace used after `free()` (or lost when the module was reset after an
    /// internal error): prepare the state again.
    PreparedWorkspaceFreed = "prepared_workspace_freed", 410;
    // `docs/rules/commands.md` ids
    /// An id from `ctx.ids` that the workspace already uses for a record.
    IdInUse = "id_in_use", 409;
    // `docs/guides/backend.md` an origin's refusals
    /// No workspace is stored under the id the request names (the origin's or the edge's store).
    WorkspaceNotFound = "workspace_not_found", 404;
    /// The workspace changed under the command every time it was tried: nothing was written; try again.
    Conflict = "conflict", 409;
    // The library itself
    /// A bug in the library; reported instead of a crash.
    InternalError = "internal_error", 500;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One problem with an input: what is wrong (`code`, `message`) and where (`path`, a JSON Pointer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub code: Code,
    pub message: String,
    pub path: String,
}

impl Problem {
    pub fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            code,
            message: message.into(),
            path: path.into(),
        }
    }
}

/// Wire order: `code`, `message`, `path`.
impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Problem", 3)?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("message", &self.message)?;
        st.serialize_field("path", &self.path)?;
        st.end()
    }
}

/// A refusal: the Rust side of JavaScript's `WorkspaceRulesError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    pub code: Code,
    pub message: String,
    pub errors: Vec<Problem>,
}

impl RuleError {
    /// A refusal with one cause: the list holds that one problem.
    pub fn single(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        let problem = Problem::new(code, path, message);
        RuleError {
            code,
            message: problem.message.clone(),
            errors: vec![problem],
        }
    }

    /// A refusal that gathers every problem found in an input (`validation_failed`, `invalid_state`).
    /// The summary sentence names the first problem and how many there are.
    pub fn many(code: Code, problems: Vec<Problem>) -> Self {
        let message = match problems.as_slice() {
            [] => "The input is invalid.".to_owned(),
            [one] => one.message.clone(),
            [first, rest @ ..] => {
                let more = if rest.len() == 1 {
                    "problem"
                } else {
                    "problems"
                };
                format!("{} (and {} more {more})", first.message, rest.len())
            }
        };
        RuleError {
            code,
            message,
            errors: problems,
        }
    }

    /// The same refusal with every problem's path moved under `prefix` (a patch validated on its own,
    /// reported inside a command: `/speed` → `/command/patch/speed`).
    pub fn under(mut self, prefix: &str) -> Self {
        for problem in &mut self.errors {
            problem.path.insert_str(0, prefix);
        }
        self
    }

    /// The HTTP status of this refusal.
    pub fn status(&self) -> u16 {
        self.code.status()
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for RuleError {}

/// Wire order: `code`, `status`, `message`, `errors`.
impl Serialize for RuleError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("RuleError", 4)?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("status", &self.status())?;
        st.serialize_field("message", &self.message)?;
        st.serialize_field("errors", &self.errors)?;
        st.end()
    }
}

/// Appends `/segment` to a JSON Pointer (RFC 6901, the paths of problems), escaping `~` as `~0` and
/// `/` as `~1`; a segment without them (nearly every one: field names, indexes) is copied whole.
pub fn push_segment(out: &mut String, segment: &str) {
    out.push('/');
    if !segment.bytes().any(|b| b == b'~' || b == b'/') {
        out.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case_with_api_statuses() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            let name = code.as_str();
            assert!(seen.insert(name), "duplicate code {name}");
            assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert!([400, 401, 402, 403, 404, 409, 410, 422, 500].contains(&code.status()));
        }
    }

    #[test]
    fn spec_statuses() {
        assert_eq!(Code::Forbidden.status(), 403);
        assert_eq!(Code::NotAMember.status(), 404);
        assert_eq!(Code::LastOwner.status(), 409);
        assert_eq!(Code::UnknownRole.status(), 400);
        assert_eq!(Code::UnknownAction.status(), 400);
        assert_eq!(Code::WorkspaceArchived.status(), 410);
        assert_eq!(Code::Unauthenticated.status(), 401);
        assert_eq!(Code::NoCreditAllowance.status(), 409);
        assert_eq!(Code::CreditsExhausted.status(), 402);
    }

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        let mut path = String::new();
        push_segment(&mut path, "keyterms");
        push_segment(&mut path, "3");
        assert_eq!(path, "/keyterms/3");
        push_segment(&mut path, "a/b");
        push_segment(&mut path, "c~d");
        assert_eq!(path, "/keyterms/3/a~1b/c~0d");
    }

    #[test]
    fn many_summarises_the_first_problem() {
        let e = RuleError::many(
            Code::ValidationFailed,
            vec![
                Problem::new(
                    Code::OutOfRange,
                    "/speed",
                    "speed must be between 0.5 and 2.",
                ),
                Problem::new(Code::UnknownField, "/x", "x is not a field."),
            ],
        );
        assert_eq!(
            e.message,
            "speed must be between 0.5 and 2. (and 1 more problem)"
        );
        assert_eq!(e.status(), 422);
    }
}

/// The JSON Schema of these types (feature `schema`).
#[cfg(feature = "schema")]
mod schema {
    use super::*;
    use crate::base::schema::names;
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for Code {
        fn schema_name() -> Cow<'static, str> {
            "ErrorCode".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            let codes: Vec<&str> = Self::ALL.iter().map(|c| c.as_str()).collect();
            names(
                "Every error code, in the order of the table of error codes; `catalog().error_codes` has each with its status.",
                &codes,
            )
        }
    }

    impl JsonSchema for Problem {
        fn schema_name() -> Cow<'static, str> {
            "WorkspaceRulesProblem".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "One problem of a refusal: what is wrong and where (a JSON Pointer into the input; \"\" = all of it).",
                "type": "object",
                "properties": {
                    "code": g.subschema_for::<Code>(),
                    "message": { "type": "string" },
                    "path": { "type": "string" },
                },
                "required": ["code", "message", "path"],
                "additionalProperties": false,
            })
        }
    }

    impl JsonSchema for RuleError {
        fn schema_name() -> Cow<'static, str> {
            "RuleErrorData".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "A refusal as data (the fields of a WorkspaceRulesError): a stable code, its HTTP status, a human message, and every problem.",
                "type": "object",
                "properties": {
                    "code": g.subschema_for::<Code>(),
                    "status": { "type": "integer", "minimum": 400, "maximum": 599 },
                    "message": { "type": "string" },
                    "errors": { "type": "array", "items": g.subschema_for::<Problem>() },
                },
                "required": ["code", "status", "message", "errors"],
                "additionalProperties": false,
            })
        }
    }
}
