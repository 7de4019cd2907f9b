// Voice settings merge (`docs/rules/voice-settings.md`): three stored layers (service, workspace, agent), each edited as a
// form or as JSON, and a patch applied to one of them. Every keystroke asks the package:
// validateVoiceSettings for each layer and for the patch (errors next to their field),
// updateVoiceSettings for the patch's result and `changed`, effectiveVoiceSettings for the values and
// their "inherited from" badges. Nothing here decides anything.
import { effectiveVoiceSettings, updateVoiceSettings, validateVoiceSettings } from "workspace-rules";
import { h, fill, lines, fieldOf, refusal, uid } from "../dom.js";

const LAYERS = ["service", "workspace", "agent"];
const defaults = () => ({
  layers: {
    service: JSON.stringify({ tone: "calm", speed: 0.9, keyterms: ["Metformin", "Lisinopril"] }, null, 2),
    workspace: JSON.stringify({ language: "en-us", keyterms: ["METFORMIN", "Dr. Ramirez"], sensitive_topics: ["billing", "test results"] }, null, 2),
    agent: "{}",
  },
  modes: { service: "form", workspace: "form", agent: "form" },
  layer: "agent",
  target: "agent",
  patch: JSON.stringify({ speed: 1.2, keyterms: ["amlodipine", "LISINOPRIL"] }, null, 2),
});

// The fields, their order and their kinds come from the package: the keys of an all-default answer.
const builtIn = effectiveVoiceSettings({});
const FIELDS = Object.keys(builtIn).filter((k) => k !== "sources" && k !== "dropped_keyterms");
const kindOf = (f) => (Array.isArray(builtIn[f]) ? "list" : typeof builtIn[f] === "boolean" ? "bool" : typeof builtIn[f] === "number" ? "number" : "text");

function parse(text) {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `Not JSON: ${e.message}` };
  }
}
const show = (v) => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));

