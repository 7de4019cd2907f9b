// Launches Debian's Chromium through playwright-core (never a downloaded browser), headless and
// offline: as root it needs --no-sandbox, and the background-networking flags keep it from stalling on
// a machine without internet.
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launch() {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "wr-chromium-")), {
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}
