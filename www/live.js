// Live mode of the Team tab (docs/guides/playground.md#live-mode): with `?live=<base>` (the edge, or
// `/edge`, the stack's same-origin forward to it) the tab's commands are sent as HTTP requests to the
// backend's routes (docs/rules/requests.md#routes) with the acting person's token, from the stack's
// `/dev/tokens`. This file only maps a command to its route and carries the answer: the backend decides.

/** The `live` base address, or null in local mode. */
export const liveBase = () => new URLSearchParams(location.search).get("live");

/** The HTTP request of a Team-tab command `{ type, … }`: `{ method, path, body? }`, or null. */
export function toRequest(command, workspaceId, actorId) {
  const ws = `/v1/workspaces/${workspaceId}`;
  switch (command.type) {
    case "provision": return { method: "POST", path: `${ws}/provision` };
    case "archive": return { method: "POST", path: `${ws}/archive`, body: { slug: command.slug } };
    case "invite_member": return { method: "POST", path: `${ws}/invitations`, body: { email: command.email, role: command.role } };
    case "revoke_invitation": return { method: "DELETE", path: `${ws}/invitations/${command.invitation_id}` };
    case "accept_invitation": return { method: "POST", path: `/v1/invitations/${command.invitation_id}/accept` };
    case "decline_invitation": return { method: "POST", path: `/v1/invitations/${command.invitation_id}/decline` };
    case "change_role": return { method: "PATCH", path: `${ws}/members/${command.user_id}`, body: { role: command.role } };
    case "remove_member": return { method: "DELETE", path: `${ws}/members/${command.user_id}` };
    case "leave_workspace": return { method: "DELETE", path: `${ws}/members/${actorId}` };
    default: return null;
  }
}

/** Sends one request: `{ ok, status, json }` (a network failure is `{ ok: false, status: 0 }`). */
export async function send(base, { method, path, body }, token) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers["content-type"] = "application/json";
  try {
    const r = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = { message: text };
    }
    return { ok: r.ok, status: r.status, json };
  } catch (e) {
    return { ok: false, status: 0, json: { message: `no answer from ${base}: ${e.message}` } };
  }
}

/** The stack's directory of people with their tokens; `add(email)` mints one for a new address. */
export const directory = async () => (await fetch("/dev/tokens")).json();
export const addPerson = async (email) => (await fetch("/dev/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email }) })).json();
