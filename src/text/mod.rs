//! The one text normalization of the library (`docs/rules/keyterms.md`): every keyterm, sensitive topic, correction
//! category and tone topic goes through these functions, so "the same term" means the same thing in a
//! merge, in an update and in tone matching.
//!
//! Definitions this module fixes (the spec names the steps, not the character classes):
//! - **NFC** is Unicode Normalization Form C (Unicode 17.0), by [`normalization`], from compact
//!   tables of the data of `icu_normalizer` (ICU4X), which its tests compare with that crate on
//!   every char: the crate itself made the gzipped `.wasm` 19–22 KB larger, and
//!   `unicode-normalization` 40 KB larger than that (measured; BENCHMARKS.md, "Where the bytes go").
//! - **White space** is the Unicode `White_Space` property, as Rust's [`char::is_whitespace`] tests
//!   it: ASCII spaces, tabs and line breaks, NBSP, the `U+2000`–`U+200A` spaces, `U+2028`/`U+2029`,
//!   ideographic space and the others of that property. Every run of them becomes one `U+0020`.
//! - **Zero-width and other format characters** (`U+200B` ZWSP, `U+200C` ZWNJ, `U+200D` ZWJ,
//!   `U+2060`, `U+FEFF`) are *not* white space and are kept as they are: ZWJ holds emoji sequences
//!   together and ZWNJ is part of the spelling of Persian and Indic words, so stripping them would
//!   change the term. A term made only of them is therefore not empty.
//! - **Case folding** is Unicode *full* default case folding (`CaseFolding.txt` statuses C and F,
//!   the data of the crate `caseless`, held compactly in `src/text/folds.rs`), followed by NFC again so
//!   the comparison key is itself in NFC: `ß` folds to `ss`
//!   (`Straße` = `STRASSE`), and the Turkish dotted capital `İ` folds to `i` + `U+0307` (the
//!   non-Turkic mapping), so `İstanbul` equals `i̇stanbul` but not `istanbul`.
//! - **Length** is counted in Unicode scalar values (Rust `char`s) of the normalized text.
//! - **Words** (for `docs/rules/tone.md` topic matching) are runs of letters, digits, combining marks and ZWNJ/ZWJ in
//!   the normalized, case-folded text; see [`words`].
//!
//! The room also holds the character tables behind these steps and the other text rules:
//! normalization ([`normalization`]), combining marks ([`marks`]), case folding ([`folds`]), lowercasing ([`lowercase`]), their packed tables
//! ([`char_tables`]), slugs ([`slug`]), email addresses ([`email`]) and language tags
//! ([`language_tag`]).

pub mod char_tables;
pub mod email;
pub mod folds;
pub mod invisible;
pub mod language_tag;
pub mod lowercase;
pub mod marks;
pub mod normalization;
pub mod slug;

use std::borrow::Cow;

/// Unicode Normalization Form KD (compatibility decomposition), for slugs (`docs/rules/workspace.md`),
/// from the same tables as [`nfc`].
pub use normalization::nfkd;

/// Unicode Normalization Form C ([`normalization::nfc`]). Text that `nfc_window` proves already
/// normalized by its characters (ASCII, and most Latin, Greek, Cyrillic, kana, CJK and Hangul text)
/// skips the normalizer: this is the hot path of merges.
pub fn nfc(s: &str) -> String {
    nfc_cow(s).into_owned()
}

/// [`nfc`] without a copy when the text is already in NFC; else only the window of
/// [`nfc_window`] is normalized, the text around it copied as it is.
fn nfc_cow(s: &str) -> Cow<'_, str> {
    let Some((start, end)) = nfc_window(s) else {
        return Cow::Borrowed(s);
    };
    let window = &s[start..end];
    if is_folded_capital_i_with_dot(window) || normalization::quick_check(window) == Some(true) {
        return Cow::Borrowed(s);
    }
    let composed = normalization::nfc(window);
    if composed == window {
        Cow::Borrowed(s)
    } else {
        Cow::Owned([&s[..start], &composed, &s[end..]].concat())
    }
}

/// Whether a text is in NFC, asking the normalizer only about its [`nfc_window`], as [`nfc_cow`]
/// does (the tests compare it with ICU4X's answer).
#[cfg(test)]
fn is_nfc(s: &str) -> bool {
    nfc_window(s).is_none_or(|(start, end)| {
        let window = &s[start..end];
        is_folded_capital_i_with_dot(window) || normalization::is_nfc(window)
    })
}

