//! BCP 47 language tags (RFC 5646, section 2.1): whether a tag is well-formed, and its canonical case
//! (`en-us` → `en-US`, `zh-hant-tw` → `zh-Hant-TW`), for the `language` voice setting
//! (`docs/rules/voice-settings.md`).
//!
//! The rules are those of the crate `oxilangtag` 0.1, which read tags here before (it was 0.9 KB more
//! of the gzipped `.wasm` than this code; BENCHMARKS.md, "Size") and is now the reference of a
//! property test (`tests/voice_properties.rs`): a primary language of 2–8 letters, up to three
//! extended languages after one of 2–3, a script, a region, variants, extensions, private use, or one
//! of the 26 grandfathered tags of RFC 5646, in any case.

/// The grandfathered tags of RFC 5646, in their canonical case.
const GRANDFATHERED: [&str; 26] = [
    "art-lojban",
    "cel-gaulish",
    "en-GB-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "no-bok",
    "no-nyn",
    "sgn-BE-FR",
    "sgn-BE-NL",
    "sgn-CH-DE",
    "zh-guoyu",
    "zh-hakka",
    "zh-min",
    "zh-min-nan",
    "zh-xiang",
];

/// What the next subtag of a tag may be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// The primary language.
    Language,
    /// After a language of 2–3 letters and `n` extended languages (at most 3): another one, or
    /// what may follow a script.
    Extlang(u8),
    /// After a longer language: a script, a region, a variant.
    Script,
    /// After a script: a region or a variant.
    Region,
    /// After a region or a variant: more variants.
    Variant,
    /// Inside an extension (`empty` until it has a subtag of its own).
    Extension { empty: bool },
    /// Inside the private use part (`empty` likewise).
    PrivateUse { empty: bool },
}

/// The tag in canonical case when it is well-formed: language, extended languages, variants,
/// extensions and private use in lowercase, the script in title case, the region in uppercase.
pub fn canonical(tag: &str) -> Option<String> {
    if let Some(grandfathered) = GRANDFATHERED.iter().find(|g| g.eq_ignore_ascii_case(tag)) {
        return Some((*grandfathered).to_owned());
    }
    if let Some(private) = tag.strip_prefix("x-").or_else(|| tag.strip_prefix("X-")) {
        return private
            .split('-')
            .all(|s| (1..=8).contains(&s.len()) && alphanumeric(s))
            .then(|| tag.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(tag.len());
    let mut expect = Expect::Language;
    for subtag in tag.split('-') {
        let len = subtag.len();
        if !(1..=8).contains(&len) {
            return None;
        }
        let letters = subtag.bytes().all(|b| b.is_ascii_alphabetic());
        let (case, next) = match expect {
            Expect::Language if len >= 2 && letters => {
                let next = if len <= 3 {
                    Expect::Extlang(0)
                } else {
                    Expect::Script
                };
                (Case::Lower, next)
            }
            Expect::Language => return None,
            Expect::PrivateUse { .. } if alphanumeric(subtag) => {
                (Case::Lower, Expect::PrivateUse { empty: false })
            }
            Expect::PrivateUse { .. } => return None,
            // A singleton (`x` starts the private use part) ends an extension that has content.
            Expect::Extension { empty: true } if len == 1 => return None,
            _ if len == 1 && alphanumeric(subtag) => {
                let private = subtag.eq_ignore_ascii_case("x");
                let next = match private {
                    true => Expect::PrivateUse { empty: true },
                    false => Expect::Extension { empty: true },
                };
                (Case::Lower, next)
            }
            Expect::Extension { .. } if alphanumeric(subtag) => {
                (Case::Lower, Expect::Extension { empty: false })
            }
            Expect::Extlang(n) if len == 3 && letters => {
                if n == 3 {
                    return None;
                }
                (Case::Lower, Expect::Extlang(n + 1))
            }
            Expect::Extlang(_) | Expect::Script if len == 4 && letters => {
                (Case::Title, Expect::Region)
            }
            Expect::Extlang(_) | Expect::Script | Expect::Region
                if (len == 2 && letters) || (len == 3 && digits(subtag)) =>
            {
                (Case::Upper, Expect::Variant)
            }
            Expect::Extlang(_) | Expect::Script | Expect::Region | Expect::Variant
                if is_variant(subtag) =>
            {
                (Case::Lower, Expect::Variant)
            }
            _ => return None,
        };
        if !out.is_empty() {
            out.push('-');
        }
        for (i, b) in subtag.bytes().enumerate() {
            let upper = case == Case::Upper || (case == Case::Title && i == 0);
            out.push(char::from(match upper {
                true => b.to_ascii_uppercase(),
                false => b.to_ascii_lowercase(),
            }));
        }
        expect = next;
    }
    match expect {
        Expect::Extension { empty: true } | Expect::PrivateUse { empty: true } => None,
        _ => Some(out),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Upper,
    Title,
}

fn alphanumeric(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// A variant: 5–8 letters and digits starting with a letter, or 4–8 starting with a digit.
fn is_variant(s: &str) -> bool {
    alphanumeric(s)
        && match s.as_bytes().first() {
            Some(b) if b.is_ascii_digit() => s.len() >= 4,
            Some(_) => s.len() >= 5,
            None => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        let cases = [
            ("en-us", Some("en-US")),
            ("zh-hant-tw", Some("zh-Hant-TW")),
            ("ES-419", Some("es-419")),
            ("sl-ROZAJ-biske-1994", Some("sl-rozaj-biske-1994")),
            ("zh-YUE-hk", Some("zh-yue-HK")),
            ("en-a-BBB-x-A-ccc", Some("en-a-bbb-x-a-ccc")),
            ("X-Whatever", Some("x-whatever")),
            ("I-KLINGON", Some("i-klingon")),
            ("EN-gb-OED", Some("en-GB-oed")),
            ("de-CH-1901", Some("de-CH-1901")),
            ("", None),
            ("e", None),
            ("en-", None),
            ("en--us", None),
            ("en-a", None),
            ("en-a-b-cc", None),
            ("en-x", None),
            ("en_US", None),
            ("english-us", Some("english-US")),
            ("toolongtag", None),
            ("zh-aaa-bbb-ccc-ddd", None),
            ("en-US-Latn", None),
            ("ünicode", None),
        ];
        for (tag, expected) in cases {
            assert_eq!(canonical(tag).as_deref(), expected, "{tag:?}");
        }
    }
}
