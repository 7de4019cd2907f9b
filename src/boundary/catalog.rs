//! `catalog()`: what a form or an API client needs to know of the rules, as data read from the
//! tables the rules themselves use: every voice-settings field with its type, bounds, enumeration and
//! default (`docs/rules/voice-settings.md`, [`Field`] and its constants), the roles and actions
//! (`docs/rules/roles.md`), every error code with its status ([`Code::ALL`]) and the reader's limits.
//! Nothing here is a copy: a bound changed in `src/voice/fields.rs` changes the catalog with it, and
//! `tests/consumer/catalog.test.mjs` checks every bound against what validation accepts and refuses.

use crate::base::error::Code;
use crate::base::json::{MAX_DEPTH, MAX_ITEMS};
use crate::boundary::api::text;
use crate::voice::fields::{self, Field, SttProvider, TtsProvider};
use crate::voice::keyterms::MAX_TERM_CHARS;
use crate::voice::tone::Tone;
use crate::workspace::roles;

/// The catalog as JSON text (the answer of the `catalog` export).
pub fn catalog_text() -> String {
    let mut out = String::from("{\"voice_fields\":[");
    for (i, field) in Field::ALL.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let kind = match field {
            Field::VoiceId | Field::PronunciationDictId => {
                format!(
                    "\"string\",\"min_length\":1,\"max_length\":{}",
                    fields::ID_MAX_CHARS
                )
            }
            Field::Tone => format!("\"enum\",\"values\":{}", text(Tone::NAMES)),
            Field::Speed => format!(
                "\"number\",\"minimum\":{},\"maximum\":{}",
                text(&fields::SPEED_MIN),
                text(&fields::SPEED_MAX)
            ),
            Field::Volume => format!(
                "\"number\",\"minimum\":{},\"maximum\":{}",
                text(&fields::VOLUME_MIN),
                text(&fields::VOLUME_MAX)
            ),
            Field::Language => format!(
                "\"language_tag\",\"max_length\":{}",
                fields::LANGUAGE_MAX_CHARS
            ),
            Field::Keyterms => list(fields::KEYTERMS_CAP),
            Field::CorrectionCategories => list(fields::CORRECTION_CATEGORIES_CAP),
            Field::SensitiveTopics => list(fields::SENSITIVE_TOPICS_CAP),
            Field::PostCallAnalysisEnabled | Field::TranscriptCorrectionEnabled => {
                "\"boolean\"".to_owned()
            }
            Field::SttProvider => format!("\"enum\",\"values\":{}", text(SttProvider::NAMES)),
            Field::TtsProvider => format!("\"enum\",\"values\":{}", text(TtsProvider::NAMES)),
        };
        out.push_str(&format!(
            "{{\"name\":\"{}\",\"type\":{kind},\"default\":{}}}",
            field.as_str(),
            text(&field.default_value())
        ));
    }
    out.push_str("],\"roles\":");
    out.push_str(&text(roles::roles()));
    out.push_str(",\"actions\":");
    out.push_str(&text(roles::actions()));
    out.push_str(",\"error_codes\":[");
    for (i, code) in Code::ALL.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            "{{\"code\":\"{}\",\"status\":{}}}",
            code.as_str(),
            code.status()
        ));
    }
    out.push_str(&format!(
        "],\"limits\":{{\"max_items\":{MAX_ITEMS},\"max_depth\":{MAX_DEPTH}}}}}"
    ));
    out
}

/// A list field: at most `cap` distinct items of 1–[`MAX_TERM_CHARS`] characters.
fn list(cap: usize) -> String {
    format!(
        "\"list\",\"max_items\":{cap},\"item_min_length\":1,\"item_max_length\":{MAX_TERM_CHARS}"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_catalog_is_json_with_every_field_and_code() {
        let text = super::catalog_text();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value["voice_fields"].as_array().unwrap().len(),
            crate::voice::Field::ALL.len()
        );
        assert_eq!(
            value["error_codes"].as_array().unwrap().len(),
            crate::base::error::Code::ALL.len()
        );
        assert_eq!(value["voice_fields"][2]["maximum"], 2.0);
    }
}
