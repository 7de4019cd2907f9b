// The test build's extra export (`node scripts/build.mjs --test-panic`, into test-results/pkg-panic/,
// never shipped): `__testPanic("panic" | "recursion")` panics or exhausts the stack inside WebAssembly,
// behind the same guard as every export, for the tests of the trap guard. The build bundles this file
// with rules.js into that build's rules.js, so every entry exports it.
import * as glue from "./workspace_rules.js";
import { guard } from "./guard.js";
export * from "./rules.js";

export function __testPanic(kind) {
  try {
    return glue.__testPanic(kind);
  } catch (e) {
    throw guard(e);
  }
}
