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
//! The record is written as JSON text by [`Credits::to_text`] (keys in wire order) rather than by a
//! derived `Serialize`: the text is a few lines of code, where a derive instantiates serde's
//! machinery once per field type (measured: about 2.5 KB of gzipped `.wasm`). Its `Serialize` hands
//! that text to serde_json as a raw value, so the record serializes only into JSON.

use crate::base::error::{Code, RuleError};
use crate::base::json::{Json, Unsupported};
use crate::base::names::names;
use crate::base::timestamp::Timestamp;
use crate::base::validate::{
    boolean, child, describe, field, integer_in, item_path, list, no_unknown_fields, object,
    one_of, timestamp, FieldPaths, Problems,
};
use crate::workspace::minutes::MAX_SAFE;
use std::cmp::Ordering;
use std::fmt::Write as _;

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

/// The allowance's fields as a command gives them: any may be absent (unchanged).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AllowancePatch {
    pub monthly_credits: Option<i64>,
    pub reset_day: Option<u8>,
    pub rollover: Option<Rollover>,
    pub rollover_cap: Option<i64>,
    pub hard_limit: Option<bool>,
    pub alert_thresholds: Option<Vec<u8>>,
    pub rates: Option<PerMeter<Rate>>,
}

impl AllowancePatch {
    /// Which keys of [`ALLOWANCE_KEYS`] the patch gives.
    pub fn given(&self) -> [bool; 7] {
        [
            self.monthly_credits.is_some(),
            self.reset_day.is_some(),
            self.rollover.is_some(),
            self.rollover_cap.is_some(),
            self.hard_limit.is_some(),
            self.alert_thresholds.is_some(),
            self.rates.is_some(),
        ]
    }

    /// The allowance when every field is given.
    pub fn complete(&self) -> Option<Allowance> {
        Some(Allowance {
            monthly_credits: self.monthly_credits?,
            reset_day: self.reset_day?,
            rollover: self.rollover?,
            rollover_cap: self.rollover_cap?,
            hard_limit: self.hard_limit?,
            alert_thresholds: self.alert_thresholds.clone()?,
            rates: self.rates?,
        })
    }

    /// `base` with the given fields replaced, and the keys whose value changed, in wire order.
    pub fn over(&self, base: &Allowance) -> (Allowance, Vec<&'static str>) {
        let next = Allowance {
            monthly_credits: self.monthly_credits.unwrap_or(base.monthly_credits),
            reset_day: self.reset_day.unwrap_or(base.reset_day),
            rollover: self.rollover.unwrap_or(base.rollover),
            rollover_cap: self.rollover_cap.unwrap_or(base.rollover_cap),
            hard_limit: self.hard_limit.unwrap_or(base.hard_limit),
            alert_thresholds: (self.alert_thresholds.clone())
                .unwrap_or_else(|| base.alert_thresholds.clone()),
            rates: self.rates.unwrap_or(base.rates),
        };
        let differs = [
            next.monthly_credits != base.monthly_credits,
            next.reset_day != base.reset_day,
            next.rollover != base.rollover,
            next.rollover_cap != base.rollover_cap,
            next.hard_limit != base.hard_limit,
            next.alert_thresholds != base.alert_thresholds,
            next.rates != base.rates,
        ];
        (next, keys_where(differs))
    }

    /// The given fields as the JSON text of a command's fields (keys in wire order).
    pub fn to_text(&self) -> String {
        let mut out = String::from("{");
        if let Some(n) = self.monthly_credits {
            int(&mut out, "monthly_credits", n);
        }
        if let Some(d) = self.reset_day {
            int(&mut out, "reset_day", d.into());
        }
        if let Some(r) = self.rollover {
            quoted(&mut out, "rollover", r.as_str());
        }
        if let Some(n) = self.rollover_cap {
            int(&mut out, "rollover_cap", n);
        }
        if let Some(b) = self.hard_limit {
            flag(&mut out, "hard_limit", b);
        }
        if let Some(t) = &self.alert_thresholds {
            percents(&mut out, "alert_thresholds", t);
        }
        if let Some(r) = &self.rates {
            rates(&mut out, r);
        }
        out.push('}');
        out
    }
}

