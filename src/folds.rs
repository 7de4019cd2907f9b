//! Unicode full default case folding (`CaseFolding.txt` statuses C and F) of one character, which
//! keyterm keys use (§4, `text::fold_char`).
//!
//! Why a table of our own: `caseless`'s table lists every folding character with its three-char
//! folding, 24.9 KB of data that compresses badly (7.6 KB of the gzipped `.wasm`, measured by building
//! without it). Most foldings are runs at a fixed distance (`A`–`Z` → `a`–`z`; `Ā`, `Ă`, `Ą`… → the
//! next character), so runs and the few foldings to several characters hold the same data in a
//! fraction of the bytes. The tables are *derived* from `caseless`, not written by hand: the test
//! below compares them with it on every `char` and prints the tables to paste when they differ (after
//! a Unicode update of the crate, for instance).

/// `(first, last, distance, step)`: see [`RUNS`].
type Run = (u32, u32, i32, u32);

/// A character and its folding to two or three characters (`'\0'` pads).
type Multi = (u32, [char; 3]);

/// Runs of characters that fold to one character at a fixed distance: `(first, last, distance,
/// step)`: `first`, `first + step`, … up to `last` fold to themselves plus `distance`. In order,
/// disjoint (Unicode data of `caseless` 0.2.2).
#[rustfmt::skip]
const RUNS: [Run; 200] = [
    (0x41, 0x5A, 32, 1), (0xB5, 0xB5, 775, 1), (0xC0, 0xD6, 32, 1), (0xD8, 0xDE, 32, 1),
    (0x100, 0x12E, 1, 2), (0x132, 0x136, 1, 2), (0x139, 0x147, 1, 2), (0x14A, 0x176, 1, 2),
    (0x178, 0x178, -121, 1), (0x179, 0x17D, 1, 2), (0x17F, 0x17F, -268, 1), (0x181, 0x181, 210, 1),
    (0x182, 0x184, 1, 2), (0x186, 0x186, 206, 1), (0x187, 0x187, 1, 1), (0x189, 0x18A, 205, 1),
    (0x18B, 0x18B, 1, 1), (0x18E, 0x18E, 79, 1), (0x18F, 0x18F, 202, 1), (0x190, 0x190, 203, 1),
    (0x191, 0x191, 1, 1), (0x193, 0x193, 205, 1), (0x194, 0x194, 207, 1), (0x196, 0x196, 211, 1),
    (0x197, 0x197, 209, 1), (0x198, 0x198, 1, 1), (0x19C, 0x19C, 211, 1), (0x19D, 0x19D, 213, 1),
    (0x19F, 0x19F, 214, 1), (0x1A0, 0x1A4, 1, 2), (0x1A6, 0x1A6, 218, 1), (0x1A7, 0x1A7, 1, 1),
    (0x1A9, 0x1A9, 218, 1), (0x1AC, 0x1AC, 1, 1), (0x1AE, 0x1AE, 218, 1), (0x1AF, 0x1AF, 1, 1),
    (0x1B1, 0x1B2, 217, 1), (0x1B3, 0x1B5, 1, 2), (0x1B7, 0x1B7, 219, 1), (0x1B8, 0x1B8, 1, 1),
    (0x1BC, 0x1BC, 1, 1), (0x1C4, 0x1C4, 2, 1), (0x1C5, 0x1C5, 1, 1), (0x1C7, 0x1C7, 2, 1),
    (0x1C8, 0x1C8, 1, 1), (0x1CA, 0x1CA, 2, 1), (0x1CB, 0x1DB, 1, 2), (0x1DE, 0x1EE, 1, 2),
    (0x1F1, 0x1F1, 2, 1), (0x1F2, 0x1F4, 1, 2), (0x1F6, 0x1F6, -97, 1), (0x1F7, 0x1F7, -56, 1),
    (0x1F8, 0x21E, 1, 2), (0x220, 0x220, -130, 1), (0x222, 0x232, 1, 2), (0x23A, 0x23A, 10795, 1),
    (0x23B, 0x23B, 1, 1), (0x23D, 0x23D, -163, 1), (0x23E, 0x23E, 10792, 1), (0x241, 0x241, 1, 1),
    (0x243, 0x243, -195, 1), (0x244, 0x244, 69, 1), (0x245, 0x245, 71, 1), (0x246, 0x24E, 1, 2),
    (0x345, 0x345, 116, 1), (0x370, 0x372, 1, 2), (0x376, 0x376, 1, 1), (0x37F, 0x37F, 116, 1),
    (0x386, 0x386, 38, 1), (0x388, 0x38A, 37, 1), (0x38C, 0x38C, 64, 1), (0x38E, 0x38F, 63, 1),
    (0x391, 0x3A1, 32, 1), (0x3A3, 0x3AB, 32, 1), (0x3C2, 0x3C2, 1, 1), (0x3CF, 0x3CF, 8, 1),
    (0x3D0, 0x3D0, -30, 1), (0x3D1, 0x3D1, -25, 1), (0x3D5, 0x3D5, -15, 1), (0x3D6, 0x3D6, -22, 1),
    (0x3D8, 0x3EE, 1, 2), (0x3F0, 0x3F0, -54, 1), (0x3F1, 0x3F1, -48, 1), (0x3F4, 0x3F4, -60, 1),
    (0x3F5, 0x3F5, -64, 1), (0x3F7, 0x3F7, 1, 1), (0x3F9, 0x3F9, -7, 1), (0x3FA, 0x3FA, 1, 1),
    (0x3FD, 0x3FF, -130, 1), (0x400, 0x40F, 80, 1), (0x410, 0x42F, 32, 1), (0x460, 0x480, 1, 2),
    (0x48A, 0x4BE, 1, 2), (0x4C0, 0x4C0, 15, 1), (0x4C1, 0x4CD, 1, 2), (0x4D0, 0x52E, 1, 2),
    (0x531, 0x556, 48, 1), (0x10A0, 0x10C5, 7264, 1), (0x10C7, 0x10C7, 7264, 1),
    (0x10CD, 0x10CD, 7264, 1), (0x13F8, 0x13FD, -8, 1), (0x1C80, 0x1C80, -6222, 1),
    (0x1C81, 0x1C81, -6221, 1), (0x1C82, 0x1C82, -6212, 1), (0x1C83, 0x1C84, -6210, 1),
    (0x1C85, 0x1C85, -6211, 1), (0x1C86, 0x1C86, -6204, 1), (0x1C87, 0x1C87, -6180, 1),
    (0x1C88, 0x1C88, 35267, 1), (0x1C89, 0x1C89, 1, 1), (0x1C90, 0x1CBA, -3008, 1),
    (0x1CBD, 0x1CBF, -3008, 1), (0x1E00, 0x1E94, 1, 2), (0x1E9B, 0x1E9B, -58, 1),
    (0x1EA0, 0x1EFE, 1, 2), (0x1F08, 0x1F0F, -8, 1), (0x1F18, 0x1F1D, -8, 1),
    (0x1F28, 0x1F2F, -8, 1), (0x1F38, 0x1F3F, -8, 1), (0x1F48, 0x1F4D, -8, 1),
    (0x1F59, 0x1F5F, -8, 2), (0x1F68, 0x1F6F, -8, 1), (0x1FB8, 0x1FB9, -8, 1),
    (0x1FBA, 0x1FBB, -74, 1), (0x1FBE, 0x1FBE, -7173, 1), (0x1FC8, 0x1FCB, -86, 1),
    (0x1FD8, 0x1FD9, -8, 1), (0x1FDA, 0x1FDB, -100, 1), (0x1FE8, 0x1FE9, -8, 1),
    (0x1FEA, 0x1FEB, -112, 1), (0x1FEC, 0x1FEC, -7, 1), (0x1FF8, 0x1FF9, -128, 1),
    (0x1FFA, 0x1FFB, -126, 1), (0x2126, 0x2126, -7517, 1), (0x212A, 0x212A, -8383, 1),
    (0x212B, 0x212B, -8262, 1), (0x2132, 0x2132, 28, 1), (0x2160, 0x216F, 16, 1),
    (0x2183, 0x2183, 1, 1), (0x24B6, 0x24CF, 26, 1), (0x2C00, 0x2C2F, 48, 1),
    (0x2C60, 0x2C60, 1, 1), (0x2C62, 0x2C62, -10743, 1), (0x2C63, 0x2C63, -3814, 1),
    (0x2C64, 0x2C64, -10727, 1), (0x2C67, 0x2C6B, 1, 2), (0x2C6D, 0x2C6D, -10780, 1),
    (0x2C6E, 0x2C6E, -10749, 1), (0x2C6F, 0x2C6F, -10783, 1), (0x2C70, 0x2C70, -10782, 1),
    (0x2C72, 0x2C72, 1, 1), (0x2C75, 0x2C75, 1, 1), (0x2C7E, 0x2C7F, -10815, 1),
    (0x2C80, 0x2CE2, 1, 2), (0x2CEB, 0x2CED, 1, 2), (0x2CF2, 0x2CF2, 1, 1), (0xA640, 0xA66C, 1, 2),
    (0xA680, 0xA69A, 1, 2), (0xA722, 0xA72E, 1, 2), (0xA732, 0xA76E, 1, 2), (0xA779, 0xA77B, 1, 2),
    (0xA77D, 0xA77D, -35332, 1), (0xA77E, 0xA786, 1, 2), (0xA78B, 0xA78B, 1, 1),
    (0xA78D, 0xA78D, -42280, 1), (0xA790, 0xA792, 1, 2), (0xA796, 0xA7A8, 1, 2),
    (0xA7AA, 0xA7AA, -42308, 1), (0xA7AB, 0xA7AB, -42319, 1), (0xA7AC, 0xA7AC, -42315, 1),
    (0xA7AD, 0xA7AD, -42305, 1), (0xA7AE, 0xA7AE, -42308, 1), (0xA7B0, 0xA7B0, -42258, 1),
    (0xA7B1, 0xA7B1, -42282, 1), (0xA7B2, 0xA7B2, -42261, 1), (0xA7B3, 0xA7B3, 928, 1),
    (0xA7B4, 0xA7C2, 1, 2), (0xA7C4, 0xA7C4, -48, 1), (0xA7C5, 0xA7C5, -42307, 1),
    (0xA7C6, 0xA7C6, -35384, 1), (0xA7C7, 0xA7C9, 1, 2), (0xA7CB, 0xA7CB, -42343, 1),
    (0xA7CC, 0xA7CC, 1, 1), (0xA7D0, 0xA7D0, 1, 1), (0xA7D6, 0xA7DA, 1, 2),
    (0xA7DC, 0xA7DC, -42561, 1), (0xA7F5, 0xA7F5, 1, 1), (0xAB70, 0xABBF, -38864, 1),
    (0xFF21, 0xFF3A, 32, 1), (0x10400, 0x10427, 40, 1), (0x104B0, 0x104D3, 40, 1),
    (0x10570, 0x1057A, 39, 1), (0x1057C, 0x1058A, 39, 1), (0x1058C, 0x10592, 39, 1),
    (0x10594, 0x10595, 39, 1), (0x10C80, 0x10CB2, 64, 1), (0x10D50, 0x10D65, 32, 1),
    (0x118A0, 0x118BF, 32, 1), (0x16E40, 0x16E5F, 32, 1), (0x1E900, 0x1E921, 34, 1),
];

