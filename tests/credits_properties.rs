//! Property tests of `docs/rules/credits.md`: the laws of credit allowances for every allowance,
//! schedule and sequence of usage, not only the shared vectors' examples.
//!
//! - the order and grouping of usage records never changes the credits used;
//! - the credits used are monotone in the units;
//! - `remaining − overage = available − used`, and never both above zero;
//! - `creditStatus` never changes the state, and answers the same twice;
//! - rolling forward twice equals rolling forward once to the later time, and the closed form of
//!   rolling equals closing the periods one at a time as the rule is worded;
//! - thresholds are emitted once per period, lowest first, each remembered;
//! - the outbound gate refuses exactly when a hard limit has nothing remaining at `now`.
//!
//! Native only (proptest is a native dev-dependency; the WebAssembly hosts run the shared vectors).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use workspace_rules::base::timestamp::Timestamp;
use workspace_rules::edge::requests::authorize;
use workspace_rules::workspace::audit::EventType;
use workspace_rules::workspace::commands::{apply, create_workspace, Command};
use workspace_rules::workspace::context::Context;
use workspace_rules::workspace::credit_commands::{credit_status, AllowanceChange};
use workspace_rules::workspace::credits::{
    amounts, Allowance, ClosedPeriod, Credits, Meter, PerMeter, Rate, Rollover, MAX_HISTORY,
};
use workspace_rules::workspace::lifecycle::NewWorkspace;
use workspace_rules::workspace::state::{Environment, WorkspaceState};
use workspace_rules::{Action, Role};

const OWNER: &str = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";

/// Midnight UTC of 2026-01-01 plus whole hours.
fn at(hours: i64) -> Timestamp {
    let days = hours.div_euclid(24);
    let start = Timestamp::parse("2026-01-01T00:00:00.000Z").unwrap();
    let day = start.plus_days(days).unwrap();
    let text = format!(
        "{}T{:02}:00:00.000Z",
        &day.as_str()[..10],
        hours.rem_euclid(24)
    );
    Timestamp::parse(&text).unwrap()
}

fn allowance() -> impl Strategy<Value = Allowance> {
    let rate = (0i64..5, 1i64..120).prop_map(|(credits, per)| Rate { credits, per });
    (
        prop_oneof![0i64..50, 0i64..5000, Just(1_000_000_000_000i64)],
        1u8..=28,
        prop::bool::ANY,
        0i64..8000,
        prop::bool::ANY,
        prop::collection::btree_set(1u8..=100, 0..=5),
        [rate.clone(), rate.clone(), rate.clone(), rate.clone(), rate],
    )
        .prop_map(
            |(monthly_credits, reset_day, capped, rollover_cap, hard_limit, thresholds, rates)| {
                Allowance {
                    monthly_credits,
                    reset_day,
                    rollover: if capped {
                        Rollover::Capped
                    } else {
                        Rollover::None
                    },
                    rollover_cap,
                    hard_limit,
                    alert_thresholds: thresholds.into_iter().collect(),
                    rates: PerMeter(rates),
                }
            },
        )
}

/// A new workspace of its owner, with `allowance` set at `now`.
fn workspace_with(allowance: &Allowance, now: &Timestamp) -> WorkspaceState {
    let ctx = Context::new(OWNER, now.clone())
        .with_email("ana@example.com")
        .with_account_role(Role::Owner)
        .with_ids(["3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f"]);
    let input = NewWorkspace {
        name: "Client A Support".into(),
        slug: None,
        environment: Environment::Production,
        description: None,
        backend_org_id: None,
        is_default: false,
        owner_display_name: None,
    };
    let state = create_workspace(&input, &ctx).unwrap().state;
    let set = Command::SetCreditAllowance(AllowanceChange::Set(allowance.to_json()));
    apply(&state, &set, &ctx).unwrap().state
}

fn record(state: &WorkspaceState, meter: Meter, units: i64, now: &Timestamp) -> WorkspaceState {
    let ctx = Context::new(OWNER, now.clone());
    apply(state, &Command::RecordUsage { meter, units }, &ctx)
        .unwrap()
        .state
}

