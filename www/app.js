// The playground: a view over the package. Every decision comes from workspace-rules; this file only
// draws the answers.
import { actions, can, permissionMatrix, roles } from "workspace-rules";

const matrix = permissionMatrix();
const head = document.querySelector("#matrix thead");
const body = document.querySelector("#matrix tbody");
const answer = document.getElementById("answer");

head.innerHTML = `<tr><th scope="col">action</th>${roles().map((r) => `<th scope="col">${r}</th>`).join("")}</tr>`;
for (const action of actions()) {
  const row = document.createElement("tr");
  row.innerHTML = `<th scope="row"><code>${action}</code></th>`;
  for (const role of roles()) {
    const allowed = matrix[role].includes(action);
    const cell = document.createElement("td");
    const button = document.createElement("button");
    button.className = allowed ? "yes" : "no";
    button.textContent = allowed ? "✓" : "—";
    button.setAttribute("aria-label", `${role} ${allowed ? "may" : "may not"} ${action}`);
    button.addEventListener("click", () => {
      answer.textContent = `can("${role}", "${action}") → ${can(role, action)}`;
    });
    cell.append(button);
    row.append(cell);
  }
  body.append(row);
}
document.getElementById("status").textContent = `${roles().length} roles × ${actions().length} actions, answered by workspace-rules (WebAssembly).`;
document.body.dataset.ready = "true";
