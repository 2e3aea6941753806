// SqlConnection (what the migrator needs) over node-postgres and over an in-process PGlite.
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { SqlConnection } from "./migrator";

export function pgConnection(client: pg.Client): SqlConnection {
  return {
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}

export function pgliteConnection(db: PGlite): SqlConnection {
  return {
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await db.query<T>(sql, params)).rows }),
    exec: async (sql) => {
      await db.exec(sql);
    },
  };
}
