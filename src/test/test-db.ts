// A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
// on the PostgreSQL server named by TEST_DATABASE_URL (CI runs the integration tests both ways).
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions } from "@/server/db/pglite-extensions";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { migrate } from "@/server/db/migrator";
import { createScratchDatabase } from "./scratch-database";
import { createPgPrismaClient, createPrismaClient, type Db } from "@/server/db/prisma";
import { pgConnection, pgliteConnection } from "@/server/db/sql-connection";

export type TestDatabase = { db: Db; kind: "pglite" | "postgres"; close: () => Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return createServerDatabase(serverUrl);
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  await migrate(pgliteConnection(pglite));
  const db = createPrismaClient(new PrismaPGlite(pglite) as unknown as SqlDriverAdapterFactory);
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

async function createServerDatabase(serverUrl: string): Promise<TestDatabase> {
  const scratch = await createScratchDatabase(serverUrl, "pq_test");
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  await migrate(pgConnection(client));
  await client.end();
  const db = createPgPrismaClient(scratch.url, { max: 10 });
  return {
    db,
    kind: "postgres",
    close: async () => {
      await db.$disconnect();
      await scratch.drop();
    },
  };
}
