import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "./schema-engine";
import { createTestDatabase } from "@/test/test-db";

describe("migrations", () => {
  it("build exactly the database schema.prisma describes (no drift)", async () => {
    const sql = await diffMigrationsToSchema(process.cwd());
    // Prisma's schema engine prints this comment when there is nothing to change.
    expect(sql.trim()).toBe("-- This is an empty migration.");
  });

  it("are recorded in _prisma_migrations and are not re-applied", async () => {
    const t = await createTestDatabase();
    try {
      const rows = await t.db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`SELECT migration_name, finished_at FROM "_prisma_migrations"`;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.finished_at)).toBe(true);
      const ext = await t.db.$queryRaw<{ extname: string }[]>`SELECT extname FROM pg_extension WHERE extname = 'vector'`;
      expect(ext).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
