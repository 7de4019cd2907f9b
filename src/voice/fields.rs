//! `docs/rules/voice-settings.md` The voice-settings field table: names, types, bounds and defaults, in the spec's order, and
//! the typed stored object [`VoiceSettings`].
//!
//! Everything that walks "every field" (validation order, `changed`, serialization, layered
//! resolution) walks [`Field::ALL`], so the wire order of every output is this table's order.
//!
//! Decisions where the spec is silent:
//! - `voice_id` and `pronunciation_dict_id` are identifiers: kept exactly as given (not trimmed or
//!   normalized), 1–128 characters.
//! - `language`: longer than 32 characters is `too_long`; otherwise a tag that is not well-formed
//!   (RFC 5646 §2.2.9, the empty string included) is `invalid_language_tag`. Well-formedness and the
//!   canonical case are [`crate::text::language_tag`]'s, as the crate `oxilangtag` has them (language
//!   lowercase, script title case, region upper case, the rest lowercase; grandfathered tags in their
//!   registry spelling).
//! - `speed`/`volume`: `-0` is stored as `0`.
//! - In a **stored** object (the `current` of an update, a layer of resolution) `null` means unset,
//!   exactly as an absent key: an API response may spell unset fields as `null`. Everything else is
//!   validated and normalized as in a patch, so a stored object read back is always canonical.

use crate::base::error::{Code, RuleError};
use crate::base::json::Json;
use crate::base::names::names;
use crate::base::validate::{self, describe, Problems};
use crate::voice::keyterms::{self, MERGE_CAP};
use crate::voice::tone::Tone;
pub use crate::voice::topics::{
    default_sensitive_topics, DEFAULT_SENSITIVE_TOPICS, SENSITIVE_TOPICS_CAP,
};
use serde::ser::{Serialize, SerializeMap, Serializer};

names! {
    /// A voice-settings field, in the spec's table order.
    pub enum Field as "VoiceSettingsField" {
        VoiceId = "voice_id",
        Tone = "tone",
        Speed = "speed",
        Volume = "volume",
        Language = "language",
        Keyterms = "keyterms",
        CorrectionCategories = "correction_categories",
        PronunciationDictId = "pronunciation_dict_id",
        SensitiveTopics = "sensitive_topics",
        PostCallAnalysisEnabled = "post_call_analysis_enabled",
        TranscriptCorrectionEnabled = "transcript_correction_enabled",
        SttProvider = "stt_provider",
        TtsProvider = "tts_provider",
    }
}

names! {
    /// A speech-to-text provider.
    pub enum SttProvider {
        Deepgram = "deepgram",
        Openai = "openai",
        Cartesia = "cartesia",
    }
}

names! {
    /// A text-to-speech provider.
    pub enum TtsProvider {
        Cartesia = "cartesia",
        Elevenlabs = "elevenlabs",
        Groq = "groq",
    }
}

/// `voice_id` and `pronunciation_dict_id`: 1–128 characters.
pub const ID_MAX_CHARS: usize = 128;
/// `speed`: 0.5 ≤ x ≤ 2.0.
pub const SPEED_MIN: f64 = 0.5;
pub const SPEED_MAX: f64 = 2.0;
/// `volume`: 0.0 ≤ x ≤ 1.0.
pub const VOLUME_MIN: f64 = 0.0;
pub const VOLUME_MAX: f64 = 1.0;
/// `language`: at most 32 characters.
pub const LANGUAGE_MAX_CHARS: usize = 32;
/// `keyterms`: at most 200 distinct terms.
pub const KEYTERMS_CAP: usize = MERGE_CAP;
/// `correction_categories`: at most 50 distinct items.
pub const CORRECTION_CATEGORIES_CAP: usize = 50;

/// The value of one field. `Null` only appears as a default (`voice_id` and the others whose
/// default is "the service's choice").
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Text(String),
    Tone(Tone),
    Number(f64),
    Bool(bool),
    List(Vec<String>),
    Stt(SttProvider),
    Tts(TtsProvider),
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.as_ref().serialize(s)
    }
}

