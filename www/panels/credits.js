// Credit allowances (`docs/rules/credits.md`) on the Team tab's workspace: the same state, clock, people and
// audit log. The allowance form is checked live by asking apply() what it would answer; usage is
// recorded through apply(); the period, its bars and the outbound decision come from creditStatus()
// and checkRequest(). The page computes nothing of its own but the widths of the bars.
import { apply, checkRequest, creditStatus } from "workspace-rules";
import { h, fill, refusal, uid } from "../dom.js";

const METERS = ["call_seconds", "stt_seconds", "tts_characters", "llm_input_tokens", "llm_output_tokens"];
const UNIT = { call_seconds: "s of calls", stt_seconds: "s of speech-to-text", tts_characters: "characters of text-to-speech", llm_input_tokens: "LLM input tokens", llm_output_tokens: "LLM output tokens" };
const SCALARS = ["monthly_credits", "reset_day", "rollover", "rollover_cap", "hard_limit", "alert_thresholds"];
const DAY = 24 * 3600_000;
const fmt = (t) => (t ? t.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") : "—");
const day = (t) => t.slice(0, 10);
const month = (t) => new Date(Date.parse(t)).toLocaleDateString("en", { month: "short", year: "numeric", timeZone: "UTC" });

/** The form as typed: every value a string (or a boolean), so what the user typed is what is sent. */
const draft0 = () => ({
  monthly_credits: "1000", reset_day: "1", rollover: "capped", rollover_cap: "500", hard_limit: true, alert_thresholds: "50, 80, 100",
  rates: { call_seconds: ["1", "6"], stt_seconds: ["1", "60"], tts_characters: ["1", "100"], llm_input_tokens: ["1", "1000"], llm_output_tokens: ["3", "1000"] },
  meter: "call_seconds", units: "300",
});

/** A typed number as the package should see it: a number when it reads as one, else the text (so the package names the problem). */
const number = (text) => {
  const t = String(text).trim();
  return t === "" ? undefined : Number.isFinite(Number(t)) ? Number(t) : t;
};

/** The set_credit_allowance command of the form; empty fields are left out. */
function command(d) {
  const c = { type: "set_credit_allowance" };
  for (const key of ["monthly_credits", "reset_day", "rollover_cap"]) {
    const v = number(d[key]);
    if (v !== undefined) c[key] = v;
  }
  c.rollover = d.rollover;
  c.hard_limit = d.hard_limit;
  c.alert_thresholds = d.alert_thresholds.split(/[\s,]+/).filter(Boolean).map(number);
  c.rates = Object.fromEntries(METERS.map((m) => [m, { credits: number(d.rates[m][0]), per: number(d.rates[m][1]) }]));
  return c;
}

let redraw = null;
/** Called when the tab is shown: the Team tab may have moved the clock or changed the workspace. */
export const show = () => redraw?.();

export function mount(root, store) {
  // The Team tab mounts first and keeps the workspace, the clock, the people and the audit log.
  const team = store.state.team;
  if (!team?.state) throw new Error("the Team tab's workspace is missing");
  const d = store.slice("credits", draft0);
  const person = (id) => team.people.find((p) => p.user_id === id);

  // Controls.
  const actorSelect = h("select", { id: uid("f") });
  const clock = h("output", { id: "credits-clock" });
  const result = h("p.result", { id: "credits-result", role: "status" });
  const input = (key, attrs = {}) => h("input", { id: `credits-${key}`, inputmode: "numeric", value: d[key], "aria-describedby": `credits-${key}-error`, ...attrs });
  const errorOf = (key) => h("span.error", { id: `credits-${key}-error`, "aria-live": "polite" });
  const fields = {
    monthly_credits: input("monthly_credits"),
    reset_day: input("reset_day"),
    rollover: h("select", { id: "credits-rollover", "aria-describedby": "credits-rollover-error" }, ["none", "capped"].map((r) => h("option", { value: r, text: r, selected: r === d.rollover }))),
    rollover_cap: input("rollover_cap"),
    hard_limit: h("input", { id: "credits-hard_limit", type: "checkbox", checked: d.hard_limit, "aria-describedby": "credits-hard_limit-error" }),
    alert_thresholds: input("alert_thresholds", { inputmode: "text", placeholder: "80, 100" }),
  };
  const errors = Object.fromEntries(SCALARS.map((k) => [k, errorOf(k)]));
  const rateInputs = Object.fromEntries(METERS.map((m) => [m, [0, 1].map((i) => h("input", { id: `credits-rate-${m}-${i}`, inputmode: "numeric", value: d.rates[m][i], "aria-label": `${m} ${i ? "per units" : "credits"}`, size: 5 }))]));
  const rateErrors = Object.fromEntries(METERS.map((m) => [m, h("span.error", { id: `credits-rate-${m}-error` })]));
  const check = h("p.note", { id: "credits-check", "aria-live": "polite" });
  const otherProblems = h("ul.errors", { id: "credits-problems", "aria-label": "Allowance problems" });
  const save = h("button.primary", { type: "submit", text: "Save allowance" });
  const remove = h("button.danger", { type: "button", text: "Remove allowance", on: { click: () => run("Remove the allowance", { type: "set_credit_allowance", remove: true }) } });
  const meterSelect = h("select", { id: uid("f") }, METERS.map((m) => h("option", { value: m, text: m, selected: m === d.meter })));
  const units = h("input", { id: uid("f"), inputmode: "numeric", value: d.units });
  const unitsHint = h("span.small", { id: "credits-units-hint" });
  const periodBox = h("div", { id: "credits-period" });
  const historyBox = h("div", { id: "credits-history" });
  const eventsBox = h("div", { id: "credits-events" });

  const label = (key, text) => h("label", { for: fields[key].id, text });
  root.append(
    h("div.toolbar.actor-bar", {},
      h("div.field.inline", {}, h("label", { for: actorSelect.id, text: "Acting as" }), actorSelect),
      h("div.clock", {}, h("span", { text: "Clock " }), clock,
        [["+1 day", 1], ["+7 days", 7], ["+31 days", 31]].map(([text, days]) =>
          h("button", { type: "button", text, "aria-label": `Move the clock ${text.slice(1)} forward`, on: { click: () => { team.now = new Date(Date.parse(team.now) + days * DAY).toISOString(); render(); } } }))),
    ),
    result,
    h("div.grid2", {},
      h("div.stack", {},
        h("article.card", {}, h("h3", { text: "Allowance" }),
          h("p.hint", {}, "Checked as you type by ", h("code", { text: "apply" }), " itself; saving needs ", h("code", { text: "billing.manage" }), " (owners)."),
          h("form.credits-form", { "aria-label": "Credit allowance", autocomplete: "off", on: { submit: (e) => { e.preventDefault(); run("Save the allowance", command(d)); }, input: edited, change: edited } },
            h("div.form-grid", {},
              h("div.field", {}, label("monthly_credits", "Monthly credits"), fields.monthly_credits, errors.monthly_credits),
              h("div.field", {}, label("reset_day", "Reset day (1–28)"), fields.reset_day, errors.reset_day),
              h("div.field", {}, label("rollover", "Rollover"), fields.rollover, errors.rollover),
              h("div.field", {}, label("rollover_cap", "Rollover cap"), fields.rollover_cap, errors.rollover_cap),
              h("div.field", {}, label("alert_thresholds", "Alert thresholds (%)"), fields.alert_thresholds, errors.alert_thresholds),
              h("div.field.check.wide", {}, fields.hard_limit, label("hard_limit", "Hard limit: refuse outbound calls when nothing remains"), errors.hard_limit),
            ),
            h("div.table-wrap", {}, h("table.rates", { "aria-label": "Rates" },
              h("thead", {}, h("tr", {}, ["meter", "credits", "per units"].map((t) => h("th", { scope: "col", text: t })))),
              h("tbody", {}, METERS.map((m) => h("tr", {}, h("th", { scope: "row" }, h("code", { text: m })), h("td", {}, rateInputs[m][0]), h("td", {}, rateInputs[m][1], rateErrors[m])))))),
            check, otherProblems,
            h("div.actions", {}, save, remove),
          )),
        h("article.card", {}, h("h3", { text: "Record usage" }),
          h("form.invite", { "aria-label": "Record usage", autocomplete: "off", on: { submit: (e) => { e.preventDefault(); record(); } } },
            h("div.field", {}, h("label", { for: meterSelect.id, text: "Meter" }), meterSelect),
            h("div.field", {}, h("label", { for: units.id, text: "Units" }), units, unitsHint),
            h("button.primary", { type: "submit", text: "Record usage" }))),
      ),
      h("div.stack", {},
        h("article.card", {}, h("h3", { text: "Current period" }), periodBox),
        h("article.card", {}, h("h3", { text: "Closed periods" }), historyBox),
        h("article.card", {}, h("h3", { text: "Credit events" }), h("p.hint", { text: "Also in the Team tab's audit log." }), eventsBox),
      ),
    ),
  );

  actorSelect.addEventListener("change", () => { team.actor = actorSelect.value; render(); });
  meterSelect.addEventListener("change", () => { d.meter = meterSelect.value; render(); });
  units.addEventListener("input", () => { d.units = units.value; store.save(); });

  function edited() {
    for (const key of ["monthly_credits", "reset_day", "rollover_cap", "alert_thresholds", "rollover"]) d[key] = fields[key].value;
    d.hard_limit = fields.hard_limit.checked;
    for (const m of METERS) d.rates[m] = rateInputs[m].map((i) => i.value);
    render();
  }

  const ctx = () => ({ actor_id: team.actor, actor_email: person(team.actor)?.email, now: team.now });

  /** Runs one command through the package; its events join the Team tab's audit log. */
  function run(text, cmd) {
    try {
      const r = apply(team.state, cmd, ctx());
      team.state = r.state;
      team.events.push(...r.events);
      team.last = null;
      d.last = { ok: true, text: `${text}: done, ${r.events.length ? r.events.map((e) => e.type).join(", ") : "no event"}.` };
    } catch (e) {
      d.last = { ok: false, text: `${text}: refused — ${refusal(e)}` };
    }
    render();
  }

  function record() {
    run(`Record ${units.value.trim()} ${d.meter}`, { type: "record_usage", meter: d.meter, units: number(units.value) });
  }

  /** What saving the form would answer, without keeping it: field problems, the refusal, or the change. */
  function dryRun() {
    for (const el of [...Object.values(errors), ...Object.values(rateErrors)]) el.textContent = "";
    for (const el of [...Object.values(fields), ...METERS.flatMap((m) => rateInputs[m])]) el.removeAttribute("aria-invalid");
    fill(otherProblems);
    try {
      const r = apply(team.state, command(d), ctx());
      const updated = r.events.find((e) => e.type === "workspace.credit_allowance_updated");
      return { ok: true, text: updated ? `Saving changes ${updated.metadata.changed.join(", ")}.` : "Saving changes nothing." };
    } catch (e) {
      if (e.code !== "validation_failed") return { ok: false, text: `Saving would be refused: ${refusal(e)}` };
      for (const p of e.errors) {
        const [, , key, meter, part] = p.path.split("/");
        if (key === "rates" && meter && rateInputs[meter]) {
          rateErrors[meter].textContent = p.message;
          rateInputs[meter][part === "per" ? 1 : 0].setAttribute("aria-invalid", "true");
        } else if (errors[key]) {
          errors[key].textContent = errors[key].textContent ? `${errors[key].textContent} ${p.message}` : p.message;
          fields[key].setAttribute("aria-invalid", "true");
        } else otherProblems.append(h("li", { text: `${p.path}: ${p.message}` }));
      }
      return { ok: false, invalid: true, text: `${e.errors.length} ${e.errors.length === 1 ? "problem" : "problems"}: nothing is saved.` };
    }
  }

  function render() {
    fill(actorSelect, team.people.map((p) => h("option", { value: p.user_id, text: `${p.name} · ${p.email}`, selected: p.user_id === team.actor })));
    clock.textContent = fmt(team.now);
    result.textContent = d.last?.text ?? "Set an allowance, record usage, move the clock.";
    result.className = `result ${d.last ? (d.last.ok ? "ok" : "refused") : ""}`;
    const dry = dryRun();
    check.textContent = dry.text;
    check.className = dry.ok ? "note" : "note warn";
    save.disabled = !dry.ok;
    remove.disabled = !team.state.credits;
    unitsHint.textContent = UNIT[d.meter];

    let status = null;
    try {
      status = creditStatus(team.state, team.now);
    } catch (e) {
      fill(periodBox, h("p.error", { role: "alert", text: refusal(e) }));
    }
    if (status === null && !periodBox.querySelector(".error")) fill(periodBox, h("p.hint", { id: "credits-none", text: "No allowance yet: creditStatus answers null, and nothing is gated." }));
    if (status) drawPeriod(status);
    drawHistory(team.state.credits?.history ?? []);
    const credit = team.events.filter((e) => e.type.startsWith("workspace.credit"));
    fill(eventsBox, credit.length ? h("ol.events", { reversed: true, "aria-label": "Credit events" }, [...credit].reverse().map((e) => h("li", {},
      h("code.etype", { text: e.type }),
      h("small.meta", { text: ` ${JSON.stringify(e.metadata)}` }),
      h("small.at", { text: fmt(e.at) }),
    ))) : h("p.hint", { text: "No credit event yet." }));
    store.save();
  }

  /** The period as creditStatus answers it: numbers, the outbound decision, a bar per meter. */
  function drawPeriod(s) {
    const thresholds = team.state.credits.allowance.alert_thresholds;
    const share = (credits) => (s.available > 0 ? (100 * credits) / s.available : credits > 0 ? 100 : 0);
    const bar = (name, credits, text) => {
      const pct = share(credits);
      return h("div.meter", { "data-meter": name },
        h("div.meter-label", {}, h("code", { text: name }), h("span", { text })),
        h("div.meter-track", { role: "img", "aria-label": `${name}: ${credits} of ${s.available} credits (${Math.floor(pct)} %)` },
          h("div.meter-fill", { style: `width: ${Math.min(100, pct)}%`, "data-over": pct > 100 ? "true" : null }),
          thresholds.map((t) => h("span.mark", { style: `left: ${t}%`, title: `${t} %`, "data-reached": s.thresholds_reached.includes(t) ? "true" : null }))));
    };
    const outbound = checkRequest({ method: "POST", path: `/v1/${team.state.workspace.id}/calls/outbound` }, { actor: { user_id: team.actor }, state: team.state, now: team.now });
    fill(periodBox,
      h("p", { id: "credits-window", text: `${day(s.period_start)} → ${day(s.period_end)} (end exclusive)` }),
      h("dl.facts", {},
        h("dt", { text: "available" }), h("dd", { id: "credits-available", text: `${s.available}` }),
        h("dt", { text: "carried over" }), h("dd", { id: "credits-carried", text: `${s.carried_over}` }),
        h("dt", { text: "used" }), h("dd", {}, h("span", { id: "credits-used", text: `${s.used}` }), ` (${s.percent_used} %)`),
        h("dt", { text: "remaining" }), h("dd", { id: "credits-remaining", text: `${s.remaining}` }),
        h("dt", { text: "overage" }), h("dd", { id: "credits-overage", text: `${s.overage}` }),
        h("dt", { text: "next alert" }), h("dd", { id: "credits-next", text: s.next_threshold === null ? "none" : `${s.next_threshold} %` }),
        h("dt", { text: "outbound calls" }), h("dd", { id: "credits-outbound" },
          h("span.badge", { "data-status": outbound.allowed ? "active" : "expired", text: outbound.allowed ? "allowed" : `refused ${outbound.status}` }),
          outbound.allowed ? null : h("small", { text: ` ${outbound.error.code}` })),
      ),
      h("div.meters", { "aria-label": "Credits used per meter" },
        bar("all meters", s.used, `${s.used} credits`),
        METERS.map((m) => bar(m, s.by_meter[m].credits, `${s.by_meter[m].units} units → ${s.by_meter[m].credits} credits`))),
      h("p.small", { text: `Marks: the alert thresholds (${thresholds.map((t) => `${t} %`).join(", ") || "none"}), filled once reached.` }),
    );
  }

  /** The closed periods of `history` as a small bar chart: used against available. */
  function drawHistory(history) {
    if (!history.length) return fill(historyBox, h("p.hint", { text: "None yet: a period closes when a credit command runs after its end." }));
    const top = Math.max(1, ...history.map((p) => Math.max(p.available, p.used)));
    fill(historyBox, h("div.history", { role: "list", "aria-label": "Closed periods" }, history.map((p) => h("div.period", { role: "listitem", "aria-label": `${month(p.start)}: ${p.used} of ${p.available} credits used${p.overage ? `, ${p.overage} over` : ""}` },
      h("div.period-track", {},
        h("div.period-available", { style: `height: ${(100 * p.available) / top}%` }),
        h("div.period-used", { style: `height: ${(100 * Math.min(p.used, p.available)) / top}%` }),
        p.overage ? h("div.period-over", { style: `bottom: ${(100 * p.available) / top}%; height: ${(100 * p.overage) / top}%` }) : null),
      h("small", { text: month(p.start) }),
    ))));
  }

  redraw = render;
  render();
}
