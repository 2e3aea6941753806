// The database a benchmark that calls domain code directly runs on: an in-memory PGlite with the
// migrations applied, reached as the server reaches its embedded database (Prisma's pg adapter
// through the socket server, with its kept prepared statements), or a throw-away database on a
// PostgreSQL server (dropped at the end unless `keep`). Both come with a Prisma client and a plain
// SQL connection for bulk loading.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { migrate, type SqlConnection } from "../../src/server/db/migrator";
import { pgliteExtensions } from "../../src/server/db/pglite-extensions";
import { EmbeddedSocketServer } from "../../src/server/db/embedded-socket-server";
import { createPgPrismaClient, type Db } from "../../src/server/db/prisma";
import { pgConnection, pgliteConnection } from "../../src/server/db/sql-connection";
import { createScratchDatabase } from "../../src/test/scratch-database";

export type BenchDatabase = { kind: "PGlite" | "PostgreSQL"; db: Db; sql: SqlConnection; url?: string; close: () => Promise<void> };

export async function openPglite(): Promise<BenchDatabase> {
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const sql = pgliteConnection(pglite);
  await migrate(sql);
  const server = new EmbeddedSocketServer(pglite, { host: "127.0.0.1", port: 0, maxConnections: 64 });
  const db = createPgPrismaClient(`postgresql://postgres@127.0.0.1:${await server.start()}/postgres`, { max: 4 });
  return {
    kind: "PGlite",
    db,
    sql,
    close: async () => {
      await db.$disconnect();
      await server.stop();
      await pglite.close();
    },
  };
}

/** A fresh database named `<prefix>_<random>` on the server at `serverUrl`. */
export async function openServerDatabase(serverUrl: string, opts: { prefix: string; keep: boolean }): Promise<BenchDatabase> {
  const scratch = await createScratchDatabase(serverUrl, opts.prefix);
  const client = new pg.Client({ connectionString: scratch.url });
  const db = createPgPrismaClient(scratch.url, { max: 10 });
  const close = async () => {
    await db.$disconnect().catch(() => undefined);
    await client.end().catch(() => undefined);
    if (opts.keep) console.log(`\nkept the database: ${scratch.url}\n  drop it with: psql ${serverUrl} -c 'DROP DATABASE "${scratch.name}" WITH (FORCE)'`);
    else await scratch.drop();
  };
  try {
    await client.connect();
    const sql = pgConnection(client);
    await migrate(sql);
    return { kind: "PostgreSQL", db, sql, url: scratch.url, close };
  } catch (err) {
    await close();
    throw err;
  }
}
