// The package as a user meets it: import by name in Node ESM, the error class, every entry point.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import { createRequire } from "node:module";
import * as api from "workspace-rules";
import {
  can, roles, actions, permissionMatrix, WorkspaceRulesError,
  validateVoiceSettings, updateVoiceSettings, effectiveVoiceSettings, mergeKeyterms, resolveTone,
} from "workspace-rules";

const require = createRequire(import.meta.url);
const pkgDir = require.resolve("workspace-rules/package.json").replace(/package\.json$/, "");
const manifest = JSON.parse(readFileSync(pkgDir + "package.json", "utf8"));
// The package's types: index.d.ts (js/index.d.ts) and web.d.ts (init, initSync of workspace-rules/web).
const dts = readFileSync(pkgDir + "index.d.ts", "utf8") + readFileSync(pkgDir + "web.d.ts", "utf8");

test("the `docs/rules/roles.md` answers, imported by name", () => {
  assert.equal(can("owner", "workspace.archive"), true);
  assert.equal(can("admin", "workspace.archive"), false);
  assert.deepEqual(roles(), ["owner", "admin", "member"]);
  assert.equal(actions().length, 37);
  assert.deepEqual(Object.keys(permissionMatrix()), ["owner", "admin", "member"]);
});

test("a refusal is a WorkspaceRulesError, a real Error with code, status, message and errors", () => {
  assert.throws(
    () => can("boss", "workspace.view"),
    (e) =>
      e instanceof WorkspaceRulesError &&
      e instanceof Error &&
      e.name === "WorkspaceRulesError" &&
      e.code === "unknown_role" &&
      e.status === 400 &&
      e.message === 'Unknown role "boss": expected owner, admin or member.' &&
      e.errors.length === 1 &&
      e.errors[0].path === "/role" &&
      typeof e.stack === "string",
  );
});

test("wrong JS types never surface as a TypeError from the glue", () => {
  for (const bad of [undefined, null, 1, 1.5, NaN, true, {}, [], 10n, Symbol("s"), () => 1, new Uint8Array(2), new Map()]) {
    assert.throws(() => can(bad, "workspace.view"), WorkspaceRulesError);
    assert.throws(() => can("owner", bad), WorkspaceRulesError);
  }
});

test("validateVoiceSettings never throws, whatever it is given", () => {
  const odd = [undefined, null, NaN, 1, "x", [], 10n, Symbol("s"), () => 1, new Uint8Array(2), { speed: NaN }, { speed: 10n }, { keyterms: [Symbol("s")] }];
  for (const value of odd) {
    const answer = validateVoiceSettings(value);
    assert.equal(answer.ok, false);
    assert.ok(answer.errors.length > 0);
  }
  assert.deepEqual(validateVoiceSettings({ speed: 1 }), { ok: true, errors: [] });
});

test("voice-settings refusals are WorkspaceRulesErrors listing every problem", () => {
  assert.throws(
    () => updateVoiceSettings({}, { speed: 3, tone: "angry" }),
    (e) => e instanceof WorkspaceRulesError && e.code === "validation_failed" && e.status === 422 && e.errors.map((p) => p.path).join() === "/tone,/speed",
  );
  assert.throws(() => effectiveVoiceSettings({ agent: { volume: -1 } }), (e) => e instanceof WorkspaceRulesError && e.errors[0].path === "/agent/volume");
  assert.throws(() => resolveTone({ baseline: "angry" }), (e) => e instanceof WorkspaceRulesError && e.code === "invalid_value");
});

test("mergeKeyterms is variadic and refuses non-lists with their argument index", () => {
  assert.deepEqual(mergeKeyterms(), { keyterms: [], dropped: [] });
  assert.deepEqual(mergeKeyterms(["a"], ["A", "b"]).keyterms, ["a", "b"]);
  assert.deepEqual(mergeKeyterms(...Array.from({ length: 30 }, (_, i) => [`t${i}`])).keyterms.length, 30);
  assert.throws(() => mergeKeyterms(["a"], "b"), (e) => e instanceof WorkspaceRulesError && e.errors[0].path === "/1");
});

test("every runtime export is declared in the TypeScript types, and no type is any", () => {
  for (const name of Object.keys(api)) {
    if (name === "default") continue;
    assert.match(dts, new RegExp(`export (declare )?(function|class|const) ${name}\\b`), `${name} is typed`);
  }
  // In the declarations, not in their prose (a doc comment may say "any").
  assert.doesNotMatch(dts.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ""), /\bany\b/);
});

test("the Action type lists exactly actions()", () => {
  const declared = [...dts.match(/export type Action =([^;]*);/)[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(declared, actions());
});

test("the web entry works with initSync, and shares the error class", async () => {
  const web = await import("workspace-rules/web");
  web.initSync({ module: readFileSync(pkgDir + "workspace_rules_bg.wasm") });
  assert.equal(web.can("member", "calls.outbound"), true);
  assert.equal(web.WorkspaceRulesError, WorkspaceRulesError);
});

test("package.json names the package and maps every host", () => {
  assert.equal(manifest.name, "workspace-rules");
  assert.equal(manifest.type, "module");
  const dot = manifest.exports["."];
  for (const condition of ["types", "workerd", "node", "browser", "require", "import", "default"]) assert.ok(dot[condition], condition);
  const files = (target) => (typeof target === "string" ? [target] : Object.values(target).flatMap(files));
  for (const file of new Set(Object.values(manifest.exports).flatMap(files))) {
    // A pattern export (`./schema/*`) maps a folder: each of its files is there and not empty.
    const named = file.includes("*") ? readdirSync(pkgDir + dirname(file)).map((f) => `${dirname(file)}/${f}`) : [file];
    assert.ok(named.length > 0, file);
    for (const one of named) assert.ok(readFileSync(pkgDir + one).length > 0, one);
  }
  // `require` (Node 20 before require(esm)) gets the CommonJS entry and CommonJS declarations.
  assert.deepEqual([dot.node.require, dot.require, dot.types.require], ["./node.cjs", "./node.cjs", "./index.d.cts"]);
});