/// The part of a text that is not made of [`stays_nfc`] characters, as byte offsets, or `None`
/// when the whole text is. Each of those characters has an NFC boundary before it (canonical
/// combining class 0, never composing with what precedes it), so NFC never looks across it: the
/// NFC of the text is the window's NFC between the text before and after it, where the window runs
/// from the last such character before the first other one to the first such character after the
/// last other one.
fn nfc_window(s: &str) -> Option<(usize, usize)> {
    if s.is_ascii() {
        return None;
    }
    let bytes = s.as_bytes();
    // The window: where it starts (once a character not in `stays_nfc` is met) and ends.
    let mut start = None;
    let mut end = None;
    let mut last_stable = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (c, width) = match bytes[i] {
            b @ 0..0x80 => (char::from(b), 1),
            _ => decode(s, i),
        };
        if stays_nfc(c) {
            if start.is_some() && end.is_none() {
                end = Some(i);
            }
            last_stable = i;
        } else {
            start.get_or_insert(last_stable);
            end = None;
        }
        i += width;
    }
    start.map(|start| (start, end.unwrap_or(s.len())))
}

/// Whether a window of [`nfc_window`] is `i` + `U+0307`, the folding of `İ`: the one window that
/// folding Latin text brings in, and in NFC (no character composes from the two; a unit test checks
/// it), so the normalizer need not be asked.
fn is_folded_capital_i_with_dot(window: &str) -> bool {
    window == "i\u{307}"
}

/// The character starting at byte `i` (a character boundary) of `s`, and its length in bytes;
/// one- and two-byte characters are decoded in place. Always inlined: as a call per character
/// (returning its pair through memory in WebAssembly) it was a tenth of folding Greek text there;
/// inlined, the merge of 2 × 200 terms is 6–9 % faster inside WebAssembly, for 0.2 KB gzipped.
#[inline(always)]
fn decode(s: &str, i: usize) -> (char, usize) {
    let bytes = s.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    if b < 0xE0 {
        if let Some(&next) = bytes.get(i + 1) {
            let c = (u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F);
            if let Some(c) = char::from_u32(c) {
                return (c, 2);
            }
        }
    }
    let c = s[i..].chars().next().unwrap_or('\0');
    (c, c.len_utf8())
}

/// Characters that are in NFC in any text of such characters: each is its own NFC, has canonical
/// combining class 0 (so nothing reorders around it) and is not the second character of any
/// canonical decomposition (so it never composes with the character before it). These are the
/// conditions under which the NFC quick check of UAX #15 answers "yes" for a text made of them, and
/// a unit test checks all three for every character of these ranges with ICU4X's own data: Latin
/// below the combining diacritics, Greek and Coptic letters, Cyrillic letters, kana, CJK ideographs
/// and Hangul syllables.
fn stays_nfc(c: char) -> bool {
    matches!(
        c as u32,
        0..=0x2FF
            | 0x388..=0x3FF
            | 0x400..=0x482
            | 0x3041..=0x3096
            | 0x30A1..=0x30FA
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7A3
    )
}

/// NFC, then trim, then every run of white space collapsed into one space (`docs/rules/keyterms.md` step 1).
pub fn normalize(s: &str) -> String {
    let mut buf = String::new();
    normalize_in(s, &mut buf).to_owned()
}

/// [`normalize`] with a buffer the caller reuses: the normalized text, borrowed from `s` when only
/// trimming changes it (the usual case: a term typed once and stored), else written into `buf`.
pub fn normalize_in<'a>(s: &'a str, buf: &'a mut String) -> &'a str {
    if scan_normalized(s).is_some() {
        return s;
    }
    match nfc_cow(s) {
        Cow::Borrowed(composed) => {
            let trimmed = trim(composed);
            if is_collapsed(trimmed) {
                return trimmed;
            }
            join_words(trimmed, buf);
        }
        Cow::Owned(composed) => join_words(&composed, buf),
    }
    buf
}

/// What one pass over a text that is already normalized finds (see [`scan_normalized`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Scan {
    chars: usize,
    ascii: bool,
    /// Whether an ASCII text has a capital letter (always `false` for other texts, which are
    /// folded whole).
    capitals: bool,
}

