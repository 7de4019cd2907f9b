// workspace-rules: every export of the package, each behind the trap guard and its argument fast path.
//
// The JavaScript layer (js/) around the WebAssembly module; scripts/build.mjs copies it into pkg/:
//   rules.js       this file: one function per export of the Rust core, in the order of api::EXPORTS
//   fast-paths.js  how arguments cross: plain JSON data as JSON text (two exports by position or by
//                  reference), anything else as marked JSON text
//   guard.js       what a call that trapped, panicked or read a throwing input throws instead
//   error.js       the WorkspaceRulesError class every refusal is thrown as
//   index.js, node.js, web.js, workerd.js   the entries, one per host; index.d.ts the types of all
//   dev-test-panic.js, dev-bench.js         the extra exports of the test and bench builds (never shipped)
// and it writes one module of data read from the module it has just built, pkg/generated.js: the
// input limits, the names of roles, actions, voice fields and drop reasons, and each export's
// position in the core's table (EXPORT_ID). Nothing here is generated from strings.
//
// Each export asks its fast path first; SLOW means the arguments are not plain JSON data (see
// fast-paths.js), and viaMarked sends them as marked JSON text, which carries anything. Either way a
// throw that is not a refusal goes through guard().
//
// Adding an export (say `creditStatus(state, now)`): an entry in the Rust core's table (api::EXPORTS
// in src/boundary/api.rs, the Rust function that reads its arguments), then here a function of the
// same name written like its neighbours, and its declaration with a doc comment in index.d.ts:
//
//   export function creditStatus(state, now) {
//     try {
//       const answer = viaJson(EXPORT_ID.creditStatus, [state, now]);
//       return answer !== SLOW ? answer : viaMarked(EXPORT_ID.creditStatus, [state, now]);
//     } catch (e) {
//       throw guard(e);
//     }
//   }
//
// The build stops, naming what to add or remove, while the exports of this file differ from the
// table's; tests/consumer/fast-paths.test.mjs then checks the new export's JSON path against its
// marked path on the shared vectors, and tests/consumer/fuzz.test.mjs asks for its answer's shape.
import { guard } from "./guard.js";
import { SLOW, answerOf, canIndex, jsonArgs, markedText, mergeByPosition, updateByReference, viaJson, viaMarked } from "./fast-paths.js";
import { preparedWorkspaces } from "./prepared.js";
import { EXPORT_ID } from "./generated.js";

export function roles() {
  try {
    const answer = viaJson(EXPORT_ID.roles, []);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.roles, []);
  } catch (e) {
    throw guard(e);
  }
}

export function actions() {
  try {
    const answer = viaJson(EXPORT_ID.actions, []);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.actions, []);
  } catch (e) {
    throw guard(e);
  }
}

export function permissionMatrix() {
  try {
    const answer = viaJson(EXPORT_ID.permissionMatrix, []);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.permissionMatrix, []);
  } catch (e) {
    throw guard(e);
  }
}

export function can(role, action) {
  try {
    const i = canIndex(role, action);
    if (i !== 2) return i === 1;
    const answer = viaJson(EXPORT_ID.can, [role, action]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.can, [role, action]);
  } catch (e) {
    throw guard(e);
  }
}

export function slugify(name, taken) {
  try {
    const answer = viaJson(EXPORT_ID.slugify, [name, taken]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.slugify, [name, taken]);
  } catch (e) {
    throw guard(e);
  }
}

export function normalizeTestCallerNumbers(numbers) {
  try {
    const answer = viaJson(EXPORT_ID.normalizeTestCallerNumbers, [numbers]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.normalizeTestCallerNumbers, [numbers]);
  } catch (e) {
    throw guard(e);
  }
}

export function callCost(allocation, duration_seconds) {
  try {
    const answer = viaJson(EXPORT_ID.callCost, [allocation, duration_seconds]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.callCost, [allocation, duration_seconds]);
  } catch (e) {
    throw guard(e);
  }
}

