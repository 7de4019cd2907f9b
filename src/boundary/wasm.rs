//! The JavaScript boundary: the only module that knows about JavaScript, and a thin one.
//!
//! One dispatch ([`api::EXPORTS`], each export named by its position), arguments in as the JSON text
//! of the argument list, answers out as JSON text behind a tag. The package's JavaScript layer
//! (`js/`) holds the exports: plain JSON data crosses as JSON text (`__callJson`); anything else as
//! *marked* JSON text (`__callMarked`, read by [`read_marked`](crate::base::json_text::read_marked)), where the
//! values JSON cannot carry (NaN, `undefined`, a BigInt…) are marked so a rule reports them at their
//! path. Three exports have a compact way of their own (`__canIndex`, `__mergeKeytermsJoined`,
//! `__updateVoiceSettingsCompact`). No rule is decided here.

use crate::base::error::RuleError;
use crate::base::json::{MAX_DEPTH, MAX_ITEMS};
use crate::boundary::{api, prepared};
use crate::workspace::roles;
use wasm_bindgen::prelude::*;

/// Logs panics to the console before the module aborts, so a bug is visible rather than a bare
/// `unreachable` trap.
#[wasm_bindgen(start, private)]
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        gloo_console::error!(format!("workspace-rules panicked: {info}"));
    }));
}

/// Panics on purpose (`"panic"`), or exhausts the stack (`"recursion"`), so the tests can show that a
/// bug becomes `internal_error` on that call and the next calls still work. Test builds only.
#[cfg(feature = "test-panic")]
#[wasm_bindgen(js_name = __testPanic, skip_typescript)]
pub fn test_panic(kind: &str) -> u32 {
    fn deeper(n: u32) -> u32 {
        let frame = [n; 64];
        std::hint::black_box(&frame);
        deeper(n + 1).wrapping_add(frame[0])
    }
    match kind {
        "panic" => panic!("a deliberate panic for the trap-guard test"),
        "recursion" => deeper(0),
        _ => 0,
    }
}

/// `can` by position in `roles()` and `actions()`: `js/fast-paths.js` maps the two names to their
/// positions once (a `Map` built from those two lists) and asks with two integers, so the hot path of
/// permission checks moves no strings at all. 1 = allowed, 0 = not, 2 = a position out of range (never
/// sent; `can` then asks on the JSON path, which words the refusal).
#[wasm_bindgen(js_name = __canIndex, skip_typescript)]
pub fn js_can_index(role: u32, action: u32) -> u32 {
    match roles::can_index(role as usize, action as usize) {
        Some(allowed) => allowed.into(),
        None => 2,
    }
}

/// Any export with its arguments as the JSON text of an array, the answer as JSON text behind a tag:
/// `"o" + answer`, `"e" + {code, status, message, errors}`, or `""` when the text is not for this path
/// (an unpaired surrogate escape, which has no Rust form: then `js/rules.js` asks `__callMarked`).
/// `js/fast-paths.js` takes this path when every argument is plain JSON data: one string each way
/// instead of a boundary crossing per property, which is what made objects slow (BENCHMARKS.md).
/// The export is named by its position in `api::EXPORTS` (see `__exportNames`), so no name crosses.
#[wasm_bindgen(js_name = __callJson, skip_typescript)]
pub fn js_call_json(export: u32, args: &str) -> String {
    tagged_answer(api::call_text_at(export as usize, args))
}

/// Any export with its arguments as marked JSON text ([`read_marked`](crate::base::json_text::read_marked): the
/// values JSON cannot carry marked, strings as JavaScript's `toWellFormed` leaves them), answered as
/// `__callJson` answers: what `js/rules.js` sends for arguments that are not plain JSON data.
#[wasm_bindgen(js_name = __callMarked, skip_typescript)]
pub fn js_call_marked(export: u32, args: &str) -> String {
    tagged_answer(api::call_marked_at(export as usize, args))
}

/// `updateVoiceSettings` with its arguments as the JSON text of an array, as `__callJson` takes them,
/// and the compact answer of [`api::update_compact`] behind the same tags (`"o"`, `"e"`, `""`):
/// `js/fast-paths.js` builds the answer from the values it sent (BENCHMARKS.md).
#[wasm_bindgen(js_name = __updateVoiceSettingsCompact, skip_typescript)]
pub fn js_update_voice_settings_compact(args: &str) -> String {
    tagged_answer(api::update_compact(args))
}

/// The names of the voice-settings fields in table order, as JSON: `scripts/build.mjs` reads them
/// from the module it has just built (into `pkg/generated.js`), for `js/fast-paths.js` to name the
/// fields of [`api::update_compact`]'s answer.
#[wasm_bindgen(js_name = __voiceFields, skip_typescript)]
pub fn js_voice_fields() -> String {
    api::text(crate::voice::Field::NAMES)
}

/// An answer behind its tag: `"o" + answer`, `"e" + {code, status, message, errors}`, or `""` when
/// the text is not for this path.
fn tagged_answer(answer: Option<Result<String, RuleError>>) -> String {
    match answer {
        Some(Ok(answer)) => tagged('o', &answer),
        Some(Err(err)) => tagged('e', &api::text(&err)),
        None => String::new(),
    }
}

