//! The JSON-text entry of every export (`api::call_text`, what the package's JSON path calls): any
//! bytes as the argument text, under any export's name. Never a panic; an answer is always valid JSON,
//! every refusal lists its problems, and asking twice gives the same bytes (no clock, no hash order)
//! for every export but the two that may mint random v4 ids (`createWorkspace`, `apply`).
#![no_main]
use libfuzzer_sys::fuzz_target;
use workspace_rules::api;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let (name, _) = api::EXPORTS[usize::from(which) % api::EXPORTS.len()];
    match api::call_text(name, text) {
        Some(Ok(answer)) => {
            serde_json::from_str::<serde_json::Value>(&answer).expect("answers are JSON");
            if name != "createWorkspace" && name != "apply" {
                let again = api::call_text(name, text).and_then(Result::ok);
                assert_eq!(again.as_deref(), Some(answer.as_str()), "deterministic");
            }
        }
        Some(Err(err)) => assert!(!err.errors.is_empty(), "every refusal lists its problems"),
        None => {}
    }
});