/// One pass over a text proving it is already normalized: every character is in [`stays_nfc`]
/// (so the text is in NFC) and the only white space is single inner `U+0020`s. `None` means "not
/// proven" (the general path decides).
fn scan_normalized(s: &str) -> Option<Scan> {
    let bytes = s.as_bytes();
    // Starts as if after a space, so a leading space is refused like a double one.
    let mut previous_space = true;
    let mut ascii = true;
    // Bytes past the first of each non-ASCII character, to count characters at the end.
    let mut continuation = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Printable ASCII but the space, most of most terms: one comparison.
        if (0x21..0x7F).contains(&b) {
            previous_space = false;
            i += 1;
        } else if b < 0x80 {
            if is_ascii_white_space(b) && (b != b' ' || previous_space) {
                return None;
            }
            previous_space = b == b' ';
            i += 1;
        } else {
            let (c, width) = decode(s, i);
            if !stays_nfc(c) || (is_white_space_lead_byte(b) && c.is_whitespace()) {
                return None;
            }
            previous_space = false;
            ascii = false;
            continuation += width - 1;
            i += width;
        }
    }
    // An empty text or a trailing space: the general path decides.
    (!previous_space).then(|| Scan {
        chars: bytes.len() - continuation,
        ascii,
        capitals: ascii && bytes.iter().any(u8::is_ascii_uppercase),
    })
}

/// A term normalized ([`normalize`]), its length in characters ([`char_len`]) and its comparison
/// key ([`fold`]), as de-duplication needs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keyed<'a> {
    pub text: &'a str,
    pub chars: usize,
    pub key: &'a str,
}

/// [`Keyed`] for a term, with buffers the caller reuses: the text and the key borrow from `term`
/// when nothing changes them, else they are written into `text_buf` and `key_buf`. A term that is
/// already normalized (the usual case) takes one pass (`scan_normalized`) before folding.
pub fn keyed<'a>(term: &'a str, text_buf: &'a mut String, key_buf: &'a mut String) -> Keyed<'a> {
    if let Some(scan) = scan_normalized(term) {
        let key = match scan {
            Scan {
                ascii: true,
                capitals: false,
                ..
            } => term,
            Scan { ascii: true, .. } => ascii_lowercase_in(term, key_buf),
            Scan { ascii: false, .. } => fold_nfc_in(term, key_buf),
        };
        return Keyed {
            text: term,
            chars: scan.chars,
            key,
        };
    }
    if term.is_ascii() {
        // ASCII is in NFC and stays ASCII: normalizing only joins the words, a character is a
        // byte, and folding is lowercasing.
        join_words(term, text_buf);
        let text = text_buf.as_str();
        let key = if text.bytes().any(|b| b.is_ascii_uppercase()) {
            ascii_lowercase_in(text, key_buf)
        } else {
            text
        };
        return Keyed {
            text,
            chars: text.len(),
            key,
        };
    }
    let text = normalize_in(term, text_buf);
    Keyed {
        text,
        chars: char_len(text),
        key: fold_nfc_in(text, key_buf),
    }
}

/// An ASCII text lowercased into `buf`.
fn ascii_lowercase_in<'a>(s: &str, buf: &'a mut String) -> &'a str {
    buf.clear();
    buf.push_str(s);
    buf.make_ascii_lowercase();
    buf
}

