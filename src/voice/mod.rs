//! `docs/rules/voice-settings.md` Voice settings: the field table ([`fields`]), validation and partial updates ([`update`]),
//! and layered resolution with sources ([`layers`]).

pub mod fields;
pub mod keyterms;
pub mod layers;
#[cfg(feature = "schema")]
pub mod schema;
pub mod tone;
pub mod topics;
pub mod update;

pub use crate::base::validate::Validation;
pub use fields::{Field, SttProvider, TtsProvider, Value, VoiceSettings};
pub use layers::{effective_voice_settings, EffectiveVoiceSettings, Layer, Layers};
pub use update::{apply_patch, validate_voice_settings, Patch, Update};
