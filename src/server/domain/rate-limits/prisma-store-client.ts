// rate-limiter-flexible's RateLimiterPostgres talks to a `pg` pool (`query({text, values})` →
// `{rows, rowCount}`). This stands in for one over the app's Prisma client, so the limiter runs on
// whatever database `db` is (a PostgreSQL server, or embedded PGlite, which has no pg pool), inside
// the same connection pool, and tests can hand it any client.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";

type Query = { text: string; values?: unknown[] };
type Result = { rows: Record<string, unknown>[]; rowCount: number };

/** bigint columns (rate_limits.expire) come back as BigInt; the library does arithmetic with numbers. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = typeof value === "bigint" ? Number(value) : value;
  return out;
}

/** `db`, or a function giving it (the proxy's limiter is made before the database may be opened). */
export function prismaStoreClient(database: DbOrTx | (() => DbOrTx)) {
  return {
    async query({ text, values = [] }: Query): Promise<Result> {
      const db = typeof database === "function" ? database() : database;
      // Statements that return rows (SELECT, INSERT … RETURNING) go through $queryRaw, others $executeRaw.
      if (/^\s*select\b|\breturning\b/i.test(text)) {
        const rows = (await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values)).map(plain);
        return { rows, rowCount: rows.length };
      }
      const rowCount = await db.$executeRawUnsafe(text, ...values);
      return { rows: [], rowCount };
    },
  };
}
