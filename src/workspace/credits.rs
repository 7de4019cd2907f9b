//! `docs/rules/credits.md` Credit allowances: the record a workspace keeps of its monthly budget of
//! credits — the allowance (amount, reset day, rollover, hard limit, alert thresholds, rates), the
//! current period with its usage per meter, and the closed periods — with the rules on it alone:
//! reading and checking it, the reset schedule, rolling forward when time passes, what the usage
//! costs, the thresholds a period has reached, the outbound gate and `creditStatus`'s numbers. The
//! commands that change the record (`set_credit_allowance`, `record_usage`) are in
//! [`credit_commands`](crate::workspace::credit_commands).
//!
//! Every amount is an integer below 2^53, computed in integers (products in `i128`). A period runs
//! from its stored `start` (inclusive) to its stored `end` (exclusive); reset moments are 00:00 UTC on
//! day `reset_day` (1–28, so every month has one) and months are counted as consecutive numbers
//! ([`Timestamp::utc_month_day`]), so the schedule needs no table of month lengths.
//!
//! Size shaped this module (BENCHMARKS.md, "Credit allowances: what they cost"): the record's wire
//! form is built as a [`Json`] value ([`Credits::to_json`], keys in wire order) and serialized as
//! one, rather than by derived `Serialize`s that instantiate serde's machinery once per field type;
//! it is read by one small interpreter of tables ([`Shape`]) rather than a reader per record. The
//! typed check reads the written value back, so writing and reading agree by construction.

use crate::base::error::{Code, RuleError};
use crate::base::json::{Json, Unsupported};
use crate::base::names::names;
use crate::base::timestamp::Timestamp;
use crate::base::validate::{
    boolean, child, describe, field, integer_in, item_path, list, no_unknown_fields, object,
    one_of, timestamp, Problems,
};
use crate::workspace::minutes::MAX_SAFE;
use std::cmp::Ordering;

/// Closed periods kept in `history`: the latest 24.
pub const MAX_HISTORY: usize = 24;
/// Alert thresholds an allowance may have.
pub const MAX_THRESHOLDS: usize = 5;

names! {
    /// The usage meters, in the specification's order (the order of every per-meter object).
    pub enum Meter {
        CallSeconds = "call_seconds",
        SttSeconds = "stt_seconds",
        TtsCharacters = "tts_characters",
        LlmInputTokens = "llm_input_tokens",
        LlmOutputTokens = "llm_output_tokens",
    }
}

names! {
    /// What happens to unused credits at a reset.
    pub enum Rollover {
        /// Lost.
        None = "none",
        /// Carried into the next period, at most `rollover_cap`.
        Capped = "capped",
    }
}

/// One value per meter, by [`Meter`] in table order; on the wire an object keyed by meter name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PerMeter<T>(pub [T; 5]);

impl<T> PerMeter<T> {
    pub fn get(&self, meter: Meter) -> &T {
        &self.0[meter as usize]
    }
}

/// How a meter's units turn into credits: `credits` per `per` units (`credits ≥ 0`, `per ≥ 1`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rate {
    pub credits: i64,
    pub per: i64,
}

impl Rate {
    /// `ceil(units × credits / per)`, on a period's total units (never per record).
    pub fn cost(self, units: i64) -> i128 {
        let per = i128::from(self.per.max(1));
        (i128::from(units.max(0)) * i128::from(self.credits.max(0)) + per - 1) / per
    }
}

/// The allowance.
#[derive(Clone, Debug, PartialEq)]
pub struct Allowance {
    pub monthly_credits: i64,
    pub reset_day: u8,
    pub rollover: Rollover,
    pub rollover_cap: i64,
    pub hard_limit: bool,
    /// Distinct, 1–100, ascending.
    pub alert_thresholds: Vec<u8>,
    pub rates: PerMeter<Rate>,
}

/// The allowance's keys, in wire order (also the order of `metadata.changed`).
pub const ALLOWANCE_KEYS: &[&str] = &[
    "monthly_credits",
    "reset_day",
    "rollover",
    "rollover_cap",
    "hard_limit",
    "alert_thresholds",
    "rates",
];

impl Allowance {
    /// The wire form, keys in wire order: also a `set_credit_allowance` that gives every field.
    pub fn to_json(&self) -> Json {
        obj(vec![
            ("monthly_credits", int(self.monthly_credits)),
            ("reset_day", int(self.reset_day.into())),
            ("rollover", self.rollover.as_str().into()),
            ("rollover_cap", int(self.rollover_cap)),
            ("hard_limit", Json::Bool(self.hard_limit)),
            ("alert_thresholds", percents(&self.alert_thresholds)),
            ("rates", rates(&self.rates)),
        ])
    }

    /// This allowance with the fields `patch` gives (an object as [`read_patch`] answers), and the
    /// keys whose value changed, in wire order.
    pub fn merged(&self, patch: &Json) -> Option<(Allowance, Vec<&'static str>)> {
        let Json::Object(mut entries) = self.to_json() else {
            return None;
        };
        let mut changed = Vec::new();
        for (key, (_, value)) in ALLOWANCE_KEYS.iter().zip(entries.iter_mut()) {
            if let Some(given) = patch.get(key).filter(|given| *given != value) {
                changed.push(*key);
                *value = given.clone();
            }
        }
        Some((allowance_of(&Json::Object(entries))?, changed))
    }
}

/// The current period.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    pub start: Timestamp,
    pub end: Timestamp,
    pub carried_over: i64,
    pub usage: PerMeter<i64>,
    /// Ascending; each one of the allowance's thresholds.
    pub thresholds_reached: Vec<u8>,
}

