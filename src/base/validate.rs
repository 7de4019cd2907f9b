//! Validation helpers written once for every input the library checks (voice-settings patches,
//! workspace updates, test numbers, request bodies, incoming state).
//!
//! Each helper reads one value at one JSON Pointer path, records any problem in a [`Problems`]
//! collector and returns the typed value when it is good, so a validator reads as a list of fields and
//! reports **every** problem at once. Lengths count Unicode scalar values (characters), not bytes or
//! UTF-16 units. Bounds are inclusive.

use crate::base::error::{Code, Problem, RuleError};
use crate::base::json::Json;
use crate::base::names::Named;
use crate::base::timestamp::Timestamp;
use serde::Serialize;

/// The answer of a form's check (`validateVoiceSettings`, `validateCommandFields`; wire order: `ok`,
/// `errors`): every problem, never a refusal — exactly the list the function that acts would refuse
/// with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Validation {
    pub ok: bool,
    pub errors: Vec<Problem>,
}

impl Validation {
    /// The check's answer from the problems it found.
    pub fn of(problems: Problems) -> Self {
        let errors = problems.into_vec();
        Validation {
            ok: errors.is_empty(),
            errors,
        }
    }
}

/// The problems found so far in one input.
#[derive(Debug, Default)]
pub struct Problems(Vec<Problem>);

impl Problems {
    pub fn new() -> Self {
        Problems(Vec::new())
    }

    pub fn push(&mut self, code: Code, path: &str, message: impl Into<String>) {
        self.0.push(Problem::new(code, path, message));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The problems, in the order they were found.
    pub fn into_vec(self) -> Vec<Problem> {
        self.0
    }

    /// `Ok(value)` if nothing was found, else a refusal with `code` listing every problem.
    pub fn finish<T>(self, code: Code, value: T) -> Result<T, RuleError> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(RuleError::many(code, self.0))
        }
    }

    /// Like [`finish`](Self::finish), for a call whose refusal takes the code of its first problem
    /// (a call with positional arguments rather than one object to validate).
    pub fn finish_first<T>(self, value: T) -> Result<T, RuleError> {
        match self.0.first() {
            None => Ok(value),
            Some(first) => Err(RuleError::many(first.code, self.0)),
        }
    }
}

/// The path of a child: `child("/keyterms", "3")` is `/keyterms/3`.
pub fn child(path: &str, key: impl AsRef<str>) -> String {
    let key = key.as_ref();
    let mut out = String::with_capacity(path.len() + key.len() + 1);
    out.push_str(path);
    crate::base::error::push_segment(&mut out, key);
    out
}

/// The path of item `index` of the list at `list`: `item_path("/keyterms", 3)` is `/keyterms/3`
/// (as [`child`] writes it; an index needs no escaping). List readers build it only when they report
/// a problem, so reading a good list builds no path at all.
pub fn item_path(list: &str, index: usize) -> String {
    format!("{list}/{index}")
}

/// [`string`] with the path built only when there is a problem to report.
pub fn string_at<'a>(
    value: &'a Json,
    path: impl FnOnce() -> String,
    problems: &mut Problems,
) -> Option<&'a str> {
    let s = value.as_str();
    if s.is_none() {
        wrong_type(problems, &path(), "a string", value);
    }
    s
}

/// Paths of the fields of one object, built in one reused buffer: `at(key)` is `path/key`. Readers
/// that visit every field of an object use it instead of one [`child`] allocation per field.
pub struct FieldPaths {
    buf: String,
    base: usize,
}

impl FieldPaths {
    pub fn new(path: &str) -> Self {
        let mut buf = String::with_capacity(path.len() + 32);
        buf.push_str(path);
        FieldPaths {
            base: buf.len(),
            buf,
        }
    }

    /// The path of `key` under the object's path (valid until the next call).
    pub fn at(&mut self, key: &str) -> &str {
        self.buf.truncate(self.base);
        crate::base::error::push_segment(&mut self.buf, key);
        &self.buf
    }
}

/// How a path reads in a message: `/keyterms/3` → `keyterms[3]`, `/workspace/name` →
/// `workspace.name`, `""` → `the input`.
pub fn describe(path: &str) -> String {
    if path.is_empty() {
        return "the input".to_owned();
    }
    let mut out = String::new();
    for segment in path.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        if !out.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{segment}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&segment);
        }
    }
    out
}

