//! Property tests of the crate's JSON text reader (`src/base/json_text.rs`, `docs/rules/requests.md#json-text`):
//! any JSON text reads as serde_json reads it (keys in order, numbers to the same double), every
//! double written as JavaScript writes it reads back as itself, and a key given twice anywhere is
//! refused at the second one's path.
//! Native only (proptest is a native dev-dependency).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use workspace_rules::base::json_text::{read, ReadError};
use workspace_rules::Json;

/// JSON values with keys in insertion order (the dev-dependency has `preserve_order`), keys from a
/// small alphabet so that objects sometimes repeat one when built as text.
fn value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(|x| serde_json::json!(x)),
        "\\PC{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::vec(("[a-c]{1,2}|\\PC{0,4}", inner), 0..6)
                .prop_map(|entries| { serde_json::Value::Object(entries.into_iter().collect()) }),
        ]
    })
}

/// `value` written as text with every key of every object given a second time when `twice`, and the
/// JSON Pointer of the first key so repeated (in reading order), if any.
fn text_with_repeats(
    v: &serde_json::Value,
    twice: bool,
    path: &str,
    first: &mut Option<String>,
) -> String {
    match v {
        serde_json::Value::Array(items) => {
            let inner: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(i, item)| text_with_repeats(item, twice, &format!("{path}/{i}"), first))
                .collect();
            format!("[{}]", inner.join(","))
        }
        serde_json::Value::Object(entries) => {
            let mut parts = Vec::new();
            for (k, item) in entries {
                let at = format!("{path}/{}", k.replace('~', "~0").replace('/', "~1"));
                let text = text_with_repeats(item, twice, &at, first);
                parts.push(format!("{}:{text}", serde_json::to_string(k).unwrap()));
            }
            if twice {
                if let Some((k, item)) = entries.iter().next() {
                    let at = format!("{path}/{}", k.replace('~', "~0").replace('/', "~1"));
                    first.get_or_insert(at);
                    parts.push(format!("{}:{}", serde_json::to_string(k).unwrap(), item));
                }
            }
            format!("{{{}}}", parts.join(","))
        }
        v => v.to_string(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn any_json_text_reads_as_serde_reads_it(v in value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { v.to_string() };
        let serde: Json = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(read(&text), Ok(serde));
    }

    #[test]
    fn every_double_reads_back_as_itself(bits in any::<u64>(), digits in 0usize..25) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        // The shortest form (as JSON.stringify writes it), and a longer one with `digits` digits.
        for text in [serde_json::json!(x).to_string(), format!("{x:.digits$e}")] {
            let want: f64 = text.parse().unwrap();
            match read(&text) {
                Ok(Json::Number(got)) => prop_assert_eq!(got.to_bits(), want.to_bits(), "{}", text),
                other => prop_assert!(false, "{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_key_given_twice_is_refused_at_its_path(v in value()) {
        let mut first = None;
        let text = text_with_repeats(&v, true, "", &mut first);
        match first {
            // The first object closed in reading order holds the first repeat found; an object
            // opened earlier repeats its key only after its items, so the path found is the
            // deepest-first repeat: check that it is one of the repeats.
            Some(_) => match read(&text) {
                Err(ReadError::DuplicateKey { path }) => {
                    let mut all = Vec::new();
                    collect_repeats(&v, "", &mut all);
                    prop_assert!(all.contains(&path), "{} not in {:?}", path, all);
                }
                other => prop_assert!(false, "{text}: {other:?}"),
            },
            None => prop_assert!(read(&text).is_ok()),
        }
    }
}

/// The path of every repeated key `text_with_repeats` writes.
fn collect_repeats(v: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_repeats(item, &format!("{path}/{i}"), out);
            }
        }
        serde_json::Value::Object(entries) => {
            for (i, (k, item)) in entries.iter().enumerate() {
                let at = format!("{path}/{}", k.replace('~', "~0").replace('/', "~1"));
                if i == 0 {
                    out.push(at.clone());
                }
                collect_repeats(item, &at, out);
            }
        }
        _ => {}
    }
}
