//! Compact tables of Unicode character data, and (in tests) their derivation from a reference.
//!
//! Why tables of our own: the crates that know these properties (`unicode-normalization`,
//! `caseless`, the standard library's case conversions) carry one entry per character, data that
//! compresses badly and costs the gzipped `.wasm` several KB each (BENCHMARKS.md). Ranges and runs at a
//! fixed distance hold the same data in a fraction of the bytes. Every table is *derived*, never
//! written by hand: its module's test builds it again from the reference with [`derive`], compares
//! it on every `char`, and prints the table to paste when they differ (after a Unicode update of the
//! reference, for instance). `src/text/marks.rs`, `src/text/folds.rs` and `src/text/lowercase.rs` hold the tables;
//! the larger ones of `src/text/normalization.rs` are written to a file of their own by its generator test.

/// Inclusive ranges of characters, in order and disjoint, each packed in a `u32` by [`range`]: half
/// the bytes of `(first, last)` pairs, for tables of hundreds of ranges.
pub type Ranges = [u32];

/// The bits of a packed range that hold its length (`last - first`); the rest hold `first`.
const LEN_BITS: u32 = 11;

/// `first..=last` packed for [`Ranges`]. A range too long to pack stops the build (it is `const`):
/// [`derive::ranges`] splits such ranges.
pub const fn range(first: u32, last: u32) -> u32 {
    assert!(first <= last && last - first < 1 << LEN_BITS && last <= 0x10FFFF);
    first << LEN_BITS | (last - first)
}

/// Whether `c` falls in one of `ranges`.
pub fn in_ranges(ranges: &Ranges, c: char) -> bool {
    range_index(ranges, c).is_some()
}

/// The index in `ranges` of the range that holds `c`, if one does: the key of tables that give each
/// range a value (`src/text/normalization.rs`).
pub fn range_index(ranges: &Ranges, c: char) -> Option<usize> {
    let c = u32::from(c);
    let i = last_from(ranges, |&r| r >> LEN_BITS, c)?;
    let r = ranges.get(i)?;
    (c - (r >> LEN_BITS) <= r & ((1 << LEN_BITS) - 1)).then_some(i)
}

/// The index of the last entry of `table` (in order of `start`) that starts at or before `code`:
/// the only one that can hold it, in a table of disjoint ranges or runs.
fn last_from<T>(table: &[T], start: impl Fn(&T) -> u32, code: u32) -> Option<usize> {
    table
        .partition_point(|entry| start(entry) <= code)
        .checked_sub(1)
}

/// `(first, last, distance, step)`: `first`, `first + step`, … up to `last` map to themselves plus
/// `distance` (`A`–`Z` → `a`–`z` is `(0x41, 0x5A, 32, 1)`; `Ā`, `Ă`, `Ą`… → the next character is a
/// run of step 2).
pub type Run = (u32, u32, i32, u32);

/// A character and its mapping to two or three characters (`'\0'` pads).
pub type Multi = (u32, [char; 3]);

/// A case mapping (folding, lowercasing) of single characters to one, two or three characters.
pub struct CaseMap {
    /// The mappings to one character, as runs in order and disjoint.
    pub runs: &'static [Run],
    /// The mappings to several characters, in order of the character.
    pub multi: &'static [Multi],
}

impl CaseMap {
    /// The mapping of `c`, padded with `'\0'`, or `None` when the mapping leaves it as it is.
    pub fn get(&self, c: char) -> Option<[char; 3]> {
        let code = u32::from(c);
        let run = last_from(self.runs, |run| run.0, code).and_then(|i| self.runs.get(i));
        if let Some(&(first, last, distance, step)) = run {
            if code <= last && (code - first) % step == 0 {
                let mapped = code.checked_add_signed(distance).and_then(char::from_u32)?;
                return Some([mapped, '\0', '\0']);
            }
        }
        let multi = self
            .multi
            .binary_search_by_key(&code, |&(from, _)| from)
            .ok()?;
        self.multi.get(multi).map(|&(_, to)| to)
    }
}

