// Random properties of the hardening review (issue 17, items 1, 2 and 9) that every JavaScript host
// runs on the package: Node (tests/consumer/host-properties.test.mjs), Chromium
// (tests/browser/properties.test.mjs) and workerd (tests/workerd/properties.test.mjs); natively the
// same laws are tests/properties.rs `every_answer_reads_back_as_itself`, tests/json_text_properties.rs
// and the body_text property of tests/edge_properties.rs.
//
// Host-neutral: no imports. The caller hands in the package (`api`) and fast-check (`fc`); each
// property answers `{ name, runs, failure }`, `failure` null or fast-check's report (seed, path and
// the shrunk counterexample), so a host can pass the results back as JSON.
//
// 1. No command answers a state the state reader would refuse: along random command sequences whose
//    ctx.ids are drawn from ids the workspace already uses, every answer written as JSON text and
//    read again is prepared (validated) and equal to itself, and the next command answers the same
//    from the re-read copy as from the answer itself (the last-state cache).
// 2. JSON text with a key given twice is refused: a body of random keys with one of them repeated
//    is `duplicate_key` at the second occurrence's path; without the repeat, the body as text
//    decides exactly as the parsed body.
// 9. Each caller value is read once: a patch whose getters answer differently on each read is
//    decided as its first reading, with one read per key.

const WS = "3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f";
const ANA = "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
const NOW = "2026-12-01T00:00:00.000Z";
const FRESH = ["0f8e7d6c-5b4a-4398-8776-655443322110", "0f8e7d6c-5b4a-4398-8776-655443322111", "0f8e7d6c-5b4a-4398-8776-655443322112"];
const PEOPLE = ["eve", "fay", "gus"].map((name, i) => ({ name, email: `${name}@example.com`, user_id: `5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f1${i}` }));
const ROLES = ["owner", "admin", "member"];

/** What `f` answers or refuses, as comparable text. */
function outcome(f) {
  try {
    return JSON.stringify({ ok: f() });
  } catch (e) {
    return JSON.stringify({ error: { code: e.code, status: e.status, message: e.message, errors: e.errors } });
  }
}

/** Runs `property` with fast-check; its failure as text, or null. */
function check(fc, name, property, numRuns, seed) {
  const report = fc.check(property, { numRuns, seed });
  return { name, runs: report.numRuns, failure: report.failed ? fc.defaultReportMessage(report) ?? `failed (seed ${seed})` : null };
}

/** Every id a state uses: the workspace's, members', invitations' and their senders'. */
function idsIn(state) {
  return [state.workspace.id, ...state.members.map((m) => m.user_id), ...state.invitations.flatMap((i) => [i.id, i.invited_by])];
}

function readsBack(api, fc, numRuns, seed) {
  const start = api.createWorkspace({ name: "Client A", environment: "production" }, { actor_id: ANA, actor_email: "ana@example.com", now: NOW, ids: [WS], account_role: "owner" }).state;
  // A step: a command by an actor, its ids picked by position from fresh ids and ids in use.
  const step = fc.record({
    kind: fc.constantFrom("invite", "invite", "revoke", "accept", "change_role", "remove"),
    who: fc.nat(3),
    role: fc.constantFrom(...ROLES),
    pick: fc.nat(20),
    id: fc.nat(40),
  });
  return check(fc, "item 1: every answer reads back as itself, ctx.ids drawn from ids in use", fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
    let state = start;
    for (const s of steps) {
      const person = PEOPLE[s.who % PEOPLE.length];
      const used = idsIn(state);
      const pool = [...FRESH, ...used];
      const ids = [pool[s.id % pool.length]];
      const invitation = state.invitations[s.pick % Math.max(1, state.invitations.length)];
      const target = state.members[s.pick % state.members.length];
      let command, ctx;
      switch (s.kind) {
        case "invite":
          command = { type: "invite_member", email: person.email, role: s.role };
          ctx = { actor_id: ANA, now: NOW, ids };
          break;
        case "revoke":
          command = { type: "revoke_invitation", invitation_id: invitation?.id ?? FRESH[0] };
          ctx = { actor_id: ANA, now: NOW, ids };
          break;
        case "accept":
          command = { type: "accept_invitation", invitation_id: invitation?.id ?? FRESH[0], user_id: person.user_id };
          ctx = { actor_id: person.user_id, actor_email: person.email, now: NOW, ids };
          break;
        case "change_role":
          command = { type: "change_role", user_id: target.user_id, role: s.role };
          ctx = { actor_id: ANA, now: NOW, ids };
          break;
        default:
          command = { type: "remove_member", user_id: target.user_id };
          ctx = { actor_id: ANA, now: NOW, ids };
      }
      let answer;
      try {
        answer = api.apply(state, command, ctx);
      } catch (e) {
        if (!(e instanceof api.WorkspaceRulesError) || e.status >= 500) throw e;
        continue; // a refusal changes nothing
      }
      const text = JSON.stringify(answer.state);
      const copy = JSON.parse(text);
      const prepared = api.prepareWorkspace(copy); // throws invalid_state for a state the reader refuses
      prepared.free();
      if (JSON.stringify(copy) !== text) throw new Error("the re-read state differs");
      // The next command from the answer itself (the cache) and from its re-read copy: one outcome.
      const next = { type: "invite_member", email: "zed@example.com", role: "member" };
      const nextCtx = { actor_id: ANA, now: NOW, ids: [pool[(s.id + 1) % pool.length]] };
      const cached = outcome(() => api.apply(answer.state, next, nextCtx));
      if (cached !== outcome(() => api.apply(copy, next, nextCtx))) throw new Error(`the cached and re-read states answer differently: ${cached}`);
      state = answer.state;
    }
    return true;
  }), numRuns, seed);
}

