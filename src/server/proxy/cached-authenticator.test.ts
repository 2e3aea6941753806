import { describe, expect, it, vi } from "vitest";
import { createCachedAuthenticator, DatabaseUnreachableError } from "./cached-authenticator";

const u1 = { ownerId: "u1", apiKeyId: "k1" };
const flush = () => new Promise((r) => setImmediate(r));

/** A lookup whose database can be taken down, and whose keys can be revoked. */
function fakeDatabase() {
  const db = { down: false, keys: new Map<string, typeof u1>([["good", u1]]) };
  const lookup = vi.fn(async (key: string) => {
    if (db.down) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    return db.keys.get(key) ?? null;
  });
  return { db, lookup };
}

describe("createCachedAuthenticator", () => {
  it("looks a key up once per TTL, sharing concurrent lookups; refreshes in the background up to twice the TTL", async () => {
    let t = 0;
    const { lookup } = fakeDatabase();
    const auth = createCachedAuthenticator(lookup, { ttlMs: 30_000, now: () => t });
    await Promise.all([auth("good"), auth("good"), auth("bad")]);
    expect(await auth("good")).toEqual(u1);
    expect(await auth("bad")).toBeNull();
    expect(lookup).toHaveBeenCalledTimes(2);

    t = 30_001; // stale: answered from the cache at once, refreshed behind the call
    expect(await auth("good")).toEqual(u1);
    expect(lookup).toHaveBeenCalledTimes(3);
    await flush();
    expect(await auth("good")).toEqual(u1);
    expect(lookup).toHaveBeenCalledTimes(3);

    t = 30_001 + 60_001; // too old to use without asking
    const pending = auth("good");
    expect(lookup).toHaveBeenCalledTimes(4);
    expect(await pending).toEqual(u1);
  });

  it("refuses a revoked key within twice the TTL while the database is reachable", async () => {
    let t = 0;
    const { db, lookup } = fakeDatabase();
    const auth = createCachedAuthenticator(lookup, { ttlMs: 30_000, now: () => t });
    expect(await auth("good")).toEqual(u1);
    db.keys.delete("good");
    t = 29_000;
    expect(await auth("good")).toEqual(u1);
    t = 31_000; // this call still passes; its background refresh sees the revocation
    expect(await auth("good")).toEqual(u1);
    await flush();
    expect(await auth("good")).toBeNull();
  });

  it("keeps known keys working through an outage of any length, fails unknown ones fast, and reports the outage once each way", async () => {
    let t = 0;
    const { db, lookup } = fakeDatabase();
    db.keys.set("other", { ownerId: "u2", apiKeyId: "k2" });
    const states: boolean[] = [];
    const auth = createCachedAuthenticator(lookup, { ttlMs: 30_000, retryMs: 1_000, now: () => t, onDatabaseState: (reachable) => states.push(reachable) });
    expect(await auth("good")).toEqual(u1);
    expect(await auth("bad")).toBeNull();
    expect(await auth("other")).toEqual({ ownerId: "u2", apiKeyId: "k2" });

    db.down = true;
    t = 100_000; // far past the TTL: the lookup before the call fails, the remembered answer is used
    expect(await auth("good")).toEqual(u1);
    expect(states).toEqual([false]);
    const calls = lookup.mock.calls.length;
    for (let i = 0; i < 50; i++) {
      t += 10; // within retryMs: no database attempt at all
      expect(await auth("good")).toEqual(u1);
      expect(await auth("bad")).toBeNull();
    }
    expect(lookup).toHaveBeenCalledTimes(calls);
    await expect(auth("never-seen")).rejects.toBeInstanceOf(DatabaseUnreachableError);

    t += 10 * 60_000; // a long outage: still served, the database is tried again in the background
    expect(await auth("good")).toEqual(u1);
    expect(lookup).toHaveBeenCalledTimes(calls + 1);
    await flush();
    expect(states).toEqual([false]);

    // Revoked during the outage (e.g. from another replica): works until the database is back...
    db.keys.delete("other");
    expect(await auth("other")).toEqual({ ownerId: "u2", apiKeyId: "k2" });
    db.down = false;
    t += 1_000;
    expect(await auth("good")).toEqual(u1); // its background lookup ends the outage
    await flush();
    expect(states).toEqual([false, true]);
    // ...and is refused from its next call on: answers used during the outage are checked first.
    expect(await auth("other")).toBeNull();
    expect(await auth("good")).toEqual(u1);
  });

  it("notices the end of an outage without calls (ping every retryMs), then checks remembered answers before their next use", async () => {
    const { db, lookup } = fakeDatabase();
    const states: boolean[] = [];
    const ping = vi.fn(async () => {
      if (db.down) throw new Error("connect ECONNREFUSED");
    });
    const auth = createCachedAuthenticator(lookup, { ttlMs: 60_000, retryMs: 20, ping, onDatabaseState: (reachable) => states.push(reachable) });
    expect(await auth("good")).toEqual(u1);
    db.down = true;
    await expect(auth("never-seen")).rejects.toThrow("ECONNREFUSED");
    expect(states).toEqual([false]);
    db.keys.delete("good"); // revoked elsewhere during the outage
    expect(await auth("good")).toEqual(u1);
    // Pings repeat while the outage lasts (waited for, not timed: a loaded machine runs timers late).
    await vi.waitFor(() => expect(ping.mock.calls.length).toBeGreaterThanOrEqual(2), { timeout: 5_000 });
    db.down = false;
    await vi.waitFor(() => expect(states).toEqual([false, true]));
    const pings = ping.mock.calls.length;
    expect(await auth("good")).toBeNull();
    await new Promise((r) => setTimeout(r, 70));
    expect(ping).toHaveBeenCalledTimes(pings); // no pinging once the database is back
  });

  it("shares what it looked up with sibling processes (by hash), and uses what they learned through an outage", async () => {
    const { db, lookup } = fakeDatabase();
    const shared: Array<[string, unknown]> = [];
    const first = createCachedAuthenticator(lookup, { onAnswer: (hash, value) => shared.push([hash, value]) });
    expect(await first("good")).toEqual(u1);
    expect(await first("bad")).toBeNull();
    expect(shared).toHaveLength(2);
    expect(shared.some(([hash]) => hash.includes("good"))).toBe(false); // never the key itself

    db.down = true;
    const sibling = createCachedAuthenticator(lookup);
    for (const [hash, value] of shared) sibling.learn(hash, value as typeof u1 | null);
    expect(await sibling("good")).toEqual(u1);
    expect(await sibling("bad")).toBeNull();
    await expect(sibling("never-seen")).rejects.toThrow(); // the proxy answers 503
  });

  it("treats a lookup slower than lookupTimeoutMs as an outage", async () => {
    let t = 0;
    let slow = false;
    const lookup = vi.fn((key: string) => (slow ? new Promise<never>(() => {}) : Promise.resolve(key === "good" ? u1 : null)));
    const states: boolean[] = [];
    const auth = createCachedAuthenticator(lookup, { ttlMs: 1_000, lookupTimeoutMs: 20, now: () => t, onDatabaseState: (reachable) => states.push(reachable) });
    expect(await auth("good")).toEqual(u1);
    slow = true;
    t = 5_000;
    expect(await auth("good")).toEqual(u1);
    expect(states).toEqual([false]);
  });
});
