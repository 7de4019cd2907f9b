// Builds the npm package into pkg/ (generated; never committed):
//   1. cargo rustc --release --target wasm32-unknown-unknown --crate-type cdylib (LTO)
//   2. wasm-bindgen --target web       (one ESM glue file that every entry shares)
//   3. wasm-opt -O3 from the npm package binaryen (Debian's wasm-opt 108 corrupts this output); -O3, not
//      -Oz: mergeKeyterms 10 % faster for 0.2 KB gzipped and 0.3-0.8 ms of cold start (BENCHMARKS.md)
//   4. patchGlue: the one change to wasm-bindgen's output (see there)
//   5. the JavaScript layer, js/, copied as it is (rules.js, its fast paths and trap guard, one entry per
//      host, the TypeScript entry), and pkg/generated.js, the data js/ needs, read from the built module;
//      the build stops when the exports of js/rules.js and of the core's table (api::EXPORTS) differ
//   6. Node's entry bundled into one file, pkg/package.json with its `exports`, js/README.md as the
//      package's README
// Prints the raw and gzipped sizes of the .wasm and the JS glue.
//
//   node scripts/build.mjs [--quiet]
//   node scripts/build.mjs --test-panic   a debug build with a deliberately panicking export
//                                         (`__testPanic`, js/dev-test-panic.js), into
//                                         test-results/pkg-panic/, for the tests of the trap guard;
//                                         never shipped
//   node scripts/build.mjs --bench        the release build plus `__benchEmpty(a, b)` (js/dev-bench.js),
//                                         an export that takes two strings and does nothing (the
//                                         boundary cost), into test-results/pkg-bench/, for
//                                         `npm run bench`; never shipped
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
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

/**
 * The one change to wasm-bindgen's output, on the pinned version's exact text: should that text differ
 * (another wasm-bindgen), the build stops here.
 *
 * - The trap guard (js/guard.js) needs to drop a trapped instance: the glue gets `__resetAfterTrap`,
 *   which starts a fresh instance of the same compiled module. Only the glue can, its instance is
 *   private to it.
 * - Strings into WebAssembly: the glue copies the ASCII head of a string in a JavaScript loop, one
 *   character at a time, and hands the rest to TextEncoder.encodeInto. For the JSON text of arguments
 *   (hundreds of characters to megabytes) encodeInto alone, a native copy, is faster; short strings
 *   keep the loop, whose call costs less. Measured A/B (`node bench/ab.mjs`), BENCHMARKS.md "Strings
 *   into WebAssembly by encodeInto" and "The JavaScript layer as source files, and one way in".
 */
function patchGlue(dir) {
  const gluePath = join(dir, `${name}.js`);
  let glue = readFileSync(gluePath, "utf8");
  const once = (text) => {
    if (glue.split(text).length !== 2) throw new Error(`patchGlue: the wasm-bindgen glue has no single "${text}"`);
  };
  const asciiLoop = "for (; offset < len; offset++) {";
  const ASCII_LOOP_MAX = 64;
  once(asciiLoop);
  glue = glue.replace(asciiLoop, `for (; offset < len && len <= ${ASCII_LOOP_MAX}; offset++) {`);
  // What __resetAfterTrap uses: the instance and module the glue keeps, and initSync starting one.
  once("let wasmModule, wasmInstance, wasm;");
  once("function initSync(module) {\n    if (wasm !== undefined) return wasm;");
  glue +=
    "\n/** Replaces a trapped instance with a fresh one of the same compiled module (used by guard.js). */\n" +
    "export function __resetAfterTrap() {\n    const module = wasmModule;\n    wasm = undefined;\n    initSync({ module });\n}\n";
  writeFileSync(gluePath, glue);
}

/**
 * Stops the build, naming what to add or remove, unless `rules` (pkg/rules.js of this build) exports
 * exactly the exports of the core's table (`names`, api::EXPORTS) and, in a test or bench build, the
 * glue's extra `__` exports (written in that build's dev module, `where`, with the glue's number of
 * parameters). The other `__` exports are the ones only js/ and this build call (INTERNAL).
 */
