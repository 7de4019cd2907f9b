//! `docs/rules/lifecycle.md` minutes: allocations of prepaid minutes to a workspace, and what a call costs.
//!
//! Money is an integer count of minor currency units (cents) and every computation is in integers: a
//! call of `d` seconds is billed `ceil(d / pulse) × pulse` seconds and costs
//! `billed × cost_per_minute / 60`, rounded half up to a whole minor unit.

use crate::base::error::{Code, RuleError};
use crate::base::json::Json;
use crate::base::timestamp::Timestamp;
use crate::base::validate::{self, Problems};
use crate::workspace::audit::{Event, EventType, Metadata};
use crate::workspace::context::Context;
use serde::Serialize;

/// The largest integer JavaScript represents exactly; amounts and durations stay below it.
pub const MAX_SAFE: i64 = 9_007_199_254_740_991;

/// The billing increments an allocation may have: the divisors of 60.
pub const PULSES: [i64; 12] = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60];

/// An allocation of minutes from a source (the account's pool) to a workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "MinutesAllocation"))]
pub struct Allocation {
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 128)))]
    pub source_id: String,
    /// Whole minutes, > 0.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = MAX_SAFE)))]
    pub minutes: i64,
    /// Minor currency units per minute, ≥ 0.
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = MAX_SAFE)))]
    pub cost_per_minute: i64,
    /// The billing increment in seconds: 1–60 and a divisor of 60.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = PULSES)))]
    pub pulse_seconds: i64,
    /// ISO 4217: three uppercase letters.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = "^[A-Z]{3}$")))]
    pub currency: String,
}

/// The fields of an allocation, in wire order.
pub const ALLOCATION_FIELDS: &[&str] = &[
    "source_id",
    "minutes",
    "cost_per_minute",
    "pulse_seconds",
    "currency",
];

impl Allocation {
    /// Reads an allocation at `path`, recording every problem.
    pub fn read(value: &Json, path: &str, problems: &mut Problems) -> Option<Allocation> {
        Self::read_with(value, path, &[], problems)
    }

    /// Reads the allocation's fields of an object that may also hold the `extra` keys (a stored
    /// allocation's `allocated_at`, a command's `type` and `available_minutes`), read by the caller.
    pub fn read_with(
        value: &Json,
        path: &str,
        extra: &[&str],
        problems: &mut Problems,
    ) -> Option<Allocation> {
        let entries = validate::object(value, path, problems)?;
        let mut known = ALLOCATION_FIELDS.to_vec();
        known.extend_from_slice(extra);
        validate::no_unknown_fields(entries, &known, path, problems);
        let before = problems.len();
        let undefined = Json::Unsupported(crate::base::json::Unsupported::Undefined);
        let get = |key: &str| value.get(key).unwrap_or(&undefined);
        let at = |key: &str| validate::child(path, key);
        let source_id = validate::string_len(get("source_id"), &at("source_id"), 1, 128, problems)
            .map(str::to_owned);
        let minutes = validate::integer_in(get("minutes"), &at("minutes"), 1, MAX_SAFE, problems);
        let cost_per_minute = validate::integer_in(
            get("cost_per_minute"),
            &at("cost_per_minute"),
            0,
            MAX_SAFE,
            problems,
        );
        let pulse_seconds =
            validate::integer_in(get("pulse_seconds"), &at("pulse_seconds"), 1, 60, problems);
        if let Some(p) = pulse_seconds.filter(|p| !PULSES.contains(p)) {
            problems.push(
                Code::InvalidValue,
                &at("pulse_seconds"),
                format!("pulse_seconds must divide 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60), got {p}."),
            );
        }
        let currency =
            validate::string(get("currency"), &at("currency"), problems).map(str::to_owned);
        if let Some(c) = currency.as_deref().filter(|c| !is_currency_code(c)) {
            problems.push(
                Code::InvalidValue,
                &at("currency"),
                format!(
                    "currency must be an ISO 4217 code of three uppercase letters, got \"{c}\"."
                ),
            );
        }
        if problems.len() != before {
            return None;
        }
        Some(Allocation {
            source_id: source_id?,
            minutes: minutes?,
            cost_per_minute: cost_per_minute?,
            pulse_seconds: pulse_seconds?,
            currency: currency?,
        })
    }
}

