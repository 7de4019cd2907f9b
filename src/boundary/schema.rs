//! The package's JSON Schema documents (feature `schema`, never in the `.wasm`): for every input and
//! answer of the exports, one JSON Schema 2020-12 document, generated from the Rust types the rules
//! read and write (their `JsonSchema` derives and the hand-written impls next to them). They are
//! shipped as `workspace-rules/schema/<name>.json`; `tests/schema.rs` checks `js/schema/` against
//! this list, and `scripts/types.mjs` writes the package's TypeScript types from the same documents.

use crate::base::error::RuleError;
use crate::base::json::Json;
use crate::base::validate::Validation;
use crate::boundary::catalog::Catalog;
use crate::edge::requests::{Decision, Request};
use crate::edge::schema::{PreparedRequestContext, RequestContext};
use crate::edge::switching::{Membership, WorkspaceAccess};
use crate::voice::keyterms::MergeResult;
use crate::voice::schema::ResolvedVoiceSettings;
use crate::voice::tone::{ToneInput, ToneResult};
use crate::voice::{EffectiveVoiceSettings, Layers, Update, VoiceSettings};
use crate::workspace::audit::{Event, EventType};
use crate::workspace::capabilities::Capabilities;
use crate::workspace::commands::{Applied, Command, CommandType};
use crate::workspace::context::Context;
use crate::workspace::credits::CreditStatus;
use crate::workspace::invitations::InvitationPreview;
use crate::workspace::lifecycle::{NewWorkspace, SettingsPatch};
use crate::workspace::minutes::{Allocation, CallCost};
use crate::workspace::roles::PermissionMatrix;
use crate::workspace::state::{Invitation, WorkspaceState};
use schemars::generate::SchemaSettings;
use schemars::transform::{RecursiveTransform, Transform};
use schemars::{JsonSchema, Schema, SchemaGenerator};

/// The address documents name themselves by (`$id`): the package's own path, so that tools resolve
/// one document from another without a network.
pub const ID_BASE: &str = "workspace-rules/schema/";

type Root = fn(&mut SchemaGenerator) -> Schema;

/// Every document: its file name (without `.json`) and its root type, inputs first, then answers.
pub const DOCUMENTS: &[(&str, Root)] = &[
    ("workspace-state", root::<WorkspaceState>),
    ("context", root::<Context>),
    ("command", root::<Command>),
    ("new-workspace", root::<NewWorkspace>),
    ("invitation", root::<Invitation>),
    ("minutes-allocation", root::<Allocation>),
    ("voice-settings", root::<VoiceSettings>),
    ("voice-settings-layers", root::<Layers>),
    ("tone-input", root::<ToneInput>),
    ("request", root::<Request>),
    ("request-context", root::<RequestContext>),
    ("prepared-request-context", root::<PreparedRequestContext>),
    ("workspace-membership", root::<Membership>),
    ("apply-result", root::<Applied>),
    ("audit-event", root::<Event>),
    ("decision", root::<Decision>),
    ("capabilities", root::<Capabilities>),
    ("credit-status", root::<CreditStatus>),
    ("invitation-preview", root::<InvitationPreview>),
    ("call-cost", root::<CallCost>),
    ("validation", root::<Validation>),
    ("voice-settings-update", root::<Update>),
    ("resolved-voice-settings", root::<ResolvedVoiceSettings>),
    ("effective-voice-settings", root::<EffectiveVoiceSettings>),
    ("keyterm-merge-result", root::<MergeResult>),
    ("tone-result", root::<ToneResult>),
    ("workspace-access", root::<WorkspaceAccess>),
    ("permission-matrix", root::<PermissionMatrix>),
    ("catalog", root::<Catalog>),
    ("error", root::<RuleError>),
];

/// Types no document's root reaches but the TypeScript types name.
const EXTRA_TYPES: &[Root] = &[
    root::<EventType>,
    root::<CommandType>,
    root::<SettingsPatch>,
    root::<Json>,
];

fn root<T: JsonSchema>(g: &mut SchemaGenerator) -> Schema {
    g.subschema_for::<T>()
}

fn generator() -> SchemaGenerator {
    SchemaGenerator::new(SchemaSettings::draft2020_12().with_transform(Closed))
}

/// One document: the root type's schema, with every type it uses under `$defs`.
pub fn document(name: &str, root: Root) -> Schema {
    let mut g = generator();
    let reference = root(&mut g);
    let mut schema = Schema::default();
    schema.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    schema.insert("$id".into(), format!("{ID_BASE}{name}.json").into());
    schema.insert(
        "$ref".into(),
        reference.get("$ref").cloned().unwrap_or_default(),
    );
    let defs: serde_json::Map<String, serde_json::Value> = g.take_definitions(true);
    schema.insert("$defs".into(), sort(defs).into());
    schema
}

/// Every named type of every document under one `$defs` (what the TypeScript types are written from).
pub fn all_types() -> Schema {
    let mut g = generator();
    for root in DOCUMENTS.iter().map(|(_, root)| root).chain(EXTRA_TYPES) {
        root(&mut g);
    }
    let mut schema = Schema::default();
    schema.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    schema.insert("$defs".into(), sort(g.take_definitions(true)).into());
    schema
}

/// Definitions in name order, so that a document does not depend on the order types were met.
fn sort(
    defs: serde_json::Map<String, serde_json::Value>,
) -> serde_json::Map<String, serde_json::Value> {
    let mut entries: Vec<(String, serde_json::Value)> = defs.into_iter().collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.into_iter().collect()
}

/// Every object with named properties refuses other keys, as every reader of the library does; the
/// Rust integer widths schemars notes as `format` (`int64`, `uint8`…) are left out: the bounds say it,
/// and they are no JSON Schema format.
#[derive(Clone)]
struct Closed;

impl Transform for Closed {
    fn transform(&mut self, schema: &mut Schema) {
        let mut inner = RecursiveTransform(|s: &mut Schema| {
            if s.get("properties").is_some() && s.get("additionalProperties").is_none() {
                s.insert("additionalProperties".into(), false.into());
            }
            if s.get("format").and_then(|f| f.as_str()).is_some_and(|f| {
                f.starts_with("int") || f.starts_with("uint") || f == "float" || f == "double"
            }) {
                s.remove("format");
            }
        });
        inner.transform(schema);
    }
}
