//! The JSON Schema of voice settings (feature `schema`, never in the `.wasm`): each field's schema
//! written from the constants of the field table ([`crate::voice::fields`]) that validation reads, for
//! a stored object, a patch, the resolved settings and their sources.
//!
//! Lists are bounded as the reader reads them: each item at most [`MAX_RAW_CHARS`] characters as
//! given, and the cap on *distinct* items (200 keyterms, 50 categories or topics) after normalizing is
//! in the description, since a JSON Schema cannot normalize; `catalog()` has it as a number.

use crate::base::json::MAX_ITEMS;
use crate::base::schema::keyed;
use crate::text::MAX_RAW_CHARS;
use crate::voice::fields::{self, Field, SttProvider, TtsProvider, VoiceSettings};
use crate::voice::layers::{EffectiveVoiceSettings, Layer, Layers};
use crate::voice::tone::Tone;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

/// A list of terms as a list field reads it.
pub struct Terms;

impl JsonSchema for Terms {
    fn schema_name() -> Cow<'static, str> {
        "TermList".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Terms compared after normalizing (NFC, trimmed, case folded): each 1–128 characters then, at most 1,024 as given.",
            "type": "array",
            "maxItems": MAX_ITEMS,
            "items": { "type": "string", "maxLength": MAX_RAW_CHARS },
        })
    }
}

/// The schema of one field's value, with its bounds, its description and its default; `nullable`:
/// null too.
pub fn field_schema(field: Field, nullable: bool, g: &mut SchemaGenerator) -> Schema {
    let (mut schema, doc) = match field {
        Field::VoiceId | Field::PronunciationDictId => (
            json_schema!({ "type": "string", "minLength": 1, "maxLength": fields::ID_MAX_CHARS }),
            "Kept exactly as given.".to_owned(),
        ),
        Field::Tone => (g.subschema_for::<Tone>(), String::new()),
        Field::Speed => (
            json_schema!({ "type": "number", "minimum": fields::SPEED_MIN, "maximum": fields::SPEED_MAX }),
            String::new(),
        ),
        Field::Volume => (
            json_schema!({ "type": "number", "minimum": fields::VOLUME_MIN, "maximum": fields::VOLUME_MAX }),
            String::new(),
        ),
        Field::Language => (
            json_schema!({ "type": "string", "maxLength": fields::LANGUAGE_MAX_CHARS }),
            "A well-formed BCP-47 tag, stored in canonical case.".to_owned(),
        ),
        Field::Keyterms => (g.subschema_for::<Terms>(), distinct(fields::KEYTERMS_CAP)),
        Field::CorrectionCategories => (
            g.subschema_for::<Terms>(),
            distinct(fields::CORRECTION_CATEGORIES_CAP),
        ),
        Field::SensitiveTopics => (
            g.subschema_for::<Terms>(),
            distinct(fields::SENSITIVE_TOPICS_CAP) + " Unset = the built-in defaults, [] = none.",
        ),
        Field::PostCallAnalysisEnabled | Field::TranscriptCorrectionEnabled => {
            (json_schema!({ "type": "boolean" }), String::new())
        }
        Field::SttProvider => (g.subschema_for::<SttProvider>(), String::new()),
        Field::TtsProvider => (g.subschema_for::<TtsProvider>(), String::new()),
    };
    let default = serde_json::to_value(field.default_value()).unwrap_or_default();
    let doc = format!("{doc} Default {default}.");
    if nullable {
        schema = or_null(schema);
    }
    if schema.get("$ref").is_some() {
        schema = json_schema!({ "allOf": [schema] });
    }
    schema.insert("description".into(), doc.trim().into());
    schema.insert("default".into(), default);
    schema
}

fn distinct(cap: usize) -> String {
    format!("At most {cap} distinct items, stored normalized and de-duplicated.")
}

/// `schema` or `null`.
fn or_null(schema: Schema) -> Schema {
    json_schema!({ "anyOf": [schema, { "type": "null" }] })
}

/// An object with every field of the table, each of `value`'s schema; all required or none.
fn table(
    description: &str,
    required: bool,
    g: &mut SchemaGenerator,
    value: impl Fn(Field, &mut SchemaGenerator) -> Schema,
) -> Schema {
    let properties: serde_json::Map<String, serde_json::Value> = (Field::ALL.iter())
        .map(|f| (f.as_str().to_owned(), value(*f, g).to_value()))
        .collect();
    let required: &[&str] = if required { Field::NAMES } else { &[] };
    json_schema!({
        "description": description,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

impl JsonSchema for VoiceSettings {
    fn schema_name() -> Cow<'static, str> {
        "VoiceSettings".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        table(
            "Stored (partial) voice settings, or a patch: an absent field is unset (its default applies) or, in a patch, left alone; null unsets it. As output, only the set fields, in table order.",
            false,
            g,
            |f, g| field_schema(f, true, g),
        )
    }
}

/// Every field resolved (the fields of `effectiveVoiceSettings`' answer).
pub struct ResolvedVoiceSettings;

impl JsonSchema for ResolvedVoiceSettings {
    fn schema_name() -> Cow<'static, str> {
        "ResolvedVoiceSettings".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        resolved("Every field resolved.", g)
    }
}

/// Every field of the table, required, each nullable where its default is null.
fn resolved(description: &str, g: &mut SchemaGenerator) -> Schema {
    table(description, true, g, |f, g| {
        field_schema(f, f.default_value() == fields::Value::Null, g)
    })
}

impl JsonSchema for Layers {
    fn schema_name() -> Cow<'static, str> {
        "VoiceSettingsLayers".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let layer = or_null(g.subschema_for::<VoiceSettings>());
        json_schema!({
            "description": "The input of `effectiveVoiceSettings`: any layer may be absent (or null).",
            "type": "object",
            "properties": { "service": layer.clone(), "workspace": layer.clone(), "agent": layer },
            "additionalProperties": false,
        })
    }
}

/// A term's layer: any but `default` (a term always comes from a layer).
pub fn term_layer(_: &mut SchemaGenerator) -> Schema {
    crate::base::schema::names("A layer a term came from.", &Layer::NAMES[1..])
}

impl JsonSchema for EffectiveVoiceSettings {
    fn schema_name() -> Cow<'static, str> {
        "EffectiveVoiceSettings".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let layer = g.subschema_for::<Layer>();
        let mut sources = keyed(
            "For each field the layer it came from; for `keyterms`, the layer of each kept term, position by position.",
            Field::NAMES,
            layer.clone(),
        );
        if let Some(keyterms) = sources
            .get_mut("properties")
            .and_then(|p| p.get_mut("keyterms"))
        {
            *keyterms = json_schema!({ "type": "array", "items": layer }).to_value();
        }
        let dropped = json_schema!({
            "description": "Every layer's keyterm the union did not keep, in input order (service, workspace, agent).",
            "type": "array",
            "items": g.subschema_for::<crate::voice::layers::LayerDropped>(),
        });
        let mut schema = resolved(
            "The answer of `effectiveVoiceSettings`: every field (table order), then `sources`, then `dropped_keyterms`.",
            g,
        );
        if let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
            properties.insert("sources".into(), sources.to_value());
            properties.insert("dropped_keyterms".into(), dropped.to_value());
        }
        if let Some(required) = schema.get_mut("required").and_then(|r| r.as_array_mut()) {
            required.push("sources".into());
            required.push("dropped_keyterms".into());
        }
        schema
    }
}
