//! Property tests of `text::normalization` (NFC, NFKD, the NFC check) against `icu_normalizer`,
//! whose data its tables hold: random text where combining marks, the characters that compose,
//! Hangul jamo and compatibility characters are most of the draw. The unit tests of the module
//! compare every character alone. Native only (proptest's random source does not build for
//! wasm32).
#![cfg(not(target_arch = "wasm32"))]

use icu_normalizer::properties::{
    CanonicalCombiningClassMap, CanonicalComposition, CanonicalDecomposition, Decomposed,
};
use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use proptest::prelude::*;
use workspace_rules::text::{self, normalization};

const NFC: ComposingNormalizerBorrowed<'static> = ComposingNormalizerBorrowed::new_nfc();
const NFKD: DecomposingNormalizerBorrowed<'static> = DecomposingNormalizerBorrowed::new_nfkd();

fn every_char() -> impl Iterator<Item = char> {
    (0..=0x10FFFF).filter_map(char::from_u32)
}

/// Every character of a non-zero canonical combining class.
fn marks() -> Vec<char> {
    let classes = CanonicalCombiningClassMap::new();
    every_char().filter(|&c| classes.get_u8(c) != 0).collect()
}

/// Both characters of every canonical composition (Hangul aside): the starters that compose and
/// what composes with them, marks, Indic vowel signs and the rest.
fn composing() -> Vec<char> {
    let decompositions = CanonicalDecomposition::new();
    let compositions = CanonicalComposition::new();
    let mut chars: Vec<char> = every_char()
        .filter_map(|c| match decompositions.decompose(c) {
            Decomposed::Expansion(a, b) if compositions.compose(a, b) == Some(c) => Some([a, b]),
            _ => None,
        })
        .flatten()
        .collect();
    chars.sort();
    chars.dedup();
    chars
}

/// Characters drawn mostly where normalization does something.
fn interesting() -> impl Strategy<Value = char> {
    let range = |from: u32, to: u32| (from..to).prop_filter_map("a char", char::from_u32);
    prop_oneof![
        4 => prop::sample::select(marks()),
        4 => prop::sample::select(composing()),
        // Leading, vowel and trailing jamo (those that compose and their neighbours), syllables.
        2 => range(0x1100, 0x1200),
        1 => range(0xAC00, 0xAC00 + 11172),
        // Precomposed Latin and Greek, and the ranges of compatibility characters.
        1 => range(0xC0, 0x250),
        1 => range(0x1E00, 0x2000),
        1 => prop::sample::select(
            &['\u{FB01}', '\u{FDFA}', '\u{FF21}', '\u{1D400}', '\u{2460}', '\u{3300}', '\u{2126}',
              '\u{212B}', '\u{958}', '\u{F900}', '\u{1D15E}', '\u{344}', '\u{F73}', '\u{1E9B}'][..]
        ),
        1 => prop::char::range('a', 'z'),
        1 => any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// NFC, NFKD and the NFC check answer what `icu_normalizer` answers, and `text::nfc` (its fast
    /// paths first) too.
    #[test]
    fn normalization_is_icu_normalizers(chars in prop::collection::vec(interesting(), 0..24)) {
        let s: String = chars.into_iter().collect();
        let composed = NFC.normalize(&s);
        prop_assert_eq!(&normalization::nfc(&s), &composed);
        prop_assert_eq!(&text::nfc(&s), &composed);
        prop_assert_eq!(normalization::nfkd(&s), NFKD.normalize(&s));
        prop_assert_eq!(normalization::is_nfc(&s), NFC.is_normalized(&s));
        prop_assert!(normalization::is_nfc(&composed));
        let decomposed = NFKD.normalize(&s);
        prop_assert_eq!(normalization::is_nfc(&decomposed), NFC.is_normalized(&decomposed));
        prop_assert_eq!(normalization::nfc(&decomposed), NFC.normalize(&decomposed));
    }
}
