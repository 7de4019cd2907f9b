// The playground in live mode (docs/guides/playground.md#live-mode): the reference backend behind the
// edge worker in workerd, the playground served as `npm run stack` serves it (scripts/live.mjs), and
// Chromium driving its Team tab. A workspace is created through the API; the page invites, accepts and
// changes a role through the edge; the backend's GET shows each change; a disabled control's command,
// forced through the edge, answers the code the page shows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { databaseUrl, send, startStack } from "./stack.mjs";
import { launch } from "../browser/chromium.mjs";
import { startPlayground } from "../../scripts/live.mjs";
import { toRequest } from "../../www/live.js";

let stack, playground, context;
before(async () => {
  stack = await startStack("live", databaseUrl("live"));
  playground = await startPlayground({ edgeUrl: stack.edge.url });
  context = await launch();
});
after(async () => {
  await context?.close();
  playground?.server.close();
  await stack?.backend.stop();
  await stack?.edge.stop();
});

test("live mode: the Team tab's commands go through the edge to the backend, and its refusals are the backend's", async (t) => {
  const [ana, bo] = playground.people;
  const edge = stack.edge.url;
  const made = await send(edge, "POST", "/v1/workspaces", { token: ana.token, body: { name: "Live Test", environment: "production" } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const id = made.json.workspace.workspace.id;
  const read = async (who = ana) => (await send(edge, "GET", `/v1/workspaces/${id}`, { token: who.token })).json.workspace;

  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${playground.live}&workspace=${id}`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  await page.click("#tab-team");
  const result = page.locator("#team-result");
  await page.waitForFunction(() => document.querySelector("#team-result")?.textContent.startsWith("Live: workspace"));
  assert.equal(await page.locator("#team-workspace dd").first().textContent(), "Live Test");
  const done = async (start) => {
    await page.waitForFunction((s) => document.querySelector("#team-result").textContent.startsWith(s), start);
    return result.textContent();
  };

  // Ana (the owner) invites Bo as an admin, through the page's form.
  await page.fill("#team-invitations ~ * input[type=email], form.invite input[type=email]", "bo@example.com");
  await page.selectOption("form.invite select", "admin");
  await page.click("form.invite button[type=submit]");
  assert.match(await done("Invite bo@example.com:"), /done \(POST \/v1\/workspaces\/[0-9a-f-]+\/invitations → 200\), \S/);
  let state = await read();
  assert.deepEqual(state.invitations.map((i) => [i.email, i.role, i.status]), [["bo@example.com", "admin", "pending"]]);
  await page.waitForSelector('#team-invitations tr[data-email="bo@example.com"]');

  // Bo accepts, acting as himself with his own token.
  await page.selectOption("#panel-team .actor-bar select", bo.user_id);
  await page.click(`#team-invitations button[aria-label="Accept bo@example.com as Bo"]`);
  assert.match(await done("Bo accepts:"), /done \(POST \/v1\/invitations\/[0-9a-f-]+\/accept → 200\)/);
  state = await read();
  assert.deepEqual(state.members.find((m) => m.user_id === bo.user_id)?.role, "admin");

  // Ana changes Bo's role to member (meanwhile Cy is invited through the API: the page's new state,
  // read by GET after the command, shows that invitation too).
  const cy = await send(edge, "POST", `/v1/workspaces/${id}/invitations`, { token: ana.token, body: { email: "cy@example.com", role: "member" } });
  assert.equal(cy.status, 200);
  await page.selectOption("#panel-team .actor-bar select", ana.user_id);
  await page.selectOption(`#team-members select[aria-label="New role for Bo"]`, "member");
  await page.click(`#team-members button[aria-label="Change role of Bo"]`);
  assert.match(await done("Change Bo to member:"), /done \(PATCH \/v1\/workspaces\/[0-9a-f-]+\/members\/[0-9a-f-]+ → 200\), \S/);
  state = await read();
  assert.equal(state.members.find((m) => m.user_id === bo.user_id).role, "member");
  assert.equal(await page.locator(`#team-members tr[data-user="${bo.user_id}"] select`).inputValue(), "member");
  await page.waitForSelector('#team-invitations tr[data-email="cy@example.com"]');

  // The backend's refusal, as the page shows it: Cy's invitation is revoked through the API, so the
  // page's (now stale) Revoke is answered 409 by the backend, code and message on the page.
  const revoked = await send(edge, "DELETE", `/v1/workspaces/${id}/invitations/${cy.json.workspace.invitations.at(-1).id}`, { token: ana.token });
  assert.equal(revoked.status, 200);
  const again = await send(edge, "DELETE", `/v1/workspaces/${id}/invitations/${cy.json.workspace.invitations.at(-1).id}`, { token: ana.token });
  await page.click('#team-invitations button[aria-label="Revoke cy@example.com"]');
  assert.equal(await done("Revoke cy@example.com:"), `Revoke cy@example.com: refused — ${again.json.code} (${again.json.status}): ${again.json.message} (DELETE /v1/workspaces/${id}/invitations/${cy.json.workspace.invitations.at(-1).id})`);
  assert.equal(again.json.code, "invitation_not_pending");

  // As Bo (a member now), the controls on Ana are disabled: each forced through the edge with Bo's
  // token answers exactly the code the page shows on it.
  await page.selectOption("#panel-team .actor-bar select", bo.user_id);
  const disabled = await page.$$eval("#panel-team button[data-command][disabled]", (els) => els.map((el) => ({ label: el.getAttribute("aria-label") ?? el.textContent, code: el.dataset.code, command: JSON.parse(el.dataset.command) })));
  const forced = disabled.filter((d) => toRequest(d.command, id, bo.user_id));
  assert.ok(forced.some((d) => d.label === "Remove Ana"), JSON.stringify(disabled));
  for (const d of forced) {
    const req = toRequest(d.command, id, bo.user_id);
    const r = await send(edge, req.method, req.path, { token: bo.token, body: req.body });
    assert.equal(r.json?.code, d.code, `${d.label}: ${req.method} ${req.path} answered ${JSON.stringify(r.json)}, the page shows ${d.code}`);
  }
  assert.deepEqual((await read()).members.map((m) => [m.email, m.role]).sort(), [["ana@example.com", "owner"], ["bo@example.com", "member"]]);
  assert.ok(forced.length >= 3, JSON.stringify(forced));
  t.diagnostic(`forced through the edge: ${forced.map((d) => `${d.label} → ${d.code}`).join("; ")}`);
  // Chromium logs each 4xx answer the page fetched (here the one refused revoke); nothing else.
  assert.deepEqual(errors, ["Failed to load resource: the server responded with a status of 409 (Conflict)"]);
  await page.close();
});

test("live mode without a workspace: the first person creates one, and its id is put in the address", async () => {
  const [ana] = playground.people;
  const page = await context.newPage();
  await page.goto(playground.live);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  await page.click("#tab-team");
  await page.waitForFunction(() => document.querySelector("#team-result")?.textContent.startsWith("Live: workspace"));
  const id = new URL(page.url()).searchParams.get("workspace");
  assert.match(id, /^[0-9a-f-]{36}$/);
  const got = await send(stack.edge.url, "GET", `/v1/workspaces/${id}`, { token: ana.token });
  assert.equal(got.status, 200);
  assert.equal(got.json.workspace.workspace.name, "Live Workspace");
  assert.deepEqual(got.json.workspace.members.map((m) => [m.email, m.role]), [["ana@example.com", "owner"]]);
  await page.close();
});
