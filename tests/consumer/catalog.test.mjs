// catalog() (issue 22 item 6): read from the module's tables, and every bound it states is the one
// validation enforces: at the bound accepted, past it refused, each enumeration value accepted, the
// defaults those of effectiveVoiceSettings of nothing, the error codes those of the types.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { catalog, effectiveVoiceSettings, validateVoiceSettings, roles, actions } from "workspace-rules";

const cat = catalog();
const ok = (patch) => validateVoiceSettings(patch).ok;
const refusedAt = (patch) => validateVoiceSettings(patch).errors.map((e) => e.path);

test("a new object each call, the same data", () => {
  assert.notEqual(catalog(), cat);
  assert.deepEqual(catalog(), cat);
  assert.deepEqual([cat.roles, cat.actions], [roles(), actions()]);
});

test("every voice field's bounds are validation's", () => {
  const effective = effectiveVoiceSettings({});
  assert.deepEqual(cat.voice_fields.map((f) => f.name), Object.keys(effective).filter((k) => k !== "sources" && k !== "dropped_keyterms"));
  for (const f of cat.voice_fields) {
    const at = [`/${f.name}`];
    assert.deepEqual(f.default, effective[f.name], `${f.name} default`);
    if (f.type === "number") {
      assert.ok(ok({ [f.name]: f.minimum }) && ok({ [f.name]: f.maximum }), f.name);
      assert.deepEqual(refusedAt({ [f.name]: f.minimum - 0.01 }), at);
      assert.deepEqual(refusedAt({ [f.name]: f.maximum + 0.01 }), at);
    } else if (f.type === "string") {
      assert.ok(ok({ [f.name]: "x".repeat(f.max_length) }) && ok({ [f.name]: "x".repeat(f.min_length) }), f.name);
      assert.deepEqual(refusedAt({ [f.name]: "x".repeat(f.max_length + 1) }), at);
      assert.deepEqual(refusedAt({ [f.name]: "" }), at);
    } else if (f.type === "enum") {
      for (const v of f.values) assert.ok(ok({ [f.name]: v }), `${f.name}=${v}`);
      assert.deepEqual(refusedAt({ [f.name]: "none-such" }), at);
    } else if (f.type === "list") {
      const items = (n) => Array.from({ length: n }, (_, i) => `t${i}`);
      assert.ok(ok({ [f.name]: items(f.max_items) }) && ok({ [f.name]: ["x".repeat(f.item_max_length)] }), f.name);
      assert.ok(refusedAt({ [f.name]: items(f.max_items + 1) }).length > 0, f.name);
      assert.ok(refusedAt({ [f.name]: ["x".repeat(f.item_max_length + 1)] }).length > 0, f.name);
    } else if (f.type === "language_tag") {
      assert.ok(ok({ [f.name]: "en-US" }));
      assert.deepEqual(refusedAt({ [f.name]: "a".repeat(f.max_length + 1) }), at);
    } else {
      assert.equal(f.type, "boolean");
      assert.ok(ok({ [f.name]: false }));
      assert.deepEqual(refusedAt({ [f.name]: "yes" }), at);
    }
  }
});

test("the error codes and statuses are the core's, and the ErrorCode type lists exactly them", () => {
  const require = createRequire(import.meta.url);
  const dts = readFileSync(require.resolve("workspace-rules/package.json").replace(/package\.json$/, "index.d.ts"), "utf8");
  const declared = [...dts.match(/export type ErrorCode =([^;]*);/)[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(declared, cat.error_codes.map((c) => c.code));
  assert.deepEqual(cat.error_codes.find((c) => c.code === "last_owner"), { code: "last_owner", status: 409 });
  assert.ok(cat.error_codes.every((c) => Number.isInteger(c.status) && c.status >= 400 && c.status < 600));
  assert.deepEqual(cat.limits, { max_items: 10_000, max_depth: 64 });
});
