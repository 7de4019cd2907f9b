// The packed tarball in Vite 5 and in current Vite, built (`vite build`) and served (`vite` dev
// server), each page run in Chromium (issue 22, items 1 and 2):
// - vite-shell: workspace-rules/web, default configuration: the shell renders first, the rules after.
// - vite-plugin: the entry that is ready on import, with the package's plugin (its vite.config.js):
//   builds under Vite 5's default target, and the built page preloads the .wasm.
// - vite-auto: the same page with no configuration at all, in current Vite.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "../../scripts/serve.mjs";
import { launch } from "../browser/chromium.mjs";
import { EXPECTED, apps, root } from "./support.mjs";

let context;
before(async () => {
  context = await launch();
});
after(() => context?.close());

/** The page's answer and what it fetched of the .wasm, loaded from `url` in Chromium. */
async function visit(url) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById("out").textContent.startsWith("{"), null, { timeout: 60_000 });
  const answer = JSON.parse(await page.locator("#out").textContent());
  const wasm = await page.evaluate(() =>
    performance.getEntriesByType("resource").filter((r) => r.name.split("?")[0].endsWith(".wasm")).map((r) => r.initiatorType),
  );
  await page.close();
  assert.deepEqual(errors, []);
  return { answer, wasm };
}

async function built(vite, app, tag) {
  const outDir = join(root, "test-results/packed", `${app}-${tag}`);
  const config = app === "vite-plugin" ? {} : { configFile: false };
  await vite.build({ root: join(apps, app), logLevel: "error", ...config, build: { outDir, emptyOutDir: true } });
  const { server, url } = await startServer({ mounts: { "/": outDir } });
  try {
    return { ...(await visit(`${url}/`)), html: readFileSync(join(outDir, "index.html"), "utf8"), assets: readdirSync(join(outDir, "assets")) };
  } finally {
    server.close();
  }
}

async function served(vite, app, tag) {
  const config = app === "vite-plugin" ? {} : { configFile: false };
  const server = await vite.createServer({
    root: join(apps, app), logLevel: "error", ...config, cacheDir: join(root, "test-results/packed", `vite-cache-${app}-${tag}`),
    server: { host: "127.0.0.1", port: 0 },
  });
  await server.listen();
  try {
    return await visit(server.resolvedUrls.local[0]);
  } finally {
    await server.close();
  }
}

for (const [name, tag, current] of [["vite5", "v5", false], ["vite", "current", true]]) {
  const vite = await import(name);
  const label = current ? `current Vite (${vite.version})` : `Vite ${vite.version}`;

  test(`${label}: workspace-rules/web with the default configuration, the shell first (build and dev)`, async () => {
    const build = await built(vite, "vite-shell", tag);
    assert.deepEqual(build.answer, { ...EXPECTED, shellFirst: true });
    assert.ok(build.assets.some((f) => f.endsWith(".wasm")), "the .wasm is emitted as an asset");
    assert.deepEqual((await served(vite, "vite-shell", tag)).answer, { ...EXPECTED, shellFirst: true });
  });

  test(`${label}: the entry ready on import with workspace-rules/vite, the .wasm preloaded (build and dev)`, async () => {
    const build = await built(vite, "vite-plugin", tag);
    assert.deepEqual(build.answer, EXPECTED);
    const wasmAsset = build.assets.find((f) => f.endsWith(".wasm"));
    assert.match(build.html, new RegExp(`<link rel="preload" href="/assets/${wasmAsset.replace(/\./g, "\\.")}" as="fetch" type="application/wasm" crossorigin`));
    // Fetched once, by the preload: the module's own fetch used the preloaded response.
    assert.deepEqual(build.wasm, ["link"]);
    assert.deepEqual((await served(vite, "vite-plugin", tag)).answer, EXPECTED);
  });

  if (current) {
    test(`${label}: the entry ready on import with no configuration at all (build and dev)`, async () => {
      assert.deepEqual((await built(vite, "vite-auto", tag)).answer, EXPECTED);
      assert.deepEqual((await served(vite, "vite-auto", tag)).answer, EXPECTED);
    });
  } else {
    test(`${label}: without the plugin, the default target refuses the top-level await (why the plugin exists)`, async () => {
      await assert.rejects(built(vite, "vite-auto", tag), /Top-level await is not available/);
    });
  }
}
