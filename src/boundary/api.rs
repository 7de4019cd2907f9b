//! Every rule by its JavaScript name, with untyped arguments in and JSON text out: the one dispatch
//! from an export's name to the crate's Rust API.
//!
//! Three callers share it, so a rule is wired once: the WebAssembly boundary (JSON text for plain data,
//! marked JSON text for anything else, see `src/boundary/wasm.rs`), the native runner of the shared test
//! vectors, and native backends that want the package's exact answers from JSON text
//! ([`call_text`]): the same bytes a JavaScript caller would get from `JSON.stringify` of the answer.
//! An export of the package is an entry here and a function of `js/rules.js` (with its declaration in
//! `js/index.d.ts`); the build stops when the two lists differ.
//!
//! ```
//! use workspace_rules::{boundary::api, Code};
//!
//! let allowed = api::call_text("can", r#"["admin", "members.invite"]"#);
//! assert_eq!(allowed.unwrap().unwrap(), "true");
//! let refused = api::call_text("can", r#"["boss", "members.invite"]"#).unwrap().unwrap_err();
//! assert_eq!((refused.code, refused.status()), (Code::UnknownRole, 400));
//! assert!(api::call_text("nope", "[]").is_none());
//! ```

use crate::base::error::RuleError;
pub use crate::base::json::text;
use crate::base::json::{Json, Unsupported};
use crate::base::json_text::{self, ReadError};
use crate::base::validate::Problems;
use crate::voice::fields::Field;
use crate::{
    edge::requests, edge::switching, text::slug, voice, voice::keyterms, voice::tone,
    workspace::commands, workspace::credit_commands, workspace::invitations, workspace::lifecycle,
    workspace::minutes, workspace::roles, workspace::test_numbers,
};

/// One export: its arguments in, its answer as JSON text out.
type Export = fn(&[Json]) -> Result<String, RuleError>;

