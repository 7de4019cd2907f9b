//! Every rule by its JavaScript name, with untyped arguments in and JSON text out: the one dispatch
//! from an export's name to the crate's Rust API.
//!
//! Three callers share it, so a rule is wired once: the WebAssembly boundary's JSON-text path (the fast
//! way plain objects cross into WebAssembly, see `src/wasm.rs`), the native runner of the shared test
//! vectors, and native backends that want the package's exact answers from JSON text
//! ([`call_text`]): the same bytes a JavaScript caller would get from `JSON.stringify` of the answer.
//!
//! ```
//! use workspace_rules::{api, Code};
//!
//! let allowed = api::call_text("can", r#"["admin", "members.invite"]"#);
//! assert_eq!(allowed.unwrap().unwrap(), "true");
//! let refused = api::call_text("can", r#"["boss", "members.invite"]"#).unwrap().unwrap_err();
//! assert_eq!((refused.code, refused.status()), (Code::UnknownRole, 400));
//! assert!(api::call_text("nope", "[]").is_none());
//! ```

use crate::error::RuleError;
use crate::json::{Json, Unsupported};
use crate::{
    commands, invitations, keyterms, lifecycle, minutes, requests, roles, slug, test_numbers, tone,
    voice, workspaces,
};
use serde::Serialize;

/// One export: its arguments in, its answer as JSON text out.
type Export = fn(&[Json]) -> Result<String, RuleError>;

/// Every export of the package by its JavaScript name, in the order of the README.
///
/// A table of functions rather than one `match`: each export stays a function of its own instead of
/// being inlined into one large dispatch function, so a JavaScript engine that compiles WebAssembly
/// lazily (V8 does, function by function) compiles only the export being called on its first call:
/// measured, the first `roles()` after loading took 3.9 ms with one inlined function, 0.8 ms with
/// this table.
pub const EXPORTS: &[(&str, Export)] = &[
    ("roles", |_| Ok(text(roles::roles()))),
    ("actions", |_| Ok(text(roles::actions()))),
    ("permissionMatrix", |_| {
        Ok(text(&roles::permission_matrix()))
    }),
    ("can", |a| {
        roles::can_input(arg(a, 0), arg(a, 1)).map(|b| text(&b))
    }),
    ("slugify", |a| {
        slug::slugify_input(arg(a, 0), arg(a, 1)).map(|s| text(&s))
    }),
    ("normalizeTestCallerNumbers", |a| {
        test_numbers::normalize_input(arg(a, 0)).map(|n| text(&n))
    }),
    ("callCost", |a| {
        minutes::call_cost_input(arg(a, 0), arg(a, 1)).map(|c| text(&c))
    }),
    ("createWorkspace", |a| {
        commands::create_workspace_input(arg(a, 0), arg(a, 1)).map(applied_text)
    }),
    ("apply", |a| {
        commands::apply_input(arg(a, 0), arg(a, 1), arg(a, 2)).map(applied_text)
    }),
    ("invitationStatus", |a| {
        invitations::invitation_status_input(arg(a, 0), arg(a, 1)).map(|s| text(&s))
    }),
    ("previewInvitation", |a| {
        invitations::preview_invitation_input(arg(a, 0), arg(a, 1), arg(a, 2)).map(|p| text(&p))
    }),
    ("validateVoiceSettings", |a| {
        Ok(text(&voice::validate_voice_settings(arg(a, 0))))
    }),
    ("updateVoiceSettings", |a| {
        voice::update::update_voice_settings_input(arg(a, 0), arg(a, 1)).map(|u| text(&u))
    }),
    ("effectiveVoiceSettings", |a| {
        voice::layers::effective_voice_settings_input(arg(a, 0)).map(|e| text(&e))
    }),
    ("mergeKeyterms", |a| {
        keyterms::merge_input(a).map(|r| text(&r))
    }),
    // Not public: `mergeKeyterms` as the JavaScript package asks for it (see `merge_by_position_text`).
    ("__mergeKeytermsByPosition", merge_by_position_text),
    ("checkRequest", |a| {
        requests::check_request_input(arg(a, 0), arg(a, 1)).map(|d| text(&d))
    }),
    ("authorize", |a| {
        requests::authorize_input(arg(a, 0), arg(a, 1), arg(a, 2)).map(|d| text(&d))
    }),
    ("confirmDelete", |a| {
        lifecycle::confirm_delete_input(arg(a, 0), arg(a, 1), arg(a, 2)).map(|b| text(&b))
    }),
    ("switchWorkspace", |a| {
        workspaces::switch_workspace_input(arg(a, 0), arg(a, 1)).map(|w| text(&w))
    }),
    ("listWorkspaces", |a| {
        workspaces::list_workspaces_input(arg(a, 0)).map(|w| text(&w))
    }),
    ("resolveTone", |a| {
        tone::resolve_tone_input(arg(a, 0)).map(|r| text(&r))
    }),
];

