// Team and invitations (`docs/rules/roles.md`, `docs/rules/invitations.md`, `docs/rules/commands.md`): one workspace, driven by apply(). The page keeps the state,
// a clock (an input the user moves forward) and a directory of people to act as; every answer —
// which controls are enabled and why not (`capabilities`, `docs/rules/capabilities.md`), command
// results, invitation status and expiry, the preview — comes from the package. In live mode
// (`?live=<base>`, served by `npm run stack`; docs/guides/playground.md#live-mode) the workspace and the
// people are the backend's and the stack's, and each command is its route's request (www/live.js).
import { apply, capabilities, createWorkspace, invitationStatus, previewInvitation } from "workspace-rules";
import { h, fill, refusal, uid } from "../dom.js";
import { addPerson, directory, liveBase, send, toRequest } from "../live.js";

const people0 = [
  { user_id: "0b9d6a52-4d4e-4f3e-9a51-6c1f2f000001", email: "ana@example.com", name: "Ana" },
  { user_id: "0b9d6a52-4d4e-4f3e-9a51-6c1f2f000002", email: "bo@example.com", name: "Bo" },
  { user_id: "0b9d6a52-4d4e-4f3e-9a51-6c1f2f000003", email: "cy@example.com", name: "Cy" },
  { user_id: "0b9d6a52-4d4e-4f3e-9a51-6c1f2f000004", email: "dee@example.com", name: "Dee" },
  { user_id: "0b9d6a52-4d4e-4f3e-9a51-6c1f2f000005", email: "eve@example.org", name: "Eve (not invited)" },
];

/** The first state: Ana creates the workspace, Bo (admin) and Cy (member) join, Dee is invited. */
function seed() {
  const now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(); // the clock starts at the real time, once
  const [ana, bo, cy] = people0;
  const events = [];
  let { state, events: created } = createWorkspace({ name: "Client A Support", environment: "production" }, { actor_id: ana.user_id, actor_email: ana.email, now, account_role: "owner" });
  events.push(...created);
  const step = (command, actor) => {
    const r = apply(state, command, { actor_id: actor.user_id, actor_email: actor.email, now });
    state = r.state;
    events.push(...r.events);
  };
  for (const [person, role] of [[bo, "admin"], [cy, "member"]]) {
    step({ type: "invite_member", email: person.email, role }, ana);
    step({ type: "accept_invitation", invitation_id: state.invitations.at(-1).id, user_id: person.user_id, display_name: person.name }, person);
  }
  step({ type: "invite_member", email: "dee@example.com", role: "member" }, bo);
  return { state, now, people: people0, actor: ana.user_id, events, last: null, previewId: state.invitations.at(-1).id, inviteEmail: "", inviteRole: "member" };
}

