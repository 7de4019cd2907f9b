//! `docs/rules/voice-settings.md` Layered resolution: `effectiveVoiceSettings({ service, workspace, agent })`.
//!
//! Every field is resolved, and `sources` says where each came from, so a form can show an
//! "inherited from …" badge per field:
//! - most fields: the most specific layer that sets the field (agent > workspace > service), else the
//!   built-in default;
//! - `keyterms`: the union of all layers in the order service, workspace, agent, through the `docs/rules/keyterms.md`
//!   procedure (first spelling wins, capped at 200); `sources.keyterms` lists the layer of each kept
//!   term, position by position;
//! - `sensitive_topics`: the most specific layer that sets it (`[]` means none), else the defaults.
//!
//! Decision where the spec is silent: `correction_categories` resolves like a scalar (the most
//! specific layer's list replaces the others), since the spec names only `keyterms` as additive.

use crate::base::error::{Code, RuleError};
use crate::base::json::Json;
use crate::base::names::names;
use crate::base::validate::{self, child, Problems};
use crate::voice::fields::{Field, Value, VoiceSettings};
use crate::voice::keyterms::{merge_tagged, MERGE_CAP};
use serde::ser::{Serialize, SerializeMap, Serializer};

names! {
    /// Where a resolved value came from, least specific first.
    pub enum Layer as "VoiceSettingsLayer" {
        Default = "default",
        Service = "service",
        Workspace = "workspace",
        Agent = "agent",
    }
}

/// The stored settings of each layer; any may be absent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layers {
    pub service: Option<VoiceSettings>,
    pub workspace: Option<VoiceSettings>,
    pub agent: Option<VoiceSettings>,
}

impl Layers {
    /// The layers that are present, least specific first.
    fn present(&self) -> impl DoubleEndedIterator<Item = (Layer, &VoiceSettings)> {
        [
            (Layer::Service, &self.service),
            (Layer::Workspace, &self.workspace),
            (Layer::Agent, &self.agent),
        ]
        .into_iter()
        .filter_map(|(layer, settings)| settings.as_ref().map(|s| (layer, s)))
    }
}

/// Where one field's value came from: one layer, or (for `keyterms`) the layer of each kept term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldSource {
    Layer(Layer),
    PerTerm(Vec<Layer>),
}

impl Serialize for FieldSource {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            FieldSource::Layer(layer) => layer.serialize(s),
            FieldSource::PerTerm(layers) => layers.serialize(s),
        }
    }
}

/// Every field resolved, with its source. Serializes as the fields in table order, then `sources`
/// (an object with the fields in table order).
#[derive(Clone, Debug, PartialEq)]
pub struct EffectiveVoiceSettings {
    /// One entry per field, in table order.
    pub values: Vec<(Field, Value, FieldSource)>,
}

impl EffectiveVoiceSettings {
    /// The resolved value of a field.
    pub fn get(&self, field: Field) -> Option<&Value> {
        self.values
            .iter()
            .find_map(|(f, v, _)| (*f == field).then_some(v))
    }

    /// Where a field's value came from.
    pub fn source(&self, field: Field) -> Option<&FieldSource> {
        self.values
            .iter()
            .find_map(|(f, _, s)| (*f == field).then_some(s))
    }
}

struct Sources<'a>(&'a [(Field, Value, FieldSource)]);

impl Serialize for Sources<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (field, _, source) in self.0 {
            map.serialize_entry(field.as_str(), source)?;
        }
        map.end()
    }
}

impl Serialize for EffectiveVoiceSettings {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.values.len() + 1))?;
        for (field, value, _) in &self.values {
            map.serialize_entry(field.as_str(), value)?;
        }
        map.serialize_entry("sources", &Sources(&self.values))?;
        map.end()
    }
}

/// Resolves every field across the layers.
pub fn effective_voice_settings(layers: &Layers) -> EffectiveVoiceSettings {
    let values = Field::ALL
        .iter()
        .map(|field| match field {
            Field::Keyterms => {
                let terms = layers.present().flat_map(|(layer, settings)| {
                    settings
                        .keyterms
                        .iter()
                        .flatten()
                        .map(move |t| (t.as_str(), layer))
                });
                let count = layers
                    .present()
                    .map(|(_, settings)| settings.keyterms.as_ref().map_or(0, Vec::len))
                    .sum();
                let (kept, _) = merge_tagged(terms, count, MERGE_CAP);
                let (terms, sources): (Vec<String>, Vec<Layer>) = kept
                    .into_iter()
                    .map(|(term, layer)| (term.into_owned(), layer))
                    .unzip();
                (*field, Value::List(terms), FieldSource::PerTerm(sources))
            }
            _ => layers
                .present()
                .rev()
                .find_map(|(layer, settings)| {
                    settings
                        .get(*field)
                        .map(|v| (*field, v, FieldSource::Layer(layer)))
                })
                .unwrap_or_else(|| {
                    (
                        *field,
                        field.default_value(),
                        FieldSource::Layer(Layer::Default),
                    )
                }),
        })
        .collect();
    EffectiveVoiceSettings { values }
}

/// Reads `{ service?, workspace?, agent? }`: each layer a stored object (absent, `undefined` or
/// `null` = no such layer); problems at `/service/speed` and so on, unknown keys as
/// `unknown_field`. Refuses with `validation_failed` listing every problem.
pub fn read_layers(value: &Json) -> Result<Layers, RuleError> {
    let mut problems = Problems::new();
    let mut layers = Layers::default();
    if let Some(entries) = validate::object(value, "", &mut problems) {
        for layer in [Layer::Service, Layer::Workspace, Layer::Agent] {
            let name = layer.as_str();
            let read = match value.get(name) {
                None | Some(Json::Null) => None,
                Some(v) => VoiceSettings::read(v, &child("", name), &mut problems),
            };
            match layer {
                Layer::Service => layers.service = read,
                Layer::Workspace => layers.workspace = read,
                _ => layers.agent = read,
            }
        }
        validate::no_unknown_fields(
            entries,
            &["service", "workspace", "agent"],
            "",
            &mut problems,
        );
    }
    problems.finish(Code::ValidationFailed, layers)
}

/// `effectiveVoiceSettings(layers)` for untyped input.
pub fn effective_voice_settings_input(value: &Json) -> Result<EffectiveVoiceSettings, RuleError> {
    read_layers(value).map(|layers| effective_voice_settings(&layers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_specific_layer_wins_and_keyterms_union() {
        let layers = Layers {
            service: Some(VoiceSettings {
                speed: Some(0.8),
                keyterms: Some(vec!["Metformin".into(), "Dr. Ramirez".into()]),
                ..VoiceSettings::default()
            }),
            workspace: Some(VoiceSettings {
                speed: Some(1.2),
                sensitive_topics: Some(vec![]),
                keyterms: Some(vec!["METFORMIN".into(), "amlodipine".into()]),
                ..VoiceSettings::default()
            }),
            agent: None,
        };
        let e = effective_voice_settings(&layers);
        assert_eq!(e.get(Field::Speed), Some(&Value::Number(1.2)));
        assert_eq!(
            e.source(Field::Speed),
            Some(&FieldSource::Layer(Layer::Workspace))
        );
        assert_eq!(e.get(Field::SensitiveTopics), Some(&Value::List(vec![])));
        assert_eq!(
            e.source(Field::Tone),
            Some(&FieldSource::Layer(Layer::Default))
        );
        assert_eq!(
            e.source(Field::Keyterms),
            Some(&FieldSource::PerTerm(vec![
                Layer::Service,
                Layer::Service,
                Layer::Workspace
            ]))
        );
    }
}
