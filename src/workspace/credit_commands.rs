//! `docs/rules/credits.md` The credit commands on a workspace — `set_credit_allowance` (`billing.manage`)
//! and `record_usage` (any active member) — and `creditStatus(state, now)`. The rules of the record
//! itself (schedule, rolling forward, amounts, thresholds) are in [`credits`](crate::workspace::credits).
//!
//! Only these two commands roll the stored period forward (and refuse a `now` before its start);
//! every other command leaves `credits` as it is stored. `creditStatus` and the outbound gate roll
//! forward on a copy, so reading never changes the state.

use crate::base::error::{Code, RuleError};
use crate::base::json::{Json, Unsupported};
use crate::base::timestamp::Timestamp;
use crate::base::validate::{
    boolean, child, describe, field, no_unknown_fields, object, timestamp, Problems,
};
use crate::workspace::audit::{Event, EventType, Metadata};
use crate::workspace::context::Context;
use crate::workspace::credits::{
    allowance_of, check_cap, read_patch, too_large, CreditStatus, Credits, Meter, ALLOWANCE_KEYS,
};
use crate::workspace::membership::{acting_role, require};
use crate::workspace::roles::Action;
use crate::workspace::state::{state_input, WorkspaceState};

/// What `set_credit_allowance` asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum AllowanceChange {
    /// Set the allowance: an object of its fields (`docs/rules/credits.md`), every field on the
    /// first call, any of them later (absent: unchanged). Checked when the command is checked, like
    /// any other field; [`Allowance::to_json`](crate::workspace::credits::Allowance::to_json) gives
    /// one with every field.
    Set(Json),
    /// `{ remove: true }`: `credits` becomes `null`, its history with it.
    Remove,
}

/// The keys of `set_credit_allowance` besides `type`.
pub const SET_ALLOWANCE_KEYS: &[&str] = &[
    "monthly_credits",
    "reset_day",
    "rollover",
    "rollover_cap",
    "hard_limit",
    "alert_thresholds",
    "rates",
    "remove",
];

/// Reads `set_credit_allowance`'s fields from `e` at `path` (its unknown keys are the caller's).
/// `remove: true` takes no other field; `remove: false` is the same as leaving it out.
pub fn read_allowance_change(
    e: &[(String, Json)],
    path: &str,
    p: &mut Problems,
) -> Option<AllowanceChange> {
    let before = p.len();
    let at = child(path, "remove");
    let remove = match field(e, "remove") {
        Json::Unsupported(Unsupported::Undefined) => false,
        v => boolean(v, &at, p)?,
    };
    if !remove {
        return read_patch(e, path, p).map(AllowanceChange::Set);
    }
    for key in ALLOWANCE_KEYS {
        if e.iter().any(|(k, _)| k == key) {
            let at = child(path, key);
            p.push(
                Code::InvalidValue,
                &at,
                format!("{} cannot be given with remove: true.", describe(&at)),
            );
        }
    }
    (p.len() == before).then_some(AllowanceChange::Remove)
}

impl AllowanceChange {
    /// The value rules of a typed change built in Rust, at `/command/…` (a read one passed them).
    pub fn check(&self, p: &mut Problems) {
        if let AllowanceChange::Set(patch) = self {
            if let Some(e) = object(patch, "/command", p) {
                no_unknown_fields(e, ALLOWANCE_KEYS, "/command", p);
                read_patch(e, "/command", p);
            }
        }
    }
}

/// The checks of a change that need the stored record (`None`: no allowance yet), at `path`: every
/// field is required by the first allowance (each missing one `invalid_type` at its key), and under
/// `capped` the merged allowance's `monthly_credits + rollover_cap` must stay below 2^53
/// (`too_large`). The same checks for `apply` and for the body of `PUT …/credits/allowance`.
pub fn check_change(credits: Option<&Credits>, patch: &Json, path: &str, p: &mut Problems) {
    let merged = match credits {
        Some(c) => c.allowance.merged(patch).map(|(a, _)| a),
        None => {
            for key in ALLOWANCE_KEYS.iter().filter(|k| patch.get(k).is_none()) {
                let at = child(path, key);
                p.push(
                    Code::InvalidType,
                    &at,
                    format!(
                        "{} is required by a workspace's first allowance, got undefined.",
                        describe(&at)
                    ),
                );
            }
            allowance_of(patch)
        }
    };
    if let Some(a) = merged {
        check_cap(&a, &child(path, "rollover_cap"), p);
    }
}