function checkExports(names, glue, rules, where) {
  const INTERNAL = new Set([
    "__callJson", "__callMarked", "__canIndex", "__mergeKeytermsJoined", "__updateVoiceSettingsCompact", // js/fast-paths.js
    "__resetAfterTrap", // js/guard.js
    "__prepareJson", "__prepareMarked", "__preparedCallJson", "__preparedCallMarked", "__preparedFree", // js/prepared.js
    "__exportNames", "__dropReasons", "__voiceFields", "__maxItems", "__maxDepth", // this build, for pkg/generated.js
    "default", "initSync", // the entries
  ]);
  for (const fn of INTERNAL) if (typeof glue[fn] !== "function") throw new Error(`the glue has no ${fn}, which js/ or the build calls`);
  const dev = Object.keys(glue).filter((fn) => typeof glue[fn] === "function" && !INTERNAL.has(fn));
  const expected = [...names, ...dev];
  // Exports of js/ that are not in the core's table: built in JavaScript on internal exports.
  const JS_ONLY = ["prepareWorkspace", "voiceSettingsPatchSchema", "workspaceUpdateSchema", "invitationSchema", "commandFieldsSchema"]; // js/prepared.js, js/schemas.js
  const actual = Object.keys(rules).filter((fn) => !JS_ONLY.includes(fn));
  const params = (f) => String(f).match(/\(([^)]*)\)/)?.[1] ?? "";
  const file = (fn) => (fn.startsWith("__") ? `js/${where}` : "js/rules.js");
  const problems = [
    ...expected.filter((fn) => !actual.includes(fn)).map((fn) => `add ${fn}${dev.includes(fn) ? `(${params(glue[fn])})` : ""} to ${file(fn)}`),
    ...actual.filter((fn) => !expected.includes(fn)).map((fn) => `remove ${fn} from ${file(fn)} (the core exports no ${fn})`),
    ...dev
      .filter((fn) => actual.includes(fn) && rules[fn].length !== glue[fn].length)
      .map((fn) => `${fn} of ${file(fn)} takes ${rules[fn].length} parameter(s), the glue's ${fn}(${params(glue[fn])}) ${glue[fn].length}`),
  ];
  if (problems.length) throw new Error(`The exports of js/ and of the module just built differ: ${problems.join("; ")}.`);
}

const crate = JSON.parse(
  execFileSync("cargo", ["metadata", "--no-deps", "--format-version", "1"], { cwd: root, encoding: "utf8" }),
).packages.find((p) => p.name === "workspace-rules");
// The repository's address is Cargo.toml's `repository`, the one place it is written: the package's
// README links into it absolutely (its links work on npm; tests/docs/package-readme.test.mjs).
const { version, repository } = crate;

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

patchGlue(pkg);

// The JavaScript layer: real modules in js/, copied as they are (their own comments say what each is;
// js/rules.js lists them). Every entry imports the one error module, so `instanceof` holds whichever
// entry a host loads.
const JS_FILES = ["rules.js", "fast-paths.js", "guard.js", "error.js", "prepared.js", "schemas.js", "wasm-file.js", "index.js", "node.js", "web.js", "workerd.js", "vite.js", "index.d.ts", "web.d.ts", "vite.d.ts"];
// The glue's own declarations are not the package's: web.d.ts declares init and initSync, and no
// entry's types show the glue's internal exports (`__callJson`, the raw `.wasm` exports).
for (const file of [`${name}.d.ts`, `${name}_bg.wasm.d.ts`]) rmSync(join(pkg, file), { force: true });
for (const file of JS_FILES) copyFileSync(join(root, "js", file), join(pkg, file));
// The JSON Schema documents, generated from the Rust types (src/boundary/schema.rs, tests/schema.rs).
mkdirSync(join(pkg, "schema"), { recursive: true });
for (const file of readdirSync(join(root, "js/schema"))) copyFileSync(join(root, "js/schema", file), join(pkg, "schema", file));

// pkg/generated.js, the one module written here: what js/ needs to know of the module just built,
// read from it (the core's own lists, not copies kept here).
const gluePath = join(pkg, `${name}.js`);
const glue = await import(pathToFileURL(gluePath).href);
glue.initSync({ module: readFileSync(wasmFile) });
{
  const exportNames = JSON.parse(glue.__exportNames());
  const ask = (name) => JSON.parse(glue.__callJson(exportNames.indexOf(name), "[]").slice(1));
  const data = {
    MAX_ITEMS: [glue.__maxItems(), "The reader's limits (src/base/json.rs): what is past them is marked, for the rules to report."],
    MAX_DEPTH: [glue.__maxDepth(), null],
    ROLES: [ask("roles"), "roles() and actions(), in order: `can` asks by position (canIndex)."],
    ACTIONS: [ask("actions"), null],
    VOICE_FIELDS: [JSON.parse(glue.__voiceFields()), "The names behind the indexes of the compact answers (updateByReference, mergeByPosition)."],
    DROP_REASONS: [JSON.parse(glue.__dropReasons()), null],
    EXPORT_ID: [Object.fromEntries(exportNames.map((n, i) => [n, i])), "Each export's position in the core's table (api::EXPORTS), which __callJson takes."],
  };
  writeFileSync(
    join(pkg, "generated.js"),
    "// workspace-rules: what scripts/build.mjs read from the module it built, for the modules of js/.\n" +
      "// Generated: change js/ or the Rust core instead.\n" +
      Object.entries(data)
        .map(([key, [value, doc]]) => (doc ? `/** ${doc} */\n` : "") + `export const ${key} = ${JSON.stringify(value)};\n`)
        .join(""),
  );
}