/// Characters that fold to two or three characters, in order (`'\0'` pads).
#[rustfmt::skip]
const MULTI: [Multi; 104] = [
    (0xDF, ['s', 's', '\0']), (0x130, ['i', '\u{307}', '\0']), (0x149, ['\u{2BC}', 'n', '\0']),
    (0x1F0, ['j', '\u{30C}', '\0']), (0x390, ['\u{3B9}', '\u{308}', '\u{301}']),
    (0x3B0, ['\u{3C5}', '\u{308}', '\u{301}']), (0x587, ['\u{565}', '\u{582}', '\0']),
    (0x1E96, ['h', '\u{331}', '\0']), (0x1E97, ['t', '\u{308}', '\0']),
    (0x1E98, ['w', '\u{30A}', '\0']), (0x1E99, ['y', '\u{30A}', '\0']),
    (0x1E9A, ['a', '\u{2BE}', '\0']), (0x1E9E, ['s', 's', '\0']),
    (0x1F50, ['\u{3C5}', '\u{313}', '\0']), (0x1F52, ['\u{3C5}', '\u{313}', '\u{300}']),
    (0x1F54, ['\u{3C5}', '\u{313}', '\u{301}']), (0x1F56, ['\u{3C5}', '\u{313}', '\u{342}']),
    (0x1F80, ['\u{1F00}', '\u{3B9}', '\0']), (0x1F81, ['\u{1F01}', '\u{3B9}', '\0']),
    (0x1F82, ['\u{1F02}', '\u{3B9}', '\0']), (0x1F83, ['\u{1F03}', '\u{3B9}', '\0']),
    (0x1F84, ['\u{1F04}', '\u{3B9}', '\0']), (0x1F85, ['\u{1F05}', '\u{3B9}', '\0']),
    (0x1F86, ['\u{1F06}', '\u{3B9}', '\0']), (0x1F87, ['\u{1F07}', '\u{3B9}', '\0']),
    (0x1F88, ['\u{1F00}', '\u{3B9}', '\0']), (0x1F89, ['\u{1F01}', '\u{3B9}', '\0']),
    (0x1F8A, ['\u{1F02}', '\u{3B9}', '\0']), (0x1F8B, ['\u{1F03}', '\u{3B9}', '\0']),
    (0x1F8C, ['\u{1F04}', '\u{3B9}', '\0']), (0x1F8D, ['\u{1F05}', '\u{3B9}', '\0']),
    (0x1F8E, ['\u{1F06}', '\u{3B9}', '\0']), (0x1F8F, ['\u{1F07}', '\u{3B9}', '\0']),
    (0x1F90, ['\u{1F20}', '\u{3B9}', '\0']), (0x1F91, ['\u{1F21}', '\u{3B9}', '\0']),
    (0x1F92, ['\u{1F22}', '\u{3B9}', '\0']), (0x1F93, ['\u{1F23}', '\u{3B9}', '\0']),
    (0x1F94, ['\u{1F24}', '\u{3B9}', '\0']), (0x1F95, ['\u{1F25}', '\u{3B9}', '\0']),
    (0x1F96, ['\u{1F26}', '\u{3B9}', '\0']), (0x1F97, ['\u{1F27}', '\u{3B9}', '\0']),
    (0x1F98, ['\u{1F20}', '\u{3B9}', '\0']), (0x1F99, ['\u{1F21}', '\u{3B9}', '\0']),
    (0x1F9A, ['\u{1F22}', '\u{3B9}', '\0']), (0x1F9B, ['\u{1F23}', '\u{3B9}', '\0']),
    (0x1F9C, ['\u{1F24}', '\u{3B9}', '\0']), (0x1F9D, ['\u{1F25}', '\u{3B9}', '\0']),
    (0x1F9E, ['\u{1F26}', '\u{3B9}', '\0']), (0x1F9F, ['\u{1F27}', '\u{3B9}', '\0']),
    (0x1FA0, ['\u{1F60}', '\u{3B9}', '\0']), (0x1FA1, ['\u{1F61}', '\u{3B9}', '\0']),
    (0x1FA2, ['\u{1F62}', '\u{3B9}', '\0']), (0x1FA3, ['\u{1F63}', '\u{3B9}', '\0']),
    (0x1FA4, ['\u{1F64}', '\u{3B9}', '\0']), (0x1FA5, ['\u{1F65}', '\u{3B9}', '\0']),
    (0x1FA6, ['\u{1F66}', '\u{3B9}', '\0']), (0x1FA7, ['\u{1F67}', '\u{3B9}', '\0']),
    (0x1FA8, ['\u{1F60}', '\u{3B9}', '\0']), (0x1FA9, ['\u{1F61}', '\u{3B9}', '\0']),
    (0x1FAA, ['\u{1F62}', '\u{3B9}', '\0']), (0x1FAB, ['\u{1F63}', '\u{3B9}', '\0']),
    (0x1FAC, ['\u{1F64}', '\u{3B9}', '\0']), (0x1FAD, ['\u{1F65}', '\u{3B9}', '\0']),
    (0x1FAE, ['\u{1F66}', '\u{3B9}', '\0']), (0x1FAF, ['\u{1F67}', '\u{3B9}', '\0']),
    (0x1FB2, ['\u{1F70}', '\u{3B9}', '\0']), (0x1FB3, ['\u{3B1}', '\u{3B9}', '\0']),
    (0x1FB4, ['\u{3AC}', '\u{3B9}', '\0']), (0x1FB6, ['\u{3B1}', '\u{342}', '\0']),
    (0x1FB7, ['\u{3B1}', '\u{342}', '\u{3B9}']), (0x1FBC, ['\u{3B1}', '\u{3B9}', '\0']),
    (0x1FC2, ['\u{1F74}', '\u{3B9}', '\0']), (0x1FC3, ['\u{3B7}', '\u{3B9}', '\0']),
    (0x1FC4, ['\u{3AE}', '\u{3B9}', '\0']), (0x1FC6, ['\u{3B7}', '\u{342}', '\0']),
    (0x1FC7, ['\u{3B7}', '\u{342}', '\u{3B9}']), (0x1FCC, ['\u{3B7}', '\u{3B9}', '\0']),
    (0x1FD2, ['\u{3B9}', '\u{308}', '\u{300}']), (0x1FD3, ['\u{3B9}', '\u{308}', '\u{301}']),
    (0x1FD6, ['\u{3B9}', '\u{342}', '\0']), (0x1FD7, ['\u{3B9}', '\u{308}', '\u{342}']),
    (0x1FE2, ['\u{3C5}', '\u{308}', '\u{300}']), (0x1FE3, ['\u{3C5}', '\u{308}', '\u{301}']),
    (0x1FE4, ['\u{3C1}', '\u{313}', '\0']), (0x1FE6, ['\u{3C5}', '\u{342}', '\0']),
    (0x1FE7, ['\u{3C5}', '\u{308}', '\u{342}']), (0x1FF2, ['\u{1F7C}', '\u{3B9}', '\0']),
    (0x1FF3, ['\u{3C9}', '\u{3B9}', '\0']), (0x1FF4, ['\u{3CE}', '\u{3B9}', '\0']),
    (0x1FF6, ['\u{3C9}', '\u{342}', '\0']), (0x1FF7, ['\u{3C9}', '\u{342}', '\u{3B9}']),
    (0x1FFC, ['\u{3C9}', '\u{3B9}', '\0']), (0xFB00, ['f', 'f', '\0']), (0xFB01, ['f', 'i', '\0']),
    (0xFB02, ['f', 'l', '\0']), (0xFB03, ['f', 'f', 'i']), (0xFB04, ['f', 'f', 'l']),
    (0xFB05, ['s', 't', '\0']), (0xFB06, ['s', 't', '\0']), (0xFB13, ['\u{574}', '\u{576}', '\0']),
    (0xFB14, ['\u{574}', '\u{565}', '\0']), (0xFB15, ['\u{574}', '\u{56B}', '\0']),
    (0xFB16, ['\u{57E}', '\u{576}', '\0']), (0xFB17, ['\u{574}', '\u{56D}', '\0']),
];

