//! `docs/rules/voice-settings.md` Partial updates: `validateVoiceSettings(patch)` and `updateVoiceSettings(current, patch)`, and
//! the core of the `update_voice_settings` command (`docs/rules/commands.md`).
//!
//! A patch key that is absent leaves its field alone, `null` resets it (the field is removed from the
//! stored object), a value replaces it after validation and normalization (lists whole). Any problem
//! refuses the whole update with `validation_failed` (422) listing every problem; nothing changes.
//!
//! **Order of the problems** (deterministic): the patch's known fields in the field table's order,
//! each field's item problems by index and then its count problem; then the unknown fields in input
//! order. In `updateVoiceSettings`, the problems of `current` (paths under `/current`) come before
//! those of the patch (paths into the patch itself, as `validateVoiceSettings` gives them, so a
//! form shows the same paths from both).
//!
//! **`changed`** lists, in table order, the fields whose stored value differs: setting a field to its
//! default value where it was unset *is* a change (the value is now stored), and resetting an unset
//! field is not.

use crate::base::error::{Code, RuleError};
use crate::base::json::Json;
use crate::base::validate::{self, Problems, Validation};
use crate::voice::fields::{by_field, report_unknown_fields, Field, Value, VoiceSettings};
use serde::Serialize;

/// A validated patch: for each field it names, in table order, `Some(value)` to set or `None` to
/// reset.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Patch(pub Vec<(Field, Option<Value>)>);

impl Patch {
    /// Reads a patch, recording every problem (paths into the patch; `""` if it is not an object).
    pub fn read(value: &Json, problems: &mut Problems) -> Option<Patch> {
        let entries = validate::object(value, "", problems)?;
        let before = problems.len();
        let mut patch = Vec::new();
        let mut paths = validate::FieldPaths::new("");
        let (values, unknown) = by_field(entries);
        for (field, value) in Field::ALL.iter().zip(values) {
            match value {
                None => {}
                Some(Json::Null) => patch.push((*field, None)),
                Some(v) => {
                    if let Some(read) = field.read(v, paths.at(field.as_str()), problems) {
                        patch.push((*field, Some(read)));
                    }
                }
            }
        }
        report_unknown_fields(unknown, entries, "", problems);
        (problems.len() == before).then_some(Patch(patch))
    }

    /// `settings` with this patch applied, and the fields whose stored value it changed, in table
    /// order. Only the patch's fields can change, so only they are compared (the patch is in table
    /// order), each before it is set.
    pub fn apply(self, mut settings: VoiceSettings) -> Update {
        let mut changed = Vec::new();
        for (field, value) in self.0 {
            if settings.value(field) != value.as_ref().map(Value::as_ref) {
                changed.push(field);
            }
            settings.set(field, value);
        }
        debug_assert!(changed.is_sorted(), "a patch is read in table order");
        Update { settings, changed }
    }
}

/// `validateVoiceSettings(patch)`: the checks of an update without a current object, for forms.
/// Never refuses: `errors` is exactly the list `updateVoiceSettings` would refuse with.
pub fn validate_voice_settings(patch: &Json) -> Validation {
    let mut problems = Problems::new();
    Patch::read(patch, &mut problems);
    Validation::of(problems)
}

/// The answer of an update (wire order: `settings`, `changed`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "VoiceSettingsUpdate"))]
pub struct Update {
    pub settings: VoiceSettings,
    pub changed: Vec<Field>,
}

/// The core of `update_voice_settings`: validates `patch` and applies it to an already valid
/// `current`. `validation_failed` (422) with every problem, or the new settings and what changed.
pub fn apply_patch(current: &VoiceSettings, patch: &Json) -> Result<Update, RuleError> {
    let mut problems = Problems::new();
    match Patch::read(patch, &mut problems) {
        Some(patch) if problems.is_empty() => Ok(patch.apply(current.clone())),
        _ => Err(RuleError::many(Code::ValidationFailed, problems.into_vec())),
    }
}

/// `updateVoiceSettings(current, patch)` for untyped input: `current` is read as a stored object
/// (problems at `/current/…`; `null` or `undefined` = nothing stored yet, as an API answers for an
/// agent without settings), then the patch is applied. Every problem of both is reported.
pub fn update_voice_settings_input(current: &Json, patch: &Json) -> Result<Update, RuleError> {
    let mut problems = Problems::new();
    let current = read_stored(current, &mut problems);
    update_read(current, patch, problems)
}

/// The stored object of `updateVoiceSettings`, read and checked (problems at `/current/…`); `null`
/// or `undefined` is the empty object.
pub fn read_stored(current: &Json, problems: &mut Problems) -> Option<VoiceSettings> {
    match current {
        Json::Null | Json::Unsupported(crate::base::json::Unsupported::Undefined) => {
            Some(VoiceSettings::default())
        }
        stored => VoiceSettings::read(stored, "/current", problems),
    }
}

/// The rest of `updateVoiceSettings` once the stored object has been read (`None`: it had the
/// problems already in `problems`): reads the patch and applies it, or refuses with every problem.
pub fn update_read(
    current: Option<VoiceSettings>,
    patch: &Json,
    mut problems: Problems,
) -> Result<Update, RuleError> {
    let patch = Patch::read(patch, &mut problems);
    match (current, patch) {
        (Some(current), Some(patch)) if problems.is_empty() => Ok(patch.apply(current)),
        _ => Err(RuleError::many(Code::ValidationFailed, problems.into_vec())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(entries: &[(&str, Json)]) -> Json {
        Json::Object(
            entries
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn absent_null_and_value() {
        let current = VoiceSettings {
            speed: Some(1.5),
            voice_id: Some("v1".into()),
            ..VoiceSettings::default()
        };
        let update = apply_patch(
            &current,
            &obj(&[("speed", Json::Null), ("language", Json::from("en-gb"))]),
        )
        .unwrap();
        assert_eq!(update.settings.speed, None);
        assert_eq!(update.settings.voice_id.as_deref(), Some("v1"));
        assert_eq!(update.settings.language.as_deref(), Some("en-GB"));
        assert_eq!(update.changed, [Field::Speed, Field::Language]);
    }

    #[test]
    fn every_problem_in_table_order_then_unknown_fields() {
        let err = apply_patch(
            &VoiceSettings::default(),
            &obj(&[
                ("zzz", Json::Bool(true)),
                ("volume", Json::Number(1.5)),
                (
                    "speed",
                    Json::Unsupported(crate::base::json::Unsupported::NaN),
                ),
            ]),
        )
        .unwrap_err();
        assert_eq!(err.code, Code::ValidationFailed);
        let got: Vec<(&str, &str)> = err
            .errors
            .iter()
            .map(|p| (p.code.as_str(), p.path.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("invalid_type", "/speed"),
                ("out_of_range", "/volume"),
                ("unknown_field", "/zzz")
            ]
        );
    }

    #[test]
    fn a_patch_that_is_not_an_object() {
        let v = validate_voice_settings(&Json::Array(vec![]));
        assert!(!v.ok);
        assert_eq!(v.errors[0].path, "");
        assert_eq!(v.errors[0].code, Code::InvalidType);
    }
}
