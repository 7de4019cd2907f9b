// A small DOM helper for the playground: h("tag.class", { attributes, on: { event } }, ...children).
export function h(spec, props = {}, ...children) {
  const [tag, ...classes] = spec.split(".");
  const el = document.createElement(tag || "div");
  if (classes.length) el.className = classes.join(" ");
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "on") for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    else if (key === "text") el.textContent = value;
    else if (key === "value") el.value = value;
    else if (key === "checked" || key === "disabled" || key === "selected") el[key] = Boolean(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  el.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** Replaces the element's children. */
export const fill = (el, ...children) => el.replaceChildren(...children.flat(Infinity).filter((c) => c != null && c !== false));

/** Lines of a textarea as a list: one item per line; only a final empty line (a trailing newline) is left out. */
export function lines(text) {
  if (text === "") return [];
  const items = text.split("\n");
  if (items.at(-1) === "") items.pop();
  return items;
}

/** The JSON Pointer's first segment: "/keyterms/3" → "keyterms", "" → "". */
export const fieldOf = (path = "") => path.split("/")[1] ?? "";

/** An error thrown by the package, as one line: "validation_failed (422): …". */
export const refusal = (e) => (e && e.code ? `${e.code} (${e.status}): ${e.message}` : String(e?.message ?? e));

let idCounter = 0;
export const uid = (prefix) => `${prefix}-${++idCounter}`;

/** A labelled field: <label for=id>text</label> then the control (the control gets the id). */
export function field(text, control, ...extra) {
  if (!control.id) control.id = uid("f");
  return h("div.field", {}, h("label", { for: control.id, text }), control, ...extra);
}