/// [`str::trim`], looking at bytes rather than characters while the ends are ASCII.
fn trim(s: &str) -> &str {
    let bytes = s.as_bytes();
    let start = bytes
        .iter()
        .position(|&b| !is_ascii_white_space(b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| !is_ascii_white_space(b))
        .map_or(start, |last| last + 1);
    // Cut at ASCII bytes, so at character boundaries.
    let trimmed = &s[start..end.max(start)];
    match (trimmed.as_bytes().first(), trimmed.as_bytes().last()) {
        (Some(&first), Some(&last)) if first >= 0x80 || last >= 0x80 => trimmed.trim(),
        _ => trimmed,
    }
}

/// [`char::is_whitespace`] for an ASCII byte.
fn is_ascii_white_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Writes the white-space-separated words of `s` into `buf`, joined by single spaces: `s` trimmed
/// and every run of white space collapsed ([`str::split_whitespace`] splits on the same
/// `White_Space` property as [`char::is_whitespace`]).
fn join_words(s: &str, buf: &mut String) {
    buf.clear();
    if s.bytes().any(is_white_space_lead_byte) {
        for word in s.split_whitespace() {
            push_word(word, buf);
        }
        return;
    }
    // Only ASCII white space can occur: split on its bytes (character boundaries).
    let mut start = None;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if is_ascii_white_space(b) {
            if let Some(from) = start.take() {
                push_word(&s[from..i], buf);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(from) = start {
        push_word(&s[from..], buf);
    }
}

fn push_word(word: &str, buf: &mut String) {
    if !buf.is_empty() {
        buf.push(' ');
    }
    buf.push_str(word);
}

/// Whether a byte is the lead byte of a non-ASCII white space character (`U+0085`, `U+00A0`,
/// `U+1680`, `U+2000`–`U+3000`; a unit test checks every character): no other byte starts one.
fn is_white_space_lead_byte(b: u8) -> bool {
    matches!(b, 0xC2 | 0xE1..=0xE3)
}

/// Whether an already trimmed text has no white space but single `U+0020`s (so collapsing it
/// changes nothing).
fn is_collapsed(trimmed: &str) -> bool {
    let bytes = trimmed.as_bytes();
    let mut previous_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' {
            if previous_space {
                return false;
            }
            previous_space = true;
            i += 1;
            continue;
        }
        previous_space = false;
        if b < 0x80 {
            if is_ascii_white_space(b) {
                return false;
            }
            i += 1;
        } else if is_white_space_lead_byte(b) {
            // Other bytes (continuation bytes included) cannot start white space: skipped.
            let (c, width) = decode(trimmed, i);
            if c.is_whitespace() {
                return false;
            }
            i += width;
        } else {
            i += 1;
        }
    }
    true
}

/// The comparison key of an already normalized text: full case folding, then NFC (`docs/rules/keyterms.md` step 3).
/// Two normalized terms are duplicates exactly when their keys are equal.
pub fn fold(normalized: &str) -> String {
    let mut buf = String::new();
    match case_fold_in(normalized, &mut buf) {
        Some(true) => buf,
        Some(false) => nfc_owned(buf),
        // Folding changed nothing: the key is the text in NFC.
        None => nfc(normalized),
    }
}

/// [`fold`] of a text already in NFC (the output of [`normalize`]), with a buffer the caller
/// reuses: the key, borrowed from `normalized` when folding changes nothing (then the text is its
/// own key), else written into `buf`.
pub fn fold_nfc_in<'a>(normalized: &'a str, buf: &'a mut String) -> &'a str {
    debug_assert!(normalization::is_nfc(normalized));
    let Some(stable) = case_fold_in(normalized, buf) else {
        return normalized;
    };
    if !stable {
        if let Some(composed) = nfc_changed(buf) {
            *buf = composed;
        }
    }
    buf
}

/// NFC of an owned text, kept as it is when already normalized.
fn nfc_owned(s: String) -> String {
    nfc_changed(&s).unwrap_or(s)
}

/// The NFC of a text when it is not the text itself.
fn nfc_changed(s: &str) -> Option<String> {
    match nfc_cow(s) {
        Cow::Owned(composed) => Some(composed),
        Cow::Borrowed(_) => None,
    }
}

/// Unicode full default case folding (`CaseFolding.txt` statuses C and F, by `caseless`) of `s`
/// into `buf`: `None` (and `buf` left as it is) when folding changes nothing, else whether every
/// character of `buf` is in [`stays_nfc`] (which proves `buf` is in NFC). Only the non-ASCII
/// characters that change are looked up in [`crate::text::folds`]; ASCII is lowercased in one pass at
/// the end, which is exact because ASCII folds as ASCII lowercasing and no folding of another
/// character contains an ASCII capital (a unit test checks every character).
fn case_fold_in(s: &str, buf: &mut String) -> Option<bool> {
    let bytes = s.as_bytes();
    let mut capitals = false;
    // Whether every character written is in `stays_nfc` (then `buf` is in NFC).
    let mut stable = true;
    // Set at the first non-ASCII character that folding changes.
    let mut written = false;
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            capitals |= b.is_ascii_uppercase();
            i += 1;
            continue;
        }
        // A lead byte: the loop only stops on character boundaries.
        let (c, width) = decode(s, i);
        if let Some(folded) = fold_char(c) {
            if !written {
                buf.clear();
                written = true;
            }
            buf.push_str(&s[run..i]);
            folded.push_to(buf);
            stable &= folded.0.iter().all(|&f| f == '\0' || stays_nfc(f));
            run = i + width;
        } else {
            stable &= stays_nfc(c);
        }
        i += width;
    }
    if written {
        buf.push_str(&s[run..]);
    } else if capitals {
        buf.clear();
        buf.push_str(s);
    } else {
        return None;
    }
    buf.make_ascii_lowercase();
    Some(stable)
}

