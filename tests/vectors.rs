//! The native host of the shared test vectors (`tests/vectors/*.json`).
//!
//! Runs every case through the crate's own Rust API, checks it against the expectation in the file,
//! and writes each output as canonical JSON to `test-results/vectors/native.jsonl`. The Node and
//! Chromium hosts write the same file from the WebAssembly package; `tests/compare-hosts.mjs` then
//! requires all of them to be byte-identical. The format is described in `tests/vectors/README.md`.

use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use workspace_rules::api;

#[path = "support/runner.rs"]
mod runner;
use runner::{canonical, decode, js_number, run_case};

#[path = "support/compact.rs"]
mod compact;

/// An expected error lists `code`, `status` and `errors` (each with `code` and `path`, and `message`
/// only where the file pins the text); the actual error must match every key the file gives.
fn matches(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .all(|(k, ev)| a.get(k).is_some_and(|av| matches(ev, av))),
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(ev, av)| matches(ev, av))
        }
        (e, a) => e == a,
    }
}

/// `value` without its `message` keys whose value is a non-empty string (the sentences a UI shows);
/// `None` when some `message` key holds anything else.
fn without_messages(value: &Value) -> Option<Value> {
    match value {
        Value::Array(items) => items
            .iter()
            .map(without_messages)
            .collect::<Option<_>>()
            .map(Value::Array),
        Value::Object(map) => {
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                if k == "message" {
                    if v.as_str().is_none_or(str::is_empty) {
                        return None;
                    }
                    continue;
                }
                out.insert(k.clone(), without_messages(v)?);
            }
            Some(Value::Object(out))
        }
        other => Some(other.clone()),
    }
}

fn same_text(expected: &Value, actual: &Value) -> bool {
    let (mut e, mut a) = (String::new(), String::new());
    canonical(expected, &mut e);
    canonical(actual, &mut a);
    e == a
}

/// Expected values are compared as `JSON.stringify` text (so `1` in a file equals the `1.0` an `f64`
/// field serializes to, as in JavaScript); expected errors, and `ok_matching` answers (a returned
/// value that carries a refusal, such as a `checkRequest` decision), match on the keys the file gives;
/// `ok_without_messages` answers compare as text once their messages are left out.
fn check(expected: &Value, actual: &Value) -> bool {
    if let Some(partial) = expected.get("ok_matching") {
        actual.get("ok").is_some_and(|ok| matches(partial, ok))
    } else if let Some(bare) = expected.get("ok_without_messages") {
        let ok = actual.get("ok").and_then(without_messages);
        ok.is_some_and(|ok| same_text(bare, &ok))
    } else if expected.get("error").is_some() {
        matches(expected, actual)
    } else {
        same_text(expected, actual)
    }
}

