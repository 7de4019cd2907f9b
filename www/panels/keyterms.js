// Keyterms (`docs/rules/keyterms.md`): paste lists, one term per line; mergeKeyterms answers the merged list and every
// dropped term with its reason.
import { mergeKeyterms } from "workspace-rules";
import { h, fill, lines, refusal } from "../dom.js";

const defaults = () => ({
  lists: ["Metformin\nStraße\nDr. Ramirez", "METFORMIN\nstrasse\n  lisinopril   10mg\n \nAmlodipine"],
});

export function mount(root, store) {
  const s = store.slice("keyterms", defaults);
  const listsBox = h("div.lists");
  const result = h("div", { id: "keyterms-result" });
  const addButton = h("button", { type: "button", text: "Add a list" });
  root.append(
    h("div.grid2", {},
      h("article.card", {},
        h("h3", { text: "Lists" }),
        h("p.hint", { text: "One term per line, in the order service, workspace, agent… Earlier lists win: the first spelling of a term is kept." }),
        listsBox,
        h("div.toolbar", {}, addButton),
      ),
      h("article.card", {}, h("h3", { text: "Merged" }), result),
    ),
  );

  function drawLists() {
    fill(listsBox, s.lists.map((text, i) => {
      const area = h("textarea", { rows: 6, spellcheck: "false", value: text, id: `keyterms-list-${i + 1}`, on: { input: () => ((s.lists[i] = area.value), update()) } });
      const remove = h("button.link", { type: "button", text: "remove", "aria-label": `Remove list ${i + 1}`, disabled: s.lists.length === 1, on: { click: () => (s.lists.splice(i, 1), drawLists(), update()) } });
      return h("div.field", {}, h("div.label-row", {}, h("label", { for: area.id, text: `List ${i + 1}` }), remove), area);
    }));
  }
  addButton.addEventListener("click", () => {
    s.lists.push("");
    drawLists();
    update();
    listsBox.querySelector(`#keyterms-list-${s.lists.length}`).focus();
  });

  function update() {
    let answer;
    try {
      answer = mergeKeyterms(...s.lists.map(lines));
    } catch (e) {
      fill(result, h("p.error", { role: "alert", text: refusal(e) }));
      store.save();
      return;
    }
    const { keyterms, dropped } = answer;
    fill(result,
      h("p.summary", { text: `${keyterms.length} kept, ${dropped.length} dropped` }),
      h("ol.terms", { "aria-label": "Merged keyterms" }, keyterms.map((t) => h("li", {}, h("span.chip", { text: t })))),
      h("h4", { text: "Dropped" }),
      dropped.length
        ? h("div.table-wrap", {}, h("table", { "aria-label": "Dropped keyterms" },
            h("thead", {}, h("tr", {}, ["term as given", "reason", "duplicate of"].map((t) => h("th", { scope: "col", text: t })))),
            h("tbody", {}, dropped.map((d) => h("tr", {}, h("td", {}, h("code", { text: JSON.stringify(d.term) })), h("td", {}, h("span.badge", { "data-reason": d.reason, text: d.reason })), h("td", { text: d.duplicate_of ?? "" })))),
          ))
        : h("p.hint", { text: "Nothing dropped." }),
    );
    store.save();
  }
  drawLists();
  update();
}
