// Builds the npm package into pkg/ (generated; never committed):
//   1. cargo rustc --release --target wasm32-unknown-unknown --crate-type cdylib (LTO)
//   2. wasm-bindgen --target web       (one ESM glue file that every entry shares)
//   3. wasm-opt -O3 from the npm package binaryen (Debian's wasm-opt 108 corrupts this output); -O3, not
//      -Oz: mergeKeyterms 10 % faster for 0.2 KB gzipped and 0.3-0.8 ms of cold start (BENCHMARKS.md)
//   4. rules.js: every export of the glue behind the trap guard (below)
//   5. one small entry per host, the TypeScript entry, and pkg/package.json with its `exports`
// Prints the raw and gzipped sizes of the .wasm and the JS glue.
//
//   node scripts/build.mjs [--quiet]
//   node scripts/build.mjs --test-panic   a debug build with a deliberately panicking export
//                                         (`__testPanic`), into test-results/pkg-panic/, for the tests
//                                         of the trap guard; never shipped
//   node scripts/build.mjs --bench        the release build plus `__benchEmpty(a, b)`, an export that
//                                         takes two strings and does nothing (the boundary cost), into
//                                         test-results/pkg-bench/, for `npm run bench`; never shipped
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const name = "workspace_rules";
const quiet = process.argv.includes("--quiet");
const testPanic = process.argv.includes("--test-panic");
const bench = process.argv.includes("--bench");
const pkg = join(root, testPanic ? "test-results/pkg-panic" : bench ? "test-results/pkg-bench" : "pkg");
const profile = testPanic ? "debug" : "release";

function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { cwd: root, stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"], ...opts });
}

const version = JSON.parse(
  execFileSync("cargo", ["metadata", "--no-deps", "--format-version", "1"], { cwd: root, encoding: "utf8" }),
).packages.find((p) => p.name === "workspace-rules").version;

// `cargo rustc --crate-type cdylib`, not `cargo build`: the crate is also an rlib (for native users), and
// cargo applies the profile's `lto = true` only to a unit whose every crate type can take it, so a
// plain `cargo build` links the .wasm without LTO (BENCHMARKS.md, "Link-time optimization").
// LLVM's inlining threshold for the crate (and its link-time optimization) at 100 instead of
// `opt-level = 2`'s 225: 16 KB gzipped smaller and no slower on any benchmark; 50 is 9 KB smaller
// still but `mergeKeyterms` 4-8 % and `roles()` 11 % slower (BENCHMARKS.md, round 6). Dependencies
// are built at "z", whose own limit is lower.
const INLINE_THRESHOLD = 100;
run("cargo", [
  "rustc", "--target", "wasm32-unknown-unknown", "--lib", "--crate-type", "cdylib",
  ...(testPanic ? ["--features", "test-panic"] : ["--release"]),
  ...(bench ? ["--features", "bench"] : []),
  ...(quiet ? ["--quiet"] : []),
  ...(testPanic ? [] : ["--", "-C", `llvm-args=-inline-threshold=${INLINE_THRESHOLD}`]),
]);

rmSync(pkg, { recursive: true, force: true });
mkdirSync(pkg, { recursive: true });
run("wasm-bindgen", [
  "--target", "web",
  "--out-dir", pkg,
  "--out-name", name,
  join(root, "target/wasm32-unknown-unknown", profile, `${name}.wasm`),
]);

// The release profile strips the features section, so the features rustc enabled are named here.
const wasmFile = join(pkg, `${name}_bg.wasm`);
if (!testPanic) run(join(root, "node_modules/.bin/wasm-opt"), [
  "-O3", "--converge",
  "--enable-bulk-memory", "--enable-mutable-globals", "--enable-nontrapping-float-to-int",
  "--enable-reference-types", "--enable-sign-ext", "--enable-multivalue",
  wasmFile, "-o", wasmFile,
]);

// The raw exports of the module are typed `any` by wasm-bindgen; the package promises no `any`.
const dts = join(pkg, `${name}.d.ts`);
writeFileSync(dts, readFileSync(dts, "utf8").replace(/\bany\b/g, "unknown"));

