//! The pieces the JSON Schema of the package is built from (feature `schema`, never in the `.wasm`):
//! the named strings every input uses (ids, timestamps, names), and the schemas of the types whose wire
//! form is written by hand rather than derived.
//!
//! A schema here says what the library reads, never more: whatever it refuses, the library refuses too
//! (tests/schema/ checks that on every vector and on random inputs). A bound the library checks after
//! normalizing a string (128 characters after NFC and trimming) is stated in the description, since a
//! JSON Schema counts the characters as given.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

/// The schema of a `names!` enum: a string from a closed list, in table order.
pub fn names(description: &str, names: &[&str]) -> Schema {
    let description: Vec<&str> = description.lines().map(str::trim).collect();
    let mut schema = json_schema!({ "type": "string", "enum": names });
    let description = description.join(" ");
    if !description.is_empty() {
        schema.insert("description".into(), description.into());
    }
    schema
}

/// An object schema whose keys are `keys`, in that order, each with the same value schema, all
/// required: the wire form of a table keyed by a closed set (capabilities per action, usage per meter).
pub fn keyed(description: &str, keys: &[&str], value: Schema) -> Schema {
    let properties: serde_json::Map<String, serde_json::Value> = keys
        .iter()
        .map(|k| ((*k).to_owned(), value.clone().to_value()))
        .collect();
    json_schema!({
        "description": description,
        "type": "object",
        "properties": properties,
        "required": keys,
        "additionalProperties": false,
    })
}

/// Declares a named string schema: a marker type to put in `#[schemars(with = "…")]`.
macro_rules! named_string {
    ($(#[doc = $doc:literal])* $name:ident, $schema:tt) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let mut schema = json_schema!($schema);
                let doc: Vec<&str> = [$($doc),*].iter().map(|l| l.trim()).collect();
                schema.insert("description".into(), doc.join(" ").into());
                schema
            }
        }
    };
}

named_string!(
    /// A UUID in lowercase hyphenated form (8-4-4-4-12 hexadecimal digits), the one spelling the
    /// library compares ids in.
    Uuid,
    { "type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$" }
);

/// `T` or `null`, and required: a key every record has, whose value may be null (`description`,
/// `archived_at`…). Put in `#[schemars(with = "Nullable<T>")]`.
pub struct Nullable<T>(std::marker::PhantomData<T>);

impl<T: JsonSchema> JsonSchema for Nullable<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        format!("Nullable_{}", T::schema_name()).into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let inner = g.subschema_for::<T>();
        match inner.get("type").and_then(|t| t.as_str()) {
            Some(kind) if inner.get("$ref").is_none() => {
                let mut schema = inner.clone();
                schema.insert("type".into(), serde_json::json!([kind, "null"]));
                schema
            }
            _ => json_schema!({ "anyOf": [inner, { "type": "null" }] }),
        }
    }
}

/// `schema` without `null` among its types: a key that is left out rather than written as null.
pub fn non_null(mut schema: serde_json::Value) -> serde_json::Value {
    if let Some(types) = schema.get_mut("type").and_then(|t| t.as_array_mut()) {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types[0].clone();
            schema["type"] = only;
        }
    }
    if let Some(any) = schema.get_mut("anyOf").and_then(|a| a.as_array_mut()) {
        any.retain(|s| s.get("type").is_none_or(|t| t != "null"));
        if any.len() == 1 {
            let only = any[0].clone();
            if let Some(o) = schema.as_object_mut() {
                o.remove("anyOf");
                if let Some(inner) = only.as_object() {
                    o.extend(inner.clone());
                }
            }
        }
    }
    schema
}

/// A struct-level transform for answers: a key that is not always there is left out, never null, so
/// its optional properties lose their `null` (`#[schemars(transform = optional_not_null)]`).
pub fn optional_not_null(schema: &mut Schema) {
    let required: Vec<String> = (schema.get("required").and_then(|r| r.as_array()))
        .map(|r| {
            r.iter()
                .filter_map(|k| k.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    if let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        for (key, value) in properties.iter_mut() {
            if !required.contains(key) {
                *value = non_null(value.take());
            }
        }
    }
}

/// A field-level transform: an optional key that may be left out but is never null
/// (`#[schemars(transform = not_null)]` on an `Option` the reader refuses `null` for).
pub fn not_null(schema: &mut Schema) {
    *schema = Schema::try_from(non_null(std::mem::take(schema).to_value())).unwrap_or_default();
}
