// An edge worker that decides platform requests with the workspace rules (`docs/rules/requests.md`)
// before they reach the origin, and forwards the allowed ones (docs/guides/edge.md).
//
// - Identity from a signed token: `Authorization: Bearer <JWT>`, HS256 with the secret of the
//   `JWT_SECRET` binding, verified with jose; `sub` is the user id, `email` the verified email, `exp`
//   required. No token, or one that does not verify (bad signature, expired, no `sub`): no actor, so
//   every route but the public invitation preview is 401 `unauthenticated`.
// - Workspaces from a Durable Object per workspace (`WORKSPACES`, SQLite-backed storage), holding the
//   state's JSON and a version; a directory object maps invitation ids to their workspace for the
//   public preview. The origin writes a new state with `PUT /_store/workspaces/{id}`, authorized by the
//   `STORE_TOKEN` binding.
// - Prepared workspaces in a module-level cache keyed by id and version: a warm request asks its
//   object only for the version, and checks against the workspace prepared before; a new version is
//   prepared once and the old one freed.
// - The route matched by the crate's own table (`checkRequest`), the body handed over as its text
//   (`body_text`) and read by the crate's JSON reader; allowed requests forwarded to the `ORIGIN`
//   binding with exactly that text; refused ones answered here with the library's error
//   JSON and status.
// - The account's routes, `POST`/`GET /v1/workspaces`, which no workspace's state decides: forwarded
//   with a verified token, else 401 `unauthenticated`.
// - `now` is the request time: this edge convenience reads the clock; the rule itself never does.
import { DurableObject } from "cloudflare:workers";
import { jwtVerify } from "jose";
import { prepareWorkspace } from "workspace-rules";

/** One workspace's state: its JSON text and a version, in the object's SQLite storage. */
export class WorkspaceStore extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec("CREATE TABLE IF NOT EXISTS state (k INTEGER PRIMARY KEY CHECK (k = 1), version INTEGER NOT NULL, json TEXT NOT NULL)");
    this.sql.exec("CREATE TABLE IF NOT EXISTS invitations (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL)");
  }

  /** `{ version, json? }`, the JSON only when the version is not `known`; null when nothing is stored. */
  read(known) {
    const [row] = this.sql.exec("SELECT version, json FROM state").toArray();
    if (!row) return null;
    return row.version === known ? { version: row.version } : { version: row.version, json: row.json };
  }

  /** Stores a new state; answers its version. */
  write(json) {
    const [row] = this.sql.exec("SELECT version FROM state").toArray();
    const version = (row?.version ?? 0) + 1;
    this.sql.exec("INSERT OR REPLACE INTO state (k, version, json) VALUES (1, ?, ?)", version, json);
    return version;
  }

  /** The directory object: which workspace holds each invitation. */
  holder(invitationId) {
    const [row] = this.sql.exec("SELECT workspace_id FROM invitations WHERE id = ?", invitationId).toArray();
    return row?.workspace_id ?? null;
  }

  enroll(workspaceId, invitationIds) {
    for (const id of invitationIds) this.sql.exec("INSERT OR REPLACE INTO invitations (id, workspace_id) VALUES (?, ?)", id, workspaceId);
  }
}

const store = (env, name) => env.WORKSPACES.get(env.WORKSPACES.idFromName(name));
const DIRECTORY = "directory";

/** Prepared workspaces by id: `{ version, prepared }`, kept across requests by this isolate. */
const cache = new Map();

/**
 * The prepared workspace `id` at its stored version (null when none is stored), and whether it was
 * cached. Use it before the next `await`: another request may replace (and free) it meanwhile.
 */
async function preparedFor(env, id) {
  const stored = await store(env, id).read(cache.get(id)?.version ?? null);
  if (stored === null) return { prepared: null, hit: false };
  // Read the cache again: another request may have prepared this workspace during the read.
  const current = cache.get(id);
  if (current && current.version >= stored.version) return { prepared: current.prepared, hit: stored.json === undefined };
  if (stored.json === undefined) return preparedFor(env, id); // the cached one was replaced and dropped meanwhile
  const prepared = prepareWorkspace(JSON.parse(stored.json));
  current?.prepared.free();
  cache.set(id, { version: stored.version, prepared });
  return { prepared, hit: false };
}

/** The decision on the prepared workspace `id`, prepared again once if the module dropped it (after
 *  an internal error the package resets its instance: prepared_workspace_freed). */
async function decide(env, id, request, context) {
  for (let attempt = 0; ; attempt++) {
    const { prepared, hit } = await preparedFor(env, id);
    if (prepared === null) return { decision: null, hit };
    try {
      return { decision: prepared.checkRequest(request, context), hit };
    } catch (e) {
      if (e.code !== "prepared_workspace_freed" || attempt > 0) throw e;
      if (cache.get(id)?.prepared === prepared) cache.delete(id);
    }
  }
}

