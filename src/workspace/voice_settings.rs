//! The `update_voice_settings {patch}` command: the workspace's stored voice settings changed by a
//! patch (`docs/rules/voice-settings.md`), under `voice_settings.update` (owners and admins).

use crate::base::error::RuleError;
use crate::base::json::Json;
use crate::voice::update::apply_patch;
use crate::workspace::audit::{Event, EventType, Metadata};
use crate::workspace::context::Context;
use crate::workspace::membership::require;
use crate::workspace::roles::Action;
use crate::workspace::state::WorkspaceState;

/// The `update_voice_settings {patch}` command (`docs/rules/commands.md`) on a workspace: the acting member must be allowed
/// `voice_settings.update` (owners and admins; the engine's membership and archive checks come first),
/// then the patch is applied to the stored settings. Problems of the patch are reported under
/// `/command/patch`. Emits `workspace.voice_settings_updated` with `metadata.changed`, or nothing when
/// nothing changed.
pub fn update_voice_settings(
    state: &mut WorkspaceState,
    patch: &Json,
    ctx: &Context,
) -> Result<Vec<Event>, RuleError> {
    require(state, ctx, Action::VoiceSettingsUpdate)?;
    let update =
        apply_patch(&state.voice_settings, patch).map_err(|e| e.under("/command/patch"))?;
    if update.changed.is_empty() {
        return Ok(Vec::new());
    }
    let changed = update.changed.iter().map(|f| f.as_str()).collect();
    state.voice_settings = update.settings;
    let at = ctx.now_written()?;
    let event = Event::new(
        EventType::VoiceSettingsUpdated,
        &state.workspace.id,
        &ctx.actor_id,
        &at,
    )
    .metadata(Metadata {
        changed: Some(changed),
        ..Metadata::default()
    });
    Ok(vec![event])
}
