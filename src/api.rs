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

/// Calls the rule exported as `name` with `args` (a missing argument is `undefined`, as in JavaScript)
/// and writes its answer as JSON text. `None` for a name the package does not export.
pub fn call(name: &str, args: &[Json]) -> Option<Result<String, RuleError>> {
    let undefined = Json::Unsupported(Unsupported::Undefined);
    let arg = |i: usize| args.get(i).unwrap_or(&undefined);
    let answer = match name {
        "roles" => Ok(text(roles::roles())),
        "actions" => Ok(text(roles::actions())),
        "permissionMatrix" => Ok(text(&roles::permission_matrix())),
        "can" => roles::can_input(arg(0), arg(1)).map(|b| text(&b)),
        "slugify" => slug::slugify_input(arg(0), arg(1)).map(|s| text(&s)),
        "normalizeTestCallerNumbers" => test_numbers::normalize_input(arg(0)).map(|n| text(&n)),
        "callCost" => minutes::call_cost_input(arg(0), arg(1)).map(|c| text(&c)),
        "createWorkspace" => commands::create_workspace_input(arg(0), arg(1)).map(|a| text(&a)),
        "apply" => commands::apply_input(arg(0), arg(1), arg(2)).map(|a| text(&a)),
        "invitationStatus" => {
            invitations::invitation_status_input(arg(0), arg(1)).map(|s| text(&s))
        }
        "previewInvitation" => {
            invitations::preview_invitation_input(arg(0), arg(1), arg(2)).map(|p| text(&p))
        }
        "validateVoiceSettings" => Ok(text(&voice::validate_voice_settings(arg(0)))),
        "updateVoiceSettings" => {
            voice::update::update_voice_settings_input(arg(0), arg(1)).map(|u| text(&u))
        }
        "effectiveVoiceSettings" => {
            voice::layers::effective_voice_settings_input(arg(0)).map(|e| text(&e))
        }
        "mergeKeyterms" => keyterms::merge_input(args).map(|r| text(&r)),
        "checkRequest" => requests::check_request_input(arg(0), arg(1)).map(|d| text(&d)),
        "authorize" => requests::authorize_input(arg(0), arg(1), arg(2)).map(|d| text(&d)),
        "confirmDelete" => {
            lifecycle::confirm_delete_input(arg(0), arg(1), arg(2)).map(|b| text(&b))
        }
        "switchWorkspace" => workspaces::switch_workspace_input(arg(0), arg(1)).map(|w| text(&w)),
        "listWorkspaces" => workspaces::list_workspaces_input(arg(0)).map(|w| text(&w)),
        "resolveTone" => tone::resolve_tone_input(arg(0)).map(|r| text(&r)),
        _ => return None,
    };
    Some(answer)
}

/// [`call`] with the arguments as the JSON text of an array (`[state, command, ctx]`). `None` for an
/// unknown name, or for text that is not a JSON array (including strings with unpaired surrogate
/// escapes, which have no Rust `String`).
pub fn call_text(name: &str, args: &str) -> Option<Result<String, RuleError>> {
    let args: Vec<Json> = serde_json::from_str(args).ok()?;
    call(name, &args)
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