fn meter() -> impl Strategy<Value = Meter> {
    prop::sample::select(Meter::ALL.to_vec())
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

/// Rolling forward as the rule is worded: close the stored period, then each following period in
/// turn, until the one containing `now` is open.
fn roll_one_at_a_time(c: &Credits, now: &Timestamp) -> Credits {
    let mut c = c.clone();
    while !now.is_before(&c.period.end) {
        let a = amounts(&c.allowance, &c.period).unwrap();
        c.history.push(ClosedPeriod {
            start: c.period.start.clone(),
            end: c.period.end.clone(),
            available: a.available,
            used: a.used,
            overage: a.overage(),
        });
        let unused = (a.available - a.used).max(0);
        c.period.carried_over = match c.allowance.rollover {
            Rollover::None => 0,
            Rollover::Capped => unused.min(c.allowance.rollover_cap),
        };
        c.period.start = c.period.end.clone();
        let (month, _) = c.period.start.utc_month_day();
        c.period.end = Timestamp::start_of_day(month + 1, c.allowance.reset_day).unwrap();
        c.period.usage = PerMeter::default();
        c.period.thresholds_reached.clear();
    }
    let over = c.history.len().saturating_sub(MAX_HISTORY);
    c.history.drain(..over);
    c
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any order and any grouping of the same records gives the same credits used.
    #[test]
    fn order_and_grouping_never_change_the_credits_used(
        a in allowance(),
        records in prop::collection::vec((meter(), 1i64..5000), 1..12),
        seed in any::<u64>(),
    ) {
        let now = at(24 * 40 + 5);
        let start = workspace_with(&a, &now);
        let given = records.iter().fold(start.clone(), |s, (m, u)| record(&s, *m, *u, &now));
        // Another order: rotate and reverse by the seed.
        let mut other = records.clone();
        other.rotate_left((seed as usize) % records.len());
        if seed % 2 == 0 {
            other.reverse();
        }
        let reordered = other.iter().fold(start.clone(), |s, (m, u)| record(&s, *m, *u, &now));
        // Grouped: one record per meter with the sum of its units.
        let mut sums = [0i64; 5];
        for (m, u) in &records {
            sums[*m as usize] += u;
        }
        let grouped = Meter::ALL.iter().filter(|m| sums[**m as usize] > 0)
            .fold(start, |s, m| record(&s, *m, sums[*m as usize], &now));
        let status = |s: &WorkspaceState| credit_status(s, &now, "/now").unwrap().unwrap();
        let (g, r, p) = (status(&given), status(&reordered), status(&grouped));
        prop_assert_eq!(g.amounts, r.amounts);
        prop_assert_eq!(g.amounts, p.amounts);
        prop_assert_eq!(&g.thresholds_reached, &r.thresholds_reached);
    }

    /// More units never cost fewer credits; after every record, used never decreases within a
    /// period; and remaining − overage = available − used, never both above zero.
    #[test]
    fn used_is_monotone_and_the_balance_adds_up(
        a in allowance(),
        records in prop::collection::vec((meter(), 1i64..100_000), 1..16),
    ) {
        let now = at(24 * 40 + 5);
        let mut state = workspace_with(&a, &now);
        let mut last = 0;
        for (m, u) in records {
            let rate = *a.rates.get(m);
            prop_assert!(rate.cost(u) <= rate.cost(u + 1));
            state = record(&state, m, u, &now);
            let s = credit_status(&state, &now, "/now").unwrap().unwrap().amounts;
            prop_assert!(s.used >= last);
            last = s.used;
            prop_assert_eq!(s.remaining() - s.overage(), s.available - s.used);
            prop_assert!(s.remaining() == 0 || s.overage() == 0);
            prop_assert_eq!(s.used, s.by_meter.0.iter().map(|m| m.credits).sum::<i64>());
        }
    }

    /// creditStatus reads without changing: the state is the same after, the answer the same twice;
    /// and rolling to t1 then t2 equals rolling to t2, which equals closing one period at a time.
    #[test]
    fn status_never_changes_the_state_and_rolling_composes(
        a in allowance(),
        records in prop::collection::vec((meter(), 1i64..50_000, 0i64..24 * 70), 0..10),
        later in 0i64..24 * 900,
        split in 0i64..24 * 900,
    ) {
        let mut hours = 24 * 3;
        let mut state = workspace_with(&a, &at(hours));
        for (m, u, dt) in records {
            hours += dt;
            state = record(&state, m, u, &at(hours));
        }
        let before = json(&state);
        let t2 = at(hours + later);
        let once = credit_status(&state, &t2, "/now").unwrap();
        prop_assert_eq!(json(&state), before);
        prop_assert_eq!(&credit_status(&state, &t2, "/now").unwrap(), &once);
        // The status is the rolled record's period.
        let mut rolled = state.credits.clone().unwrap();
        rolled.roll_to(&t2, "/now").unwrap();
        let once = once.unwrap();
        prop_assert_eq!((&once.period_start, &once.period_end), (&rolled.period.start, &rolled.period.end));
        prop_assert_eq!(Some(once.amounts), rolled.amounts());

        let credits = state.credits.clone().unwrap();
        let t1 = at(hours + split.min(later));
        let mut twice = credits.clone();
        twice.roll_to(&t1, "/now").unwrap();
        twice.roll_to(&t2, "/now").unwrap();
        let mut direct = credits.clone();
        direct.roll_to(&t2, "/now").unwrap();
        prop_assert_eq!(json(&twice), json(&direct));
        prop_assert_eq!(json(&direct), json(&roll_one_at_a_time(&credits, &t2)));
        // The rolled record is a valid one.
        let mut p = workspace_rules::base::validate::Problems::new();
        direct.check("/credits", &mut p);
        prop_assert!(p.is_empty(), "{:?}", p.into_vec());
    }

    /// Each threshold is emitted at most once per period, lowest first, and is remembered; the
    /// remembered ones are exactly the thresholds the period's usage reaches.
    #[test]
    fn thresholds_are_emitted_once_lowest_first(
        a in allowance(),
        records in prop::collection::vec((meter(), 1i64..20_000), 1..16),
    ) {
        let now = at(24 * 40 + 5);
        let mut state = workspace_with(&a, &now);
        let mut emitted = Vec::new();
        for (m, u) in records {
            let applied = apply(&state, &Command::RecordUsage { meter: m, units: u }, &Context::new(OWNER, now.clone())).unwrap();
            let these: Vec<i64> = applied.events.iter()
                .filter(|e| e.kind == EventType::CreditThresholdReached)
                .filter_map(|e| e.metadata.threshold)
                .collect();
            prop_assert!(these.windows(2).all(|w| w[0] < w[1]), "lowest first: {:?}", these);
            emitted.extend(these);
            state = applied.state;
        }
        let c = state.credits.as_ref().unwrap();
        let mut sorted = emitted.clone();
        sorted.sort_unstable();
        sorted.dedup();
        prop_assert_eq!(sorted.len(), emitted.len(), "never twice: {:?}", emitted);
        let remembered: Vec<i64> = c.period.thresholds_reached.iter().map(|t| i64::from(*t)).collect();
        prop_assert_eq!(&sorted, &remembered);
        let amounts = c.amounts().unwrap();
        let reached: Vec<u8> = a.alert_thresholds.iter().copied().filter(|t| amounts.reaches(*t)).collect();
        prop_assert_eq!(&reached, &c.period.thresholds_reached);
    }

    /// The gate: `calls.outbound` is refused with credits_exhausted exactly when the allowance has a
    /// hard limit and creditStatus at `now` says exhausted.
    #[test]
    fn the_gate_refuses_exactly_when_a_hard_limit_is_exhausted(
        a in allowance(),
        records in prop::collection::vec((meter(), 1i64..20_000), 0..6),
        later in 0i64..24 * 120,
    ) {
        let now = at(24 * 40 + 5);
        let state = records.iter().fold(workspace_with(&a, &now), |s, (m, u)| record(&s, *m, *u, &now));
        let when = at(24 * 40 + 5 + later);
        let exhausted = credit_status(&state, &when, "/now").unwrap().unwrap().exhausted();
        let d = authorize(&state, OWNER, Action::CallsOutbound, Some(&when));
        prop_assert_eq!(d.allowed, !(a.hard_limit && exhausted), "{:?}", d);
        if !d.allowed {
            prop_assert_eq!(d.status, 402);
        }
    }
}
