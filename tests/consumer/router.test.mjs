// The router against an independent one (docs/rules/requests.md#paths-and-methods): a standard router reads
// `new URL(url).pathname` and matches literal segments exactly, ids as lower-case UUIDs, methods as
// sent. Over path tricks built from every route, checkRequest matches a route only when that router,
// given the same request, matches the same route on the same path the edge saw.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkRequest, createWorkspace } from "workspace-rules";

const ws = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f";
const inv = "9b1c2d3e-4f50-4a61-8b72-c3d4e5f60001";
const ana = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
const ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const ROUTES = [
  ["GET", "/v1/workspaces/:id", "workspace.view"], ["PATCH", "/v1/workspaces/:id", "workspace.update"],
  ["POST", "/v1/workspaces/:id/provision", "workspace.provision"], ["POST", "/v1/workspaces/:id/archive", "workspace.archive"],
  ["GET", "/v1/workspaces/:id/test-caller-numbers", "test_numbers.view"], ["PUT", "/v1/workspaces/:id/test-caller-numbers", "test_numbers.manage"],
  ["GET", "/v1/:id/settings/voice", "voice_settings.view"], ["PUT", "/v1/:id/settings/voice", "voice_settings.update"],
  ["POST", "/v1/workspaces/:id/invitations", "members.invite"], ["DELETE", "/v1/workspaces/:id/invitations/:id", "invitations.revoke"],
  ["GET", "/v1/invitations/:id/preview", "public"], ["POST", "/v1/:id/calls/outbound", "calls.outbound"],
  ["GET", "/v1/workspaces/:id/credits", "usage.view"], ["PUT", "/v1/workspaces/:id/credits/allowance", "billing.manage"],
  // The member id is not the actor's (leaving would read "member").
  ["PATCH", "/v1/workspaces/:id/members/:id", "members.update_role"], ["DELETE", "/v1/workspaces/:id/members/:id", "members.remove"],
  ["POST", "/v1/invitations/:id/accept", "invitee"], ["POST", "/v1/invitations/:id/decline", "invitee"],
  ["POST", "/v1/workspaces/:id/minutes/allocations", "minutes.allocate"], ["GET", "/v1/workspaces/:id/members", "members.view"],
  ["GET", "/v1/workspaces/:id/invitations", "invitations.view"], ["GET", "/v1/workspaces/:id/audit", "audit.view"],
  ["GET", "/v1/workspaces/:id/capabilities", "member"],
];
const patterns = ROUTES.map(([m, p, a]) => [m, new RegExp(`^${p.replaceAll(":id", ID)}$`), a]);

/** The independent router: what an origin given this request line would match, or null. */
function standardRoute(method, path) {
  let url;
  try {
    url = new URL(path, "https://api.example.com");
  } catch {
    return null;
  }
  const hit = patterns.find(([m, re]) => m === method && re.test(url.pathname));
  return hit ? { action: hit[2], pathname: url.pathname } : null;
}

const tricks = [
  (p) => p, (p) => p.replace("/v1/", "/v%31/"), (p) => p.replace("workspaces", "%77orkspaces"),
  (p) => p.replace(/\/([a-z])([a-z-]*)$/, (_, a, b) => `/%${a.charCodeAt(0).toString(16)}${b}`),
  (p) => p.replaceAll("-", "%2D"), (p) => p.replaceAll("-", "%2d"), (p) => p.replace("/v1/", "/v1/x/../"),
  (p) => p.replace("/v1/", "/v1/./"), (p) => p.replace("/v1/", "/v1/%2e/"), (p) => p.replace("/v1/", "/v1/x/%2e%2e/"),
  (p) => p.replace("/v1/", "/v1//"), (p) => p.replaceAll("/", "\\"), (p) => p.replace("/v1/", "/v1\\"),
  (p) => p.replace("/v1/", "/v1%2F"), (p) => p.replace("/v1/", "/v1%2f"), (p) => `${p};a=b`, (p) => `${p}%00`,
  (p) => `${p}\u0000`, (p) => p.toUpperCase(), (p) => p.replace(ws, ws.toUpperCase()),
  (p) => p.replace("o", "\u043e"), (p) => p.replace("/v1/", "/v1\uff0f"), (p) => `${p}?x=/../y#frag`,
  (p) => `${p}#`, (p) => `${p}/`, (p) => `${p}/.`, (p) => p.replace("/v1/", "/V1/"), (p) => ` ${p}`, (p) => `${p}%20`,
];
const methods = (m) => [m, m.toLowerCase(), m[0] + m.slice(1).toLowerCase(), ` ${m}`];

test("checkRequest matches a route only where an independent standard router matches the same", async () => {
  const { state } = createWorkspace({ name: "Client A Support", environment: "production" },
    { actor_id: ana, actor_email: "ana@example.com", now: "2026-11-22T10:00:00.000Z", account_role: "owner", ids: [ws] });
  let probes = 0;
  let matched = 0;
  for (const [m, p] of ROUTES) {
    const path = p.replace(":id", ws).replace(":id", inv);
    for (const trick of tricks) {
      for (const method of methods(m)) {
        const probe = trick(path);
        const d = checkRequest({ method, path: probe }, { actor: { user_id: ana }, state, now: "2026-11-22T10:00:00.000Z" });
        probes++;
        if (d.action === null) continue;
        matched++;
        const std = standardRoute(method, probe);
        assert.ok(std, `${method} ${JSON.stringify(probe)}: the edge matched ${d.action}, a standard router nothing`);
        assert.equal(std.action, d.action, `${method} ${JSON.stringify(probe)}`);
        assert.equal(std.pathname, probe.split(/[?#]/)[0], `${method} ${JSON.stringify(probe)}: the origin sees another path`);
      }
    }
  }
  assert.equal(probes, ROUTES.length * tricks.length * 4);
  assert.ok(matched >= ROUTES.length * 2, `the plain forms and the query/fragment forms match (${matched})`);
});
