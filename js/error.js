// The error class every refusal of workspace-rules is thrown as. Plain data, no rules: the Rust core
// decides code, status, message and the list of problems; this only gives them a real Error to travel in.
export class WorkspaceRulesError extends Error {
  constructor(code, status, message, errors) {
    super(message);
    this.name = "WorkspaceRulesError";
    this.code = code;
    this.status = status;
    this.errors = errors;
  }
}
