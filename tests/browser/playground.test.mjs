// The playground as a visitor sees it: served like `npm start` serves it, each panel driven in
// Chromium by clicks and typing, answers read from the DOM, screenshots of every panel at 1280 px and
// 390 px into test-results/screenshots/ (artifacts, not committed).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { root } from "../js/files.mjs";
import { launch } from "./chromium.mjs";

let server, url, context;
const shots = join(root, "test-results/screenshots");

// Started exactly as `npm start` starts it (after the build), on a free port.
before(async () => {
  server = spawn(process.execPath, [join(root, "scripts/serve.mjs")], { env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await once(server.stdout, "data");
  url = String(line).match(/http:\/\/127\.0\.0\.1:\d+/)[0];
  context = await launch();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  await context?.close();
  server?.kill();
});

/** A page on a fresh playground (no stored state), with console errors collected. */
async function open(path = "/", { clear = true, ctx = context } = {}) {
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  if (clear) {
    await page.goto(`${url}/`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    await page.evaluate(() => localStorage.clear());
    await page.goto("about:blank"); // so that a path with only a fragment loads the page anew
  }
  const response = await page.goto(`${url}${path}`);
  assert.equal(response.status(), 200);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  return { page, errors };
}

/** Screenshots of the page at 1280 px and at a 390 px phone width (full page). */
async function screenshots(page, name) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(shots, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shots, `${name}-390.png`), fullPage: true });
  // Nothing wider than the phone's screen but the tables' own scroll areas.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 390, `the page is ${overflow} px wide at 390 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const text = (page, selector) => page.locator(selector).first().textContent();

/**
 * A capabilities-drawn control's reason: null when it is enabled; else [code on hover (title), the
 * message shown (its aria-describedby line, which must be visible)], and the control is disabled.
 */
async function why(page, control) {
  const [disabled, title, line] = await control.evaluate((el) => {
    const li = document.getElementById(el.getAttribute("aria-describedby"));
    return [el.disabled, el.title, li && li.checkVisibility() ? li.querySelector(".why").textContent : null];
  });
  if (!disabled) {
    assert.equal(title, "", "an enabled control has no code");
    return null;
  }
  assert.ok(title && line, `a disabled control shows its code (${title}) and its message (${line})`);
  return [title, line];
}

test("the permission matrix answers can(role, action)", async () => {
  const { page, errors } = await open();
  await page.getByRole("tab", { name: "Permissions" }).click();
  assert.equal(await page.locator("#matrix tbody tr").count(), 37);
  assert.deepEqual(await page.locator("#matrix thead th").allTextContents(), ["action", "owner", "admin", "member"]);
  await page.getByRole("button", { name: "admin may not workspace.archive" }).click();
  assert.equal(await text(page, "#answer"), 'can("admin", "workspace.archive") → false');
  await page.getByRole("button", { name: "member may calls.outbound" }).click();
  assert.equal(await text(page, "#answer"), 'can("member", "calls.outbound") → true');
  await screenshots(page, "matrix");
  assert.deepEqual(errors, []);
  await page.close();
});

test("voice settings: layers as form or JSON, a patch, effective values with their layer, errors by field", async () => {
  const { page, errors } = await open();
  assert.equal(await page.getByRole("tab", { name: "Voice settings" }).getAttribute("aria-selected"), "true");
  const row = (field) => page.locator(`#voice-effective tr[data-field="${field}"]`);
  // field, effective value, the layer it comes from
  const cells = async (field) => [
    await row(field).locator("th").textContent(),
    await row(field).locator("td").first().textContent(),
    await row(field).locator("td.from .badge").first().textContent(),
  ];

  // The example layers, with the example patch on the agent layer.
  assert.deepEqual(await cells("tone"), ["tone", '"calm"', "service"]);
  assert.deepEqual(await cells("language"), ["language", '"en-US"', "workspace"]);
  assert.deepEqual(await cells("speed"), ["speed", "1.2", "agent"]);
  assert.deepEqual(await cells("volume"), ["volume", "1", "default"]);
  assert.deepEqual(await row("keyterms").locator(".chip").allTextContents(), ["Metformin · service", "Lisinopril · service", "Dr. Ramirez · workspace", "amlodipine · agent"]);
  assert.equal(await text(page, "#voice-changed"), "changed: speed, keyterms");
  assert.equal(await row("speed").locator(".badge.changed").count(), 1);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: join(shots, "playground.png") }); // the picture of docs/guides/playground.md (docs/playground.png)

  // The agent layer as a form: a bad speed is reported next to its field, live.
  const agent = page.getByRole("form", { name: "agent layer" });
  await agent.getByLabel("tone").fill("warm");
  assert.match(await text(page, "#agent-tone-error"), /tone must be one of calm, sympathetic/);
  assert.equal(await agent.getByLabel("tone").getAttribute("aria-invalid"), "true");
  await agent.getByLabel("tone").fill("serious");
  assert.equal(await text(page, "#agent-tone-error"), "");
  assert.deepEqual(await cells("tone"), ["tone", '"serious"', "agent"]);
  await agent.getByLabel("volume", { exact: true }).pressSequentially("0.4");
  assert.deepEqual(await cells("volume"), ["volume", "0.4", "agent"]);

  // The workspace layer as JSON.
  await page.getByRole("group", { name: "Layer to edit" }).getByRole("button", { name: "workspace" }).click();
  await page.getByRole("group", { name: "Edit as" }).getByRole("button", { name: "JSON" }).click();
  const json = page.getByLabel("workspace layer (JSON)");
  await json.fill('{ "language": "es_mx" }');
  assert.match(await page.getByLabel("workspace layer problems").textContent(), /\/language.*well-formed BCP-47/);
  await json.fill('{ "language": "es-mx", "sensitive_topics": [] }');
  assert.deepEqual(await cells("language"), ["language", '"es-MX"', "workspace"]);
  assert.deepEqual(await cells("sensitive_topics"), ["sensitive_topics", "[]", "workspace"]);

  // The patch: errors next to their field in the effective table, then `changed`.
  const patch = page.getByLabel("Patch (JSON)");
  await patch.fill('{ "speed": 3, "keyterms": ["ok", " "], "pitch": 2 }');
  assert.match(await row("speed").locator(".error").textContent(), /speed must be between 0.5 and 2, got 3/);
  assert.match(await row("keyterms").locator(".error").textContent(), /keyterms\[1\] must not be empty/);
  assert.match(await page.getByLabel("Patch problems").textContent(), /\/pitch/);
  assert.match(await text(page, "#voice-changed"), /^3 problems: the patch changes nothing/);
  assert.equal(await page.getByRole("button", { name: "Apply the patch to the layer" }).isDisabled(), true);
  await patch.fill('{ "speed": 1.5, "tone": null, "post_call_analysis_enabled": false }');
  assert.equal(await text(page, "#voice-changed"), "changed: tone, speed, post_call_analysis_enabled");
  assert.deepEqual(await cells("tone"), ["tone", '"calm"', "service"], "null resets the agent's tone: inherited again");
  assert.deepEqual(await cells("post_call_analysis_enabled"), ["post_call_analysis_enabled", "false", "agent"]);
  await screenshots(page, "voice");

  // Applying the patch writes the agent layer; the form shows it.
  await page.getByRole("button", { name: "Apply the patch to the layer" }).click();
  assert.equal(await page.getByLabel("Patch (JSON)").inputValue(), "{}");
  await page.getByRole("group", { name: "Layer to edit" }).getByRole("button", { name: "agent" }).click();
  assert.equal(await agent.getByLabel("speed").inputValue(), "1.5");
  assert.equal(await agent.getByLabel("tone").inputValue(), "");
  assert.equal(await text(page, "#voice-changed"), "changed: nothing (the patch leaves the stored value as it is)");
  assert.deepEqual(errors, []);
  await page.close();
});

