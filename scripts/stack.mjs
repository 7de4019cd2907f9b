// `npm run stack`: the reference backend (PORT, default 8790; a SQLite file under target/) behind the
// edge worker in workerd, on 127.0.0.1, with a development token printed for a development user.
// It also serves the playground in live mode (scripts/live.mjs; PLAYGROUND_PORT, default 8080): its
// Team tab sends its commands through the edge. Stops on Ctrl-C. (docs/guides/backend.md)
import { join } from "node:path";
import { root } from "../tests/js/files.mjs";
import { startBackend, startEdge, STORE_TOKEN, token } from "../tests/backend/stack.mjs";
import { startPlayground } from "./live.mjs";

const port = Number(process.env.PORT ?? 8790);
const databaseUrl = process.env.DATABASE_URL ?? `sqlite://${join(root, "target/backend/stack.db")}`;
const edge = await startEdge(port, "dev");
const backend = await startBackend({ databaseUrl, port, env: { WR_EDGE_URL: edge.url, WR_EDGE_STORE_TOKEN: STORE_TOKEN } });
const user = process.env.WR_DEV_USER ?? "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01";
const dev = await token(user, process.env.WR_DEV_EMAIL ?? "dev@example.com", undefined, "12h");
console.log(`backend  ${backend.url}  (${databaseUrl})`);
console.log(`edge     ${edge.url}  (forwards to the backend; send requests here)`);
console.log(`token    ${dev}`);
const playground = await startPlayground({ edgeUrl: edge.url, port: Number(process.env.PLAYGROUND_PORT ?? 8080) });
console.log(`playground ${playground.live}  (live mode: the Team tab acts through the edge; tokens per person at ${playground.url}/dev/tokens)`);
console.log(`try      curl -H "authorization: Bearer $TOKEN" -d '{"name":"My Workspace","environment":"production"}' ${edge.url}/v1/workspaces`);
const stop = async () => {
  playground.server.close();
  await backend.stop();
  await edge.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
