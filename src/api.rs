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
        commands::create_workspace_input(arg(a, 0), arg(a, 1)).map(|r| text(&r))
    }),
    ("apply", |a| {
        commands::apply_input(arg(a, 0), arg(a, 1), arg(a, 2)).map(|r| text(&r))
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
    use std::fmt::Write;
    let lists = keyterms::read_lists(lists)?;
    let (kept, dropped) = keyterms::merge_positions(&lists);
    let flat: Vec<&str> = lists.iter().flatten().copied().collect();
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
    Ok(out)
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
    let (_, export) = EXPORTS.get(position)?;
    let args: Vec<Json> = serde_json::from_str(args).ok()?;
    Some(export(&args))
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
