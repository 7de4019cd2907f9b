// The entry bundled with fast-check for the hosts that cannot resolve npm packages by name
// (Chromium's page, workerd's modules): `bundleProperties` in files.mjs writes it as one module.
import fc from "fast-check";
import { runProperties } from "./properties.mjs";

/** Every property of properties.mjs on `api`, as JSON-ready results. */
export const run = (api, options) => runProperties(api, fc, options);