impl Value {
    /// The value borrowed.
    pub fn as_ref(&self) -> ValueRef<'_> {
        match self {
            Value::Null => ValueRef::Null,
            Value::Text(t) => ValueRef::Text(t),
            Value::Tone(t) => ValueRef::Tone(*t),
            Value::Number(x) => ValueRef::Number(*x),
            Value::Bool(b) => ValueRef::Bool(*b),
            Value::List(items) => ValueRef::List(items),
            Value::Stt(p) => ValueRef::Stt(*p),
            Value::Tts(p) => ValueRef::Tts(*p),
        }
    }
}

/// A [`Value`] borrowed, from its [`VoiceSettings`] (see [`VoiceSettings::value`]) or from a
/// [`Value`] (`Null` only as a default, as there).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ValueRef<'a> {
    Null,
    Text(&'a str),
    Tone(Tone),
    Number(f64),
    Bool(bool),
    List(&'a [String]),
    Stt(SttProvider),
    Tts(TtsProvider),
}

impl ValueRef<'_> {
    /// Whether `json` is this very value as it would be written (numbers bit for bit, so `-0` is
    /// not `0`): the caller that sent `json` may use its own value in place of this one
    /// (`api::update_compact`).
    pub fn is(self, json: &Json) -> bool {
        match (self, json) {
            (ValueRef::Null, Json::Null) => true,
            (ValueRef::Text(t), Json::String(s)) => t == s,
            (ValueRef::Tone(t), Json::String(s)) => t.as_str() == s,
            (ValueRef::Stt(p), Json::String(s)) => p.as_str() == s,
            (ValueRef::Tts(p), Json::String(s)) => p.as_str() == s,
            (ValueRef::Number(x), Json::Number(y)) => x.to_bits() == y.to_bits(),
            (ValueRef::Bool(b), Json::Bool(c)) => b == *c,
            (ValueRef::List(items), Json::Array(given)) => {
                items.len() == given.len()
                    && (items.iter().zip(given)).all(|(t, g)| g.as_str() == Some(t.as_str()))
            }
            _ => false,
        }
    }

    /// An owned copy.
    pub fn to_value(self) -> Value {
        match self {
            ValueRef::Null => Value::Null,
            ValueRef::Text(t) => Value::Text(t.to_owned()),
            ValueRef::Tone(t) => Value::Tone(t),
            ValueRef::Number(x) => Value::Number(x),
            ValueRef::Bool(b) => Value::Bool(b),
            ValueRef::List(items) => Value::List(items.to_vec()),
            ValueRef::Stt(p) => Value::Stt(p),
            ValueRef::Tts(p) => Value::Tts(p),
        }
    }
}

impl Serialize for ValueRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            ValueRef::Null => s.serialize_unit(),
            ValueRef::Text(t) => s.serialize_str(t),
            ValueRef::Tone(t) => t.serialize(s),
            ValueRef::Number(x) => s.serialize_f64(x),
            ValueRef::Bool(b) => s.serialize_bool(b),
            ValueRef::List(items) => items.serialize(s),
            ValueRef::Stt(p) => p.serialize(s),
            ValueRef::Tts(p) => p.serialize(s),
        }
    }
}

impl Field {
    /// The library's built-in default (`docs/rules/voice-settings.md` table).
    pub fn default_value(self) -> Value {
        match self {
            Field::VoiceId
            | Field::PronunciationDictId
            | Field::SttProvider
            | Field::TtsProvider => Value::Null,
            Field::Tone => Value::Tone(Tone::Friendly),
            Field::Speed | Field::Volume => Value::Number(1.0),
            Field::Language => Value::Text("en".to_owned()),
            Field::Keyterms | Field::CorrectionCategories => Value::List(Vec::new()),
            Field::SensitiveTopics => Value::List(default_sensitive_topics()),
            Field::PostCallAnalysisEnabled | Field::TranscriptCorrectionEnabled => {
                Value::Bool(true)
            }
        }
    }