/// The full case folding of a character that folding changes: one to three characters, padded
/// with `U+0000` (as `caseless` stores them; no folding contains it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Folding([char; 3]);

impl Folding {
    fn push_to(self, buf: &mut String) {
        for c in self.0 {
            if c != '\0' {
                buf.push(c);
            }
        }
    }
}

/// The full case folding of a non-ASCII character, when it is not the character itself. The
/// capitals of Latin-1, Greek (with and without tonos) and Cyrillic, which fold to one letter at a
/// fixed distance, are answered first, then [`never_folds`], and the folding tables
/// ([`crate::text::folds`]) only for the rest; a unit test compares this function with `caseless` on every
/// character.
fn fold_char(c: char) -> Option<Folding> {
    let code = c as u32;
    let single = match code {
        0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => code + 0x20,
        0x386 => 0x3AC,
        0x388..=0x38A => code + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => code + 0x3F,
        0x400..=0x40F => code + 0x50,
        0x3C2 => 0x3C3,
        0xDF => return Some(Folding(['s', 's', '\0'])),
        0x130 => return Some(Folding(['i', '\u{307}', '\0'])),
        _ if never_folds(c) => return None,
        _ => return crate::text::folds::fold(c).map(Folding),
    };
    char::from_u32(single).map(|f| Folding([f, '\0', '\0']))
}

/// The ranges of non-ASCII characters where `CaseFolding.txt` (as `caseless` has it, Unicode 16)
/// maps nothing, in order: the gaps of at least 16 characters between its entries, the lowercase
/// Greek letters, and everything past its last entry. A unit test checks every character.
#[rustfmt::skip]
const NEVER_FOLDS: &[(u32, u32)] = &[
    (0x80, 0xB4),
    (0xE0, 0xFF),
    (0x24F, 0x344),
    (0x346, 0x36F),
    (0x3AC, 0x3AF),
    (0x3B1, 0x3C1),
    (0x3C3, 0x3CE),
    (0x430, 0x45F),
    (0x557, 0x586),
    (0x588, 0x109F),
    (0x10CE, 0x13F7),
    (0x13FE, 0x1C7F),
    (0x1CC0, 0x1DFF),
    (0x1F70, 0x1F7F),
    (0x1FFD, 0x2125),
    (0x2133, 0x215F),
    (0x2170, 0x2182),
    (0x2184, 0x24B5),
    (0x24D0, 0x2BFF),
    (0x2C30, 0x2C5F),
    (0x2CF3, 0xA63F),
    (0xA66D, 0xA67F),
    (0xA69B, 0xA721),
    (0xA7DD, 0xA7F4),
    (0xA7F6, 0xAB6F),
    (0xABC0, 0xFAFF),
    (0xFB18, 0xFF20),
    (0xFF3B, 0x103FF),
    (0x10428, 0x104AF),
    (0x104D4, 0x1056F),
    (0x10596, 0x10C7F),
    (0x10CB3, 0x10D4F),
    (0x10D66, 0x1189F),
    (0x118C0, 0x16E3F),
    (0x16E60, 0x1E8FF),
    (0x1E922, 0x10FFFF),
];

/// Where [`NEVER_FOLDS_LOW`] ends: Latin, Greek, Cyrillic, Armenian and Hebrew lie below.
const LOW_END: u32 = 0x600;

/// [`NEVER_FOLDS`] below [`LOW_END`] as one bit per character: those scripts alternate between
/// folding and not from one letter to the next, where a search over the ranges cost a quarter of
/// folding Greek text (a profile).
const NEVER_FOLDS_LOW: [u64; LOW_END as usize / 64] = {
    let mut bits = [0u64; LOW_END as usize / 64];
    let mut r = 0;
    while r < NEVER_FOLDS.len() {
        let (lo, hi) = NEVER_FOLDS[r];
        let mut code = lo;
        while code <= hi && code < LOW_END {
            bits[(code / 64) as usize] |= 1 << (code % 64);
            code += 1;
        }
        r += 1;
    }
    bits
};