/** `{ user_id, email }` from a valid bearer token, else null. */
async function actorOf(request, env) {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!match) return null;
  try {
    const secret = new TextEncoder().encode(env.JWT_SECRET);
    const { payload } = await jwtVerify(match[1], secret, { algorithms: ["HS256"], requiredClaims: ["exp", "sub"] });
    if (typeof payload.sub !== "string") return null;
    return { user_id: payload.sub, email: typeof payload.email === "string" ? payload.email : null };
  } catch {
    return null; // bad signature, expired, malformed: no credentials
  }
}

/**
 * The workspace a path names: the id after `/v1/workspaces/`, after `/v1/`, or the invitation's
 * holder. Segments are taken as written, neither percent-decoded nor lower-cased: the crate's route
 * table compares them exactly, so a path spelled any other way is refused by the decision whatever
 * workspace it picked here.
 */
async function workspaceIdOf(pathname, env) {
  const [, version, first, second] = pathname.split("/");
  if (version !== "v1") return null;
  if (first === "invitations") return second ? store(env, DIRECTORY).holder(second) : null;
  return (first === "workspaces" ? second : first) ?? null;
}

/** The origin's write of a new state: `PUT /_store/workspaces/{id}` with the STORE_TOKEN. */
async function storeState(request, env, id) {
  if (request.headers.get("authorization") !== `Bearer ${env.STORE_TOKEN}`) return new Response(null, { status: 403 });
  const json = await request.text();
  const state = JSON.parse(json);
  prepareWorkspace(state).free(); // refuses a malformed state (invalid_state) before storing it
  const version = await store(env, id).write(json);
  await store(env, DIRECTORY).enroll(id, state.invitations.map((i) => i.id));
  return Response.json({ version });
}

const refusal = (error, status) => Response.json(error, { status });

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const storePath = /^\/_store\/workspaces\/([^/]+)$/.exec(url.pathname);
    if (storePath && request.method === "PUT") {
      try {
        return await storeState(request, env, storePath[1]);
      } catch (e) {
        return refusal({ code: e.code ?? "invalid_json", status: e.status ?? 400, message: e.message, errors: e.errors ?? [] }, e.status ?? 400);
      }
    }
    const text = await request.text();
    const actor = await actorOf(request, env);
    // The account's own routes (create a workspace, list the caller's): no workspace's state decides
    // them, so the edge checks only the identity and the origin decides (docs/guides/backend.md).
    if (url.pathname === "/v1/workspaces" && (request.method === "POST" || request.method === "GET")) {
      if (!actor) {
        const message = "The request carries no credentials.";
        return refusal({ code: "unauthenticated", status: 401, message, errors: [{ code: "unauthenticated", message, path: "/context/actor" }] }, 401);
      }
      const forwarded = new Request(request.url, { method: request.method, headers: request.headers, body: text === "" ? undefined : text });
      forwarded.headers.set("x-user-id", actor.user_id);
      return env.ORIGIN.fetch(forwarded);
    }
    const workspaceId = await workspaceIdOf(url.pathname, env);
    // The body as the bytes the origin will parse (`body_text`): the crate's JSON reader decides on
    // them, a key given twice included, so the edge and the origin cannot read one body two ways.
    const rule = { method: request.method, path: url.pathname + url.search, body_text: text === "" ? undefined : text };
    const context = { actor, now: new Date().toISOString() };
    const { decision, hit } = workspaceId ? await decide(env, workspaceId, rule, context) : { decision: null, hit: false };
    const headers = { "x-prepared-cache": hit ? "hit" : "miss" };
    if (decision === null) {
      // The worker's own answer (the library is asked only with a state): nothing stored for the path.
      const message = "No workspace is stored for this path.";
      const error = { code: "workspace_not_found", status: 404, message, errors: [{ code: "workspace_not_found", message, path: "/request/path" }] };
      return Response.json(error, { status: 404, headers });
    }
    if (!decision.allowed) return Response.json(decision.error, { status: decision.status, headers });
    const forwarded = new Request(request.url, { method: request.method, headers: request.headers, body: text === "" ? undefined : text });
    forwarded.headers.set("x-workspace-action", decision.action);
    if (actor) forwarded.headers.set("x-user-id", actor.user_id);
    const response = await env.ORIGIN.fetch(forwarded);
    const answer = new Response(response.body, response);
    for (const [k, v] of Object.entries(headers)) answer.headers.set(k, v);
    return answer;
  },
};