export function mount(root, store) {
  const s = store.slice("voice", defaults);
  const layerTabs = h("div.seg", { role: "group", "aria-label": "Layer to edit" });
  const modeTabs = h("div.seg", { role: "group", "aria-label": "Edit as" });
  const layerBody = h("div.layer-body");
  const layerNote = h("p.note", { "aria-live": "polite" });
  const patchArea = h("textarea.code", { rows: 6, spellcheck: "false", "aria-label": "Patch (JSON)", value: s.patch });
  const targetSelect = h("select", { "aria-label": "Patch applies to" }, LAYERS.map((l) => h("option", { value: l, text: l, selected: l === s.target })));
  const patchErrors = h("ul.errors", { "aria-label": "Patch problems" });
  const changedOut = h("p.answer", { id: "voice-changed", "aria-live": "polite" });
  const applyButton = h("button.primary", { type: "button", text: "Apply the patch to the layer" });
  const table = h("table.effective", { id: "voice-effective" });

  root.append(
    h("div.grid2.wide-right", {},
      h("div.stack", {},
        h("article.card", {},
          h("h3", { text: "Layers" }),
          h("p.hint", { text: "What the API stores at each level; the most specific layer that sets a field wins, keyterms are merged. Leave a field empty to inherit." }),
          h("div.toolbar", {}, layerTabs, modeTabs),
          layerBody,
          layerNote,
        ),
        h("article.card", {},
          h("h3", { text: "Patch" }),
          h("p.hint", {}, "A PUT body with patch semantics: absent keys stay, ", h("code", { text: "null" }), " resets to inherited, values replace (lists whole)."),
          h("div.field.inline", {}, h("label", { text: "Applies to", for: (targetSelect.id = uid("f")) }), targetSelect),
          patchArea,
          patchErrors,
          changedOut,
          applyButton,
        ),
      ),
      h("article.card", {},
        h("h3", { text: "Effective settings" }),
        h("p.hint", { text: "What a call hears, with the layers and the patch applied; each badge says where the value comes from." }),
        h("div.table-wrap", {}, table),
      ),
    ),
  );

  let inputs = {};
  function drawLayer() {
    const name = s.layer;
    fill(layerTabs, LAYERS.map((l) => h("button", { type: "button", "aria-pressed": String(l === name), text: l, on: { click: () => ((s.layer = l), drawLayer(), update()) } })));
    fill(modeTabs, ["form", "json"].map((m) => h("button", { type: "button", "aria-pressed": String(s.modes[name] === m), text: m === "form" ? "Form" : "JSON", on: { click: () => ((s.modes[name] = m), drawLayer(), update()) } })));
    inputs = {};
    if (s.modes[name] === "json") {
      const area = h("textarea.code", { rows: 12, spellcheck: "false", "aria-label": `${name} layer (JSON)`, value: s.layers[name] });
      area.addEventListener("input", () => ((s.layers[name] = area.value), update()));
      inputs.json = area;
      fill(layerBody, area, h("ul.errors", { "aria-label": `${name} layer problems` }));
      return;
    }
    const parsed = parse(s.layers[name]);
    const object = parsed.value && typeof parsed.value === "object" && !Array.isArray(parsed.value) ? parsed.value : {};
    const rows = FIELDS.map((f) => {
      const kind = kindOf(f);
      const id = uid("f");
      const value = object[f];
      let control;
      if (kind === "bool") {
        control = h("select", { id }, ["", "true", "false"].map((v) => h("option", { value: v, text: v === "" ? "(inherit)" : v, selected: show(value) === v })));
      } else if (kind === "list") {
        control = h("textarea", { id, rows: 2, placeholder: "inherit · one per line", value: Array.isArray(value) ? value.join("\n") : show(value) });
      } else {
        control = h("input", { id, placeholder: "inherit", value: show(value), inputmode: kind === "number" ? "decimal" : undefined });
      }
      inputs[f] = control;
      return h("div.field", { "data-field": f }, h("label", { for: id, text: f }), control, h("span.error", { role: "alert", id: `${name}-${f}-error` }));
    });
    const onInput = () => {
      const next = {};
      for (const [k, v] of Object.entries(object)) if (!FIELDS.includes(k)) next[k] = v; // keys the form has no input for
      for (const f of FIELDS) {
        const raw = inputs[f].value;
        if (raw === "") continue;
        const kind = kindOf(f);
        if (kind === "list") next[f] = lines(raw);
        else if (kind === "bool") next[f] = raw === "true";
        else if (kind === "number") next[f] = raw.trim() !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
        else next[f] = raw;
      }
      s.layers[name] = JSON.stringify(next, null, 2);
      update();
    };
    const form = h("form.layer-form", { "aria-label": `${name} layer`, autocomplete: "off", on: { input: onInput, change: onInput, submit: (e) => e.preventDefault() } }, rows);
    fill(layerBody, form);
    if (parsed.error) layerNote.textContent = `The stored JSON of this layer does not parse; the form starts empty.`;
  }

  function update() {
    // Each layer: parsed, then validated as a stored object.
    const layers = {};
    const layerProblems = {};
    for (const l of LAYERS) {
      const parsed = parse(s.layers[l]);
      if (parsed.error) layerProblems[l] = [{ path: "", message: parsed.error }];
      else {
        layers[l] = parsed.value;
        layerProblems[l] = validateVoiceSettings(parsed.value).errors;
      }
    }
    const shown = layerProblems[s.layer];
    if (s.modes[s.layer] === "json") {
      fill(layerBody.querySelector("ul.errors"), shown.map((e) => h("li", {}, e.path ? h("code", { text: e.path }) : null, " ", e.message)));
    } else {
      for (const f of FIELDS) {
        const messages = shown.filter((e) => fieldOf(e.path) === f).map((e) => e.message);
        const el = layerBody.querySelector(`[data-field="${f}"] .error`);
        if (el) el.textContent = messages.join(" ");
        inputs[f]?.setAttribute("aria-invalid", String(messages.length > 0));
      }
    }
    const broken = LAYERS.filter((l) => layerProblems[l].length);
    layerNote.textContent = broken.length ? `Layers with problems: ${broken.join(", ")}. The effective settings wait until they are fixed.` : "";

    // The patch.
    s.target = targetSelect.value;
    s.patch = patchArea.value;
    const parsedPatch = parse(s.patch);
    let patchProblems = parsedPatch.error ? [{ path: "", message: parsedPatch.error }] : validateVoiceSettings(parsedPatch.value).errors;
    fill(patchErrors, patchProblems.map((e) => h("li", {}, e.path ? h("code", { text: e.path }) : null, " ", e.message)));
    patchArea.setAttribute("aria-invalid", String(patchProblems.length > 0));

    let effective = null;
    let changed = [];
    let after = { ...layers };
    let failure = "";
    if (!broken.length) {
      try {
        if (!patchProblems.length) {
          const result = updateVoiceSettings(layers[s.target], parsedPatch.value);
          changed = result.changed;
          after = { ...layers, [s.target]: result.settings };
          applyButton.onclick = () => {
            s.layers[s.target] = JSON.stringify(result.settings, null, 2);
            patchArea.value = s.patch = "{}";
            drawLayer();
            update();
          };
        }
        effective = effectiveVoiceSettings(after);
      } catch (e) {
        failure = refusal(e);
      }
    }
    applyButton.disabled = Boolean(broken.length || patchProblems.length || !changed.length);
    changedOut.textContent = broken.length
      ? "Fix the layers first."
      : patchProblems.length
        ? `${patchProblems.length} problem${patchProblems.length === 1 ? "" : "s"}: the patch changes nothing until they are fixed.`
        : changed.length
          ? `changed: ${changed.join(", ")}`
          : "changed: nothing (the patch leaves the stored value as it is)";

    const head = h("thead", {}, h("tr", {}, ["field", "effective value", "inherited from"].map((t) => h("th", { scope: "col", text: t }))));
    const body = h("tbody");
    for (const f of FIELDS) {
      const value = effective ? effective[f] : undefined;
      const source = effective?.sources[f];
      const problems = patchProblems.filter((e) => fieldOf(e.path) === f).map((e) => e.message);
      let valueCell;
      if (f === "keyterms" && effective) valueCell = h("td", {}, value.map((t, i) => h("span.chip", { "data-source": source[i] }, t, h("small", { text: ` · ${source[i]}` }))));
      else valueCell = h("td.value", {}, h("code", { text: effective ? JSON.stringify(value) : "—" }));
      body.append(
        h("tr", { "data-field": f, class: changed.includes(f) ? "changed" : undefined },
          h("th", { scope: "row" }, h("code", { text: f })),
          valueCell,
          h("td.from", {}, h("div.from", {},
            f === "keyterms" ? (effective ? h("span.badge", { "data-source": "merged", text: "merged" }) : null) : source ? h("span.badge", { "data-source": source, text: source }) : null,
            changed.includes(f) ? h("span.badge.changed", { text: "changed" }) : null,
            problems.length ? h("span.error", { role: "alert", text: problems.join(" ") }) : null)),
        ),
      );
    }
    fill(table, head, body);
    if (failure) table.caption = h("caption.error", { text: failure });
    store.save();
  }

  patchArea.addEventListener("input", update);
  targetSelect.addEventListener("change", update);
  drawLayer();
  update();
}
