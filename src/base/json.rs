//! The untyped input every rule accepts before it checks it: a JSON value that also remembers the
//! JavaScript values JSON cannot carry.
//!
//! Why not `serde_json::Value`? Two reasons. It silently turns `NaN` into `null` (which in a voice-settings
//! patch means "reset to default"), and its objects are sorted unless a crate-wide feature is switched
//! on. [`Json`] keeps object keys in input order and has a variant for the values a JavaScript caller can
//! pass but JSON cannot ([`Unsupported`](Json::Unsupported)), so a rule reports `invalid_type` at the
//! right path instead of misreading them. Native callers get a `Json` from any serde format
//! (`serde_json::from_str::<Json>(..)`); the crate reads one from JSON text, or from *marked* JSON text
//! for arguments that are not plain JSON data, with its own reader
//! ([`json_text`](crate::base::json_text)).

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::fmt;

/// A JavaScript value that has no JSON form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsupported {
    NaN,
    Infinity,
    NegativeInfinity,
    Undefined,
    BigInt,
    Symbol,
    Function,
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A list or an object with more than [`MAX_ITEMS`] items, left unread.
    TooManyItems,
    /// A JavaScript value that threw while it was read (a getter, a `Proxy` trap).
    Unreadable,
}

impl Unsupported {
    /// Every kind, in declaration order.
    pub const ALL: [Unsupported; 10] = [
        Unsupported::NaN,
        Unsupported::Infinity,
        Unsupported::NegativeInfinity,
        Unsupported::Undefined,
        Unsupported::BigInt,
        Unsupported::Symbol,
        Unsupported::Function,
        Unsupported::TooDeep,
        Unsupported::TooManyItems,
        Unsupported::Unreadable,
    ];

    /// The name used in messages and in the shared test vectors (`{"$js": "NaN"}`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Unsupported::NaN => "NaN",
            Unsupported::Infinity => "Infinity",
            Unsupported::NegativeInfinity => "-Infinity",
            Unsupported::Undefined => "undefined",
            Unsupported::BigInt => "bigint",
            Unsupported::Symbol => "symbol",
            Unsupported::Function => "function",
            Unsupported::TooDeep => "too_deep",
            Unsupported::TooManyItems => "too_many_items",
            Unsupported::Unreadable => "unreadable",
        }
    }

    /// Parses [`as_str`](Self::as_str) back (the shared test vectors encode these values by name).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|u| u.as_str() == name)
    }

    /// The classification of a non-finite number.
    pub fn non_finite(x: f64) -> Self {
        if x.is_nan() {
            Unsupported::NaN
        } else if x > 0.0 {
            Unsupported::Infinity
        } else {
            Unsupported::NegativeInfinity
        }
    }
}

/// No input list or object may hold more items than this: a longer one is left unread (it becomes
/// [`Unsupported::TooManyItems`]), so the cost of any call is bounded before a rule looks at it. No
/// rule needs more: the largest lists the rules accept (keyterms read for a merge or an update, the
/// members and invitations of a state) stop at 10,000.
pub const MAX_ITEMS: usize = 10_000;

/// Inputs nested deeper than this are cut off (the innermost value becomes
/// [`Unsupported::TooDeep`]), so no input can exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// An untyped input value. Numbers are `f64`, as in JavaScript; objects keep their keys in input order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
    Unsupported(Unsupported),
}

impl Json {
    /// The type name used in `invalid_type` messages ("expected a string, got a number").
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
            Json::Unsupported(u) => match u {
                Unsupported::NaN => "NaN",
                Unsupported::Infinity => "Infinity",
                Unsupported::NegativeInfinity => "-Infinity",
                Unsupported::Undefined => "undefined",
                Unsupported::BigInt => "a BigInt",
                Unsupported::Symbol => "a symbol",
                Unsupported::Function => "a function",
                Unsupported::TooDeep => "a value nested too deeply",
                Unsupported::TooManyItems => "more than 10000 items",
                Unsupported::Unreadable => "a value that threw when read",
            },
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// A finite number (NaN and ±Infinity never reach [`Json::Number`]).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(x) => Some(*x),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(entries) => Some(entries),
            _ => None,
        }
    }

    /// The value of `key` in an object (the first, should a source repeat a key).
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?
            .iter()
            .find_map(|(k, v)| (k == key).then_some(v))
    }

    /// A number, folding non-finite values into [`Json::Unsupported`].
    pub fn number(x: f64) -> Json {
        if x.is_finite() {
            Json::Number(x)
        } else {
            Json::Unsupported(Unsupported::non_finite(x))
        }
    }
}

