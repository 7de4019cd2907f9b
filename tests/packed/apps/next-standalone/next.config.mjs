// The configuration the package README gives for a Next.js deployment that copies only the files
// its server traces (`output: "standalone"`, or a host that deploys the traces): the package stays
// a Node package on the server, so the trace holds its .wasm.
export default {
  output: "standalone",
  serverExternalPackages: ["workspace-rules"],
};
