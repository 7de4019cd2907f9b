//! Timestamps: RFC 3339 in, RFC 3339 UTC with millisecond precision out.
//!
//! Time is always an input (`ctx.now`); no rule reads a clock. Parsing and calendar arithmetic are the
//! `time` crate's (no hand-rolled calendar maths here). A [`Timestamp`] keeps the text it was read from,
//! so a stored state comes back out byte for byte, and compares by instant, so
//! `2026-11-22T12:00:00+02:00` and `2026-11-22T10:00:00Z` are the same moment. Timestamps the library
//! writes (`sent_at`, `joined_at`, an event's `at`…) are [`Timestamp::write`]'s form:
//! `2026-11-22T10:00:00.000Z`, sub-millisecond digits cut off.

use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use time::format_description::well_known::Rfc3339;
use time::{Date, Duration, Month, OffsetDateTime, Time, UtcOffset};

/// An RFC 3339 timestamp: the text as given, and the instant it names.
#[derive(Clone, Debug)]
pub struct Timestamp {
    text: String,
    at: OffsetDateTime,
}

impl Timestamp {
    /// Reads any valid RFC 3339 timestamp (`Z` or a numeric offset, any fraction), keeping its text.
    /// `None` for anything else, including instants whose UTC form falls outside years 0000–9999.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let at = OffsetDateTime::parse(text, &Rfc3339).ok()?;
        let utc = at.checked_to_offset(UtcOffset::UTC)?;
        if !(0..=9999).contains(&utc.year()) {
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
        let utc = self.at.checked_to_offset(UtcOffset::UTC)?;
        if !(0..=9999).contains(&utc.year()) {
            return None;
        }
        let text = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
            utc.year(),
            u8::from(utc.month()),
            utc.day(),
            utc.hour(),
            utc.minute(),
            utc.second(),
            utc.millisecond()
        );
        Timestamp::parse(&text)
    }

    /// This instant plus whole days, written in the library's form; `None` past year 9999.
    pub fn plus_days(&self, days: i64) -> Option<Timestamp> {
        let at = self.at.checked_add(Duration::days(days))?;
        Timestamp {
            text: String::new(),
            at,
        }
        .write()
    }

    /// The UTC calendar month of this instant, counted from year 0 (`year × 12 + month − 1`, so
    /// consecutive months are consecutive numbers), and its day of the month.
    pub fn utc_month_day(&self) -> (i64, u8) {
        let utc = self.utc();
        let month = i64::from(utc.year()) * 12 + i64::from(u8::from(utc.month())) - 1;
        (month, utc.day())
    }

    /// The day of the month when this instant is 00:00:00 UTC exactly (not a nanosecond past),
    /// else `None`.
    pub fn utc_midnight_day(&self) -> Option<u8> {
        let utc = self.utc();
        (utc.time() == Time::MIDNIGHT).then(|| utc.day())
    }

    /// 00:00:00.000 UTC on `day` of `month` (counted as [`utc_month_day`](Self::utc_month_day)
    /// counts), written in the library's form; `None` for a day the month does not have or outside
    /// years 0000–9999.
    pub fn start_of_day(month: i64, day: u8) -> Option<Timestamp> {
        let year = i32::try_from(month.div_euclid(12)).ok()?;
        let month = Month::try_from(u8::try_from(month.rem_euclid(12) + 1).ok()?).ok()?;
        let at = Date::from_calendar_date(year, month, day)
            .ok()?
            .midnight()
            .assume_utc();
        Timestamp {
            text: String::new(),
            at,
        }
        .write()
    }

    /// This instant in UTC (a parsed timestamp's UTC form always exists: [`parse`](Self::parse)
    /// checks it).
    fn utc(&self) -> OffsetDateTime {
        self.at.checked_to_offset(UtcOffset::UTC).unwrap_or(self.at)
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
