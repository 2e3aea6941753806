// Entry point of `npm run cli` (see scripts/cli/main.ts for the commands). Server modules import
// "server-only", which plain Node cannot resolve until the hook below is registered, so the CLI
// itself is loaded only after it.
import "../src/server/boot/server-only-in-node.mjs";

await import("./cli/main");
