// Preloaded into the server by `npm run bench:load -- --queries` (NODE_OPTIONS=--import): every
// statement a pg client sends (Prisma's driver adapter, raw pg) is written to stderr as one line,
// so the benchmark can count the database round trips of one request. Not for production.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pg = require("pg");
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, ...rest) {
  const text = typeof config === "string" ? config : config?.text;
  if (typeof text === "string") process.stderr.write(`[bench-query] ${text.replace(/\s+/g, " ").slice(0, 160)}\n`);
  return query.call(this, config, ...rest);
};
