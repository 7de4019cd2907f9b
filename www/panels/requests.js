// Request checker (SPEC §9): shown once the package exports checkRequest.
import * as rules from "workspace-rules";

export const available = () => typeof rules.checkRequest === "function";
export function mount() {}