// The trap guard. A Rust panic (a bug) or a trap in WebAssembly leaves the instance in an unknown state
// (its stack pointer is not restored, for one). The library keeps no state between calls, so the guard
// throws `internal_error` for that call and swaps in a fresh instance of the same compiled module: the
// following calls work as before. The glue gets one function to drop the trapped instance.
const gluePath = join(pkg, `${name}.js`);
// Strings into WebAssembly: wasm-bindgen copies the ASCII head of a string in a JavaScript loop, one
// character at a time, and hands the rest to TextEncoder.encodeInto. For the JSON text of arguments
// (hundreds of characters to megabytes) encodeInto alone, a native copy, is faster: a 3-field update
// 6 %, a 13-field one 9 % (BENCHMARKS.md, round 5); short strings keep the loop, whose call costs less.
// The glue of the pinned wasm-bindgen is patched here; should its text differ, the build stops.
const ASCII_LOOP_MAX = 64;
const asciiLoop = "for (; offset < len; offset++) {";
const generatedGlue = readFileSync(gluePath, "utf8");
if (generatedGlue.split(asciiLoop).length !== 2) throw new Error(`the wasm-bindgen glue has no single "${asciiLoop}"`);
const glueText = generatedGlue.replace(asciiLoop, `for (; offset < len && len <= ${ASCII_LOOP_MAX}; offset++) {`);
writeFileSync(
  gluePath,
  glueText +
    "\n/** Replaces a trapped instance with a fresh one of the same compiled module (used by rules.js). */\n" +
    "export function __resetAfterTrap() {\n    const module = wasmModule;\n    wasm = undefined;\n    initSync({ module });\n}\n",
);
const exported = [...glueText.matchAll(/^export function (\w+)\(([^)]*)\)/gm)].map(([, fn, params]) => ({ fn, params }));

// The error class is a wasm-bindgen snippet; every entry re-exports the same module, so `instanceof`
// holds whichever entry a host loads.
const snippet = readdirSync(join(pkg, "snippets"), { recursive: true }).find((f) => f.endsWith("error.js"));
const errorModule = "./" + relative(pkg, join(pkg, "snippets", snippet)).split("\\").join("/");
const glue = `./${name}.js`;
// The names `can` interns and the positions of the exports, read from the module just built (the
// core's own lists, not copies kept here).
const names = await (async () => {
  const built = await import(pathToFileURL(gluePath).href);
  built.initSync({ module: readFileSync(wasmFile) });
  return {
    roles: built.roles(),
    actions: built.actions(),
    exports: JSON.parse(built.__exportNames()),
    dropReasons: JSON.parse(built.__dropReasons()),
    voiceFields: JSON.parse(built.__voiceFields()),
  };
})();
/** An export's position in the core's table (`api::EXPORTS`), which `__callJson` takes. */
function exportId(fn) {
  const id = names.exports.indexOf(fn);
  if (id < 0) throw new Error(`api::EXPORTS has no ${fn}`);
  return id;
}
// How arguments cross (measured in BENCHMARKS.md). Plain JSON data (strings, finite numbers, booleans,
// null, arrays and plain objects) crosses as the JSON text of the argument list, one string each way
// through `__callJson`; the answer comes back as JSON text for `JSON.parse`. Anything else (NaN, a
// BigInt, a Date, a class instance, a Proxy that throws, a string with an unpaired surrogate…) takes
// the export itself, whose value reader reports it exactly. The choice is by the shape of the input,
// never by its meaning, and both paths give the same answers (the shared vectors and the differential
// tests run both). `can` with two known names crosses as two integers (`__canIndex`); `mergeKeyterms`
// with lists of strings crosses without JSON (`__mergeKeytermsJoined`, see mergeByPosition below);
// `updateVoiceSettings` sends JSON text and gets back where each value is (`__updateVoiceSettingsCompact`,
// see updateByReference below).
const limit = (constant) => {
  const m = readFileSync(join(root, "src/base/json.rs"), "utf8").match(new RegExp(`pub const ${constant}: usize = ([0-9_]+);`));
  if (!m) throw new Error(`src/base/json.rs has no ${constant}`);
  return Number(m[1].replaceAll("_", ""));
};
const internal = new Set([
  "__callJson", "__canIndex", "__exportNames", "__dropReasons", "__mergeKeytermsJoined", "__resetAfterTrap",
  "__updateVoiceSettingsCompact", "__voiceFields", "initSync", "default",
  // js/prepared.js
  "__prepare", "__prepareJson", "__preparedCall", "__preparedCallJson", "__preparedFree",
]);
/** The body of an export: the JSON path, else the export itself; `can` asks by position first. */
const body = (fn, params) => {
  const args = params.startsWith("...") ? params.slice(3) : `[${params}]`;
  const rest = params.startsWith("...") ? ", true" : "";
  const byPosition = fn === "can"
    ? `const i = typeof role === "string" && typeof action === "string" ? canIndex(role, action) : 2;\n    if (i !== 2) return i === 1;\n    `
    : "";
  const ask = fn === "mergeKeyterms" ? `mergeByPosition(lists)`
    : fn === "updateVoiceSettings" ? `updateByReference(current, patch)`
    : `viaJson(${exportId(fn)} /* ${fn} */, ${args}${rest})`;
  return `${byPosition}const answer = ${ask};\n    return answer !== SLOW ? answer : glue.${fn}(${params});`;
};
/** An export of rules.js: `statements` behind the trap guard. */
const wrap = (fn, params, statements) =>
  `export function ${fn}(${params}) {\n  try {\n    ${statements}\n  } catch (e) {\n    throw guard(e);\n  }\n}\n`;