/// Every export of the package by its JavaScript name (`docs/guides/javascript.md#the-exports` lists them by area).
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
    ("creditStatus", |a| {
        credit_commands::credit_status_input(arg(a, 0), arg(a, 1)).map(|c| text(&c))
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
    ("validateCommandFields", |a| {
        Ok(text(&commands::validate_fields_input(arg(a, 0), arg(a, 1))))
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
    ("checkRequest", |a| {
        requests::check_request_input(arg(a, 0), arg(a, 1)).map(|d| text(&d))
    }),
    ("authorize", |a| {
        requests::authorize_input(arg(a, 0), arg(a, 1), arg(a, 2), arg(a, 3)).map(|d| text(&d))
    }),
    ("capabilities", |a| {
        crate::workspace::capabilities::capabilities_input(arg(a, 0), arg(a, 1)).map(|c| text(&c))
    }),
    ("confirmDelete", |a| {
        lifecycle::confirm_delete_input(arg(a, 0), arg(a, 1), arg(a, 2)).map(|b| text(&b))
    }),
    ("switchWorkspace", |a| {
        switching::switch_workspace_input(arg(a, 0), arg(a, 1)).map(|w| text(&w))
    }),
    ("listWorkspaces", |a| {
        switching::list_workspaces_input(arg(a, 0)).map(|w| text(&w))
    }),
    ("resolveTone", |a| {
        tone::resolve_tone_input(arg(a, 0)).map(|r| text(&r))
    }),
    ("catalog", |_| Ok(super::catalog::catalog_text())),
];

/// `mergeKeyterms(...lists)` for lists of strings as the JavaScript package sends them: every term
/// laid end to end in `joined`, and `lengths` the length of each in UTF-16 code units (JavaScript's
/// `length`). `None` when the lengths do not cut `joined` into whole characters, or there are more
/// than [`MAX_ITEMS`](crate::base::json::MAX_ITEMS) terms: then `js/rules.js` asks the marked path.
///
/// The answer is a string read as UTF-16 code units, each a number (`charCodeAt`; every number here
/// is below 10,002, so each is one code unit and none is a surrogate):
/// - the count of kept terms;
/// - per kept term: its position + 1 when it is kept exactly as given, else `0`, the length `L` of
///   its normalized text in code units, and that text (`L` units);
/// - per dropped term, three units: its position, its reason (the index in
///   [`DropReason::NAMES`](keyterms::DropReason::NAMES)), and the index + 1 in the kept list of the
///   term it duplicates (`0` for other reasons).
///
/// Why: the caller already holds every term, so neither the lists nor the answer need JSON. For
/// 2 × 200 terms `JSON.stringify` of the lists, `JSON.parse` of a by-position answer and writing
/// its numbers were a third of the call (BENCHMARKS.md, "`mergeKeyterms` without JSON"). `rules.js`
/// rebuilds `{ keyterms, dropped }` with the very strings it sent; every shared vector runs both this
/// and the marked path, and a property test spells the answer out against [`keyterms::merge`].
///
/// ```
/// use workspace_rules::boundary::api;
///
/// // "Café", " b " and "CAFÉ": the second is kept normalized, the third duplicates the first.
/// let answer = api::merge_joined("Café b CAFÉ", &[4, 3, 4]).unwrap();
/// let units: Vec<u16> = answer.encode_utf16().collect();
/// assert_eq!(units, [2, 1, 0, 1, u16::from(b'b'), 2, 2, 1]);
/// ```
pub fn merge_joined(joined: &str, lengths: &[u32]) -> Option<String> {
    if lengths.len() > crate::base::json::MAX_ITEMS {
        return None;
    }
    let terms = split_utf16(joined, lengths)?;
    let (kept, dropped) = keyterms::merge_positions(std::slice::from_ref(&terms));
    let mut out = String::with_capacity(2 * kept.len() + 3 * dropped.len() + 1);
    push_unit(&mut out, kept.len());
    for (term, position) in &kept {
        match term {
            // Borrowed: the term exactly as given.
            std::borrow::Cow::Borrowed(_) => push_unit(&mut out, position + 1),
            std::borrow::Cow::Owned(normalized) => {
                push_unit(&mut out, 0);
                push_unit(&mut out, normalized.encode_utf16().count());
                out.push_str(normalized);
            }
        }
    }
    for d in &dropped {
        push_unit(&mut out, d.position);
        push_unit(&mut out, d.reason as usize);
        push_unit(&mut out, d.duplicate_of.map_or(0, |k| k + 1));
    }
    Some(out)
}

/// `updateVoiceSettings(current, patch)` from the JSON text of its arguments (as `__callJson` takes
/// them), answered in a compact form that names the values the caller already holds instead of
/// writing them out. `None` when the text is not a JSON array (then `js/rules.js` asks the marked
/// path); a refusal is the same [`RuleError`] as on every other path.
///
/// The answer is a string read as UTF-16 code units (`charCodeAt`; every number here is below 14):
/// - the count of fields set in `settings`, then per field, in table order: its index in
///   [`Field::ALL`] and where its value is: `0` exactly as in the patch (`patch[name]`), `1` exactly
///   as in `current`, `2` the next item of the literals below;
/// - the count of `changed` fields, then their indexes;
/// - if any value is a literal: the JSON text of the list of literals (values that validation
///   changed: a language tag put in canonical case, keyterms normalized or de-duplicated).
///
/// Why: most values of an update are stored exactly as they were given, and the caller holds them.
/// Writing them out as JSON and `JSON.parse` building them again was a third of the call
/// (BENCHMARKS.md, "`updateVoiceSettings` by reference"). `rules.js` reads the arguments once into a
/// copy (so a getter cannot answer differently the second time), sends the copy's JSON text, and
/// builds `{ settings, changed }` from the copy. Every shared vector, a property test and a fuzz
/// target spell this answer out (`tests/support/compact.rs`) and compare it with [`call_text`]'s.
///
/// ```
/// use workspace_rules::boundary::api;
///
/// // `tone` as given in the patch, `speed` as stored, `language` put in canonical case.
/// let args = r#"[{"speed":1.5},{"tone":"calm","language":"en-us"}]"#;
/// let answer = api::update_compact(args).unwrap().unwrap();
/// let units: Vec<u16> = answer.encode_utf16().take(10).collect();
/// // Three fields: tone (1) from the patch, speed (2) as stored, language (4) the first literal;
/// // two changed: tone and language.
/// assert_eq!(units, [3, 1, 0, 2, 1, 4, 2, 2, 1, 4]);
/// assert_eq!(&answer[10..], r#"["en-US"]"#);
/// ```
pub fn update_compact(args: &str) -> Option<Result<String, RuleError>> {
    let raw = json_text::list_items(args).ok()?;
    let json = |i: usize| item(&raw, i, "updateVoiceSettings");
    let patch = match json(1)? {
        Ok(patch) => patch,
        Err(refused) => return Some(Err(refused)),
    };
    // Extra arguments are ignored, but must read like the rest (as in `call_text_at`).
    for i in 2..raw.len() {
        if let Err(refused) = json(i)? {
            return Some(Err(refused));
        }
    }
    let stored_text = raw.first().copied().unwrap_or("");
    let (stored, update) = match LAST_STORED
        .with_borrow_mut(|last| last.take_if(|l| !stored_text.is_empty() && l.text == stored_text))
    {
        Some(last) => {
            debug_assert_eq!(
                voice::update::read_stored(&last.json, &mut Problems::new()).as_ref(),
                Some(&last.settings),
                "a stored object kept reads back as itself"
            );
            let update =
                voice::update::update_read(Some(last.settings.clone()), &patch, Problems::new());
            (last, update)
        }
        None => {
            let current = match json(0)? {
                Ok(current) => current,
                Err(refused) => return Some(Err(refused)),
            };
            let mut problems = Problems::new();
            let settings = voice::update::read_stored(&current, &mut problems);
            let update = voice::update::update_read(settings.clone(), &patch, problems);
            match settings {
                Some(settings) => (
                    LastStored {
                        text: stored_text.to_owned(),
                        json: current,
                        settings,
                    },
                    update,
                ),
                None => return Some(update.map(|u| compact(&u, &current, &patch))),
            }
        }
    };
    let answer = update.map(|update| compact(&update, &stored.json, &patch));
    LAST_STORED.set(Some(stored));
    Some(answer)
}

/// The stored object of the last `updateVoiceSettings` through [`update_compact`] (on this thread),
/// with its JSON text, as read and checked.
///
/// Why: a form saves patch after patch against the same stored object (it came from the server), and
/// reading that object (its keyterms normalized and case-folded) was most of a small update
/// (BENCHMARKS.md, "Saving a form"). When the next call sends *exactly* this text as its stored object,
/// the object is taken from here: no parse, no check. Any other text (an edited object, keys in another
/// order) is read in full as usual, so every answer is the same either way; debug builds (the tests)
/// read it anyway and compare. An object with problems is never kept.
struct LastStored {
    text: String,
    json: Json,
    settings: voice::VoiceSettings,
}

thread_local! {
    static LAST_STORED: std::cell::RefCell<Option<LastStored>> = const { std::cell::RefCell::new(None) };
}

/// The compact answer of [`update_compact`] for an accepted update of `current` by `patch`.
fn compact(update: &voice::Update, current: &Json, patch: &Json) -> String {
    let mut out = String::with_capacity(32);
    let mut literals = Vec::new();
    let set = || (Field::ALL.iter()).filter_map(|&f| Some((f, update.settings.value(f)?)));
    push_unit(&mut out, set().count());
    for (field, value) in set() {
        // `Field` counts from 0 in table order.
        push_unit(&mut out, field as usize);
        let given = |source: &Json| source.get(field.as_str()).is_some_and(|j| value.is(j));
        push_unit(
            &mut out,
            if given(patch) {
                0
            } else if given(current) {
                1
            } else {
                literals.push(value);
                2
            },
        );
    }
    push_unit(&mut out, update.changed.len());
    for field in &update.changed {
        push_unit(&mut out, *field as usize);
    }
    if !literals.is_empty() {
        out.push_str(&text(&literals));
    }
    out
}

/// A number below 0xD800 as one UTF-16 code unit (see [`merge_joined`]).
#[inline]
fn push_unit(out: &mut String, n: usize) {
    debug_assert!(n < 0xD800, "{n} is not one code unit");
    out.push(
        u32::try_from(n)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}'),
    );
}

/// `joined` cut into terms of `lengths` UTF-16 code units each, or `None` unless the lengths cut it
/// into whole characters and add up to all of it.
fn split_utf16<'a>(joined: &'a str, lengths: &[u32]) -> Option<Vec<&'a str>> {
    let bytes = joined.as_bytes();
    let mut terms = Vec::with_capacity(lengths.len());
    let mut start: usize = 0;
    for &units in lengths {
        let units = usize::try_from(units).ok()?;
        let end = match bytes.get(start..start.checked_add(units)?) {
            // ASCII: a byte is a code unit.
            Some(run) if run.is_ascii() => start + units,
            _ => {
                let (mut end, mut left) = (start, units);
                while left > 0 {
                    // `end` is on a character boundary: this is a lead byte.
                    let (width, count) = match *bytes.get(end)? {
                        0..0x80 => (1, 1),
                        0x80..0xE0 => (2, 1),
                        0xE0..0xF0 => (3, 1),
                        _ => (4, 2),
                    };
                    // A character of two units cannot be cut between two terms.
                    left = left.checked_sub(count)?;
                    end += width;
                }
                end
            }
        };
        terms.push(joined.get(start..end)?);
        start = end;
    }
    (start == bytes.len()).then_some(terms)
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
    if *name == "apply" {
        return apply_text(args);
    }
    match read_args(args, false, params(name))? {
        Ok(args) => Some(export(&args)),
        Err(refused) => Some(Err(refused)),
    }
}

