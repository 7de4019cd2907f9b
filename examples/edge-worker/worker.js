// An edge function that decides platform requests with the workspace rules (`docs/rules/requests.md`) before they
// reach the origin: no network call, the same compiled rules as the backend and the browser.
//
// - The actor comes from the request's headers: `x-user-id` (and `x-user-email`); none → no
//   credentials (401 for every route but the public invitation preview). In production these headers
//   are set by the authentication layer in front of this worker, never trusted from the client.
// - The workspace state comes from `store.json`, shipped with the worker, by the path's workspace id
//   (for the preview: the workspace holding the invitation). A real deployment reads it from KV or a
//   Durable Object; the rule does not care where the state comes from.
// - `now` is the request time: this edge convenience reads the clock; the rule itself never does.
//
// The answer is the decision JSON `{ allowed, action, status, error? }` with the decision's status.
import { checkRequest } from "workspace-rules";
import store from "./store.json";

/** The state a path refers to; otherwise the store's first (checkRequest then answers 404). */
function stateFor(pathname) {
  const segments = pathname.split("/").map((s) => {
    try {
      return decodeURIComponent(s).toLowerCase();
    } catch {
      return s;
    }
  });
  const [, version, first, second] = segments;
  if (version === "v1" && first === "invitations") {
    const holder = store.workspaces.find((s) => s.invitations.some((i) => i.id === second));
    if (holder) return holder;
  }
  const id = first === "workspaces" ? second : first;
  return store.workspaces.find((s) => s.workspace.id === id) ?? store.workspaces[0];
}

async function readBody(request) {
  const text = await request.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON: the body validators answer 422 (a string is not an object)
  }
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const userId = request.headers.get("x-user-id");
    const actor = userId ? { user_id: userId, email: request.headers.get("x-user-email") } : null;
    const decision = checkRequest(
      { method: request.method, path: url.pathname + url.search, body: await readBody(request) },
      { actor, state: stateFor(url.pathname), now: new Date().toISOString() },
    );
    return Response.json(decision, { status: decision.status });
  },
};
