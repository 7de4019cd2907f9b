//! The JSON-text entry of every export (`api::call_text`, what the package's JSON path calls): any
//! bytes as the argument text, under any export's name. Never a panic; an answer is always valid JSON,
//! every refusal lists its problems, and asking twice gives the same bytes (no clock, no hash order)
//! for every export but the two that may mint random v4 ids (`createWorkspace`, `apply`). After either
//! of those answers, an `apply` to the state just answered takes it from the package's kept state
//! (`api::LastState`; debug builds, as here, check that it reads back as itself) and must refuse or
//! answer as the same call read from scratch. `updateVoiceSettings` is also asked as the package asks
//! it (`api::update_compact`): its compact answer, spelled out, must be the JSON answer as JavaScript reads it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use workspace_rules::{boundary::api, Json};

#[path = "../../tests/support/compact.rs"]
mod compact;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let (name, _) = api::EXPORTS[usize::from(which) % api::EXPORTS.len()];
    if name == "updateVoiceSettings" {
        compact::assert_compact_agrees(text);
    }
    match api::call_text(name, text) {
        Some(Ok(answer)) => {
            serde_json::from_str::<serde_json::Value>(&answer).expect("answers are JSON");
            if name != "createWorkspace" && name != "apply" {
                let again = api::call_text(name, text).and_then(Result::ok);
                assert_eq!(again.as_deref(), Some(answer.as_str()), "deterministic");
            } else {
                apply_to_the_kept_state(name, text, &answer);
            }
        }
        Some(Err(err)) => assert!(!err.errors.is_empty(), "every refusal lists its problems"),
        None => {}
    }
});

/// `apply` to the state of `answer` (of `name` called with `text`): through the kept state, and from
/// scratch (`api::call` never reads it). Same refusal or success either way (answers may differ by
/// minted random ids, so only the outcome and the refusal's problems are compared).
fn apply_to_the_kept_state(name: &str, text: &str, answer: &str) {
    let fields: BTreeMap<String, &RawValue> =
        serde_json::from_str(answer).expect("an answer of createWorkspace or apply is an object");
    let state = fields["state"].get();
    let args: Vec<&RawValue> = serde_json::from_str(text).expect("it was read once already");
    let arg = |i: usize| args.get(i).map_or("null", |r| r.get());
    let (command, ctx) = if name == "apply" {
        (arg(1), arg(2))
    } else {
        (r#"{"type":"update_workspace","name":"Renamed"}"#, arg(1))
    };
    let next = format!("[{state},{command},{ctx}]");
    let kept = api::call_text("apply", &next).expect("JSON in");
    let untyped: Vec<Json> = serde_json::from_str(&next).expect("JSON in");
    let scratch = api::call("apply", &untyped).expect("an export");
    let outcome = |r: &Result<String, workspace_rules::RuleError>| r.as_ref().map(|_| ()).map_err(|e| e.errors.clone());
    assert_eq!(outcome(&kept), outcome(&scratch), "the kept state answers as read from scratch");
}
