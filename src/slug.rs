//! §2 `slugify`, as much as `createWorkspace` needs (the default slug). The lead's `slug` module
//! (with the `slugify` export) replaces this file at merge; it keeps the signature
//! `slugify(name, taken)` that `lifecycle` calls.
//!
//! Unicode NFKD, combining marks stripped, lowercased; every run of characters other than `a-z0-9`
//! becomes one `-`; `-` trimmed from both ends; cut to 63 (and trimmed again). What is left shorter
//! than 2 characters is padded: `""` → `workspace`, `"a"` → `a-workspace`. With `taken`, `-2`, `-3`,
//! … is appended (the base cut short enough to stay within 63) until the slug is free.

use crate::state::is_valid_slug;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

const MAX: usize = 63;

/// The slug for `name`, avoiding every slug in `taken`.
pub fn slugify(name: &str, taken: &[&str]) -> String {
    let mut base = String::new();
    let mut gap = false;
    let letters = name
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase);
    for c in letters {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if gap && !base.is_empty() {
                base.push('-');
            }
            gap = false;
            base.push(c);
        } else {
            gap = true;
        }
    }
    let mut base = cut(&base, MAX);
    if base.is_empty() {
        base = "workspace".to_owned();
    } else if base.len() < 2 {
        base.push_str("-workspace");
    }
    if !taken.contains(&base.as_str()) {
        return base;
    }
    (2u64..)
        .map(|n| {
            let suffix = format!("-{n}");
            format!("{}{suffix}", cut(&base, MAX - suffix.len()))
        })
        .find(|s| is_valid_slug(s) && !taken.contains(&s.as_str()))
        .unwrap_or(base)
}

/// The first `max` characters of an ASCII slug, without a trailing `-`.
fn cut(s: &str, max: usize) -> String {
    s.chars()
        .take(max)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_examples() {
        assert_eq!(slugify("Client A Support", &[]), "client-a-support");
        assert_eq!(
            slugify("  Crème Brûlée — Café!  ", &[]),
            "creme-brulee-cafe"
        );
        assert_eq!(slugify("!!!", &[]), "workspace");
        assert_eq!(slugify("A", &[]), "a-workspace");
        let long = slugify(&"ab ".repeat(40), &[]);
        assert!(long.len() <= 63 && is_valid_slug(&long), "{long}");
    }

    #[test]
    fn slugify_avoids_taken_slugs() {
        assert_eq!(slugify("Sales", &["sales"]), "sales-2");
        assert_eq!(slugify("Sales", &["sales", "sales-2"]), "sales-3");
        let base = "a".repeat(63);
        let s = slugify(&base, &[base.as_str()]);
        assert_eq!(s.len(), 63);
        assert!(s.ends_with("-2"));
    }
}
