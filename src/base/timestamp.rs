//! Timestamps: RFC 3339 in, RFC 3339 UTC with millisecond precision out.
//!
//! Time is always an input (`ctx.now`); no rule reads a clock. A [`Timestamp`] keeps the text it was
//! read from, so a stored state comes back out byte for byte, and compares by instant, so
//! `2026-11-22T12:00:00+02:00` and `2026-11-22T10:00:00Z` are the same moment. Timestamps the library
//! writes (`sent_at`, `joined_at`, an event's `at`…) are [`Timestamp::write`]'s form:
//! `2026-11-22T10:00:00.000Z`, sub-millisecond digits cut off.
//!
//! Texts are read by the rules of the `time` crate's RFC 3339 parser, which read them here before (it
//! was 2.0 KB more of the gzipped `.wasm` than this code; BENCHMARKS.md, "Size"), and days are counted
//! in the proleptic Gregorian calendar by the days-from-civil arithmetic; `time` stays the reference
//! of the tests, which compare the two on every day of years 0000–9999 and on random texts
//! (`tests/timestamp_properties.rs`).

use serde::{Serialize, Serializer};
use std::cmp::Ordering;

/// An RFC 3339 timestamp: the text as given, and the instant it names.
#[derive(Clone, Debug)]
pub struct Timestamp {
    text: String,
    at: Instant,
}

/// An instant: whole seconds since 1970-01-01T00:00:00Z and nanoseconds past them; ordered as
/// time is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Instant {
    seconds: i64,
    nanos: u32,
}

const SECONDS_A_DAY: i64 = 86_400;