/// Whether a non-ASCII character is in [`NEVER_FOLDS`]: it skips the folding tables' search for
/// most text (CJK, Indic, Arabic, Hebrew, lowercase Greek and Cyrillic…).
fn never_folds(c: char) -> bool {
    let code = c as u32;
    if code < LOW_END {
        return NEVER_FOLDS_LOW[(code / 64) as usize] & (1 << (code % 64)) != 0;
    }
    let after = NEVER_FOLDS.partition_point(|&(lo, _)| lo <= code);
    after > 0 && code <= NEVER_FOLDS[after - 1].1
}

/// The number of characters (Unicode scalar values) of a text.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The most characters a term, a label or a name may have **as given**, before it is normalized
/// (`docs/rules/keyterms.md#empty-and-long-terms`): 8 × the longest term kept. Normalizing costs
/// time in the length of the text (10 MB of combining marks took a second), so a longer text is
/// `too_long` after counting its characters, never normalized.
pub const MAX_RAW_CHARS: usize = 1_024;

/// `Some(n)`, the number of characters of `s`, when it has more than `max`; `None` without
/// counting when its bytes already show it has not (a character is at least one byte). Not inlined:
/// called from every reader of normalized text, it stays one copy in the `.wasm`.
#[inline(never)]
pub fn longer_than(s: &str, max: usize) -> Option<usize> {
    if s.len() <= max {
        return None;
    }
    let n = char_len(s);
    (n > max).then_some(n)
}

/// Whether a character is part of a word for whole-word matching (`docs/rules/tone.md`): letters and digits
/// (`char::is_alphanumeric`, which includes the spacing vowel signs of Indic scripts through the
/// `Alphabetic` property), combining marks (a non-zero canonical combining class, from the
/// normalization data already in the module, so `i` + `U+0307` stays one word) and the joiners
/// ZWNJ/ZWJ (part of words in Persian and Indic scripts). Everything else — white space,
/// punctuation, symbols, emoji — separates words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || c == '\u{200C}'
        || c == '\u{200D}'
        || normalization::combining_class(c) != 0
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

/// The definitions of this module written the straightforward way (as they were before the fast
/// paths): every fast path is tested against them.
#[cfg(test)]
pub(crate) mod reference {
    fn nfc(s: &str) -> String {
        icu_normalizer::ComposingNormalizerBorrowed::new_nfc()
            .normalize(s)
            .into_owned()
    }

