//! §6 minutes: allocations of prepaid minutes to a workspace, and what a call costs.
//!
//! Money is an integer count of minor currency units (cents) and every computation is in integers: a
//! call of `d` seconds is billed `ceil(d / pulse) × pulse` seconds and costs
//! `billed × cost_per_minute / 60`, rounded half up to a whole minor unit.

use crate::error::{Code, RuleError};
use crate::json::Json;
use crate::validate::{self, Problems};
use serde::Serialize;

/// The largest integer JavaScript represents exactly; amounts and durations stay below it.
pub const MAX_SAFE: i64 = 9_007_199_254_740_991;

/// An allocation of minutes from a source (the account's pool) to a workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Allocation {
    pub source_id: String,
    /// Whole minutes, > 0.
    pub minutes: i64,
    /// Minor currency units per minute, ≥ 0.
    pub cost_per_minute: i64,
    /// The billing increment in seconds: 1–60 and a divisor of 60.
    pub pulse_seconds: i64,
    /// ISO 4217: three uppercase letters.
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
        let entries = validate::object(value, path, problems)?;
        validate::no_unknown_fields(entries, ALLOCATION_FIELDS, path, problems);
        let before = problems.len();
        let undefined = Json::Unsupported(crate::json::Unsupported::Undefined);
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
        if let Some(p) = pulse_seconds.filter(|p| 60 % p != 0) {
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

/// Three uppercase ASCII letters (the shape of an ISO 4217 alphabetic code).
pub fn is_currency_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// What one call costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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
