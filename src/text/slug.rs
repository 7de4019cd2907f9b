//! `docs/rules/workspace.md` slugs: the URL-safe handle of a workspace (*public API*: 2–63 characters of
//! `^[a-z0-9][a-z0-9-]*[a-z0-9]$`), and `slugify`, which derives one from a name.

use crate::base::error::RuleError;
use crate::base::index::StrIndex;
use crate::base::json::{Json, Unsupported};
use crate::base::validate::{self, Problems};
use crate::text::marks::is_combining_mark;

/// The longest slug.
pub const MAX_LEN: usize = 63;
/// What `slugify` answers for a name with no letter or digit it can keep (`"!!!"`, `"日本語"`).
pub const FALLBACK: &str = "workspace";
/// At most this many taken slugs are considered (a longer list is `too_many_items`).
pub const MAX_TAKEN: usize = 10_000;

/// Whether `s` is a valid slug: 2–63 characters of `[a-z0-9-]`, starting and ending with a letter
/// or digit.
pub fn is_valid(s: &str) -> bool {
    let b = s.as_bytes();
    (2..=MAX_LEN).contains(&b.len())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
}

/// Derives a slug from a name: Unicode NFKD, combining marks stripped, lowercase, every run of other
/// characters one `-`, `-` trimmed from both ends, cut to 63. Then, to stay valid, a name with nothing
/// left becomes [`FALLBACK`] and a one-character slug gets `-` + [`FALLBACK`] appended
/// (`"A"` → `"a-workspace"`). With `taken`, the first of `slug`, `slug-2`, `slug-3`, … that is not taken,
/// cut so the suffix still fits in 63 characters.
///
/// Linear in the taken slugs (`docs/rules/workspace.md#slugs`): they are looked up in an index
/// built once, so 10,000 taken suffixes cost one pass, not one search of the list per suffix tried.
pub fn slugify(name: &str, taken: &[&str]) -> String {
    let base = valid_base(name);
    if !taken.contains(&base.as_str()) {
        return base;
    }
    let mut index = StrIndex::with_capacity(taken.len());
    for slug in taken {
        // A candidate is at most 63 characters: a longer slug is none of them.
        if slug.len() <= MAX_LEN {
            let _ = index.insert(slug);
        }
    }
    // At most `taken.len() + 1` candidates: one of them is free.
    (2..)
        .map(|n| with_suffix(&base, n))
        .find(|candidate| index.position(candidate).is_none())
        .unwrap_or(base)
}

fn valid_base(name: &str) -> String {
    let mut slug = String::new();
    let mut dash = false;
    let decomposed = crate::text::nfkd(name);
    for c in decomposed
        .chars()
        .filter(|c| !is_combining_mark(*c))
        // ASCII lowercasing is Unicode lowercasing here: after NFKD no other character lowercases
        // to an ASCII letter or digit (a test checks every one), and only those are kept.
        .map(|c| c.to_ascii_lowercase())
    {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            slug.push(c);
            if slug.len() > MAX_LEN {
                break;
            }
        } else {
            dash = true;
        }
    }
    // Cut to 63; the cut may end on a `-`, which is trimmed again. ASCII, so any index is a boundary.
    slug.truncate(MAX_LEN);
    let slug = slug.trim_end_matches('-').to_owned();
    match slug.len() {
        0 => FALLBACK.to_owned(),
        1 => format!("{slug}-{FALLBACK}"),
        _ => slug,
    }
}

/// `base-n`, with `base` cut (and its trailing `-` trimmed) so the whole fits in 63 characters.
fn with_suffix(base: &str, n: u32) -> String {
    let suffix = format!("-{n}");
    let keep = MAX_LEN.saturating_sub(suffix.len()).min(base.len());
    // A slug is ASCII, so any byte index is a character boundary.
    let cut = base.get(..keep).unwrap_or(base).trim_end_matches('-');
    format!("{cut}{suffix}")
}

