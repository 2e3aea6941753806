import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openEmbeddedDatabase } from "./embedded";
import { readLock } from "./embedded-lock";

const dir = mkdtempSync(join(tmpdir(), "pq-embedded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded database", () => {
  it("serves PGlite on loopback, lets a second opener share it, and keeps data across restarts", async () => {
    const first = await openEmbeddedDatabase(dir);
    expect(first.owned).toBe(true);
    expect(readLock(dir)).toMatchObject({ pid: process.pid });
    await query(first.url, "CREATE EXTENSION IF NOT EXISTS vector; CREATE TABLE kept (v vector(3)); INSERT INTO kept VALUES ('[1,2,3]')");

    // A second opener must not open the directory again: it gets the owner's socket.
    const second = await openEmbeddedDatabase(dir);
    expect(second.owned).toBe(false);
    expect(second.url).toBe(first.url);
    expect(await query(second.url, "SELECT v::text FROM kept")).toEqual([{ v: "[1,2,3]" }]);

    await first.stop();
    expect(readLock(dir)).toBeUndefined();

    const reopened = await openEmbeddedDatabase(dir);
    try {
      expect(reopened.owned).toBe(true);
      expect(await query(reopened.url, "SELECT v::text FROM kept")).toEqual([{ v: "[1,2,3]" }]);
    } finally {
      await reopened.stop();
    }
  });
});
