//! Spells out the compact answer of `api::update_compact` as `rules.js` does, so tests can compare
//! it with the JSON answer of the same call.

use serde_json::{Map, Value};
use workspace_rules::voice::Field;

/// `{ settings, changed }` as JSON text, built from the compact `answer` and the arguments `args`
/// (the JSON text of `[current, patch]` that was sent).
pub fn spell_update(answer: &str, args: &str) -> String {
    let args: Vec<Value> = serde_json::from_str(args).expect("the arguments sent are JSON");
    let source = |i: usize, name: &str| args.get(i).and_then(|a| a.get(name)).cloned();
    let units: Vec<u16> = answer.encode_utf16().collect();
    let unit = |i: usize| usize::from(units[i]);
    let n = unit(0);
    let end = 1 + 2 * n;
    let m = unit(end);
    let tail = end + 1 + m;
    let literals: Vec<Value> = if tail < units.len() {
        serde_json::from_str(&String::from_utf16(&units[tail..]).unwrap()).unwrap()
    } else {
        Vec::new()
    };
    let mut literals = literals.into_iter();
    let mut settings = Map::new();
    for i in (1..end).step_by(2) {
        let name = Field::NAMES[unit(i)];
        let value = match unit(i + 1) {
            0 => source(1, name).expect("in the patch"),
            1 => source(0, name).expect("in current"),
            2 => literals.next().expect("a literal"),
            other => panic!("no source {other}"),
        };
        settings.insert(name.to_owned(), value);
    }
    assert!(literals.next().is_none(), "every literal is used");
    let changed: Vec<Value> = (end + 1..tail)
        .map(|i| Value::from(Field::NAMES[unit(i)]))
        .collect();
    let mut answer = Map::new();
    answer.insert("settings".to_owned(), Value::Object(settings));
    answer.insert("changed".to_owned(), Value::Array(changed));
    Value::Object(answer).to_string()
}

/// Asks `updateVoiceSettings` with `args` both ways and requires the same answer or refusal.
pub fn assert_compact_agrees(args: &str) {
    let json = workspace_rules::boundary::api::call_text("updateVoiceSettings", args);
    let compact = workspace_rules::boundary::api::update_compact(args);
    match (json, compact) {
        (Some(Ok(json)), Some(Ok(compact))) => {
            let spelled = spell_update(&compact, args);
            assert_eq!(as_javascript(&spelled), as_javascript(&json), "{args}")
        }
        (Some(Err(a)), Some(Err(b))) => assert_eq!(a, b, "{args}"),
        // Not a JSON array: neither reads it (the package then asks the marked path).
        (None, None) => {}
        (a, b) => panic!("{args}: {a:?} vs {b:?}"),
    }
}

/// JSON text as JavaScript reads it: every number an `f64` (the answer's `1.0` and the argument's `1`
/// are one number), keys in order.
fn as_javascript(text: &str) -> String {
    fn numbers_as_f64(value: Value) -> Value {
        match value {
            Value::Number(n) => n.as_f64().map_or(Value::Null, Value::from),
            Value::Array(items) => Value::Array(items.into_iter().map(numbers_as_f64).collect()),
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| (k, numbers_as_f64(v)))
                    .collect(),
            ),
            other => other,
        }
    }
    numbers_as_f64(serde_json::from_str(text).expect("JSON")).to_string()
}
