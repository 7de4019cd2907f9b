// The error class every refusal of workspace-rules is thrown as. Plain data, no rules: the Rust core
// decides code, status, message and the list of problems; this only gives them a real Error to travel in.
//
// `instanceof` asks a brand (a registered symbol), not the class itself: a program can hold several
// copies of this class (the CommonJS entry's, a bundle's, two versions in node_modules), and a
// refusal thrown by any copy is a WorkspaceRulesError to every copy.
const BRAND = Symbol.for("workspace-rules.WorkspaceRulesError");

export class WorkspaceRulesError extends Error {
  constructor(code, status, message, errors = [{ code, message, path: "" }]) {
    super(message);
    this.name = "WorkspaceRulesError";
    this.code = code;
    this.status = status;
    this.errors = errors;
  }

  get [BRAND]() {
    return true;
  }

  /** Never throws, whatever `value` is (the trap guard asks it of anything a call threw). */
  static [Symbol.hasInstance](value) {
    try {
      return value instanceof Error && value[BRAND] === true;
    } catch {
      return false;
    }
  }
}