    /// NFC, trim, collapse white space.
    pub(crate) fn normalize(s: &str) -> String {
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

    /// Full case folding, then NFC.
    pub(crate) fn fold(s: &str) -> String {
        nfc(&caseless::default_case_fold_str(s))
    }

    /// Deterministic pseudo-random texts (xorshift, fixed seed) made of the pieces that exercise
    /// the fast paths and their exits: ASCII of every class, white space of every kind, zero-width
    /// characters, `ß`/`ẞ`, `İ`/`ı`, Greek with final sigma and iota subscript, combining marks
    /// before and after starters that compose with them, precomposed and decomposed letters, CJK,
    /// Hangul syllables and jamo, Indic and Arabic, compatibility characters, Cherokee, ligatures,
    /// characters whose NFC is another character, and any code point at all.
    pub(crate) fn texts(count: usize, seed: u64) -> Vec<String> {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "m",
            "Q",
            "0",
            "9",
            ".",
            "-",
            "~",
            "/",
            " ",
            "  ",
            "\t",
            "\n",
            "\r",
            "\u{B}",
            "\u{C}",
            "\u{85}",
            "\u{A0}",
            "\u{1680}",
            "\u{2000}",
            "\u{200A}",
            "\u{2028}",
            "\u{2029}",
            "\u{202F}",
            "\u{205F}",
            "\u{3000}",
            "\u{200B}",
            "\u{200C}",
            "\u{200D}",
            "\u{2060}",
            "\u{FEFF}",
            "\u{1C}",
            "\u{1F}",
            "ß",
            "ẞ",
            "SS",
            "İ",
            "ı",
            "I",
            "i",
            "Σ",
            "σ",
            "ς",
            "ΐ",
            "ΰ",
            "ᾳ",
            "ᾼ",
            "ί",
            "ϐ",
            "µ",
            "\u{301}",
            "\u{307}",
            "\u{323}",
            "\u{345}",
            "\u{308}",
            "\u{30C}",
            "\u{340}",
            "\u{344}",
            "é",
            "e\u{301}",
            "E\u{301}",
            "É",
            "Å",
            "\u{212B}",
            "\u{212A}",
            "\u{2126}",
            "ǰ",
            "J\u{30C}",
            "j",
            "Ǆ",
            "ǅ",
            "ǆ",
            "ﬁ",
            "ﬅ",
            "ŉ",
            "東",
            "京",
            "\u{F900}",
            "\u{2F800}",
            "가",
            "\u{1100}",
            "\u{1161}",
            "\u{11A8}",
            "각",
            "क",
            "ि",
            "्",
            "क़",
            "\u{958}",
            "ن",
            "\u{64B}",
            "ש",
            "\u{5B8}",
            "Ꭰ",
            "ꭰ",
            "ᏸ",
            "Ⓐ",
            "Ａ",
            "𐐀",
            "𞤀",
            "ꙋ",
            "Ⴀ",
            "ⴀ",
            "ǅ",
            "ϴ",
            "ẛ",
            "\u{1E9E}",
            "Ǳ",
            "ﬓ",
            "Ω",
            "ω",
            "K",
            "k",
            "Ä",
            "ä",
            "a\u{308}",
            "Ĳ",
            "ĳ",
            "👨",
            "🩺",
        ];
        let mut state = seed | 1;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..count)
            .map(|_| {
                let len = next() % 10;
                let mut text = String::new();
                for _ in 0..len {
                    let r = next();
                    if r % 16 == 0 {
                        text.extend(char::from_u32((r >> 8) as u32 % 0x11_0000));
                    } else {
                        text.push_str(PIECES[(r >> 8) as usize % PIECES.len()]);
                    }
                }
                text
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ICU4X's NFC, the reference.
    const NFC: icu_normalizer::ComposingNormalizerBorrowed<'static> =
        icu_normalizer::ComposingNormalizerBorrowed::new_nfc();

    /// `normalize` and `keyed` of `s` agree with the reference definitions; answers those.
    fn assert_keyed(s: &str, text_buf: &mut String, key_buf: &mut String) -> (String, String) {
        let normalized = reference::normalize(s);
        let key = reference::fold(&normalized);
        assert_eq!(normalize(s), normalized, "normalize {s:?}");
        assert_eq!(
            keyed(s, text_buf, key_buf),
            Keyed {
                text: &normalized,
                chars: normalized.chars().count(),
                key: &key
            },
            "{s:?}"
        );
        (normalized, key)
    }

    fn nfc_of(s: &str) -> String {
        NFC.normalize(s).into_owned()
    }

    #[test]
    fn the_fast_paths_agree_with_the_definitions_on_generated_texts() {
        let mut text_buf = String::new();
        let mut key_buf = String::new();
        for s in reference::texts(40_000, 0x5eed) {
            let (normalized, key) = assert_keyed(&s, &mut text_buf, &mut key_buf);
            assert_eq!(normalize_in(&s, &mut text_buf), normalized, "{s:?}");
            assert_eq!(fold(&s), reference::fold(&s), "fold of any text {s:?}");
            assert_eq!(fold(&normalized), key, "{s:?}");
            assert_eq!(fold_nfc_in(&normalized, &mut key_buf), key, "{s:?}");
            assert_eq!(nfc(&s), nfc_of(&s), "{s:?}");
            assert_eq!(is_nfc(&s), NFC.is_normalized(&s), "{s:?}");
            let folded = caseless::default_case_fold_str(&s);
            assert_eq!(is_nfc(&folded), NFC.is_normalized(&folded), "{folded:?}");
            let mut buf = String::new();
            let expected_fold = caseless::default_case_fold_str(&s);
            match case_fold_in(&s, &mut buf) {
                Some(stable) => {
                    assert_eq!(buf, expected_fold, "{s:?}");
                    assert_eq!(stable, buf.chars().all(stays_nfc), "{s:?}");
                }
                None => assert_eq!(s, expected_fold, "{s:?}"),
            }
            if let Some(scan) = scan_normalized(&s) {
                assert_eq!(s, normalized, "{s:?}");
                assert_eq!(scan.chars, s.chars().count());
                assert_eq!(scan.ascii, s.is_ascii());
                let capitals = s.is_ascii() && s.bytes().any(|b| b.is_ascii_uppercase());
                assert_eq!(scan.capitals, capitals);
            }
        }
    }

    #[test]
    fn the_ascii_paths_agree_with_the_definitions_on_generated_texts() {
        // Every ASCII byte, white space and capitals more often than the others.
        const BYTES: &[u8] = b" \t\n\x0B\x0C\r  AZaz09.-~/";
        let mut state: u64 = 0xA5C1;
        let mut text_buf = String::new();
        let mut key_buf = String::new();
        for _ in 0..40_000 {
            let mut next = || {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state
            };
            let len = next() % 24;
            let s: String = (0..len)
                .map(|_| {
                    let r = next();
                    char::from(if r % 3 == 0 {
                        (r >> 8) as u8 % 0x80
                    } else {
                        BYTES[(r >> 8) as usize % BYTES.len()]
                    })
                })
                .collect();
            assert_keyed(&s, &mut text_buf, &mut key_buf);
        }
    }

    #[test]
    fn fold_char_is_caseless_on_every_character() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let expected = caseless::default_case_fold_str(c.encode_utf8(&mut [0; 4]));
            // The final ASCII lowercasing of `case_fold_in` relies on this.
            assert!(!expected.bytes().any(|b| b.is_ascii_uppercase()), "{c:?}");
            if c.is_ascii() {
                assert_eq!(expected, c.to_ascii_lowercase().to_string());
                continue;
            }
            let mut got = String::new();
            match fold_char(c) {
                Some(folding) => {
                    assert!(!folding.0.contains(&c) || folding.0[1] != '\0', "{c:?}");
                    folding.push_to(&mut got);
                }
                None => got.push(c),
            }
            assert_eq!(got, expected, "{c:?} U+{:04X}", c as u32);
            if never_folds(c) {
                assert_eq!(expected, c.to_string(), "never_folds U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn stays_nfc_characters_have_a_boundary_before_them() {
        use icu_normalizer::properties::{
            CanonicalCombiningClassMap, CanonicalDecomposition, Decomposed,
        };
        let classes = CanonicalCombiningClassMap::new();
        let decompositions = CanonicalDecomposition::new();
        // Every character that is the second of a canonical decomposition pair: the only ones
        // that may compose with the character before them.
        let seconds: std::collections::BTreeSet<char> = (0..=0x10_FFFF)
            .filter_map(char::from_u32)
            .filter_map(|c| match decompositions.decompose(c) {
                Decomposed::Expansion(_, second) => Some(second),
                _ => None,
            })
            .collect();
        let decomposing = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd();
        for c in (0..=0x10_FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| stays_nfc(c))
        {
            let text = c.to_string();
            assert_eq!(classes.get_u8(c), 0, "U+{:04X}", c as u32);
            assert!(NFC.is_normalized(&text), "U+{:04X}", c as u32);
            assert!(!seconds.contains(&c), "U+{:04X}", c as u32);
            let first = decomposing.normalize(&text).chars().next();
            assert_eq!(
                first.map(|f| classes.get_u8(f)),
                Some(0),
                "U+{:04X}",
                c as u32
            );
        }
        // And two of them side by side stay as they are (a third of all pairs of Latin, Greek
        // and Cyrillic, a sample of the others).
        let stable: Vec<char> = (0..=0x10_FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| stays_nfc(c))
            .collect();
        let (small, large): (Vec<char>, Vec<char>) =
            stable.iter().partition(|&&c| (c as u32) < 0x500);
        let pairs = small
            .iter()
            .enumerate()
            .flat_map(|(n, &a)| small.iter().skip(n % 3).step_by(3).map(move |&b| (a, b)));
        let sampled = large.iter().step_by(101).flat_map(|&a| {
            let small = &small;
            small
                .iter()
                .step_by(11)
                .flat_map(move |&b| [(a, b), (b, a)])
        });
        for (a, b) in pairs.chain(sampled) {
            let pair: String = [a, b].into_iter().collect();
            assert!(NFC.is_normalized(&pair), "{pair:?}");
        }
        assert!(NFC.is_normalized("i\u{307}"));
    }

    #[test]
    fn white_space_bytes_and_decoding() {
        for b in 0u8..0x80 {
            assert_eq!(
                is_ascii_white_space(b),
                char::from(b).is_whitespace(),
                "{b:#x}"
            );
        }
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let mut bytes = [0; 4];
            let text = c.encode_utf8(&mut bytes);
            if c.is_whitespace() && !c.is_ascii() {
                assert!(is_white_space_lead_byte(text.as_bytes()[0]), "{c:?}");
            }
            assert_eq!(decode(text, 0), (c, c.len_utf8()), "{c:?}");
        }
    }

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