const guarded = exported
  .filter(({ fn }) => !internal.has(fn) && !fn.startsWith("__"))
  .map(({ fn, params }) => wrap(fn, params, body(fn, params)))
  .join("\n");
// Test- and bench-only exports (`__testPanic`, `__benchEmpty`) pass straight through the guard.
const passThrough = exported
  .filter(({ fn }) => fn.startsWith("__") && !internal.has(fn))
  .map(({ fn, params }) => wrap(fn, params, `return glue.${fn}(${params});`))
  .join("\n");
writeFileSync(
  join(pkg, "rules.js"),
  `// workspace-rules: every export behind the trap guard (generated by scripts/build.mjs).
import * as glue from "${glue}";
import { WorkspaceRulesError } from "${errorModule}";
import { preparedWorkspaces } from "./prepared.js";

const INTERNAL = "workspace-rules failed internally on this call; nothing was changed and the module was reset. Please report the input.";

function refusal(code, status, message, cause) {
  const e = new WorkspaceRulesError(code, status, message, [{ code, message, path: "" }]);
  e.cause = cause;
  return e;
}

/**
 * Every exception other than a refusal unwound through WebAssembly frames: a trap (a panic, the stack
 * exhausted) or an exception thrown by the caller's own objects while the input was read (a getter, a
 * Proxy). Either way the instance is replaced, and the caller gets a WorkspaceRulesError: internal_error
 * for a trap, invalid_type for an input that throws when read.
 */
function guard(e) {
  if (e instanceof WorkspaceRulesError) return e;
  glue.__resetAfterTrap();
  const trapped = e instanceof WebAssembly.RuntimeError || (e instanceof RangeError && /call stack/i.test(e.message));
  if (trapped) return refusal("internal_error", 500, INTERNAL, e);
  return refusal("invalid_type", 400, "The input could not be read: it threw " + (e instanceof Error ? e.message : String(e)), e);
}

const MAX_ITEMS = ${limit("MAX_ITEMS")};
const MAX_DEPTH = ${limit("MAX_DEPTH")};
const SLOW = Symbol("slow path");

/**
 * \`value\` when JSON.stringify writes it exactly as the export's own reader would read it, else SLOW.
 * With \`copy\`, a deep copy of it instead, every property and item read once: what a caller that
 * builds its answer from the values it sent must use, so that a getter answering differently on a
 * second read cannot put a value into the answer that was never checked.
 */
function plain(value, depth, copy) {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0) ? value : SLOW;
    case "object": {
      if (value === null) return value;
      if (depth >= MAX_DEPTH || typeof value.toJSON === "function") return SLOW;
      if (Array.isArray(value)) {
        const n = value.length;
        if (n > MAX_ITEMS) return SLOW;
        const out = copy ? [] : value;
        for (let i = 0; i < n; i++) {
          const v = plain(value[i], depth + 1, copy);
          if (v === SLOW) return SLOW;
          if (copy) out.push(v);
        }
        return out;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return SLOW;
      const keys = Object.keys(value);
      if (keys.length > MAX_ITEMS) return SLOW;
      const out = copy ? {} : value;
      for (let i = 0; i < keys.length; i++) {
        const v = value[keys[i]];
        // An undefined property is absent for both readers.
        if (v === undefined) continue;
        const c = plain(v, depth + 1, copy);
        // A copy would take "__proto__" as its prototype, not as a key.
        if (c === SLOW || (copy && keys[i] === "__proto__")) return SLOW;
        if (copy) out[keys[i]] = c;
      }
      return out;
    }
    default:
      return SLOW;
  }
}

/**
 * The JSON text of the arguments, or SLOW when they are not plain JSON data. Trailing undefined
 * arguments are left out (a missing argument is undefined on both paths), except for a rest parameter
 * (\`rest\`), where an explicit undefined is an item of the list. With \`copies\` (an empty array), the
 * text is that of copies of the arguments read once (see plain), left in \`copies\`.
 */
function jsonArgs(args, rest, copies) {
  let n = args.length;
  while (!rest && n > 0 && args[n - 1] === undefined) n--;
  try {
    for (let i = 0; i < n; i++) {
      const v = plain(args[i], 0, copies !== undefined);
      if (v === SLOW) return SLOW;
      if (copies) copies.push(v);
    }
    return JSON.stringify(copies ?? (n === args.length ? args : args.slice(0, n)));
  } catch {
    return SLOW; // a getter or Proxy that throws: the export's own reader decides what that means
  }
}

/**
 * An answer of __callJson or __updateVoiceSettingsCompact: SLOW for "" (text with no Rust form: a
 * string with an unpaired surrogate escape), \`spell(out)\` for "o" + answer, thrown for "e" + refusal.
 */
function answerOf(out, spell) {
  if (out === "") return SLOW;
  if (out.charCodeAt(0) === 111 /* "o" */) return spell(out);
  const e = JSON.parse(out.slice(1));
  throw new WorkspaceRulesError(e.code, e.status, e.message, e.errors);
}

const parseAnswer = (out) => JSON.parse(out.slice(1));

/** The answer through __callJson, or SLOW when the arguments are not plain JSON data. */
function viaJson(exportId, args, rest = false) {
  const text = jsonArgs(args, rest);
  return text === SLOW ? SLOW : answerOf(glue.__callJson(exportId, text), parseAnswer);
}

/** The voice-settings fields by their index in the answer of \`__updateVoiceSettingsCompact\`. */
const VOICE_FIELDS = ${JSON.stringify(names.voiceFields)};

/**
 * updateVoiceSettings for plain JSON data: the arguments are read once into copies and sent as JSON
 * text; the answer says, per field, whether its value is the patch's, the stored one's, or a literal
 * (see api::update_compact), so \`{ settings, changed }\` is built here from the copies and only the
 * values that validation changed cross back as JSON (BENCHMARKS.md). Anything else: SLOW.
 */
function updateByReference(current, patch) {
  const copies = [];
  const text = jsonArgs([current, patch], false, copies);
  if (text === SLOW) return SLOW;
  return answerOf(glue.__updateVoiceSettingsCompact(text), (out) => {
    const [stored, given] = copies;
    const end = 2 + 2 * out.charCodeAt(1);
    const m = out.charCodeAt(end);
    const literals = end + 1 + m < out.length ? JSON.parse(out.slice(end + 1 + m)) : undefined;
    const settings = {};
    for (let i = 2, next = 0; i < end; i += 2) {
      const name = VOICE_FIELDS[out.charCodeAt(i)];
      const where = out.charCodeAt(i + 1);
      settings[name] = where === 0 ? given[name] : where === 1 ? stored[name] : literals[next++];
    }
    const changed = new Array(m);
    for (let k = 0; k < m; k++) changed[k] = VOICE_FIELDS[out.charCodeAt(end + 1 + k)];
    return { settings, changed };
  });
}

/** The drop reasons by their index in the answer of \`__mergeKeytermsJoined\` (the module's own list). */
const DROP_REASONS = ${JSON.stringify(names.dropReasons)};
/** Whether a string has no unpaired surrogate (\`isWellFormed\` where the host has it). */
const wellFormed = typeof String.prototype.isWellFormed === "function"
  ? (s) => s.isWellFormed()
  : (s) => !/\\p{Cs}/u.test(s);

/**
 * mergeKeyterms for lists of strings, without JSON either way (api::merge_joined): the terms are read
 * once, sent laid end to end with their lengths, and the answer names them by position (as code
 * units: see api::merge_joined), so it is spelled out here with the very strings sent, and only terms
 * that normalization changed cross back (BENCHMARKS.md). Anything but arrays of strings without
 * unpaired surrogates: SLOW.
 */
function mergeByPosition(lists) {
  const flat = [];
  try {
    if (lists.length > MAX_ITEMS) return SLOW;
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i];
      if (!Array.isArray(list) || list.length > MAX_ITEMS) return SLOW;
      for (let j = 0; j < list.length; j++) {
        const term = list[j];
        if (typeof term !== "string") return SLOW;
        flat.push(term);
      }
    }
  } catch {
    return SLOW; // a Proxy that throws: the export's own reader decides what that means
  }
  if (flat.length > MAX_ITEMS) return SLOW;
  const lengths = new Uint32Array(flat.length);
  let joined = "";
  for (let k = 0; k < flat.length; k++) {
    lengths[k] = flat[k].length;
    joined += flat[k];
  }
  if (!wellFormed(joined)) return SLOW;
  const out = glue.__mergeKeytermsJoined(joined, lengths);
  if (out === "") return SLOW;
  const keyterms = new Array(out.charCodeAt(0));
  let i = 1;
  for (let k = 0; k < keyterms.length; k++) {
    const position = out.charCodeAt(i++);
    if (position > 0) {
      keyterms[k] = flat[position - 1];
    } else {
      const n = out.charCodeAt(i++);
      keyterms[k] = out.slice(i, i + n);
      i += n;
    }
  }
  const dropped = new Array((out.length - i) / 3);
  for (let d = 0; i < out.length; i += 3, d++) {
    const term = flat[out.charCodeAt(i)];
    const reason = DROP_REASONS[out.charCodeAt(i + 1)];
    const duplicate = out.charCodeAt(i + 2);
    dropped[d] = duplicate === 0 ? { term, reason } : { term, reason, duplicate_of: keyterms[duplicate - 1] };
  }
  return { keyterms, dropped };
}

// Positions in roles() and actions(), as the module built with this file answers them.
const roleIds = new Map(${JSON.stringify(names.roles.map((r, i) => [r, i]))});
const actionIds = new Map(${JSON.stringify(names.actions.map((a, i) => [a, i]))});
/** 1 allowed, 0 not, 2 when a name is unknown (then the JSON path words the refusal). */
function canIndex(role, action) {
  const r = roleIds.get(role);
  const a = actionIds.get(action);
  return r === undefined || a === undefined ? 2 : glue.__canIndex(r, a);
}

${guarded}
${passThrough}
export const { prepareWorkspace } = preparedWorkspaces({ guard, jsonArgs, answerOf, SLOW });
`,
);
// prepareWorkspace and its objects: a real module (js/prepared.js), given the guard and the argument
// helpers above.
copyFileSync(join(root, "js/prepared.js"), join(pkg, "prepared.js"));
const rules = "./rules.js";
const reexports = `export * from "${rules}";\nexport { default, initSync } from "${glue}";\nexport { WorkspaceRulesError } from "${errorModule}";\n`;
const banner = (what) => `// workspace-rules: ${what}\n`;