/// [`call_text_at`] for marked JSON text ([`read_marked`](json_text::read_marked)): the arguments
/// JSON cannot carry are marked, as the JavaScript package sends arguments that are not plain data.
pub fn call_marked_at(position: usize, args: &str) -> Option<Result<String, RuleError>> {
    let (name, export) = EXPORTS.get(position)?;
    match read_args(args, true, params(name))? {
        Ok(args) => Some(export(&args)),
        Err(refused) => Some(Err(refused)),
    }
}

/// The names of each export's arguments, as the paths of its problems name them (an export of one
/// argument reports problems from its root, `""`); an argument past its list is named by its
/// position (`/2`), as `mergeKeyterms` names its lists.
pub const PARAMS: &[(&str, &[&str])] = &[
    ("can", &["/role", "/action"]),
    ("slugify", &["/name", "/taken"]),
    ("normalizeTestCallerNumbers", &[""]),
    ("callCost", &["/allocation", "/duration_seconds"]),
    ("creditStatus", &["/state", "/now"]),
    ("createWorkspace", &["/input", "/ctx"]),
    ("apply", &["/state", "/command", "/ctx"]),
    ("invitationStatus", &["/invitation", "/now"]),
    ("previewInvitation", &["/state", "/invitation_id", "/now"]),
    ("validateVoiceSettings", &[""]),
    ("validateCommandFields", &["/type", "/fields"]),
    ("updateVoiceSettings", &["/current", "/patch"]),
    ("effectiveVoiceSettings", &[""]),
    ("checkRequest", &["/request", "/context"]),
    ("authorize", &["/state", "/user_id", "/action", "/now"]),
    ("capabilities", &["/state", "/ctx"]),
    ("confirmDelete", &["/state", "/confirmation", "/ctx"]),
    ("switchWorkspace", &["/memberships", "/workspace_id"]),
    ("listWorkspaces", &["/memberships"]),
    ("resolveTone", &[""]),
];