function duplicateKeys(api, fc, numRuns, seed) {
  const start = api.createWorkspace({ name: "Client A", environment: "production" }, { actor_id: ANA, actor_email: "ana@example.com", now: NOW, ids: [WS], account_role: "owner" }).state;
  const prepared = api.prepareWorkspace(start);
  const routes = [
    { method: "PUT", path: `/v1/${WS}/settings/voice` },
    { method: "PATCH", path: `/v1/workspaces/${WS}` },
    { method: "POST", path: `/v1/workspaces/${WS}/invitations` },
    { method: "POST", path: `/v1/workspaces/${WS}/archive` },
  ];
  const key = fc.constantFrom("speed", "tone", "name", "email", "role", "slug", "environment", "x", "é", "a\"b");
  const value = fc.oneof(fc.constantFrom(1, 1.5, 3, null, true, "calm", "member", "owner", "client-a", "x@example.com"), fc.string({ maxLength: 4 }));
  const entries = fc.uniqueArray(fc.tuple(key, value), { maxLength: 5, selector: ([k]) => k });
  const context = { actor: { user_id: ANA }, now: NOW };
  try {
    return check(fc, "item 2: a key given twice in body_text is duplicate_key at its second occurrence; else the text decides as the body", fc.property(
      fc.constantFrom(...routes), entries, fc.option(fc.tuple(fc.nat(10), value), { nil: null }), (route, pairs, repeat) => {
        const members = pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
        if (repeat === null || pairs.length === 0) {
          const text = `{${members.join(",")}}`;
          const asText = outcome(() => prepared.checkRequest({ ...route, body_text: text }, context));
          const asBody = outcome(() => prepared.checkRequest({ ...route, body: JSON.parse(text) }, context));
          if (asText !== asBody) throw new Error(`text ${asText}\nbody ${asBody}`);
          return true;
        }
        const [k] = pairs[repeat[0] % pairs.length];
        const text = `{${[...members, `${JSON.stringify(k)}:${JSON.stringify(repeat[1])}`].join(",")}}`;
        const decision = prepared.checkRequest({ ...route, body_text: text }, context);
        const pointer = `/body/${k.replaceAll("~", "~0").replaceAll("/", "~1")}`;
        const named = decision.error?.errors?.map((e) => `${e.code} ${e.path}`);
        if (decision.allowed || decision.error.code !== "duplicate_key" || named.join() !== `duplicate_key ${pointer}`) {
          throw new Error(`${text}: ${JSON.stringify(decision)}`);
        }
        // apply's command read from marked text is a JavaScript object: nothing to repeat there; the
        // plain checkRequest decides the same as the prepared one.
        const plain = outcome(() => api.checkRequest({ ...route, body_text: text }, { ...context, state: start }));
        if (plain !== JSON.stringify({ ok: decision })) throw new Error(`plain ${plain}`);
        return true;
      }), numRuns, seed);
  } finally {
    prepared.free();
  }
}

/** An object with `first`'s keys whose getters answer `first[k]` on the first read, `later[k]` after. */
export function fickle(first, later, reads) {
  const o = {};
  for (const k of Object.keys(first)) {
    let n = 0;
    Object.defineProperty(o, k, { enumerable: true, get: () => (reads.count++, n++ === 0 ? first[k] : later[k]) });
  }
  return o;
}

function readOnce(api, fc, numRuns, seed) {
  const ctx = { actor_id: ANA, actor_email: "ana@example.com", now: NOW, ids: [WS], account_role: "owner" };
  const state = api.createWorkspace({ name: "A", environment: "production" }, ctx).state;
  const field = fc.oneof(
    fc.constantFrom(1, 1.5, 0.5, 3, NaN, Infinity, -0, null, undefined, "calm", "loud", "en-us"),
    fc.array(fc.constantFrom("a", "B", " c ", 1, NaN), { maxLength: 3 }),
  );
  const patch = fc.record({ speed: field, volume: field, tone: field, language: field, keyterms: field, voice_id: field }, { requiredKeys: [] });
  const asks = [
    ["validateVoiceSettings", (p) => api.validateVoiceSettings(p)],
    ["updateVoiceSettings", (p) => api.updateVoiceSettings({ speed: 1.2, tone: "calm" }, p)],
    ["effectiveVoiceSettings", (p) => api.effectiveVoiceSettings({ workspace: p })],
    ["apply", (p) => api.apply(state, { type: "update_voice_settings", patch: p }, ctx)],
    ["checkRequest", (p) => api.checkRequest({ method: "PUT", path: `/v1/${WS}/settings/voice`, body: p }, { actor: { user_id: ANA }, state, now: NOW })],
  ];
  return check(fc, "item 9: values that answer differently on each read are decided by their first reading, read once", fc.property(patch, patch, (first, later) => {
    for (const [name, ask] of asks) {
      const reads = { count: 0 };
      const got = outcome(() => ask(fickle(first, later, reads)));
      const expected = outcome(() => ask(first));
      if (got !== expected) throw new Error(`${name}: ${got}\n  first reading: ${expected}`);
      if (reads.count !== Object.keys(first).length) throw new Error(`${name}: ${reads.count} reads of ${Object.keys(first).length} values`);
    }
    return true;
  }), numRuns, seed);
}

/** Every property, on `api` (the package) with `fc` (fast-check). */
export function runProperties(api, fc, { numRuns = 150, seed = 20261203 } = {}) {
  return [readsBack, duplicateKeys, readOnce].map((property) => property(api, fc, numRuns, seed));
}
