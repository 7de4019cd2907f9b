// workspace-rules: Standard Schema objects (the `~standard` interface of standardschema.dev, version 1)
// for the forms of the package, so a form library that accepts a zod schema accepts these: the
// voice-settings patch, the workspace-update body and the invitation body, and the fields of any
// command. Each validates with the library's own check (validateVoiceSettings, validateCommandFields):
// the answer is the check's, turned into the interface's shape — `{ value }` when it has no problem,
// else `{ issues: [{ message, path, code }] }` with each problem's JSON Pointer as path segments
// (a segment of digits is an index). No rule is decided here.
//
// rules.js hands in the two checks (`standardSchemas({ validateVoiceSettings, validateCommandFields })`)
// and exports what it gets back.

/** A JSON Pointer below `prefix` as Standard Schema path segments ("/keyterms/3" → ["keyterms", 3]). */
function segments(pointer, prefix) {
  const rest = pointer.startsWith(prefix) ? pointer.slice(prefix.length) : pointer;
  if (rest === "") return [];
  return rest
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** A Standard Schema object validating with `check(value)` (an `{ ok, errors }` answer whose paths
 *  start with `prefix`). */
function standard(check, prefix) {
  return Object.freeze({
    "~standard": Object.freeze({
      version: 1,
      vendor: "workspace-rules",
      validate(value) {
        const { ok, errors } = check(value);
        if (ok) return { value };
        return { issues: errors.map((e) => ({ message: e.message, path: segments(e.path, prefix), code: e.code })) };
      },
    }),
  });
}

export function standardSchemas({ validateVoiceSettings, validateCommandFields }) {
  const fieldsOf = (type) => standard((fields) => validateCommandFields(type, fields), "/fields");
  return {
    voiceSettingsPatchSchema: standard(validateVoiceSettings, ""),
    workspaceUpdateSchema: fieldsOf("update_workspace"),
    invitationSchema: fieldsOf("invite_member"),
    /** The fields of a command of `type` (`"accept_invitation"`, `"allocate_minutes"`…). */
    commandFieldsSchema: fieldsOf,
  };
}
