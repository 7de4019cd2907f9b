// The JavaScript the docs show runs: every ```js run block of the README, the guides and js/README.md is
// executed against the built package, imported by name as a user's code imports it, and a line
// `expression; // value` checks the value when the comment is a JavaScript expression (a comment with
// "…" in it, or that is prose, is left a comment). Needs the package: `node scripts/build.mjs --quiet`
// then `bash scripts/link-consumers.sh` (tests/consumer/node_modules/workspace-rules → pkg/).
//
// Each block runs in its own `node --input-type=module` process whose working directory is
// tests/consumer/, so `import … from "workspace-rules"` resolves through that folder's node_modules,
// exactly as for the other consumer tests.

import assert from "node:assert/strict";
import { test } from "node:test";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parse, read, root, trackedFiles } from "./markdown.mjs";

const consumer = join(root, "tests", "consumer");
const documents = trackedFiles().filter((f) => f === "README.md" || f === "js/README.md" || /^docs\/guides\/.*\.md$/.test(f));

/** Whether `text` parses as one JavaScript expression (without running it). */
function isExpression(text) {
  try {
    new Function(`return (${text}\n);`);
    return true;
  } catch {
    return false;
  }
}

/**
 * The block as a module: `expression; // value` lines become checks, in place, so line numbers stay
 * those of the block. Declarations, assignments and lines that close a multi-line statement are kept.
 */
export function checked(code, where) {
  const lines = code.split("\n").map((line, i) => {
    const m = /^(\s*)(.*?\S)\s*;\s*\/\/\s*(.+?)\s*$/.exec(line);
    if (!m) return line;
    const [, indent, statement, comment] = m;
    if (/^(?:(?:const|let|var|import|export|return|throw|if|for|while|try|catch)\b|[)}\]])/.test(statement)) return line;
    if (/(^|[^=!<>])=($|[^=>])/.test(statement) || comment.includes("…") || !isExpression(comment)) return line;
    if (!isExpression(statement)) return line;
    return `${indent}__expect(${statement}, ${comment}, ${JSON.stringify(`${where.file}:${where.line + 1 + i}`)});`;
  });
  lines.push(
    'import { deepStrictEqual as __deepEqual } from "node:assert/strict";',
    "function __expect(actual, expected, at) { __deepEqual(actual, expected, `${at}: the answer is not the one the docs show`); }",
  );
  return lines.join("\n");
}

test("the package is built and linked for the consumer folder", () => {
  assert.ok(
    existsSync(join(consumer, "node_modules", "workspace-rules", "package.json")),
    "no tests/consumer/node_modules/workspace-rules: run `node scripts/build.mjs --quiet && bash scripts/link-consumers.sh`",
  );
});

let blocks = 0;
for (const file of documents) {
  for (const block of parse(read(file)).blocks) {
    const [language, ...flags] = block.info.split(/\s+/);
    if (!["js", "javascript", "mjs"].includes(language) || !flags.includes("run")) continue;
    blocks++;
    test(`${file}:${block.line}: the block runs and answers as shown`, () => {
      const source = checked(block.code, { file, line: block.line });
      try {
        execFileSync(process.execPath, ["--input-type=module", "-e", source], { cwd: consumer, encoding: "utf8", stdio: "pipe" });
      } catch (e) {
        assert.fail(`${file}:${block.line} failed:\n${e.stderr || e.message}`);
      }
    });
  }
}

test("the docs have blocks marked to run", () => assert.ok(blocks >= 4, `only ${blocks} \`\`\`js run blocks found`));

test("a line `expression; // value` becomes a check, prose and elisions stay comments", () => {
  const at = { file: "x.md", line: 1 };
  assert.match(checked('can("a", "b"); // true', at), /^__expect\(can\("a", "b"\), true, "x\.md:2"\);/);
  assert.equal(checked("const x = f(); // 1", at).split("\n")[0], "const x = f(); // 1");
  assert.equal(checked("f(); // [1, …]", at).split("\n")[0], "f(); // [1, …]");
  assert.equal(checked("f(); // owners only, exact slug", at).split("\n")[0], "f(); // owners only, exact slug");
});
