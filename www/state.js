// The playground's one state object: kept in local storage (so a reload keeps it) and in the URL
// fragment as base64url of its JSON (so the address bar is always a share link). Panels read and write
// their own slice through `slice(name, defaults)` and call `save()` after a change.
const KEY = "workspace-rules-playground";
const VERSION = 1;

const encode = (value) => {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
};
const decode = (text) => {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
};

function fromFragment() {
  const match = location.hash.match(/^#s=([A-Za-z0-9_-]+)$/);
  if (!match) return null;
  try {
    const value = decode(match[1]);
    return value?.v === VERSION ? value : null;
  } catch {
    return null;
  }
}
function fromStorage() {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? "null");
    return value?.v === VERSION ? value : null;
  } catch {
    return null;
  }
}

/** Where the state came from: "link", "storage" or "new"; `badLink` when the fragment could not be read. */
export let origin = "new";
export const badLink = location.hash.startsWith("#s=") && !fromFragment();
export let state = { v: VERSION };
{
  const linked = fromFragment();
  const stored = fromStorage();
  // A reload of your own page has its fragment too: that is not "opened from a link".
  if (linked) [state, origin] = [linked, JSON.stringify(linked) === JSON.stringify(stored) ? "storage" : "link"];
  else if (stored) [state, origin] = [stored, "storage"];
}

/** The named slice, created from `defaults()` when missing. */
export function slice(name, defaults) {
  if (state[name] === undefined) state[name] = defaults();
  return state[name];
}

/** Writes the state to local storage and to the URL fragment (without adding history entries). */
export function save() {
  const encoded = encode(state);
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    /* storage full or disabled: the link still carries the state */
  }
  history.replaceState(null, "", `${location.pathname}${location.search}#s=${encoded}`);
}

/** The share link of the current state. */
export const shareLink = () => `${location.origin}${location.pathname}#s=${encode(state)}`;

/** Forgets one panel's slice (it starts from its defaults after the reload). */
export function forget(name) {
  delete state[name];
  save();
  location.reload();
}

/** Forgets everything and starts again. */
export function reset() {
  localStorage.removeItem(KEY);
  history.replaceState(null, "", `${location.pathname}${location.search}`);
  location.reload();
}
