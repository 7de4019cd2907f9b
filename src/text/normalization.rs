//! Unicode normalization, the forms the library uses: NFC (every term, `docs/rules/keyterms.md`),
//! NFKD (slugs, `docs/rules/workspace.md`) and the canonical combining class (the marks that stay in
//! topic words, `docs/rules/tone.md`), by the algorithm of UAX #15: full decomposition, canonical
//! ordering, canonical composition with its exclusions, Hangul syllables by arithmetic.
//!
//! The data is Unicode 17.0, as `icu_normalizer` 2.2 (ICU4X) has it: that crate normalized text here
//! before, and with these tables and code instead the gzipped `.wasm` is 19.2 KB smaller (GNU
//! `gzip -9`; 22.5 KB by Node's zlib; BENCHMARKS.md, "Size"). The tables are
//! `src/text/normalization/tables.rs`, written by a test of this module from `icu_normalizer`, now a
//! dev-dependency (`cargo test --lib text::normalization::tests::write_tables -- --ignored` after an
//! update of it); the tests compare every answer with it on every `char` and on random text
//! (`tests/normalization_properties.rs`).

use crate::text::char_tables::{in_ranges, range_index};

#[rustfmt::skip]
mod tables;

/// Hangul syllables (`AC00`–`D7A3`) are composed of a leading consonant, a vowel and an optional
/// trailing consonant by arithmetic (Unicode §3.12), not from tables.
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const S_COUNT: u32 = L_COUNT * V_COUNT * T_COUNT;

/// The canonical combining class of `c` (0 for starters).
pub fn combining_class(c: char) -> u8 {
    // Below U+0300 every character is a starter.
    if u32::from(c) < 0x300 {
        return 0;
    }
    range_index(&tables::CLASS_RANGES, c)
        .and_then(|r| tables::CLASSES.get(r).copied())
        .unwrap_or(0)
}

/// Unicode Normalization Form C.
pub fn nfc(s: &str) -> String {
    let mut chars = decomposed(s, false);
    compose(&mut chars);
    chars.into_iter().map(|(c, _)| c).collect()
}

/// Unicode Normalization Form KD (compatibility decomposition).
pub fn nfkd(s: &str) -> String {
    decomposed(s, true).into_iter().map(|(c, _)| c).collect()
}

/// Whether `s` is in NFC: the quick check first, then, when it cannot tell, normalizing.
pub fn is_nfc(s: &str) -> bool {
    quick_check(s).unwrap_or_else(|| nfc(s) == s)
}

/// The NFC quick check of UAX #15: `Some(false)` when `s` has a character that NFC never keeps or
/// combining classes out of order, `Some(true)` when it has neither and no character that may
/// compose with the one before it, `None` (only normalizing can tell) otherwise.
pub fn quick_check(s: &str) -> Option<bool> {
    let mut last_class = 0;
    let mut maybe = false;
    for c in s.chars() {
        if u32::from(c) < 0x300 {
            last_class = 0;
            continue;
        }
        let class = combining_class(c);
        if (class != 0 && last_class > class) || in_ranges(&tables::NOT_NFC, c) {
            return Some(false);
        }
        maybe |= may_compose_with_previous(c);
        last_class = class;
    }
    (!maybe).then_some(true)
}

/// Whether `c` is the second character of a canonical composition (NFC_Quick_Check = Maybe).
fn may_compose_with_previous(c: char) -> bool {
    let code = u32::from(c);
    (V_BASE..V_BASE + V_COUNT).contains(&code)
        || (T_BASE + 1..T_BASE + T_COUNT).contains(&code)
        || tables::SECONDS.binary_search(&c).is_ok()
}

