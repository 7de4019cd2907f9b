//! `docs/rules/commands.md` Audit events: what a command did, in the order it did it.
//!
//! Wire form: `{ type, workspace_id, actor_id, target_id?, role?, previous_role?, at, metadata }`, keys
//! in that order; absent optional keys are left out (never `null`). `at` is `ctx.now` in the library's
//! written form. `metadata` keys, when present, come in the order of [`Metadata`]'s fields.

use crate::base::names::names;
use crate::base::timestamp::Timestamp;
use crate::workspace::roles::Role;
use serde::Serialize;

names! {
    /// The event types *(public API names)*.
    pub enum EventType as "AuditEventType" {
        MemberAdded = "workspace.member_added",
        MemberRemoved = "workspace.member_removed",
        MemberRoleUpdated = "workspace.member_role_updated",
        InvitationSent = "workspace.invitation_sent",
        InvitationAccepted = "workspace.invitation_accepted",
        InvitationDeclined = "workspace.invitation_declined",
        InvitationRevoked = "workspace.invitation_revoked",
        Provisioned = "workspace.provisioned",
        Archived = "workspace.archived",
        Updated = "workspace.updated",
        VoiceSettingsUpdated = "workspace.voice_settings_updated",
        MinutesAllocated = "workspace.minutes_allocated",
        CreditAllowanceUpdated = "workspace.credit_allowance_updated",
        CreditsReset = "workspace.credits_reset",
        CreditThresholdReached = "workspace.credit_threshold_reached",
    }
}

/// One audit event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: EventType,
    pub workspace_id: String,
    pub actor_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_role: Option<Role>,
    pub at: Timestamp,
    pub metadata: Metadata,
}

/// Event metadata; only the keys an event type uses are written ([`EventType::shape`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "AuditEventMetadata"))]
pub struct Metadata {
    /// `member_added`: whether a deactivated member came back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reactivated: Option<bool>,
    /// `member_removed`: whether the member left (`leave_workspace`) rather than was removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<bool>,
    /// `invitation_sent`: whether an existing invitation was sent again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resent: Option<bool>,
    /// Every invitation event: the invitation's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::base::schema::Uuid", default)
    )]
    pub invitation_id: Option<String>,
    /// `workspace.updated` (and `voice_settings_updated`): the fields that changed, in wire order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changed: Option<Vec<&'static str>>,
    /// `minutes_allocated`: the source the minutes came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// `minutes_allocated`: how many minutes were allocated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes: Option<i64>,
    /// `credit_allowance_updated`: the allowance was removed (`credits` is `null` now).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed: Option<bool>,
    /// `credits_reset`: the start of the period that opened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_start: Option<Timestamp>,
    /// `credits_reset`: the credits carried into it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_over: Option<i64>,
    /// `credit_threshold_reached`: the threshold (a percentage of the available credits).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<i64>,
    /// `credit_threshold_reached`: the credits used in the period, with this record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub used: Option<i64>,
    /// `credit_threshold_reached`: the credits available in the period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available: Option<i64>,
}

/// What an event of one type carries besides `type`, `workspace_id`, `actor_id` and `at`: whether it
/// names a target member, a role, a previous role, and its metadata keys, each with whether it is
/// always there. The JSON Schema and the TypeScript types of each event type are written from it
/// (feature `schema`); the tests check every event the commands emit against them.
pub struct EventShape {
    pub target_id: bool,
    pub role: bool,
    pub previous_role: bool,
    pub metadata: &'static [(&'static str, bool)],
}