export function createWorkspace(input, ctx) {
  try {
    const answer = viaJson(EXPORT_ID.createWorkspace, [input, ctx]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.createWorkspace, [input, ctx]);
  } catch (e) {
    throw guard(e);
  }
}

export function apply(state, command, ctx) {
  try {
    const answer = viaJson(EXPORT_ID.apply, [state, command, ctx]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.apply, [state, command, ctx]);
  } catch (e) {
    throw guard(e);
  }
}

export function invitationStatus(invitation, now) {
  try {
    const answer = viaJson(EXPORT_ID.invitationStatus, [invitation, now]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.invitationStatus, [invitation, now]);
  } catch (e) {
    throw guard(e);
  }
}

export function previewInvitation(state, invitation_id, now) {
  try {
    const answer = viaJson(EXPORT_ID.previewInvitation, [state, invitation_id, now]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.previewInvitation, [state, invitation_id, now]);
  } catch (e) {
    throw guard(e);
  }
}

export function validateVoiceSettings(patch) {
  try {
    const answer = viaJson(EXPORT_ID.validateVoiceSettings, [patch]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.validateVoiceSettings, [patch]);
  } catch (e) {
    throw guard(e);
  }
}

export function updateVoiceSettings(current, patch) {
  try {
    const answer = updateByReference(current, patch);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.updateVoiceSettings, [current, patch]);
  } catch (e) {
    throw guard(e);
  }
}

export function effectiveVoiceSettings(layers) {
  try {
    const answer = viaJson(EXPORT_ID.effectiveVoiceSettings, [layers]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.effectiveVoiceSettings, [layers]);
  } catch (e) {
    throw guard(e);
  }
}

export function mergeKeyterms(...lists) {
  try {
    const answer = mergeByPosition(lists);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.mergeKeyterms, lists);
  } catch (e) {
    throw guard(e);
  }
}

export function checkRequest(request, context) {
  try {
    const answer = viaJson(EXPORT_ID.checkRequest, [request, context]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.checkRequest, [request, context]);
  } catch (e) {
    throw guard(e);
  }
}

export function authorize(state, user_id, action, now) {
  try {
    const answer = viaJson(EXPORT_ID.authorize, [state, user_id, action, now]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.authorize, [state, user_id, action, now]);
  } catch (e) {
    throw guard(e);
  }
}

export function creditStatus(state, now) {
  try {
    const answer = viaJson(EXPORT_ID.creditStatus, [state, now]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.creditStatus, [state, now]);
  } catch (e) {
    throw guard(e);
  }
}

export function capabilities(state, ctx) {
  try {
    const answer = viaJson(EXPORT_ID.capabilities, [state, ctx]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.capabilities, [state, ctx]);
  } catch (e) {
    throw guard(e);
  }
}

export function confirmDelete(state, confirmation, ctx) {
  try {
    const answer = viaJson(EXPORT_ID.confirmDelete, [state, confirmation, ctx]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.confirmDelete, [state, confirmation, ctx]);
  } catch (e) {
    throw guard(e);
  }
}

export function switchWorkspace(memberships, workspace_id) {
  try {
    const answer = viaJson(EXPORT_ID.switchWorkspace, [memberships, workspace_id]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.switchWorkspace, [memberships, workspace_id]);
  } catch (e) {
    throw guard(e);
  }
}

export function listWorkspaces(memberships) {
  try {
    const answer = viaJson(EXPORT_ID.listWorkspaces, [memberships]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.listWorkspaces, [memberships]);
  } catch (e) {
    throw guard(e);
  }
}

export function resolveTone(input) {
  try {
    const answer = viaJson(EXPORT_ID.resolveTone, [input]);
    return answer !== SLOW ? answer : viaMarked(EXPORT_ID.resolveTone, [input]);
  } catch (e) {
    throw guard(e);
  }
}

/** prepareWorkspace(state): the state read, validated and indexed once (js/prepared.js). */
export const { prepareWorkspace } = preparedWorkspaces({ guard, jsonArgs, markedText, answerOf, SLOW });
