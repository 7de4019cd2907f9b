// Request checker (`docs/rules/requests.md`): a platform request (method, path, body) and who sends it, checked against
// the workspace and the clock of the Team tab. checkRequest answers the decision, the action and the
// HTTP status; this file only gathers the input and draws the answer.
import { checkRequest } from "workspace-rules";
import { h, fill, refusal, uid } from "../dom.js";

let refresh = () => {};
/** Called when the tab is shown: the Team tab may have changed the workspace, the people or the clock. */
export const show = () => refresh();

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
// Example requests (the routes of `docs/rules/requests.md`); {ws} and {inv} are filled with the Team tab's ids.
const EXAMPLES = [
  ["View the workspace", "GET", "/v1/workspaces/{ws}", ""],
  ["Rename the workspace", "PATCH", "/v1/workspaces/{ws}", '{ "name": "Client A Support EU" }'],
  ["Provision", "POST", "/v1/workspaces/{ws}/provision", ""],
  ["Archive (slug confirmation)", "POST", "/v1/workspaces/{ws}/archive", '{ "slug": "client-a-support" }'],
  ["Set test caller numbers", "PUT", "/v1/workspaces/{ws}/test-caller-numbers", '{ "numbers": ["+1 (415) 555-0100", "12"] }'],
  ["Update voice settings", "PUT", "/v1/{ws}/settings/voice", '{ "speed": 3, "tone": "calm" }'],
  ["Invite an owner", "POST", "/v1/workspaces/{ws}/invitations", '{ "email": "hal@example.com", "role": "owner" }'],
  ["Revoke an invitation", "DELETE", "/v1/workspaces/{ws}/invitations/{inv}", ""],
  ["Invitation preview (public)", "GET", "/v1/invitations/{inv}/preview", ""],
  ["Outbound call", "POST", "/v1/{ws}/calls/outbound", '{ "to": "+14155550100" }'],
  ["Another workspace", "GET", "/v1/workspaces/00000000-0000-4000-8000-000000000000", ""],
  ["Unknown route", "GET", "/v1/nothing-here", ""],
];

export function mount(root, store) {
  const team = store.state.team;
  const s = store.slice("requests", () => ({ method: "PATCH", path: "", body: EXAMPLES[1][3], actor: "0b9d6a52-4d4e-4f3e-9a51-6c1f2f000003" }));
  const fillIds = (path) => path.replaceAll("{ws}", team.state.workspace.id).replaceAll("{inv}", team.state.invitations[0]?.id ?? "{invitation_id}");
  if (!s.path) s.path = fillIds(EXAMPLES[1][2]);

  const example = h("select", { id: uid("f") }, h("option", { value: "", text: "Pick an example…" }), EXAMPLES.map(([t], i) => h("option", { value: String(i), text: t })));
  const method = h("select", { id: uid("f") }, METHODS.map((m) => h("option", { value: m, text: m, selected: m === s.method })));
  const path = h("input", { id: uid("f"), value: s.path, spellcheck: "false", class: "code" });
  const body = h("textarea.code", { id: uid("f"), rows: 5, spellcheck: "false", value: s.body, placeholder: "no body" });
  const actor = h("select", { id: uid("f") });
  const out = h("div", { id: "request-result", "aria-live": "polite" });
  const context = h("p.small", { id: "request-context" });
  const label = (c, t) => h("label", { for: c.id, text: t });

  const form = h("form.request", { autocomplete: "off", on: { input: update, change: update, submit: (e) => e.preventDefault() } },
    h("div.field", {}, label(example, "Example"), example),
    h("div.req-line", {}, h("div.field", {}, label(method, "Method"), method), h("div.field.grow", {}, label(path, "Path"), path)),
    h("div.field", {}, label(body, "Body (JSON)"), body),
    h("div.field", {}, label(actor, "Sent by"), actor),
  );
  root.append(h("div.grid2", {},
    h("article.card", {}, h("h3", { text: "Request" }), context, form),
    h("article.card", {}, h("h3", { text: "Decision" }), out),
  ));
  for (const control of [method, path, body]) control.addEventListener("input", () => (example.value = ""));
  method.addEventListener("change", () => (example.value = ""));
  example.addEventListener("change", () => {
    const e = EXAMPLES[Number(example.value)];
    if (!e) return;
    method.value = e[1];
    path.value = fillIds(e[2]);
    body.value = e[3];
    update();
  });

  function update() {
    Object.assign(s, { method: method.value, path: path.value, body: body.value, actor: actor.value });
    const request = { method: s.method, path: s.path };
    if (s.body.trim() !== "") {
      try {
        request.body = JSON.parse(s.body);
      } catch (e) {
        body.setAttribute("aria-invalid", "true");
        fill(out, h("p.error", { role: "alert", text: `The body is not JSON: ${e.message}` }));
        store.save();
        return;
      }
    }
    body.setAttribute("aria-invalid", "false");
    const who = team.people.find((p) => p.user_id === s.actor);
    const sender = who ? { user_id: who.user_id, email: who.email } : null;
    try {
      const answer = checkRequest(request, { actor: sender, state: team.state, now: team.now });
      const problems = answer.error?.errors ?? [];
      fill(out,
        h("div.verdict", { class: `verdict ${answer.allowed ? "ok" : "refused"}` },
          h("span", { id: "request-verdict", text: answer.allowed ? "Allowed" : "Refused" }),
          h("span.status", { id: "request-status", text: String(answer.status) })),
        h("dl.facts", {},
          h("dt", { text: "action" }), h("dd", {}, h("code", { id: "request-action", text: answer.action ?? "—" })),
          answer.error ? [h("dt", { text: "error" }), h("dd", {}, h("code", { id: "request-error", text: answer.error.code }), " ", answer.error.message)] : null,
        ),
        problems.some((e) => e.path?.startsWith("/body"))
          ? h("ul.errors", { "aria-label": "Body problems" }, problems.map((e) => h("li", {}, e.path ? h("code", { text: e.path }) : null, " ", e.message)))
          : null,
        h("details", {}, h("summary", { text: "checkRequest answer" }), h("pre", { text: JSON.stringify(answer, null, 2) })),
      );
    } catch (e) {
      fill(out, h("p.error", { role: "alert", text: refusal(e) }));
    }
    store.save();
  }

  refresh = () => {
    fill(actor, h("option", { value: "", text: "nobody (no credentials)", selected: !s.actor }), team.people.map((p) => h("option", { value: p.user_id, text: `${p.name} · ${p.email}`, selected: p.user_id === s.actor })));
    context.textContent = `Checked against "${team.state.workspace.name}" (${team.state.workspace.status}) at ${team.now}, the workspace and clock of the Team tab.`;
    update();
  };
  refresh();
}