/// A closed period as `history` keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct ClosedPeriod {
    pub start: Timestamp,
    pub end: Timestamp,
    pub available: i64,
    pub used: i64,
    pub overage: i64,
}

/// The credit record of a workspace (`state.credits`, `null` without an allowance).
#[derive(Clone, Debug, PartialEq)]
pub struct Credits {
    pub allowance: Allowance,
    pub period: Period,
    /// Oldest first, contiguous, at most [`MAX_HISTORY`].
    pub history: Vec<ClosedPeriod>,
}

/// What a period's usage comes to under an allowance; every amount below 2^53.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amounts {
    /// `monthly_credits + carried_over`.
    pub available: i64,
    pub used: i64,
    /// Units and credits per meter.
    pub by_meter: PerMeter<MeterUse>,
}

/// One meter's part of a period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MeterUse {
    pub units: i64,
    pub credits: i64,
}

impl Amounts {
    /// `max(0, available − used)`.
    pub fn remaining(&self) -> i64 {
        (self.available - self.used).max(0)
    }

    /// `max(0, used − available)`.
    pub fn overage(&self) -> i64 {
        (self.used - self.available).max(0)
    }

    /// `floor(100 × used / available)`, 0 when nothing is available.
    pub fn percent_used(&self) -> i64 {
        if self.available == 0 {
            0
        } else {
            let p = i128::from(self.used) * 100 / i128::from(self.available);
            i64::try_from(p).unwrap_or(i64::MAX)
        }
    }

    /// Whether threshold `t` is reached: `100 × used ≥ t × available`.
    pub fn reaches(&self, t: u8) -> bool {
        i128::from(self.used) * 100 >= i128::from(t) * i128::from(self.available)
    }
}

/// The period's numbers, or `None` when one of them (available, used, a meter's credits, the
/// percentage) would not stay below 2^53.
pub fn amounts(allowance: &Allowance, period: &Period) -> Option<Amounts> {
    let safe = |x: i128| i64::try_from(x).ok().filter(|x| *x <= MAX_SAFE);
    let available = safe(i128::from(allowance.monthly_credits) + i128::from(period.carried_over))?;
    let mut by_meter = PerMeter::<MeterUse>::default();
    let mut used = 0i128;
    for (i, (rate, units)) in allowance.rates.0.iter().zip(period.usage.0).enumerate() {
        let credits = rate.cost(units);
        used += credits;
        by_meter.0[i] = MeterUse {
            units,
            credits: safe(credits)?,
        };
    }
    let amounts = Amounts {
        available,
        used: safe(used)?,
        by_meter,
    };
    (amounts.percent_used() <= MAX_SAFE).then_some(amounts)
}

/// `creditStatus`'s answer.
#[derive(Clone, Debug, PartialEq)]
pub struct CreditStatus {
    pub period_start: Timestamp,
    pub period_end: Timestamp,
    pub monthly_credits: i64,
    pub carried_over: i64,
    pub amounts: Amounts,
    pub thresholds_reached: Vec<u8>,
    pub next_threshold: Option<u8>,
}

impl CreditStatus {
    /// Whether nothing remains (`remaining == 0`).
    pub fn exhausted(&self) -> bool {
        self.amounts.remaining() == 0
    }

    /// The wire form: `{ period_start, period_end, monthly_credits, carried_over, available, used,
    /// remaining, overage, percent_used, exhausted, by_meter, thresholds_reached, next_threshold }`.
    pub fn to_json(&self) -> Json {
        let a = &self.amounts;
        obj(vec![
            ("period_start", self.period_start.as_str().into()),
            ("period_end", self.period_end.as_str().into()),
            ("monthly_credits", int(self.monthly_credits)),
            ("carried_over", int(self.carried_over)),
            ("available", int(a.available)),
            ("used", int(a.used)),
            ("remaining", int(a.remaining())),
            ("overage", int(a.overage())),
            ("percent_used", int(a.percent_used())),
            ("exhausted", Json::Bool(self.exhausted())),
            (
                "by_meter",
                per_meter(|m| {
                    let u = a.by_meter.0[m];
                    obj(vec![("units", int(u.units)), ("credits", int(u.credits))])
                }),
            ),
            ("thresholds_reached", percents(&self.thresholds_reached)),
            (
                "next_threshold",
                self.next_threshold.map_or(Json::Null, |t| int(t.into())),
            ),
        ])
    }
}

/// The refusal for an amount that would reach 2^53.
pub fn too_large(path: &str, what: &str) -> RuleError {
    RuleError::single(
        Code::TooLarge,
        path,
        format!("{what} would reach 2^53, past what JSON numbers carry exactly."),
    )
}

/// Where rolling forward to a `now` past the stored end leads (see [`Credits::roll_to`]).
struct Roll {
    /// The stored period's numbers.
    first: Amounts,
    /// What the period after the stored one receives.
    c1: i128,
    /// Whole periods with no usage between the stored one and the one containing `now`.
    empty: i64,
    /// The month of the stored end and of the period containing `now`.
    end_month: i64,
    now_month: i64,
}

impl Credits {
    /// The record with a first allowance: the period containing `now` (`path` is where `now` was
    /// given), nothing carried over, no usage, no history.
    pub fn open(allowance: Allowance, now: &Timestamp, path: &str) -> Result<Credits, RuleError> {
        let month = period_month(now, allowance.reset_day);
        let period = new_period(month, allowance.reset_day, 0, path)?;
        Ok(Credits {
            allowance,
            period,
            history: Vec::new(),
        })
    }