/// The keys of [`ALLOWANCE_KEYS`] whose flag is set, in wire order.
pub fn keys_where(flags: [bool; 7]) -> Vec<&'static str> {
    (ALLOWANCE_KEYS.iter().zip(flags))
        .filter_map(|(k, f)| f.then_some(*k))
        .collect()
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
    pub fn to_text(&self) -> String {
        let a = &self.amounts;
        let mut out = String::from("{");
        quoted(&mut out, "period_start", self.period_start.as_str());
        quoted(&mut out, "period_end", self.period_end.as_str());
        int(&mut out, "monthly_credits", self.monthly_credits);
        int(&mut out, "carried_over", self.carried_over);
        int(&mut out, "available", a.available);
        int(&mut out, "used", a.used);
        int(&mut out, "remaining", a.remaining());
        int(&mut out, "overage", a.overage());
        int(&mut out, "percent_used", a.percent_used());
        flag(&mut out, "exhausted", self.exhausted());
        per_meter(&mut out, "by_meter", |out, m| {
            let use_ = a.by_meter.0[m];
            out.push('{');
            int(out, "units", use_.units);
            int(out, "credits", use_.credits);
            out.push('}');
        });
        percents(&mut out, "thresholds_reached", &self.thresholds_reached);
        key(&mut out, "next_threshold");
        match self.next_threshold {
            Some(t) => number(&mut out, t.into()),
            None => out.push_str("null"),
        }
        out.push('}');
        out
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
            Rollover::Capped => unused.clamp(0, i128::from(self.allowance.rollover_cap)),
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

    /// Moves the current period's end to the first reset moment under `day` after `now`; the period
    /// keeps its start.
    pub fn move_end(&mut self, day: u8, now: &Timestamp, path: &str) -> Result<(), RuleError> {
        self.period.end = reset_moment(period_month(now, day) + 1, day, path)?;
        Ok(())
    }

    /// The thresholds the current period reaches that it had not reached yet, lowest first; they
    /// are remembered in `thresholds_reached`.
    pub fn newly_reached(&mut self, amounts: &Amounts) -> Vec<u8> {
        let reached: Vec<u8> = (self.allowance.alert_thresholds.iter().copied())
            .filter(|t| amounts.reaches(*t) && !self.period.thresholds_reached.contains(t))
            .collect();
        self.period.thresholds_reached.extend(&reached);
        sort_small(&mut self.period.thresholds_reached);
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
    pub fn to_text(&self) -> String {
        let a = &self.allowance;
        let mut out = String::from("{");
        key(&mut out, "allowance");
        out.push('{');
        int(&mut out, "monthly_credits", a.monthly_credits);
        int(&mut out, "reset_day", a.reset_day.into());
        quoted(&mut out, "rollover", a.rollover.as_str());
        int(&mut out, "rollover_cap", a.rollover_cap);
        flag(&mut out, "hard_limit", a.hard_limit);
        percents(&mut out, "alert_thresholds", &a.alert_thresholds);
        rates(&mut out, &a.rates);
        out.push('}');
        let p = &self.period;
        key(&mut out, "period");
        out.push('{');
        quoted(&mut out, "start", p.start.as_str());
        quoted(&mut out, "end", p.end.as_str());
        int(&mut out, "carried_over", p.carried_over);
        per_meter(&mut out, "usage", |out, m| number(out, p.usage.0[m]));
        percents(&mut out, "thresholds_reached", &p.thresholds_reached);
        out.push('}');
        key(&mut out, "history");
        out.push('[');
        for h in &self.history {
            if !out.ends_with('[') {
                out.push(',');
            }
            out.push('{');
            quoted(&mut out, "start", h.start.as_str());
            quoted(&mut out, "end", h.end.as_str());
            int(&mut out, "available", h.available);
            int(&mut out, "used", h.used);
            int(&mut out, "overage", h.overage);
            out.push('}');
        }
        out.push_str("]}");
        out
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
        let e = object(value, path, p)?;
        no_unknown_fields(e, &["allowance", "period", "history"], path, p);
        let at_allowance = child(path, "allowance");
        let allowance = object(field(e, "allowance"), &at_allowance, p).and_then(|a| {
            no_unknown_fields(a, ALLOWANCE_KEYS, &at_allowance, p);
            read_allowance(a, &at_allowance, true, p).complete()
        });
        let period = read_period(field(e, "period"), &child(path, "period"), p);
        let at = child(path, "history");
        let history = list(field(e, "history"), &at, MAX_HISTORY, p).map(|items| {
            let read: Vec<_> = (items.iter().enumerate())
                .map(|(i, h)| read_closed(h, &item_path(&at, i), p))
                .collect();
            read.into_iter().collect::<Option<Vec<_>>>()
        });
        let credits = Credits {
            allowance: allowance?,
            period: period?,
            history: history??,
        };
        let before = p.len();
        check_record(&credits, path, p);
        (p.len() == before).then_some(Some(credits))
    }

    /// The rules of a typed record built in Rust: the reader runs on its wire form, so both agree
    /// by construction.
    pub fn check(&self, path: &str, p: &mut Problems) {
        let wire = serde_json::from_str::<Json>(&self.to_text()).unwrap_or(Json::Null);
        Credits::read(&wire, path, p);
    }
}

/// Serializes as [`Credits::to_text`] writes it, for serde_json (the only format the crate writes).
impl serde::Serialize for Credits {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error;
        serde_json::value::RawValue::from_string(self.to_text())
            .map_err(S::Error::custom)?
            .serialize(s)
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
pub fn sort_small(list: &mut [u8]) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && list[j - 1] > list[j] {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}

// ---- JSON text: keys and names are plain ASCII and timestamps validated RFC 3339 text, so
// nothing written here needs escaping ----

/// `"key":`, after a comma unless it is the object's first key.
fn key(out: &mut String, key: &str) {
    if !out.ends_with('{') {
        out.push(',');
    }
    out.push('"');
    out.push_str(key);
    out.push_str("\":");
}

fn number(out: &mut String, n: i64) {
    let _ = write!(out, "{n}");
}

fn int(out: &mut String, name: &str, n: i64) {
    key(out, name);
    number(out, n);
}

fn quoted(out: &mut String, name: &str, text: &str) {
    key(out, name);
    out.push('"');
    out.push_str(text);
    out.push('"');
}

fn flag(out: &mut String, name: &str, b: bool) {
    key(out, name);
    out.push_str(if b { "true" } else { "false" });
}

fn percents(out: &mut String, name: &str, list: &[u8]) {
    key(out, name);
    out.push('[');
    for (i, t) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        number(out, (*t).into());
    }
    out.push(']');
}

/// An object with one value per meter, each written by `value` (given the meter's index).
fn per_meter(out: &mut String, name: &str, value: impl Fn(&mut String, usize)) {
    key(out, name);
    out.push('{');
    for (i, meter) in Meter::NAMES.iter().enumerate() {
        key(out, meter);
        value(out, i);
    }
    out.push('}');
}

fn rates(out: &mut String, rates: &PerMeter<Rate>) {
    per_meter(out, "rates", |out, m| {
        out.push('{');
        int(out, "credits", rates.0[m].credits);
        int(out, "per", rates.0[m].per);
        out.push('}');
    });
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

/// The fields of an allowance in `e` at `path`. `stored` (a state's record): every field is
/// required and the thresholds must be stored ascending; otherwise (a command) any field may be
/// absent and the thresholds are sorted.
pub fn read_allowance(
    e: &[(String, Json)],
    path: &str,
    stored: bool,
    p: &mut Problems,
) -> AllowancePatch {
    // A command may leave a field out; a stored record may not (its reader reports "got undefined").
    let given = |key: &str| {
        let value = field(e, key);
        let absent = matches!(value, Json::Unsupported(Unsupported::Undefined));
        (stored || !absent).then_some(value)
    };
    let mut at = FieldPaths::new(path);
    let mut patch = AllowancePatch::default();
    if let Some(v) = given("monthly_credits") {
        patch.monthly_credits = integer_in(v, at.at("monthly_credits"), 0, MAX_SAFE, p);
    }
    if let Some(v) = given("reset_day") {
        patch.reset_day = integer_in(v, at.at("reset_day"), 1, 28, p).map(|d| d as u8);
    }
    if let Some(v) = given("rollover") {
        patch.rollover = one_of(v, at.at("rollover"), p);
    }
    if let Some(v) = given("rollover_cap") {
        patch.rollover_cap = integer_in(v, at.at("rollover_cap"), 0, MAX_SAFE, p);
    }
    if let Some(v) = given("hard_limit") {
        patch.hard_limit = boolean(v, at.at("hard_limit"), p);
    }
    if let Some(v) = given("alert_thresholds") {
        patch.alert_thresholds = read_thresholds(v, at.at("alert_thresholds"), stored, p);
    }
    if let Some(v) = given("rates") {
        patch.rates = read_per_meter(v, at.at("rates"), p, read_rate);
    }
    patch
}

/// A list of at most [`MAX_THRESHOLDS`] distinct whole percentages 1–100; a repeated one is
/// `invalid_value` at its index. `stored`: they must be in ascending order; otherwise they are
/// sorted.
fn read_thresholds(value: &Json, path: &str, stored: bool, p: &mut Problems) -> Option<Vec<u8>> {
    let items = list(value, path, MAX_THRESHOLDS, p)?;
    let before = p.len();
    let mut out: Vec<u8> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = item_path(path, i);
        let Some(t) = integer_in(item, &at, 1, 100, p).map(|t| t as u8) else {
            continue;
        };
        if out.contains(&t) {
            p.push(
                Code::InvalidValue,
                &at,
                format!("{} repeats the threshold {t}.", describe(&at)),
            );
        } else if stored && out.last().is_some_and(|last| *last > t) {
            p.push(
                Code::InvalidValue,
                &at,
                format!(
                    "{} is out of order: thresholds are stored ascending.",
                    describe(&at)
                ),
            );
        }
        out.push(t);
    }
    sort_small(&mut out);
    (p.len() == before).then_some(out)
}

/// An object with exactly one value per meter, each read by `read`.
fn read_per_meter<T: Copy + Default>(
    value: &Json,
    path: &str,
    p: &mut Problems,
    read: fn(&Json, &str, &mut Problems) -> Option<T>,
) -> Option<PerMeter<T>> {
    let e = object(value, path, p)?;
    no_unknown_fields(e, Meter::NAMES, path, p);
    let mut at = FieldPaths::new(path);
    let mut out = PerMeter::<T>::default();
    let mut ok = true;
    for (slot, name) in out.0.iter_mut().zip(Meter::NAMES) {
        match read(field(e, name), at.at(name), p) {
            Some(v) => *slot = v,
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn read_rate(value: &Json, path: &str, p: &mut Problems) -> Option<Rate> {
    let e = object(value, path, p)?;
    no_unknown_fields(e, &["credits", "per"], path, p);
    let credits = integer_in(field(e, "credits"), &child(path, "credits"), 0, MAX_SAFE, p);
    let per = integer_in(field(e, "per"), &child(path, "per"), 1, MAX_SAFE, p);
    Some(Rate {
        credits: credits?,
        per: per?,
    })
}

fn read_units(value: &Json, path: &str, p: &mut Problems) -> Option<i64> {
    integer_in(value, path, 0, MAX_SAFE, p)
}

fn read_period(value: &Json, path: &str, p: &mut Problems) -> Option<Period> {
    let e = object(value, path, p)?;
    no_unknown_fields(
        e,
        &[
            "start",
            "end",
            "carried_over",
            "usage",
            "thresholds_reached",
        ],
        path,
        p,
    );
    let at = |k: &str| child(path, k);
    let start = timestamp(field(e, "start"), &at("start"), p);
    let end = timestamp(field(e, "end"), &at("end"), p);
    let carried_over = read_units(field(e, "carried_over"), &at("carried_over"), p);
    let usage = read_per_meter(field(e, "usage"), &at("usage"), p, read_units);
    let reached = read_thresholds(
        field(e, "thresholds_reached"),
        &at("thresholds_reached"),
        true,
        p,
    );
    Some(Period {
        start: start?,
        end: end?,
        carried_over: carried_over?,
        usage: usage?,
        thresholds_reached: reached?,
    })
}

fn read_closed(value: &Json, path: &str, p: &mut Problems) -> Option<ClosedPeriod> {
    let e = object(value, path, p)?;
    no_unknown_fields(
        e,
        &["start", "end", "available", "used", "overage"],
        path,
        p,
    );
    let at = |k: &str| child(path, k);
    let start = timestamp(field(e, "start"), &at("start"), p);
    let end = timestamp(field(e, "end"), &at("end"), p);
    let available = read_units(field(e, "available"), &at("available"), p);
    let used = read_units(field(e, "used"), &at("used"), p);
    let overage = read_units(field(e, "overage"), &at("overage"), p);
    Some(ClosedPeriod {
        start: start?,
        end: end?,
        available: available?,
        used: used?,
        overage: overage?,
    })
}

/// `monthly_credits + rollover_cap` must stay below 2^53 under `capped`, so that no period's
/// available credits can reach it: `too_large` at `path` (the cap's) otherwise.
pub fn check_cap(a: &Allowance, path: &str, p: &mut Problems) {
    if a.rollover == Rollover::Capped
        && i128::from(a.monthly_credits) + i128::from(a.rollover_cap) > i128::from(MAX_SAFE)
    {
        p.push(
            Code::TooLarge,
            path,
            "monthly_credits + rollover_cap must stay below 2^53 (9007199254740991).",
        );
    }
}

/// The invariants of a record whose every field read well.
fn check_record(c: &Credits, path: &str, p: &mut Problems) {
    let a = &c.allowance;
    let at_period = child(path, "period");
    let at = |k: &str| child(&at_period, k);
    check_cap(a, &child(&child(path, "allowance"), "rollover_cap"), p);
    if c.period.start.utc_midnight_day().is_none_or(|d| d > 28) {
        p.push(
            Code::InvalidValue,
            &at("start"),
            "period.start must be a reset moment: 00:00:00 UTC on day 1–28 of a month.",
        );
    }
    if c.period.end.utc_midnight_day() != Some(a.reset_day) {
        p.push(
            Code::InvalidValue,
            &at("end"),
            format!(
                "period.end must be a reset moment of the allowance: 00:00:00 UTC on day {} of a month.",
                a.reset_day
            ),
        );
    } else if !c.period.start.is_before(&c.period.end) {
        p.push(
            Code::InvalidValue,
            &at("end"),
            "period.end must be after period.start.",
        );
    }
    if i128::from(a.monthly_credits) + i128::from(c.period.carried_over) > i128::from(MAX_SAFE) {
        p.push(
            Code::TooLarge,
            &at("carried_over"),
            "monthly_credits + carried_over must stay below 2^53 (9007199254740991).",
        );
    } else if c.amounts().is_none() {
        p.push(
            Code::TooLarge,
            &at("usage"),
            "The credits of the period would reach 2^53, past what JSON numbers carry exactly.",
        );
    }
    for (i, t) in c.period.thresholds_reached.iter().enumerate() {
        if !a.alert_thresholds.contains(t) {
            let at = item_path(&at("thresholds_reached"), i);
            p.push(
                Code::InvalidValue,
                &at,
                format!(
                    "{} is not one of the allowance's alert thresholds.",
                    describe(&at)
                ),
            );
        }
    }
    let at_history = child(path, "history");
    for (i, h) in c.history.iter().enumerate() {
        let at = |k: &str| child(&item_path(&at_history, i), k);
        let next = c.history.get(i + 1).map_or(&c.period.start, |n| &n.start);
        if !h.start.is_before(&h.end) {
            p.push(
                Code::InvalidValue,
                &at("end"),
                "A closed period must end after it starts.",
            );
        } else if h.end.cmp_instant(next) != Ordering::Equal {
            p.push(
                Code::InvalidValue,
                &at("end"),
                "A closed period must end where the next period starts.",
            );
        }
        if h.overage != (h.used - h.available).max(0) {
            p.push(
                Code::InvalidValue,
                &at("overage"),
                "overage must be max(0, used − available).",
            );
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
