// The bench build's extra export (`node scripts/build.mjs --bench`, into test-results/pkg-bench/, never
// shipped): `__benchEmpty(a, b)` takes two strings and does nothing, the boundary cost that
// `npm run bench` compares `can` with. The build bundles this file with rules.js into that build's
// rules.js, so every entry exports it.
import * as glue from "./workspace_rules.js";
import { guard } from "./guard.js";
export * from "./rules.js";

export function __benchEmpty(a, b) {
  try {
    return glue.__benchEmpty(a, b);
  } catch (e) {
    throw guard(e);
  }
}
