// The playground in live mode (docs/guides/playground.md#live-mode), as `npm run stack` serves it: www/
// and pkg/ as `npm start` serves them, plus two development routes on the same origin —
//   /edge/…       forwarded to the edge worker (method, path, query, `authorization`, `content-type`
//                 and body; its answer's status, `content-type`, `x-command-context` and body), so the
//                 page's requests go through the edge without CORS;
//   /dev/tokens   GET: the directory `[{ user_id, email, name, token }]`, a signed token (12 hours) per
//                 person, since the page cannot sign; POST `{ email }`: a new person with a token.
// Development only: it hands out tokens to whoever asks, on 127.0.0.1.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { root } from "../tests/js/files.mjs";
import { token } from "../tests/backend/stack.mjs";
import { startServer } from "./serve.mjs";

/** The people of the playground's Team tab (www/panels/team.js), the first the workspaces' creator. */
export const PEOPLE = [
  { user_id: "0b9d6a52-4d4e-4f3e-9a51-6c1f2f000001", email: "ana@example.com", name: "Ana" },
  { user_id: "0b9d6a52-4d4e-4f3e-9a51-6c1f2f000002", email: "bo@example.com", name: "Bo" },
  { user_id: "0b9d6a52-4d4e-4f3e-9a51-6c1f2f000003", email: "cy@example.com", name: "Cy" },
  { user_id: "0b9d6a52-4d4e-4f3e-9a51-6c1f2f000004", email: "dee@example.com", name: "Dee" },
  { user_id: "0b9d6a52-4d4e-4f3e-9a51-6c1f2f000005", email: "eve@example.org", name: "Eve" },
];

const body = async (req) => {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks);
};
const json = (res, status, value) => res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(value));

/** Serves the playground with the two routes above: `{ server, url, people, live }` (`live`: the
 *  playground's address in live mode). */
export async function startPlayground({ edgeUrl, port = 0, people = PEOPLE }) {
  const person = async (p) => ({ ...p, token: await token(p.user_id, p.email, undefined, "12h") });
  const directory = await Promise.all(people.map(person));
  const handle = async (req, res) => {
    const url = req.url ?? "/";
    if (url === "/dev/tokens") {
      if (req.method === "GET") return json(res, 200, directory), true;
      if (req.method !== "POST") return json(res, 405, { message: "GET or POST" }), true;
      let email;
      try {
        email = String(JSON.parse(await body(req)).email ?? "").trim().toLowerCase();
      } catch {
        /* answered below */
      }
      if (!email) return json(res, 400, { message: "body { email }" }), true;
      let p = directory.find((d) => d.email === email);
      if (!p) directory.push((p = await person({ user_id: randomUUID(), email, name: email.split("@")[0] })));
      return json(res, 200, p), true;
    }
    if (!url.startsWith("/edge/")) return false;
    const headers = {};
    for (const h of ["authorization", "content-type"]) if (req.headers[h]) headers[h] = req.headers[h];
    const sent = ["GET", "HEAD"].includes(req.method) ? undefined : await body(req);
    try {
      const r = await fetch(edgeUrl + url.slice("/edge".length), { method: req.method, headers, body: sent?.length ? sent : undefined });
      const out = { "cache-control": "no-store" };
      for (const h of ["content-type", "x-command-context"]) if (r.headers.get(h)) out[h] = r.headers.get(h);
      res.writeHead(r.status, out).end(Buffer.from(await r.arrayBuffer()));
    } catch (e) {
      json(res, 502, { message: `the edge did not answer: ${e.message}` });
    }
    return true;
  };
  const { server, url } = await startServer({ port, handle, mounts: { "/": join(root, "www"), "/pkg/": join(root, "pkg") } });
  return { server, url, people: directory, live: `${url}/?live=/edge` };
}
