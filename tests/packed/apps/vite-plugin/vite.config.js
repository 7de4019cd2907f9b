// The whole configuration a Vite 5 app needs for the entry that is ready on import (package README).
import workspaceRules from "workspace-rules/vite";

export default { plugins: [workspaceRules()] };