test("keyterms: pasted lists merged, with every dropped term and why", async () => {
  const { page, errors } = await open();
  await page.getByRole("tab", { name: "Keyterms" }).click();
  const merged = () => page.getByRole("list", { name: "Merged keyterms" }).locator("li").allTextContents();
  const dropped = async () => (await page.getByRole("table", { name: "Dropped keyterms" }).locator("tbody tr").allTextContents());
  assert.deepEqual(await merged(), ["Metformin", "Straße", "Dr. Ramirez", "lisinopril 10mg", "Amlodipine"]);
  assert.deepEqual(await dropped(), ['"METFORMIN"duplicateMetformin', '"strasse"duplicateStraße', '" "empty']);

  await page.getByRole("textbox", { name: "List 1", exact: true }).fill("");
  await page.getByRole("textbox", { name: "List 1", exact: true }).pressSequentially("Zoloft\nzoloft\n");
  await page.getByRole("button", { name: "Add a list" }).click();
  await page.getByRole("textbox", { name: "List 3", exact: true }).fill(`ZOLOFT\n${"x".repeat(129)}`);
  assert.deepEqual(await merged(), ["Zoloft", "METFORMIN", "strasse", "lisinopril 10mg", "Amlodipine"]);
  assert.deepEqual((await dropped()).map((r) => r.replace(/"x+"/, '"x…"')), [
    '"zoloft"duplicateZoloft',
    '" "empty',
    '"ZOLOFT"duplicateZoloft',
    '"x…"too_long',
  ]);
  assert.equal(await text(page, "#keyterms-result .summary"), "5 kept, 4 dropped");
  await screenshots(page, "keyterms");
  await page.getByRole("button", { name: "Remove list 3" }).click();
  assert.equal(await text(page, "#keyterms-result .summary"), "5 kept, 2 dropped");
  assert.deepEqual(errors, []);
  await page.close();
});

