// The package's own README (js/README.md, pkg/README.md on npm) and manifest, for npm users (issue 22
// item 7): every link is absolute, into the repository that Cargo.toml's `repository` names, at a file
// or heading that exists (a relative link is dead on npm); package.json names the repository.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { anchors, links, read, root, trackedFiles } from "./markdown.mjs";

const repository = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^repository = "([^"]+)"/m)[1];

test("every link of js/README.md is absolute, into the repository, at a tracked file and heading", () => {
  const tracked = new Set(trackedFiles());
  const found = links(read("js/README.md"));
  assert.ok(found.length >= 5);
  const broken = [];
  for (const { target, line } of found) {
    if (target === repository) continue;
    const m = target.match(new RegExp(`^${repository.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/blob/main/([^#]+)(?:#(.+))?$`));
    if (!m) broken.push(`${line}: ${target} is not ${repository}/blob/main/…`);
    else if (!tracked.has(m[1])) broken.push(`${line}: ${m[1]} is no tracked file`);
    else if (m[2] && !anchors(read(m[1])).has(m[2])) broken.push(`${line}: no heading #${m[2]} in ${m[1]}`);
  }
  assert.deepEqual(broken, []);
});

test("the built package.json has repository, homepage, keywords, and the README is the package's", { skip: !existsSync(join(root, "pkg/package.json")) && "no pkg/" }, () => {
  const manifest = JSON.parse(readFileSync(join(root, "pkg/package.json"), "utf8"));
  assert.equal(manifest.repository.url, `git+${repository}.git`);
  assert.ok(manifest.homepage.startsWith(repository));
  assert.ok(manifest.keywords.length >= 5);
  assert.equal(readFileSync(join(root, "pkg/README.md"), "utf8"), read("js/README.md"));
  assert.doesNotMatch(read("js/README.md"), /npm (start|test)\b/);
});
