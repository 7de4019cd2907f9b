// fast-check arbitraries for "whatever arrives over the network or from a careless caller": JSON-like
// values with the values JSON cannot carry mixed in, hostile keys, odd numbers, and deep nesting.
import fc from "fast-check";

const oddNumbers = fc.constantFrom(-0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 5e-324, NaN, Infinity, -Infinity, 0.1 + 0.2);
const oddStrings = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }), // lone surrogates included
  fc.constantFrom("__proto__", "constructor", "prototype", "", " ", "\u0000", "\u200b", "ß", "İ", "owner", "admin", "member", "workspace.view"),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);
const exotic = fc.oneof(
  fc.constant(undefined),
  fc.bigInt(),
  fc.constant(Symbol("fuzz")),
  fc.constant(() => 1),
  fc.constant(new Uint8Array([1, 2, 3])),
  fc.constant(new Map([["a", 1]])),
  fc.constant(new Date(0)),
  fc.constant(Object.create(null)),
);

/** Any value: mostly JSON-like, sometimes exotic, nested up to a few levels. */
export const anything = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    oddNumbers,
    oddStrings,
    exotic,
    fc.array(tie("value"), { maxLength: 6 }),
    fc.dictionary(oddStrings, tie("value"), { maxKeys: 6 }),
    // An own "__proto__" key, as JSON.parse makes one.
    fc.tuple(fc.dictionary(oddStrings, tie("value"), { maxKeys: 4 }), tie("value")).map(([o, v]) =>
      Object.defineProperty({ ...o }, "__proto__", { value: v, enumerable: true, configurable: true, writable: true }),
    ),
  ),
})).value;

/** A value nested `depth` levels deep (arrays and objects alternating). */
export function deep(depth) {
  let v = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}
