// Bundled with TanStack Form's core for tests/browser/standard-schema.test.mjs: a voice-settings form
// and an invitation form validated by the package's Standard Schemas, in the page; `run(api)` answers
// what the forms showed.
import { FieldApi, FormApi } from "@tanstack/form-core";

export async function run(api) {
  const seen = {};
  const voice = new FormApi({ defaultValues: { speed: 1, keyterms: ["a"] }, validators: { onChange: api.voiceSettingsPatchSchema } });
  voice.mount();
  const speed = new FieldApi({ form: voice, name: "speed" });
  speed.mount();
  speed.handleChange(3);
  seen.speedErrors = speed.state.meta.errors.map((e) => [e.code, e.message]);
  seen.canSubmitWhenInvalid = voice.state.canSubmit;
  speed.handleChange(1.5);
  seen.speedErrorsAfter = speed.state.meta.errors;
  seen.canSubmitWhenValid = voice.state.canSubmit;

  const submitted = [];
  const invite = new FormApi({ defaultValues: { email: "zed@localhost", role: "boss" }, validators: { onSubmit: api.invitationSchema }, onSubmit: ({ value }) => submitted.push(value) });
  invite.mount();
  const email = new FieldApi({ form: invite, name: "email" });
  const role = new FieldApi({ form: invite, name: "role" });
  email.mount();
  role.mount();
  await invite.handleSubmit();
  seen.inviteErrors = [email, role].map((f) => f.state.meta.errors.map((e) => e.code));
  email.handleChange("zed@example.com");
  role.handleChange("admin");
  await invite.handleSubmit();
  seen.submitted = submitted;
  return seen;
}
