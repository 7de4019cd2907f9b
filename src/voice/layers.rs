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
//! The answer also says which layers' keyterms were not used (`dropped_keyterms`, after `sources`):
//! every term the union did not keep, in input order (layers least specific first, terms in list
//! order), each as `mergeKeyterms` reports a drop (`term`, `reason`, `duplicate_of?`, spelled out by
//! the same code, [`DroppedAt::spell`](crate::voice::keyterms::DroppedAt::spell)) plus the `layer`
//! it came from: a duplicate of a term an earlier layer gave (`duplicate`, with the kept spelling: a
//! speech engine hears that one), and a term past the cap of 200 (`limit`). A layer is a stored
//! object, read normalized and de-duplicated as an update stores it, so `term` is the layer's stored
//! spelling and a layer's repeats of its own terms are not reported.
//!
//! Decision where the spec is silent: `correction_categories` resolves like a scalar (the most
//! specific layer's list replaces the others), since the spec names only `keyterms` as additive.

use crate::base::error::{Code, RuleError};
use crate::base::json::Json;
use crate::base::names::names;
use crate::base::validate::{self, child, Problems};
use crate::voice::fields::{Field, Value, VoiceSettings};
use crate::voice::keyterms::merge_positions;
use crate::voice::keyterms::DropReason;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

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

/// A layer's keyterm that `effectiveVoiceSettings` did not keep: a `mergeKeyterms` drop and the layer
/// it came from (wire order: `term`, `layer`, `reason`, `duplicate_of`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "LayerDroppedKeyterm", transform = crate::base::schema::optional_not_null))]
pub struct LayerDropped {
    /// The term as the layer stores it (normalized).
    pub term: String,
    /// The layer it came from: `service`, `workspace` or `agent`, never `default`.
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::voice::schema::term_layer")
    )]
    pub layer: Layer,
    /// `duplicate` of a term an earlier layer gave, or `limit`: past the cap of 200.
    pub reason: DropReason,
    /// For a duplicate: the kept spelling it repeats (the one a speech engine gets).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

/// Every field resolved, with its source. Serializes as the fields in table order, then `sources`
/// (an object with the fields in table order), then `dropped_keyterms`.
#[derive(Clone, Debug, PartialEq)]
pub struct EffectiveVoiceSettings {
    /// One entry per field, in table order.
    pub values: Vec<(Field, Value, FieldSource)>,
    /// The layers' keyterms the union did not keep, in input order.
    pub dropped_keyterms: Vec<LayerDropped>,
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
        let mut map = s.serialize_map(Some(self.values.len() + 2))?;
        for (field, value, _) in &self.values {
            map.serialize_entry(field.as_str(), value)?;
        }
        map.serialize_entry("sources", &Sources(&self.values))?;
        map.serialize_entry("dropped_keyterms", &self.dropped_keyterms)?;
        map.end()
    }
}

/// Resolves every field across the layers.
pub fn effective_voice_settings(layers: &Layers) -> EffectiveVoiceSettings {
    let mut dropped_keyterms = Vec::new();
    let values = Field::ALL
        .iter()
        .map(|field| match field {
            Field::Keyterms => {
                // The layers' lists merged as `mergeKeyterms` merges lists (the same code, by
                // position); a position's layer is the list it falls in.
                let (lists, from): (Vec<Vec<&str>>, Vec<Layer>) = layers
                    .present()
                    .map(|(layer, settings)| {
                        let list = settings.keyterms.iter().flatten().map(String::as_str);
                        (list.collect(), layer)
                    })
                    .unzip();
                // A position's term and layer: the list it falls in.
                let locate = |mut position: usize| {
                    for (list, layer) in lists.iter().zip(&from) {
                        match list.get(position) {
                            Some(term) => return (*term, *layer),
                            None => position -= list.len(),
                        }
                    }
                    ("", Layer::Default)
                };
                let (kept, at) = merge_positions(&lists);
                dropped_keyterms = at
                    .iter()
                    .map(|d| {
                        let (term, layer) = locate(d.position);
                        let dropped = d.spell(term, &kept);
                        LayerDropped {
                            term: dropped.term,
                            layer,
                            reason: dropped.reason,
                            duplicate_of: dropped.duplicate_of,
                        }
                    })
                    .collect();
                let (terms, sources): (Vec<String>, Vec<Layer>) = kept
                    .into_iter()
                    .map(|(term, position)| (term.into_owned(), locate(position).1))
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
    EffectiveVoiceSettings {
        values,
        dropped_keyterms,
    }
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
        assert_eq!(
            e.dropped_keyterms,
            [LayerDropped {
                term: "METFORMIN".into(),
                layer: Layer::Workspace,
                reason: DropReason::Duplicate,
                duplicate_of: Some("Metformin".into()),
            }]
        );
    }

    /// Issue 22: the terms past the cap are reported with their layer, in input order, and a later
    /// layer's duplicate of a kept term is a duplicate, as `mergeKeyterms` reports them.
    #[test]
    fn dropped_keyterms_name_their_layer() {
        let terms = |prefix: &str, n: usize| (0..n).map(|i| format!("{prefix}{i}")).collect();
        let layers = Layers {
            service: Some(VoiceSettings {
                keyterms: Some(terms("s", 150)),
                ..VoiceSettings::default()
            }),
            workspace: Some(VoiceSettings {
                keyterms: Some(terms("w", 60)),
                ..VoiceSettings::default()
            }),
            agent: Some(VoiceSettings {
                keyterms: Some(vec!["S3".into(), "w55".into(), "a0".into()]),
                ..VoiceSettings::default()
            }),
        };
        let e = effective_voice_settings(&layers);
        let got: Vec<(&str, Layer, DropReason)> = e
            .dropped_keyterms
            .iter()
            .map(|d| (d.term.as_str(), d.layer, d.reason))
            .collect();
        let mut expected: Vec<(String, Layer, DropReason)> = (50..60)
            .map(|i| (format!("w{i}"), Layer::Workspace, DropReason::Limit))
            .collect();
        expected.push(("S3".into(), Layer::Agent, DropReason::Duplicate));
        expected.push(("w55".into(), Layer::Agent, DropReason::Limit));
        expected.push(("a0".into(), Layer::Agent, DropReason::Limit));
        let expected: Vec<(&str, Layer, DropReason)> = expected
            .iter()
            .map(|(t, l, r)| (t.as_str(), *l, *r))
            .collect();
        assert_eq!(got, expected);
        assert_eq!(e.dropped_keyterms[10].duplicate_of.as_deref(), Some("s3"));
        let json = crate::base::json::text(&e);
        assert!(
            json.ends_with(r#"{"term":"a0","layer":"agent","reason":"limit"}]}"#),
            "{json}"
        );
    }
}