/// `slugify(name, taken?)` for untyped input: `name` a string, `taken` absent, `null` or a list of at
/// most [`MAX_TAKEN`] strings. Paths: `/name`, `/taken/3`; the refusal's code is the first problem's.
pub fn slugify_input(name: &Json, taken: &Json) -> Result<String, RuleError> {
    let mut problems = Problems::new();
    // Bounded before NFKD (`docs/rules/workspace.md#slugs`).
    let name = validate::string(name, "/name", &mut problems).filter(|name| {
        validate::check_len(name, "/name", 0, crate::text::MAX_RAW_CHARS, &mut problems)
    });
    let mut names = Vec::new();
    if !matches!(
        taken,
        Json::Null | Json::Unsupported(Unsupported::Undefined)
    ) {
        for (i, item) in validate::list(taken, "/taken", MAX_TAKEN, &mut problems)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            names.extend(validate::string(
                item,
                &validate::child("/taken", i.to_string()),
                &mut problems,
            ));
        }
    }
    problems.finish_first(())?;
    Ok(slugify(name.unwrap_or_default(), &names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_examples() {
        assert_eq!(slugify("Client A Support", &[]), "client-a-support");
        assert_eq!(slugify("  Café  Crème!! ", &[]), "cafe-creme");
        assert_eq!(slugify("Ｆｕｌｌｗｉｄｔｈ １２", &[]), "fullwidth-12");
        assert_eq!(slugify("Straße", &[]), "stra-e");
        assert_eq!(slugify("日本語", &[]), FALLBACK);
        assert_eq!(slugify("A", &[]), "a-workspace");
    }

    /// Why `valid_base` may lowercase ASCII only: a character that can reach it (it is its own NFKD
    /// and not a combining mark) lowercases to an ASCII letter or digit only if it is ASCII.
    #[test]
    fn only_ascii_lowercases_to_what_a_slug_keeps_after_nfkd() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let reaches = crate::text::nfkd(c.encode_utf8(&mut [0; 4])) == c.to_string()
                && !is_combining_mark(c);
            if reaches && !c.is_ascii() {
                assert!(
                    !c.to_lowercase().any(|l| l.is_ascii_alphanumeric()),
                    "{c:?}"
                );
            }
        }
        // Those that do, before NFKD: the Kelvin sign and the capital I with a dot.
        assert_eq!(slugify("\u{212A}\u{130}", &[]), "ki");
    }

    #[test]
    fn taken_slugs_get_the_next_free_suffix() {
        assert_eq!(slugify("Support", &["support"]), "support-2");
        assert_eq!(slugify("Support", &["support", "support-2"]), "support-3");
        let long = "x".repeat(80);
        let base = "x".repeat(63);
        let got = slugify(&long, &[base.as_str()]);
        assert_eq!(got, format!("{}-2", "x".repeat(61)));
        assert!(is_valid(&got));
    }

    /// The case (10,000 taken, the documented limit): the answer is the first free suffix,
    /// and the work is counted, not timed: at most one lookup per taken slug plus one.
    #[test]
    fn ten_thousand_taken_suffixes_give_the_next_one() {
        let taken: Vec<String> = std::iter::once("support".to_owned())
            .chain((2..=MAX_TAKEN).map(|n| format!("support-{n}")))
            .collect();
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        assert_eq!(
            slugify("Support", &taken),
            format!("support-{}", MAX_TAKEN + 1)
        );
        let mut gaps = taken.clone();
        gaps.remove(5_000);
        assert_eq!(slugify("Support", &gaps), "support-5001");
    }

    #[test]
    fn the_cut_never_leaves_a_trailing_dash() {
        let name = format!("{} b", "a".repeat(62));
        assert_eq!(slugify(&name, &[]), "a".repeat(62));
        let taken = "a".repeat(62);
        assert_eq!(
            slugify(&name, &[taken.as_str()]),
            format!("{}-2", "a".repeat(61))
        );
    }

    #[test]
    fn names_too_long_to_decompose_are_refused() {
        let ok = "a".repeat(crate::text::MAX_RAW_CHARS);
        assert_eq!(
            slugify_input(&Json::from(ok.as_str()), &Json::Null),
            Ok("a".repeat(63))
        );
        let over = format!("{ok}a");
        let refused = slugify_input(&Json::from(over.as_str()), &Json::Null).unwrap_err();
        assert_eq!(
            (refused.code, refused.errors[0].path.as_str()),
            (crate::base::error::Code::TooLong, "/name")
        );
    }

    #[test]
    fn validity() {
        for good in ["ab", "a-b", "a1", "0-0"] {
            assert!(is_valid(good), "{good}");
        }
        for bad in ["a", "-ab", "ab-", "aB", "a_b", "", &"a".repeat(64)] {
            assert!(!is_valid(bad), "{bad}");
        }
    }
}