const entries = {
  // Browsers and bundlers (Vite): fetches the .wasm next to this file and instantiates it before the
  // module finishes loading (top-level await), so the exports are ready to call on import.
  "index.js":
    banner("entry for browsers and bundlers; ready on import.") +
    `import init from "${glue}";\nawait init({ module_or_path: new URL("./${name}_bg.wasm", import.meta.url) });\n` +
    reexports,
  // Node >= 20 (ESM): reads the .wasm from disk synchronously.
  "node.js":
    banner("entry for Node.js (ESM); ready on import.") +
    `import { readFileSync } from "node:fs";\nimport { initSync } from "${glue}";\n` +
    `initSync({ module: readFileSync(new URL("./${name}_bg.wasm", import.meta.url)) });\n` +
    reexports,
  // workerd / Cloudflare Workers: the runtime hands a .wasm import over as a compiled WebAssembly.Module.
  "workerd.js":
    banner("entry for workerd / Cloudflare Workers; ready on import.") +
    `import wasmModule from "./${name}_bg.wasm";\nimport { initSync } from "${glue}";\n` +
    `initSync({ module: wasmModule });\n` +
    reexports,
  // A plain page without a bundler, or any host that wants to choose when and how to load the .wasm:
  // call `await init()` (or `initSync({ module })`) before the first rule.
  "web.js": banner("the web build; call init() before the first rule.") + reexports,
};
for (const [file, text] of Object.entries(entries)) writeFileSync(join(pkg, file), text);