/// `mergeKeyterms` for lists of strings: the terms laid end to end and their lengths in UTF-16 code
/// units in, the compact answer of [`api::merge_joined`] out, or `""` when that is not for this path
/// (then `js/rules.js` asks `__callMarked`). No JSON either way (BENCHMARKS.md).
#[wasm_bindgen(js_name = __mergeKeytermsJoined, skip_typescript)]
pub fn js_merge_keyterms_joined(joined: &str, lengths: &[u32]) -> String {
    api::merge_joined(joined, lengths).unwrap_or_default()
}

/// The names of the drop reasons in order, as JSON: `scripts/build.mjs` reads them from the module it
/// has just built (into `pkg/generated.js`), for `js/fast-paths.js` to name the reasons of
/// [`api::merge_joined`]'s answer.
#[wasm_bindgen(js_name = __dropReasons, skip_typescript)]
pub fn js_drop_reasons() -> String {
    api::text(crate::voice::keyterms::DropReason::NAMES)
}

/// The names of `api::EXPORTS` in order, as JSON: `scripts/build.mjs` reads them from the module it
/// has just built to number the exports (`EXPORT_ID` of `pkg/generated.js`, used by `js/rules.js`).
#[wasm_bindgen(js_name = __exportNames, skip_typescript)]
pub fn js_export_names() -> String {
    api::text(&api::EXPORTS.iter().map(|(n, _)| *n).collect::<Vec<_>>())
}

/// The reader's limits, [`MAX_ITEMS`] and [`MAX_DEPTH`]: `scripts/build.mjs` reads them from the
/// module it has just built (into `pkg/generated.js`): `js/fast-paths.js` marks what is past them, for
/// the rules to report.
#[wasm_bindgen(js_name = __maxItems, skip_typescript)]
pub fn js_max_items() -> u32 {
    MAX_ITEMS as u32
}

/// See `__maxItems`.
#[wasm_bindgen(js_name = __maxDepth, skip_typescript)]
pub fn js_max_depth() -> u32 {
    MAX_DEPTH as u32
}

/// Prepares `state` (the JSON text of `[state]`) under `id`, a number `js/prepared.js` gives and never
/// gives twice: `"onull"`, a refusal behind `"e"`, or `""` when the text is not for this path.
#[wasm_bindgen(js_name = __prepareJson, skip_typescript)]
pub fn js_prepare_json(id: f64, args: &str) -> String {
    tagged_answer(prepared::prepare_text(id as u64, args, false))
}

/// [`js_prepare_json`] with marked JSON text, for a state that is not plain JSON data.
#[wasm_bindgen(js_name = __prepareMarked, skip_typescript)]
pub fn js_prepare_marked(id: f64, args: &str) -> String {
    tagged_answer(prepared::prepare_text(id as u64, args, true))
}

/// A method of the prepared workspace `id` (its position in `prepared::METHODS`) with its arguments
/// as the JSON text of an array, answered as `__callJson` answers.
#[wasm_bindgen(js_name = __preparedCallJson, skip_typescript)]
pub fn js_prepared_call_json(id: f64, method: u32, args: &str) -> String {
    tagged_answer(prepared::call_text(id as u64, method as usize, args, false))
}

/// [`js_prepared_call_json`] with marked JSON text, for arguments that are not plain JSON data.
#[wasm_bindgen(js_name = __preparedCallMarked, skip_typescript)]
pub fn js_prepared_call_marked(id: f64, method: u32, args: &str) -> String {
    tagged_answer(prepared::call_text(id as u64, method as usize, args, true))
}

/// Drops the prepared workspace `id` (nothing for one not held).
#[wasm_bindgen(js_name = __preparedFree, skip_typescript)]
pub fn js_prepared_free(id: f64) {
    prepared::free(id as u64)
}

fn tagged(tag: char, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    out.push(tag);
    out.push_str(text);
    out
}

/// Takes two strings and does nothing: the cost of crossing the boundary with the arguments of `can`,
/// for the benchmarks. Bench builds only.
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = __benchEmpty, skip_typescript)]
pub fn bench_empty(a: &str, b: &str) -> bool {
    std::hint::black_box((a, b));
    true
}

#[cfg(test)]
mod tests {
    //! The boundary's own tests, run by wasm-bindgen-test in Node and in headless Chromium.
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn id(name: &str) -> u32 {
        api::EXPORTS.iter().position(|(n, _)| *n == name).unwrap() as u32
    }