/// The full case folding of `c`, padded with `'\0'`, or `None` when folding leaves it as it is.
pub fn fold(c: char) -> Option<[char; 3]> {
    let code = u32::from(c);
    let run = RUNS.partition_point(|&(first, ..)| first <= code);
    if let Some(&(first, last, distance, step)) = run.checked_sub(1).and_then(|i| RUNS.get(i)) {
        if code <= last && (code - first) % step == 0 {
            let folded = code.checked_add_signed(distance).and_then(char::from_u32)?;
            return Some([folded, '\0', '\0']);
        }
    }
    let multi = MULTI.binary_search_by_key(&code, |&(from, _)| from).ok()?;
    MULTI.get(multi).map(|&(_, to)| to)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `caseless`'s folding of `c`, padded, or `None` when it is `c` itself.
    fn of_the_crate(c: char) -> Option<[char; 3]> {
        let mut folded = caseless::Caseless::default_case_fold(std::iter::once(c));
        let chars = [
            folded.next().unwrap_or(c),
            folded.next().unwrap_or('\0'),
            folded.next().unwrap_or('\0'),
        ];
        (chars != [c, '\0', '\0']).then_some(chars)
    }

    /// The runs and multi-character foldings of the crate's data, as the tables above hold them.
    fn tables_of_the_crate() -> (Vec<Run>, Vec<Multi>) {
        let (mut runs, mut multi): (Vec<Run>, Vec<Multi>) = (Vec::new(), Vec::new());
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let code = u32::from(c);
            match of_the_crate(c) {
                Some([one, '\0', '\0']) => {
                    let distance =
                        i32::try_from(u32::from(one)).unwrap() - i32::try_from(code).unwrap();
                    match runs.last_mut() {
                        // A run's second character decides its step (1 or 2); later ones keep it.
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

    #[test]
    fn the_tables_are_the_crates_on_every_char() {
        let (runs, multi) = tables_of_the_crate();
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
                format!(
                    "(0x{a:X}, [{}]),",
                    m.iter().map(char_text).collect::<Vec<_>>().join(", ")
                )
            })
            .collect();
        assert_eq!(
            RUNS.as_slice(),
            runs.as_slice(),
            "paste {} runs:\n{}",
            runs.len(),
            runs_text.join(" ")
        );
        assert_eq!(
            MULTI.as_slice(),
            multi.as_slice(),
            "paste {}:\n{}",
            multi.len(),
            multi_text.join(" ")
        );
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(fold(c), of_the_crate(c), "U+{:04X}", u32::from(c));
        }
    }
}