    /// Validates and normalizes a (non-null) value of this field found at `path`.
    pub fn read(self, value: &Json, path: &str, problems: &mut Problems) -> Option<Value> {
        match self {
            Field::VoiceId | Field::PronunciationDictId => {
                validate::string_len(value, path, 1, ID_MAX_CHARS, problems)
                    .map(|s| Value::Text(s.to_owned()))
            }
            Field::Tone => validate::one_of::<Tone>(value, path, problems).map(Value::Tone),
            Field::Speed => validate::number_in(value, path, SPEED_MIN, SPEED_MAX, problems)
                .map(|x| Value::Number(x + 0.0)),
            Field::Volume => validate::number_in(value, path, VOLUME_MIN, VOLUME_MAX, problems)
                .map(|x| Value::Number(x + 0.0)),
            Field::Language => language_tag(value, path, problems).map(Value::Text),
            Field::Keyterms => {
                keyterms::read_list(value, path, KEYTERMS_CAP, problems).map(Value::List)
            }
            Field::CorrectionCategories => {
                keyterms::read_list(value, path, CORRECTION_CATEGORIES_CAP, problems)
                    .map(Value::List)
            }
            Field::SensitiveTopics => {
                keyterms::read_list(value, path, SENSITIVE_TOPICS_CAP, problems).map(Value::List)
            }
            Field::PostCallAnalysisEnabled | Field::TranscriptCorrectionEnabled => {
                validate::boolean(value, path, problems).map(Value::Bool)
            }
            Field::SttProvider => {
                validate::one_of::<SttProvider>(value, path, problems).map(Value::Stt)
            }
            Field::TtsProvider => {
                validate::one_of::<TtsProvider>(value, path, problems).map(Value::Tts)
            }
        }
    }
}

/// A language tag: a string of at most 32 characters that is well-formed BCP-47, returned in
/// canonical case (`en-us` → `en-US`, `zh-hant-tw` → `zh-Hant-TW`).
pub fn language_tag(value: &Json, path: &str, problems: &mut Problems) -> Option<String> {
    let tag = validate::string(value, path, problems)?;
    if !validate::check_len(tag, path, 0, LANGUAGE_MAX_CHARS, problems) {
        return None;
    }
    match crate::text::language_tag::canonical(tag) {
        Some(canonical) => Some(canonical),
        None => {
            problems.push(
                Code::InvalidLanguageTag,
                path,
                format!(
                    "{} must be a well-formed BCP-47 language tag such as \"en\" or \"en-US\", got \"{tag}\".",
                    describe(path)
                ),
            );
            None
        }
    }
}

/// A stored voice-settings object: every field optional (`None` = unset, the default applies).
/// Serializes only the set fields, in table order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VoiceSettings {
    pub voice_id: Option<String>,
    pub tone: Option<Tone>,
    pub speed: Option<f64>,
    pub volume: Option<f64>,
    pub language: Option<String>,
    pub keyterms: Option<Vec<String>>,
    pub correction_categories: Option<Vec<String>>,
    pub pronunciation_dict_id: Option<String>,
    pub sensitive_topics: Option<Vec<String>>,
    pub post_call_analysis_enabled: Option<bool>,
    pub transcript_correction_enabled: Option<bool>,
    pub stt_provider: Option<SttProvider>,
    pub tts_provider: Option<TtsProvider>,
}

