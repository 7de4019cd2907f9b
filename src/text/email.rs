//! Email addresses as the rules compare and store them (`docs/rules/invitations.md#invite`): trimmed
//! and lowercased, and the shape check an invitation's address must pass. Used by invitations, the
//! state reader and acceptance alike, so one spelling of a mailbox is compared one way everywhere.

/// Emails are compared and stored trimmed and lowercased (Unicode lowercasing, as JavaScript's
/// `toLowerCase`: [`crate::text::lowercase`]).
pub fn normalize_email(email: &str) -> String {
    super::lowercase::lowercase(email.trim())
}

/// Whether a normalized email looks like an address: one `@`, a non-empty local part of at most 64
/// characters, a domain with a dot (not at either end), no white space, at most 254 characters.
pub fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    email.chars().count() <= 254
        && !email.chars().any(char::is_whitespace)
        && !domain.contains('@')
        && (1..=64).contains(&local.chars().count())
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}
