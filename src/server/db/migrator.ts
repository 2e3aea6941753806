// Applies prisma/migrations/*/migration.sql in order and records them in _prisma_migrations
// exactly as Prisma Migrate does, so `prisma migrate status/deploy` elsewhere sees the same history.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The little a migrator needs from a connection (pg.Client and PGlite both fit through adapters). */
export interface SqlConnection {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script with several statements. */
  exec(sql: string): Promise<void>;
}

export type Migration = { name: string; sql: string; checksum: string };

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Prisma Migrate's own advisory lock key, so our migrator and Prisma's never run at once.
const ADVISORY_LOCK_KEY = 72707369;

export function readMigrations(root = process.cwd()): Migration[] {
  const dir = join(root, "prisma/migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {}

const PGVECTOR_HELP =
  "The database has no pgvector extension, which Promptuary needs for prompt embeddings. " +
  "Install pgvector for your PostgreSQL server (Debian/Ubuntu: the postgresql-<version>-pgvector package, " +
  "or build it from source: see scripts/ci/install-postgres.sh), then run `CREATE EXTENSION vector;` as a superuser " +
  "or start Promptuary without DATABASE_URL to use the embedded database.";

const PG_TRGM_HELP =
  "The database has no pg_trgm extension, which Promptuary's search needs. It ships with PostgreSQL's contrib " +
  "modules (Debian/Ubuntu: part of the postgresql-<version> package; elsewhere postgresql-contrib). Install it, then run " +
  "`CREATE EXTENSION pg_trgm;` as a superuser.";

/** Applies pending migrations; returns the names it applied. */
export async function migrate(conn: SqlConnection, migrations = readMigrations()): Promise<string[]> {
  await conn.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK_KEY})`);
  try {
    await conn.exec(MIGRATIONS_TABLE);
    const { rows } = await conn.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    const done: string[] = [];
    for (const m of migrations) {
      const prior = applied.get(m.name);
      if (prior?.finished_at) {
        if (prior.checksum !== m.checksum) {
          console.warn(`[migrate] ${m.name} was modified after it was applied (checksum differs); leaving it as is.`);
        }
        continue;
      }
      if (prior) throw new MigrationError(`Migration ${m.name} failed earlier and needs attention before others can run.`);
      const id = randomUUID();
      await conn.exec("BEGIN");
      try {
        await conn.exec(m.sql);
        await conn.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [id, m.checksum, m.name],
        );
        await conn.exec("COMMIT");
      } catch (error) {
        await conn.exec("ROLLBACK");
        const message = error instanceof Error ? error.message : String(error);
        if (/extension "vector"/i.test(message) || /vector\.control/.test(message)) throw new MigrationError(PGVECTOR_HELP);
        if (/extension "pg_trgm"/i.test(message) || /pg_trgm\.control/.test(message)) throw new MigrationError(PG_TRGM_HELP);
        throw new MigrationError(`Migration ${m.name} failed: ${message}`);
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await conn.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_KEY})`);
  }
}
