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
// Each export reads its arguments once and sends them (`call`, or its own fast path: see
// fast-paths.js) as JSON text, or as marked JSON text when what was read has values JSON cannot
// carry. Either way a
// throw that is not a refusal goes through guard().
//
// Adding an export (say `creditStatus(state, now)`): an entry in the Rust core's table (api::EXPORTS
// in src/boundary/api.rs, the Rust function that reads its arguments), then here a function of the
// same name written like its neighbours, and its declaration with a doc comment in index.d.ts:
//
//   export function creditStatus(state, now) {
//     try {
//       return call(EXPORT_ID.creditStatus, [state, now]);
//     } catch (e) {
//       throw guard(e);
//     }
//   }
//
// The build stops, naming what to add or remove, while the exports of this file differ from the
// table's; tests/consumer/fast-paths.test.mjs then checks the new export's JSON path against its
// marked path on the shared vectors, and tests/consumer/fuzz.test.mjs asks for its answer's shape.
import { guard } from "./guard.js";
import { SLOW, answerOf, call, canIndex, mergeByPosition, readArgs, updateByReference } from "./fast-paths.js";
import { preparedWorkspaces } from "./prepared.js";
import { standardSchemas } from "./schemas.js";
import { EXPORT_ID } from "./generated.js";

export function roles() {
  try {
    return call(EXPORT_ID.roles, []);
  } catch (e) {
    throw guard(e);
  }
}

export function actions() {
  try {
    return call(EXPORT_ID.actions, []);
  } catch (e) {
    throw guard(e);
  }
}

export function permissionMatrix() {
  try {
    return call(EXPORT_ID.permissionMatrix, []);
  } catch (e) {
    throw guard(e);
  }
}

export function can(role, action) {
  try {
    const i = canIndex(role, action);
    if (i !== 2) return i === 1;
    return call(EXPORT_ID.can, [role, action]);
  } catch (e) {
    throw guard(e);
  }
}

export function slugify(name, taken) {
  try {
    return call(EXPORT_ID.slugify, [name, taken]);
  } catch (e) {
    throw guard(e);
  }
}

export function normalizeTestCallerNumbers(numbers) {
  try {
    return call(EXPORT_ID.normalizeTestCallerNumbers, [numbers]);
  } catch (e) {
    throw guard(e);
  }
}

export function callCost(allocation, duration_seconds) {
  try {
    return call(EXPORT_ID.callCost, [allocation, duration_seconds]);
  } catch (e) {
    throw guard(e);
  }
}

export function createWorkspace(input, ctx) {
  try {
    return call(EXPORT_ID.createWorkspace, [input, ctx]);
  } catch (e) {
    throw guard(e);
  }
}

export function apply(state, command, ctx) {
  try {
    return call(EXPORT_ID.apply, [state, command, ctx]);
  } catch (e) {
    throw guard(e);
  }
}

export function invitationStatus(invitation, now) {
  try {
    return call(EXPORT_ID.invitationStatus, [invitation, now]);
  } catch (e) {
    throw guard(e);
  }
}

export function previewInvitation(state, invitation_id, now) {
  try {
    return call(EXPORT_ID.previewInvitation, [state, invitation_id, now]);
  } catch (e) {
    throw guard(e);
  }
}

export function validateVoiceSettings(patch) {
  try {
    return call(EXPORT_ID.validateVoiceSettings, [patch]);
  } catch (e) {
    throw guard(e);
  }
}

export function validateCommandFields(type, fields) {
  try {
    return call(EXPORT_ID.validateCommandFields, [type, fields]);
  } catch (e) {
    throw guard(e);
  }
}

export function updateVoiceSettings(current, patch) {
  try {
    return updateByReference(current, patch);
  } catch (e) {
    throw guard(e);
  }
}

export function effectiveVoiceSettings(layers) {
  try {
    return call(EXPORT_ID.effectiveVoiceSettings, [layers]);
  } catch (e) {
    throw guard(e);
  }
}

export function mergeKeyterms(...lists) {
  try {
    return mergeByPosition(lists);
  } catch (e) {
    throw guard(e);
  }
}

export function checkRequest(request, context) {
  try {
    return call(EXPORT_ID.checkRequest, [request, context]);
  } catch (e) {
    throw guard(e);
  }
}

export function authorize(state, user_id, action, now) {
  try {
    return call(EXPORT_ID.authorize, [state, user_id, action, now]);
  } catch (e) {
    throw guard(e);
  }
}

export function creditStatus(state, now) {
  try {
    return call(EXPORT_ID.creditStatus, [state, now]);
  } catch (e) {
    throw guard(e);
  }
}

export function capabilities(state, ctx) {
  try {
    return call(EXPORT_ID.capabilities, [state, ctx]);
  } catch (e) {
    throw guard(e);
  }
}

export function confirmDelete(state, confirmation, ctx) {
  try {
    return call(EXPORT_ID.confirmDelete, [state, confirmation, ctx]);
  } catch (e) {
    throw guard(e);
  }
}

export function switchWorkspace(memberships, workspace_id) {
  try {
    return call(EXPORT_ID.switchWorkspace, [memberships, workspace_id]);
  } catch (e) {
    throw guard(e);
  }
}

export function listWorkspaces(memberships) {
  try {
    return call(EXPORT_ID.listWorkspaces, [memberships]);
  } catch (e) {
    throw guard(e);
  }
}

export function resolveTone(input) {
  try {
    return call(EXPORT_ID.resolveTone, [input]);
  } catch (e) {
    throw guard(e);
  }
}

/** prepareWorkspace(state): the state read, validated and indexed once (js/prepared.js). */
export const { prepareWorkspace } = preparedWorkspaces({ guard, readArgs, answerOf, SLOW });

export function catalog() {
  try {
    return call(EXPORT_ID.catalog, []);
  } catch (e) {
    throw guard(e);
  }
}

/** Standard Schema objects for forms, backed by the two checks above (js/schemas.js). */
export const { voiceSettingsPatchSchema, workspaceUpdateSchema, invitationSchema, commandFieldsSchema } = standardSchemas({
  validateVoiceSettings,
  validateCommandFields,
});
