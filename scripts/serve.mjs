// A small static file server for the playground and the browser tests, on 127.0.0.1 only.
//   node scripts/serve.mjs             serves www/ at / and the built package pkg/ at /pkg/
//   PORT=9000 node scripts/serve.mjs   another port (default 8080; 0 picks a free one)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ts": "text/plain; charset=utf-8",
};

/** Resolves a URL path against the first mount whose prefix it starts with; never leaves the mount. */
async function resolve(mounts, urlPath) {
  const path = decodeURIComponent(urlPath.split("?")[0]);
  for (const [prefix, dir] of Object.entries(mounts).sort((a, b) => b[0].length - a[0].length)) {
    if (!path.startsWith(prefix)) continue;
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) file = join(file, "index.html");
    return file;
  }
  return null;
}

/** Starts a server for `mounts` ({ "/prefix/": "/abs/dir" }) and resolves to { server, url }.
 *  `handle(req, res)`, when given, is asked first and answers true when it answered the request. */
export function startServer({ mounts, port = 0, host = "127.0.0.1", handle }) {
  const server = createServer(async (req, res) => {
    if (handle && (await handle(req, res))) return;
    const file = await resolve(mounts, req.url ?? "/");
    const body = file && (await readFile(file).catch(() => null));
    if (!body) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(body);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok({ server, url: `http://${host}:${server.address().port}` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const { url } = await startServer({ port, mounts: { "/": join(root, "www"), "/pkg/": join(root, "pkg") } });
  console.log(`workspace-rules playground: ${url}/  (Ctrl-C to stop)`);
}