/// `set_credit_allowance`: `billing.manage` (owners). Removal turns `credits` to `null`; a first
/// allowance opens the period containing `now`; a later one rolls the record forward first, then
/// applies the fields given — `monthly_credits` and `rates` to the current period at once, a new
/// `reset_day` by moving the current period's end to that day's first reset moment after `now`,
/// `rollover` and `rollover_cap` at the next reset. Emits `workspace.credits_reset` if it rolled,
/// then `workspace.credit_allowance_updated` with `metadata.changed` if anything changed.
pub fn set_credit_allowance(
    state: &mut WorkspaceState,
    change: &AllowanceChange,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    require(state, ctx, Action::BillingManage)?;
    let at = ctx.now_written()?;
    let event = |kind, metadata| {
        Event::new(kind, &state.workspace.id, &ctx.actor_id, &at).metadata(metadata)
    };
    let patch = match change {
        AllowanceChange::Remove => {
            if state.credits.take().is_none() {
                return Ok(Vec::new());
            }
            let removed = Metadata {
                changed: Some(ALLOWANCE_KEYS.to_vec()),
                removed: Some(true),
                ..Metadata::default()
            };
            return Ok(vec![event(EventType::CreditAllowanceUpdated, removed)]);
        }
        // In its stored form (a typed command may give thresholds in any order); checked already.
        AllowanceChange::Set(patch) => {
            let mut p = Problems::new();
            let entries = patch.as_object().unwrap_or_default();
            read_patch(entries, "/command", &mut p).ok_or_else(missing)?
        }
    };
    let mut p = Problems::new();
    let mut events = Vec::new();
    let (credits, changed) = match state.credits.take() {
        None => {
            check_change(None, &patch, "/command", &mut p);
            p.finish(Code::ValidationFailed, ())?;
            let allowance = allowance_of(&patch).ok_or_else(missing)?;
            let credits = Credits::open(allowance, &ctx.now, "/ctx/now")?;
            (credits, ALLOWANCE_KEYS.to_vec())
        }
        Some(mut credits) => {
            if credits.roll_to(&ctx.now, "/ctx/now")? {
                events.push(event(EventType::CreditsReset, reset_metadata(&credits)));
            }
            check_change(Some(&credits), &patch, "/command", &mut p);
            p.finish(Code::ValidationFailed, ())?;
            let (next, changed) = credits.allowance.merged(&patch).ok_or_else(missing)?;
            credits.set_allowance(next, &ctx.now, "/ctx/now")?;
            (credits, changed)
        }
    };
    if !changed.is_empty() {
        let changed = Metadata {
            changed: Some(changed),
            ..Metadata::default()
        };
        events.push(event(EventType::CreditAllowanceUpdated, changed));
    }
    state.credits = Some(credits);
    Ok(events)
}

fn missing() -> RuleError {
    RuleError::single(Code::InternalError, "", "A checked input was missing.")
}

/// `credits_reset`'s metadata: the period that opened and what it carries.
fn reset_metadata(credits: &Credits) -> Metadata {
    Metadata {
        period_start: Some(credits.period.start.clone()),
        carried_over: Some(credits.period.carried_over),
        ..Metadata::default()
    }
}

/// `record_usage {meter, units}`: any active member. Without an allowance, `no_credit_allowance`
/// (409). Rolls the record forward, adds the units to the current period (recorded even past the
/// allowance: usage is a fact), and emits `workspace.credits_reset` if it rolled, then one
/// `workspace.credit_threshold_reached` per threshold this record reaches for the first time in the
/// period, lowest first.
pub fn record_usage(
    state: &mut WorkspaceState,
    meter: Meter,
    units: i64,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    acting_role(state, ctx)?;
    let Some(credits) = state.credits.as_mut() else {
        return Err(RuleError::single(
            Code::NoCreditAllowance,
            "/state/credits",
            "The workspace has no credit allowance to record usage against.",
        ));
    };
    let at = ctx.now_written()?;
    let event = |kind, metadata| {
        Event::new(kind, &state.workspace.id, &ctx.actor_id, &at).metadata(metadata)
    };
    let mut events = Vec::new();
    if credits.roll_to(&ctx.now, "/ctx/now")? {
        events.push(event(EventType::CreditsReset, reset_metadata(credits)));
    }
    let slot = &mut credits.period.usage.0[meter as usize];
    *slot = (slot.checked_add(units))
        .filter(|u| *u <= crate::workspace::minutes::MAX_SAFE)
        .ok_or_else(|| too_large("/command/units", "The units of this meter in the period"))?;
    let amounts = (credits.amounts())
        .ok_or_else(|| too_large("/command/units", "The credits used in the period"))?;
    for threshold in credits.newly_reached(&amounts) {
        let reached = Metadata {
            threshold: Some(threshold.into()),
            used: Some(amounts.used),
            available: Some(amounts.available),
            ..Metadata::default()
        };
        events.push(event(EventType::CreditThresholdReached, reached));
    }
    Ok(events)
}

/// `creditStatus(state, now)`: the period containing `now`, rolled forward on a copy (the state is
/// never changed); `None` (`null`) without an allowance. `path` is where `now` was given.
pub fn credit_status(
    state: &WorkspaceState,
    now: &Timestamp,
    path: &str,
) -> Result<Option<CreditStatus>, RuleError> {
    match &state.credits {
        Some(credits) => credits.status_at(now, path).map(Some),
        None => Ok(None),
    }
}

/// `creditStatus(state, now)` for untyped input: `invalid_state` for the state, then
/// `validation_failed` for `now` (path `/now`).
pub fn credit_status_input(state: &Json, now: &Json) -> Result<Option<CreditStatus>, RuleError> {
    let state = state_input(state, "/state")?;
    let mut p = Problems::new();
    let now = timestamp(now, "/now", &mut p);
    match now {
        Some(now) if p.is_empty() => credit_status(&state, &now, "/now"),
        _ => Err(RuleError::many(Code::ValidationFailed, p.into_vec())),
    }
}
