//! The one text normalization of the library (§4): every keyterm, sensitive topic, correction
//! category and tone topic goes through these functions, so "the same term" means the same thing in a
//! merge, in an update and in tone matching.
//!
//! Definitions this module fixes (the spec names the steps, not the character classes):
//! - **NFC** is Unicode Normalization Form C, by the crate `icu_normalizer` (ICU4X). It was chosen
//!   over `unicode-normalization`'s `nfc()` by size: the latter links its NFKC/NFKD and CJK-variant
//!   tables too, about 40 KB more gzipped `.wasm` (measured; README "Size").
//! - **White space** is the Unicode `White_Space` property, as Rust's [`char::is_whitespace`] tests
//!   it: ASCII spaces, tabs and line breaks, NBSP, the `U+2000`–`U+200A` spaces, `U+2028`/`U+2029`,
//!   ideographic space and the others of that property. Every run of them becomes one `U+0020`.
//! - **Zero-width and other format characters** (`U+200B` ZWSP, `U+200C` ZWNJ, `U+200D` ZWJ,
//!   `U+2060`, `U+FEFF`) are *not* white space and are kept as they are: ZWJ holds emoji sequences
//!   together and ZWNJ is part of the spelling of Persian and Indic words, so stripping them would
//!   change the term. A term made only of them is therefore not empty.
//! - **Case folding** is Unicode *full* default case folding (`CaseFolding.txt` statuses C and F,
//!   crate `caseless`), followed by NFC again so the comparison key is itself in NFC: `ß` folds to `ss`
//!   (`Straße` = `STRASSE`), and the Turkish dotted capital `İ` folds to `i` + `U+0307` (the
//!   non-Turkic mapping), so `İstanbul` equals `i̇stanbul` but not `istanbul`.
//! - **Length** is counted in Unicode scalar values (Rust `char`s) of the normalized text.
//! - **Words** (for §5 topic matching) are runs of letters, digits, combining marks and ZWNJ/ZWJ in
//!   the normalized, case-folded text; see [`words`].

/// Unicode Normalization Form KD (compatibility decomposition), for slugs (§2), by the same ICU4X
/// normalizer as [`nfc`], so both share its data.
pub fn nfkd(s: &str) -> String {
    icu_normalizer::DecomposingNormalizerBorrowed::new_nfkd()
        .normalize(s)
        .into_owned()
}

/// Unicode Normalization Form C, by ICU4X's normalizer with its compiled-in data. ASCII text is
/// already in NFC (no ASCII character decomposes or composes), so it skips the normalizer: most
/// keyterms are ASCII, and this is the hot path of merges.
pub fn nfc(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc()
        .normalize(s)
        .into_owned()
}

/// NFC, then trim, then every run of white space collapsed into one space (§4 step 1).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in nfc(s).chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The comparison key of an already normalized text: full case folding, then NFC (§4 step 3).
/// Two normalized terms are duplicates exactly when their keys are equal.
pub fn fold(normalized: &str) -> String {
    // Full case folding maps ASCII exactly as ASCII lowercasing does, and the result is ASCII (NFC).
    if normalized.is_ascii() {
        return normalized.to_ascii_lowercase();
    }
    nfc(&caseless::default_case_fold_str(normalized))
}

/// The number of characters (Unicode scalar values) of a text.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Whether a character is part of a word for whole-word matching (§5): letters and digits
/// (`char::is_alphanumeric`, which includes the spacing vowel signs of Indic scripts through the
/// `Alphabetic` property), combining marks (a non-zero canonical combining class, from ICU4X's
/// normalization data already in the module, so `i` + `U+0307` stays one word) and the joiners
/// ZWNJ/ZWJ (part of words in Persian and Indic scripts). Everything else — white space,
/// punctuation, symbols, emoji — separates words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || c == '\u{200C}'
        || c == '\u{200D}'
        || icu_normalizer::properties::CanonicalCombiningClassMap::new().get_u8(c) != 0
}

/// The words of a text for whole-word matching: normalized, case-folded, split on every character
/// that is not part of a word; a word has at least one letter or digit. `"Reviewing your test-results."` → `["reviewing", "your", "test",
/// "results"]`.
pub fn words(s: &str) -> Vec<String> {
    fold(&normalize(s))
        .split(|c: char| !is_word_char(c))
        // A run of only joiners or marks (the ZWJs between emoji) is not a word.
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_fast_paths_agree_with_the_unicode_ones() {
        let all: String = (0u8..128).map(char::from).collect();
        for s in [
            all.as_str(),
            "Metformin",
            "STRASSE",
            "Dr. Ramirez",
            "  a\tB  ",
            "",
        ] {
            let slow_nfc = icu_normalizer::ComposingNormalizerBorrowed::new_nfc()
                .normalize(s)
                .into_owned();
            assert_eq!(nfc(s), slow_nfc);
            let slow_fold = icu_normalizer::ComposingNormalizerBorrowed::new_nfc()
                .normalize(&caseless::default_case_fold_str(s))
                .into_owned();
            assert_eq!(fold(s), slow_fold, "{s:?}");
        }
    }

    #[test]
    fn normalize_trims_and_collapses_unicode_white_space() {
        assert_eq!(normalize("  a \t\n b\u{00A0}\u{3000}c  "), "a b c");
        assert_eq!(normalize("\u{2028}x\u{2029}"), "x");
        assert_eq!(normalize(" \t "), "");
        assert_eq!(normalize(""), "");
    }

    #[test]
    fn normalize_composes_to_nfc() {
        assert_eq!(normalize("Cafe\u{0301}"), "Café");
        assert_eq!(normalize("Café"), "Café");
    }

    #[test]
    fn zero_width_characters_are_kept() {
        assert_eq!(normalize("a\u{200B}b"), "a\u{200B}b");
        assert_eq!(normalize("\u{200B}"), "\u{200B}");
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(normalize(family), family);
    }

    #[test]
    fn fold_is_full_case_folding() {
        assert_eq!(fold("Straße"), fold("STRASSE"));
        assert_eq!(fold("Metformin"), fold("METFORMIN"));
        assert_eq!(fold("İstanbul"), "i\u{0307}stanbul");
        assert_ne!(fold("İstanbul"), fold("istanbul"));
        assert_eq!(fold("ΣΊΣΥΦΟΣ"), fold("σίσυφος"));
    }

    #[test]
    fn words_split_on_everything_but_letters_digits_and_marks() {
        assert_eq!(
            words("Reviewing your TEST-results."),
            ["reviewing", "your", "test", "results"]
        );
        assert_eq!(words("İyi"), ["i\u{0307}yi"]);
        assert_eq!(words("💊 🩺"), Vec::<String>::new());
        assert_eq!(words("👨\u{200D}👩\u{200D}👧 plan"), ["plan"]);
        assert_eq!(words("a \u{0301} b"), ["a", "b"]);
        assert_eq!(words("نتایج آزمایش"), ["نتایج", "آزمایش"]);
        assert_eq!(
            words("हिंदी परिणाम").len(),
            2,
            "vowel signs and anusvara stay in words"
        );
        assert_eq!(words("שָׁלוֹם עולם").len(), 2, "niqqud stays in words");
    }
}
