// The permission matrix (`docs/rules/roles.md`): permissionMatrix() drawn as a table; a click asks can(role, action).
import { actions, can, permissionMatrix, roles } from "workspace-rules";
import { h } from "../dom.js";

export function mount(root) {
  const matrix = permissionMatrix();
  const answer = h("p.answer", { id: "answer", "aria-live": "polite" });
  const table = h("table", { id: "matrix" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "action" }), roles().map((r) => h("th", { scope: "col", text: r })))),
    h("tbody", {}, actions().map((action) => h("tr", {},
      h("th", { scope: "row" }, h("code", { text: action })),
      roles().map((role) => {
        const allowed = matrix[role].includes(action);
        return h("td", {}, h(`button.cell.${allowed ? "yes" : "no"}`, {
          type: "button",
          text: allowed ? "✓" : "—",
          "aria-label": `${role} ${allowed ? "may" : "may not"} ${action}`,
          on: { click: () => (answer.textContent = `can("${role}", "${action}") → ${can(role, action)}`) },
        }));
      }),
    ))),
  );
  root.append(h("article.card", {},
    h("p.hint", {}, `${roles().length} roles × ${actions().length} actions from `, h("code", { text: "permissionMatrix()" }), ". Click a cell to ask ", h("code", { text: "can(role, action)" }), "."),
    answer,
    h("div.table-wrap.matrix-wrap", {}, table),
  ));
}