/// No value: `undefined`, as an argument or field that was not given reads.
impl Default for Json {
    fn default() -> Self {
        Json::Unsupported(Unsupported::Undefined)
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Self {
        Json::String(s.to_owned())
    }
}

/// Serializes as the JSON it holds, keys in order; a whole number below 2^53 is written without a
/// fraction (`2`, as `JSON.stringify` writes it, not serde_json's `2.0` for an `f64`).
/// [`Json::Unsupported`] has no JSON form and is written as `null`; validated data never holds one.
impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null | Json::Unsupported(_) => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Number(x) if x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_991.0 => {
                s.serialize_i64(*x as i64)
            }
            Json::Number(x) => s.serialize_f64(*x),
            Json::String(v) => s.serialize_str(v),
            Json::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// Deserializes from any self-describing serde format, keeping object key order, cutting off
/// nesting at [`MAX_DEPTH`] and refusing a key given twice in one object, as the crate's own reader
/// of JSON text does ([`json_text`](crate::base::json_text), which the boundary uses).
impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor { depth: 0 })
    }
}

struct JsonVisitor {
    depth: usize,
}

struct Nested {
    depth: usize,
}

impl<'de> de::DeserializeSeed<'de> for Nested {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor { depth: self.depth })
    }
}

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }
    fn visit_i64<E>(self, x: i64) -> Result<Json, E> {
        Ok(Json::Number(x as f64))
    }
    fn visit_u64<E>(self, x: u64) -> Result<Json, E> {
        Ok(Json::Number(x as f64))
    }
    fn visit_f64<E>(self, x: f64) -> Result<Json, E> {
        Ok(Json::number(x))
    }
    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        if self.depth >= MAX_DEPTH {
            while seq.next_element::<de::IgnoredAny>()?.is_some() {}
            return Ok(Json::Unsupported(Unsupported::TooDeep));
        }
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Nested {
            depth: self.depth + 1,
        })? {
            if items.len() == MAX_ITEMS {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                return Ok(Json::Unsupported(Unsupported::TooManyItems));
            }
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        if self.depth >= MAX_DEPTH {
            while map
                .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                .is_some()
            {}
            return Ok(Json::Unsupported(Unsupported::TooDeep));
        }
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Nested {
                depth: self.depth + 1,
            })?;
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(de::Error::custom(format_args!(
                    "the key {key:?} is given twice in one object"
                )));
            }
            if entries.len() == MAX_ITEMS {
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                return Ok(Json::Unsupported(Unsupported::TooManyItems));
            }
            entries.push((key, value));
        }
        Ok(Json::Object(entries))
    }
}

/// The JSON text of an answer. The crate's answers are plain data (strings, finite numbers, lists,
/// maps with string keys), which always serialize; should one ever fail, the text is `null`.
pub fn text<T: serde::Serialize + ?Sized>(value: &T) -> String {
    // Room for a typical answer up front: growing the buffer step by step showed in profiles.
    let mut out = Vec::with_capacity(512);
    match serde_json::to_writer(&mut out, value) {
        // serde_json writes UTF-8 only.
        Ok(()) => String::from_utf8(out).unwrap_or_else(|_| "null".to_owned()),
        Err(_) => "null".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_name_the_type() {
        assert_eq!(Json::from("x").kind(), "a string");
        assert_eq!(Json::number(f64::NAN).kind(), "NaN");
        assert_eq!(Json::number(f64::NEG_INFINITY).kind(), "-Infinity");
        assert_eq!(Json::number(1.5), Json::Number(1.5));
    }

    #[test]
    fn unsupported_names_round_trip() {
        for name in [
            "NaN",
            "Infinity",
            "-Infinity",
            "undefined",
            "bigint",
            "symbol",
            "function",
        ] {
            assert_eq!(Unsupported::from_name(name).map(|u| u.as_str()), Some(name));
        }
        assert_eq!(Unsupported::from_name("nan"), None);
    }

    #[test]
    fn serde_readers_refuse_a_key_given_twice() {
        let err = serde_json::from_str::<Json>(r#"{"a": 1, "b": {"c": 1, "c": 2}}"#).unwrap_err();
        assert!(err.to_string().contains("given twice"), "{err}");
    }
}

/// The JSON Schema of these types (feature `schema`).
#[cfg(feature = "schema")]
mod schema {
    use super::*;
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for Json {
        fn schema_name() -> Cow<'static, str> {
            "JsonValue".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            let value = g.subschema_for::<Self>();
            json_schema!({
                "description": "Any JSON value.",
                "anyOf": [
                    { "type": ["null", "boolean", "number", "string"] },
                    { "type": "array", "items": value },
                    { "type": "object", "additionalProperties": value },
                ],
            })
        }
    }
}