impl VoiceSettings {
    /// The stored value of a field, if set, borrowed: comparing and writing settings copy nothing.
    pub fn value(&self, field: Field) -> Option<ValueRef<'_>> {
        match field {
            Field::VoiceId => self.voice_id.as_deref().map(ValueRef::Text),
            Field::Tone => self.tone.map(ValueRef::Tone),
            Field::Speed => self.speed.map(ValueRef::Number),
            Field::Volume => self.volume.map(ValueRef::Number),
            Field::Language => self.language.as_deref().map(ValueRef::Text),
            Field::Keyterms => self.keyterms.as_deref().map(ValueRef::List),
            Field::CorrectionCategories => {
                self.correction_categories.as_deref().map(ValueRef::List)
            }
            Field::PronunciationDictId => self.pronunciation_dict_id.as_deref().map(ValueRef::Text),
            Field::SensitiveTopics => self.sensitive_topics.as_deref().map(ValueRef::List),
            Field::PostCallAnalysisEnabled => self.post_call_analysis_enabled.map(ValueRef::Bool),
            Field::TranscriptCorrectionEnabled => {
                self.transcript_correction_enabled.map(ValueRef::Bool)
            }
            Field::SttProvider => self.stt_provider.map(ValueRef::Stt),
            Field::TtsProvider => self.tts_provider.map(ValueRef::Tts),
        }
    }

    /// The stored value of a field, if set, as an owned [`Value`].
    pub fn get(&self, field: Field) -> Option<Value> {
        self.value(field).map(ValueRef::to_value)
    }

    /// Sets (`Some`) or unsets (`None`) a field. A value of another field's type unsets the field:
    /// values come from [`Field::read`], which always answers the field's own type.
    pub fn set(&mut self, field: Field, value: Option<Value>) {
        fn text(v: Option<Value>) -> Option<String> {
            match v {
                Some(Value::Text(t)) => Some(t),
                _ => None,
            }
        }
        fn list(v: Option<Value>) -> Option<Vec<String>> {
            match v {
                Some(Value::List(l)) => Some(l),
                _ => None,
            }
        }
        fn number(v: Option<Value>) -> Option<f64> {
            match v {
                Some(Value::Number(x)) => Some(x),
                _ => None,
            }
        }
        fn boolean(v: Option<Value>) -> Option<bool> {
            match v {
                Some(Value::Bool(b)) => Some(b),
                _ => None,
            }
        }
        match field {
            Field::VoiceId => self.voice_id = text(value),
            Field::Tone => {
                self.tone = match value {
                    Some(Value::Tone(t)) => Some(t),
                    _ => None,
                }
            }
            Field::Speed => self.speed = number(value),
            Field::Volume => self.volume = number(value),
            Field::Language => self.language = text(value),
            Field::Keyterms => self.keyterms = list(value),
            Field::CorrectionCategories => self.correction_categories = list(value),
            Field::PronunciationDictId => self.pronunciation_dict_id = text(value),
            Field::SensitiveTopics => self.sensitive_topics = list(value),
            Field::PostCallAnalysisEnabled => self.post_call_analysis_enabled = boolean(value),
            Field::TranscriptCorrectionEnabled => {
                self.transcript_correction_enabled = boolean(value)
            }
            Field::SttProvider => {
                self.stt_provider = match value {
                    Some(Value::Stt(p)) => Some(p),
                    _ => None,
                }
            }
            Field::TtsProvider => {
                self.tts_provider = match value {
                    Some(Value::Tts(p)) => Some(p),
                    _ => None,
                }
            }
        }
    }

    /// Reads a stored object found at `path`, recording every problem: unknown fields, and each
    /// field validated and normalized as in a patch. `null` means unset here.
    pub fn read(value: &Json, path: &str, problems: &mut Problems) -> Option<VoiceSettings> {
        let entries = validate::object(value, path, problems)?;
        let before = problems.len();
        let mut settings = VoiceSettings::default();
        let mut paths = validate::FieldPaths::new(path);
        let (values, unknown) = by_field(entries);
        for (field, value) in Field::ALL.iter().zip(values) {
            match value {
                None | Some(Json::Null) => {}
                Some(v) => {
                    let read = field.read(v, paths.at(field.as_str()), problems);
                    settings.set(*field, read);
                }
            }
        }
        report_unknown_fields(unknown, entries, path, problems);
        (problems.len() == before).then_some(settings)
    }

    /// Reads a stored object (`validation_failed` with every problem, paths into `value`).
    pub fn from_json(value: &Json) -> Result<VoiceSettings, RuleError> {
        let mut problems = Problems::new();
        match VoiceSettings::read(value, "", &mut problems) {
            Some(settings) if problems.is_empty() => Ok(settings),
            _ => Err(RuleError::many(Code::ValidationFailed, problems.into_vec())),
        }
    }
}