/// The argument names of the export `name` ([`PARAMS`]; none for an export without arguments).
pub fn params(name: &str) -> &'static [&'static str] {
    PARAMS
        .iter()
        .find_map(|(n, p)| (*n == name).then_some(*p))
        .unwrap_or(&[])
}

/// The arguments of a call from the JSON text of their list (`marked`: marked JSON text), named
/// `params`. `None` when the text is not a JSON array for this path (not JSON, or a lone surrogate
/// escaped: the JavaScript package then sends marked text); a key given twice is refused at its path
/// under its argument's name.
pub fn read_args(
    args: &str,
    marked: bool,
    params: &[&str],
) -> Option<Result<Vec<Json>, RuleError>> {
    match json_text::read_list(args, marked) {
        Ok(args) => Some(Ok(args)),
        Err(ReadError::DuplicateKey { path }) => {
            // `/<position>/<the key's path in that argument>`
            let rest = path.get(1..).unwrap_or("");
            let (position, key) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            let name = position
                .parse::<usize>()
                .ok()
                .and_then(|i| params.get(i))
                .map_or_else(|| format!("/{position}"), |n| (*n).to_owned());
            Some(Err(
                ReadError::DuplicateKey { path: key.into() }.into_rule_error(&name)
            ))
        }
        Err(_) => None,
    }
}

