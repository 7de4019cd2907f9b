// A server component: the rules run while the page renders on the server, at request time (the
// name comes from the query), with the package imported as in any Node code.
import { apply, capabilities, checkRequest, createWorkspace, slugify } from "workspace-rules";
import { creator, invite, now, taken, workspace } from "./fixture.js";
import VoiceForm from "./voice-form.js";

export default async function Page({ searchParams }) {
  const { name = "Équipe Réseau" } = await searchParams;
  let { state } = createWorkspace(workspace, creator);
  ({ state } = apply(state, invite, { actor_id: creator.actor_id, now }));
  const caps = capabilities(state, { actor_id: creator.actor_id, now });
  const decision = checkRequest(
    { method: "PUT", path: `/v1/${state.workspace.id}/settings/voice`, body: { speed: 3 } },
    { actor: { user_id: creator.actor_id }, state, now },
  );
  const answer = { slug: slugify(name, taken), invite: caps.invite, decision };
  return (
    <main>
      <h1>{state.workspace.name}</h1>
      <pre id="server">{JSON.stringify(answer)}</pre>
      <VoiceForm />
    </main>
  );
}