/// The full decomposition of `s` (canonical, or with `compatibility` the compatibility one),
/// in canonical order, each character with its combining class.
fn decomposed(s: &str, compatibility: bool) -> Vec<(char, u8)> {
    let mut chars = Vec::with_capacity(s.len());
    // Where the non-starters after the last starter begin.
    let mut run = 0;
    let mut push = |chars: &mut Vec<(char, u8)>, c: char| {
        let class = combining_class(c);
        if class == 0 {
            canonical_order(chars.get_mut(run..).unwrap_or_default());
            run = chars.len() + 1;
        }
        chars.push((c, class));
    };
    for c in s.chars() {
        let code = u32::from(c);
        // Nothing below U+00A0 decomposes.
        if code < 0xA0 {
            push(&mut chars, c);
        } else if (S_BASE..S_BASE + S_COUNT).contains(&code) {
            let index = code - S_BASE;
            let jamo = [
                L_BASE + index / (V_COUNT * T_COUNT),
                V_BASE + index % (V_COUNT * T_COUNT) / T_COUNT,
                T_BASE + index % T_COUNT,
            ];
            for j in jamo.into_iter().filter(|&j| j != T_BASE) {
                push(&mut chars, char::from_u32(j).unwrap_or(c));
            }
        } else {
            let mapping = match compatibility {
                true => tables::COMPATIBILITY
                    .get(c)
                    .or_else(|| tables::CANONICAL.get(c)),
                false => tables::CANONICAL.get(c),
            };
            match mapping {
                Some(mapping) => mapping.chars().for_each(|d| push(&mut chars, d)),
                None => push(&mut chars, c),
            }
        }
    }
    canonical_order(chars.get_mut(run..).unwrap_or_default());
    chars
}