    /// The current period's numbers (a record read or written by the rules always has them).
    pub fn amounts(&self) -> Option<Amounts> {
        amounts(&self.allowance, &self.period)
    }

    /// What rolling forward to `now` would do; `None` when `now` is inside the stored period, and
    /// `invalid_value` at `path` before its start (time does not run backwards).
    fn plan(&self, now: &Timestamp, path: &str) -> Result<Option<Roll>, RuleError> {
        if now.is_before(&self.period.start) {
            return Err(RuleError::single(
                Code::InvalidValue,
                path,
                format!(
                    "{} is before the start of the credit period ({}): time does not run backwards.",
                    describe(path),
                    self.period.start.as_str()
                ),
            ));
        }
        if now.is_before(&self.period.end) {
            return Ok(None);
        }
        let first = self
            .amounts()
            .ok_or_else(|| too_large(path, "The credits"))?;
        // The stored end is a reset moment under the reset day (checked when the record was read).
        let end_month = self.period.end.utc_month_day().0;
        let now_month = period_month(now, self.allowance.reset_day);
        Ok(Some(Roll {
            c1: self.carry(i128::from(first.available) - i128::from(first.used)),
            first,
            empty: now_month - end_month,
            end_month,
            now_month,
        }))
    }

    /// What a period closed with `unused` credits carries into the next one.
    fn carry(&self, unused: i128) -> i128 {
        match self.allowance.rollover {
            Rollover::None => 0,
            Rollover::Capped => unused.max(0).min(i128::from(self.allowance.rollover_cap)),
        }
    }

    /// What the `k`-th period after the stored one (from 1) receives: an empty period carries all it
    /// had, up to the cap, so `carry(c1 + (k − 1) × monthly)`.
    fn carried(&self, roll: &Roll, k: i64) -> i128 {
        self.carry(roll.c1 + i128::from(k - 1) * i128::from(self.allowance.monthly_credits))
    }

    /// Rolls forward to the period containing `now`: when `now` is at or past the stored end, the
    /// stored period is closed into `history`, then every whole period between it and `now` (no
    /// usage: each closed in turn), and the period containing `now` opens with the carry-over, no
    /// usage and no thresholds reached. `Ok(true)` when it rolled. `now` before the stored start is
    /// `invalid_value` at `path`.
    pub fn roll_to(&mut self, now: &Timestamp, path: &str) -> Result<bool, RuleError> {
        let Some(roll) = self.plan(now, path)? else {
            return Ok(false);
        };
        let day = self.allowance.reset_day;
        let monthly = i128::from(self.allowance.monthly_credits);
        if roll.empty >= MAX_HISTORY as i64 {
            self.history.clear();
        } else {
            self.history.push(ClosedPeriod {
                start: self.period.start.clone(),
                end: self.period.end.clone(),
                available: roll.first.available,
                used: roll.first.used,
                overage: roll.first.overage(),
            });
        }
        // Only the latest periods can stay in `history`.
        for k in (roll.empty - MAX_HISTORY as i64 + 1).max(1)..=roll.empty {
            let available = monthly + self.carried(&roll, k);
            self.history.push(ClosedPeriod {
                start: reset_moment(roll.end_month + k - 1, day, path)?,
                end: reset_moment(roll.end_month + k, day, path)?,
                // Below 2^53: monthly + the cap is (`check_cap`).
                available: i64::try_from(available).unwrap_or(MAX_SAFE),
                used: 0,
                overage: 0,
            });
        }
        let over = self.history.len().saturating_sub(MAX_HISTORY);
        self.history.drain(..over);
        self.period = self.after(&roll, path)?;
        Ok(true)
    }

    /// The period containing `now` after `roll`.
    fn after(&self, roll: &Roll, path: &str) -> Result<Period, RuleError> {
        let carried = i64::try_from(self.carried(roll, roll.empty + 1)).unwrap_or(MAX_SAFE);
        new_period(roll.now_month, self.allowance.reset_day, carried, path)
    }

    /// Replaces the allowance of the current period (rolled to `now` already): `monthly_credits`
    /// and `rates` apply to it at once, a new `reset_day` moves its end to that day's first reset
    /// moment after `now` (it keeps its start), thresholds no longer listed are no longer reached;
    /// `rollover` and `rollover_cap` apply at the next reset. `too_large` when its numbers would
    /// pass 2^53.
    pub fn set_allowance(
        &mut self,
        allowance: Allowance,
        now: &Timestamp,
        path: &str,
    ) -> Result<(), RuleError> {
        let day = allowance.reset_day;
        if day != self.allowance.reset_day {
            self.period.end = reset_moment(period_month(now, day) + 1, day, path)?;
        }
        let reached = &self.period.thresholds_reached;
        self.period.thresholds_reached = (allowance.alert_thresholds.iter().copied())
            .filter(|t| reached.contains(t))
            .collect();
        self.allowance = allowance;
        match self.amounts() {
            Some(_) => Ok(()),
            None => Err(too_large(
                "/command",
                "The credits of the current period under this allowance",
            )),
        }
    }

    /// The thresholds the current period reaches that it had not reached yet, lowest first; they
    /// are remembered in `thresholds_reached`.
    pub fn newly_reached(&mut self, amounts: &Amounts) -> Vec<u8> {
        let mut reached = Vec::new();
        let mut all = Vec::new();
        for &t in &self.allowance.alert_thresholds {
            let before = self.period.thresholds_reached.contains(&t);
            if !before && amounts.reaches(t) {
                reached.push(t);
            }
            if before || amounts.reaches(t) {
                all.push(t);
            }
        }
        // Every one reached so far is one of the thresholds (checked when read), so `all`, in
        // threshold order, is ascending.
        self.period.thresholds_reached = all;
        reached
    }