/// `mergeKeyterms(...lists)` by position, as JSON text: `[kept, dropped]`. `kept` has one item per
/// kept term: its position in the lists laid end to end when it is kept exactly as given, else its
/// normalized text; `dropped` has three items per drop: the position, the reason, and the index in
/// `kept` of the term it duplicates (-1 for other reasons). Refusals are `mergeKeyterms`'s own.
///
/// Why: the caller that sent the lists already holds every term, so the answer need not carry them
/// back. For 2 × 200 terms the full answer is 15 KB of strings to copy out and `JSON.parse`; this one is
/// mostly numbers (BENCHMARKS.md, "Keyterms by position"). `rules.js` rebuilds `{ keyterms, dropped }`
/// from it with the strings it sent; both paths are compared on every shared vector.
///
/// ```
/// use workspace_rules::api;
///
/// let answer = api::call_text("__mergeKeytermsByPosition", r#"[["Café", " b "], ["CAFÉ"]]"#);
/// assert_eq!(answer.unwrap().unwrap(), r#"[[0,"b"],[2,"duplicate",0]]"#);
/// ```
pub fn merge_by_position_text(lists: &[Json]) -> Result<String, RuleError> {
    keyterms::read_lists(lists).map(|lists| positions_text(&lists))
}

/// [`merge_by_position_text`] from the JSON text of the lists. Lists of strings without escapes (the
/// common case) are read straight into slices of the text: no tree of values, no string copied (a
/// fifth of the call for 2 × 200 terms). Anything else, including every refusal, is read as usual.
fn merge_by_position_from_text(args: &str) -> Option<Result<String, RuleError>> {
    if let Ok(lists) = serde_json::from_str::<Vec<Vec<&str>>>(args) {
        let total: usize = lists.iter().map(Vec::len).sum();
        if total <= crate::json::MAX_ITEMS && lists.len() <= crate::json::MAX_ITEMS {
            return Some(Ok(positions_text(&lists)));
        }
    }
    let args: Vec<Json> = serde_json::from_str(args).ok()?;
    Some(merge_by_position_text(&args))
}

/// The text of [`merge_by_position_text`] for lists of strings.
fn positions_text<S: AsRef<str>>(lists: &[Vec<S>]) -> String {
    use std::fmt::Write;
    let (kept, dropped) = keyterms::merge_positions(lists);
    let flat: Vec<&str> = lists.iter().flatten().map(AsRef::as_ref).collect();
    let mut out = String::with_capacity(8 * kept.len() + 24 * dropped.len() + 8);
    out.push_str("[[");
    for (i, (term, position)) in kept.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match flat.get(*position) {
            Some(given) if given == term => write!(out, "{position}").unwrap_or_default(),
            _ => out.push_str(&text(term.as_str())),
        }
    }
    out.push_str("],[");
    for (i, d) in dropped.iter().enumerate() {
        let duplicate_of = d.duplicate_of.map_or(-1, |k| k as i64);
        let comma = if i > 0 { "," } else { "" };
        write!(
            out,
            "{comma}{},\"{}\",{duplicate_of}",
            d.position,
            d.reason.as_str()
        )
        .unwrap_or_default();
    }
    out.push_str("]]");
    out
}