impl From<ValueRef<'_>> for Json {
    fn from(value: ValueRef<'_>) -> Json {
        match value {
            ValueRef::Null => Json::Null,
            ValueRef::Text(t) => Json::from(t),
            ValueRef::Tone(t) => Json::from(t.as_str()),
            ValueRef::Number(x) => Json::Number(x),
            ValueRef::Bool(b) => Json::Bool(b),
            ValueRef::List(items) => {
                Json::Array(items.iter().map(|t| Json::from(t.as_str())).collect())
            }
            ValueRef::Stt(p) => Json::from(p.as_str()),
            ValueRef::Tts(p) => Json::from(p.as_str()),
        }
    }
}

impl From<&Value> for Json {
    fn from(value: &Value) -> Json {
        Json::from(value.as_ref())
    }
}

/// The stored object as untyped JSON (set fields only, table order), for a state that keeps
/// `voice_settings` as [`Json`].
impl From<&VoiceSettings> for Json {
    fn from(settings: &VoiceSettings) -> Json {
        Json::Object(
            Field::ALL
                .iter()
                .filter_map(|f| {
                    settings
                        .value(*f)
                        .map(|v| (f.as_str().to_owned(), Json::from(v)))
                })
                .collect(),
        )
    }
}

/// An object's entries by field (the first value of a repeated key), and whether some key is not a
/// field. One pass over the keys, each matched to its field once: looking every field up among the
/// entries, then every key up among the fields, was two scans per field (a profile of an update).
pub(crate) fn by_field(entries: &[(String, Json)]) -> ([Option<&Json>; Field::ALL.len()], bool) {
    let mut values = [None; Field::ALL.len()];
    let mut unknown = false;
    for (key, value) in entries {
        match Field::from_name(key) {
            Some(field) => {
                values[field as usize].get_or_insert(value);
            }
            None => unknown = true,
        }
    }
    (values, unknown)
}

/// `unknown_field` at each key of `entries` that is not a field, when [`by_field`] found one
/// (`validate::no_unknown_fields`, skipped for the usual object without one).
pub(crate) fn report_unknown_fields(
    unknown: bool,
    entries: &[(String, Json)],
    path: &str,
    problems: &mut Problems,
) {
    if unknown {
        validate::no_unknown_fields(entries, field_names(), path, problems);
    }
}

/// Every field's wire name, in table order.
pub fn field_names() -> &'static [&'static str] {
    Field::NAMES
}

/// The set fields, in table order.
impl Serialize for VoiceSettings {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for field in Field::ALL {
            if let Some(value) = self.value(*field) {
                map.serialize_entry(field.as_str(), &value)?;
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(tag: &str) -> Result<String, Vec<crate::base::error::Problem>> {
        let mut p = Problems::new();
        language_tag(&Json::from(tag), "/language", &mut p).ok_or_else(|| p.into_vec())
    }

    #[test]
    fn language_tags_are_stored_in_canonical_case() {
        assert_eq!(lang("en-us").unwrap(), "en-US");
        assert_eq!(lang("zh-hant-tw").unwrap(), "zh-Hant-TW");
        assert_eq!(lang("EN").unwrap(), "en");
        assert_eq!(lang("es-419").unwrap(), "es-419");
        assert_eq!(lang("i-klingon").unwrap(), "i-klingon");
        assert_eq!(lang("x-private").unwrap(), "x-private");
        for bad in ["", "en_US", "e", "en-", "123", "en--us", " en"] {
            assert_eq!(
                lang(bad).unwrap_err()[0].code,
                Code::InvalidLanguageTag,
                "{bad:?}"
            );
        }
        let long = format!("en-{}", ["abcdefgh"; 4].join("-"));
        assert_eq!(lang(&long).unwrap_err()[0].code, Code::TooLong);
    }

    #[test]
    fn every_field_has_a_default_and_round_trips_through_set_and_get() {
        let mut s = VoiceSettings::default();
        for field in Field::ALL {
            let default = field.default_value();
            if default != Value::Null {
                s.set(*field, Some(default.clone()));
                assert_eq!(s.get(*field), Some(default));
            }
        }
    }
}
