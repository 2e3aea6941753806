// Loaded with `tsx --import` by the npm scripts that run server code outside Next.js: server.ts,
// the CLI and the benchmarks. `import "server-only"` marks modules that must never reach a browser
// bundle; Next resolves it to an empty module on the server and fails a client build that pulls one
// in. Plain Node has no such resolution, so this hook gives it the same empty module.
import { register } from "node:module";

const empty = new URL("../../../node_modules/server-only/empty.js", import.meta.url).href;
const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url);
