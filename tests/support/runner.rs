//! The native runner of vector-format cases, shared by the native host of the shared vectors
//! (`tests/vectors.rs`) and the differential check's native side (`examples/run_cases.rs`): the
//! dispatch from a JavaScript export's name to the crate's Rust API, and the canonical output.

use serde::Serialize;
use serde_json::Value;
use workspace_rules::base::json::{Json, Unsupported};
use workspace_rules::{boundary::api, RuleError};

/// Calls the rule named like the JavaScript export, with the case's arguments (through the crate's
/// own dispatch, `workspace_rules::boundary::api`); a missing argument is `undefined`, as it would be in
/// JavaScript.
pub fn call(name: &str, args: &[Json]) -> Result<Value, RuleError> {
    api::call(name, args)
        .unwrap_or_else(|| panic!("the crate exports no function {name:?}"))
        .map(|text| serde_json::from_str(&text).expect("answers are JSON"))
}

pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).expect("outputs serialize")
}

/// Vector files encode values JSON cannot carry as `{"$js": "NaN"}` (see `tests/vectors/README.md`).
pub fn decode(value: Json) -> Json {
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
pub fn canonical(value: &Value, out: &mut String) {
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
pub fn js_number(x: f64) -> String {
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
pub fn output(result: Result<Value, RuleError>) -> Value {
    let mut out = serde_json::Map::new();
    match result {
        Ok(value) => out.insert("ok".into(), value),
        Err(err) => out.insert("error".into(), to_value(&err)),
    };
    Value::Object(out)
}

/// Runs one case of a vector file: its `id` line key and its canonical output, as every host writes
/// them (`{"case":…,"output":…}`), and the output value for checking.
pub fn run_case(file_name: &str, case: &Value) -> (String, Value) {
    let id = format!("{file_name}: {}", case["name"].as_str().unwrap_or_default());
    let args: Vec<Json> = serde_json::from_value::<Vec<Json>>(case["args"].clone())
        .unwrap_or_default()
        .into_iter()
        .map(decode)
        .collect();
    let actual = output(call(case["call"].as_str().unwrap_or_default(), &args));
    let mut text = String::new();
    canonical(&actual, &mut text);
    let mut key = String::new();
    canonical(&Value::String(id), &mut key);
    (format!("{{\"case\":{key},\"output\":{text}}}"), actual)
}
