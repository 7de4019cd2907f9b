// The repository's docs hold together: every relative link of every tracked Markdown file resolves to a
// tracked file (and its #anchor to a heading), nothing points outside the repository, every
// `docs/rules/<page>.md#anchor` named anywhere exists, the rulebook's error table is the crate's list of
// codes, and every test a rulebook page names exists. No build needed: `node --test tests/docs/links.test.mjs`.

import assert from "node:assert/strict";
import { test } from "node:test";
import { existsSync } from "node:fs";
import { join, posix } from "node:path";
import { anchors, links, parse, read, root, trackedFiles } from "./markdown.mjs";

const files = trackedFiles().filter((f) => existsSync(join(root, f)));
const tracked = new Set(files);
const directories = new Set(files.flatMap((f) => f.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"))));
const markdown = files.filter((f) => f.endsWith(".md"));
const anchorsOf = new Map();
const anchorsIn = (file) => {
  if (!anchorsOf.has(file)) anchorsOf.set(file, anchors(read(file)));
  return anchorsOf.get(file);
};

/** Why `target`, linked from `from`, does not resolve, or null when it does. */
function brokenLink(from, target) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    return /^(https?|mailto):/i.test(target) ? null : `a ${target.split(":")[0]}: link`;
  }
  if (target.startsWith("/")) return "an absolute path (links must be relative to the file)";
  const hash = target.indexOf("#");
  const path = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
  const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
  const resolved = path === "" ? from : posix.normalize(posix.join(posix.dirname(from), path)).replace(/\/$/, "");
  if (resolved === ".." || resolved.startsWith("../")) return "a path outside the repository";
  if (!tracked.has(resolved) && !directories.has(resolved)) return `no tracked file or folder ${resolved}`;
  if (anchor === null) return null;
  if (!resolved.endsWith(".md")) return `an anchor into ${resolved}, which is not Markdown`;
  return anchorsIn(resolved).has(anchor) ? null : `no heading #${anchor} in ${resolved}`;
}

test("every relative link in the tracked Markdown resolves inside the repository, anchors included", () => {
  const broken = [];
  for (const file of markdown) {
    for (const { target, line } of links(read(file))) {
      const why = brokenLink(file, target);
      if (why) broken.push(`${file}:${line}: ${target} — ${why}`);
    }
  }
  assert.deepEqual(broken, []);
});

// Text files worth searching: everything tracked but images, lockfiles and this folder's own patterns.
const searchable = files.filter((f) => !/\.(png|jpe?g|gif|ico|wasm)$|(^|\/)(Cargo|package-lock)\.(lock|json)$/.test(f) && !f.startsWith("tests/docs/"));

test("no file points outside the repository (the shared rules folder, absolute machine paths)", () => {
  const outside = [new RegExp(String.raw`\.\./` + "shared"), new RegExp("/" + String.raw`work/`)];
  const found = [];
  for (const file of searchable) {
    for (const [i, line] of read(file).split("\n").entries()) {
      if (outside.some((pattern) => pattern.test(line))) found.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
    }
  }
  assert.deepEqual(found, []);
});

