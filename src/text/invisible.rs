//! Characters a name, a display name or an email must not hold (`docs/rules/workspace.md#fields`,
//! `docs/rules/invitations.md#invite`): what is invisible or changes how the text around it is shown.
//!
//! - **Control characters** (General_Category `Cc`: `U+0000`–`U+001F`, `U+007F`–`U+009F`);
//! - **format characters** (`Cf`: the zero-width space `U+200B`, the direction overrides and isolates
//!   `U+202A`–`U+202E` and `U+2066`–`U+2069`, the BOM `U+FEFF`, the soft hyphen, tags…), from
//!   [`FORMAT`], a table derived from ICU4X's General_Category by the test below;
//! - **separators** other than the space `U+0020`: line and paragraph separators (`Zl`, `Zp`:
//!   `U+2028`, `U+2029`) and every other space (`Zs`: no-break, en, em, thin, ideographic…), which
//!   look like a space but compare as another character, so two names that read alike differ.
//!
//! One exception in names: ZWNJ and ZWJ (`U+200C`, `U+200D`) are part of the spelling of Persian and
//! Indic words and hold emoji sequences together, so a name may hold them between two characters that
//! are neither white space nor format characters (never at an end, never two in a row). Emails allow
//! none of these characters.

use crate::text::char_tables::{in_ranges, range};

/// The format characters (General_Category `Cf`), as ranges (ICU4X 2.2 data, Unicode 17).
#[rustfmt::skip]
const FORMAT: [u32; 21] = [
    range(0xAD, 0xAD), range(0x600, 0x605), range(0x61C, 0x61C), range(0x6DD, 0x6DD),
    range(0x70F, 0x70F), range(0x890, 0x891), range(0x8E2, 0x8E2), range(0x180E, 0x180E),
    range(0x200B, 0x200F), range(0x202A, 0x202E), range(0x2060, 0x2064), range(0x2066, 0x206F),
    range(0xFEFF, 0xFEFF), range(0xFFF9, 0xFFFB), range(0x110BD, 0x110BD), range(0x110CD, 0x110CD),
    range(0x13430, 0x1343F), range(0x1BCA0, 0x1BCA3), range(0x1D173, 0x1D17A),
    range(0xE0001, 0xE0001), range(0xE0020, 0xE007F),
];

/// Whether `c` is a format character (`Cf`).
pub fn is_format(c: char) -> bool {
    // Nothing below the soft hyphen is one; most names are there.
    u32::from(c) >= 0xAD && in_ranges(&FORMAT, c)
}

/// Whether `c` is a control, format or separator character other than `U+0020`.
fn is_hidden(c: char) -> bool {
    c != ' ' && (c.is_control() || c.is_whitespace() || is_format(c))
}

/// The first character a name (or display name) must not hold, if any (see the module's rules).
pub fn first_in_name(name: &str) -> Option<char> {
    let mut previous: Option<char> = None;
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if is_hidden(c) {
            let joiner = matches!(c, '\u{200C}' | '\u{200D}');
            let visible = |n: Option<char>| n.is_some_and(|n| !n.is_whitespace() && !is_format(n));
            if !(joiner && visible(previous) && visible(chars.peek().copied())) {
                return Some(c);
            }
        }
        previous = Some(c);
    }
    None
}

/// The first character an email must not hold, if any: any control, format or white-space
/// character.
pub fn first_in_email(email: &str) -> Option<char> {
    email.chars().find(|&c| c == ' ' || is_hidden(c))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use icu_properties::props::GeneralCategory;
    use icu_properties::CodePointMapData;

    fn category(c: char) -> GeneralCategory {
        CodePointMapData::<GeneralCategory>::new().get(c)
    }

    #[test]
    fn the_table_is_icu4xs_format_characters_on_every_char() {
        crate::text::char_tables::derive::assert_ranges(&FORMAT, |c| {
            category(c) == GeneralCategory::Format
        });
    }

    /// `is_hidden` is exactly Cc, Cf, Zs (but U+0020), Zl and Zp, on every char.
    #[test]
    fn hidden_is_control_format_and_separators_but_the_space() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let expected = c != ' '
                && matches!(
                    category(c),
                    GeneralCategory::Control
                        | GeneralCategory::Format
                        | GeneralCategory::SpaceSeparator
                        | GeneralCategory::LineSeparator
                        | GeneralCategory::ParagraphSeparator
                );
            assert_eq!(is_hidden(c), expected, "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn the_issues_names_and_emails() {
        for bad in [
            "Support \u{202E}gnp.exe",
            "Sup\u{200B}port",
            "Support\u{2028}Team",
            "\u{FEFF}Support",
            "Client\u{A0}A",
            "Client\u{3000}A",
            "a\u{0}b",
            "\u{200D}a",
            "a\u{200D}",
            "a\u{200D}\u{200D}b",
            "a \u{200C}b",
        ] {
            assert!(first_in_name(bad).is_some(), "{bad:?}");
        }
        for good in [
            "Client A Support",
            "می\u{200C}خواهم",
            "👨\u{200D}👩\u{200D}👧 Family",
            "日本語",
            "Café",
        ] {
            assert_eq!(first_in_name(good), None, "{good:?}");
        }
        for bad in [
            "eve\u{0}@example.com",
            "e\u{200B}ve@example.com",
            "\u{202E}eve@example.com",
            "eve@exa\u{200D}mple.com",
            "eve@example.com\u{FEFF}",
        ] {
            assert!(first_in_email(bad).is_some(), "{bad:?}");
        }
        assert_eq!(first_in_email("bo@example.com"), None);
        assert_eq!(first_in_email("jörg@bücher.example"), None);
    }
}
