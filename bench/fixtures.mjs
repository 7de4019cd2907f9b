// The inputs the benchmarks share (bench/run.mjs, bench/ab.mjs): a stored voice-settings object, a
// typical 3-field form save and a patch of every field, two keyterm lists of 200 terms, half of
// the second repeating the first in other casings (60 % of the terms non-ASCII), and the states,
// commands and requests of the `apply` and `checkRequest` cases.
export const current = { tone: "calm", speed: 1.1, keyterms: ["Metformin"] };
export const small = { speed: 1.2, tone: "friendly", keyterms: ["Metformin", "Ozempic", "Dr. Ramirez"] };
export const full = {
  voice_id: "voice-42", tone: "sympathetic", speed: 0.9, volume: 0.8, language: "en-us",
  keyterms: ["Metformin", "Ozempic", "Dr. Ramirez", "co-pay", "prior authorization"],
  correction_categories: ["drug names", "doctor names"], pronunciation_dict_id: "dict-7",
  sensitive_topics: ["test results", "diagnosis"], post_call_analysis_enabled: false,
  transcript_correction_enabled: true, stt_provider: "deepgram", tts_provider: "cartesia",
};
// Saving a form (BENCHMARKS.md, "Saving a form"): a typical stored object as a server answers it, a
// 3-field patch without keyterms, and the same patch with three problems.
export const stored = {
  voice_id: "voice-42", tone: "calm", speed: 1.1, language: "en-US", post_call_analysis_enabled: true,
  keyterms: ["Metformin", "Ozempic", "Dr. Ramirez", "co-pay", "prior authorization", "Jardiance", "A1C", "Lantus"],
};
export const formPatch = { speed: 1.2, tone: "friendly", volume: 0.8 };
export const badPatch = { speed: 9, tone: "grumpy", volume: -1 };
const words = ["Metformin", "Straße", "Ozempic", "İbuprofen", "Café", "naïve", "Σίσυφος", "東京", "Dr. Ramirez", "prior authorization"];
export const listA = Array.from({ length: 200 }, (_, i) => `${words[i % words.length]} ${i}`);
export const listB = Array.from({ length: 200 }, (_, i) => (i % 2 ? `${words[i % words.length]} ${i}`.toUpperCase() : `  new   term ${i} `));

const OWNER = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
export const ctx = { actor_id: OWNER, actor_email: "ana@example.com", now: "2026-11-22T10:00:00.000Z", account_role: "owner", ids: ["3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f"] };

/** A workspace created by `api` with `n` members in all. */
export function stateWith(api, n) {
  const state = api.createWorkspace({ name: "Bench", environment: "production" }, ctx).state;
  for (let k = 1; k < n; k++) {
    state.members.push({ user_id: `00000000-0000-4000-8000-${String(k).padStart(12, "0")}`, email: `u${k}@example.com`, display_name: `U${k}`, role: "member", status: "active", joined_at: "2026-01-10T08:00:00.000Z" });
  }
  return state;
}

/** `apply(state, command, ctx)` arguments: an owner invites a new email into a workspace of `n` members. */
export function inviteArgs(api, n) {
  return [stateWith(api, n), { type: "invite_member", email: "new@example.com", role: "member" }, { ...ctx, ids: ["9b1c2d3e-4f50-4a61-8b72-c3d4e5f60001"] }];
}

/** `checkRequest(request, context)` arguments: a PUT of the 3-field voice settings by an admin. */
export function putArgs(api) {
  const admin = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f02";
  const state = stateWith(api, 1);
  state.members.push({ user_id: admin, email: "bo@example.com", display_name: "Bo", role: "admin", status: "active", joined_at: "2026-01-10T08:00:00.000Z" });
  const put = { method: "PUT", path: `/v1/${state.workspace.id}/settings/voice`, body: small };
  const context = { actor: { user_id: admin }, state, now: ctx.now };
  if (!api.checkRequest(put, context).allowed) throw new Error("the PUT should be allowed");
  return [put, context];
}