impl EventType {
    /// The shape of an event of this type.
    pub const fn shape(self) -> EventShape {
        const fn shape(
            target_id: bool,
            role: bool,
            previous_role: bool,
            metadata: &'static [(&'static str, bool)],
        ) -> EventShape {
            EventShape {
                target_id,
                role,
                previous_role,
                metadata,
            }
        }
        match self {
            EventType::MemberAdded => shape(true, true, false, &[("reactivated", true)]),
            EventType::MemberRemoved => shape(true, true, false, &[("left", true)]),
            EventType::MemberRoleUpdated => shape(true, true, true, &[]),
            EventType::InvitationSent => shape(
                false,
                true,
                false,
                &[("resent", true), ("invitation_id", true)],
            ),
            EventType::InvitationAccepted => shape(true, true, false, &[("invitation_id", true)]),
            EventType::InvitationDeclined | EventType::InvitationRevoked => {
                shape(false, true, false, &[("invitation_id", true)])
            }
            EventType::Provisioned | EventType::Archived => shape(false, false, false, &[]),
            EventType::Updated | EventType::VoiceSettingsUpdated => {
                shape(false, false, false, &[("changed", true)])
            }
            EventType::MinutesAllocated => shape(
                false,
                false,
                false,
                &[("source_id", true), ("minutes", true)],
            ),
            EventType::CreditAllowanceUpdated => shape(
                false,
                false,
                false,
                &[("changed", true), ("removed", false)],
            ),
            EventType::CreditsReset => shape(
                false,
                false,
                false,
                &[("period_start", true), ("carried_over", true)],
            ),
            EventType::CreditThresholdReached => shape(
                false,
                false,
                false,
                &[("threshold", true), ("used", true), ("available", true)],
            ),
        }
    }
}

impl Event {
    /// An event of `kind` by the context's actor at `at`, with no target, roles or metadata yet.
    pub fn new(kind: EventType, workspace_id: &str, actor_id: &str, at: &Timestamp) -> Self {
        Event {
            kind,
            workspace_id: workspace_id.to_owned(),
            actor_id: actor_id.to_owned(),
            target_id: None,
            role: None,
            previous_role: None,
            at: at.clone(),
            metadata: Metadata::default(),
        }
    }

    pub fn target(mut self, id: &str) -> Self {
        self.target_id = Some(id.to_owned());
        self
    }

    pub fn role(mut self, role: Role) -> Self {
        self.role = Some(role);
        self
    }

    pub fn previous_role(mut self, role: Role) -> Self {
        self.previous_role = Some(role);
        self
    }

    pub fn metadata(mut self, metadata: Metadata) -> Self {
        self.metadata = metadata;
        self
    }
}

/// The JSON Schema of an event: one object per event type, with exactly the keys
/// [`EventType::shape`] names (feature `schema`).
#[cfg(feature = "schema")]
mod schema {
    use super::*;
    use crate::base::schema::{non_null, Uuid};
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for Event {
        fn schema_name() -> Cow<'static, str> {
            "AuditEvent".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            let metadata = Metadata::json_schema(g);
            let fields = metadata.get("properties").cloned().unwrap_or_default();
            let variants: Vec<serde_json::Value> = (EventType::ALL.iter())
                .map(|kind| {
                    let shape = kind.shape();
                    let mut properties = serde_json::Map::new();
                    let mut required = vec!["type", "workspace_id", "actor_id", "at", "metadata"];
                    properties.insert(
                        "type".into(),
                        json_schema!({ "const": kind.as_str() }).to_value(),
                    );
                    properties.insert("workspace_id".into(), g.subschema_for::<Uuid>().to_value());
                    properties.insert("actor_id".into(), g.subschema_for::<Uuid>().to_value());
                    for (key, has, schema) in [
                        ("target_id", shape.target_id, g.subschema_for::<Uuid>()),
                        ("role", shape.role, g.subschema_for::<Role>()),
                        (
                            "previous_role",
                            shape.previous_role,
                            g.subschema_for::<Role>(),
                        ),
                    ] {
                        if has {
                            properties.insert(key.into(), schema.to_value());
                            required.push(key);
                        }
                    }
                    properties.insert("at".into(), g.subschema_for::<Timestamp>().to_value());
                    let mut keys = serde_json::Map::new();
                    let mut always = Vec::new();
                    for (key, is_always) in shape.metadata {
                        keys.insert(
                            (*key).into(),
                            non_null(fields.get(key).cloned().unwrap_or_default()),
                        );
                        if *is_always {
                            always.push(*key);
                        }
                    }
                    properties.insert(
                        "metadata".into(),
                        json_schema!({
                            "type": "object",
                            "properties": keys,
                            "required": always,
                            "additionalProperties": false,
                        })
                        .to_value(),
                    );
                    json_schema!({
                        "type": "object",
                        "properties": properties,
                        "required": required,
                        "additionalProperties": false,
                    })
                    .to_value()
                })
                .collect();
            json_schema!({
                "description": "An audit event: what a command did. Each type has its own keys; absent optional keys are left out.",
                "oneOf": variants,
            })
        }
    }
}
