// workspace-rules: prepareWorkspace(state), a workspace state read, validated and indexed once inside
// the WebAssembly module, for many checks at the edge (docs/rules/requests.md#prepared-workspaces).
//
// The module keeps each prepared workspace under an id given here (src/boundary/prepared.rs). The ids
// count up in this module, which outlives a reset of the WebAssembly instance after a trap, so an id
// is never given twice: a workspace lost in a reset answers prepared_workspace_freed, like a freed
// one, and never another workspace's answer. Arguments cross as in rules.js: the JSON text of plain
// data (`jsonArgs`), else the values themselves; refusals come back as WorkspaceRulesError.
//
// rules.js hands in its trap guard and argument helpers (`preparedWorkspaces({ guard, readArgs,
// answerOf, SLOW })`: `readArgs(args)` the arguments read once, `{ text, marked }`, `answerOf(out,
// spell)` a tagged answer of the module) and exports the `prepareWorkspace` it gets back. While any
// prepared workspace is held, the memory check after each call (settle in guard.js) keeps the
// instance, which holds them.
import * as glue from "./workspace_rules.js";
import { prepared as instance, settle } from "./guard.js";

/** The methods by their position in the module's table (prepared::METHODS). */
const CHECK_REQUEST = 0;
const AUTHORIZE = 1;
const PREVIEW_INVITATION = 2;
const CAPABILITIES = 3;

export function preparedWorkspaces({ guard, readArgs, answerOf, SLOW }) {
  let nextId = 1;
  // The safety net for a workspace nobody freed: its memory in the module is released once the
  // object is garbage collected (at some point, or never; free() is the way).
  const registry = typeof FinalizationRegistry === "function" ? new FinalizationRegistry(release) : null;
  const parse = (out) => JSON.parse(out.slice(1));

  function release(id) {
    instance.held--;
    try {
      glue.__preparedFree(id);
    } catch {
      // Nothing to do from a finalizer; an instance that trapped holds nothing of the old one.
    }
  }

  function call(id, method, ...args) {
    try {
      const { text, marked } = readArgs(args);
      const answer = marked ? SLOW : answerOf(glue.__preparedCallJson(id, method, text), parse);
      return answer !== SLOW ? answer : answerOf(glue.__preparedCallMarked(id, method, text), parse);
    } catch (e) {
      throw guard(e);
    } finally {
      settle();
    }
  }

  class PreparedWorkspace {
    #id;

    constructor(id) {
      this.#id = id;
    }

    /** checkRequest(request, { actor, now }) on the prepared state. */
    checkRequest(request, context) {
      return call(this.#id, CHECK_REQUEST, request, context);
    }

    /** authorize(user_id, action, now?) on the prepared state. */
    authorize(user_id, action, now) {
      return call(this.#id, AUTHORIZE, user_id, action, now);
    }

    /** previewInvitation(invitation_id, now) on the prepared state. */
    previewInvitation(invitation_id, now) {
      return call(this.#id, PREVIEW_INVITATION, invitation_id, now);
    }

    /** capabilities(ctx) on the prepared state: what ctx.actor_id may do, with reasons. */
    capabilities(ctx) {
      return call(this.#id, CAPABILITIES, ctx);
    }

    /** Releases the workspace's memory in the module; afterwards every method throws
     *  prepared_workspace_freed (410). Freeing twice does nothing. */
    free() {
      const id = this.#id;
      if (id === 0) return;
      this.#id = 0;
      registry?.unregister(this);
      instance.held--;
      try {
        glue.__preparedFree(id);
      } catch (e) {
        throw guard(e);
      }
    }
  }
  if (typeof Symbol.dispose === "symbol") {
    Object.defineProperty(PreparedWorkspace.prototype, Symbol.dispose, {
      value: PreparedWorkspace.prototype.free,
      writable: true,
      configurable: true,
    });
  }
  Object.defineProperty(PreparedWorkspace.prototype, Symbol.toStringTag, { value: "PreparedWorkspace" });

  /** prepareWorkspace(state): throws invalid_state (422) listing every problem. */
  function prepareWorkspace(state) {
    const id = nextId++;
    try {
      const { text, marked } = readArgs([state]);
      const answer = marked ? SLOW : answerOf(glue.__prepareJson(id, text), parse);
      if (answer === SLOW) answerOf(glue.__prepareMarked(id, text), parse);
    } catch (e) {
      settle();
      throw guard(e);
    }
    instance.held++;
    const prepared = new PreparedWorkspace(id);
    registry?.register(prepared, id, prepared);
    return prepared;
  }

  return { prepareWorkspace };
}