/// `invalid_type`, or `too_many_items` for a list or object too long to be read at all
/// ([`crate::base::json::MAX_ITEMS`]).
fn wrong_type(problems: &mut Problems, path: &str, expected: &str, got: &Json) {
    let code = match got {
        Json::Unsupported(crate::base::json::Unsupported::TooManyItems) => Code::TooManyItems,
        _ => Code::InvalidType,
    };
    problems.push(
        code,
        path,
        format!("{} must be {expected}, got {}.", describe(path), got.kind()),
    );
}

/// An object's entries; `invalid_type` otherwise.
pub fn object<'a>(
    value: &'a Json,
    path: &str,
    problems: &mut Problems,
) -> Option<&'a [(String, Json)]> {
    let entries = value.as_object();
    if entries.is_none() {
        wrong_type(problems, path, "an object", value);
    }
    entries
}

/// Reports `unknown_field` for every key of `entries` that is not in `known`.
pub fn no_unknown_fields(
    entries: &[(String, Json)],
    known: &[&str],
    path: &str,
    problems: &mut Problems,
) {
    for (key, _) in entries {
        if !known.contains(&key.as_str()) {
            let at = child(path, key);
            problems.push(
                Code::UnknownField,
                &at,
                format!("{} is not a known field.", describe(&at)),
            );
        }
    }
}

/// A string; `invalid_type` otherwise.
pub fn string<'a>(value: &'a Json, path: &str, problems: &mut Problems) -> Option<&'a str> {
    let s = value.as_str();
    if s.is_none() {
        wrong_type(problems, path, "a string", value);
    }
    s
}

/// A string of `min..=max` characters: `empty_value` below (when `min` is 1), `too_long` above.
pub fn string_len<'a>(
    value: &'a Json,
    path: &str,
    min: usize,
    max: usize,
    problems: &mut Problems,
) -> Option<&'a str> {
    let s = string(value, path, problems)?;
    check_len(s, path, min, max, problems).then_some(s)
}

/// Checks the character count of an already-read string (`empty_value` / `too_long`).
pub fn check_len(s: &str, path: &str, min: usize, max: usize, problems: &mut Problems) -> bool {
    let n = s.chars().count();
    if n < min {
        let code = if n == 0 {
            Code::EmptyValue
        } else {
            Code::OutOfRange
        };
        let what = if min == 1 {
            "must not be empty".to_owned()
        } else {
            format!("must have at least {min} characters")
        };
        problems.push(code, path, format!("{} {what}.", describe(path)));
        false
    } else if n > max {
        problems.push(
            Code::TooLong,
            path,
            format!(
                "{} must have at most {max} characters, got {n}.",
                describe(path)
            ),
        );
        false
    } else {
        true
    }
}

/// A finite number within `min..=max`: `invalid_type` for other types (NaN and ±Infinity included),
/// `out_of_range` outside the bounds.
pub fn number_in(
    value: &Json,
    path: &str,
    min: f64,
    max: f64,
    problems: &mut Problems,
) -> Option<f64> {
    let Some(x) = value.as_f64() else {
        wrong_type(problems, path, "a finite number", value);
        return None;
    };
    if (min..=max).contains(&x) {
        Some(x)
    } else {
        problems.push(
            Code::OutOfRange,
            path,
            format!(
                "{} must be between {} and {}, got {}.",
                describe(path),
                number_text(min),
                number_text(max),
                number_text(x)
            ),
        );
        None
    }
}

