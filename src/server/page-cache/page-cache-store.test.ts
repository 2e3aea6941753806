import { describe, expect, test } from "vitest";
import { toNonceBody } from "./nonce-body";
import { createPageCacheStore, type CachedResponse } from "./page-cache-store";

let clock = 0;
const entry = (text: string): CachedResponse => ({ status: 200, headers: [], body: toNonceBody(Buffer.from(text), null), views: [], storedAt: clock });
const store = (ttlMs = 5_000, maxBytes = 1_000_000) => createPageCacheStore({ ttlMs, maxBytes, now: () => clock });

describe("the page cache's entries", () => {
  test("an entry answers for the TTL, and as the last render up to twice that", () => {
    clock = 0;
    const s = store();
    expect(s.set("/", entry("home"), s.generation())).toBe(true);
    clock = 4_999;
    expect(s.get("/")).toBeDefined();
    clock = 5_000;
    expect(s.get("/")).toBeUndefined();
    expect(s.getStale("/")).toBeDefined();
    clock = 10_000;
    expect(s.getStale("/")).toBeUndefined();
  });

  test("a write empties it, here or in another worker, and a render that began before it is not kept", () => {
    clock = 0;
    const s = store();
    s.set("/", entry("home"), s.generation());
    const renderStarted = s.generation();
    s.write("start");
    expect(s.get("/")).toBeUndefined();
    expect(s.getStale("/")).toBeUndefined();
    // While the write is in flight nothing is kept, even a render that began after it started.
    expect(s.set("/explore", entry("explore"), s.generation())).toBe(false);
    s.write("end");
    expect(s.set("/explore", entry("explore"), renderStarted)).toBe(false);
    expect(s.set("/explore", entry("explore"), s.generation())).toBe(true);

    s.write("start", "2");
    expect(s.get("/explore")).toBeUndefined();
    expect(s.set("/explore", entry("explore"), s.generation())).toBe(false);
    s.write("end", "2");
    expect(s.set("/explore", entry("explore"), s.generation())).toBe(true);
  });

  test("a worker that died mid-write stops holding the cache off when it is forgotten, or after a minute", () => {
    clock = 0;
    const s = store();
    s.write("start", "1");
    expect(s.set("/", entry("home"), s.generation())).toBe(false);
    s.forgetSource("1");
    expect(s.set("/", entry("home"), s.generation())).toBe(true);
    s.write("start", "2");
    expect(s.set("/", entry("home"), s.generation())).toBe(false);
    clock = 60_000;
    expect(s.set("/", entry("home"), s.generation())).toBe(true);
  });

  test("it holds at most maxBytes, dropping the oldest entries first; TTL 0 keeps nothing", () => {
    clock = 0;
    const s = store(5_000, 100);
    for (const key of ["a", "b", "c"]) s.set(key, entry("x".repeat(24)), s.generation());
    s.set("d", entry("y".repeat(24)), s.generation());
    s.set("e", entry("z".repeat(24)), s.generation());
    expect(s.get("a")).toBeUndefined();
    expect(s.get("e")).toBeDefined();
    expect(s.stats().bytes).toBeLessThanOrEqual(100);
    const off = store(0);
    expect(off.set("/", entry("home"), off.generation())).toBe(false);
  });
});
