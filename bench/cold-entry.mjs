// One cold start as an application sees it: this file is the application's own entry module (so Node's
// ES module loader is already running, as it is for any app), and the time is from `import()` of the
// package to its first answer. `bench/run.mjs` runs it in fresh processes.
//
//   node bench/cold-entry.mjs file:///…/pkg/node.js
const t0 = performance.now();
const { can } = await import(process.argv[2]);
can("admin", "members.invite");
console.log(JSON.stringify({ fromFileEntry: performance.now() - t0 }));
