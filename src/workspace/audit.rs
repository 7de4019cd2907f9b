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
    pub enum EventType {
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

/// Event metadata; only the keys an event type uses are written.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
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
