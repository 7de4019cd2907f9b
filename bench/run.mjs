// `npm run bench`: every case in one Node process, interleaved (round-robin over all cases in each
// round), after a warm-up, over several rounds; prints the median ns/op of each case and its ratio to
// workspace-rules. Speed is measured here, never asserted in tests.
//
//   node bench/run.mjs [--rounds N] [--markdown FILE] [--only TEXT]   (--only: the groups whose title has
//   TEXT, no cold start)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { casbinPeer, cedarPeer, jsLookup, specMatrix } from "./peers/permissions.mjs";
import { updateVoiceSettingsZod, updateVoiceSettingsZodPatchOnly } from "./peers/voice-zod.mjs";
import { mergeKeytermsJs } from "./peers/keyterms-js.mjs";
import { badPatch, ctx, current, formPatch, full, inviteArgs, listA, listB, putArgs, small, stateWith, stored } from "./fixtures.mjs";

const root = join(fileURLToPath(import.meta.url), "../..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const rounds = Number(arg("--rounds", 15));
const markdownFile = arg("--markdown", null);

// The measured package is the bench build: the release build plus `__benchEmpty` (scripts/build.mjs --bench).
const api = await import(pathToFileURL(join(root, "test-results/pkg-bench/node.js")).href);
// The glue and the marked path (a second instance: the Node entry is one bundled file): JSON text and
// marked JSON text asked directly, as js/rules.js asks them.
const glue = await import(pathToFileURL(join(root, "test-results/pkg-bench/workspace_rules.js")).href);
glue.initSync({ module: readFileSync(join(root, "test-results/pkg-bench/workspace_rules_bg.wasm")) });
const { viaMarked } = await import(pathToFileURL(join(root, "test-results/pkg-bench/fast-paths.js")).href);

// ---- the cases -------------------------------------------------------------------------------------
const matrix = specMatrix();
const pairs = api.roles().flatMap((r) => api.actions().map((a) => [r, a]));
let i = 0;
const next = () => pairs[(i = (i + 1) % pairs.length)];
const cedar = cedarPeer(matrix);
const casbin = await casbinPeer(matrix);
const js = jsLookup(matrix);

/** Groups of cases; the first case of each group is ours, the others are compared with it. */
const groups = [
  {
    title: "permission check: can(role, action), all 111 cells in turn",
    cases: {
      "workspace-rules can()": () => {
        const [r, a] = next();
        return api.can(r, a);
      },
      "empty wasm export, same two strings (boundary cost)": () => {
        const [r, a] = next();
        return api.__benchEmpty(r, a);
      },
      "plain JS object lookup (the floor)": () => {
        const [r, a] = next();
        return js(r, a);
      },
      "casbin 5 enforceSync, RBAC model": () => {
        const [r, a] = next();
        return casbin(r, a);
      },
      "@cedar-policy/cedar-wasm 4, policies parsed once": () => {
        const [r, a] = next();
        return cedar.preparsed(r, a);
      },
      "@cedar-policy/cedar-wasm 4, policies parsed per call": () => {
        const [r, a] = next();
        return cedar.reparsing(r, a);
      },
    },
  },
];

for (const patch of [small, full]) {
  const expected = JSON.stringify(api.updateVoiceSettings(current, patch));
  for (const peer of [updateVoiceSettingsZod, updateVoiceSettingsZodPatchOnly]) {
    if (JSON.stringify(peer(current, patch)) !== expected) throw new Error(`${peer.name} disagrees`);
  }
}
// The zod peer does the package's work (the stored object is validated too); the patch-only one
// trusts the stored object, as a team might (bench/peers/voice-zod.mjs).
groups.push({
  title: `voice settings: updateVoiceSettings(current, patch), a 3-field and a ${Object.keys(full).length}-field patch`,
  cases: {
    "workspace-rules, 3 fields": () => api.updateVoiceSettings(current, small),
    "zod 4 peer, 3 fields": () => updateVoiceSettingsZod(current, small),
    "zod 4 patch only, 3 fields": () => updateVoiceSettingsZodPatchOnly(current, small),
    [`workspace-rules, ${Object.keys(full).length} fields`]: () => api.updateVoiceSettings(current, full),
    [`zod 4 peer, ${Object.keys(full).length} fields`]: () => updateVoiceSettingsZod(current, full),
    [`zod 4 patch only, ${Object.keys(full).length} fields`]: () => updateVoiceSettingsZodPatchOnly(current, full),
  },
});

// Saving a form against a stored object that came from the server: the peer that matters trusts it
// and validates the patch only. The package keeps the last stored object it read by its JSON text
// (src/boundary/api.rs, LastStored), so only the patch is checked when the object is unchanged.
const refused = (fn) => () => {
  try {
    return fn();
  } catch (e) {
    return e;
  }
};
for (const [name, fn] of [["workspace-rules", api.updateVoiceSettings], ["zod 4 patch only", updateVoiceSettingsZodPatchOnly]]) {
  if (!(refused(() => fn(stored, badPatch))().errors?.length === 3)) throw new Error(`${name}: the refusal should list three problems`);
}
const forms = [
  ["a 3-field patch", formPatch, false],
  [`a ${Object.keys(full).length}-field patch`, full, false],
  ["a 3-problem refusal", badPatch, true],
];
for (const [what, patch, refusal] of forms) {
  const call = (fn) => (refusal ? refused(() => fn(stored, patch)) : () => fn(stored, patch));
  groups.push({
    title: `saving a form: updateVoiceSettings(stored with 8 keyterms, ${what})`,
    cases: {
      "workspace-rules": call(api.updateVoiceSettings),
      "zod 4 patch only": call(updateVoiceSettingsZodPatchOnly),
    },
  });
}

// How objects cross: the package's path (JSON text in, the answer by reference to the values sent)
// against JSON text both ways (the package's path for other exports, asked here of the glue as
// js/fast-paths.js would) and marked JSON text (the package's path for arguments that are not plain
// JSON data), same question.
const updateExport = JSON.parse(glue.__exportNames()).indexOf("updateVoiceSettings");
groups.push({
  title: "how objects cross the boundary: updateVoiceSettings(current, 3-field patch)",
  cases: {
    "package: JSON text in, values by reference out": () => api.updateVoiceSettings(current, small),
    "JSON text in, JSON text out (JSON.parse)": () => JSON.parse(glue.__callJson(updateExport, JSON.stringify([current, small])).slice(1)),
    "marked JSON text in (any argument), JSON text out": () => viaMarked(updateExport, [current, small]),
  },
});

groups.push({
  title: "keyterms: mergeKeyterms(2 × 200 terms), NFC and case folding",
  cases: {
    "workspace-rules mergeKeyterms": () => api.mergeKeyterms(listA, listB),
    "JS: normalize('NFC') + toLowerCase()": () => mergeKeytermsJs(listA, listB),
  },
});

// apply: invite_member on states of 10, 1,000 and 10,000 members (should grow no worse than linearly).
const applyCases = {};
for (const n of [10, 1000, 10000]) {
  const args = inviteArgs(api, n);
  applyCases[`apply invite_member, ${n} members`] = () => api.apply(...args);
}
// A caller applying commands one after another, each to the state of the answer before: the package
// keeps its last answer's state and skips reading it again (src/boundary/api.rs, LastState). The same commands
// to the same state every time (above, and the first case here) read it every time.
{
  const state = stateWith(api, 10000);
  const renames = [{ type: "update_workspace", name: "Bench A" }, { type: "update_workspace", name: "Bench B" }];
  let chained = state;
  let turn = 0;
  applyCases["apply update_workspace, 10000 members, same state each call"] = () => api.apply(state, renames[0], ctx);
  const step = () => {
    chained = api.apply(chained, renames[turn++ & 1], ctx).state;
  };
  // The other cases evict the kept state between batches (it holds one); one untimed command first
  // makes this case what it models, one workspace's commands in a row.
  step.prepare = step;
  applyCases["apply update_workspace, 10000 members, chained (each on the last answer's state)"] = step;
}
groups.push({ title: "apply: invite_member by member count", cases: applyCases });

// checkRequest: a typical PUT of voice settings by an admin, body validated.
const put = putArgs(api);
groups.push({
  title: "checkRequest: a PUT /v1/{id}/settings/voice by an admin with a 3-field body",
  cases: { "workspace-rules checkRequest": () => api.checkRequest(...put) },
});

// checkRequest on hostile paths, each answered as an unknown route (tests/consumer/requests.test.mjs
// checks the answers; how long they take is measured here).
{
  const context = put[1];
  const hostile = {
    "a 100 KB path of /a/a/a…": "/" + "a/".repeat(50_000),
    "a 100 KB id of %": `/v1/workspaces/${"%".repeat(100_000)}`,
    "a 1 MB segment": "/v1/" + "x".repeat(1 << 20),
  };
  groups.push({
    title: "checkRequest: hostile paths, answered as unknown routes",
    cases: Object.fromEntries(Object.entries(hostile).map(([name, path]) => [name, () => api.checkRequest({ method: "GET", path }, context)])),
  });
}

// Prepared workspaces (prepareWorkspace): a check on 10,000 members against the same on 10 (target: at
// most 3×), and preparing 10,000 members against one unprepared check on them (target: at most 1.5×).
// The actor is the last member, the one a scan finds last.
{
  const cases = {};
  const checks = {};
  for (const n of [10, 10000]) {
    const state = stateWith(api, n);
    const request = { method: "GET", path: `/v1/workspaces/${state.workspace.id}` };
    const context = { actor: { user_id: state.members.at(-1).user_id }, now: ctx.now };
    const prepared = api.prepareWorkspace(state);
    if (!prepared.checkRequest(request, context).allowed) throw new Error("the GET should be allowed");
    checks[n] = { state, request, context, prepared };
  }
  const big = checks[10000];
  cases["prepared checkRequest, 10 members"] = () => checks[10].prepared.checkRequest(checks[10].request, checks[10].context);
  cases["prepared checkRequest, 10000 members"] = () => big.prepared.checkRequest(big.request, big.context);
  cases["checkRequest (unprepared), 10000 members"] = () => api.checkRequest(big.request, { ...big.context, state: big.state });
  cases["prepareWorkspace + free, 10000 members"] = () => api.prepareWorkspace(big.state).free();
  groups.push({
    title: "prepared workspaces: checkRequest of a GET by the last member",
    cases,
    targets: (m) => [
      `prepared checkRequest, 10,000 members / 10 members: ${(m["prepared checkRequest, 10000 members"] / m["prepared checkRequest, 10 members"]).toFixed(2)}× (target ≤ 3×)`,
      `prepareWorkspace 10,000 members / one unprepared checkRequest on them: ${(m["prepareWorkspace + free, 10000 members"] / m["checkRequest (unprepared), 10000 members"]).toFixed(2)}× (target ≤ 1.5×)`,
    ],
  });
}

// capabilities on 1,000 members (and their invitations) against one apply on that state (target: at
// most 2×, issue 18): one pass, not a loop of apply.
{
  const state = stateWith(api, 1000);
  const owner = { actor_id: state.members[0].user_id, actor_email: state.members[0].email, now: ctx.now };
  const [, invite, inviteCtx] = inviteArgs(api, 1000);
  const cases = {
    "capabilities, 1000 members (owner)": () => api.capabilities(state, owner),
    "apply invite_member, 1000 members": () => api.apply(state, invite, inviteCtx),
  };
  groups.push({
    title: "capabilities: 1,000 members against one apply",
    cases,
    targets: (m) => [
      `capabilities / apply, 1,000 members: ${(m["capabilities, 1000 members (owner)"] / m["apply invite_member, 1000 members"]).toFixed(2)}× (target ≤ 2×)`,
    ],
  });
}

// ---- the harness -----------------------------------------------------------------------------------
let sink = 0;
function batch(fn, n) {
  fn.prepare?.();
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < n; k++) if (fn()) sink++;
  return Number(process.hrtime.bigint() - t0) / n;
}