    /// `creditStatus` at `now`: the period containing `now`, rolled forward without changing the
    /// record; `path` is where `now` was given.
    pub fn status_at(&self, now: &Timestamp, path: &str) -> Result<CreditStatus, RuleError> {
        let rolled = match self.plan(now, path)? {
            Some(roll) => Some(self.after(&roll, path)?),
            None => None,
        };
        let period = rolled.as_ref().unwrap_or(&self.period);
        let reached = &period.thresholds_reached;
        Ok(CreditStatus {
            period_start: period.start.clone(),
            period_end: period.end.clone(),
            monthly_credits: self.allowance.monthly_credits,
            carried_over: period.carried_over,
            amounts: amounts(&self.allowance, period)
                .ok_or_else(|| too_large(path, "The credits"))?,
            thresholds_reached: reached.clone(),
            next_threshold: (self.allowance.alert_thresholds.iter().copied())
                .find(|t| !reached.contains(t)),
        })
    }

    /// The wire form: `{ allowance, period, history }`, keys in wire order.
    pub fn to_json(&self) -> Json {
        let p = &self.period;
        let allowance = self.allowance.to_json();
        let period = obj(vec![
            ("start", p.start.as_str().into()),
            ("end", p.end.as_str().into()),
            ("carried_over", int(p.carried_over)),
            ("usage", per_meter(|m| int(p.usage.0[m]))),
            ("thresholds_reached", percents(&p.thresholds_reached)),
        ]);
        let history = (self.history.iter())
            .map(|h| {
                obj(vec![
                    ("start", h.start.as_str().into()),
                    ("end", h.end.as_str().into()),
                    ("available", int(h.available)),
                    ("used", int(h.used)),
                    ("overage", int(h.overage)),
                ])
            })
            .collect();
        obj(vec![
            ("allowance", allowance),
            ("period", period),
            ("history", Json::Array(history)),
        ])
    }

    /// Reads a stored record at `path` (`/state/credits`): `null` (or absent) is `None`. Every
    /// problem of its shape, then of its invariants (the schedule, the history, the amounts), is
    /// recorded; `None` in the outer option when there was one.
    pub fn read(value: &Json, path: &str, p: &mut Problems) -> Option<Option<Credits>> {
        if matches!(
            value,
            Json::Null | Json::Unsupported(Unsupported::Undefined)
        ) {
            return Some(None);
        }
        if !check_shape(value, RECORD, path, true, p) {
            return None;
        }
        let mut credits = Credits {
            allowance: allowance_of(value.get("allowance")?)?,
            period: period_of(value.get("period")?)?,
            history: Vec::new(),
        };
        for h in value.get("history")?.as_array()? {
            credits.history.push(closed_of(h)?);
        }
        let before = p.len();
        check_record(&credits, path, p);
        (p.len() == before).then_some(Some(credits))
    }

    /// The rules of a typed record built in Rust: the reader runs on its wire form, so both agree
    /// by construction.
    pub fn check(&self, path: &str, p: &mut Problems) {
        Credits::read(&self.to_json(), path, p);
    }
}

/// Serializes as its wire form, [`Credits::to_json`].
impl serde::Serialize for Credits {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(s)
    }
}

/// Serializes as its wire form, [`CreditStatus::to_json`].
impl serde::Serialize for CreditStatus {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(s)
    }
}

/// A new period of month `month` under `day`, with `carried_over`, no usage and no thresholds.
fn new_period(month: i64, day: u8, carried_over: i64, path: &str) -> Result<Period, RuleError> {
    Ok(Period {
        start: reset_moment(month, day, path)?,
        end: reset_moment(month + 1, day, path)?,
        carried_over,
        usage: PerMeter::default(),
        thresholds_reached: Vec::new(),
    })
}

/// Sorts a short list (thresholds: at most five) in place, ascending.
fn sort_small(list: &mut [u8]) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && list[j - 1] > list[j] {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}

// ---- the wire form as a `Json` value ----

