//! Property tests of `base::timestamp` against the `time` crate, whose RFC 3339 reading and
//! calendar it reproduces: on random texts near the format (every field in and out of range, leap
//! seconds at and away from month ends, every offset, separators, fractions of any length), it
//! accepts exactly what `time` accepts, and names the same instant. Native only (proptest's random
//! source does not build for wasm32).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime, UtcOffset};
use workspace_rules::base::timestamp::Timestamp;

/// The library's form of an instant, by `time`: UTC, milliseconds; `None` outside years 0–9999.
fn written(at: OffsetDateTime) -> Option<String> {
    let utc = at.checked_to_offset(UtcOffset::UTC)?;
    (0..=9999).contains(&utc.year()).then(|| {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
            utc.year(),
            u8::from(utc.month()),
            utc.day(),
            utc.hour(),
            utc.minute(),
            utc.second(),
            utc.millisecond()
        )
    })
}

/// What `Timestamp::parse` did with the `time` crate: the instant, when the text is accepted.
fn reference(text: &str) -> Option<OffsetDateTime> {
    let at = OffsetDateTime::parse(text, &Rfc3339).ok()?;
    written(at).map(|_| at)
}

fn number(digits: usize, max: u32) -> impl Strategy<Value = String> {
    (0..=max).prop_map(move |n| format!("{n:0digits$}"))
}

fn one_of(items: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(items).prop_map(str::to_owned)
}

/// Texts near RFC 3339: mostly valid fields, often out of range, sometimes malformed.
fn text() -> impl Strategy<Value = String> {
    let year = prop_oneof![
        4 => one_of(&["0000", "0001", "1970", "2016", "2024", "2026", "2100", "9999"]),
        2 => number(4, 9999),
        1 => one_of(&["999", "10000", "+2026", "2O26"]),
    ];
    let month = prop_oneof![4 => number(2, 12), 1 => number(2, 19), 1 => one_of(&["1", "0a"])];
    let day = prop_oneof![
        3 => number(2, 28),
        3 => one_of(&["28", "29", "30", "31", "01"]),
        1 => number(2, 39),
    ];
    let separator = one_of(&["T", "T", "t", " ", "x", "é", "", "TT"]);
    let hour =
        prop_oneof![3 => number(2, 23), 2 => one_of(&["00", "23", "01", "22"]), 1 => number(2, 29)];
    let minute =
        prop_oneof![3 => number(2, 59), 2 => one_of(&["59", "00", "30"]), 1 => number(2, 69)];
    let second =
        prop_oneof![3 => number(2, 59), 3 => one_of(&["60", "59", "00"]), 1 => number(2, 69)];
    let fraction = prop_oneof![
        3 => Just(String::new()),
        3 => (1usize..13, any::<u64>()).prop_map(|(n, d)| format!(".{:013}", d % 10_u64.pow(13))[..=n].to_owned()),
        1 => one_of(&[".", ".5x", ",5"]),
    ];
    let offset = prop_oneof![
        3 => one_of(&["Z", "z", "+00:00", "-00:00"]),
        3 => (prop::bool::ANY, number(2, 23), number(2, 59))
            .prop_map(|(plus, h, m)| format!("{}{h}:{m}", if plus { '+' } else { '-' })),
        1 => (prop::bool::ANY, number(2, 29), number(2, 69))
            .prop_map(|(plus, h, m)| format!("{}{h}:{m}", if plus { '+' } else { '-' })),
        1 => one_of(&["", "+0100", "+01", "Z ", "UTC", "+01:00:00"]),
    ];
    (
        year, month, day, separator, hour, minute, second, fraction, offset,
    )
        .prop_map(|(y, mo, d, sep, h, mi, s, f, o)| format!("{y}-{mo}-{d}{sep}{h}:{mi}:{s}{f}{o}"))
}

/// Leap seconds at the end of a month in UTC (or a day before), written at any offset.
fn leap_second() -> impl Strategy<Value = String> {
    (
        0i32..=9999,
        1u8..=12,
        -1439i32..=1439,
        prop::bool::weighted(0.2),
    )
        .prop_map(|(year, month, offset_minutes, day_before)| {
            let month = time::Month::try_from(month).unwrap();
            let day = month.length(year) - u8::from(day_before);
            let utc = time::Date::from_calendar_date(year, month, day)
                .unwrap()
                .with_hms(23, 59, 59)
                .unwrap()
                .assume_utc();
            let offset = UtcOffset::from_whole_seconds(offset_minutes * 60).unwrap();
            let local = utc.checked_to_offset(offset).unwrap_or(utc);
            let minutes = (local.offset().whole_seconds() / 60).abs();
            let sign = if local.offset().is_negative() {
                '-'
            } else {
                '+'
            };
            format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:60{sign}{:02}:{:02}",
                local.year(),
                u8::from(local.month()),
                local.day(),
                local.hour(),
                local.minute(),
                minutes / 60,
                minutes % 60
            )
        })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![4 => text(), 1 => leap_second()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// Accepted exactly when `time` accepts, the same instant (written, compared, plus 7 days).
    #[test]
    fn timestamps_are_read_as_the_time_crate_reads_them(a in any_text(), b in any_text()) {
        let (ours_a, ours_b) = (Timestamp::parse(&a), Timestamp::parse(&b));
        let (theirs_a, theirs_b) = (reference(&a), reference(&b));
        prop_assert_eq!(ours_a.is_some(), theirs_a.is_some(), "{:?}", a);
        prop_assert_eq!(ours_b.is_some(), theirs_b.is_some(), "{:?}", b);
        if let (Some(ours), Some(theirs)) = (&ours_a, theirs_a) {
            prop_assert_eq!(ours.as_str(), a.as_str());
            prop_assert_eq!(ours.write().map(|t| t.as_str().to_owned()), written(theirs));
            // In UTC: in its own offset, `time` may leave year 9999 where the UTC instant does not.
            let week = theirs
                .checked_to_offset(UtcOffset::UTC)
                .and_then(|utc| utc.checked_add(Duration::days(7)))
                .and_then(written);
            prop_assert_eq!(ours.plus_days(7).map(|t| t.as_str().to_owned()), week);
            if let (Some(ours_b), Some(theirs_b)) = (&ours_b, theirs_b) {
                prop_assert_eq!(ours.cmp_instant(ours_b), theirs.cmp(&theirs_b));
                prop_assert_eq!(ours.is_before(ours_b), theirs < theirs_b);
            }
        }
    }
}
