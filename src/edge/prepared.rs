//! `prepareWorkspace(state)` (`docs/rules/requests.md#prepared-workspaces`): a state read and
//! validated once and indexed by member and invitation id, answering many checks — `checkRequest`,
//! `authorize`, `previewInvitation` — each in time that does not grow with the workspace, and
//! `capabilities` (whose answer lists every member) without reading the state again.
//!
//! Every answer is the plain function's on the same state, byte for byte: both run the same code
//! ([`requests::check_in`], [`requests::authorize_in`], [`invitations::preview_in`]); only how a
//! record is found differs (a scan, or the [`StateIndex`]).

use crate::base::error::RuleError;
use crate::base::json::Json;
use crate::edge::requests::{self, Decision};
use crate::workspace::capabilities::{self, Capabilities};
use crate::workspace::invitations::{self, InvitationPreview};
use crate::workspace::lookup::{Lookup, StateIndex};
use crate::workspace::state::{state_input, WorkspaceState};

/// A workspace state read, validated and indexed once.
#[derive(Debug)]
pub struct PreparedWorkspace {
    state: WorkspaceState,
    index: StateIndex,
}

impl PreparedWorkspace {
    /// Prepares a typed state: `invalid_state` (paths under `/state`) when it breaks an invariant.
    pub fn new(state: WorkspaceState) -> Result<Self, RuleError> {
        state.check("/state")?;
        Ok(Self::valid(state))
    }

    /// `prepareWorkspace(state)` for untyped input: `invalid_state` listing every problem, as every
    /// function that takes a state answers it.
    pub fn from_input(state: &Json) -> Result<Self, RuleError> {
        state_input(state, "/state").map(Self::valid)
    }

    fn valid(state: WorkspaceState) -> Self {
        let index = StateIndex::new(&state);
        PreparedWorkspace { state, index }
    }

    pub fn state(&self) -> &WorkspaceState {
        &self.state
    }

    fn records(&self) -> Lookup<'_> {
        Lookup::indexed(&self.state, &self.index)
    }

    /// `checkRequest(request, { actor, now })`: throws only for a malformed request or context.
    pub fn check_request_input(
        &self,
        request: &Json,
        context: &Json,
    ) -> Result<Decision, RuleError> {
        requests::check_prepared_input(&self.records(), request, context)
    }

    /// `authorize(user_id, action, now?)`: throws only for a malformed user id, action or `now`.
    pub fn authorize_input(
        &self,
        user_id: &Json,
        action: &Json,
        now: &Json,
    ) -> Result<Decision, RuleError> {
        requests::authorize_in_input(&self.records(), user_id, action, now)
    }

    /// `capabilities(ctx)`: what the actor may do, as [`capabilities`](crate::workspace::capabilities)
    /// answers on this state. Its answer lists every member and invitation, so it grows with them;
    /// preparing saves reading and validating the state again.
    pub fn capabilities_input(&self, ctx: &Json) -> Result<Capabilities, RuleError> {
        capabilities::capabilities_on_input(&self.records(), ctx)
    }

    /// `previewInvitation(invitation_id, now)`.
    pub fn preview_invitation_input(
        &self,
        invitation_id: &Json,
        now: &Json,
    ) -> Result<InvitationPreview, RuleError> {
        invitations::preview_in_input(&self.records(), invitation_id, now)
    }

    /// [`requests::check_request`] on typed input.
    pub fn check_request(
        &self,
        request: &requests::Request,
        actor: Option<&requests::Actor>,
        now: &crate::base::timestamp::Timestamp,
    ) -> Decision {
        requests::check_in(request, actor, &self.records(), now)
    }

    /// [`requests::authorize`] on typed input.
    pub fn authorize(
        &self,
        user_id: &str,
        action: crate::workspace::roles::Action,
        now: Option<&crate::base::timestamp::Timestamp>,
    ) -> Decision {
        requests::authorize_in(&self.records(), user_id, action, now)
    }
}