fn obj(entries: Vec<(&str, Json)>) -> Json {
    Json::Object(
        (entries.into_iter())
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

/// An integer below 2^53: exact as a JSON number.
fn int(n: i64) -> Json {
    Json::Number(n as f64)
}

fn percents(list: &[u8]) -> Json {
    Json::Array(list.iter().map(|t| int((*t).into())).collect())
}

/// An object with one value per meter, each made by `value` from the meter's index.
fn per_meter(value: impl Fn(usize) -> Json) -> Json {
    Json::Object(
        (Meter::NAMES.iter().enumerate())
            .map(|(i, name)| ((*name).to_owned(), value(i)))
            .collect(),
    )
}

fn rates(rates: &PerMeter<Rate>) -> Json {
    per_meter(|m| {
        let r = rates.0[m];
        obj(vec![("credits", int(r.credits)), ("per", int(r.per))])
    })
}

/// The outbound gate (`docs/rules/credits.md#the-gate`): under a hard limit, `credits_exhausted` (402)
/// while nothing remains in the period containing `now`. Without `now` (an `authorize` that was not
/// given one), or with a `now` before the stored period (another host's clock a little behind), the
/// stored period is the one decided on.
pub fn gate(credits: Option<&Credits>, now: Option<&Timestamp>) -> Result<(), RuleError> {
    let Some(credits) = credits.filter(|c| c.allowance.hard_limit) else {
        return Ok(());
    };
    let rolled = now.and_then(|now| credits.status_at(now, "/now").ok());
    let remaining = match rolled {
        Some(status) => status.amounts.remaining(),
        None => credits.amounts().map_or(0, |a| a.remaining()),
    };
    if remaining > 0 {
        Ok(())
    } else {
        Err(RuleError::single(
            Code::CreditsExhausted,
            "",
            "The workspace has no credits left in this period, and its allowance has a hard limit.",
        ))
    }
}

/// The month (counted as [`Timestamp::utc_month_day`] counts) whose reset moment under `day` starts
/// the period containing `now`: this month once its day `day` has begun, else the month before.
pub fn period_month(now: &Timestamp, day: u8) -> i64 {
    let (month, today) = now.utc_month_day();
    if today >= day {
        month
    } else {
        month - 1
    }
}

/// The reset moment of `month` under `day`; `out_of_range` at `path` outside years 0000–9999.
pub fn reset_moment(month: i64, day: u8, path: &str) -> Result<Timestamp, RuleError> {
    Timestamp::start_of_day(month, day).ok_or_else(|| {
        RuleError::single(
            Code::OutOfRange,
            path,
            "The credit period would begin before year 0000 or end after year 9999.",
        )
    })
}

/// The shape of a value of the credit record. The record (and a command's allowance fields) is
/// checked by one small interpreter of these tables, [`check_shape`], which reports every problem
/// with the shared validation helpers; the typed record is then taken from the checked value.
#[derive(Clone, Copy)]
enum Shape {
    /// A whole number within the bounds.
    Int(i64, i64),
    Bool,
    Rollover,
    Time,
    /// Alert thresholds (see [`check_thresholds`]).
    Percents,
    /// An object with one value of this shape per meter.
    Meters(&'static Shape),
    /// An object with exactly these keys.
    Object(&'static [(&'static str, Shape)]),
    /// At most [`MAX_HISTORY`] closed periods.
    History,
}

const UNITS: Shape = Shape::Int(0, MAX_SAFE);
const RATE_FIELDS: &[(&str, Shape)] = &[("credits", UNITS), ("per", Shape::Int(1, MAX_SAFE))];
const RATE: Shape = Shape::Object(RATE_FIELDS);
/// The allowance's fields, in wire order.
const ALLOWANCE: &[(&str, Shape)] = &[
    ("monthly_credits", UNITS),
    ("reset_day", Shape::Int(1, 28)),
    ("rollover", Shape::Rollover),
    ("rollover_cap", UNITS),
    ("hard_limit", Shape::Bool),
    ("alert_thresholds", Shape::Percents),
    ("rates", Shape::Meters(&RATE)),
];
const CLOSED_FIELDS: &[(&str, Shape)] = &[
    ("start", Shape::Time),
    ("end", Shape::Time),
    ("available", UNITS),
    ("used", UNITS),
    ("overage", UNITS),
];
const CLOSED: Shape = Shape::Object(CLOSED_FIELDS);
const PERIOD: &[(&str, Shape)] = &[
    ("start", Shape::Time),
    ("end", Shape::Time),
    ("carried_over", UNITS),
    ("usage", Shape::Meters(&UNITS)),
    ("thresholds_reached", Shape::Percents),
];
const RECORD_FIELDS: &[(&str, Shape)] = &[
    ("allowance", Shape::Object(ALLOWANCE)),
    ("period", Shape::Object(PERIOD)),
    ("history", Shape::History),
];
const RECORD: Shape = Shape::Object(RECORD_FIELDS);

/// Checks `value` at `path` against `shape`, recording every problem; whether there was none.
/// `stored`: a state's record, whose thresholds must be in ascending order.
fn check_shape(value: &Json, shape: Shape, path: &str, stored: bool, p: &mut Problems) -> bool {
    let before = p.len();
    match shape {
        Shape::Int(min, max) => {
            integer_in(value, path, min, max, p);
        }
        Shape::Bool => {
            boolean(value, path, p);
        }
        Shape::Rollover => {
            one_of::<Rollover>(value, path, p);
        }
        Shape::Time => {
            timestamp(value, path, p);
        }
        Shape::Percents => {
            check_thresholds(value, path, stored, p);
        }
        Shape::Meters(each) => {
            if let Some(e) = object(value, path, p) {
                no_unknown_fields(e, Meter::NAMES, path, p);
                for name in Meter::NAMES {
                    check_shape(field(e, name), *each, &child(path, name), stored, p);
                }
            }
        }
        Shape::Object(fields) => {
            if let Some(e) = object(value, path, p) {
                let keys: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
                no_unknown_fields(e, &keys, path, p);
                check_fields(e, fields, path, true, stored, p);
            }
        }
        Shape::History => {
            if let Some(items) = list(value, path, MAX_HISTORY, p) {
                for (i, item) in items.iter().enumerate() {
                    check_shape(item, CLOSED, &item_path(path, i), stored, p);
                }
            }
        }
    }
    p.len() == before
}

/// Checks the `fields` of the object `e` at `path`; `required`: an absent one too (`invalid_type`,
/// "got undefined"), otherwise only those given.
fn check_fields(
    e: &[(String, Json)],
    fields: &[(&str, Shape)],
    path: &str,
    required: bool,
    stored: bool,
    p: &mut Problems,
) {
    for (key, shape) in fields {
        let value = field(e, key);
        if required || !matches!(value, Json::Unsupported(Unsupported::Undefined)) {
            check_shape(value, *shape, &child(path, key), stored, p);
        }
    }
}

/// The allowance fields of a `set_credit_allowance` in `e` at `path`, every problem recorded: any
/// may be absent (unchanged). `None` when there was a problem; otherwise the fields given, as an
/// object in wire order in their stored form (thresholds ascending, rates in meter order), so that
/// equal values compare equal.
pub fn read_patch(e: &[(String, Json)], path: &str, p: &mut Problems) -> Option<Json> {
    let before = p.len();
    check_fields(e, ALLOWANCE, path, false, false, p);
    if p.len() != before {
        return None;
    }
    let mut given = Vec::new();
    for key in ALLOWANCE_KEYS {
        let value = field(e, key);
        let stored = match *key {
            _ if matches!(value, Json::Unsupported(Unsupported::Undefined)) => continue,
            "alert_thresholds" => percents(&percents_of(Some(value))),
            "rates" => rates(&rates_of(Some(value))),
            _ => value.clone(),
        };
        given.push(((*key).to_owned(), stored));
    }
    Some(Json::Object(given))
}

// ---- the typed record from a checked value ----

fn int_of(value: Option<&Json>) -> i64 {
    value.and_then(Json::as_f64).map_or(0, |x| x as i64)
}

fn time_of(value: &Json, key: &str) -> Option<Timestamp> {
    Timestamp::parse(value.get(key)?.as_str()?)
}

fn percents_of(value: Option<&Json>) -> Vec<u8> {
    let items = value.and_then(Json::as_array).unwrap_or_default();
    let mut out: Vec<u8> = items.iter().map(|t| int_of(Some(t)) as u8).collect();
    sort_small(&mut out);
    out
}

fn meters_of<T: Copy + Default>(
    value: Option<&Json>,
    each: impl Fn(Option<&Json>) -> T,
) -> PerMeter<T> {
    let mut out = PerMeter::<T>::default();
    for (slot, name) in out.0.iter_mut().zip(Meter::NAMES) {
        *slot = each(value.and_then(|v| v.get(name)));
    }
    out
}

fn rates_of(value: Option<&Json>) -> PerMeter<Rate> {
    meters_of(value, |rate| Rate {
        credits: int_of(rate.and_then(|r| r.get("credits"))),
        per: int_of(rate.and_then(|r| r.get("per"))),
    })
}

/// The allowance of a checked object that has every field (`None` otherwise).
pub fn allowance_of(value: &Json) -> Option<Allowance> {
    Some(Allowance {
        monthly_credits: int_of(value.get("monthly_credits")),
        reset_day: int_of(value.get("reset_day")) as u8,
        rollover: Rollover::from_name(value.get("rollover")?.as_str()?)?,
        rollover_cap: int_of(value.get("rollover_cap")),
        hard_limit: value.get("hard_limit")?.as_bool()?,
        alert_thresholds: percents_of(value.get("alert_thresholds")),
        rates: rates_of(Some(value.get("rates")?)),
    })
}

fn period_of(value: &Json) -> Option<Period> {
    Some(Period {
        start: time_of(value, "start")?,
        end: time_of(value, "end")?,
        carried_over: int_of(value.get("carried_over")),
        usage: meters_of(value.get("usage"), int_of),
        thresholds_reached: percents_of(value.get("thresholds_reached")),
    })
}

fn closed_of(value: &Json) -> Option<ClosedPeriod> {
    Some(ClosedPeriod {
        start: time_of(value, "start")?,
        end: time_of(value, "end")?,
        available: int_of(value.get("available")),
        used: int_of(value.get("used")),
        overage: int_of(value.get("overage")),
    })
}

/// A list of at most [`MAX_THRESHOLDS`] distinct whole percentages 1–100; a repeated one is
/// `invalid_value` at its index. `stored`: they must also be in ascending order (a command's may
/// come in any order: they are stored sorted).
fn check_thresholds(value: &Json, path: &str, stored: bool, p: &mut Problems) {
    let Some(items) = list(value, path, MAX_THRESHOLDS, p) else {
        return;
    };
    let mut seen: Vec<i64> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = item_path(path, i);
        let Some(t) = integer_in(item, &at, 1, 100, p) else {
            continue;
        };
        if seen.contains(&t) {
            let message = format!("{} repeats the threshold {t}.", describe(&at));
            p.push(Code::InvalidValue, &at, message);
        } else if stored && seen.last().is_some_and(|last| *last > t) {
            let message = format!(
                "{} is out of order: thresholds are stored ascending.",
                describe(&at)
            );
            p.push(Code::InvalidValue, &at, message);
        }
        seen.push(t);
    }
}