impl Timestamp {
    /// Reads any valid RFC 3339 timestamp (`Z` or a numeric offset, any fraction), keeping its text.
    /// `None` for anything else, including instants whose UTC form falls outside years 0000–9999.
    ///
    /// As the `time` crate reads RFC 3339: `YYYY-MM-DD`, any one byte, `hh:mm:ss`, an optional `.`
    /// and one or more digits (past the ninth ignored), then `Z`, `z` or `±hh:mm` (hours to 23).
    /// Second 60 (a leap second) reads as the last nanosecond of its minute, and only where a leap
    /// second can be: at 23:59 UTC on the last day of a month.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        let year = digits(b, 0, 4)?;
        let month = digits(b, 5, 2)?;
        let day = digits(b, 8, 2)?;
        let (hour, minute, mut second) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
        let literals = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
        if literals.iter().any(|&(i, l)| b.get(i) != Some(&l)) {
            return None;
        }
        let mut i = 19;
        let mut nanos = 0;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let mut scale = 1_000_000_000;
            while let Some(d) = b.get(i).filter(|d| d.is_ascii_digit()) {
                scale /= 10;
                nanos += u32::from(d - b'0') * scale;
                i += 1;
            }
            if i == 20 {
                return None;
            }
        }
        let offset = match b.get(i)? {
            b'Z' | b'z' => {
                i += 1;
                0
            }
            &sign @ (b'+' | b'-') => {
                let (hours, minutes) = (digits(b, i + 1, 2)?, digits(b, i + 4, 2)?);
                if b.get(i + 3) != Some(&b':') || hours > 23 || minutes > 59 {
                    return None;
                }
                i += 6;
                let offset = i64::from(hours * 3600 + minutes * 60);
                if sign == b'-' {
                    -offset
                } else {
                    offset
                }
            }
            _ => return None,
        };
        let leap = second == 60;
        if leap {
            second = 59;
            nanos = 999_999_999;
        }
        let valid = i == b.len()
            && (1..=12).contains(&month)
            && (1..=days_in_month(i64::from(year), month)).contains(&day)
            && hour < 24
            && minute < 60
            && second < 60;
        if !valid {
            return None;
        }
        let local = days_from_civil(i64::from(year), month, day) * SECONDS_A_DAY
            + i64::from(hour * 3600 + minute * 60 + second);
        let at = Instant {
            seconds: local - offset,
            nanos,
        };
        let (utc_year, utc_month, utc_day) = civil_from_days(at.seconds.div_euclid(SECONDS_A_DAY));
        let at_month_end = at.seconds.rem_euclid(SECONDS_A_DAY) == SECONDS_A_DAY - 1
            && utc_day == days_in_month(utc_year, utc_month);
        if !(0..=9999).contains(&utc_year) || (leap && !at_month_end) {
            return None;
        }
        Some(Timestamp {
            text: text.to_owned(),
            at,
        })
    }

    /// The library's own form of this instant: UTC, millisecond precision
    /// (`2026-11-22T10:00:00.000Z`). `None` only outside years 0000–9999.
    pub fn write(&self) -> Option<Timestamp> {
        let (year, month, day) = civil_from_days(self.at.seconds.div_euclid(SECONDS_A_DAY));
        if !(0..=9999).contains(&year) {
            return None;
        }
        let time = self.at.seconds.rem_euclid(SECONDS_A_DAY);
        let text = format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
            time / 3600,
            time / 60 % 60,
            time % 60,
            self.at.nanos / 1_000_000
        );
        Timestamp::parse(&text)
    }

    /// This instant plus whole days, written in the library's form; `None` past year 9999.
    pub fn plus_days(&self, days: i64) -> Option<Timestamp> {
        let seconds = days.checked_mul(SECONDS_A_DAY)?;
        Timestamp {
            text: String::new(),
            at: Instant {
                seconds: self.at.seconds.checked_add(seconds)?,
                nanos: self.at.nanos,
            },
        }
        .write()
    }

    /// The UTC calendar month of this instant, counted from year 0 (`year × 12 + month − 1`, so
    /// consecutive months are consecutive numbers), and its day of the month.
    pub fn utc_month_day(&self) -> (i64, u8) {
        let (year, month, day) = civil_from_days(self.at.seconds.div_euclid(SECONDS_A_DAY));
        // A day is 1–31 by construction.
        (year * 12 + i64::from(month) - 1, day as u8)
    }

    /// The day of the month when this instant is 00:00:00 UTC exactly (not a nanosecond past),
    /// else `None`.
    pub fn utc_midnight_day(&self) -> Option<u8> {
        (self.at.seconds.rem_euclid(SECONDS_A_DAY) == 0 && self.at.nanos == 0)
            .then(|| self.utc_month_day().1)
    }

    /// 00:00:00.000 UTC on `day` of `month` (counted as [`utc_month_day`](Self::utc_month_day)
    /// counts), written in the library's form; `None` for a day the month does not have or outside
    /// years 0000–9999.
    pub fn start_of_day(month: i64, day: u8) -> Option<Timestamp> {
        let year = month.div_euclid(12);
        // 1–12 by construction.
        let month = (month.rem_euclid(12) + 1) as u32;
        if day == 0 || u32::from(day) > days_in_month(year, month) {
            return None;
        }
        Timestamp {
            text: String::new(),
            at: Instant {
                seconds: days_from_civil(year, month, day.into()).checked_mul(SECONDS_A_DAY)?,
                nanos: 0,
            },
        }
        .write()
    }

    /// The text as given.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Orders by instant, whatever the offsets or fractions of the two texts.
    pub fn cmp_instant(&self, other: &Timestamp) -> Ordering {
        self.at.cmp(&other.at)
    }

    /// Whether this instant is strictly before `other`.
    pub fn is_before(&self, other: &Timestamp) -> bool {
        self.cmp_instant(other) == Ordering::Less
    }
}

/// The number written by the `n` ASCII digits at byte `at` of `b`, if they are digits.
fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let digits = b.get(at..at + n)?;
    (digits.iter().all(u8::is_ascii_digit))
        .then(|| (digits.iter()).fold(0, |value, &d| value * 10 + u32::from(d - b'0')))
}

fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The days of a month (1–12) of the proleptic Gregorian calendar.
fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The number of days from 1970-01-01 to a date of the proleptic Gregorian calendar (month 1–12,
/// day 1–31): the days-from-civil arithmetic over 400-year eras, counting years from March so the
/// leap day comes last.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after 1970-01-01, as `(year, month, day)`: the inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    // Both in range by construction: a day 1–31, a month 1–12.
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u32;
    let year = year_of_era + era * 400;
    (if month <= 2 { year + 1 } else { year }, month, day)
}

/// Two timestamps are equal when their texts are: a state is compared as the bytes it serializes to.
/// Compare instants with [`Timestamp::cmp_instant`].
impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Timestamp {}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn parses_rfc3339_and_keeps_the_text() {
        assert_eq!(
            ts("2026-11-22T12:00:00+02:00").as_str(),
            "2026-11-22T12:00:00+02:00"
        );
        assert_eq!(
            ts("2026-11-22T10:00:00.123456Z").as_str(),
            "2026-11-22T10:00:00.123456Z"
        );
        for bad in [
            "",
            "2026-11-22",
            "2026-02-30T10:00:00Z",
            "2026-11-22T10:00:00",
            "yesterday",
            "9999-12-31T23:00:00-05:00",
            "0000-01-01T00:00:00+00:01",
        ] {
            assert!(Timestamp::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_leap_second_reads_as_the_last_instant_of_its_minute() {
        let leap = ts("2016-12-31T23:59:60Z");
        assert_eq!(leap.as_str(), "2016-12-31T23:59:60Z");
        assert_eq!(leap.write().unwrap().as_str(), "2016-12-31T23:59:59.999Z");
    }

    #[test]
    fn writes_utc_with_milliseconds() {
        let t = ts("2026-11-22T12:00:00.9999+02:00").write().unwrap();
        assert_eq!(t.as_str(), "2026-11-22T10:00:00.999Z");
        assert_eq!(
            ts("2026-11-22T10:00:00Z").write().unwrap().as_str(),
            "2026-11-22T10:00:00.000Z"
        );
    }

    #[test]
    fn compares_instants_across_offsets() {
        let a = ts("2026-11-22T12:00:00+02:00");
        let b = ts("2026-11-22T10:00:00Z");
        assert_eq!(a.cmp_instant(&b), Ordering::Equal);
        assert_ne!(a, b, "equality is textual");
        assert!(b.is_before(&ts("2026-11-22T10:00:00.001Z")));
    }

    /// The calendar arithmetic is the `time` crate's on every day of years 0000–9999 and of the
    /// year before (where a negative offset can take an instant).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn days_are_counted_as_the_time_crate_counts_them() {
        let epoch = time::Date::from_calendar_date(1970, time::Month::January, 1).unwrap();
        let mut date = time::Date::from_calendar_date(-1, time::Month::January, 1).unwrap();
        let last = time::Date::from_calendar_date(9999, time::Month::December, 31).unwrap();
        loop {
            let days = i64::from(date.to_julian_day() - epoch.to_julian_day());
            let (year, month, day) = (i64::from(date.year()), u8::from(date.month()), date.day());
            assert_eq!(
                days_from_civil(year, month.into(), day.into()),
                days,
                "{date}"
            );
            assert_eq!(
                civil_from_days(days),
                (year, month.into(), day.into()),
                "{days}"
            );
            assert_eq!(
                days_in_month(year, month.into()),
                u32::from(date.month().length(date.year())),
                "{date}"
            );
            if date == last {
                break;
            }
            date = date.next_day().unwrap();
        }
    }

    #[test]
    fn the_parser_reads_what_the_time_crates_reads() {
        for good in [
            "2026-11-22t10:00:00z",
            "2026-11-22 10:00:00Z",
            "2026-11-22x10:00:00Z",
            "2026-11-22T10:00:00.1234567891234Z",
            "2026-11-22T10:00:00-00:00",
            "2026-11-22T10:00:00+23:59",
            "2024-02-29T23:59:60.5+00:00",
            "2026-12-01T01:59:60+02:00",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
        ] {
            assert!(Timestamp::parse(good).is_some(), "{good}");
        }
        for bad in [
            "2026-11-22é10:00:00Z",
            "2026-11-22T10:00:00.Z",
            "2026-11-22T10:00:00+24:00",
            "2026-11-22T10:00:00+01:60",
            "2026-11-22T10:00:00+0100",
            "2026-11-22T24:00:00Z",
            "2026-11-22T10:60:00Z",
            "2026-11-22T10:00:61Z",
            "2026-11-30T23:59:60+01:00",
            "2026-11-29T23:59:60Z",
            "2026-13-01T10:00:00Z",
            "2026-00-01T10:00:00Z",
            "2026-11-00T10:00:00Z",
            "2025-02-29T10:00:00Z",
            "2026-11-22T10:00:00Zx",
            "+2026-11-22T10:00:00Z",
            "2026-11-22T10:00:00",
        ] {
            assert!(Timestamp::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn utc_months_and_days() {
        assert_eq!(
            ts("2026-11-22T10:00:00Z").utc_month_day(),
            (2026 * 12 + 10, 22)
        );
        // The UTC date, whatever the offset of the text.
        assert_eq!(
            ts("2027-01-01T00:30:00+01:00").utc_month_day(),
            (2026 * 12 + 11, 31)
        );
        assert_eq!(ts("0000-01-01T00:00:00Z").utc_month_day(), (0, 1));
        assert_eq!(ts("2026-12-01T00:00:00.000Z").utc_midnight_day(), Some(1));
        assert_eq!(ts("2026-12-01T01:00:00+01:00").utc_midnight_day(), Some(1));
        assert_eq!(ts("2026-12-01T00:00:00.001Z").utc_midnight_day(), None);
        assert_eq!(ts("2026-12-01T00:00:00.0000001Z").utc_midnight_day(), None);
        let day = |m: i64, d: u8| Timestamp::start_of_day(m, d).map(|t| t.as_str().to_owned());
        assert_eq!(
            day(2026 * 12 + 11, 1).as_deref(),
            Some("2026-12-01T00:00:00.000Z")
        );
        assert_eq!(
            day(2027 * 12, 28).as_deref(),
            Some("2027-01-28T00:00:00.000Z")
        );
        assert_eq!(
            day(2028 * 12 + 1, 29).as_deref(),
            Some("2028-02-29T00:00:00.000Z")
        );
        assert_eq!(day(2027 * 12 + 1, 29), None);
        assert_eq!(
            day(9999 * 12 + 11, 28).as_deref(),
            Some("9999-12-28T00:00:00.000Z")
        );
        assert_eq!(day(10_000 * 12, 1), None);
        assert_eq!(day(-1, 1), None);
    }

    #[test]
    fn seven_days_cross_months_years_and_leap_days() {
        let cases = [
            ("2026-11-28T23:30:00Z", "2026-12-05T23:30:00.000Z"),
            ("2026-12-28T00:00:00Z", "2027-01-04T00:00:00.000Z"),
            ("2028-02-25T10:00:00Z", "2028-03-03T10:00:00.000Z"),
            ("2027-02-25T10:00:00Z", "2027-03-04T10:00:00.000Z"),
        ];
        for (from, to) in cases {
            assert_eq!(ts(from).plus_days(7).unwrap().as_str(), to);
        }
        assert!(ts("9999-12-30T00:00:00Z").plus_days(7).is_none());
    }
}

/// The JSON Schema of these types (feature `schema`).
#[cfg(feature = "schema")]
mod schema {
    use super::*;
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for Timestamp {
        fn schema_name() -> Cow<'static, str> {
            "Timestamp".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "An RFC 3339 timestamp, any offset and precision (2026-11-22T10:00:00.000Z); the library writes UTC with milliseconds.",
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$",
            })
        }
    }
}
