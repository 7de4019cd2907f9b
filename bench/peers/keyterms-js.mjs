// mergeKeyterms as a JavaScript team would write it: String.prototype.normalize("NFC"), trimming and
// collapsing white space, and `toLowerCase()` as the duplicate key (which misses `ß` = `SS`; the
// library folds fully). Same answer shape, same cap, same drop reasons.
const CAP = 200;
export function mergeKeytermsJs(...lists) {
  const keyterms = [];
  const dropped = [];
  const seen = new Map();
  for (const list of lists) {
    for (const term of list) {
      const n = [...term].length > 1024 ? null : term.normalize("NFC").replace(/\s+/gu, " ").trim();
      if (n === null) dropped.push({ term, reason: "too_long" }); // as given, before normalizing
      else if (n.length === 0) dropped.push({ term, reason: "empty" });
      else if ([...n].length > 128) dropped.push({ term, reason: "too_long" });
      else {
        const key = n.toLowerCase();
        const first = seen.get(key);
        if (first !== undefined) dropped.push({ term, reason: "duplicate", duplicate_of: first });
        else if (keyterms.length >= CAP) dropped.push({ term, reason: "limit" });
        else {
          seen.set(key, n);
          keyterms.push(n);
        }
      }
    }
  }
  return { keyterms, dropped };
}