// The test and bench builds: their extra export (`__testPanic`, `__benchEmpty`) is written in a module
// of its own (js/dev-test-panic.js, js/dev-bench.js) that re-exports rules.js; bundled with it, it
// becomes that build's rules.js, so every entry exports it. Never in pkg/.
const devModule = testPanic ? "dev-test-panic.js" : bench ? "dev-bench.js" : null;
if (devModule) {
  const { rolldown } = await import("rolldown");
  copyFileSync(join(root, "js", devModule), join(pkg, devModule));
  const bundle = await rolldown({ input: join(pkg, devModule), external: (id) => !/(^|[\\/])rules\.js$/.test(id), logLevel: "warn" });
  await bundle.write({ file: join(pkg, "rules.js"), format: "esm", banner: `// workspace-rules: rules.js and js/${devModule}, bundled (a test build, never shipped).\n` });
  await bundle.close();
  rmSync(join(pkg, devModule));
}

checkExports(JSON.parse(glue.__exportNames()), glue, await import(pathToFileURL(join(pkg, "rules.js")).href), devModule ?? "rules.js");

// Node's entry as one file: Node's ES module loader spends about 0.5 ms on every file it imports, and
// the entry imports seven (itself, the glue, rules.js, fast-paths.js, guard.js, generated.js and the error
// class), so one bundled file reaches the first answer sooner (BENCHMARKS.md, "Cold start"). Only
// Node's: bundlers (Vite, wrangler) bundle the other entries themselves, and `web.js` must keep
// sharing the glue. The error class stays its own module, shared by every entry, so `instanceof`
// holds across them; the bundle has its own instance of the glue (import `workspace-rules/web` in
// Node and it needs `initSync`).
{
  const { rolldown } = await import("rolldown");
  // pkg/node.cjs: the same entry for `require` (the `require` condition), for the Node 20 releases
  // before require(esm) (20.19). Everything bundled in, the error class too: error.js makes
  // `instanceof` hold across its copies.
  const cjs = await rolldown({ input: join(pkg, "node.js"), external: [/^node:/], platform: "node", logLevel: "warn" });
  await cjs.write({ file: join(pkg, "node.cjs"), format: "cjs", exports: "named", banner: "// workspace-rules: entry for Node.js (CommonJS); ready on require. Bundled from js/node.js, the glue and the rules.\n" });
  await cjs.close();
  const bundle = await rolldown({
    input: join(pkg, "node.js"),
    external: [/^node:/, /(^|[\\/])error\.js$/],
    logLevel: "warn",
  });
  await bundle.write({ file: join(pkg, "node.js"), format: "esm", banner: "// workspace-rules: entry for Node.js (ESM); ready on import. Bundled from js/node.js, the glue and the rules.\n" });
  await bundle.close();
}

const types = "./index.d.ts";
// A `require` sees CommonJS declarations (index.d.cts, the same text), or TypeScript's nodenext
// refuses an ES module's types to a CommonJS file.
const typesFor = { require: "./index.d.cts", default: types };
copyFileSync(join(pkg, "index.d.ts"), join(pkg, "index.d.cts"));
const manifest = {
  name: "workspace-rules",
  version,
  description: "Workspace rules for voice-AI agent platforms: roles, permissions and more, one Rust implementation compiled to WebAssembly.",
  license: "MIT OR Apache-2.0",
  repository: { type: "git", url: `git+${repository}.git` },
  homepage: `${repository}#readme`,
  bugs: { url: `${repository}/issues` },
  keywords: ["workspace", "roles", "permissions", "rbac", "invitations", "voice-ai", "voice-settings", "webassembly", "wasm", "rules"],
  type: "module",
  main: "./node.js",
  module: "./index.js",
  browser: "./index.js",
  types,
  sideEffects: ["./index.js", "./node.js", "./workerd.js"],
  exports: {
    ".": {
      types: typesFor,
      workerd: "./workerd.js",
      worker: "./index.js",
      node: { require: "./node.cjs", default: "./node.js" },
      browser: "./index.js",
      require: "./node.cjs",
      import: "./index.js",
      default: "./index.js",
    },
    "./web": { types: "./web.d.ts", default: "./web.js" },
    "./workerd": { types, default: "./workerd.js" },
    "./node": { types: typesFor, require: "./node.cjs", default: "./node.js" },
    "./vite": { types: "./vite.d.ts", default: "./vite.js" },
    "./schema/*": "./schema/*",
    [`./${name}_bg.wasm`]: `./${name}_bg.wasm`,
    "./package.json": "./package.json",
  },
  files: readdirSync(pkg).filter((f) => f !== ".gitignore"),
  engines: { node: ">=20" },
};
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
// The package's own README, for npm users (the repository's README.md is the entrance to the repository).
copyFileSync(join(root, "js/README.md"), join(pkg, "README.md"));
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
