// The voice-settings form of the playground: the README's recipe, live. The agent layer is edited as a
// patch; every keystroke is checked with validateVoiceSettings (errors shown by path next to their
// field), and effectiveVoiceSettings gives each field its value and an "inherited from" badge.
// Every decision comes from workspace-rules; this file only draws the answers.
import { effectiveVoiceSettings, updateVoiceSettings, validateVoiceSettings } from "workspace-rules";

// What an API would return for the two layers above the agent.
const layers = {
  service: { tone: "calm", speed: 0.9, keyterms: ["Metformin", "Lisinopril"] },
  workspace: { language: "en-us", keyterms: ["METFORMIN", "Dr. Ramirez"], sensitive_topics: ["billing", "test results"] },
  agent: {},
};
const FIELDS = ["tone", "speed", "volume", "language", "keyterms"];
const form = document.getElementById("voice-form");
const input = (field) => form.elements.namedItem(field);

/** The patch the form holds: only the fields the user filled in. */
function patchOf() {
  const patch = {};
  for (const field of FIELDS) {
    const raw = input(field).value;
    if (raw.trim() === "") continue;
    if (field === "keyterms") patch.keyterms = raw.split("\n");
    else if (field === "speed" || field === "volume") patch[field] = raw.trim() !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    else patch[field] = raw;
  }
  return patch;
}

/** The field a problem's JSON Pointer belongs to: "/keyterms/3" → "keyterms"; "" → the form. */
const fieldOf = (path) => path.split("/")[1] ?? "";

function render(effective) {
  for (const field of FIELDS) {
    const badge = document.getElementById(`voice-${field}-from`);
    if (field === "keyterms") {
      badge.replaceChildren(
        ...effective.keyterms.map((term, i) => {
          const chip = document.createElement("span");
          chip.className = "chip";
          chip.textContent = `${term} · ${effective.sources.keyterms[i]}`;
          return chip;
        }),
      );
    } else {
      badge.textContent = `${JSON.stringify(effective[field])} · from ${effective.sources[field]}`;
    }
  }
}

function update() {
  const patch = patchOf();
  const { ok, errors } = validateVoiceSettings(patch);
  for (const field of FIELDS) {
    const messages = errors.filter((e) => fieldOf(e.path) === field).map((e) => e.message);
    document.getElementById(`voice-${field}-error`).textContent = messages.join(" ");
    input(field).setAttribute("aria-invalid", String(messages.length > 0));
  }
  const status = document.getElementById("voice-status");
  if (!ok) {
    status.textContent = `${errors.length} problem${errors.length === 1 ? "" : "s"}: nothing changes until they are fixed.`;
    return;
  }
  const { settings, changed } = updateVoiceSettings(layers.agent, patch);
  render(effectiveVoiceSettings({ ...layers, agent: settings }));
  status.textContent = changed.length ? `The agent overrides: ${changed.join(", ")}.` : "The agent inherits everything.";
}

render(effectiveVoiceSettings(layers));
form.addEventListener("input", update);
update();
document.body.dataset.voiceReady = "true";