/// Characters mapped to strings (the decompositions of `src/text/normalization.rs`: thousands of
/// characters, one to 18 characters each). The mapped characters are ranges (most stand next to
/// each other), numbered in order; the strings are written one after another in `text`, found by
/// their lengths in bytes from the offset of every [`CHUNK`]-th. Two bytes a string and the text
/// itself, where an offset for each string would be four.
pub struct StrMap {
    /// The mapped characters, as ranges in order.
    pub ranges: &'static Ranges,
    /// The number of the mapping of each range's first character.
    pub starts: &'static [u16],
    /// The offset in `text` of the mappings numbered 0, [`CHUNK`], 2 × [`CHUNK`]…
    pub offsets: &'static [u16],
    /// The length in bytes of each mapping.
    pub lens: &'static [u8],
    /// Every mapping, in order.
    pub text: &'static str,
}

/// Every how many mappings [`StrMap`] keeps an offset: at most `CHUNK - 1` lengths are added to find
/// one.
pub const CHUNK: usize = 16;

impl StrMap {
    /// The mapping of `c`, if it has one.
    pub fn get(&self, c: char) -> Option<&'static str> {
        let range = range_index(self.ranges, c)?;
        let first = self.ranges.get(range)? >> LEN_BITS;
        let n = usize::from(*self.starts.get(range)?) + (u32::from(c) - first) as usize;
        let chunk = n / CHUNK;
        let before = self.lens.get(chunk * CHUNK..n)?.iter();
        let start = before.fold(usize::from(*self.offsets.get(chunk)?), |at, &len| {
            at + usize::from(len)
        });
        self.text
            .get(start..start + usize::from(*self.lens.get(n)?))
    }
}

/// Building the tables from a reference, and checking them against it on every `char`.
#[cfg(test)]
pub mod derive {
    use super::*;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    /// The ranges of the characters where `has` holds, as `(first, last)`, none longer than a packed
    /// range can be.
    pub fn ranges(has: impl Fn(char) -> bool) -> Vec<(u32, u32)> {
        (valued_ranges(|c| has(c).then_some(())).into_iter())
            .map(|(first, last, ())| (first, last))
            .collect()
    }

    /// The ranges of the characters that `value` gives a value, as `(first, last, value)`: each a
    /// run of neighbours with the same value, none longer than a packed range can be.
    pub fn valued_ranges<T: PartialEq>(value: impl Fn(char) -> Option<T>) -> Vec<(u32, u32, T)> {
        let mut ranges: Vec<(u32, u32, T)> = Vec::new();
        for (c, v) in every_char().filter_map(|c| Some((u32::from(c), value(c)?))) {
            match ranges.last_mut() {
                Some(last) if last.1 + 1 == c && c - last.0 < 1 << LEN_BITS && last.2 == v => {
                    last.1 = c;
                }
                _ => ranges.push((c, c, v)),
            }
        }
        ranges
    }

    /// The parts of a [`StrMap`] of `map`, built: what a generator writes out.
    pub struct StrMapParts {
        pub ranges: Vec<(u32, u32)>,
        pub starts: Vec<u16>,
        pub offsets: Vec<u16>,
        pub lens: Vec<u8>,
        pub text: String,
    }

    /// The [`StrMap`] parts of `map`, the mapping of every `char` that has one.
    pub fn str_map(map: impl Fn(char) -> Option<String>) -> StrMapParts {
        let mut parts = StrMapParts {
            ranges: Vec::new(),
            starts: Vec::new(),
            offsets: Vec::new(),
            lens: Vec::new(),
            text: String::new(),
        };
        let mapped: Vec<(char, String)> = every_char().filter_map(|c| Some((c, map(c)?))).collect();
        parts.ranges = ranges(|c| mapped.binary_search_by_key(&c, |m| m.0).is_ok());
        let mut n = 0;
        for &(first, last) in &parts.ranges {
            parts.starts.push(u16::try_from(n).unwrap());
            n += (last - first) as usize + 1;
        }
        for (n, (_, to)) in mapped.iter().enumerate() {
            if n % CHUNK == 0 {
                parts.offsets.push(u16::try_from(parts.text.len()).unwrap());
            }
            parts.lens.push(u8::try_from(to.len()).unwrap());
            parts.text.push_str(to);
        }
        parts
    }