/// Sorts a run of non-starters by combining class, keeping the order of equal classes (the
/// canonical ordering algorithm): by insertion when short, as nearly every run is, else by
/// counting, so that no text takes more than linear time.
fn canonical_order(run: &mut [(char, u8)]) {
    if run.len() <= 32 {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && run[j - 1].1 > run[j].1 {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut at = [0usize; 256];
    for &(_, class) in run.iter() {
        at[usize::from(class)] += 1;
    }
    let mut total = 0;
    for slot in at.iter_mut() {
        let count = *slot;
        *slot = total;
        total += count;
    }
    let mut sorted = run.to_vec();
    for &(c, class) in run.iter() {
        sorted[at[usize::from(class)]] = (c, class);
        at[usize::from(class)] += 1;
    }
    run.copy_from_slice(&sorted);
}

/// Canonical composition of a decomposed text in canonical order, in place: each character that is
/// not blocked from the last starter (no character between them of class 0 or of its class or
/// higher) and composes with it replaces the starter by their composition.
fn compose(chars: &mut Vec<(char, u8)>) {
    let mut starter: Option<usize> = None;
    // The class of the last character kept after the starter, if any.
    let mut last_class: Option<u8> = None;
    let mut kept = 0;
    for i in 0..chars.len() {
        let (c, class) = chars[i];
        if let Some(s) = starter {
            if last_class.is_none_or(|last| last < class) {
                if let Some(composed) = compose_pair(chars[s].0, c) {
                    chars[s].0 = composed;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(kept);
            last_class = None;
        } else {
            last_class = Some(class);
        }
        chars[kept] = (c, class);
        kept += 1;
    }
    chars.truncate(kept);
}

/// The primary composite of `first` and `second`, if there is one.
fn compose_pair(first: char, second: char) -> Option<char> {
    let (a, b) = (u32::from(first), u32::from(second));
    if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        return char::from_u32(S_BASE + ((a - L_BASE) * V_COUNT + b - V_BASE) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a)
        && (a - S_BASE) % T_COUNT == 0
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&b)
    {
        return char::from_u32(a + b - T_BASE);
    }
    let s = tables::SECONDS.binary_search(&second).ok()?;
    let from = usize::from(*tables::SECOND_STARTS.get(s)?);
    let to = usize::from(*tables::SECOND_STARTS.get(s + 1)?);
    let f = tables::FIRSTS.get(from..to)?.binary_search(&first).ok()?;
    tables::COMPOSITES.get(from + f).copied()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::text::char_tables::derive::{ranges, str_map, valued_ranges, StrMapParts};
    use icu_normalizer::properties::{
        CanonicalCombiningClassMap, CanonicalComposition, CanonicalDecomposition, Decomposed,
    };
    use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
    use std::fmt::Write;

    const NFC: ComposingNormalizerBorrowed<'static> = ComposingNormalizerBorrowed::new_nfc();
    const NFD: DecomposingNormalizerBorrowed<'static> = DecomposingNormalizerBorrowed::new_nfd();
    const NFKD: DecomposingNormalizerBorrowed<'static> = DecomposingNormalizerBorrowed::new_nfkd();

    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    fn is_hangul_syllable(c: char) -> bool {
        (S_BASE..S_BASE + S_COUNT).contains(&u32::from(c))
    }

    /// The primary composites (Hangul syllables aside) as `(second, first, composite)`, in order:
    /// every character whose canonical decomposition is a pair that composes back to it.
    fn compositions() -> Vec<(char, char, char)> {
        let decompositions = CanonicalDecomposition::new();
        let compositions = CanonicalComposition::new();
        let mut pairs: Vec<(char, char, char)> = every_char()
            .filter(|&c| !is_hangul_syllable(c))
            .filter_map(|c| match decompositions.decompose(c) {
                Decomposed::Expansion(first, second) => {
                    (compositions.compose(first, second) == Some(c)).then_some((second, first, c))
                }
                _ => None,
            })
            .collect();
        pairs.sort();
        pairs
    }

    fn nfd_of(c: char) -> String {
        NFD.normalize(c.encode_utf8(&mut [0; 4])).into_owned()
    }

    /// The full canonical decomposition of `c` when it has one (Hangul syllables aside).
    fn canonical(c: char) -> Option<String> {
        let d = nfd_of(c);
        (!is_hangul_syllable(c) && d != c.to_string()).then_some(d)
    }

    /// The full compatibility decomposition of `c` when it is not its canonical one.
    fn compatibility(c: char) -> Option<String> {
        let k = NFKD.normalize(c.encode_utf8(&mut [0; 4])).into_owned();
        (k != nfd_of(c)).then_some(k)
    }

    /// The text of `src/text/normalization/tables.rs`.
    fn generate() -> String {
        let classes = CanonicalCombiningClassMap::new();
        let mut out = String::new();
        out.push_str(concat!(
            "//! The Unicode data of `src/text/normalization.rs`: Unicode 17.0, as `icu_normalizer` 2.2\n",
            "//! has it. Written by `cargo test --lib text::normalization::tests::write_tables -- --ignored`\n",
            "//! (the generator is in that module's tests); never edit it by hand: a test checks that it is\n",
            "//! what the generator writes.\n\n",
            "use crate::text::char_tables::{range, StrMap};\n",
        ));
        let class_ranges = valued_ranges(|c| Some(classes.get_u8(c)).filter(|&v| v != 0));
        out.push_str("\n/// The characters of a non-zero canonical combining class, as ranges of one class.\n");
        write_ranges(
            &mut out,
            "CLASS_RANGES",
            class_ranges.iter().map(|r| (r.0, r.1)),
        );
        out.push_str("\n/// The class of each range of [`CLASS_RANGES`].\n");
        write_list(
            &mut out,
            "CLASSES",
            "u8",
            class_ranges.iter().map(|r| r.2.to_string()),
        );
        out.push_str(concat!(
            "\n/// The characters that are never in NFC (NFC_Quick_Check = No): those whose canonical\n",
            "/// decomposition does not compose back to them.\n",
        ));
        let not_nfc = ranges(|c| NFC.normalize(c.encode_utf8(&mut [0; 4])) != c.to_string());
        write_ranges(&mut out, "NOT_NFC", not_nfc.into_iter());
        let pairs = compositions();
        let mut seconds: Vec<char> = pairs.iter().map(|p| p.0).collect();
        seconds.dedup();
        let starts = seconds
            .iter()
            .map(|&s| pairs.partition_point(|p| p.0 < s))
            .chain([pairs.len()]);
        out.push_str(
            "\n/// The second characters of the canonical compositions (Hangul aside), in order.\n",
        );
        write_list(
            &mut out,
            "SECONDS",
            "char",
            seconds.iter().map(|&c| char_literal(c)),
        );
        out.push_str(concat!(
            "\n/// Where the compositions with each of [`SECONDS`] begin in [`FIRSTS`] and [`COMPOSITES`],\n",
            "/// and their end.\n",
        ));
        write_list(
            &mut out,
            "SECOND_STARTS",
            "u16",
            starts.map(|s| s.to_string()),
        );
        out.push_str(
            "\n/// The first characters of the compositions, in order for each second character.\n",
        );
        write_list(
            &mut out,
            "FIRSTS",
            "char",
            pairs.iter().map(|p| char_literal(p.1)),
        );
        out.push_str("\n/// The composition of each pair of [`FIRSTS`] and [`SECONDS`].\n");
        write_list(
            &mut out,
            "COMPOSITES",
            "char",
            pairs.iter().map(|p| char_literal(p.2)),
        );
        out.push_str("\n/// Full canonical decompositions (Hangul syllables are decomposed by arithmetic).\n");
        write_str_map(&mut out, "CANONICAL", &str_map(canonical));
        out.push_str(concat!(
            "\n/// Full compatibility decompositions, of the characters where they are not the canonical\n",
            "/// one.\n",
        ));
        write_str_map(&mut out, "COMPATIBILITY", &str_map(compatibility));
        out
    }

    fn char_literal(c: char) -> String {
        format!("'\\u{{{:X}}}'", u32::from(c))
    }

    /// `items` as a `const` array, wrapped at 100 columns; `pub(super)` unless its name is that of
    /// a part of a [`StrMap`](crate::text::char_tables::StrMap) (`NAME_PART`).
    fn write_list(out: &mut String, name: &str, ty: &str, items: impl Iterator<Item = String>) {
        let items: Vec<String> = items.collect();
        let part = ["CANONICAL_", "COMPATIBILITY_"]
            .iter()
            .any(|p| name.starts_with(p));
        let visibility = if part { "" } else { "pub(super) " };
        writeln!(out, "{visibility}const {name}: [{ty}; {}] = [", items.len()).unwrap();
        let mut line = String::new();
        for item in items {
            if line.len() + item.len() + 2 > 96 {
                writeln!(out, "   {line}").unwrap();
                line.clear();
            }
            write!(line, " {item},").unwrap();
        }
        if !line.is_empty() {
            writeln!(out, "   {line}").unwrap();
        }
        out.push_str("];\n");
    }

    fn write_ranges(out: &mut String, name: &str, ranges: impl Iterator<Item = (u32, u32)>) {
        write_list(
            out,
            name,
            "u32",
            ranges.map(|(first, last)| format!("range(0x{first:X}, 0x{last:X})")),
        );
    }

    /// A `&str` literal of `s`: printable ASCII as it is, everything else escaped.
    fn str_literal(s: &str) -> String {
        let mut literal = String::from("\"");
        for c in s.chars() {
            match c {
                '"' | '\\' => write!(literal, "\\{c}").unwrap(),
                ' '..='~' => literal.push(c),
                _ => write!(literal, "\\u{{{:X}}}", u32::from(c)).unwrap(),
            }
        }
        literal.push('"');
        literal
    }

    fn write_str_map(out: &mut String, name: &str, parts: &StrMapParts) {
        writeln!(
            out,
            "pub(super) const {name}: StrMap = StrMap {{\n    ranges: &{name}_RANGES,\n    \
             starts: &{name}_STARTS,\n    offsets: &{name}_OFFSETS,\n    lens: &{name}_LENS,\n    \
             text: {name}_TEXT,\n}};"
        )
        .unwrap();
        let ranges = parts.ranges.iter().copied();
        write_ranges(out, &format!("{name}_RANGES"), ranges);
        let starts = parts.starts.iter().map(u16::to_string);
        write_list(out, &format!("{name}_STARTS"), "u16", starts);
        let offsets = parts.offsets.iter().map(u16::to_string);
        write_list(out, &format!("{name}_OFFSETS"), "u16", offsets);
        write_list(
            out,
            &format!("{name}_LENS"),
            "u8",
            parts.lens.iter().map(u8::to_string),
        );
        // One line of the text for each chunk of mappings.
        writeln!(out, "const {name}_TEXT: &str = concat!(").unwrap();
        let mut at = 0;
        for chunk in parts.lens.chunks(crate::text::char_tables::CHUNK) {
            let len: usize = chunk.iter().map(|&l| usize::from(l)).sum();
            writeln!(out, "    {},", str_literal(&parts.text[at..at + len])).unwrap();
            at += len;
        }
        out.push_str(");\n");
    }

    #[test]
    fn the_tables_are_what_the_generator_writes() {
        let written = include_str!("normalization/tables.rs");
        assert!(
            written == generate(),
            "src/text/normalization/tables.rs is not what the generator writes: run \
             `cargo test --lib text::normalization::tests::write_tables -- --ignored`"
        );
    }

    /// Writes `src/text/normalization/tables.rs` (after an update of `icu_normalizer`).
    #[test]
    #[ignore]
    fn write_tables() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/text/normalization/tables.rs"
        );
        std::fs::write(path, generate()).unwrap();
    }

    #[test]
    fn every_char_alone_is_normalized_as_icu_normalizer_does() {
        let classes = CanonicalCombiningClassMap::new();
        let mut bytes = [0; 4];
        for c in every_char() {
            let s: &str = c.encode_utf8(&mut bytes);
            let u = u32::from(c);
            assert_eq!(nfc(s), NFC.normalize(s), "NFC U+{u:04X}");
            assert_eq!(nfkd(s), NFKD.normalize(s), "NFKD U+{u:04X}");
            assert_eq!(is_nfc(s), NFC.is_normalized(s), "is_nfc U+{u:04X}");
            assert_eq!(combining_class(c), classes.get_u8(c), "class U+{u:04X}");
            let d = nfd_of(c);
            if d != s {
                assert_eq!(nfc(&d), NFC.normalize(&d), "NFC of NFD U+{u:04X}");
                assert_eq!(is_nfc(&d), NFC.is_normalized(&d), "is_nfc of NFD U+{u:04X}");
            }
        }
    }

    #[test]
    fn every_composition_pair_and_every_second_after_every_first() {
        let pairs = compositions();
        let mut firsts: Vec<char> = pairs.iter().map(|p| p.1).collect();
        firsts.sort();
        firsts.dedup();
        let mut seconds: Vec<char> = pairs.iter().map(|p| p.0).collect();
        seconds.dedup();
        for &(second, first, composite) in &pairs {
            assert_eq!(compose_pair(first, second), Some(composite));
        }
        for &first in &firsts {
            for &second in &seconds {
                let s: String = [first, second].into_iter().collect();
                assert_eq!(nfc(&s), NFC.normalize(&s), "{s:?}");
                let blocked: String = [first, '\u{0316}', second].into_iter().collect();
                assert_eq!(nfc(&blocked), NFC.normalize(&blocked), "{blocked:?}");
            }
        }
    }

    #[test]
    fn hangul_by_arithmetic() {
        assert_eq!(nfkd("\u{AC01}"), "\u{1100}\u{1161}\u{11A8}");
        assert_eq!(nfc("\u{1100}\u{1161}\u{11A8}"), "\u{AC01}");
        assert_eq!(nfc("\u{AC00}\u{11A8}"), "\u{AC01}");
        // A trailing consonant does not join a syllable that has one.
        assert_eq!(nfc("\u{AC01}\u{11A8}"), "\u{AC01}\u{11A8}");
        assert!(!is_nfc("\u{1100}\u{1161}"));
        assert!(is_nfc("\u{AC01}\u{11A8}"));
    }

    #[test]
    fn long_runs_of_marks_are_ordered_stably() {
        let marks = [
            '\u{301}',
            '\u{316}',
            '\u{300}',
            '\u{327}',
            '\u{345}',
            '\u{1D16D}',
        ];
        for n in [31, 32, 33, 200, 5000] {
            let s: String = std::iter::once('a')
                .chain((0..n).map(|i| marks[(i * 7 + i / 3) % marks.len()]))
                .collect();
            assert_eq!(nfc(&s), NFC.normalize(&s), "{n}");
            assert_eq!(nfkd(&s), NFKD.normalize(&s), "{n}");
            assert_eq!(is_nfc(&s), NFC.is_normalized(&s), "{n}");
        }
    }

    #[test]
    fn examples() {
        assert_eq!(nfc("Cafe\u{301}"), "Café");
        assert_eq!(nfc("\u{212B}"), "\u{C5}"); // ANGSTROM SIGN, a singleton
        assert_eq!(nfc("\u{958}"), "\u{915}\u{93C}"); // excluded from composition
        assert_eq!(nfc("a\u{323}\u{302}"), "\u{1EAD}");
        assert_eq!(nfc("a\u{302}\u{323}"), "\u{1EAD}");
        assert_eq!(nfkd("\u{FB01}"), "fi");
        assert_eq!(nfkd("\u{FDFA}").chars().count(), 18);
        assert_eq!(nfkd("Ｆ１"), "F1");
        assert_eq!(combining_class('\u{301}'), 230);
        assert_eq!(combining_class('a'), 0);
        assert_ne!(
            combining_class('\u{1E6E3}'),
            0,
            "a Tai Yo mark, new in Unicode 17"
        );
        assert!(is_nfc("Café") && !is_nfc("Cafe\u{301}") && !is_nfc("\u{212B}"));
    }
}
