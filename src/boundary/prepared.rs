//! The prepared workspaces the JavaScript package holds (`prepareWorkspace`), kept here by the id its
//! JavaScript layer gave each, with untyped arguments in and JSON text out as [`api`](super::api)'s
//! exports. A workspace stays until [`free`]; an id this table does not hold (freed, never given, or
//! lost when the module was reset after a trap) is refused with `prepared_workspace_freed` (410).
//!
//! The ids come from JavaScript, not from here: its counter survives a reset of the WebAssembly
//! instance, so an id given before a reset is never given again to another workspace.

use crate::base::error::{Code, RuleError};
use crate::base::json::{Json, Unsupported};
use crate::boundary::api::{self, text};
use crate::edge::prepared::PreparedWorkspace;
use std::cell::RefCell;

/// The methods of a prepared workspace, by their position (how the JavaScript layer names them).
pub const METHODS: &[&str] = &[
    "checkRequest",
    "authorize",
    "previewInvitation",
    "capabilities",
];

/// The names of each method's arguments, as the paths of its problems name them (see
/// [`api::PARAMS`]).
const METHOD_PARAMS: &[&[&str]] = &[
    &["/request", "/context"],
    &["/user_id", "/action", "/now"],
    &["/invitation_id", "/now"],
    &["/ctx"],
];

/// The workspaces by id, in increasing order of id (the JavaScript layer counts up, so a new one goes
/// last), found by binary search. A sorted list rather than a map: far less code in the module.
type Held = Vec<(u64, Box<PreparedWorkspace>)>;

thread_local! {
    static PREPARED: RefCell<Held> = const { RefCell::new(Vec::new()) };
}

fn position(all: &Held, id: u64) -> Result<usize, usize> {
    all.binary_search_by_key(&id, |(i, _)| *i)
}

/// `prepareWorkspace(state)`: keeps the workspace under `id` (replacing any it held), answers `null`.
pub fn prepare(id: u64, state: &Json) -> Result<String, RuleError> {
    let prepared = PreparedWorkspace::from_input(state)?;
    let prepared = Box::new(prepared);
    PREPARED.with_borrow_mut(|all| match position(all, id) {
        Ok(i) => all[i].1 = prepared,
        Err(i) => all.insert(i, (id, prepared)),
    });
    Ok("null".to_owned())
}

/// [`prepare`] with its arguments as the JSON text of an array (`marked`: marked JSON text, as
/// [`api::call_marked_at`](crate::boundary::api::call_marked_at) reads it); `None` for text that is
/// not one.
pub fn prepare_text(id: u64, args: &str, marked: bool) -> Option<Result<String, RuleError>> {
    let args = match api::read_args(args, marked, &["/state"])? {
        Ok(args) => args,
        Err(refused) => return Some(Err(refused)),
    };
    let missing = Json::Unsupported(Unsupported::Undefined);
    Some(prepare(id, args.first().unwrap_or(&missing)))
}

/// The method at `method` in [`METHODS`] of the workspace `id`, with its arguments.
pub fn call(id: u64, method: usize, args: &[Json]) -> Result<String, RuleError> {
    let arg = |i: usize| {
        args.get(i).unwrap_or(&Json::Unsupported(
            crate::base::json::Unsupported::Undefined,
        ))
    };
    PREPARED.with_borrow(|all| {
        let Some((_, w)) = position(all, id).ok().and_then(|i| all.get(i)) else {
            return Err(RuleError::single(
                Code::PreparedWorkspaceFreed,
                "",
                "This prepared workspace was freed (or lost when the module was reset after an internal error): prepare the state again.",
            ));
        };
        match method {
            0 => w.check_request_input(arg(0), arg(1)).map(|d| text(&d)),
            1 => w.authorize_input(arg(0), arg(1), arg(2)).map(|d| text(&d)),
            2 => w.preview_invitation_input(arg(0), arg(1)).map(|p| text(&p)),
            3 => w.capabilities_input(arg(0)).map(|c| text(&c)),
            _ => Err(RuleError::single(
                Code::InternalError,
                "",
                "A prepared workspace has no such method.",
            )),
        }
    })
}

/// [`call`] with its arguments as the JSON text of an array (`marked`: as [`prepare_text`] reads it);
/// `None` for text that is not one.
pub fn call_text(
    id: u64,
    method: usize,
    args: &str,
    marked: bool,
) -> Option<Result<String, RuleError>> {
    let params = METHOD_PARAMS.get(method).copied().unwrap_or(&[]);
    match api::read_args(args, marked, params)? {
        Ok(args) => Some(call(id, method, &args)),
        Err(refused) => Some(Err(refused)),
    }
}

/// Drops the workspace `id`; nothing for an id not held (freeing twice is harmless).
pub fn free(id: u64) {
    PREPARED.with_borrow_mut(|all| {
        if let Ok(i) = position(all, id) {
            all.remove(i);
        }
    });
}

/// How many prepared workspaces are held.
pub fn held() -> usize {
    PREPARED.with_borrow(Vec::len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_freed_or_unknown_id_is_refused_and_freeing_twice_is_harmless() {
        let err = call(7, 1, &[]).unwrap_err();
        assert_eq!(
            (err.code, err.status()),
            (Code::PreparedWorkspaceFreed, 410)
        );
        let err = prepare_text(7, "[null]", false).unwrap().unwrap_err();
        assert_eq!(err.code, Code::InvalidState);
        assert_eq!(held(), 0, "a refused state is not kept");
        assert_eq!(prepare_text(7, "not json", false), None);
        free(7);
        free(7);
        assert_eq!(held(), 0);
        // Ids in any order are kept apart, and freeing one leaves the others.
        let state = r#"[{"workspace": 1}]"#;
        assert!(prepare_text(1, state, false).unwrap().is_err());
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/requests.json"
        ))
        .unwrap();
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        let state = &file["cases"][0]["args"][1]["state"];
        let args = format!("[{state}]");
        for id in [5, 2, 9, 3] {
            assert_eq!(
                prepare_text(id, &args, false).unwrap(),
                Ok("null".to_owned())
            );
        }
        assert_eq!(held(), 4);
        free(2);
        let view = r#"["5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01", "workspace.view"]"#;
        for id in [5, 9, 3] {
            assert!(call_text(id, 1, view, false).unwrap().is_ok(), "{id}");
        }
        let err = call_text(2, 1, view, false).unwrap().unwrap_err();
        assert_eq!(err.code, Code::PreparedWorkspaceFreed);
        for id in [5, 9, 3] {
            free(id);
        }
        assert_eq!(held(), 0);
    }
}