// Node's entry as one file: Node's ES module loader spends about 0.5 ms on every file it imports, and
// the entry above imports four (itself, the glue, rules.js, the error class), so one bundled file
// reaches the first answer about 1.3 ms sooner (BENCHMARKS.md, "Cold start"). Only Node's: bundlers
// (Vite, wrangler) bundle the other entries themselves, and `web.js` must keep sharing the glue.
// The error class stays its own module, shared by every entry, so `instanceof` holds across them; the
// bundle has its own instance of the glue (import `workspace-rules/web` in Node and it needs `initSync`).
{
  const { rolldown } = await import("rolldown");
  const bundle = await rolldown({
    input: join(pkg, "node.js"),
    external: [/^node:/, /\/error\.js$/],
    logLevel: "warn",
  });
  await bundle.write({ file: join(pkg, "node.js"), format: "esm", banner: banner("entry for Node.js (ESM); ready on import. Bundled from the glue and rules.js.") });
  await bundle.close();
}
writeFileSync(join(pkg, "index.d.ts"), `export * from "./${name}.js";\nexport { default, initSync } from "./${name}.js";\n`);

const types = "./index.d.ts";
const manifest = {
  name: "workspace-rules",
  version,
  description: "Workspace rules for voice-AI agent platforms: roles, permissions and more, one Rust implementation compiled to WebAssembly.",
  license: "MIT OR Apache-2.0",
  type: "module",
  main: "./node.js",
  module: "./index.js",
  browser: "./index.js",
  types,
  sideEffects: ["./index.js", "./node.js", "./workerd.js"],
  exports: {
    ".": {
      types,
      workerd: "./workerd.js",
      worker: "./index.js",
      node: "./node.js",
      browser: "./index.js",
      import: "./index.js",
      default: "./index.js",
    },
    "./web": { types, default: "./web.js" },
    "./workerd": { types, default: "./workerd.js" },
    "./node": { types, default: "./node.js" },
    [`./${name}_bg.wasm`]: `./${name}_bg.wasm`,
    "./package.json": "./package.json",
  },
  files: readdirSync(pkg).filter((f) => f !== ".gitignore"),
  engines: { node: ">=20" },
};
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
if (existsSync(join(root, "README.md"))) copyFileSync(join(root, "README.md"), join(pkg, "README.md"));
rmSync(join(pkg, ".gitignore"), { force: true });

const size = (file) => {
  const bytes = readFileSync(join(pkg, file));
  return { raw: statSync(join(pkg, file)).size, gzip: gzipSync(bytes, { level: 9 }).length };
};
const sizes = { wasm: size(`${name}_bg.wasm`), glue: size(`${name}.js`) };
writeFileSync(join(pkg, "sizes.json"), JSON.stringify(sizes) + "\n");
console.log(
  `${relative(root, pkg)}/ built: ${name}_bg.wasm ${sizes.wasm.raw} B (${sizes.wasm.gzip} B gzipped), ` +
    `${name}.js ${sizes.glue.raw} B (${sizes.glue.gzip} B gzipped)`,
);