/// A finite number as messages show it, written without `core`'s float formatting (which costs about
/// 10 KB of gzipped `.wasm`): whole numbers in full (`2`, `-3`), decimals of up to 9 places exactly
/// as their shortest form (`0.5`, `-0.01`, `0.49999999`); anything else rounded to 9 places after
/// "about " (`0.1 + 0.2` → `about 0.3`).
pub fn number_text(x: f64) -> String {
    if x == 0.0 {
        return "0".to_owned();
    }
    if x.fract() == 0.0 && x.abs() < 1e21 {
        return (x as i128).to_string();
    }
    // Below 1e6, x·1e9 stays under 2^53, so `scaled` is an exact integer; when it divides back to x,
    // the 9-place decimal is the shortest one that reads as x (doubles there are < 1e-9 apart).
    if x.abs() < 1e6 {
        let scaled = (x * 1e9).round();
        let exact = scaled / 1e9 == x;
        let n = scaled as i64;
        let sign = if n < 0 { "-" } else { "" };
        let n = n.unsigned_abs();
        let mut fraction = format!("{:09}", n % 1_000_000_000);
        while fraction.ends_with('0') {
            fraction.pop();
        }
        let about = if exact { "" } else { "about " };
        let int = n / 1_000_000_000;
        return if fraction.is_empty() {
            format!("{about}{sign}{int}")
        } else {
            format!("{about}{sign}{int}.{fraction}")
        };
    }
    format!("about {}", x.round() as i128)
}

/// A whole number within `min..=max` (as JSON carries it, an integral `f64`): `invalid_type` for a
/// fraction or another type, `out_of_range` outside the bounds.
pub fn integer_in(
    value: &Json,
    path: &str,
    min: i64,
    max: i64,
    problems: &mut Problems,
) -> Option<i64> {
    match value.as_f64() {
        Some(x) if x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_991.0 => {
            let n = x as i64;
            if (min..=max).contains(&n) {
                Some(n)
            } else {
                problems.push(
                    Code::OutOfRange,
                    path,
                    format!(
                        "{} must be between {min} and {max}, got {n}.",
                        describe(path)
                    ),
                );
                None
            }
        }
        _ => {
            wrong_type(problems, path, "a whole number", value);
            None
        }
    }
}

/// A boolean; `invalid_type` otherwise.
pub fn boolean(value: &Json, path: &str, problems: &mut Problems) -> Option<bool> {
    let b = value.as_bool();
    if b.is_none() {
        wrong_type(problems, path, "a boolean", value);
    }
    b
}

/// One of a closed set of names: `invalid_type` for a non-string, `invalid_value` for another string.
pub fn one_of<T: Named>(value: &Json, path: &str, problems: &mut Problems) -> Option<T> {
    let name = string(value, path, problems)?;
    let found = T::from_name(name);
    if found.is_none() {
        problems.push(
            Code::InvalidValue,
            path,
            format!(
                "{} must be one of {}, got \"{name}\".",
                describe(path),
                T::list()
            ),
        );
    }
    found
}

/// A list of at most `max` items: `invalid_type` for a non-list, `too_many_items` above the cap.
/// Items are not read when the list is too long, so a huge list costs one check.
pub fn list<'a>(
    value: &'a Json,
    path: &str,
    max: usize,
    problems: &mut Problems,
) -> Option<&'a [Json]> {
    let Some(items) = value.as_array() else {
        wrong_type(problems, path, "a list", value);
        return None;
    };
    if items.len() > max {
        problems.push(
            Code::TooManyItems,
            path,
            format!(
                "{} must have at most {max} items, got {}.",
                describe(path),
                items.len()
            ),
        );
        return None;
    }
    Some(items)
}

/// The value of `key` in an object's entries; an absent key reads as `undefined`, so the helper that
/// checks the value reports it as `invalid_type` ("… got undefined") at the key's path.
pub fn field<'a>(entries: &'a [(String, Json)], key: &str) -> &'a Json {
    const UNDEFINED: Json = Json::Unsupported(crate::base::json::Unsupported::Undefined);
    entries
        .iter()
        .find_map(|(k, v)| (k == key).then_some(v))
        .unwrap_or(&UNDEFINED)
}

/// `Some(None)` for `null`, `Some(Some(v))` for a value `read` accepts, `None` (with the problem
/// recorded by `read`) otherwise. For the spec's nullable fields (`description`, `responded_at`…).
pub fn nullable<'a, T>(
    value: &'a Json,
    path: &str,
    problems: &mut Problems,
    read: impl FnOnce(&'a Json, &str, &mut Problems) -> Option<T>,
) -> Option<Option<T>> {
    match value {
        Json::Null => Some(None),
        other => read(other, path, problems).map(Some),
    }
}