fn vector_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/vectors exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn shared_vectors_on_the_native_host() {
    let mut lines = String::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in vector_files() {
        let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let file: Value = serde_json::from_str(&text).unwrap();
        for case in file["cases"].as_array().expect("cases") {
            let (line, actual) = run_case(&file_name, case);
            if !check(&case["expect"], &actual) {
                failures.push(format!("{line}\n  expected {}", case["expect"]));
            }
            writeln!(lines, "{line}").unwrap();
            count += 1;
        }
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("test-results/vectors");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("native.jsonl"), lines).unwrap();
    assert!(count > 0, "no vectors found");
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every `updateVoiceSettings` vector, asked as the package asks it (`api::update_compact`, the
/// answer spelled out from the arguments sent), answers exactly as the JSON path does. The vectors'
/// JavaScript-only values (`{"$js": …}`) are written as JSON would write them (the package sends
/// those as marked JSON text); both paths read the same text.
#[test]
fn update_by_reference_answers_every_vector_as_the_json_path() {
    let mut count = 0;
    for path in vector_files() {
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in file["cases"].as_array().expect("cases") {
            if case["call"] != "updateVoiceSettings" {
                continue;
            }
            let args: Vec<workspace_rules::Json> =
                serde_json::from_value(case["args"].clone()).unwrap();
            let args: Vec<_> = args.into_iter().map(decode).collect();
            compact::assert_compact_agrees(&serde_json::to_string(&args).unwrap());
            count += 1;
        }
    }
    assert!(count > 50, "only {count} updateVoiceSettings vectors");
}

#[test]
fn js_number_format() {
    assert_eq!(js_number(1.0), "1");
    assert_eq!(js_number(-0.0), "0");
    assert_eq!(js_number(0.5), "0.5");
    assert_eq!(js_number(1e21), "1e+21");
    assert_eq!(js_number(1.5e-7), "1.5e-7");
    assert_eq!(js_number(0.000001), "0.000001");
    assert_eq!(js_number(123456789.125), "123456789.125");
}

/// Every `checkRequest`, `authorize`, `previewInvitation` and `capabilities` vector asked of a prepared workspace
/// (`prepareWorkspace(state)`, then the method with the state left out) answers byte for byte as
/// the plain function; a state the plain function refuses is refused by `prepareWorkspace` with the
/// same error, and one it accepts is prepared.
#[test]
fn prepared_workspaces_answer_every_vector_as_the_plain_functions() {
    use workspace_rules::edge::prepared::PreparedWorkspace;
    use workspace_rules::Json;
    let text = |r: Result<String, workspace_rules::RuleError>| match r {
        Ok(answer) => format!("ok {answer}"),
        Err(e) => format!("error {}", serde_json::to_string(&e).unwrap()),
    };
    let mut count = 0;
    for path in vector_files() {
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in file["cases"].as_array().expect("cases") {
            let call = case["call"].as_str().unwrap_or_default();
            let methods = [
                "checkRequest",
                "authorize",
                "previewInvitation",
                "capabilities",
            ];
            if !methods.contains(&call) {
                continue;
            }
            let name = case["name"].as_str().unwrap_or_default();
            let args: Vec<Json> = serde_json::from_value::<Vec<Json>>(case["args"].clone())
                .unwrap()
                .into_iter()
                .map(decode)
                .collect();
            // A missing argument is `undefined`, as the plain call reads it.
            let missing = Json::Unsupported(workspace_rules::base::json::Unsupported::Undefined);
            let arg = |i: usize| args.get(i).cloned().unwrap_or_else(|| missing.clone());
            let plain = text(api::call(call, &args).unwrap());
            // The state, and the rest of the arguments without it.
            let (state, context) = match call {
                "checkRequest" => match arg(1) {
                    Json::Object(entries) => {
                        let state = entries.iter().find(|(k, _)| k == "state");
                        let state = state.map_or(Json::Null, |(_, v)| v.clone());
                        let rest = entries.into_iter().filter(|(k, _)| k != "state");
                        (state, Some(Json::Object(rest.collect())))
                    }
                    _ => (Json::Null, None),
                },
                _ => (arg(0), None),
            };
            let prepared = match PreparedWorkspace::from_input(&state) {
                Ok(prepared) => prepared,
                Err(e) => {
                    let refused = text(Err(e));
                    assert!(
                        plain.starts_with("error "),
                        "{name}: prepare refused {refused}"
                    );
                    if plain.contains("\"invalid_state\"") {
                        // checkRequest names the state where it found it, in its context.
                        let plain = plain
                            .replace("\"/context/state", "\"/state")
                            .replace("context.state", "state");
                        assert_eq!(plain, refused, "{name}");
                    }
                    continue;
                }
            };
            let answer = match call {
                "checkRequest" => match context {
                    Some(context) => prepared.check_request_input(&arg(0), &context),
                    // Not an object: the same refusal as the plain function's, without the state.
                    None => prepared.check_request_input(&arg(0), &arg(1)),
                }
                .map(|d| api::text(&d)),
                "authorize" => prepared
                    .authorize_input(&arg(1), &arg(2), &arg(3))
                    .map(|d| api::text(&d)),
                "capabilities" => prepared.capabilities_input(&arg(1)).map(|c| api::text(&c)),
                _ => prepared
                    .preview_invitation_input(&arg(1), &arg(2))
                    .map(|p| api::text(&p)),
            };
            assert_eq!(text(answer), plain, "{name}");
            count += 1;
        }
    }
    assert!(count > 60, "only {count} vectors asked both ways");
}
