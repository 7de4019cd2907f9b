// Tone simulator (`docs/rules/tone.md`): a baseline tone and the signals of the moment; resolveTone answers the
// tone, its empathy tier and why.
import { resolveTone } from "workspace-rules";
import { h, fill, lines, refusal, uid } from "../dom.js";

// Choices offered in the form (the package checks them: a wrong one is answered with its error).
const TONES = ["friendly", "calm", "sympathetic", "enthusiastic", "content", "curious", "cheerful", "serious"];
const EMOTIONS = ["", "anxious", "fearful", "sad", "distressed", "grieving", "angry", "frustrated", "confused", "happy", "neutral"];

const defaults = () => ({
  baseline: "friendly",
  emotion: "",
  intensity: 0.5,
  tier: "",
  topic: "reviewing your test results",
  topicsMode: "defaults",
  topics: "test results\ndiagnosis",
  threshold: "",
});

export function mount(root, store) {
  const s = store.slice("tone", defaults);
  const id = () => uid("tone");
  const baseline = h("select", { id: id() }, TONES.map((t) => h("option", { value: t, text: t, selected: s.baseline === t })));
  const emotion = h("input", { id: id(), list: "tone-emotions", value: s.emotion, placeholder: "none" });
  const emotionList = h("datalist", { id: "tone-emotions" }, EMOTIONS.filter(Boolean).map((e) => h("option", { value: e })));
  const intensity = h("input", { id: id(), type: "range", min: 0, max: 1, step: 0.05, value: s.intensity });
  const intensityOut = h("output", { for: intensity.id });
  const tier = h("select", { id: id() }, [["", "none"], ["0", "0 · functional"], ["1", "1 · light touch"], ["2", "2 · full empathy"], ["3", "3 · hold space"]].map(([v, t]) => h("option", { value: v, text: t, selected: s.tier === v })));
  const topic = h("input", { id: id(), value: s.topic, placeholder: "what the agent is doing now" });
  const topicsMode = h("select", { id: id() }, [["defaults", "the defaults (`docs/rules/voice-settings.md`)"], ["list", "this list"]].map(([v, t]) => h("option", { value: v, text: t, selected: s.topicsMode === v })));
  const topics = h("textarea", { id: id(), rows: 4, value: s.topics, "aria-label": "Sensitive topics, one per line" });
  const threshold = h("input", { id: id(), inputmode: "decimal", value: s.threshold, placeholder: "0.6 (default)" });
  const out = h("div", { id: "tone-result", "aria-live": "polite" });
  const label = (control, text) => h("label", { for: control.id, text });

  const form = h("form.form-grid", { autocomplete: "off", on: { input: update, change: update, submit: (e) => e.preventDefault() } },
    h("div.field", {}, label(baseline, "Baseline tone"), baseline),
    h("div.field", {}, label(emotion, "Emotion label"), emotion, emotionList),
    h("div.field", {}, h("div.label-row", {}, label(intensity, "Intensity"), intensityOut), intensity),
    h("div.field", {}, label(threshold, "Strong threshold"), threshold),
    h("div.field", {}, label(tier, "Empathy tier (classifier)"), tier),
    h("div.field.wide", {}, label(topic, "Topic"), topic),
    h("div.field", {}, label(topicsMode, "Sensitive topics"), topicsMode),
    h("div.field.wide", { id: "tone-topics" }, topics),
  );
  root.append(h("div.grid2", {},
    h("article.card", {}, h("h3", { text: "Signals" }), h("p.hint", { text: "Strong emotion or a sensitive topic can raise the tone toward more empathy, never lower it." }), form),
    h("article.card", {}, h("h3", { text: "Resulting tone" }), out),
  ));

  function update() {
    Object.assign(s, { baseline: baseline.value, emotion: emotion.value, intensity: Number(intensity.value), tier: tier.value, topic: topic.value, topicsMode: topicsMode.value, topics: topics.value, threshold: threshold.value });
    intensityOut.textContent = Number(intensity.value).toFixed(2);
    topics.parentElement.hidden = s.topicsMode !== "list";
    const input = { baseline: s.baseline };
    if (s.emotion.trim() !== "") input.emotion = { label: s.emotion, intensity: s.intensity };
    if (s.tier !== "") input.empathy_tier = Number(s.tier);
    if (s.topic !== "") input.topic = s.topic;
    if (s.topicsMode === "list") input.sensitive_topics = lines(s.topics);
    if (s.threshold.trim() !== "") input.strong_threshold = Number.isFinite(Number(s.threshold)) ? Number(s.threshold) : s.threshold;
    try {
      const r = resolveTone(input);
      fill(out,
        h("div.tone-big", {}, h("span", { id: "tone-value", text: r.tone }), h("span.badge", { id: "tone-tier", text: r.tier })),
        h("dl.facts", {},
          h("dt", { text: "source" }), h("dd", { id: "tone-source", text: r.source }),
          r.matched_topic !== undefined ? [h("dt", { text: "matched topic" }), h("dd", { id: "tone-matched", text: r.matched_topic })] : null,
        ),
        h("p.hint", { id: "tone-reason", text: reason(r, s.baseline) }),
        h("details", {}, h("summary", { text: "resolveTone input and answer" }), h("pre", { text: `resolveTone(${JSON.stringify(input, null, 2)})\n→ ${JSON.stringify(r, null, 2)}` })),
      );
    } catch (e) {
      fill(out, h("p.error", { role: "alert", id: "tone-error", text: refusal(e) }));
    }
    store.save();
  }
  update();
}

// Words for the answer's `source` (the answer itself comes from the package).
function reason(r, baseline) {
  switch (r.source) {
    case "baseline": return `No signal rises above the baseline's tier: the tone stays ${baseline}.`;
    case "emotion": return `A strong emotion raises the tier to ${r.tier}.`;
    case "empathy_tier": return `The classifier's empathy tier raises it to ${r.tier}.`;
    case "sensitive_topic": return `The topic touches "${r.matched_topic}", a sensitive topic: ${r.tier}.`;
    default: return "";
  }
}
