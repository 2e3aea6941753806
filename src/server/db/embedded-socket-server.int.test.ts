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

describe("EmbeddedSocketServer's kept prepared statements", () => {
  let small: EmbeddedSocketServer;
  let smallUrl: string;
  const kept = async () => (await db.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'pq%' ORDER BY prepare_time")).rows.map((r) => r.name);

  beforeAll(async () => {
    await db.exec("DEALLOCATE ALL");
    small = new EmbeddedSocketServer(db, { host: "127.0.0.1", port: 0, maxConnections: 16, maxStatements: 3 });
    smallUrl = `postgresql://postgres@127.0.0.1:${await small.start()}/postgres`;
  });
  afterAll(async () => {
    await small.stop();
  });

  it("prepares each parameterised text once for every connection, and answers each with its own values", async () => {
    const clients = await Promise.all(Array.from({ length: 3 }, async () => {
      const c = new pg.Client({ connectionString: smallUrl });
      await c.connect();
      return c;
    }));
    for (let i = 0; i < 20; i++) {
      const answers = await Promise.all(clients.map((c, who) => c.query<{ v: number }>("SELECT $1::int + 0 AS v", [who * 100 + i])));
      expect(answers.map((a) => a.rows[0].v)).toEqual([i, 100 + i, 200 + i]);
    }
    expect(await kept()).toHaveLength(1);
    // A bad value fails that query only; bad SQL is not kept; the kept statement goes on working.
    await expect(clients[0].query("SELECT $1::int + 0 AS v", ["not a number"])).rejects.toThrow(/invalid input syntax/);
    await expect(clients[1].query("SELEKT $1::int", [1])).rejects.toThrow(/syntax error/);
    expect((await clients[2].query("SELECT $1::int + 0 AS v", [7])).rows).toEqual([{ v: 7 }]);
    expect(await kept()).toHaveLength(1);
    // Inside a transaction, and after one that failed.
    await clients[0].query("BEGIN");
    await clients[0].query("INSERT INTO t (who, v) VALUES ($1, $2)", [500, 1]);
    expect((await clients[0].query("SELECT count(*)::int AS c FROM t WHERE who = $1", [500])).rows).toEqual([{ c: 1 }]);
    await clients[0].query("ROLLBACK");
    await clients[0].query("BEGIN");
    await expect(clients[0].query("SELECT $1::int + 0 AS v", ["x"])).rejects.toThrow();
    await expect(clients[0].query("SELECT $1::int + 0 AS v", [1])).rejects.toThrow(/aborted/);
    await clients[0].query("ROLLBACK");
    expect((await clients[0].query("SELECT $1::int + 0 AS v", [2])).rows).toEqual([{ v: 2 }]);
    await Promise.all(clients.map((c) => c.end()));
  });

  it("closes the least recently used beyond its limit, and prepares again what someone deallocated or a table change invalidated", async () => {
    const client = new pg.Client({ connectionString: smallUrl });
    await client.connect();
    for (const n of [1, 2, 3, 4, 5]) expect((await client.query(`SELECT $1::int + ${n} AS v`, [1])).rows).toEqual([{ v: 1 + n }]);
    // The closes run before the next request.
    await client.query("SELECT $1::int + 5 AS v", [1]);
    expect((await kept()).length).toBeLessThanOrEqual(3);

    await client.query("DEALLOCATE ALL");
    expect(await kept()).toEqual([]);
    expect((await client.query("SELECT $1::int + 5 AS v", [2])).rows).toEqual([{ v: 7 }]);
    await db.exec("DEALLOCATE ALL"); // behind the server's back this time
    expect((await client.query("SELECT $1::int + 5 AS v", [3])).rows).toEqual([{ v: 8 }]);

    await db.exec("CREATE TABLE shape (a int)");
    await db.exec("INSERT INTO shape VALUES (1)");
    expect((await client.query("SELECT * FROM shape WHERE a = $1", [1])).rows).toEqual([{ a: 1 }]);
    await db.exec("ALTER TABLE shape ADD COLUMN b int DEFAULT 2");
    expect((await client.query("SELECT * FROM shape WHERE a = $1", [1])).rows).toEqual([{ a: 1, b: 2 }]);
    await client.end();
  });
});