/// Item `i` of an argument list read by [`json_text::list_items`] (`undefined` past its end), as
/// [`read_args`] reads it.
fn item(raw: &[&str], i: usize, export: &str) -> Option<Result<Json, RuleError>> {
    let Some(text) = raw.get(i) else {
        return Some(Ok(Json::Unsupported(Unsupported::Undefined)));
    };
    match json_text::read(text) {
        Ok(json) => Some(Ok(json)),
        Err(e @ ReadError::DuplicateKey { .. }) => {
            let name = params(export)
                .get(i)
                .map_or_else(|| format!("/{i}"), |n| (*n).to_owned());
            Some(Err(e.into_rule_error(&name)))
        }
        Err(_) => None,
    }
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
    state: crate::workspace::state::WorkspaceState,
}

thread_local! {
    static LAST_STATE: std::cell::RefCell<Option<LastState>> = const { std::cell::RefCell::new(None) };
}

/// `apply` from the JSON text of its arguments, with the state from [`LastState`] when it is the
/// same text.
fn apply_text(args: &str) -> Option<Result<String, RuleError>> {
    let raw = json_text::list_items(args).ok()?;
    let json = |i: usize| item(&raw, i, "apply");
    let (command, ctx) = match (json(1)?, json(2)?) {
        (Ok(command), Ok(ctx)) => (command, ctx),
        (Err(refused), _) | (_, Err(refused)) => return Some(Err(refused)),
    };
    // Extra arguments are ignored, but must read like the rest (as in `call_text_at`).
    for i in 3..raw.len() {
        if let Err(refused) = json(i)? {
            return Some(Err(refused));
        }
    }
    let cached = raw
        .first()
        .and_then(|state| LAST_STATE.with_borrow_mut(|last| last.take_if(|l| l.text == *state)));
    let applied = match cached {
        Some(LastState { text, state }) => {
            debug_assert_eq!(
                json_text::read(&text)
                    .ok()
                    .map(|j| crate::workspace::state::state_input(&j, "/state")),
                Some(Ok(state.clone())),
                "a state the package answered with reads back as itself"
            );
            commands::apply_input_to(state, &command, &ctx)
        }
        None => match json(0)? {
            Ok(state) => commands::apply_input(&state, &command, &ctx),
            Err(refused) => return Some(Err(refused)),
        },
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::error::Code;

    #[test]
    fn every_export_with_named_arguments_names_them() {
        // Exports without arguments, and `mergeKeyterms`, whose lists are named by position.
        let unnamed = [
            "roles",
            "actions",
            "permissionMatrix",
            "mergeKeyterms",
            "catalog",
        ];
        for (name, _) in EXPORTS {
            assert_eq!(
                params(name).is_empty(),
                unnamed.contains(name),
                "PARAMS for {name}"
            );
        }
        for (name, _) in PARAMS {
            assert!(
                EXPORTS.iter().any(|(n, _)| n == name),
                "{name} is no export"
            );
        }
    }

    #[test]
    fn joined_terms_are_cut_by_their_utf16_lengths_into_whole_characters() {
        assert_eq!(split_utf16("", &[]), Some(vec![]));
        assert_eq!(split_utf16("ab", &[0, 2, 0]), Some(vec!["", "ab", ""]));
        // `é` is one unit in two bytes, `😀` two units in four bytes.
        assert_eq!(
            split_utf16("é😀xy😀", &[1, 3, 1, 2]),
            Some(vec!["é", "😀x", "y", "😀"])
        );
        // A pair cut in two, lengths past the end or short of it: not for this path.
        assert_eq!(split_utf16("😀", &[1, 1]), None);
        assert_eq!(split_utf16("ab", &[3]), None);
        assert_eq!(split_utf16("ab", &[1]), None);
        assert_eq!(split_utf16("ab", &[u32::MAX]), None);
        assert_eq!(
            merge_joined("a", &[1]).map(|a| a.encode_utf16().collect::<Vec<_>>()),
            Some(vec![1, 1])
        );
        let too_many = vec![0; crate::base::json::MAX_ITEMS + 1];
        assert_eq!(merge_joined("", &too_many), None);
        assert!(merge_joined("", &too_many[1..]).is_some());
    }

    #[test]
    fn a_stored_object_kept_gives_the_same_answers_and_an_edited_one_is_read_in_full() {
        let stored = r#"{"tone":"calm","language":"en-us","keyterms":["Metformin","Ozempic"]}"#;
        let fresh = |args: &str| {
            LAST_STORED.set(None);
            update_compact(args)
        };
        for patch in [
            r#"{"speed":1.2}"#,
            r#"{"language":"en-US"}"#,
            r#"{"speed":9}"#,
        ] {
            let args = format!("[{stored},{patch}]");
            let first = fresh(&args);
            // The second call finds the stored object kept; the answer is the same.
            assert!(LAST_STORED.with_borrow(|l| l.as_ref().is_some_and(|l| l.text == stored)));
            assert_eq!(update_compact(&args), first);
        }
        // Edited after it was kept: read in full, its problem reported at /current.
        update_compact(&format!(r#"[{stored},{{}}]"#));
        let edited = r#"{"tone":"grumpy","language":"en-us","keyterms":["Metformin","Ozempic"]}"#;
        let refused = update_compact(&format!(r#"[{edited},{{"speed":1}}]"#))
            .unwrap()
            .unwrap_err();
        assert_eq!(refused.code, Code::ValidationFailed);
        assert_eq!(refused.errors[0].path, "/current/tone");
        // An object with problems is never kept.
        assert!(LAST_STORED.with_borrow(|l| l.as_ref().is_none_or(|l| l.text != edited)));
    }

    #[test]
    fn a_normalized_term_crosses_back_with_its_length_in_utf16_units() {
        // Kept normalized: 0, its length (😀 + space + b = 4 units), the text; then the duplicate.
        let answer = merge_joined(" 😀  b😀 B", &[6, 4]).unwrap();
        let units: Vec<u16> = answer.encode_utf16().collect();
        let text: Vec<u16> = "😀 b".encode_utf16().collect();
        let mut expected = vec![1, 0, 4];
        expected.extend(text);
        expected.extend([1, keyterms::DropReason::Duplicate as u16, 1]);
        assert_eq!(units, expected);
    }

    const CTX: &str = r#"{"actor_id":"5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01","actor_email":"ana@example.com","now":"2026-11-22T10:00:00.000Z","account_role":"owner","ids":["3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f","9b1c2d3e-4f50-4a61-8b72-c3d4e5f60001"]}"#;
    /// The context of a command after `createWorkspace` with [`CTX`]: a new id for the invitation
    /// (the first of `CTX` is the workspace's: `id_in_use`).
    const NEXT: &str = r#"{"actor_id":"5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01","actor_email":"ana@example.com","now":"2026-11-22T10:00:00.000Z","account_role":"owner","ids":["9b1c2d3e-4f50-4a61-8b72-c3d4e5f60002"]}"#;

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
            let args = format!("[{state},{command},{NEXT}]");
            assert_eq!(last_text().as_deref(), Some(state.as_str()), "a hit");
            let hit = call_text("apply", &args).unwrap();
            assert_ne!(last_text().as_deref(), Some(state.as_str()), "taken");
            let miss = call_text("apply", &args).unwrap();
            let untyped: Vec<Json> = serde_json::from_str(&args).unwrap();
            assert_eq!(hit, miss, "{command}");
            if command.contains("invite") {
                assert!(hit.is_ok(), "the invite is answered: {hit:?}");
            }
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
        let miss = call_text("apply", &format!("[{spaced},{command},{NEXT}]")).unwrap();
        let _ = call_text(
            "createWorkspace",
            &format!(r#"[{{"name":"Client A","environment":"production"}},{CTX}]"#),
        );
        let hit = call_text("apply", &format!("[{state},{command},{NEXT}]")).unwrap();
        assert!(
            hit.as_ref().is_ok_and(|a| a.contains("b@example.com")),
            "{hit:?}"
        );
        assert_eq!(hit, miss);
        assert!(
            call_text("apply", "[{}, 1").is_none(),
            "not JSON: the value path decides"
        );
    }
}