    #[wasm_bindgen_test]
    fn answers_and_refusals_cross_behind_their_tags() {
        let can = id("can");
        assert_eq!(js_call_json(can, r#"["admin", "members.invite"]"#), "otrue");
        let refused = js_call_json(can, r#"["boss", "members.invite"]"#);
        assert!(
            refused.starts_with(r#"e{"code":"unknown_role","status":400,"#),
            "{refused}"
        );
        // An unpaired surrogate escape has no Rust string: not for this path.
        assert_eq!(js_call_json(can, r#"["\ud800", "members.invite"]"#), "");
        assert_eq!(js_call_json(u32::MAX, "[]"), "");
    }

    #[wasm_bindgen_test]
    fn marked_values_are_reported_at_their_path() {
        let validate = id("validateVoiceSettings");
        let answer = js_call_marked(validate, r#"[{"speed": "\u0000NaN", "tone": "calm"}]"#);
        assert_eq!(
            answer,
            r#"o{"ok":false,"errors":[{"code":"invalid_type","message":"speed must be a finite number, got NaN.","path":"/speed"}]}"#
        );
        // A caller's string that starts with U+0000 arrives with a second one in front.
        let merged = js_call_marked(
            id("mergeKeyterms"),
            r#"[["\u0000\u0000x", "\u0000undefined"]]"#,
        );
        assert!(merged.starts_with("e"), "{merged}");
        assert!(merged.contains(r#""path":"/0/1""#), "{merged}");
    }

    #[wasm_bindgen_test]
    fn the_table_and_the_limits_are_read_from_the_module() {
        let names: Vec<String> = serde_json::from_str(&js_export_names()).unwrap();
        assert_eq!(names.len(), api::EXPORTS.len());
        assert_eq!(js_max_items() as usize, MAX_ITEMS);
        assert_eq!(js_max_depth() as usize, MAX_DEPTH);
        assert_eq!(js_can_index(0, 0), 1);
        assert_eq!(js_can_index(99, 0), 2);
    }

    /// The state of a workspace `createWorkspace` made for its owner, as JSON text, and the owner's `ctx`.
    fn created_workspace() -> (String, &'static str) {
        let ctx = r#"{"actor_id": "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01", "actor_email": "ana@example.com",
            "now": "2026-11-22T10:00:00Z", "account_role": "owner",
            "ids": ["3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f"]}"#;
        let args =
            format!(r#"[{{"name": "Client A Support", "environment": "production"}}, {ctx}]"#);
        let created = js_call_json(id("createWorkspace"), &args);
        let v: serde_json::Value = serde_json::from_str(&created[1..]).unwrap();
        (v["state"].to_string(), ctx)
    }

    #[wasm_bindgen_test]
    fn apply_answers_plain_objects_in_wire_order() {
        let (state, ctx) = created_workspace();
        // The tests' serde_json keeps key order (`preserve_order`).
        let v: serde_json::Value = serde_json::from_str(&state).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "workspace",
                "members",
                "invitations",
                "settings",
                "voice_settings",
                "test_caller_numbers",
                "minutes",
                "credits"
            ]
        );
        let command = r#"{"type": "change_role", "user_id": "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01", "role": "admin"}"#;
        let args = format!("[{state}, {command}, {ctx}]");
        let refused = js_call_json(id("apply"), &args);
        assert!(
            refused.starts_with(r#"e{"code":"last_owner","#),
            "{refused}"
        );
        // The same refusal through marked JSON text.
        assert_eq!(js_call_marked(id("apply"), &args), refused);
    }

    /// A refused request is an answer, not a throw: a plain object, keys in order; a malformed
    /// request is the one thing that throws.
    #[wasm_bindgen_test]
    fn check_request_answers_decisions_and_throws_only_for_malformed_input() {
        let (state, _) = created_workspace();
        let context =
            format!(r#"{{"actor": null, "state": {state}, "now": "2026-11-22T10:00:00Z"}}"#);
        let request =
            r#"{"method": "GET", "path": "/v1/workspaces/3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f"}"#;
        let decision = js_call_json(id("checkRequest"), &format!("[{request}, {context}]"));
        assert_eq!(
            decision,
            r#"o{"allowed":false,"action":"workspace.view","status":401,"error":{"code":"unauthenticated","status":401,"message":"The request carries no credentials.","errors":[{"code":"unauthenticated","message":"The request carries no credentials.","path":"/context/actor"}]}}"#
        );
        let malformed = js_call_json(id("checkRequest"), &format!(r#"["GET /", {context}]"#));
        assert!(
            malformed.starts_with(r#"e{"code":"validation_failed","#),
            "{malformed}"
        );
    }

    /// v4 ids come from `crypto.getRandomValues` in both Node and the browser (uuid's `js` feature).
    #[wasm_bindgen_test]
    fn new_ids_are_random_v4_uuids() {
        let args = r#"[{"name": "Client A Support", "environment": "production"},
            {"actor_id": "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01", "actor_email": "ana@example.com",
             "now": "2026-11-22T10:00:00Z", "account_role": "owner"}]"#;
        let id_of = |answer: String| {
            let v: serde_json::Value = serde_json::from_str(&answer[1..]).unwrap();
            v["state"]["workspace"]["id"].as_str().unwrap().to_owned()
        };
        let a = id_of(js_call_json(id("createWorkspace"), args));
        let b = id_of(js_call_json(id("createWorkspace"), args));
        assert_ne!(a, b);
        for s in [&a, &b] {
            assert!(crate::base::validate::is_uuid(s), "{s}");
            assert_eq!(&s[14..15], "4", "version 4: {s}");
            assert!("89ab".contains(&s[19..20]), "RFC 4122 variant: {s}");
        }
    }
}