test("every docs/rules/<page>.md#anchor named in the repository exists", () => {
  const broken = [];
  let count = 0;
  for (const file of searchable) {
    for (const [i, line] of read(file).split("\n").entries()) {
      for (const m of line.matchAll(/docs\/rules\/([a-z0-9-]+\.md)(?:#([A-Za-z0-9_-]+))?/g)) {
        count++;
        const page = `docs/rules/${m[1]}`;
        if (!tracked.has(page)) broken.push(`${file}:${i + 1}: ${m[0]} — no page ${page}`);
        else if (m[2] && !anchorsIn(page).has(m[2])) broken.push(`${file}:${i + 1}: ${m[0]} — no heading #${m[2]}`);
      }
    }
  }
  assert.ok(count > 0, "the code names no rulebook page at all: is the pattern still right?");
  assert.deepEqual(broken, []);
});

/** The rows `| \`code\` | status | … |` of the table under the heading `## <title>` of a Markdown text. */
function codeTable(text, title) {
  const { prose } = parse(text);
  const start = prose.findIndex((l) => l.trim() === `## ${title}`);
  assert.ok(start >= 0, `no section "## ${title}"`);
  const rows = new Map();
  const lines = text.split("\n");
  for (let i = start + 1; i < lines.length && !/^## /.test(lines[i]); i++) {
    const row = /^\|\s*`([a-z_]+)`\s*\|\s*(\d{3}|—)\s*\|/.exec(lines[i]);
    if (row) rows.set(row[1], row[2] === "—" ? null : Number(row[2]));
  }
  return rows;
}

test("the rulebook's error table lists exactly the codes of src/base/error.rs, with their statuses", () => {
  const source = read("src/base/error.rs");
  const crate = new Map([...source.matchAll(/^\s*[A-Z][A-Za-z]* = "([a-z_]+)", (\d{3});/gm)].map((m) => [m[1], Number(m[2])]));
  assert.ok(crate.size > 30, "src/base/error.rs declares its codes in another form: update this test");
  const index = read("docs/rules/README.md");
  const table = codeTable(index, "Error codes");
  const coming = codeTable(index, "Codes of rules in progress");
  const problems = [];
  for (const [code, status] of crate) {
    const documented = table.has(code) ? table.get(code) : coming.get(code);
    if (documented === undefined) problems.push(`${code} (${status}) is not in docs/rules/README.md`);
    else if (documented !== null && documented !== status) problems.push(`${code}: ${status} in the crate, ${documented} in the table`);
  }
  for (const code of table.keys()) if (!crate.has(code)) problems.push(`${code} is in the table but not in the crate`);
  assert.deepEqual(problems, []);
});

test("the package's ErrorCode type lists exactly the codes of src/base/error.rs", () => {
  const crate = [...read("src/base/error.rs").matchAll(/^\s*[A-Z][A-Za-z]* = "([a-z_]+)", (\d{3});/gm)].map((m) => m[1]).sort();
  const types = read("js/index.d.ts");
  const union = /export type ErrorCode =([^;]*);/.exec(types);
  assert.ok(union, "js/index.d.ts has no ErrorCode union");
  const typed = [...union[1].matchAll(/"([a-z_]+)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(typed, crate);
});

/**
 * The tests a rulebook page names, from its `Tests:` paragraphs: a `path` in backticks, then the Rust
 * test functions (`name` in backticks) or the vector cases and JS test titles ("name" in quotes) in it.
 */
function citedTests(text) {
  const cited = [];
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.startsWith("Tests:"));
  for (const paragraph of paragraphs) {
    let file = null;
    for (const m of paragraph.matchAll(/`([^`]+)`|"((?:[^"\\]|\\.)+)"/g)) {
      if (m[1] && /^(tests|src|bench|examples)\/\S+\.\w+$/.test(m[1])) file = m[1];
      else if (m[1] && /^[a-z_][a-z0-9_]*$/.test(m[1]) && file?.endsWith(".rs")) cited.push({ file, fn: m[1] });
      else if (m[2] && file) cited.push({ file, name: m[2] });
    }
    cited.push({ paragraph: paragraph.slice(0, 60), file: file ?? "(none)" });
  }
  return cited;
}

test("every test a rulebook page names exists", () => {
  const texts = new Map();
  const text = (file) => texts.get(file) ?? texts.set(file, read(file)).get(file);
  const cases = new Map();
  const caseNames = (file) => cases.get(file) ?? cases.set(file, new Set(JSON.parse(text(file)).cases.map((k) => k.name))).get(file);
  const missing = [];
  let count = 0;
  for (const page of markdown.filter((f) => f.startsWith("docs/rules/"))) {
    for (const c of citedTests(read(page))) {
      if (c.paragraph !== undefined) {
        if (c.file === "(none)") missing.push(`${page}: a Tests paragraph names no file: ${c.paragraph}…`);
        continue;
      }
      count++;
      if (!tracked.has(c.file)) {
        missing.push(`${page}: ${c.file} is not a tracked file`);
      } else if (c.fn && !new RegExp(String.raw`\bfn ${c.fn}\s*\(`).test(text(c.file))) {
        missing.push(`${page}: no fn ${c.fn} in ${c.file}`);
      } else if (c.name && c.file.endsWith(".json")) {
        if (!caseNames(c.file).has(c.name)) missing.push(`${page}: no case "${c.name}" in ${c.file}`);
      } else if (c.name && !text(c.file).includes(c.name)) {
        missing.push(`${page}: no test "${c.name}" in ${c.file}`);
      }
    }
  }
  assert.ok(count > 100, `only ${count} tests named: is the Tests: format still the one this test reads?`);
  assert.deepEqual(missing, []);
});

test("the README stays an entrance: at most 250 lines", () => {
  const lines = read("README.md").split("\n").length;
  assert.ok(lines <= 250, `README.md has ${lines} lines; move detail into docs/`);
});

test("the link check itself catches what it should", () => {
  assert.equal(brokenLink("README.md", "docs/rules/roles.md#the-permission-matrix"), null);
  assert.match(brokenLink("README.md", "docs/rules/roles.md#no-such-rule"), /no heading/);
  assert.match(brokenLink("README.md", "docs/rules/nope.md"), /no tracked file/);
  assert.match(brokenLink("docs/rules/README.md", "../../../shared/SPEC.md"), /outside the repository/);
  assert.match(brokenLink("README.md", "/work/x.md"), /absolute/);
  assert.match(brokenLink("README.md", "file:///etc/passwd"), /file: link/);
});