/// Argument `i`; a missing one is `undefined`, as in JavaScript.
fn arg(args: &[Json], i: usize) -> &Json {
    const UNDEFINED: Json = Json::Unsupported(Unsupported::Undefined);
    args.get(i).unwrap_or(&UNDEFINED)
}

/// Calls the rule exported as `name` with `args` (a missing argument is `undefined`, as in JavaScript)
/// and writes its answer as JSON text. `None` for a name the package does not export.
pub fn call(name: &str, args: &[Json]) -> Option<Result<String, RuleError>> {
    let (_, export) = EXPORTS.iter().find(|(n, _)| *n == name)?;
    Some(export(args))
}

/// [`call`] with the arguments as the JSON text of an array (`[state, command, ctx]`). `None` for an
/// unknown name, or for text that is not a JSON array (including strings with unpaired surrogate
/// escapes, which have no Rust `String`).
pub fn call_text(name: &str, args: &str) -> Option<Result<String, RuleError>> {
    call_text_at(EXPORTS.iter().position(|(n, _)| *n == name)?, args)
}

/// [`call_text`] for the export at `position` in [`EXPORTS`] (how the WebAssembly boundary names it:
/// a number crosses for free, a name would be copied in). `None` past the end of the table.
pub fn call_text_at(position: usize, args: &str) -> Option<Result<String, RuleError>> {
    let (name, export) = EXPORTS.get(position)?;
    match *name {
        "apply" => return apply_text(args),
        "__mergeKeytermsByPosition" => return merge_by_position_from_text(args),
        _ => {}
    }
    let args: Vec<Json> = serde_json::from_str(args).ok()?;
    Some(export(&args))
}

/// The state of the last `createWorkspace` or `apply` answer (on this thread), with its JSON text.
///
/// Why: a caller applying commands one after another passes each answer's state back as it got it,
/// and reading a state (parsing it, checking every member, invitation and setting) is most of an
/// `apply` on a large workspace. When `apply` receives *exactly* this text as its state, the state is
/// taken from here instead: no parse, no read, no check. Any other text (a state edited, re-ordered,
/// or written differently) is read as usual, so the answer is the same either way; debug builds (the
/// tests) read it anyway and compare. It holds one state, replaced by every answer.
struct LastState {
    text: String,
    state: crate::state::WorkspaceState,
}

thread_local! {
    static LAST_STATE: std::cell::RefCell<Option<LastState>> = const { std::cell::RefCell::new(None) };
}

/// `apply` from the JSON text of its arguments, with the state from [`LastState`] when it is the
/// same text.
fn apply_text(args: &str) -> Option<Result<String, RuleError>> {
    let raw: Vec<&serde_json::value::RawValue> = serde_json::from_str(args).ok()?;
    let json = |i: usize| -> Option<Json> {
        raw.get(i)
            .map_or(Some(Json::Unsupported(Unsupported::Undefined)), |r| {
                serde_json::from_str(r.get()).ok()
            })
    };
    let (command, ctx) = (json(1)?, json(2)?);
    // Extra arguments are ignored, but must read like the rest (as in `call_text_at`).
    for i in 3..raw.len() {
        json(i)?;
    }
    let cached = raw.first().and_then(|state| {
        LAST_STATE.with_borrow_mut(|last| last.take_if(|l| l.text == state.get()))
    });
    let applied = match cached {
        Some(LastState { text, state }) => {
            debug_assert_eq!(
                serde_json::from_str::<Json>(&text)
                    .ok()
                    .map(|j| crate::state::state_input(&j, "/state")),
                Some(Ok(state.clone())),
                "a state the package answered with reads back as itself"
            );
            commands::apply_input_to(state, &command, &ctx)
        }
        None => commands::apply_input(&json(0)?, &command, &ctx),
    };
    Some(applied.map(applied_text))
}

