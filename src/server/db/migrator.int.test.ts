import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions } from "@/server/db/pglite-extensions";
import { describe, expect, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "./migrator";
import { pgliteConnection } from "./sql-connection";

describe("migrate", () => {
  it("applies every migration once, recording checksums like Prisma Migrate", async () => {
    const db = await PGlite.create({ extensions: pgliteExtensions });
    try {
      const all = readMigrations();
      expect(await migrate(pgliteConnection(db))).toEqual(all.map((m) => m.name));
      expect(await migrate(pgliteConnection(db))).toEqual([]);
      const rows = (await db.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(`SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`)).rows;
      expect(rows).toEqual(all.map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })));
    } finally {
      await db.close();
    }
  });

  it("explains how to fix a database without pgvector, and leaves nothing half-applied", async () => {
    const db = await PGlite.create(); // no vector extension available
    try {
      const error = await migrate(pgliteConnection(db)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(/pgvector/);
      expect((error as Error).message).toMatch(/CREATE EXTENSION vector/);
      const tables = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Prompt'`)).rows[0].n;
      expect(tables).toBe(0);
    } finally {
      await db.close();
    }
  });
});