/// Minutes of the workspace: the append-only history of allocations (`docs/rules/lifecycle.md`) and the billed seconds
/// used so far (`record_call`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "WorkspaceMinutes"))]
pub struct Minutes {
    pub allocations: Vec<StoredAllocation>,
    #[cfg_attr(feature = "schema", schemars(range(max = MAX_SAFE)))]
    pub used_seconds: u64,
}

/// An allocation as the state keeps it: the terms, then when it was made. The history is append-only:
/// `allocate_minutes` adds one at the end and nothing ever changes or removes one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "StoredMinutesAllocation"))]
pub struct StoredAllocation {
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 128)))]
    pub source_id: String,
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = MAX_SAFE)))]
    pub minutes: i64,
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = MAX_SAFE)))]
    pub cost_per_minute: i64,
    #[cfg_attr(feature = "schema", schemars(extend("enum" = PULSES)))]
    pub pulse_seconds: i64,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = "^[A-Z]{3}$")))]
    pub currency: String,
    pub allocated_at: Timestamp,
}

impl StoredAllocation {
    pub fn new(terms: Allocation, allocated_at: Timestamp) -> Self {
        StoredAllocation {
            source_id: terms.source_id,
            minutes: terms.minutes,
            cost_per_minute: terms.cost_per_minute,
            pulse_seconds: terms.pulse_seconds,
            currency: terms.currency,
            allocated_at,
        }
    }

    /// The terms a call is billed under.
    pub fn terms(&self) -> Allocation {
        Allocation {
            source_id: self.source_id.clone(),
            minutes: self.minutes,
            cost_per_minute: self.cost_per_minute,
            pulse_seconds: self.pulse_seconds,
            currency: self.currency.clone(),
        }
    }

    /// The value rules of a typed allocation built in Rust (a read one was checked when read): the
    /// same reader runs on its wire form, so both agree by construction.
    pub fn check(&self, path: &str, problems: &mut Problems) {
        let wire = Json::Object(vec![
            ("source_id".into(), Json::from(self.source_id.as_str())),
            ("minutes".into(), Json::Number(self.minutes as f64)),
            (
                "cost_per_minute".into(),
                Json::Number(self.cost_per_minute as f64),
            ),
            (
                "pulse_seconds".into(),
                Json::Number(self.pulse_seconds as f64),
            ),
            ("currency".into(), Json::from(self.currency.as_str())),
        ]);
        Allocation::read(&wire, path, problems);
    }

    /// Reads a stored allocation (`state.minutes.allocations[i]`), every problem recorded.
    pub fn read(value: &Json, path: &str, problems: &mut Problems) -> Option<StoredAllocation> {
        let terms = Allocation::read_with(value, path, &["allocated_at"], problems);
        let undefined = Json::Unsupported(crate::base::json::Unsupported::Undefined);
        let at = value.get("allocated_at").unwrap_or(&undefined);
        let allocated_at =
            validate::timestamp(at, &validate::child(path, "allocated_at"), problems);
        Some(StoredAllocation::new(terms?, allocated_at?))
    }
}

/// The minutes a workspace has been allocated in all, in seconds (saturating: never wraps).
pub fn allocated_seconds(minutes: &Minutes) -> i64 {
    minutes.allocations.iter().fold(0i64, |sum, a| {
        sum.saturating_add(a.minutes.saturating_mul(60))
    })
}

/// Seconds left: allocated − used, never below zero.
pub fn remaining_seconds(minutes: &Minutes) -> i64 {
    allocated_seconds(minutes)
        .saturating_sub(i64::try_from(minutes.used_seconds).unwrap_or(i64::MAX))
        .max(0)
}

/// Seconds used beyond what was allocated (the overage), zero when within the allocation.
pub fn overage_seconds(minutes: &Minutes) -> i64 {
    i64::try_from(minutes.used_seconds)
        .unwrap_or(i64::MAX)
        .saturating_sub(allocated_seconds(minutes))
        .max(0)
}

/// `allocate_minutes {source_id, minutes, cost_per_minute, pulse_seconds, currency,
/// available_minutes}`: owners only (`minutes.allocate`). The source (the account's pool) is outside
/// the workspace aggregate, so the caller states what it has left in `available_minutes`; asking for
/// more is `insufficient_minutes` (409). Appends to the history and emits
/// `workspace.minutes_allocated` (metadata: `source_id`, `minutes`).
pub fn allocate_minutes(
    minutes: &mut Minutes,
    workspace_id: &str,
    terms: &Allocation,
    available_minutes: i64,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    within_available(terms, available_minutes, "/command/minutes")?;
    let at = ctx.now_written()?;
    minutes
        .allocations
        .push(StoredAllocation::new(terms.clone(), at.clone()));
    let event = Event::new(
        EventType::MinutesAllocated,
        workspace_id,
        &ctx.actor_id,
        &at,
    )
    .metadata(Metadata {
        source_id: Some(terms.source_id.clone()),
        minutes: Some(terms.minutes),
        ..Metadata::default()
    });
    Ok(vec![event])
}

