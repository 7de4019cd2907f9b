// The playground: tabs over the panels, one shared state (local storage + URL fragment). Every
// decision comes from workspace-rules; these files only gather input and draw the answers.
import * as store from "./state.js";
import { h } from "./dom.js";
import * as voice from "./panels/voice.js";
import * as keyterms from "./panels/keyterms.js";
import * as tone from "./panels/tone.js";
import * as team from "./panels/team.js";
import * as credits from "./panels/credits.js";
import * as requests from "./panels/requests.js";
import * as matrix from "./panels/matrix.js";

const PANELS = [
  { id: "voice", title: "Voice settings", intro: "Three layers and a patch, merged by effectiveVoiceSettings and updateVoiceSettings (`docs/rules/voice-settings.md`).", module: voice },
  { id: "keyterms", title: "Keyterms", intro: "Paste lists; mergeKeyterms keeps the first spelling of each term and says why the others were dropped (`docs/rules/keyterms.md`).", module: keyterms },
  { id: "tone", title: "Tone", intro: "A baseline tone and the caller's signals; resolveTone answers the tone, its empathy tier and the reason (`docs/rules/tone.md`).", module: tone },
  { id: "team", title: "Team & invitations", intro: "A workspace run by apply(): act as anyone, invite, accept, change roles, move the clock; every control is enabled or disabled by capabilities(), with its reason (`docs/rules/roles.md`, `docs/rules/invitations.md`, `docs/rules/capabilities.md`).", module: team },
  { id: "credits", title: "Credits", intro: "A monthly credit allowance on the Team tab's workspace: set it (checked live by apply), record usage per meter, move the clock, and see the period, its thresholds, the outbound gate and the closed periods (`docs/rules/credits.md`).", module: credits },
  { id: "requests", title: "Request checker", intro: "A platform request and who sends it; checkRequest answers the decision and the HTTP status (`docs/rules/requests.md`).", module: requests },
  { id: "matrix", title: "Permissions", intro: "The default permission matrix (`docs/rules/roles.md`).", module: matrix },
];

const nav = document.getElementById("tabs");
const main = document.getElementById("panels");
const ui = store.slice("ui", () => ({ tab: "voice" }));
if (!PANELS.some((p) => p.id === ui.tab)) ui.tab = "voice";

const tabs = PANELS.map((p) => h("button", { role: "tab", id: `tab-${p.id}`, "aria-controls": `panel-${p.id}`, type: "button", text: p.title, on: { click: () => select(p.id) } }));
nav.append(...tabs);
for (const p of PANELS) {
  const section = h("section", { role: "tabpanel", id: `panel-${p.id}`, "aria-labelledby": `tab-${p.id}` },
    h("div.panel-head", {}, h("h2", { text: p.title }), h("p.hint", { text: p.intro })));
  main.append(section);
  try {
    p.module.mount(section, store);
  } catch (e) {
    // A stored or linked state this panel cannot use (say, edited by hand): say so, offer a fresh start.
    section.append(h("article.card", {},
      h("p.error", { role: "alert", text: `This panel could not start from the saved state: ${e.code ? `${e.code} (${e.status}): ` : ""}${e.message}` }),
      h("button", { type: "button", text: "Reset this panel", on: { click: () => store.forget(p.id) } })));
    p.module = {};
  }
}
nav.addEventListener("keydown", (e) => {
  const i = PANELS.findIndex((p) => p.id === ui.tab);
  const next = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : null;
  if (next === null) return;
  const p = PANELS[(next + PANELS.length) % PANELS.length];
  select(p.id);
  document.getElementById(`tab-${p.id}`).focus();
});

function select(id) {
  ui.tab = id;
  for (const p of PANELS) {
    const on = p.id === id;
    const tab = document.getElementById(`tab-${p.id}`);
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    document.getElementById(`panel-${p.id}`).hidden = !on;
    if (on) p.module.show?.();
  }
  store.save();
}
select(ui.tab);

// Sharing and starting over.
const shareOut = document.getElementById("share-status");
document.getElementById("share").addEventListener("click", async () => {
  const link = store.shareLink();
  const box = document.getElementById("share-link");
  box.value = link;
  box.hidden = false;
  box.select();
  try {
    await navigator.clipboard.writeText(link);
    shareOut.textContent = "Link copied: it carries the whole playground state.";
  } catch {
    shareOut.textContent = "Copy the link above: it carries the whole playground state.";
  }
});
document.getElementById("reset").addEventListener("click", () => store.reset());
if (store.origin === "link") shareOut.textContent = "Opened from a shared link.";
if (store.badLink) shareOut.textContent = "This link's state could not be read: showing your own playground.";
document.body.dataset.ready = "true";
