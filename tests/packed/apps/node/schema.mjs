// The JSON Schema documents as a user imports them from the installed package (ESM, import attributes)
// and requires them (CommonJS), validated with ajv: a valid command and a role that is none.
import { createRequire } from "node:module";
import Ajv2020 from "ajv/dist/2020.js";
import command from "workspace-rules/schema/command.json" with { type: "json" };

const required = createRequire(import.meta.url)("workspace-rules/schema/command.json");
const valid = new Ajv2020().compile(command);
console.log(JSON.stringify({
  same: JSON.stringify(required) === JSON.stringify(command),
  id: command.$id,
  ok: valid({ type: "archive", slug: "client-a-support" }),
  refused: valid({ type: "change_role", user_id: "5d0e3c1a-7b2f-4c8d-9e1a-0b2c3d4e5f01", role: "boss" }),
}));