/// An allocation never exceeds the source's available minutes (`insufficient_minutes`, 409, at
/// `path`): the one check of `allocate_minutes` and of `POST …/minutes/allocations`.
pub fn within_available(terms: &Allocation, available: i64, path: &str) -> Result<(), RuleError> {
    if terms.minutes > available {
        return Err(RuleError::single(
            Code::InsufficientMinutes,
            path,
            format!(
                "The source has {available} minutes available; {} cannot be allocated.",
                terms.minutes
            ),
        ));
    }
    Ok(())
}

/// What `record_call` reports (the `call` key of its answer): the call's bill under the latest
/// allocation, then the workspace's balance after it. `remaining_seconds` never goes below zero;
/// what the workspace used beyond its allocations is `overage_seconds`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RecordedCall {
    pub duration_seconds: i64,
    pub billed_seconds: i64,
    pub cost: i64,
    pub currency: String,
    pub used_seconds: i64,
    pub remaining_seconds: i64,
    pub overage_seconds: i64,
}

/// `record_call {duration_seconds}`: any active member (a call, inbound or outbound, uses minutes
/// whoever placed it; the outbound gate is a request check, `docs/rules/requests.md`). Billed under the latest allocation
/// (the current tariff); without any allocation there is nothing to bill against:
/// `insufficient_minutes` (409). Adds the billed seconds to `used_seconds`. No audit event (`docs/rules/commands.md` lists
/// none for calls): the answer's `call` reports the bill and the overage.
pub fn record_call(
    minutes: &mut Minutes,
    duration_seconds: i64,
) -> Result<RecordedCall, RuleError> {
    let Some(latest) = minutes.allocations.last() else {
        return Err(RuleError::single(
            Code::InsufficientMinutes,
            "/command/duration_seconds",
            "No minutes have been allocated to this workspace.",
        ));
    };
    let terms = latest.terms();
    let too_large = || {
        RuleError::single(
            Code::OutOfRange,
            "/command/duration_seconds",
            "The usage of this call is too large to be represented exactly.",
        )
    };
    let bill = call_cost(&terms, duration_seconds).ok_or_else(too_large)?;
    let used = minutes
        .used_seconds
        .checked_add(u64::try_from(bill.billed_seconds).map_err(|_| too_large())?)
        .filter(|u| *u <= MAX_SAFE as u64)
        .ok_or_else(too_large)?;
    minutes.used_seconds = used;
    Ok(RecordedCall {
        duration_seconds,
        billed_seconds: bill.billed_seconds,
        cost: bill.cost,
        currency: terms.currency,
        used_seconds: i64::try_from(used).unwrap_or(MAX_SAFE),
        remaining_seconds: remaining_seconds(minutes),
        overage_seconds: overage_seconds(minutes),
    })
}

/// Three uppercase ASCII letters (the shape of an ISO 4217 alphabetic code).
pub fn is_currency_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// What one call costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CallCost {
    pub billed_seconds: i64,
    pub cost: i64,
}

/// Bills a call of `duration_seconds` (≥ 0) under `allocation`. `None` if the cost would not be
/// exactly representable in JavaScript (above 2^53 − 1 minor units).
pub fn call_cost(allocation: &Allocation, duration_seconds: i64) -> Option<CallCost> {
    let pulse = i128::from(allocation.pulse_seconds.max(1));
    let d = i128::from(duration_seconds.max(0));
    let billed = (d + pulse - 1) / pulse * pulse;
    let cost = (billed * i128::from(allocation.cost_per_minute) + 30) / 60;
    Some(CallCost {
        billed_seconds: i64::try_from(billed).ok().filter(|b| *b <= MAX_SAFE)?,
        cost: i64::try_from(cost).ok().filter(|c| *c <= MAX_SAFE)?,
    })
}

