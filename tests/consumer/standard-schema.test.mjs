// The Standard Schema objects of the package (js/schemas.js, docs/rules/commands.md#forms): the
// interface itself, its agreement with the checks behind it, and a real form library driving it
// (TanStack Form's framework-free core, as its adapters for React, Vue, Solid… use it).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { FieldApi, FormApi } from "@tanstack/form-core";
import {
  commandFieldsSchema, invitationSchema, validateCommandFields, validateVoiceSettings, voiceSettingsPatchSchema, workspaceUpdateSchema,
} from "workspace-rules";

const validate = (schema, value) => schema["~standard"].validate(value);

test("the interface: version 1, the vendor, { value } as given or { issues } with segments and codes", () => {
  for (const schema of [voiceSettingsPatchSchema, workspaceUpdateSchema, invitationSchema, commandFieldsSchema("accept_invitation")]) {
    assert.equal(schema["~standard"].version, 1);
    assert.equal(schema["~standard"].vendor, "workspace-rules");
    assert.ok(Object.isFrozen(schema) && Object.isFrozen(schema["~standard"]));
  }
  const patch = { speed: 1.2, keyterms: [" Metformin "] };
  const valid = validate(voiceSettingsPatchSchema, patch);
  assert.deepEqual(Object.keys(valid), ["value"]);
  assert.equal(valid.value, patch, "the value as given");
  assert.deepEqual(validate(voiceSettingsPatchSchema, { speed: 3, keyterms: ["ok", ""], "a/b~c": 1 }).issues, [
    { message: "speed must be between 0.5 and 2, got 3.", path: ["speed"], code: "out_of_range" },
    { message: "keyterms[1] must not be empty.", path: ["keyterms", 1], code: "empty_value" },
    { message: "a/b~c is not a known field.", path: ["a/b~c"], code: "unknown_field" },
  ]);
  assert.deepEqual(validate(voiceSettingsPatchSchema, "fast").issues.map((i) => [i.code, i.path]), [["invalid_type", []]]);
});

test("the bodies: an invitation and a workspace update, paths below the body", () => {
  assert.deepEqual(validate(invitationSchema, { email: "zed@example.com", role: "admin" }), { value: { email: "zed@example.com", role: "admin" } });
  assert.deepEqual(validate(invitationSchema, { email: "zed@localhost", role: "boss" }).issues.map((i) => [i.code, i.path]), [
    ["invalid_email", ["email"]], ["unknown_role", ["role"]],
  ]);
  assert.deepEqual(validate(invitationSchema, {}).issues.map((i) => [i.code, i.path]), [["invalid_type", ["email"]], ["invalid_type", ["role"]]]);
  assert.deepEqual(validate(workspaceUpdateSchema, { name: "   ", environment: "prod" }).issues.map((i) => [i.code, i.path]), [
    ["empty_value", ["name"]], ["invalid_value", ["environment"]],
  ]);
  assert.deepEqual(validate(workspaceUpdateSchema, null).issues.map((i) => [i.code, i.path]), [["invalid_type", []]]);
  assert.deepEqual(validate(commandFieldsSchema("record_usage"), { meter: "call_seconds", units: 0 }).issues.map((i) => [i.code, i.path]), [["out_of_range", ["units"]]]);
  // A type that is no command's is the schema's own problem, at `type`.
  assert.deepEqual(validate(commandFieldsSchema("promote"), {}).issues.map((i) => [i.code, i.path]), [["invalid_value", ["type"]]]);
});

test("each schema answers exactly its check's problems, on random input", () => {
  const value = fc.oneof(fc.constantFrom(1, 1.5, 3, -1, NaN, null, undefined, "", " x ", "calm", "member", "zed@example.com", "a@b"), fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }));
  const object = fc.dictionary(fc.constantFrom("speed", "tone", "keyterms", "email", "role", "name", "environment", "description", "x"), value, { maxKeys: 4 });
  fc.assert(fc.property(fc.oneof(object, value), (input) => {
    const pairs = [
      [voiceSettingsPatchSchema, validateVoiceSettings(input), ""],
      [invitationSchema, validateCommandFields("invite_member", input), "/fields"],
      [workspaceUpdateSchema, validateCommandFields("update_workspace", input), "/fields"],
    ];
    for (const [schema, check, prefix] of pairs) {
      const result = validate(schema, input);
      assert.equal("issues" in result, !check.ok);
      const issues = result.issues ?? [];
      assert.deepEqual(issues.map((i) => [i.code, i.message]), check.errors.map((e) => [e.code, e.message]));
      assert.deepEqual(issues.map((i) => ["", ...i.path].join("/")), check.errors.map((e) => e.path.slice(prefix.length)));
    }
  }), { seed: 20261203, numRuns: 300 });
});

test("TanStack Form validates with the schemas: errors on the fields the paths name, submit blocked until valid", async () => {
  const form = new FormApi({ defaultValues: { speed: 1, tone: "calm", keyterms: ["a"] }, validators: { onChange: voiceSettingsPatchSchema } });
  form.mount();
  const speed = new FieldApi({ form, name: "speed" });
  speed.mount();
  speed.handleChange(3);
  assert.deepEqual(speed.state.meta.errors.map((e) => [e.code, e.message]), [["out_of_range", "speed must be between 0.5 and 2, got 3."]]);
  assert.equal(form.state.canSubmit, false);
  speed.handleChange(1.5);
  assert.deepEqual(speed.state.meta.errors, []);
  assert.equal(form.state.canSubmit, true);

  const submitted = [];
  const invite = new FormApi({
    defaultValues: { email: "", role: "member" },
    validators: { onSubmit: invitationSchema },
    onSubmit: ({ value }) => submitted.push(value),
  });
  invite.mount();
  const email = new FieldApi({ form: invite, name: "email" });
  email.mount();
  await invite.handleSubmit();
  assert.deepEqual(email.state.meta.errors.map((e) => e.code), ["invalid_email"]);
  assert.deepEqual(submitted, []);
  email.handleChange("zed@example.com");
  await invite.handleSubmit();
  assert.deepEqual(submitted, [{ email: "zed@example.com", role: "member" }]);
});
