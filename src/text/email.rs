//! Email addresses as the rules compare and store them (`docs/rules/invitations.md#invite`): trimmed
//! and lowercased, and the shape check an invitation's address must pass. Used by invitations, the
//! state reader and acceptance alike, so one spelling of a mailbox is compared one way everywhere.

/// Emails are compared and stored trimmed and lowercased (Unicode lowercasing, as JavaScript's
/// `toLowerCase`: [`crate::text::lowercase`]) — except that a character that is not ASCII never
/// lowercases into ASCII: the Kelvin sign `U+212A` (the only such character; a test checks every one)
/// is kept as it is, so `"\u{212A}im@example.com"` is not `kim@example.com`
/// (`docs/rules/invitations.md#emails`). An ASCII mailbox spelled with a lookalike is another address
/// on the wire, and must not answer the ASCII one's invitation.
pub fn normalize_email(email: &str) -> String {
    let mut out = String::with_capacity(email.len());
    // One call of the lowercasing (inlined where it is called), between the kept characters.
    for (i, piece) in email.trim().split(KEPT).enumerate() {
        if i > 0 {
            out.push(KEPT);
        }
        out.push_str(&super::lowercase::lowercase(piece));
    }
    out
}

/// The one character that is not ASCII and lowercases to ASCII alone (`K`, the Kelvin sign → `k`).
const KEPT: char = '\u{212A}';

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

#[cfg(test)]
mod tests {
    use super::*;

    /// Why only the Kelvin sign is kept: it is the one character that is not ASCII and lowercases
    /// to nothing but ASCII (`İ` lowercases to `i` + `U+0307`, not ASCII).
    #[test]
    fn only_the_kelvin_sign_lowercases_into_ascii() {
        let crossing: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(crossing, [KEPT]);
    }

    #[test]
    fn a_lookalike_of_an_ascii_mailbox_is_another_address() {
        assert_eq!(
            normalize_email("\u{212A}im@example.com"),
            "\u{212A}im@example.com"
        );
        assert_ne!(
            normalize_email("\u{212A}im@example.com"),
            normalize_email("kim@example.com")
        );
        assert_eq!(
            normalize_email(" \u{212A}IM@EXAMPLE.COM\u{212A} "),
            "\u{212A}im@example.com\u{212A}"
        );
        assert_eq!(normalize_email("KIM@Example.com"), "kim@example.com");
        assert_eq!(
            normalize_email("JÖRG@Bücher.example"),
            "jörg@bücher.example"
        );
        assert_eq!(normalize_email("İ@x.tr"), "i\u{307}@x.tr");
    }
}
