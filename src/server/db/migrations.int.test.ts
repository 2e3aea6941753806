import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "./schema-engine";
import { withoutUnmanagedIndexDrops } from "./unmanaged-indexes";
import { createTestDatabase } from "@/test/test-db";

describe("migrations", () => {
  it("build exactly the database schema.prisma describes (no drift)", async () => {
    const sql = await diffMigrationsToSchema(process.cwd());
    // Nothing to change but the HNSW indexes Prisma cannot declare (each one named, none other).
    expect(withoutUnmanagedIndexDrops(sql)).toBe("");
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