    /// Fails, with the table to paste, unless `table` is the ranges of `has`, and checks
    /// [`in_ranges`] against `has` on every `char`.
    pub fn assert_ranges(table: &Ranges, has: impl Fn(char) -> bool) {
        let expected = ranges(&has);
        let text: Vec<String> = (expected.iter())
            .map(|(a, b)| format!("range(0x{a:X}, 0x{b:X}),"))
            .collect();
        let packed: Vec<u32> = expected.iter().map(|&(a, b)| range(a, b)).collect();
        assert_eq!(
            table,
            packed.as_slice(),
            "paste {} ranges:\n{}",
            expected.len(),
            text.join(" ")
        );
        for c in every_char() {
            assert_eq!(in_ranges(table, c), has(c), "U+{:04X}", u32::from(c));
        }
    }

    /// `mapped`, a reference's mapping of `c`, in the form [`CaseMap::get`] answers: padded with
    /// `'\0'`, `None` when it is `c` alone.
    pub fn padded(c: char, mapped: impl IntoIterator<Item = char>) -> Option<[char; 3]> {
        let mut mapped = mapped.into_iter();
        let chars = [
            mapped.next().unwrap_or(c),
            mapped.next().unwrap_or('\0'),
            mapped.next().unwrap_or('\0'),
        ];
        assert_eq!(
            mapped.next(),
            None,
            "U+{:04X} maps to more than 3",
            u32::from(c)
        );
        (chars != [c, '\0', '\0']).then_some(chars)
    }

    /// The runs and the mappings to several characters of `map` (see [`padded`]).
    pub fn case_map(map: impl Fn(char) -> Option<[char; 3]>) -> (Vec<Run>, Vec<Multi>) {
        let (mut runs, mut multi): (Vec<Run>, Vec<Multi>) = (Vec::new(), Vec::new());
        for c in every_char() {
            let code = u32::from(c);
            match map(c) {
                Some([one, '\0', '\0']) => {
                    let distance =
                        i32::try_from(u32::from(one)).unwrap() - i32::try_from(code).unwrap();
                    match runs.last_mut() {
                        // A run's second character sets its step (1 or 2); later ones keep it.
                        Some((first, last, d, step))
                            if *d == distance
                                && (if first == last {
                                    code - *last <= 2
                                } else {
                                    code - *last == *step
                                }) =>
                        {
                            if first == last {
                                *step = code - *first;
                            }
                            *last = code;
                        }
                        _ => runs.push((code, code, distance, 1)),
                    }
                }
                Some(many) => multi.push((code, many)),
                None => {}
            }
        }
        (runs, multi)
    }

