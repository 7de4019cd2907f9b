// The workerd host of the shared vectors: a module worker that imports the package by name (the
// `workerd` entry, which takes the .wasm as workerd hands it over) and runs the vectors it is POSTed.
import * as api from "workspace-rules";
import { runVectors } from "./vectors.mjs";

export default {
  async fetch(request) {
    if (request.method !== "POST") return new Response("POST the vector files as JSON\n", { status: 405 });
    const files = await request.json();
    return Response.json(runVectors(api, files));
  },
};
