//! `catalog()`: what a form or an API client needs to know of the rules, as data read from the
//! tables the rules themselves use: every voice-settings field with its type, bounds, enumeration and
//! default (`docs/rules/voice-settings.md`, [`Field`] and its constants), the roles and actions
//! (`docs/rules/roles.md`), every error code with its status ([`Code::ALL`]) and the reader's limits.
//! Nothing here is a copy: a bound changed in `src/voice/fields.rs` changes the catalog with it, and
//! `tests/consumer/catalog.test.mjs` checks every bound against what validation accepts and refuses.

use crate::base::error::Code;
use crate::base::json::{MAX_DEPTH, MAX_ITEMS};
use crate::voice::fields::{self, Field, SttProvider, TtsProvider};
use crate::voice::keyterms::MAX_TERM_CHARS;
use crate::voice::tone::Tone;
use crate::workspace::roles;

/// The catalog as JSON text (the answer of the `catalog` export). Written piece by piece, not with
/// `format!` (300 B smaller in the `.wasm`, gzipped).
pub fn catalog_text() -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("{\"voice_fields\":[");
    for (i, field) in Field::ALL.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"name\":\"");
        out.push_str(field.as_str());
        out.push_str("\",\"type\":");
        match field {
            Field::VoiceId | Field::PronunciationDictId => kv(
                &mut out,
                "\"string\",\"min_length\":1,\"max_length\":",
                text(&fields::ID_MAX_CHARS),
            ),
            Field::Tone => kv(&mut out, "\"enum\",\"values\":", text(Tone::NAMES)),
            Field::Speed | Field::Volume => {
                let (min, max) = if *field == Field::Speed {
                    (fields::SPEED_MIN, fields::SPEED_MAX)
                } else {
                    (fields::VOLUME_MIN, fields::VOLUME_MAX)
                };
                kv(&mut out, "\"number\",\"minimum\":", text(&min));
                kv(&mut out, ",\"maximum\":", text(&max));
            }
            Field::Language => kv(
                &mut out,
                "\"language_tag\",\"max_length\":",
                text(&fields::LANGUAGE_MAX_CHARS),
            ),
            Field::Keyterms => list(&mut out, fields::KEYTERMS_CAP),
            Field::CorrectionCategories => list(&mut out, fields::CORRECTION_CATEGORIES_CAP),
            Field::SensitiveTopics => list(&mut out, fields::SENSITIVE_TOPICS_CAP),
            Field::PostCallAnalysisEnabled | Field::TranscriptCorrectionEnabled => {
                out.push_str("\"boolean\"")
            }
            Field::SttProvider => kv(&mut out, "\"enum\",\"values\":", text(SttProvider::NAMES)),
            Field::TtsProvider => kv(&mut out, "\"enum\",\"values\":", text(TtsProvider::NAMES)),
        }
        kv(&mut out, ",\"default\":", text(&field.default_value()));
        out.push('}');
    }
    kv(&mut out, "],\"roles\":", text(roles::roles()));
    kv(&mut out, ",\"actions\":", text(roles::actions()));
    out.push_str(",\"error_codes\":[");
    for (i, code) in Code::ALL.iter().enumerate() {
        out.push_str(if i > 0 {
            ",{\"code\":\""
        } else {
            "{\"code\":\""
        });
        out.push_str(code.as_str());
        kv(&mut out, "\",\"status\":", text(&code.status()));
        out.push('}');
    }
    kv(&mut out, "],\"limits\":{\"max_items\":", text(&MAX_ITEMS));
    kv(&mut out, ",\"max_depth\":", text(&MAX_DEPTH));
    out.push_str("}}");
    out
}

/// A value's JSON text (as `api::text`, which this module cannot import: `api` imports it).
fn text<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// `key` (the JSON text before a value), then the value's JSON text.
fn kv(out: &mut String, key: &str, value: String) {
    out.push_str(key);
    out.push_str(&value);
}

/// A list field: at most `cap` distinct items of 1–[`MAX_TERM_CHARS`] characters.
fn list(out: &mut String, cap: usize) {
    kv(out, "\"list\",\"max_items\":", text(&cap));
    kv(
        out,
        ",\"item_min_length\":1,\"item_max_length\":",
        text(&MAX_TERM_CHARS),
    );
}

/// The answer of `catalog()` (its JSON Schema, feature `schema`).
#[cfg(feature = "schema")]
pub struct Catalog;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Catalog {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Catalog".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        use crate::workspace::roles::{Action, Role};
        use serde_json::{json, Value};
        let n = json!({ "type": "integer", "minimum": 0 });
        let field = g.subschema_for::<Field>().to_value();
        // One form of a field's entry: `name`, `type`, the form's own keys, then `default`.
        let form = |kind: &str, keys: &[(&str, Value)]| {
            let mut properties = json!({ "name": field, "type": { "const": kind } });
            let mut required = vec!["name", "type"];
            for (k, v) in keys {
                properties[*k] = v.clone();
                required.push(k);
            }
            properties["default"] = json!({});
            required.push("default");
            json!({ "type": "object", "properties": properties, "required": required })
        };
        let number = json!({ "type": "number" });
        let strings = json!({ "type": "array", "items": { "type": "string" } });
        let spec = json!({
            "description": "One voice-settings field: its type with its bounds or values, and its default.",
            "oneOf": [
                form("string", &[("min_length", n.clone()), ("max_length", n.clone())]),
                form("number", &[("minimum", number.clone()), ("maximum", number)]),
                form("boolean", &[]),
                form("enum", &[("values", strings)]),
                form("language_tag", &[("max_length", n.clone())]),
                form("list", &[("max_items", n.clone()), ("item_min_length", n.clone()), ("item_max_length", n.clone())]),
            ],
        });
        schemars::json_schema!({
            "description": "What a form or a client needs to know of the rules, read from the module's own tables: the voice-settings fields (table order), the roles and actions, every error code with its status, and the reader's limits.",
            "type": "object",
            "properties": {
                "voice_fields": { "type": "array", "items": spec },
                "roles": { "type": "array", "items": g.subschema_for::<Role>() },
                "actions": { "type": "array", "items": g.subschema_for::<Action>() },
                "error_codes": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": { "code": g.subschema_for::<Code>(), "status": { "type": "integer" } },
                        "required": ["code", "status"],
                    },
                },
                "limits": {
                    "description": "The reader's limits: items in one list or object, nesting depth.",
                    "type": "object",
                    "properties": { "max_items": n.clone(), "max_depth": n },
                    "required": ["max_items", "max_depth"],
                },
            },
            "required": ["voice_fields", "roles", "actions", "error_codes", "limits"],
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_catalog_is_json_with_every_field_and_code() {
        let text = super::catalog_text();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value["voice_fields"].as_array().unwrap().len(),
            crate::voice::Field::ALL.len()
        );
        assert_eq!(
            value["error_codes"].as_array().unwrap().len(),
            crate::base::error::Code::ALL.len()
        );
        assert_eq!(value["voice_fields"][2]["maximum"], 2.0);
    }
}