/// `callCost(allocation, duration_seconds)` for untyped input: `validation_failed` (422) listing every
/// problem. Paths: `/allocation/…`, `/duration_seconds`.
pub fn call_cost_input(allocation: &Json, duration_seconds: &Json) -> Result<CallCost, RuleError> {
    let mut problems = Problems::new();
    let allocation = Allocation::read(allocation, "/allocation", &mut problems);
    let duration = validate::integer_in(
        duration_seconds,
        "/duration_seconds",
        0,
        MAX_SAFE,
        &mut problems,
    );
    problems.finish(Code::ValidationFailed, ())?;
    match (allocation, duration) {
        (Some(a), Some(d)) => call_cost(&a, d).ok_or_else(|| {
            RuleError::single(
                Code::OutOfRange,
                "/duration_seconds",
                "The cost of this call is too large to be represented exactly.",
            )
        }),
        _ => Err(RuleError::single(
            Code::InternalError,
            "",
            "A checked input was missing.",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allocation(cost_per_minute: i64, pulse_seconds: i64) -> Allocation {
        Allocation {
            source_id: "pool".into(),
            minutes: 100,
            cost_per_minute,
            pulse_seconds,
            currency: "USD".into(),
        }
    }

    #[test]
    fn pulses_round_up_and_cost_rounds_half_up() {
        let a = allocation(10, 6);
        assert_eq!(
            call_cost(&a, 0),
            Some(CallCost {
                billed_seconds: 0,
                cost: 0
            })
        );
        assert_eq!(
            call_cost(&a, 1),
            Some(CallCost {
                billed_seconds: 6,
                cost: 1
            })
        );
        assert_eq!(
            call_cost(&a, 6),
            Some(CallCost {
                billed_seconds: 6,
                cost: 1
            })
        );
        assert_eq!(
            call_cost(&a, 7),
            Some(CallCost {
                billed_seconds: 12,
                cost: 2
            })
        );
        // 3 s at 10/min = 0.5 → 1 (half up); 2 s = 0.333… → 0.
        assert_eq!(call_cost(&allocation(10, 1), 3).map(|c| c.cost), Some(1));
        assert_eq!(call_cost(&allocation(10, 1), 2).map(|c| c.cost), Some(0));
        assert_eq!(
            call_cost(&allocation(7, 60), 61),
            Some(CallCost {
                billed_seconds: 120,
                cost: 14
            })
        );
    }

    #[test]
    fn remaining_never_below_zero_and_overage_is_the_excess() {
        let at = Timestamp::parse("2026-11-22T10:00:00Z").unwrap();
        let mut m = Minutes {
            allocations: vec![StoredAllocation::new(allocation(10, 6), at)],
            used_seconds: 5_990,
        };
        assert_eq!((remaining_seconds(&m), overage_seconds(&m)), (10, 0));
        m.used_seconds = 6_000;
        assert_eq!((remaining_seconds(&m), overage_seconds(&m)), (0, 0));
        m.used_seconds = 6_066;
        assert_eq!((remaining_seconds(&m), overage_seconds(&m)), (0, 66));
        m.allocations.clear();
        assert_eq!((remaining_seconds(&m), overage_seconds(&m)), (0, 6_066));
    }

    #[test]
    fn a_typed_allocation_is_checked_like_a_read_one() {
        let at = Timestamp::parse("2026-11-22T10:00:00Z").unwrap();
        let mut bad = StoredAllocation::new(allocation(10, 7), at);
        bad.currency = "usd".into();
        let mut p = Problems::new();
        bad.check("/a", &mut p);
        let paths: Vec<String> = p.into_vec().into_iter().map(|x| x.path).collect();
        assert_eq!(paths, ["/a/pulse_seconds", "/a/currency"]);
    }

    #[test]
    fn huge_costs_are_refused_not_wrapped() {
        assert_eq!(call_cost(&allocation(MAX_SAFE, 60), MAX_SAFE), None);
    }

    #[test]
    fn allocation_problems_are_all_listed() {
        let bad = Json::Object(vec![
            ("source_id".into(), "".into()),
            ("minutes".into(), Json::Number(0.0)),
            ("cost_per_minute".into(), Json::Number(1.5)),
            ("pulse_seconds".into(), Json::Number(7.0)),
            ("currency".into(), "usd".into()),
            ("extra".into(), Json::Null),
        ]);
        let err = call_cost_input(&bad, &Json::Number(-1.0)).unwrap_err();
        let paths: Vec<&str> = err.errors.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/allocation/extra",
                "/allocation/source_id",
                "/allocation/minutes",
                "/allocation/cost_per_minute",
                "/allocation/pulse_seconds",
                "/allocation/currency",
                "/duration_seconds"
            ]
        );
    }
}
