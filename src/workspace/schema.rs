//! The JSON Schema of the workspace answers whose wire form is written by hand (feature `schema`,
//! never in the `.wasm`): capabilities, the permission matrix, and `set_credit_allowance`'s two forms.

use crate::base::error::Code;
use crate::base::schema::keyed;
use crate::workspace::capabilities::{
    Capabilities, Entry, InvitationCapabilities, MemberCapabilities,
};
use crate::workspace::credit_commands::AllowanceChange;
use crate::workspace::credits::Allowance;
use crate::workspace::roles::{Action, PermissionMatrix, Role};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

impl JsonSchema for Entry {
    fn schema_name() -> Cow<'static, str> {
        "CapabilityEntry".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "One entry of `capabilities`: allowed, or the refusal `apply` (or `authorize`) would give, with the human `message` a UI can show as the control's reason.",
            "oneOf": [
                {
                    "type": "object",
                    "properties": { "allowed": { "const": true } },
                    "required": ["allowed"],
                    "additionalProperties": false,
                },
                {
                    "type": "object",
                    "properties": {
                        "allowed": { "const": false },
                        "code": g.subschema_for::<Code>(),
                        "status": { "type": "integer" },
                        "message": { "type": "string" },
                    },
                    "required": ["allowed", "code", "status", "message"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

impl JsonSchema for MemberCapabilities {
    fn schema_name() -> Cow<'static, str> {
        "MemberCapabilities".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let entry = g.subschema_for::<Entry>();
        json_schema!({
            "description": "The entries of one member; `leave` only on the actor's own entry.",
            "type": "object",
            "properties": {
                "remove": entry.clone(),
                "change_role": keyed("Changing the member to each role.", Role::NAMES, entry.clone()),
                "leave": entry,
            },
            "required": ["remove", "change_role"],
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for InvitationCapabilities {
    fn schema_name() -> Cow<'static, str> {
        "InvitationCapabilities".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        keyed(
            "The entries of one invitation.",
            &["revoke", "resend", "accept", "decline"],
            g.subschema_for::<Entry>(),
        )
    }
}

impl JsonSchema for Capabilities {
    fn schema_name() -> Cow<'static, str> {
        "Capabilities".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let entry = g.subschema_for::<Entry>();
        json_schema!({
            "description": "The answer of `capabilities`: members and invitations in state order (keyed by user id and invitation id), actions in matrix order, roles highest first.",
            "type": "object",
            "properties": {
                "role": { "anyOf": [g.subschema_for::<Role>(), { "type": "null" }] },
                "member": { "type": "boolean" },
                "workspace": keyed("Every action of the matrix.", Action::NAMES, entry.clone()),
                "invite": {
                    "type": "object",
                    "properties": { "roles": keyed("Inviting to each role.", Role::NAMES, entry) },
                    "required": ["roles"],
                    "additionalProperties": false,
                },
                "members": { "type": "object", "additionalProperties": g.subschema_for::<MemberCapabilities>() },
                "invitations": { "type": "object", "additionalProperties": g.subschema_for::<InvitationCapabilities>() },
            },
            "required": ["role", "member", "workspace", "invite", "members", "invitations"],
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for PermissionMatrix {
    fn schema_name() -> Cow<'static, str> {
        "PermissionMatrix".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        keyed(
            "`{ role: [allowed actions] }`, roles highest first, actions in the specification's order.",
            Role::NAMES,
            json_schema!({ "type": "array", "items": g.subschema_for::<Action>() }),
        )
    }
}

impl JsonSchema for AllowanceChange {
    fn schema_name() -> Cow<'static, str> {
        "CreditAllowanceChange".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let mut set = <Allowance as JsonSchema>::json_schema(g);
        set.remove("required");
        set.remove("description");
        if let Some(p) = set.get_mut("properties").and_then(|p| p.as_object_mut()) {
            p.insert("remove".into(), json_schema!({ "const": false }).to_value());
        }
        json_schema!({
            "description": "Every allowance field on the first call, any of them later (absent: unchanged); or `remove: true`, after which `credits` is null.",
            "oneOf": [
                set,
                {
                    "type": "object",
                    "properties": { "remove": { "const": true } },
                    "required": ["remove"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

/// A tagged command whose fields have two forms (`set_credit_allowance`: the allowance fields, or
/// `remove: true`) is derived as the tag beside a `oneOf` of the forms: the tag is moved into each
/// form, so that each form is one closed object (`#[schemars(transform)]` of [`Command`]).
///
/// [`Command`]: crate::workspace::commands::Command
pub fn tag_into_forms(schema: &mut Schema) {
    let Some(variants) = schema.get_mut("oneOf").and_then(|v| v.as_array_mut()) else {
        return;
    };
    for variant in variants.iter_mut().filter_map(|v| v.as_object_mut()) {
        let Some(serde_json::Value::Array(forms)) = variant.remove("oneOf") else {
            continue;
        };
        let tag = variant.remove("properties").unwrap_or_default();
        variant.remove("required");
        variant.remove("additionalProperties");
        variant.remove("type");
        let forms = forms.into_iter().map(|mut form| {
            if let Some(f) = form.as_object_mut() {
                for (key, value) in tag.as_object().into_iter().flatten() {
                    if let Some(p) = f.get_mut("properties").and_then(|p| p.as_object_mut()) {
                        p.insert(key.clone(), value.clone());
                    }
                    let required = f.entry("required").or_insert_with(|| serde_json::json!([]));
                    if let Some(r) = required.as_array_mut() {
                        r.insert(0, key.clone().into());
                    }
                }
            }
            form
        });
        variant.insert("oneOf".into(), forms.collect::<Vec<_>>().into());
    }
}
