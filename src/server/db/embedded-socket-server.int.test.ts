// Several processes share the embedded database through its socket (http workers, the CLI, psql):
// their parameterised queries and transactions must not interleave inside PGlite's one session.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedSocketServer } from "./embedded-socket-server";

let db: PGlite;
let server: EmbeddedSocketServer;
let url: string;

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec("CREATE TABLE t (id serial PRIMARY KEY, who int NOT NULL, v int NOT NULL)");
  server = new EmbeddedSocketServer(db, { host: "127.0.0.1", port: 0, maxConnections: 16 });
  url = `postgresql://postgres@127.0.0.1:${await server.start()}/postgres`;
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

describe("EmbeddedSocketServer", () => {
  it("answers each connection's own queries and keeps each transaction whole while others run", async () => {
    const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: url, max: 1 }));
    const wrong: string[] = [];
    await Promise.all(
      pools.map(async (pool, who) => {
        for (let i = 0; i < 150; i++) {
          const { rows } = await pool.query<{ v: number; s: string }>("SELECT $1::int AS v, $2::text AS s", [who * 1000 + i, `w${who}`]);
          if (rows[0]?.v !== who * 1000 + i || rows[0]?.s !== `w${who}`) wrong.push(`${who}/${i}: ${JSON.stringify(rows)}`);
          if (i % 10 !== 0) continue;
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            await client.query("INSERT INTO t (who, v) VALUES ($1, $2)", [who, i]);
            const seen = await client.query<{ c: number }>("SELECT count(*)::int AS c FROM t WHERE who = $1 AND v = $2", [who, i]);
            if (seen.rows[0].c !== 1) wrong.push(`${who}/${i}: own insert not seen`);
            await client.query(i % 20 === 0 ? "COMMIT" : "ROLLBACK");
          } finally {
            client.release();
          }
        }
      }),
    );
    await Promise.all(pools.map((p) => p.end()));
    expect(wrong).toEqual([]);
    // 15 transactions per connection, those at i % 20 === 0 committed: 8 each.
    const { rows } = await db.query<{ who: number; c: number }>("SELECT who, count(*)::int AS c FROM t GROUP BY who ORDER BY who");
    expect(rows).toEqual([0, 1, 2, 3].map((who) => ({ who, c: 8 })));
  });

  it("rolls back the transaction of a connection that goes away, and the others carry on", async () => {
    const leaving = new pg.Client({ connectionString: url });
    await leaving.connect();
    leaving.on("error", () => {});
    await leaving.query("BEGIN");
    await leaving.query("INSERT INTO t (who, v) VALUES (99, 1)");
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    // Waits for the session: it belongs to `leaving` until its transaction ends.
    const waiting = other.query<{ c: number }>("SELECT count(*)::int AS c FROM t WHERE who = 99");
    (leaving as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await waiting).rows[0].c).toBe(0);
    await other.end();
  });
});
