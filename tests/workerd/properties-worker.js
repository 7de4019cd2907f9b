// The workerd host of the review's random properties (tests/js/properties.mjs, bundled with
// fast-check as the module `properties.mjs`): a GET runs them on the package imported by name.
import * as api from "workspace-rules";
import { run } from "./properties.mjs";

export default {
  async fetch() {
    return Response.json(run(api));
  },
};
