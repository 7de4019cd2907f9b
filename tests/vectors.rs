//! The native host of the shared test vectors (`tests/vectors/*.json`).
//!
//! Runs every case through the crate's own Rust API, checks it against the expectation in the file,
//! and writes each output as canonical JSON to `test-results/vectors/native.jsonl`. The Node and
//! Chromium hosts write the same file from the WebAssembly package; `tests/compare-hosts.mjs` then
//! requires all of them to be byte-identical. The format is described in `tests/vectors/README.md`.

use serde::Serialize;
use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use workspace_rules::json::{Json, Unsupported};
use workspace_rules::{
    commands, invitations, keyterms, minutes, roles, slug, test_numbers, tone, voice, RuleError,
};

/// Calls the rule named like the JavaScript export, with the case's arguments; a missing argument is
/// `undefined`, as it would be in JavaScript.
fn call(name: &str, args: &[Json]) -> Result<Value, RuleError> {
    let undefined = Json::Unsupported(Unsupported::Undefined);
    let arg = |i: usize| args.get(i).unwrap_or(&undefined);
    match name {
        "roles" => Ok(to_value(roles::roles())),
        "actions" => Ok(to_value(roles::actions())),
        "permissionMatrix" => Ok(to_value(&roles::permission_matrix())),
        "can" => roles::can_input(arg(0), arg(1)).map(|b| to_value(&b)),
        "slugify" => slug::slugify_input(arg(0), arg(1)).map(|s| to_value(&s)),
        "normalizeTestCallerNumbers" => test_numbers::normalize_input(arg(0)).map(|n| to_value(&n)),
        "callCost" => minutes::call_cost_input(arg(0), arg(1)).map(|c| to_value(&c)),
        "createWorkspace" => commands::create_workspace_input(arg(0), arg(1)).map(|a| to_value(&a)),
        "apply" => commands::apply_input(arg(0), arg(1), arg(2)).map(|a| to_value(&a)),
        "invitationStatus" => {
            invitations::invitation_status_input(arg(0), arg(1)).map(|s| to_value(&s))
        }
        "previewInvitation" => {
            invitations::preview_invitation_input(arg(0), arg(1), arg(2)).map(|p| to_value(&p))
        }
        "validateVoiceSettings" => Ok(to_value(&voice::validate_voice_settings(arg(0)))),
        "updateVoiceSettings" => {
            voice::update::update_voice_settings_input(arg(0), arg(1)).map(|u| to_value(&u))
        }
        "effectiveVoiceSettings" => {
            voice::layers::effective_voice_settings_input(arg(0)).map(|e| to_value(&e))
        }
        "mergeKeyterms" => keyterms::merge_input(args).map(|r| to_value(&r)),
        "checkRequest" => {
            workspace_rules::requests::check_request_input(arg(0), arg(1)).map(|d| to_value(&d))
        }
        "authorize" => {
            workspace_rules::requests::authorize_input(arg(0), arg(1), arg(2)).map(|d| to_value(&d))
        }
        "confirmDelete" => workspace_rules::lifecycle::confirm_delete_input(arg(0), arg(1), arg(2))
            .map(|b| to_value(&b)),
        "switchWorkspace" => workspace_rules::workspaces::switch_workspace_input(arg(0), arg(1))
            .map(|w| to_value(&w)),
        "listWorkspaces" => {
            workspace_rules::workspaces::list_workspaces_input(arg(0)).map(|w| to_value(&w))
        }
        "resolveTone" => tone::resolve_tone_input(arg(0)).map(|r| to_value(&r)),
        other => panic!("the native runner has no function {other:?}"),
    }
}

fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).expect("outputs serialize")
}

/// Vector files encode values JSON cannot carry as `{"$js": "NaN"}` (see the README).
fn decode(value: Json) -> Json {
    match value {
        Json::Object(entries) => match entries.as_slice() {
            [(key, Json::String(name))] if key == "$js" => Json::Unsupported(
                Unsupported::from_name(name).unwrap_or_else(|| panic!("unknown $js value {name}")),
            ),
            // A property whose value is `undefined` is absent, as the JavaScript boundary reads it.
            _ => Json::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, decode(v)))
                    .filter(|(_, v)| *v != Json::Unsupported(Unsupported::Undefined))
                    .collect(),
            ),
        },
        Json::Array(items) => Json::Array(items.into_iter().map(decode).collect()),
        other => other,
    }
}

/// JSON as `JSON.stringify` writes it: keys in emitted order, no spaces, numbers in JavaScript's format.
fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Null | Value::Bool(_) | Value::String(_) => out.push_str(&value.to_string()),
        Value::Number(n) => out.push_str(&js_number(n.as_f64().expect("finite"))),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                canonical(v, out);
            }
            out.push('}');
        }
    }
}

/// `Number.prototype.toString` for finite numbers: integers without a fraction, exponent form below
/// 1e-6 and from 1e21 on, shortest round-trip digits otherwise.
fn js_number(x: f64) -> String {
    let abs = x.abs();
    if x == 0.0 {
        "0".to_owned()
    } else if abs < 1e21 && x.fract() == 0.0 {
        format!("{}", x as i128)
    } else if (1e-6..1e21).contains(&abs) {
        format!("{x}")
    } else {
        let e = format!("{x:e}");
        if e.contains("e-") {
            e
        } else {
            e.replace('e', "e+")
        }
    }
}

/// The output of one case: `{"ok": value}` or `{"error": {code, status, message, errors}}`.
fn output(result: Result<Value, RuleError>) -> Value {
    let mut out = serde_json::Map::new();
    match result {
        Ok(value) => out.insert("ok".into(), value),
        Err(err) => out.insert("error".into(), to_value(&err)),
    };
    Value::Object(out)
}

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

/// Expected values are compared as `JSON.stringify` text (so `1` in a file equals the `1.0` an `f64`
/// field serializes to, as in JavaScript); expected errors, and `ok_matching` answers (a returned
/// value that carries a refusal, such as a `checkRequest` decision), match on the keys the file gives.
fn check(expected: &Value, actual: &Value) -> bool {
    if let Some(partial) = expected.get("ok_matching") {
        actual.get("ok").is_some_and(|ok| matches(partial, ok))
    } else if expected.get("error").is_some() {
        matches(expected, actual)
    } else {
        let (mut e, mut a) = (String::new(), String::new());
        canonical(expected, &mut e);
        canonical(actual, &mut a);
        e == a
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
            let id = format!("{file_name}: {}", case["name"].as_str().expect("name"));
            let args: Vec<Json> = serde_json::from_value::<Vec<Json>>(case["args"].clone())
                .expect("args")
                .into_iter()
                .map(decode)
                .collect();
            let actual = output(call(case["call"].as_str().expect("call"), &args));
            let mut text = String::new();
            canonical(&actual, &mut text);
            if !check(&case["expect"], &actual) {
                failures.push(format!(
                    "{id}\n  expected {}\n  actual   {text}",
                    case["expect"]
                ));
            }
            let mut line = String::new();
            canonical(&Value::String(id), &mut line);
            writeln!(lines, "{{\"case\":{line},\"output\":{text}}}").unwrap();
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
