//! The voice-settings patch validator and the partial update: never a panic; validation agrees with
//! the update; an accepted update is idempotent and re-validates cleanly.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workspace_rules::base::json::Json;
use workspace_rules::voice::{self, fields::VoiceSettings};

#[path = "common.rs"]
mod common;
use common::{arg, args};

fuzz_target!(|data: &[u8]| {
    let a = args(data);
    let patch = arg(&a, 0);
    let check = voice::validate_voice_settings(patch);
    match voice::update::apply_patch(&VoiceSettings::default(), patch) {
        Ok(update) => {
            assert!(check.ok);
            let again = voice::update::apply_patch(&update.settings, patch).expect("same patch again");
            assert_eq!(again.settings, update.settings, "idempotent");
            assert!(again.changed.is_empty());
            let stored = Json::from(&update.settings);
            assert!(voice::validate_voice_settings(&stored).ok, "stored settings are a valid patch");
        }
        Err(e) => {
            assert!(!check.ok);
            assert_eq!(e.errors, check.errors);
        }
    }
});