    /// Fails, with the tables to paste, unless `table` holds `map`'s runs and mappings to several
    /// characters, and checks [`CaseMap::get`] against `map` on every `char`.
    pub fn assert_case_map(table: &CaseMap, map: impl Fn(char) -> Option<[char; 3]>) {
        let (runs, multi) = case_map(&map);
        let runs_text: Vec<String> = (runs.iter())
            .map(|(a, b, d, s)| format!("(0x{a:X}, 0x{b:X}, {d}, {s}),"))
            .collect();
        let char_text = |c: &char| match c {
            '\0' => "'\\0'".to_owned(),
            c if c.is_ascii() => format!("'{c}'"),
            c => format!("'\\u{{{:X}}}'", u32::from(*c)),
        };
        let multi_text: Vec<String> = (multi.iter())
            .map(|(a, m)| {
                let chars: Vec<String> = m.iter().map(char_text).collect();
                format!("(0x{a:X}, [{}]),", chars.join(", "))
            })
            .collect();
        assert_eq!(
            table.runs,
            runs.as_slice(),
            "paste {} runs:\n{}",
            runs.len(),
            runs_text.join(" ")
        );
        assert_eq!(
            table.multi,
            multi.as_slice(),
            "paste {}:\n{}",
            multi.len(),
            multi_text.join(" ")
        );
        for c in every_char() {
            assert_eq!(table.get(c), map(c), "U+{:04X}", u32::from(c));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_inclusive_at_both_ends() {
        let ranges = [range(0x41, 0x43), range(0x61, 0x61), range(0x100, 0x8FF)];
        let inside: Vec<bool> = [
            '@', 'A', 'B', 'C', 'D', '`', 'a', 'b', 'ÿ', 'Ā', '\u{8FF}', '\u{900}',
        ]
        .into_iter()
        .map(|c| in_ranges(&ranges, c))
        .collect();
        let expected = [
            false, true, true, true, false, false, true, false, false, true, true, false,
        ];
        assert_eq!(inside, expected);
        assert!(!in_ranges(&[], 'a'));
        assert!(in_ranges(&[range(0x10F800, 0x10FFFF)], '\u{10FFFF}'));
    }

    #[test]
    fn long_ranges_are_split_to_be_packed() {
        let split = derive::ranges(|c| ('\u{1000}'..='\u{1FFF}').contains(&c));
        assert_eq!(split, [(0x1000, 0x17FF), (0x1800, 0x1FFF)]);
    }

    #[test]
    fn str_maps_find_every_mapping_across_chunks_and_ranges() {
        // 40 mapped characters (more than two chunks) in three ranges, of 1 to 3 bytes each.
        let map = |c: char| match u32::from(c) {
            0x41..=0x5A => Some(c.to_ascii_lowercase().to_string()),
            0xC0..=0xC9 => Some(format!("{}\u{300}", char::from(b'a' + (c as u8 - 0xC0)))),
            0x3000..=0x3003 => Some("\u{3042}".repeat(usize::from(c as u8))),
            _ => None,
        };
        let parts = derive::str_map(map);
        let ranges: Vec<u32> = parts.ranges.iter().map(|&(a, b)| range(a, b)).collect();
        assert_eq!(parts.ranges, [(0x41, 0x5A), (0xC0, 0xC9), (0x3000, 0x3003)]);
        assert_eq!(parts.starts, [0, 26, 36]);
        assert_eq!(parts.offsets.len(), 3);
        let table = StrMap {
            ranges: ranges.leak(),
            starts: parts.starts.leak(),
            offsets: parts.offsets.leak(),
            lens: parts.lens.leak(),
            text: parts.text.leak(),
        };
        for c in ('\0'..='\u{3100}').chain(['\u{10FFFF}']) {
            assert_eq!(table.get(c).map(str::to_owned), map(c), "{c:?}");
        }
    }

    #[test]
    fn valued_ranges_split_where_the_value_changes() {
        let value = |c: char| match c {
            'a'..='c' => Some(1),
            'd'..='e' => Some(2),
            'g' => Some(2),
            _ => None,
        };
        assert_eq!(
            derive::valued_ranges(value),
            [(0x61, 0x63, 1), (0x64, 0x65, 2), (0x67, 0x67, 2)]
        );
        let ranges = [range(0x61, 0x63), range(0x64, 0x65), range(0x67, 0x67)];
        let found: Vec<Option<usize>> = "`adfg".chars().map(|c| range_index(&ranges, c)).collect();
        assert_eq!(found, [None, Some(0), Some(1), None, Some(2)]);
    }

    #[test]
    fn runs_keep_their_step_and_multi_mappings_come_after() {
        const MAP: CaseMap = CaseMap {
            runs: &[(0x41, 0x45, 32, 2), (0x100, 0x100, -0x80, 1)],
            multi: &[(0xDF, ['s', 's', '\0'])],
        };
        assert_eq!(MAP.get('A'), Some(['a', '\0', '\0']));
        assert_eq!(MAP.get('B'), None); // between the run's steps
        assert_eq!(MAP.get('E'), Some(['e', '\0', '\0']));
        assert_eq!(MAP.get('G'), None); // past the run
        assert_eq!(MAP.get('ß'), Some(['s', 's', '\0']));
        assert_eq!(MAP.get('\u{100}'), Some(['\u{80}', '\0', '\0']));
        assert_eq!(MAP.get('@'), None);
        let (runs, multi) = derive::case_map(|c| match c {
            'A' | 'C' | 'E' => char::from_u32(u32::from(c) + 32).map(|l| [l, '\0', '\0']),
            'ß' => Some(['s', 's', '\0']),
            _ => None,
        });
        assert_eq!(runs, MAP.runs[..1]);
        assert_eq!(multi, MAP.multi);
    }
}
