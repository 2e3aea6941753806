// One replica of several on a PostgreSQL database runs the in-process runner's schedules: the first
// to join leads, the others count it and wait; when the leader leaves (or its connection dies) one
// of them takes over. Needs TEST_DATABASE_URL (advisory locks between sessions of a real server).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createScratchDatabase, type ScratchDatabase } from "@/test/scratch-database";
import { joinReplicas, type ScheduleLeader } from "./schedule-leader";

const SERVER = process.env.TEST_DATABASE_URL;

async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(!SERVER)("schedule leader (needs TEST_DATABASE_URL)", () => {
  const scratches: ScratchDatabase[] = [];
  const joined: ScheduleLeader[] = [];
  let url: string;
  const join = async (onLead: () => void, log: (line: string) => void = () => {}, on = url) => {
    const replica = await joinReplicas(on, { onLead, retryMs: 100, log });
    joined.push(replica);
    return replica;
  };

  beforeAll(async () => {
    scratches.push(await createScratchDatabase(SERVER!, "pq_leader"));
    url = scratches[0].url;
  });
  afterAll(async () => {
    for (const replica of joined) await replica.close();
    for (const scratch of scratches) await scratch.drop();
  });

  it("the first replica leads; the others count it, and one takes over when it leaves", async () => {
    const led: string[] = [];
    const a = await join(() => led.push("a"));
    const b = await join(() => led.push("b"));
    const c = await join(() => led.push("c"));
    expect(led).toEqual(["a"]);
    expect([a.leading, b.leading, c.leading]).toEqual([true, false, false]);
    expect(await a.othersRunning()).toBe(2);
    expect(await b.othersRunning()).toBe(2);

    // Another database on the same server is another deployment: it has its own leader.
    scratches.push(await createScratchDatabase(SERVER!, "pq_leader"));
    const elsewhere = await join(() => led.push("elsewhere"), undefined, scratches[1].url);
    expect(elsewhere.leading).toBe(true);
    expect(await elsewhere.othersRunning()).toBe(0);

    await a.close();
    await until("b or c to lead", () => led.length === 3);
    expect(led.slice(2).length).toBe(1);
    expect([b.leading, c.leading].filter(Boolean)).toHaveLength(1);
    expect(await b.othersRunning()).toBe(1);
  });

  it("a leader whose connection dies (a crash, a network cut) hands the schedules to another", async () => {
    scratches.push(await createScratchDatabase(SERVER!, "pq_leader"));
    const on = scratches.at(-1)!.url;
    const led: string[] = [];
    const logs: string[] = [];
    await join(() => led.push("a"), (line) => logs.push(line), on);
    const b = await join(() => led.push("b"), undefined, on);
    expect(led).toEqual(["a"]);
    const admin = new pg.Client({ connectionString: on });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'promptuary schedule leader' AND datname = current_database() AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = 2 AND granted)`);
    } finally {
      await admin.end();
    }
    await until("b to lead", () => b.leading);
    expect(led).toEqual(["a", "b"]);
    // a reconnects, finds the schedules taken, and says that both run them until it restarts.
    await until("a to notice", () => logs.some((l) => l.includes("another replica took the schedules")));
    expect(await b.othersRunning()).toBe(1);
  });
});

if (!SERVER) console.log("    (skipped: the schedule leader test needs TEST_DATABASE_URL, e.g. from scripts/ci/start-postgres.sh)");
