// What the docs tests read from the repository's Markdown: the tracked files, their fenced code blocks,
// their links and the anchors GitHub gives their headings. No Markdown library: the files are ours and
// use a small subset (ATX headings, inline links, fenced blocks).

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Every tracked file, as paths relative to the repository root (forward slashes). */
export function trackedFiles() {
  return execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
}

export const read = (path) => readFileSync(join(root, path), "utf8");

/**
 * The lines of a Markdown text with what is not prose blanked out: fenced code blocks become empty
 * lines and inline code spans spaces, so line numbers stay right. `blocks` gets each fenced block:
 * `{ info, line, code }`, `line` being the 1-based line of its opening fence.
 */
export function parse(text) {
  const lines = text.split("\n");
  const prose = [];
  const blocks = [];
  let fence = null;
  for (const [i, line] of lines.entries()) {
    if (fence) {
      if (new RegExp(`^\\s*${fence.marker}{${fence.length},}\\s*$`).test(line)) {
        blocks.push({ info: fence.info, line: fence.line, code: fence.code.join("\n") });
        fence = null;
      } else {
        fence.code.push(line);
      }
      prose.push("");
      continue;
    }
    const open = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
    if (open) {
      fence = { marker: open[1][0] === "`" ? "`" : "~", length: open[1].length, info: open[2].trim(), line: i + 1, code: [] };
      prose.push("");
      continue;
    }
    prose.push(line.replace(/(`+)(?:(?!\1).)+?\1/g, (m) => " ".repeat(m.length)));
  }
  return { lines, prose, blocks };
}

/** GitHub's anchor for a heading's text: lowercased, punctuation and symbols dropped, spaces to `-`. */
export function slug(heading) {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // links and images: their text
    .replace(/<[^>]+>/g, "") // inline HTML
    .replace(/`/g, "");
  return text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "").replace(/ /g, "-");
}

/** Every anchor a Markdown file offers: its headings' slugs (repeats get -1, -2, …) and explicit ids. */
export function anchors(text) {
  const { lines, prose } = parse(text);
  const found = new Set();
  const seen = new Map();
  for (const [i, line] of prose.entries()) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = slug(lines[i].replace(/^ {0,3}#{1,6}\s+/, "").replace(/\s+#+\s*$/, ""));
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      found.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) found.add(m[1]);
  }
  return found;
}

/** Every link of a Markdown text: `{ target, line }` for inline links, images and reference definitions. */
export function links(text) {
  const { prose } = parse(text);
  const out = [];
  for (const [i, line] of prose.entries()) {
    for (const m of line.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) {
      out.push({ target: m[1], line: i + 1 });
    }
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/.exec(line);
    if (definition) out.push({ target: definition[1], line: i + 1 });
    for (const m of line.matchAll(/<(?:a|img)\s[^>]*(?:href|src)="([^"]+)"/g)) out.push({ target: m[1], line: i + 1 });
  }
  return out;
}