const HOUR = 3600_000;
const fmt = (t) => (t ? t.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") : "—");

let redraw = null;
/** Called when the tab is shown: the Credits tab may have run commands on this workspace. */
export const show = () => redraw?.();

/** Live mode (`?live=<base>`): the tab's workspace is the backend's, its commands HTTP requests. */
const base = liveBase();
const nowSec = () => new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
const refusedText = (label, e) => `${label}: refused — ${refusal(e)}${e.errors?.length > 1 ? " " + e.errors.slice(1).map((x) => x.message).join(" ") : ""}`;

export function mount(root, store) {
  // In live mode the slice is not saved: the backend holds the workspace (the other tabs keep theirs).
  const s = base ? { state: null, now: nowSec(), people: [], actor: null, events: [], last: null, previewId: "", inviteEmail: "", inviteRole: "member" } : store.slice("team", seed);
  const person = (id) => s.people.find((p) => p.user_id === id);
  const nameOf = (id) => (id ? person(id)?.name ?? s.state.members.find((m) => m.user_id === id)?.display_name ?? id.slice(0, 8) : "—");

  const actorSelect = h("select", { id: uid("f") });
  const actorNote = h("p.note", { id: "team-actor-note", "aria-live": "polite" });
  const clock = h("output", { id: "team-clock" });
  const result = h("p.result", { id: "team-result", role: "status" });
  const workspaceBox = h("div", { id: "team-workspace" });
  const membersBox = h("div.table-wrap", { id: "team-members" });
  const invitationsBox = h("div.table-wrap", { id: "team-invitations" });
  const inviteEmail = h("input", { id: uid("f"), type: "email", placeholder: "name@example.com", value: s.inviteEmail });
  const inviteRole = h("select", { id: uid("f") });
  const inviteButton = h("button.primary", { type: "submit", text: "Send invitation" });
  const inviteReasons = h("div", { id: "team-invite-reasons" });
  /** The role picked in a member's dropdown, until the next command or "act as" (not saved). */
  let picked = {};
  const previewSelect = h("select", { id: uid("f") });
  const previewBox = h("div", { id: "team-preview" });
  const eventsBox = h("div", { id: "team-events" });
  const archiveBox = h("div", { id: "team-archive" });

  root.append(
    h("div.toolbar.actor-bar", {},
      h("div.field.inline", {}, h("label", { for: actorSelect.id, text: "Act as" }), actorSelect),
      h("div.clock", {}, h("span", { text: base ? "Clock (the backend's, real time) " : "Clock " }), clock,
        [["+1 hour", HOUR], ["+1 day", 24 * HOUR], ["+7 days", 7 * 24 * HOUR]].map(([text, ms]) =>
          h("button", { type: "button", text, hidden: !!base, "aria-label": `Move the clock ${text.slice(1)} forward`, on: { click: () => { s.now = new Date(Date.parse(s.now) + ms).toISOString(); render(); } } }))),
    ),
    actorNote,
    result,
    h("div.grid2", {},
      h("div.stack", {},
        h("article.card", {}, h("h3", { text: "Workspace" }), workspaceBox, archiveBox),
        h("article.card", {}, h("h3", { text: "Members" }), membersBox),
        h("article.card", {}, h("h3", { text: "Invitations" }),
          h("form.invite", { autocomplete: "off", on: { submit: (e) => { e.preventDefault(); invite(); } } },
            h("div.field", {}, h("label", { for: inviteEmail.id, text: "Email to invite" }), inviteEmail),
            h("div.field", {}, h("label", { for: inviteRole.id, text: "Role" }), inviteRole),
            inviteButton),
          inviteReasons,
          invitationsBox),
      ),
      h("div.stack", {},
        h("article.card", {}, h("h3", { text: "What the invitee sees" }),
          h("p.hint", {}, "The preview behind the invitation link, before sign-in (", h("code", { text: "previewInvitation" }), ")."),
          h("div.field", {}, h("label", { for: previewSelect.id, text: "Invitation" }), previewSelect), previewBox),
        h("article.card", {}, h("h3", { text: "Audit log" }), eventsBox),
      ),
    ),
  );

  actorSelect.addEventListener("change", () => { s.actor = actorSelect.value; picked = {}; render(); });
  previewSelect.addEventListener("change", () => { s.previewId = previewSelect.value; render(); });
  inviteEmail.addEventListener("input", () => { s.inviteEmail = inviteEmail.value; store.save(); });
  inviteRole.addEventListener("change", () => { s.inviteRole = inviteRole.value; render(); });

  const actor = () => person(s.actor);
  const ctx = () => ({ actor_id: s.actor, actor_email: actor()?.email, now: s.now });

  /** Runs one command through the package (live: through the backend) and records the answer. */
  function run(label, command) {
    if (base) return runLive(label, command);
    try {
      const r = apply(s.state, command, ctx());
      s.state = r.state;
      s.events.push(...r.events);
      s.last = { ok: true, text: `${label}: done, ${r.events.length ? r.events.map((e) => e.type).join(", ") : "nothing changed, no event"}.` };
      return r;
    } catch (e) {
      s.last = { ok: false, text: refusedText(label, e) };
      return null;
    } finally {
      picked = {};
      render();
    }
  }

  /** Live: the command's route with the actor's token; then the new state as GET answers it (the
   *  command's own answer when the actor may not read it, e.g. after declining), or the refusal. */
  async function runLive(label, command) {
    const req = toRequest(command, s.state.workspace.id, s.actor);
    const token = actor()?.token;
    const r = await send(base, req, token);
    if (r.ok) {
      const got = await send(base, { method: "GET", path: `/v1/workspaces/${s.state.workspace.id}` }, token);
      s.state = got.ok ? got.json.workspace : r.json.workspace;
      const events = r.json.events ?? [];
      s.events.push(...events);
      s.last = { ok: true, text: `${label}: done (${req.method} ${req.path} → ${r.status}), ${events.length ? events.map((e) => e.type).join(", ") : "nothing changed, no event"}.` };
    } else s.last = { ok: false, text: `${refusedText(label, r.json ?? {})} (${req.method} ${req.path})` };
    picked = {};
    render();
    return r.ok ? r.json : null;
  }

  /** Live: the directory with a token per person from the stack, and the workspace `?workspace=<id>`
   *  (or a new one the first person creates, its id then put in the address). */
  async function connect() {
    const params = new URLSearchParams(location.search);
    s.people = await directory();
    s.actor = s.people.some((p) => p.user_id === params.get("actor")) ? params.get("actor") : s.people[0].user_id;
    let id = params.get("workspace");
    if (!id) {
      const made = await send(base, { method: "POST", path: "/v1/workspaces", body: { name: "Live Workspace", environment: "production" } }, s.people[0].token);
      if (!made.ok) throw made.json;
      id = made.json.workspace.workspace?.id ?? made.json.workspace.id;
      s.events.push(...(made.json.events ?? []));
      params.set("workspace", id);
      history.replaceState(null, "", `${location.pathname}?${params}${location.hash}`);
    }
    const got = await send(base, { method: "GET", path: `/v1/workspaces/${id}` }, person(s.actor)?.token);
    if (!got.ok) throw got.json;
    s.state = got.json.workspace;
    s.previewId = s.state.invitations[0]?.id ?? "";
    s.last = { ok: true, text: `Live: workspace ${id} from ${base}; every command is sent to the backend as the person you act as.` };
  }

  function invite() {
    const email = inviteEmail.value;
    const done = run(`Invite ${email.trim()}`, { type: "invite_member", email, role: inviteRole.value });
    if (base) done.then(invited);
    else invited(done);
  }

  function invited(done) {
    if (done) {
      // A new address gets a person in the directory, so you can act as them to accept. The
      // invitation (and its normalized email) is the one the event names.
      const id = done.events.find((e) => e.metadata?.invitation_id)?.metadata.invitation_id;
      const sent = s.state.invitations.find((i) => i.id === id);
      if (sent && !s.people.some((p) => p.email === sent.email)) {
        if (base) addPerson(sent.email).then((p) => (s.people.push(p), render()));
        else s.people.push({ user_id: crypto.randomUUID(), email: sent.email, name: sent.email.split("@")[0] });
      }
      inviteEmail.value = s.inviteEmail = "";
      render();
    }
  }

  function render() {
    if (base && !s.state) {
      result.textContent = s.last?.text ?? `Live: connecting to ${base}…`;
      result.className = `result ${s.last ? "refused" : ""}`;
      return;
    }
    if (base) s.now = nowSec();
    const st = s.state;
    const me = actor();
    // Every control below is drawn from this one answer: enabled when its entry is allowed, else
    // disabled with the entry's message shown and its code on hover. The page decides no rule itself.
    const caps = capabilities(st, ctx());
    const view = caps.workspace["workspace.view"];

    fill(actorSelect, s.people.map((p) => h("option", { value: p.user_id, text: `${p.name} · ${p.email}`, selected: p.user_id === s.actor })));
    actorNote.textContent = view.allowed
      ? `${me?.name} acts as ${caps.role}. Every control is enabled or disabled by capabilities(state, ctx); a disabled one says why (hover for the code).`
      : `${me?.name} has no permissions here: ${view.message}`;
    actorNote.className = view.allowed ? "note" : "note warn";
    clock.textContent = fmt(s.now);
    result.textContent = s.last?.text ?? "Pick who you act as, then try the buttons.";
    result.className = `result ${s.last ? (s.last.ok ? "ok" : "refused") : ""}`;

    const w = st.workspace;
    const wsReasons = reasons();
    const provision = h("button", { type: "button", text: "Provision", on: { click: () => run("Provision", { type: "provision" }) } });
    wsReasons.gate(provision, "Provision", caps.workspace["workspace.provision"], { type: "provision" });
    fill(workspaceBox, h("dl.facts", {},
      h("dt", { text: "name" }), h("dd", { text: w.name }),
      h("dt", { text: "slug" }), h("dd", {}, h("code", { text: w.slug })),
      h("dt", { text: "environment" }), h("dd", { text: w.environment }),
      h("dt", { text: "status" }), h("dd", { id: "team-status" }, h("span.badge", { "data-status": w.status, text: w.status }), w.is_default ? " (the account's default workspace)" : ""),
      h("dt", { text: "provisioned" }), h("dd", { id: "team-provisioned" }, w.provisioned_at ? fmt(w.provisioned_at) : "not yet", " ", provision),
    ));
    archivePanel(archiveBox, { entry: caps.workspace["workspace.archive"], reasons: wsReasons, run, state: st });
    archiveBox.append(...[wsReasons.list(), actionsList(caps.workspace)].filter(Boolean));

    // Members: remove, the role dropdown (an option per role) and its button, leave on your own row.
    fill(membersBox, h("table.stack-table", { "aria-label": "Members" },
      h("thead", {}, h("tr", {}, ["member", "role", "status", "actions"].map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, st.members.map((m) => {
        const who = nameOf(m.user_id);
        const mine = caps.members[m.user_id];
        const why = reasons();
        const to = picked[m.user_id] ?? m.role;
        const select = h("select", { "aria-label": `New role for ${who}`, on: { change: () => { picked[m.user_id] = select.value; render(); } } },
          Object.entries(mine.change_role).map(([r, entry]) =>
            why.gate(h("option", { value: r, text: r, selected: r === to }), `make ${r}`, entry, { type: "change_role", user_id: m.user_id, role: r })));
        const change = { type: "change_role", user_id: m.user_id, role: to };
        const buttons = [
          why.gate(h("button", { type: "button", text: "Change role", "aria-label": `Change role of ${who}`, on: { click: () => run(`Change ${who} to ${to}`, change) } }), "Change role", mine.change_role[to], change),
          mine.leave
            ? why.gate(h("button.danger", { type: "button", text: "Leave", "aria-label": `${who} leaves`, on: { click: () => run(`${who} leaves`, { type: "leave_workspace" }) } }), "Leave", mine.leave, { type: "leave_workspace" })
            : why.gate(h("button.danger", { type: "button", text: "Remove", "aria-label": `Remove ${who}`, on: { click: () => run(`Remove ${who}`, { type: "remove_member", user_id: m.user_id }) } }), "Remove", mine.remove, { type: "remove_member", user_id: m.user_id }),
        ];
        return h("tr", { "data-user": m.user_id },
          h("td", {}, h("strong", { text: who }), h("br"), h("small", { text: m.email })),
          h("td", {}, select),
          h("td", {}, h("span.badge", { "data-status": m.status, text: m.status })),
          h("td", {}, h("div.actions", {}, buttons), why.list()),
        );
      })),
    ));

    // The invite form: the dropdown offers only the roles invite.roles allows; the others are listed
    // with the reason they are not offered.
    const offered = Object.entries(caps.invite.roles).filter(([, e]) => e.allowed).map(([r]) => r);
    const role = offered.includes(s.inviteRole) ? s.inviteRole : offered[0] ?? s.inviteRole;
    const inviteWhy = reasons();
    fill(inviteRole, offered.map((r) => inviteWhy.gate(h("option", { value: r, text: r, selected: r === role }), r, caps.invite.roles[r], { type: "invite_member", role: r })));
    inviteWhy.gate(inviteButton, "Send invitation", caps.invite.roles[role], { type: "invite_member", role });
    inviteRole.disabled = offered.length === 0;
    inviteEmail.disabled = inviteButton.disabled;
    // The roles left out, each with its reason (when the whole form is off, its own reason says it all).
    if (offered.length) for (const [r, entry] of Object.entries(caps.invite.roles)) if (!entry.allowed) inviteWhy.note(`${r} is not offered`, entry, { type: "invite_member", role: r });
    fill(inviteReasons, inviteWhy.list());

    // Invitations, with the status the package computes at the clock's time.
    fill(invitationsBox, st.invitations.length ? h("table.stack-table", { "aria-label": "Invitations" },
      h("thead", {}, h("tr", {}, ["invitation", "status", "expires", "actions"].map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, st.invitations.map((inv) => {
        const status = invitationStatus(inv, s.now);
        const mine = caps.invitations[inv.id];
        const why = reasons();
        const button = (cls, text, label, entry, command, done) =>
          why.gate(h(`button${cls}`, { type: "button", text, "aria-label": label, on: { click: () => run(done, command) } }), text, entry, command);
        return h("tr", { "data-email": inv.email },
          h("td", {}, h("strong", { text: inv.email }), h("br"), h("small", { text: `${inv.role} · sent ${fmt(inv.sent_at)} by ${nameOf(inv.invited_by)}` })),
          h("td", {}, h("span.badge", { "data-status": status, text: status })),
          h("td", {}, h("small", { text: fmt(inv.expires_at) })),
          h("td", {}, h("div.actions", {},
            button("", "Resend", `Resend to ${inv.email}`, mine.resend, { type: "invite_member", email: inv.email, role: inv.role }, `Resend to ${inv.email}`),
            button(".danger", "Revoke", `Revoke ${inv.email}`, mine.revoke, { type: "revoke_invitation", invitation_id: inv.id }, `Revoke ${inv.email}`),
            button("", "Accept", `Accept ${inv.email} as ${me?.name}`, mine.accept, { type: "accept_invitation", invitation_id: inv.id, user_id: s.actor, display_name: me?.name }, `${me?.name} accepts`),
            button("", "Decline", `Decline ${inv.email} as ${me?.name}`, mine.decline, { type: "decline_invitation", invitation_id: inv.id }, `${me?.name} declines`),
          ), why.list()),
        );
      })),
    ) : h("p.hint", { text: "No invitations yet." }));

    // Preview
    if (!st.invitations.some((i) => i.id === s.previewId)) s.previewId = st.invitations[0]?.id ?? "";
    fill(previewSelect, st.invitations.map((i) => h("option", { value: i.id, text: i.email, selected: i.id === s.previewId })));
    if (s.previewId) {
      try {
        const p = previewInvitation(st, s.previewId, s.now);
        fill(previewBox, h("div.invite-card", {},
          h("p.small", { text: "You have been invited to join" }),
          h("p.ws-name", { text: p.workspace_name }),
          h("p", {}, "as ", h("strong", { text: p.role }), " · ", h("span.badge", { "data-status": p.status, text: p.status })),
          h("p.small", { text: `Expires ${fmt(p.expires_at)}` }),
          h("details", {}, h("summary", { text: "previewInvitation answer" }), h("pre", { text: JSON.stringify(p, null, 2) })),
        ));
      } catch (e) {
        fill(previewBox, h("p.error", { role: "alert", text: refusal(e) }));
      }
    } else fill(previewBox, h("p.hint", { text: "No invitation to preview." }));

    // Audit log, newest first
    fill(eventsBox, h("ol.events", { reversed: true, "aria-label": "Audit events" }, [...s.events].reverse().map((e) => h("li", {},
      h("code.etype", { text: e.type }),
      h("span", { text: ` by ${nameOf(e.actor_id)}${e.target_id ? ` → ${nameOf(e.target_id)}` : ""}${e.role ? ` · ${e.previous_role ? `${e.previous_role} → ` : ""}${e.role}` : ""}` }),
      Object.keys(e.metadata ?? {}).length ? h("small.meta", { text: ` ${JSON.stringify(e.metadata)}` }) : null,
      h("small.at", { text: fmt(e.at) }),
    ))));
    store.save();
  }
  redraw = render;
  render();
  if (base) connect().then(render, (e) => { s.last = { ok: false, text: refusedText("Live mode could not start", e ?? {}) }; render(); });
}

/** Archiving: the slug typed as confirmation; the button follows capabilities' `workspace.archive`. */
function archivePanel(box, { entry, reasons, run, state }) {
  const confirm = h("input", { id: uid("f"), placeholder: state.workspace.slug, spellcheck: "false", disabled: !entry.allowed });
  const button = reasons.gate(h("button.danger", { type: "submit", text: "Archive workspace" }), "Archive workspace", entry, { type: "archive" });
  fill(box, h("form.archive", { autocomplete: "off", on: { submit: (e) => { e.preventDefault(); run("Archive", { type: "archive", slug: confirm.value }); } } },
    h("div.field", {}, h("label", { for: confirm.id, text: "Type the slug to archive" }), confirm), button));
}

/**
 * The reasons of one group of controls. `gate(el, label, entry, command)` draws a control from its
 * capabilities entry: enabled when allowed; else disabled, the code on hover (`title`) and the message
 * in the group's list (`aria-describedby`). `command` is what the control runs (typed fields aside),
 * kept in `data-command`. Controls refused alike share one line of the list.
 */
function reasons() {
  const lines = new Map();
  const notes = [];
  const mark = (el, entry, command) => {
    el.dataset.command = JSON.stringify(command);
    if (entry.allowed) for (const a of ["title", "data-code", "aria-describedby"]) el.removeAttribute(a);
    else [el.title, el.dataset.code] = [entry.code, entry.code];
    return el;
  };
  return {
    gate(el, label, entry, command) {
      mark(el, entry, command);
      el.disabled = !entry.allowed;
      if (entry.allowed) return el;
      const key = `${entry.code}\n${entry.message}`;
      if (!lines.has(key)) lines.set(key, { id: uid("why"), labels: [], entry });
      lines.get(key).labels.push(label);
      el.setAttribute("aria-describedby", lines.get(key).id);
      return el;
    },
    /** A refused choice that is not drawn (a role the invite dropdown leaves out): a line of its own. */
    note(label, entry, command) {
      notes.push(mark(h("li", {}, h("strong", { text: label }), ": ", h("span.why", { text: entry.message })), entry, command));
    },
    list() {
      if (!lines.size && !notes.length) return null;
      return h("ul.reasons", { "aria-label": "Why not" },
        [...lines.values()].map((i) => h("li", { id: i.id, title: i.entry.code }, h("strong", { text: i.labels.join(", ") }), ": ", h("span.why", { text: i.entry.message }))),
        notes);
    },
  };
}

/** Every action of the matrix under `capabilities.workspace`, for the curious (no controls). */
function actionsList(workspace) {
  const rows = Object.entries(workspace);
  const allowed = rows.filter(([, e]) => e.allowed).length;
  return h("details.caps", { id: "team-caps" },
    h("summary", { text: `All workspace actions: ${allowed} of ${rows.length} allowed (capabilities.workspace)` }),
    h("ul", {}, rows.map(([action, e]) => h("li", { "data-action": action, title: e.allowed ? null : e.code },
      h("code", { text: action }), " ", e.allowed ? h("span.badge", { "data-status": "active", text: "allowed" }) : h("span.badge", { "data-status": "revoked", text: e.code }),
      e.allowed ? null : h("small", { text: ` ${e.message}` })))));
}
