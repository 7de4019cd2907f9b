//! can, slugify, normalizeTestCallerNumbers and callCost on arbitrary arguments: never a panic, and
//! every answer keeps its promise (a valid slug, E.164 numbers, exact integer costs).
#![no_main]
use libfuzzer_sys::fuzz_target;
use workspace_rules::{workspace::minutes, workspace::roles, text::slug, workspace::test_numbers};

#[path = "common.rs"]
mod common;
use common::{arg, args};

fuzz_target!(|data: &[u8]| {
    let a = args(data);
    let _ = roles::can_input(arg(&a, 0), arg(&a, 1));
    if let (Some(r), Some(x)) = (arg(&a, 0).as_str(), arg(&a, 1).as_str()) {
        assert_eq!(roles::can_names(r, x), roles::can_input(arg(&a, 0), arg(&a, 1)));
    }
    if let Ok(s) = slug::slugify_input(arg(&a, 0), arg(&a, 1)) {
        assert!(slug::is_valid(&s), "{s:?}");
    }
    if let Ok(n) = test_numbers::normalize_input(arg(&a, 0)) {
        assert!(n.numbers.iter().all(|x| test_numbers::normalize(x).as_deref() == Some(x)));
    }
    if let Ok(c) = minutes::call_cost_input(arg(&a, 0), arg(&a, 1)) {
        assert!(c.billed_seconds >= 0 && c.cost >= 0);
    }
});