/**
 * Iterations for a batch of ~4 ms, found during the warm-up. The first calls are run apart first (for
 * 25 ms or 2,000 calls): one cold call (V8 compiling the WebAssembly function and the JS around it)
 * can take more than 4 ms, which once left a case measured one call per batch.
 */
function calibrate(fn) {
  const start = process.hrtime.bigint();
  for (let k = 0; k < 2000 && process.hrtime.bigint() - start < 25_000_000n; k++) if (fn()) sink++;
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < n; k++) if (fn()) sink++;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms > 4 || n > 1e7) return n;
    n = Math.max(n * 2, Math.ceil((n * 4.5) / Math.max(ms, 0.01)));
  }
}

const only = arg("--only", null);
if (only) groups.splice(0, groups.length, ...groups.filter((g) => g.title.includes(only)));
const all = groups.flatMap((g) => Object.entries(g.cases).map(([name, fn]) => ({ group: g.title, name, fn, samples: [] })));
for (const c of all) {
  c.n = calibrate(c.fn);
  batch(c.fn, c.n); // warm-up
}
// Rounds interleave the cases of one group; the groups run one after another. Interleaving every case
// of every group charged a case for the garbage of the peer run just before it (cedar-wasm and casbin
// make a lot): update 3 fields measured 9.0 µs right after cedar, 5.9 µs elsewhere in the same run.
// Forcing a collection before each batch (node --expose-gc) was tried and rejected: it slows zod's
// steady state by half for the whole batch (3.9 → 5.9 µs), which would flatter the package.
for (const g of groups) {
  const cs = all.filter((c) => c.group === g.title);
  for (let r = 0; r < rounds; r++) for (const c of cs) c.samples.push(batch(c.fn, c.n));
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
for (const c of all) c.median = median(c.samples);
if (process.env.BENCH_SAMPLES) for (const c of all) console.error(c.name, c.n, c.samples.map((x) => (x / 1000).toFixed(1)).join(" "));

// ---- cold start, each in a fresh process ------------------------------------------------------------
function coldStart(runs = 15) {
  const script = `
    const t0 = performance.now();
    const { readFileSync } = await import("node:fs");
    const bytes = readFileSync(process.argv[1]);
    const module = await WebAssembly.compile(bytes);
    const t1 = performance.now();
    const web = await import(process.argv[2]);
    web.initSync({ module });
    const t2 = performance.now();
    web.can("admin", "members.invite");
    const t3 = performance.now();
    console.log(JSON.stringify({ compile: t1 - t0, instantiate: t2 - t1, first: t3 - t2 }));`;
  // The same from `node -e`: the package's import is the process's first import of a file, so it also
  // pays for starting Node's ES module loader (see emptyImport).
  const importScript = `
    const t0 = performance.now();
    const { can } = await import(process.argv[1]);
    can("admin", "members.invite");
    console.log(JSON.stringify({ importToFirstAnswer: performance.now() - t0 }));`;
  // Node's own cost of a first dynamic import (its ES module loader), for scale: an empty module.
  const emptyScript = `
    const t0 = performance.now();
    await import("data:text/javascript,export default 1");
    console.log(JSON.stringify({ emptyImport: performance.now() - t0 }));`;
  const pkg = join(root, "pkg");
  const nodeEntry = pathToFileURL(join(pkg, "node.js")).href;
  const results = [];
  const node = (args) => JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8" }));
  for (let k = 0; k < runs; k++) {
    results.push({
      ...node(["--input-type=module", "-e", script, join(pkg, "workspace_rules_bg.wasm"), pathToFileURL(join(pkg, "web.js")).href]),
      ...node([join(root, "bench/cold-entry.mjs"), nodeEntry]),
      ...node(["--input-type=module", "-e", importScript, nodeEntry]),
      ...node(["--input-type=module", "-e", emptyScript]),
    });
  }
  return Object.fromEntries(Object.keys(results[0]).map((k) => [k, median(results.map((r) => r[k]))]));
}
const cold = only ? null : coldStart();
const sizes = JSON.parse(readFileSync(join(root, "pkg/sizes.json"), "utf8"));

// ---- report -----------------------------------------------------------------------------------------
const fmt = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(1)} ns`);
const lines = [];
for (const g of groups) {
  const cs = all.filter((c) => c.group === g.title);
  const ours = cs[0].median;
  lines.push(`\n### ${g.title}\n`, "| case | median per op | ratio to workspace-rules |", "|---|---:|---:|");
  for (const c of cs) {
    const ratio = c.median / ours;
    const text = c === cs[0] ? "1×" : ratio >= 1 ? `${ratio.toFixed(ratio >= 10 ? 0 : 2)}× slower` : `${(1 / ratio).toFixed(2)}× faster`;
    lines.push(`| ${c.name} | ${fmt(c.median)} | ${text} |`);
  }
  if (g.targets) lines.push("", ...g.targets(Object.fromEntries(cs.map((c) => [c.name, c.median]))).map((t) => `- ${t}`));
}
if (cold) lines.push(
  "\n### cold start (median of 15 fresh Node processes)\n",
  "| step | median |",
  "|---|---:|",
  `| WebAssembly.compile of the .wasm | ${cold.compile.toFixed(2)} ms |`,
  `| import of the web entry + initSync with the compiled module | ${cold.instantiate.toFixed(2)} ms |`,
  `| first answer after instantiate | ${cold.first.toFixed(3)} ms |`,
  `| \`import("workspace-rules")\` (Node entry) to first answer, from an app's entry module | ${cold.fromFileEntry.toFixed(2)} ms |`,
  `| the same from \`node -e\` (also starts Node's module loader) | ${cold.importToFirstAnswer.toFixed(2)} ms |`,
  `| for scale: Node's first \`import()\` of an empty module | ${cold.emptyImport.toFixed(2)} ms |`,
);
lines.push(
  "\n### size\n",
  `| file | bytes | gzipped |`,
  "|---|---:|---:|",
  `| workspace_rules_bg.wasm | ${sizes.wasm.raw} | ${sizes.wasm.gzip} |`,
  `| workspace_rules.js (glue) | ${sizes.glue.raw} | ${sizes.glue.gzip} |`,
);
const machine = `Node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} cores), ${rounds} rounds, ${new Date().toISOString().slice(0, 10)}`;
const report = `${machine}\n${lines.join("\n")}\n`;
console.log(report);
if (markdownFile) writeFileSync(markdownFile, report);
if (sink < 0) console.log(sink);