/// A UUID in its canonical form: 36 characters, lowercase hexadecimal in groups 8-4-4-4-12.
/// Ids are compared as strings, so one spelling per id is required (the form platforms send and the
/// library generates): `invalid_value` for an uppercase, braced or unhyphenated UUID.
pub fn uuid<'a>(value: &'a Json, path: &str, problems: &mut Problems) -> Option<&'a str> {
    let s = string(value, path, problems)?;
    if is_uuid(s) {
        Some(s)
    } else {
        problems.push(
            Code::InvalidValue,
            path,
            format!(
                "{} must be a UUID in lowercase hyphenated form, got \"{s}\".",
                describe(path)
            ),
        );
        None
    }
}

/// Whether `s` is a UUID in lowercase hyphenated form: 32 lowercase hex digits in groups of 8, 4, 4,
/// 4 and 12 joined by `-` (any version and variant, as the `uuid` crate's parser reads it and its
/// hyphenated form writes it back; a test compares them).
pub fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => matches!(b, b'0'..=b'9' | b'a'..=b'f'),
        })
}

/// An RFC 3339 timestamp (any offset and precision, kept as given); `invalid_value` otherwise.
pub fn timestamp(value: &Json, path: &str, problems: &mut Problems) -> Option<Timestamp> {
    let s = string(value, path, problems)?;
    let t = Timestamp::parse(s);
    if t.is_none() {
        problems.push(
            Code::InvalidValue,
            path,
            format!(
                "{} must be an RFC 3339 timestamp such as 2026-11-22T10:00:00.000Z, got \"{s}\".",
                describe(path)
            ),
        );
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::json::Unsupported;

    crate::base::names::names! {
        /// A closed set for these tests, shaped like the roles (the base knows no domain type).
        enum Role {
            Owner = "owner",
            Admin = "admin",
            Member = "member",
        }
    }

    #[test]
    fn describe_reads_paths_as_field_names() {
        assert_eq!(describe("/keyterms/3"), "keyterms[3]");
        assert_eq!(describe("/workspace/name"), "workspace.name");
        assert_eq!(describe("/a~1b"), "a/b");
        assert_eq!(describe(""), "the input");
        assert_eq!(child("/keyterms", "3"), "/keyterms/3");
        for (list, i) in [("/keyterms", 3), ("", 0), ("/a~1b/c~0", 12), ("/x", 10_000)] {
            assert_eq!(item_path(list, i), child(list, i.to_string()));
        }
        let mut p = Problems::new();
        let mut q = Problems::new();
        for value in [Json::Null, Json::from("a"), Json::Number(1.0)] {
            assert_eq!(
                string_at(&value, || item_path("/k", 2), &mut p),
                string(&value, "/k/2", &mut q)
            );
        }
        assert_eq!(format!("{:?}", p.into_vec()), format!("{:?}", q.into_vec()));
    }

    #[test]
    fn every_problem_is_collected() {
        let mut p = Problems::new();
        let nan = Json::Unsupported(Unsupported::NaN);
        assert_eq!(number_in(&nan, "/speed", 0.5, 2.0, &mut p), None);
        assert_eq!(
            number_in(&Json::Number(2.0), "/speed", 0.5, 2.0, &mut p),
            Some(2.0)
        );
        assert_eq!(
            number_in(&Json::Number(2.01), "/speed", 0.5, 2.0, &mut p),
            None
        );
        assert_eq!(one_of::<Role>(&Json::from("boss"), "/role", &mut p), None);
        assert_eq!(string_len(&Json::from(""), "/name", 1, 3, &mut p), None);
        assert_eq!(string_len(&Json::from("abcd"), "/name", 1, 3, &mut p), None);
        assert_eq!(integer_in(&Json::Number(1.5), "/n", 0, 9, &mut p), None);
        assert_eq!(
            list(&Json::Array(vec![Json::Null; 3]), "/l", 2, &mut p),
            None
        );
        let codes: Vec<&str> = p.into_vec().iter().map(|x| x.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "invalid_type",
                "out_of_range",
                "invalid_value",
                "empty_value",
                "too_long",
                "invalid_type",
                "too_many_items"
            ]
        );
    }

    #[test]
    fn messages_name_the_field_and_the_bounds() {
        let mut p = Problems::new();
        number_in(&Json::Number(3.0), "/speed", 0.5, 2.0, &mut p);
        one_of::<Role>(&Json::from("boss"), "/role", &mut p);
        assert_eq!(Role::NAMES, ["owner", "admin", "member"]);
        let messages: Vec<String> = p.into_vec().into_iter().map(|x| x.message).collect();
        assert_eq!(messages[0], "speed must be between 0.5 and 2, got 3.");
        assert_eq!(
            messages[1],
            "role must be one of owner, admin or member, got \"boss\"."
        );
    }

    #[test]
    fn uuids_have_one_spelling_and_absent_fields_read_as_undefined() {
        assert!(is_uuid("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
        assert!(!is_uuid("7C9E6679-7425-40DE-944B-E07FC1F90AE7"));
        assert!(!is_uuid("7c9e6679742540de944be07fc1f90ae7"));
        assert!(!is_uuid("{7c9e6679-7425-40de-944b-e07fc1f90ae7}"));
        assert!(!is_uuid("7c9e6679-7425-40de-944b-e07fc1f90ae"));
        // Every one-byte change of a UUID, and every hyphen moved: as the `uuid` crate reads it.
        let by_the_crate =
            |s: &str| uuid::Uuid::try_parse(s).is_ok_and(|u| u.hyphenated().to_string() == s);
        let id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        for i in 0..id.len() {
            for b in (0u8..0x80).chain([0xC3]) {
                let mut bytes = id.as_bytes().to_vec();
                bytes[i] = b;
                let s = String::from_utf8_lossy(&bytes).into_owned();
                assert_eq!(is_uuid(&s), by_the_crate(&s), "{s:?}");
            }
            for hyphen in [8, 13, 18, 23] {
                let mut bytes = id.as_bytes().to_vec();
                bytes.remove(hyphen);
                bytes.insert(i, b'-');
                let moved = String::from_utf8(bytes).unwrap();
                assert_eq!(is_uuid(&moved), by_the_crate(&moved), "{moved:?}");
            }
        }
        let mut p = Problems::new();
        let entries = vec![("a".to_owned(), Json::Null)];
        assert_eq!(string(field(&entries, "b"), "/b", &mut p), None);
        assert_eq!(
            nullable(field(&entries, "a"), "/a", &mut p, string),
            Some(None)
        );
        let v = p.into_vec();
        assert_eq!(v[0].message, "b must be a string, got undefined.");
    }

    #[test]
    fn numbers_in_messages() {
        for (x, text) in [
            (2.0, "2"),
            (-0.0, "0"),
            (0.5, "0.5"),
            (-0.01, "-0.01"),
            (2.01, "2.01"),
            (0.49999999, "0.49999999"),
            (1e21, "about 1000000000000000000000"),
            (1e20, "100000000000000000000"),
            (0.1 + 0.2, "about 0.3"),
            (1234567.5, "about 1234568"),
            (-1e-10, "about 0"),
            (0.000000001, "0.000000001"),
        ] {
            assert_eq!(number_text(x), text, "{x:?}");
        }
    }

    #[test]
    fn unknown_fields_are_listed_with_their_paths() {
        let mut p = Problems::new();
        let entries = vec![
            ("speed".to_owned(), Json::Null),
            ("x/y".to_owned(), Json::Null),
        ];
        no_unknown_fields(&entries, &["speed"], "", &mut p);
        let v = p.into_vec();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].path, "/x~1y");
        assert_eq!(v[0].code, Code::UnknownField);
    }
}

/// The JSON Schema of these types (feature `schema`).
#[cfg(feature = "schema")]
mod schema {
    use super::*;
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for Validation {
        fn schema_name() -> Cow<'static, str> {
            "VoiceSettingsValidation".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "The answer of a check (`validateVoiceSettings`, `validateCommandFields`): `errors` is what the function that acts would refuse with; `ok` when it is empty.",
                "type": "object",
                "properties": {
                    "ok": { "type": "boolean" },
                    "errors": { "type": "array", "items": g.subschema_for::<Problem>() },
                },
                "required": ["ok", "errors"],
                "additionalProperties": false,
            })
        }
    }
}