/// The JSON text of a `createWorkspace` or `apply` answer; keeps its state as [`LastState`].
fn applied_text(applied: commands::Applied) -> String {
    let state = text(&applied.state);
    let mut out = String::with_capacity(state.len() + 512);
    out.push_str("{\"state\":");
    out.push_str(&state);
    out.push_str(",\"events\":");
    out.push_str(&text(&applied.events));
    if let Some(call) = &applied.call {
        out.push_str(",\"call\":");
        out.push_str(&text(call));
    }
    out.push('}');
    debug_assert_eq!(out, text(&applied), "the answer as serde writes it");
    LAST_STATE.set(Some(LastState {
        text: state,
        state: applied.state,
    }));
    out
}

/// The JSON text of an answer. The crate's answers are plain data (strings, finite numbers, lists,
/// maps with string keys), which always serialize; should one ever fail, the text is `null`.
pub fn text<T: Serialize + ?Sized>(value: &T) -> String {
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

    const CTX: &str = r#"{"actor_id":"5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01","actor_email":"ana@example.com","now":"2026-11-22T10:00:00.000Z","account_role":"owner","ids":["3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f","9b1c2d3e-4f50-4a61-8b72-c3d4e5f60001"]}"#;

    fn last_text() -> Option<String> {
        LAST_STATE.with_borrow(|l| l.as_ref().map(|l| l.text.clone()))
    }

    /// The state of an answer, as `JSON.stringify` of the parsed answer's `state` writes it.
    fn state_of(answer: &str) -> String {
        let value: serde_json::Value = serde_json::from_str(answer).unwrap();
        value["state"].to_string()
    }

    /// Every answer through the last state is the answer without it, byte for byte, refusals too.
    #[test]
    fn apply_answers_alike_with_and_without_the_last_state() {
        let new = r#"{"name":"Client A","environment":"production"}"#;
        let created = call_text("createWorkspace", &format!("[{new},{CTX}]"))
            .unwrap()
            .unwrap();
        let state = state_of(&created);
        assert!(created.starts_with(&format!("{{\"state\":{state},")));
        let commands = [
            r#"{"type":"invite_member","email":"b@example.com","role":"admin"}"#,
            r#"{"type":"archive","slug":"wrong"}"#,
            r#"{"type":"update_workspace","name":"Client B"}"#,
        ];
        for command in commands {
            let args = format!("[{state},{command},{CTX}]");
            assert_eq!(last_text().as_deref(), Some(state.as_str()), "a hit");
            let hit = call_text("apply", &args).unwrap();
            assert_ne!(last_text().as_deref(), Some(state.as_str()), "taken");
            let miss = call_text("apply", &args).unwrap();
            let untyped: Vec<Json> = serde_json::from_str(&args).unwrap();
            assert_eq!(hit, miss, "{command}");
            assert_eq!(call("apply", &untyped), Some(hit), "{command}");
            // The next command starts from a fresh answer for this state, so it hits again.
            let _ = call_text("createWorkspace", &format!("[{new},{CTX}]"));
        }
    }

    /// A state written differently (spacing, key order) is read as usual, with the same answer.
    #[test]
    fn another_text_of_the_same_state_is_read() {
        let created = call_text(
            "createWorkspace",
            &format!(r#"[{{"name":"Client A","environment":"production"}},{CTX}]"#),
        )
        .unwrap()
        .unwrap();
        let state = state_of(&created);
        let spaced = state.replacen(':', ": ", 1);
        let command = r#"{"type":"invite_member","email":"b@example.com","role":"member"}"#;
        let miss = call_text("apply", &format!("[{spaced},{command},{CTX}]")).unwrap();
        let _ = call_text(
            "createWorkspace",
            &format!(r#"[{{"name":"Client A","environment":"production"}},{CTX}]"#),
        );
        let hit = call_text("apply", &format!("[{state},{command},{CTX}]")).unwrap();
        assert_eq!(hit, miss);
        assert!(
            call_text("apply", "[{}, 1").is_none(),
            "not JSON: the value path decides"
        );
    }
}
