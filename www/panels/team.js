// Team and invitations (`docs/rules/roles.md`, `docs/rules/invitations.md`, `docs/rules/commands.md`): one workspace, driven by apply(). The page keeps the state,
// a clock (an input the user moves forward) and a directory of people to act as; every answer —
// permissions, command results, invitation status and expiry, the preview — comes from the package.
import { apply, can, createWorkspace, invitationStatus, previewInvitation, roles } from "workspace-rules";
import { h, fill, refusal, uid } from "../dom.js";

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

export function mount(root, store) {
  const s = store.slice("team", seed);
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
  const inviteRole = h("select", { id: uid("f") }, roles().map((r) => h("option", { value: r, text: r, selected: r === s.inviteRole })));
  const inviteButton = h("button.primary", { type: "submit", text: "Send invitation" });
  const previewSelect = h("select", { id: uid("f") });
  const previewBox = h("div", { id: "team-preview" });
  const eventsBox = h("div", { id: "team-events" });
  const archiveBox = h("div", { id: "team-archive" });

  root.append(
    h("div.toolbar.actor-bar", {},
      h("div.field.inline", {}, h("label", { for: actorSelect.id, text: "Act as" }), actorSelect),
      h("div.clock", {}, h("span", { text: "Clock " }), clock,
        [["+1 hour", HOUR], ["+1 day", 24 * HOUR], ["+7 days", 7 * 24 * HOUR]].map(([text, ms]) =>
          h("button", { type: "button", text, "aria-label": `Move the clock ${text.slice(1)} forward`, on: { click: () => { s.now = new Date(Date.parse(s.now) + ms).toISOString(); render(); } } }))),
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

  actorSelect.addEventListener("change", () => { s.actor = actorSelect.value; render(); });
  previewSelect.addEventListener("change", () => { s.previewId = previewSelect.value; render(); });
  inviteEmail.addEventListener("input", () => { s.inviteEmail = inviteEmail.value; store.save(); });
  inviteRole.addEventListener("change", () => { s.inviteRole = inviteRole.value; store.save(); });

  const actor = () => person(s.actor);
  const ctx = () => ({ actor_id: s.actor, actor_email: actor()?.email, now: s.now });

  /** Runs one command through the package and records the answer. */
  function run(label, command) {
    try {
      const r = apply(s.state, command, ctx());
      s.state = r.state;
      s.events.push(...r.events);
      s.last = { ok: true, text: `${label}: done, ${r.events.length ? r.events.map((e) => e.type).join(", ") : "nothing changed, no event"}.` };
      return r;
    } catch (e) {
      s.last = { ok: false, text: `${label}: refused — ${refusal(e)}${e.errors?.length > 1 ? " " + e.errors.slice(1).map((x) => x.message).join(" ") : ""}` };
      return null;
    } finally {
      render();
    }
  }

  function invite() {
    const email = inviteEmail.value;
    const done = run(`Invite ${email.trim()}`, { type: "invite_member", email, role: inviteRole.value });
    if (done) {
      // A new address gets a person in the directory, so you can act as them to accept. The
      // invitation (and its normalized email) is the one the event names.
      const id = done.events.find((e) => e.metadata?.invitation_id)?.metadata.invitation_id;
      const sent = s.state.invitations.find((i) => i.id === id);
      if (sent && !s.people.some((p) => p.email === sent.email)) {
        s.people.push({ user_id: crypto.randomUUID(), email: sent.email, name: sent.email.split("@")[0] });
      }
      inviteEmail.value = s.inviteEmail = "";
      render();
    }
  }

  /** Whether the actor may act at all: asked of the package with a harmless command. */
  function actorBlock() {
    try {
      apply(s.state, { type: "update_workspace" }, ctx());
      return null;
    } catch (e) {
      return ["not_a_member", "workspace_archived"].includes(e.code) ? e : null;
    }
  }

  function render() {
    const st = s.state;
    const me = actor();
    const block = actorBlock();
    const record = st.members.find((m) => m.user_id === s.actor);
    const role = !block && record ? record.role : null;
    const allowed = (action) => Boolean(role && can(role, action));

    fill(actorSelect, s.people.map((p) => h("option", { value: p.user_id, text: `${p.name} · ${p.email}`, selected: p.user_id === s.actor })));
    actorNote.textContent = block
      ? `${me?.name} has no permissions here: ${block.message}`
      : `${me?.name} acts as ${role}. Buttons are enabled where can("${role}", action) allows.`;
    actorNote.className = block ? "note warn" : "note";
    clock.textContent = fmt(s.now);
    result.textContent = s.last?.text ?? "Pick who you act as, then try the buttons.";
    result.className = `result ${s.last ? (s.last.ok ? "ok" : "refused") : ""}`;

    const w = st.workspace;
    fill(workspaceBox, h("dl.facts", {},
      h("dt", { text: "name" }), h("dd", { text: w.name }),
      h("dt", { text: "slug" }), h("dd", {}, h("code", { text: w.slug })),
      h("dt", { text: "environment" }), h("dd", { text: w.environment }),
      h("dt", { text: "status" }), h("dd", { id: "team-status" }, h("span.badge", { "data-status": w.status, text: w.status })),
      h("dt", { text: "provisioned" }), h("dd", { id: "team-provisioned" },
        w.provisioned_at ? fmt(w.provisioned_at) : "not yet", " ",
        h("button", { type: "button", text: "Provision", disabled: !allowed("workspace.provision"), on: { click: () => run("Provision", { type: "provision" }) } })),
    ));
    archivePanel(archiveBox, { allowed, run, state: st });

    // Members
    const roleOptions = (current) => roles().map((r) => h("option", { value: r, text: r, selected: r === current }));
    fill(membersBox, h("table.stack-table", { "aria-label": "Members" },
      h("thead", {}, h("tr", {}, ["member", "role", "status", "actions"].map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, st.members.map((m) => {
        const who = nameOf(m.user_id);
        const select = h("select", { "aria-label": `New role for ${who}`, disabled: !allowed("members.update_role") || m.status !== "active" }, roleOptions(m.role));
        const self = m.user_id === s.actor;
        return h("tr", { "data-user": m.user_id },
          h("td", {}, h("strong", { text: who }), h("br"), h("small", { text: m.email })),
          h("td", {}, select),
          h("td", {}, h("span.badge", { "data-status": m.status, text: m.status })),
          h("td", {}, m.status === "active" ? h("div.actions", {}, [
            h("button", { type: "button", text: "Change role", "aria-label": `Change role of ${who}`, disabled: !allowed("members.update_role"), on: { click: () => run(`Change ${who} to ${select.value}`, { type: "change_role", user_id: m.user_id, role: select.value }) } }),
            self
              ? h("button.danger", { type: "button", text: "Leave", "aria-label": `${who} leaves`, disabled: Boolean(block), on: { click: () => run(`${who} leaves`, { type: "leave_workspace" }) } })
              : h("button.danger", { type: "button", text: "Remove", "aria-label": `Remove ${who}`, disabled: !allowed("members.remove"), on: { click: () => run(`Remove ${who}`, { type: "remove_member", user_id: m.user_id }) } }),
          ]) : null),
        );
      })),
    ));

    // Invitations, with the status the package computes at the clock's time.
    inviteButton.disabled = !allowed("members.invite");
    inviteEmail.disabled = inviteRole.disabled = !allowed("members.invite");
    fill(invitationsBox, st.invitations.length ? h("table.stack-table", { "aria-label": "Invitations" },
      h("thead", {}, h("tr", {}, ["invitation", "status", "expires", "actions"].map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, st.invitations.map((inv) => {
        const status = invitationStatus(inv, s.now);
        return h("tr", { "data-email": inv.email },
          h("td", {}, h("strong", { text: inv.email }), h("br"), h("small", { text: `${inv.role} · sent ${fmt(inv.sent_at)} by ${nameOf(inv.invited_by)}` })),
          h("td", {}, h("span.badge", { "data-status": status, text: status })),
          h("td", {}, h("small", { text: fmt(inv.expires_at) })),
          h("td", {}, h("div.actions", {},
            h("button", { type: "button", text: "Resend", "aria-label": `Resend to ${inv.email}`, disabled: !allowed("members.invite"), on: { click: () => run(`Resend to ${inv.email}`, { type: "invite_member", email: inv.email, role: inv.role }) } }),
            h("button.danger", { type: "button", text: "Revoke", "aria-label": `Revoke ${inv.email}`, disabled: !allowed("invitations.revoke"), on: { click: () => run(`Revoke ${inv.email}`, { type: "revoke_invitation", invitation_id: inv.id }) } }),
            h("button", { type: "button", text: "Accept", "aria-label": `Accept ${inv.email} as ${me?.name}`, title: "Accept as the person you act as", on: { click: () => run(`${me?.name} accepts`, { type: "accept_invitation", invitation_id: inv.id, user_id: s.actor, display_name: me?.name }) } }),
            h("button", { type: "button", text: "Decline", "aria-label": `Decline ${inv.email} as ${me?.name}`, title: "Decline as the person you act as", on: { click: () => run(`${me?.name} declines`, { type: "decline_invitation", invitation_id: inv.id }) } }),
          )),
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
}

/** Archiving: the slug typed as confirmation; the button follows can(role, "workspace.archive"). */
function archivePanel(box, { allowed, run, state }) {
  const confirm = h("input", { id: uid("f"), placeholder: state.workspace.slug, spellcheck: "false", disabled: !allowed("workspace.archive") });
  const button = h("button.danger", { type: "submit", text: "Archive workspace", disabled: !allowed("workspace.archive") });
  fill(box, h("form.archive", { autocomplete: "off", on: { submit: (e) => { e.preventDefault(); run("Archive", { type: "archive", slug: confirm.value }); } } },
    h("div.field", {}, h("label", { for: confirm.id, text: "Type the slug to archive" }), confirm), button));
}