test("tone: signals raise the tone, with the tier and the reason", async () => {
  const { page, errors } = await open();
  await page.getByRole("tab", { name: "Tone" }).click();
  const panel = page.locator("#panel-tone");
  const answer = async () => [await text(page, "#tone-value"), await text(page, "#tone-tier"), await text(page, "#tone-source")];
  assert.deepEqual(await answer(), ["sympathetic", "hold_space", "sensitive_topic"]);
  assert.equal(await text(page, "#tone-matched"), "test results");

  await panel.getByLabel("Topic", { exact: true }).fill("booking a follow-up");
  assert.deepEqual(await answer(), ["friendly", "light_touch", "baseline"]);
  await panel.getByLabel("Emotion label", { exact: true }).fill("frustrated");
  assert.deepEqual(await answer(), ["friendly", "light_touch", "baseline"], "intensity 0.5 is not strong");
  await panel.getByLabel("Intensity", { exact: true }).fill("0.8");
  assert.equal(await text(page, "output"), "0.80");
  assert.deepEqual(await answer(), ["calm", "full_empathy", "emotion"]);
  assert.match(await text(page, "#tone-reason"), /strong emotion/);
  await panel.getByLabel("Empathy tier (classifier)", { exact: true }).selectOption("3");
  assert.deepEqual(await answer(), ["sympathetic", "hold_space", "empathy_tier"]);
  await panel.getByLabel("Baseline tone", { exact: true }).selectOption("serious");
  await panel.getByLabel("Empathy tier (classifier)", { exact: true }).selectOption("");
  await panel.getByLabel("Emotion label", { exact: true }).fill("happy");
  assert.deepEqual(await answer(), ["serious", "light_touch", "baseline"]);

  // Own sensitive topics: whole words only.
  await panel.getByLabel("Sensitive topics", { exact: true }).selectOption("list");
  await panel.getByLabel("Sensitive topics, one per line", { exact: true }).fill("refund");
  await panel.getByLabel("Topic", { exact: true }).fill("processing your REFUND.");
  assert.deepEqual(await answer(), ["sympathetic", "hold_space", "sensitive_topic"]);
  await panel.getByLabel("Topic", { exact: true }).fill("refunds");
  assert.deepEqual(await answer(), ["serious", "light_touch", "baseline"]);
  await panel.getByLabel("Topic", { exact: true }).fill("processing your refund");
  await screenshots(page, "tone");

  await panel.getByLabel("Strong threshold", { exact: true }).fill("1.5");
  assert.match(await text(page, "#tone-error"), /^out_of_range \(422\): strong_threshold must be between 0 and 1/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("team: act as anyone, controls follow capabilities with their reasons, invitations expire as the clock moves", async () => {
  const { page, errors } = await open();
  await page.getByRole("tab", { name: "Team & invitations" }).click();
  const actAs = (name) => page.getByLabel("Act as").selectOption({ label: name });
  const result = () => text(page, "#team-result");
  const status = (email) => page.locator(`#team-invitations tr[data-email="${email}"] .badge`).textContent();
  const latestEvent = () => text(page, "#team-events li .etype");
  const members = () => page.getByRole("table", { name: "Members" }).locator("tbody tr");
  const button = (name) => page.getByRole("button", { name, exact: true });

  assert.equal(await members().count(), 3);
  assert.equal(await status("dee@example.com"), "pending");
  assert.match(await text(page, "#team-actor-note"), /Ana acts as owner/);

  // Ana (owner) invites Fay as an admin; the email is normalized by the package.
  await page.getByLabel("Email to invite").fill("  Fay@Example.com ");
  await page.getByLabel("Role", { exact: true }).selectOption("admin");
  await page.getByRole("button", { name: "Send invitation" }).click();
  assert.match(await result(), /Invite Fay@Example.com: done, workspace.invitation_sent/);
  assert.equal(await status("fay@example.com"), "pending");
  assert.equal(await latestEvent(), "workspace.invitation_sent");

  // Cy is a member: no invite, no remove, no role changes, each disabled with its reason.
  await actAs("Cy · cy@example.com");
  assert.match(await text(page, "#team-actor-note"), /Cy acts as member/);
  assert.deepEqual(await why(page, button("Send invitation")), ["forbidden", "Your role (member) does not allow members.invite."]);
  assert.deepEqual(await page.getByLabel("Role", { exact: true }).locator("option").count(), 0);
  assert.deepEqual((await why(page, button("Remove Bo")))[0], "forbidden");
  assert.deepEqual((await why(page, button("Change role of Bo")))[0], "forbidden");
  assert.deepEqual((await why(page, button("Revoke dee@example.com")))[0], "forbidden");
  assert.deepEqual(await why(page, button("Cy leaves")), null);

  // Bo is an admin: the invite dropdown offers admin and member; the owner's row is off limits.
  await actAs("Bo · bo@example.com");
  assert.deepEqual(await why(page, button("Send invitation")), null);
  assert.deepEqual(await page.getByLabel("Role", { exact: true }).locator("option").allTextContents(), ["admin", "member"]);
  assert.match(await text(page, "#team-invite-reasons"), /owner is not offered: /);
  assert.equal(await page.locator("#team-invite-reasons li").getAttribute("title"), "cannot_grant_higher_role");
  assert.deepEqual((await why(page, button("Remove Ana")))[0], "cannot_modify_higher_role");
  assert.deepEqual(await page.getByLabel("New role for Ana").locator("option").evaluateAll((os) => os.map((o) => [o.value, o.disabled, o.title])),
    [["owner", true, "cannot_grant_higher_role"], ["admin", true, "cannot_modify_higher_role"], ["member", true, "cannot_modify_higher_role"]]);
  assert.deepEqual((await why(page, button("Change role of Cy")))[0], "no_change", "Cy's own role is selected: no change");
  await page.getByLabel("New role for Cy").selectOption("admin");
  await page.getByRole("button", { name: "Change role of Cy" }).click();
  assert.match(await result(), /done, workspace.member_role_updated/);

  // Dee is not a member: every member action is off; she accepts her own invitation.
  await actAs("Dee · dee@example.com");
  assert.match(await text(page, "#team-actor-note"), /Dee has no permissions here: You are not a member/);
  assert.deepEqual((await why(page, button("Send invitation")))[0], "not_a_member");
  assert.deepEqual((await why(page, button("Accept fay@example.com as Dee")))[0], "email_mismatch");
  assert.deepEqual(await why(page, button("Decline dee@example.com as Dee")), null);
  await page.getByRole("button", { name: "Accept dee@example.com as Dee" }).click();
  assert.match(await result(), /done, workspace.invitation_accepted, workspace.member_added/);
  assert.equal(await members().count(), 4);
  assert.equal(await status("dee@example.com"), "accepted");

  // The invitee's preview, then the clock: seven days later Fay's invitation has expired.
  await page.getByLabel("Invitation", { exact: true }).selectOption({ label: "fay@example.com" });
  assert.match(await text(page, "#team-preview .invite-card"), /Client A Support.*as admin · pending/);
  assert.doesNotMatch(await text(page, "#team-preview"), /fay@example/);
  await page.getByRole("button", { name: "Move the clock 7 days forward" }).click();
  assert.equal(await status("fay@example.com"), "expired");
  assert.match(await text(page, "#team-preview .invite-card"), /as admin · expired/);
  await actAs("fay · fay@example.com");
  assert.deepEqual((await why(page, button("Accept fay@example.com as fay")))[0], "invitation_expired");

  // Ana resends (a new week), then revokes; then removes Cy, who then has no permissions.
  await actAs("Ana · ana@example.com");
  await page.getByRole("button", { name: "Resend to fay@example.com" }).click();
  assert.equal(await status("fay@example.com"), "pending");
  await page.getByRole("button", { name: "Revoke fay@example.com" }).click();
  assert.equal(await status("fay@example.com"), "revoked");
  assert.equal(await latestEvent(), "workspace.invitation_revoked");
  await page.getByRole("button", { name: "Remove Cy" }).click();
  assert.equal(await page.locator(`#team-members tr:has-text("Cy") .badge`).textContent(), "deactivated");
  assert.deepEqual((await why(page, button("Ana leaves")))[0], "last_owner");
  assert.deepEqual((await why(page, button("Remove Cy")))[0], "member_not_found", "Cy is deactivated");
  await screenshots(page, "team");
  await actAs("Cy · cy@example.com");
  assert.match(await text(page, "#team-actor-note"), /Cy has no permissions here/);
  assert.deepEqual(errors, []);
  await page.close();
});

/**
 * Every capabilities-drawn control of the Team tab (`[data-command]`: buttons, dropdown options, the
 * invite roles left out) with the page's answer — disabled, code on hover, the message shown — and, in
 * the page's context with the package, what `apply` answers when its command is forced on the page's
 * saved state by the page's actor (the typed fields filled in: an email to invite, the slug to archive).
 */
const controls = (page) => page.evaluate(async () => {
  const { apply } = await import("workspace-rules");
  const team = JSON.parse(localStorage.getItem("workspace-rules-playground")).team;
  const me = team.people.find((p) => p.user_id === team.actor);
  const ctx = { actor_id: team.actor, actor_email: me?.email, now: team.now };
  return [...document.querySelectorAll("#panel-team [data-command]")].map((el) => {
    const command = JSON.parse(el.dataset.command);
    if (command.type === "invite_member" && command.email === undefined) command.email = "probe@example.net";
    if (command.type === "archive") command.slug = team.state.workspace.slug;
    let answer;
    try {
      answer = { ok: true, events: apply(team.state, command, ctx).events.length };
    } catch (e) {
      answer = { ok: false, code: e.code, status: e.status, message: e.message };
    }
    const line = el.tagName === "LI" ? el : document.getElementById(el.getAttribute("aria-describedby"));
    return {
      label: `${el.tagName.toLowerCase()} "${el.getAttribute("aria-label") ?? el.textContent}" ${el.dataset.command}`,
      disabled: el.tagName === "LI" ? true : el.disabled,
      code: el.dataset.code ?? null,
      title: el.title,
      shown: line && line.closest("li").checkVisibility() ? line.querySelector(".why").textContent : null,
      answer,
    };
  });
});

/** Checks every control for every person of the directory; answers the number of controls checked. */
async function checkEveryone(page, counts) {
  const people = await page.getByLabel("Act as").locator("option").allTextContents();
  for (const person of people) {
    await page.getByLabel("Act as").selectOption({ label: person });
    for (const c of await controls(page)) {
      const where = `${person}: ${c.label}`;
      if (c.code === null) {
        assert.equal(c.disabled, false, `${where} is disabled without a reason`);
        assert.equal(c.title, "", `${where}: an enabled control has no code`);
        assert.ok(c.answer.ok, `${where} is enabled but apply answers ${c.answer.code}`);
        counts.enabled++;
      } else {
        assert.equal(c.disabled, true, `${where} has a code but is enabled`);
        assert.equal(c.title, c.code, `${where}: the code on hover`);
        if (c.code === "no_change") assert.deepEqual(c.answer, { ok: true, events: 0 }, `${where}: no change, no event`);
        else {
          assert.equal(c.answer.code, c.code, `${where}: apply answers ${c.answer.code}, the page shows ${c.code}`);
          assert.equal(c.shown, c.answer.message, `${where}: the message shown is apply's`);
        }
        assert.ok(c.shown, `${where}: the message is shown`);
        counts.disabled++;
        counts.codes.add(c.code);
      }
    }
  }
}

test("team: every disabled control's code is what apply answers when forced; enabled ones succeed", async (t) => {
  const { page, errors } = await open();
  await page.getByRole("tab", { name: "Team & invitations" }).click();
  const actAs = (name) => page.getByLabel("Act as").selectOption({ label: name });
  const counts = { enabled: 0, disabled: 0, codes: new Set() };

  // The first workspace: an owner (the last one), an admin looking at her, a member, an invitee, a stranger.
  await checkEveryone(page, counts);
  await actAs("Bo · bo@example.com");
  await screenshots(page, "team-capabilities"); // an admin looking at the owner

  // More of everything: an admin invitation, two expired ones resent or not, a revoked one, a
  // deactivated member, a second owner (so owners may leave now).
  await actAs("Ana · ana@example.com");
  await page.getByLabel("Email to invite").fill("fay@example.com");
  await page.getByLabel("Role", { exact: true }).selectOption("admin");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await page.getByRole("button", { name: "Move the clock 7 days forward" }).click();
  await page.getByRole("button", { name: "Resend to fay@example.com" }).click();
  await page.getByLabel("Email to invite").fill("gus@example.com");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await page.getByRole("button", { name: "Revoke gus@example.com" }).click();
  await page.getByRole("button", { name: "Remove Cy" }).click();
  await checkEveryone(page, counts);
  await actAs("Ana · ana@example.com");
  await page.getByLabel("New role for Bo").selectOption("owner");
  await page.getByRole("button", { name: "Change role of Bo" }).click();
  assert.match(await text(page, "#team-result"), /done, workspace.member_role_updated/);
  await checkEveryone(page, counts);

  // An archived workspace: everything refused, for members and invitees alike.
  await actAs("Ana · ana@example.com");
  await page.getByLabel("Type the slug to archive").fill("client-a-support");
  await page.getByRole("button", { name: "Archive workspace" }).click();
  assert.match(await text(page, "#team-result"), /Archive: done/);
  await checkEveryone(page, counts);

  // The account's default workspace (as a saved state would have it): never archived.
  await page.getByRole("button", { name: "Start over" }).click();
  await page.waitForSelector("body[data-ready=true]");
  await page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem("workspace-rules-playground"));
    saved.team.state.workspace.is_default = true;
    saved.ui.tab = "team";
    localStorage.setItem("workspace-rules-playground", JSON.stringify(saved));
    history.replaceState(null, "", location.pathname);
  });
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.match(await text(page, "#team-status"), /default workspace/);
  assert.equal(await page.getByRole("button", { name: "Archive workspace" }).getAttribute("title"), "default_workspace_protected");
  await page.locator("#team-caps summary").click();
  assert.equal(await page.locator('#team-caps li[data-action="workspace.delete"]').getAttribute("title"), "default_workspace_protected");
  assert.match(await text(page, '#team-caps li[data-action="workspace.update"]'), /allowed/);
  await checkEveryone(page, counts);

  for (const code of ["cannot_modify_higher_role", "cannot_grant_higher_role", "last_owner", "no_change", "forbidden", "not_a_member", "email_mismatch",
    "invitation_expired", "invitation_not_pending", "member_not_found", "workspace_archived", "default_workspace_protected"]) {
    assert.ok(counts.codes.has(code), `some disabled control shows ${code} (seen: ${[...counts.codes].join(", ")})`);
  }
  t.diagnostic(`${counts.enabled} enabled and ${counts.disabled} disabled controls checked against apply; codes: ${[...counts.codes].sort().join(", ")}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("credits: an allowance checked live, usage per meter, thresholds, the outbound gate, the next period", async () => {
  const { page, errors } = await open();
  await page.getByRole("tab", { name: "Credits" }).click();
  const panel = page.locator("#panel-credits");
  const result = () => text(page, "#credits-result");
  const field = (label) => panel.getByLabel(label, { exact: true });
  const width = (meter) => page.locator(`#credits-period .meter[data-meter="${meter}"] .meter-fill`).evaluate((el) => el.style.width);
  assert.match(await text(page, "#credits-none"), /No allowance yet/);

  // The form is checked by apply() as you type; problems appear next to their field.
  await field("Monthly credits").fill("-5");
  assert.match(await text(page, "#credits-monthly_credits-error"), /monthly_credits must be between 0 and 9007199254740991, got -5/);
  assert.equal(await field("Monthly credits").getAttribute("aria-invalid"), "true");
  await field("Reset day (1–28)").fill("31");
  await field("Alert thresholds (%)").fill("50, 50");
  assert.match(await text(page, "#credits-reset_day-error"), /between 1 and 28, got 31/);
  assert.match(await text(page, "#credits-alert_thresholds-error"), /repeats the threshold 50/);
  assert.equal(await text(page, "#credits-check"), "3 problems: nothing is saved.");
  assert.equal(await panel.getByRole("button", { name: "Save allowance" }).isDisabled(), true);
  await panel.getByLabel("call_seconds per units").fill("0");
  assert.match(await text(page, "#credits-rate-call_seconds-error"), /per must be between 1/);
  await panel.getByLabel("call_seconds per units").fill("6");
  await field("Monthly credits").fill("100");
  await field("Reset day (1–28)").fill("1");
  await field("Alert thresholds (%)").fill("100, 50");
  assert.match(await text(page, "#credits-check"), /^Saving changes monthly_credits, reset_day, rollover, rollover_cap, hard_limit, alert_thresholds, rates\.$/);
  assert.equal(await text(page, "#credits-monthly_credits-error"), "");

  // Only owners hold billing.manage; any member records usage.
  await panel.getByLabel("Acting as").selectOption({ label: "Bo · bo@example.com" });
  assert.match(await text(page, "#credits-check"), /Saving would be refused: forbidden \(403\)/);
  assert.equal(await panel.getByRole("button", { name: "Save allowance" }).isDisabled(), true);
  await panel.getByRole("button", { name: "Record usage" }).click();
  assert.match(await result(), /refused — no_credit_allowance \(409\)/);
  await panel.getByLabel("Acting as").selectOption({ label: "Ana · ana@example.com" });
  await panel.getByRole("button", { name: "Save allowance" }).click();
  assert.match(await result(), /Save the allowance: done, workspace.credit_allowance_updated/);
  assert.deepEqual([await text(page, "#credits-available"), await text(page, "#credits-used"), await text(page, "#credits-next")], ["100", "0", "50 %"]);
  assert.match(await text(page, "#credits-window"), /^\d{4}-\d{2}-01 → \d{4}-\d{2}-01/);
  assert.equal(await text(page, "#credits-check"), "Saving changes nothing.");

  // 300 s of calls at 1 credit per 6 s: 50 credits, the 50 % threshold, half of each bar.
  await panel.getByLabel("Acting as").selectOption({ label: "Cy · cy@example.com" });
  await panel.getByLabel("Units", { exact: true }).fill("300");
  await panel.getByRole("button", { name: "Record usage" }).click();
  assert.match(await result(), /done, workspace.credit_threshold_reached/);
  assert.equal(await text(page, "#credits-used"), "50");
  assert.equal(await width("call_seconds"), "50%");
  assert.equal(await width("all meters"), "50%");
  assert.equal(await page.locator('#credits-period .meter[data-meter="all meters"] .mark[data-reached="true"]').count(), 1);
  assert.match(await text(page, "#credits-events li .meta"), /"threshold":50,"used":50,"available":100/);

  // 30 000 output tokens at 3 credits per 1 000: 90 more, 140 used, exhausted: outbound refused (402).
  await panel.getByLabel("Meter", { exact: true }).selectOption("llm_output_tokens");
  await panel.getByLabel("Units", { exact: true }).fill("30000");
  await panel.getByRole("button", { name: "Record usage" }).click();
  assert.deepEqual([await text(page, "#credits-used"), await text(page, "#credits-remaining"), await text(page, "#credits-overage")], ["140", "0", "40"]);
  assert.equal(await text(page, "#credits-outbound .badge"), "refused 402");
  assert.match(await text(page, "#credits-outbound"), /credits_exhausted/);
  assert.equal(await page.locator('#credits-period .meter[data-meter="all meters"] .meter-fill[data-over="true"]').count(), 1);
  await screenshots(page, "credits");

  // 31 days later a reset has passed: creditStatus shows the new period without changing the state;
  // the next command closes the old one into the history.
  await panel.getByRole("button", { name: "Move the clock 31 days forward" }).click();
  assert.deepEqual([await text(page, "#credits-used"), await text(page, "#credits-outbound .badge")], ["0", "allowed"]);
  assert.match(await text(page, "#credits-history"), /None yet/);
  await panel.getByLabel("Meter", { exact: true }).selectOption("stt_seconds");
  await panel.getByLabel("Units", { exact: true }).fill("60");
  await panel.getByRole("button", { name: "Record usage" }).click();
  assert.match(await result(), /done, workspace.credits_reset/);
  const closed = page.getByRole("list", { name: "Closed periods" }).getByRole("listitem");
  assert.ok((await closed.count()) >= 1);
  assert.match(await closed.first().getAttribute("aria-label"), /: 140 of 100 credits used, 40 over$/);
  await screenshots(page, "credits-next-period");

  // The events are in the Team tab's audit log too; the owner removes the allowance.
  await page.getByRole("tab", { name: "Team & invitations" }).click();
  assert.equal(await text(page, "#team-events li .etype"), "workspace.credits_reset");
  await page.getByRole("tab", { name: "Credits" }).click();
  await panel.getByLabel("Acting as").selectOption({ label: "Ana · ana@example.com" });
  await panel.getByRole("button", { name: "Remove allowance" }).click();
  assert.match(await result(), /Remove the allowance: done, workspace.credit_allowance_updated/);
  assert.match(await text(page, "#credits-none"), /No allowance yet/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("state survives a reload and travels in the share link", async () => {
  const { page, errors } = await open();
  await page.getByRole("tab", { name: "Keyterms" }).click();
  await page.getByRole("textbox", { name: "List 1", exact: true }).fill("Ozempic\nOZEMPIC");
  await page.getByRole("tab", { name: "Team & invitations" }).click();
  await page.getByLabel("Email to invite").fill("gus@example.com");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await page.getByRole("button", { name: "Move the clock 1 day forward" }).click();
  const clock = await text(page, "#team-clock");

  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.getByRole("tab", { name: "Team & invitations" }).getAttribute("aria-selected"), "true");
  assert.equal(await text(page, "#share-status"), "", "a reload is not a shared link");
  assert.equal(await text(page, "#team-clock"), clock);
  assert.equal(await page.locator('#team-invitations tr[data-email="gus@example.com"]').count(), 1);

  await page.getByRole("button", { name: "Share link" }).click();
  const link = await page.getByLabel("Share link").inputValue();
  assert.match(link, /#s=[A-Za-z0-9_-]+$/);

  // A fresh browser profile (no local storage) opening the link sees the same playground.
  const other = await launch();
  const { page: shared, errors: sharedErrors } = await open(link.slice(url.length), { clear: false, ctx: other });
  assert.equal(await text(shared, "#share-status"), "Opened from a shared link.");
  assert.equal(await text(shared, "#team-clock"), clock);
  assert.equal(await shared.locator('#team-invitations tr[data-email="gus@example.com"]').count(), 1);
  await shared.getByRole("tab", { name: "Keyterms" }).click();
  assert.deepEqual(await shared.getByRole("list", { name: "Merged keyterms" }).locator("li").allTextContents(), ["Ozempic", "METFORMIN", "strasse", "lisinopril 10mg", "Amlodipine"]);
  await other.close();

  // Start over forgets it.
  await page.getByRole("button", { name: "Start over" }).click();
  await page.waitForSelector("body[data-ready=true]");
  await page.getByRole("tab", { name: "Team & invitations" }).click();
  assert.equal(await page.locator('#team-invitations tr[data-email="gus@example.com"]').count(), 0);
  assert.deepEqual([...errors, ...sharedErrors], []);
  await page.close();
});

test("a link that cannot be read, or a team state the package refuses, is reported, not a broken page", async () => {
  const { page, errors } = await open("/#s=bm90IGpzb24");
  assert.equal(await text(page, "#share-status"), "This link's state could not be read: showing your own playground.");
  assert.equal(await page.getByRole("tab", { name: "Voice settings" }).getAttribute("aria-selected"), "true");

  // A hand-edited link whose team has an invalid state.
  const link = await page.evaluate(() => {
    const json = JSON.stringify({ v: 1, ui: { tab: "team" }, team: { state: { workspace: {} }, now: "soon", people: [], actor: "", events: [] } });
    return "#s=" + btoa(json).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
  });
  const broken = await open(`/${link}`, { clear: false });
  assert.match(await text(broken.page, "#panel-team .error"), /This panel could not start from the saved state/);
  await broken.page.getByRole("button", { name: "Reset this panel" }).first().click();
  await broken.page.waitForSelector("body[data-ready=true]");
  assert.equal(await broken.page.getByRole("table", { name: "Members" }).locator("tbody tr").count(), 3);
  assert.deepEqual([...errors, ...broken.errors], []);
  await page.close();
  await broken.page.close();
});

test("request checker and archiving: decisions and statuses from checkRequest, then everything refused", async () => {
  const { page, errors } = await open();
  await page.getByRole("tab", { name: "Request checker" }).click();
  const panel = page.locator("#panel-requests");
  const decision = async () => [await text(page, "#request-verdict"), await text(page, "#request-status"), await text(page, "#request-action")];
  const sentBy = (label) => panel.getByLabel("Sent by").selectOption({ label });
  const example = (label) => panel.getByLabel("Example").selectOption({ label });

  // The example: Cy, a member, renames the workspace.
  assert.deepEqual(await decision(), ["Refused", "403", "workspace.update"]);
  assert.equal(await text(page, "#request-error"), "forbidden");
  await sentBy("Bo · bo@example.com");
  assert.deepEqual(await decision(), ["Allowed", "200", "workspace.update"]);
  await example("Update voice settings");
  assert.deepEqual(await decision(), ["Refused", "422", "voice_settings.update"]);
  assert.match(await panel.getByLabel("Body problems").textContent(), /\/body\/speed.*between 0.5 and 2/);
  await panel.getByLabel("Body (JSON)").fill('{ "speed": 1.1 }');
  assert.deepEqual(await decision(), ["Allowed", "200", "voice_settings.update"]);
  await example("Invite an owner");
  assert.deepEqual(await decision(), ["Refused", "403", "members.invite"]);
  assert.equal(await text(page, "#request-error"), "cannot_grant_higher_role");
  await sentBy("nobody (no credentials)");
  assert.deepEqual(await decision(), ["Refused", "401", "members.invite"]);
  await example("Invitation preview (public)");
  assert.deepEqual(await decision(), ["Allowed", "200", "public"]);
  await sentBy("Eve (not invited) · eve@example.org");
  await example("View the workspace");
  assert.deepEqual(await decision(), ["Refused", "404", "workspace.view"]);
  assert.equal(await text(page, "#request-error"), "not_a_member");
  await panel.getByLabel("Method").selectOption("DELETE");
  assert.equal(await text(page, "#request-error"), "unknown_route");
  await screenshots(page, "requests");

  // Provisioning is idempotent; archiving is for owners only, with the slug typed exactly.
  await page.getByRole("tab", { name: "Team & invitations" }).click();
  await page.getByLabel("Act as").selectOption({ label: "Cy · cy@example.com" });
  assert.equal(await page.getByRole("button", { name: "Provision" }).isDisabled(), true);
  await page.getByLabel("Act as").selectOption({ label: "Bo · bo@example.com" });
  await page.getByRole("button", { name: "Provision" }).click();
  assert.match(await text(page, "#team-result"), /Provision: done, workspace.provisioned/);
  await page.getByRole("button", { name: "Provision" }).click();
  assert.match(await text(page, "#team-result"), /Provision: done, nothing changed, no event/);
  assert.equal(await page.getByRole("button", { name: "Archive workspace" }).isDisabled(), true);
  await page.getByLabel("Act as").selectOption({ label: "Ana · ana@example.com" });
  await page.getByLabel("Type the slug to archive").fill("Client-A-Support");
  await page.getByRole("button", { name: "Archive workspace" }).click();
  assert.match(await text(page, "#team-result"), /refused — slug_mismatch \(422\)/);
  await page.getByLabel("Type the slug to archive").fill("client-a-support");
  await page.getByRole("button", { name: "Archive workspace" }).click();
  assert.match(await text(page, "#team-result"), /Archive: done, workspace.archived/);
  assert.equal(await text(page, "#team-status"), "archived");
  assert.match(await text(page, "#team-actor-note"), /Ana has no permissions here/);
  assert.equal(await page.getByRole("button", { name: "Send invitation" }).isDisabled(), true);
  assert.equal(await page.getByRole("button", { name: "Remove Bo" }).isDisabled(), true);
  assert.equal(await page.getByRole("button", { name: "Archive workspace" }).isDisabled(), true);
  assert.equal(await page.getByRole("button", { name: "Ana leaves" }).getAttribute("title"), "workspace_archived");
  await page.getByLabel("Act as").selectOption({ label: "Dee · dee@example.com" });
  assert.equal(await page.getByRole("button", { name: "Accept dee@example.com as Dee" }).getAttribute("title"), "workspace_archived");

  // Every request is refused now, for everyone.
  await page.getByRole("tab", { name: "Request checker" }).click();
  await sentBy("Ana · ana@example.com");
  await example("View the workspace");
  assert.deepEqual(await decision(), ["Refused", "410", "workspace.view"]);
  assert.equal(await text(page, "#request-error"), "workspace_archived");
  assert.match(await text(page, "#request-context"), /\(archived\)/);
  assert.deepEqual(errors, []);
  await page.close();
});