/// `monthly_credits + rollover_cap` must stay below 2^53 under `capped`, so that no period's
/// available credits can reach it: `too_large` at `path` (the cap's) otherwise.
pub fn check_cap(a: &Allowance, path: &str, p: &mut Problems) {
    if a.rollover == Rollover::Capped
        && i128::from(a.monthly_credits) + i128::from(a.rollover_cap) > i128::from(MAX_SAFE)
    {
        p.push(Code::TooLarge, path, CAP_TOO_LARGE);
    }
}

const CAP_TOO_LARGE: &str =
    "monthly_credits + rollover_cap must stay below 2^53 (9007199254740991).";

/// The invariants of a record whose every field read well.
fn check_record(c: &Credits, path: &str, p: &mut Problems) {
    let (a, period) = (&c.allowance, &c.period);
    check_cap(a, &child(&child(path, "allowance"), "rollover_cap"), p);
    let at_period = child(path, "period");
    let at = |key: &str| child(&at_period, key);
    let invalid = Code::InvalidValue;
    if period.start.utc_midnight_day().is_none_or(|d| d > 28) {
        let message = "period.start must be a reset moment: 00:00:00 UTC on day 1–28 of a month.";
        p.push(invalid, &at("start"), message);
    }
    if period.end.utc_midnight_day() != Some(a.reset_day) {
        let message =
            "period.end must be a reset moment of the allowance's reset_day (00:00:00 UTC).";
        p.push(invalid, &at("end"), message);
    } else if !period.start.is_before(&period.end) {
        p.push(
            invalid,
            &at("end"),
            "period.end must be after period.start.",
        );
    }
    if i128::from(a.monthly_credits) + i128::from(period.carried_over) > i128::from(MAX_SAFE) {
        let message = "monthly_credits + carried_over must stay below 2^53 (9007199254740991).";
        p.push(Code::TooLarge, &at("carried_over"), message);
    } else if c.amounts().is_none() {
        let message =
            "The credits of the period would reach 2^53, past what JSON numbers carry exactly.";
        p.push(Code::TooLarge, &at("usage"), message);
    }
    for (i, t) in period.thresholds_reached.iter().enumerate() {
        if !a.alert_thresholds.contains(t) {
            let message = "A threshold reached must be one of the allowance's alert thresholds.";
            p.push(invalid, &item_path(&at("thresholds_reached"), i), message);
        }
    }
    let at_history = child(path, "history");
    for (i, h) in c.history.iter().enumerate() {
        let at = |key: &str| child(&item_path(&at_history, i), key);
        let next = c.history.get(i + 1).map_or(&period.start, |n| &n.start);
        if !h.start.is_before(&h.end) {
            p.push(
                invalid,
                &at("end"),
                "A closed period must end after it starts.",
            );
        } else if h.end.cmp_instant(next) != Ordering::Equal {
            let message = "A closed period must end where the next period starts.";
            p.push(invalid, &at("end"), message);
        }
        if h.overage != (h.used - h.available).max(0) {
            let message = "overage must be max(0, used − available).";
            p.push(invalid, &at("overage"), message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    fn allowance(monthly: i64, day: u8, rollover: Rollover, cap: i64) -> Allowance {
        let rate = Rate { credits: 1, per: 6 };
        Allowance {
            monthly_credits: monthly,
            reset_day: day,
            rollover,
            rollover_cap: cap,
            hard_limit: true,
            alert_thresholds: vec![80, 100],
            rates: PerMeter([rate; 5]),
        }
    }

    #[test]
    fn rates_round_up_on_the_total() {
        let r = Rate { credits: 1, per: 6 };
        // 7 s + 5 s: rounded per record it would be 2 + 1; on the total, 12 s are 2 credits.
        assert_eq!(r.cost(7) + r.cost(5), 3);
        assert_eq!(r.cost(7 + 5), 2);
        assert_eq!(r.cost(0), 0);
        assert_eq!(Rate { credits: 0, per: 1 }.cost(MAX_SAFE), 0);
        assert_eq!(
            Rate {
                credits: MAX_SAFE,
                per: 1
            }
            .cost(MAX_SAFE),
            i128::from(MAX_SAFE) * i128::from(MAX_SAFE)
        );
    }

    #[test]
    fn the_first_period_is_the_one_containing_now() {
        let c = Credits::open(
            allowance(100, 15, Rollover::None, 0),
            &ts("2027-01-14T23:59:59.999Z"),
            "/ctx/now",
        )
        .unwrap();
        assert_eq!(c.period.start.as_str(), "2026-12-15T00:00:00.000Z");
        assert_eq!(c.period.end.as_str(), "2027-01-15T00:00:00.000Z");
        let c = Credits::open(
            allowance(100, 15, Rollover::None, 0),
            &ts("2027-01-15T00:00:00Z"),
            "/ctx/now",
        )
        .unwrap();
        assert_eq!(c.period.start.as_str(), "2027-01-15T00:00:00.000Z");
        assert!(Credits::open(
            allowance(100, 1, Rollover::None, 0),
            &ts("9999-12-01T00:00:00Z"),
            "/ctx/now"
        )
        .is_err());
    }

    #[test]
    fn skipped_months_roll_in_turn_up_to_the_cap() {
        let mut c = Credits::open(
            allowance(100, 1, Rollover::Capped, 250),
            &ts("2026-01-10T00:00:00Z"),
            "/ctx/now",
        )
        .unwrap();
        c.period.usage.0[0] = 60 * 6; // 60 credits used of 100
        assert!(c.roll_to(&ts("2026-05-03T00:00:00Z"), "/now").unwrap());
        let carried: Vec<(i64, i64)> = c.history.iter().map(|h| (h.available, h.used)).collect();
        // Jan: 100, 60 used → 40; Feb: 140 → 140; Mar: 240 → 240; Apr: 340 → cap 250.
        assert_eq!(carried, [(100, 60), (140, 0), (240, 0), (340, 0)]);
        assert_eq!(c.period.carried_over, 250);
        assert_eq!(c.period.start.as_str(), "2026-05-01T00:00:00.000Z");
        assert!(!c.roll_to(&ts("2026-05-31T23:59:59Z"), "/now").unwrap());
        assert!(c.roll_to(&ts("2026-04-30T00:00:00Z"), "/now").is_err());
    }

    #[test]
    fn history_keeps_the_latest_24_even_across_centuries() {
        let mut c = Credits::open(
            allowance(7, 28, Rollover::None, 0),
            &ts("2026-03-01T00:00:00Z"),
            "/ctx/now",
        )
        .unwrap();
        c.roll_to(&ts("2226-03-01T00:00:00Z"), "/now").unwrap();
        assert_eq!(c.history.len(), MAX_HISTORY);
        assert_eq!(
            c.history.last().unwrap().end.as_str(),
            "2226-02-28T00:00:00.000Z"
        );
        assert_eq!(
            c.history.first().unwrap().start.as_str(),
            "2224-02-28T00:00:00.000Z"
        );
        let mut p = Problems::new();
        c.check("/c", &mut p);
        assert!(p.is_empty(), "{:?}", p.into_vec());
    }
}

/// The JSON Schema of the record, written from the tables [`check_shape`] reads (feature `schema`).
#[cfg(feature = "schema")]
mod schema {
    use super::*;
    use crate::base::schema::keyed;
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    /// The schema of `shape`; an object table that has a named type is a reference to it.
    fn shape(shape: &Shape, g: &mut SchemaGenerator) -> Schema {
        match shape {
            Shape::Int(min, max) => {
                json_schema!({ "type": "integer", "minimum": min, "maximum": max })
            }
            Shape::Bool => json_schema!({ "type": "boolean" }),
            Shape::Rollover => g.subschema_for::<Rollover>(),
            Shape::Time => g.subschema_for::<Timestamp>(),
            Shape::Percents => json_schema!({
                "description": "Percentages of the available credits, each once.",
                "type": "array",
                "maxItems": MAX_THRESHOLDS,
                "uniqueItems": true,
                "items": { "type": "integer", "minimum": 1, "maximum": 100 },
            }),
            Shape::Meters(each) => {
                keyed("One value per meter.", Meter::NAMES, self::shape(each, g))
            }
            Shape::Object(fields) if same(fields, RATE_FIELDS) => g.subschema_for::<Rate>(),
            Shape::Object(fields) if same(fields, ALLOWANCE) => g.subschema_for::<Allowance>(),
            Shape::Object(fields) if same(fields, PERIOD) => g.subschema_for::<Period>(),
            Shape::Object(fields) => object(fields, g),
            Shape::History => json_schema!({
                "type": "array",
                "maxItems": MAX_HISTORY,
                "items": g.subschema_for::<ClosedPeriod>(),
            }),
        }
    }

    /// Whether two tables have the same keys (constants have no fixed address to compare).
    fn same(a: &[(&str, Shape)], b: &[(&str, Shape)]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.0 == y.0)
    }

    /// An object with exactly `fields`, all required.
    fn object(fields: &[(&str, Shape)], g: &mut SchemaGenerator) -> Schema {
        let properties: serde_json::Map<String, serde_json::Value> = (fields.iter())
            .map(|(k, s)| ((*k).to_owned(), shape(s, g).to_value()))
            .collect();
        let required: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
        json_schema!({
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false,
        })
    }

    macro_rules! table_schema {
        ($type:ty, $name:literal, $fields:expr, $doc:literal) => {
            impl JsonSchema for $type {
                fn schema_name() -> Cow<'static, str> {
                    $name.into()
                }
                fn json_schema(g: &mut SchemaGenerator) -> Schema {
                    let mut schema = object($fields, g);
                    schema.insert("description".into(), $doc.into());
                    schema
                }
            }
        };
    }

    table_schema!(
        Credits,
        "Credits",
        RECORD_FIELDS,
        "A workspace's credit allowance, its current period and the latest closed periods."
    );
    table_schema!(Allowance, "CreditAllowance", ALLOWANCE, "A monthly budget of credits. `rollover_cap` counts only under `capped`; `monthly_credits + rollover_cap` stays below 2^53.");
    table_schema!(Period, "CreditPeriod", PERIOD, "The current period: from `start` (inclusive) to `end` (exclusive), the credits carried into it, the units used per meter and the thresholds reached.");
    table_schema!(
        ClosedPeriod,
        "ClosedCreditPeriod",
        CLOSED_FIELDS,
        "A closed period, as kept in `history` (newest last)."
    );
    table_schema!(
        Rate,
        "CreditRate",
        RATE_FIELDS,
        "`credits` per `per` units, rounded up per period."
    );

    impl JsonSchema for CreditStatus {
        fn schema_name() -> Cow<'static, str> {
            "CreditStatus".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            let units = json_schema!({ "type": "integer", "minimum": 0, "maximum": MAX_SAFE });
            let meter_use = json_schema!({
                "type": "object",
                "properties": { "units": units.clone(), "credits": units.clone() },
                "required": ["units", "credits"],
                "additionalProperties": false,
            });
            json_schema!({
                "description": "The answer of `creditStatus`: the period as of `now`, what is available, used and remaining, and the thresholds.",
                "type": "object",
                "properties": {
                    "period_start": g.subschema_for::<Timestamp>(),
                    "period_end": g.subschema_for::<Timestamp>(),
                    "monthly_credits": units.clone(),
                    "carried_over": units.clone(),
                    "available": units.clone(),
                    "used": units.clone(),
                    "remaining": units.clone(),
                    "overage": units.clone(),
                    "percent_used": units.clone(),
                    "exhausted": { "type": "boolean" },
                    "by_meter": keyed("Units and credits per meter.", Meter::NAMES, meter_use),
                    "thresholds_reached": shape(&Shape::Percents, g),
                    "next_threshold": { "type": ["integer", "null"], "minimum": 1, "maximum": 100 },
                },
                "required": ["period_start", "period_end", "monthly_credits", "carried_over", "available", "used", "remaining", "overage", "percent_used", "exhausted", "by_meter", "thresholds_reached", "next_threshold"],
                "additionalProperties": false,
            })
        }
    }
}
