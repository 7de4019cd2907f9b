// What the tests of tests/packed/ share: where the apps are, and running a tool there.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "../..");
export const apps = join(here, "apps");
export const installed = join(apps, "node_modules/workspace-rules");
export const bin = (name) => join(here, "node_modules/.bin", name);

if (!existsSync(join(installed, "package.json"))) {
  throw new Error("tests/packed/apps has no installed package: run `node scripts/build.mjs` and `bash scripts/pack-consumers.sh` first");
}

/** Runs `cmd args` in `cwd` (default: the apps), its standard output as text; throws with its stderr on failure. */
export function run(cmd, args, { cwd = apps, env = {} } = {}) {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
}

/** A port free on 127.0.0.1 now, for a server that cannot pick its own. */
export const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

/** What the apps print: the same three answers in every host. */
export const EXPECTED = { invite: true, slug: "equipe-reseau", refusal: "unknown_role" };
