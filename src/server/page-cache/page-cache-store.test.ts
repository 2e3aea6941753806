import { describe, expect, test } from "vitest";
import { toNonceBody } from "./nonce-body";
import { createPageCacheStore, type CachedResponse } from "./page-cache-store";

let clock = 0;
const entry = (text: string, renderedFrom = clock): CachedResponse => ({ status: 200, headers: [], body: toNonceBody(Buffer.from(text), null), views: [], renderedFrom, storedAt: clock });
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
    // An idle server does not hold what it can no longer serve.
    s.set("/a", entry("a"), s.generation());
    clock = 20_000;
    expect(s.sweep()).toBe(1);
    expect(s.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  test("says a signed-in write is in flight from its start, here or in another worker, until it ends; anonymous writes never", () => {
    clock = 0;
    const s = store();
    expect(s.writing()).toBe(false);
    s.write("start", undefined, true, true);
    expect(s.writing()).toBe(true);
    s.write("end", undefined, false, true);
    expect(s.writing()).toBe(false);
    s.write("start", "2", true, true);
    expect(s.writing()).toBe(true);
    s.write("end", "2", true, true);
    expect(s.writing()).toBe(false);
    s.write("start");
    s.write("start", "2");
    expect(s.writing()).toBe(false);
    s.write("end", undefined, false);
    s.write("end", "2", false);
    // A worker that died mid-write no longer holds it.
    s.write("start", "3", true, true);
    s.forgetSource("3");
    expect(s.writing()).toBe(false);
  });

  test("a sweep of an idle server drops what is past its TTL; under traffic the stale entry stays for the crowd", () => {
    clock = 0;
    const s = store();
    s.set("/old", entry("older"), s.generation());
    clock = 3_000;
    s.set("/new", entry("new"), s.generation());
    clock = 6_000;
    expect(s.sweep()).toBe(0);
    expect(s.stats().entries).toBe(2);
    expect(s.sweep({ idle: true })).toBe("older".length);
    expect(s.stats()).toMatchObject({ entries: 1, bytes: "new".length });
    expect(s.get("/new")).toBeDefined();
  });

  test("a write empties it when it ends, here or in another worker, and a render that began before it is not kept", () => {
    clock = 0;
    const s = store();
    s.set("/", entry("home"), s.generation());
    const renderStarted = s.generation();
    s.write("start");
    // Until it commits, what was rendered before it is still what is stored.
    expect(s.get("/")).toBeDefined();
    // While the write is in flight nothing is kept, even a render that began after it started.
    expect(s.set("/explore", entry("explore"), s.generation())).toBe(false);
    s.write("end");
    expect(s.get("/")).toBeUndefined();
    expect(s.getStale("/")).toBeUndefined();
    expect(s.set("/explore", entry("explore"), renderStarted)).toBe(false);
    expect(s.set("/explore", entry("explore"), s.generation())).toBe(true);

    s.write("start", "2");
    expect(s.set("/explore", entry("explore"), s.generation())).toBe(false);
    s.write("end", "2");
    expect(s.get("/explore")).toBeUndefined();
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

  test("an entry another worker kept is taken unless a write here is newer than its render, or a newer render is here", () => {
    clock = 100;
    const s = store();
    expect(s.setShared("/", entry("home", 90))).toBe(true);
    expect(s.get("/")?.body.parts.join("")).toBe("home");
    // An older render of the same key does not replace a newer one.
    expect(s.setShared("/", entry("older", 80))).toBe(false);
    expect(s.setShared("/", entry("newer", 95))).toBe(true);
    // A write heard of at 200: renders that started before it are refused, later ones taken.
    clock = 200;
    s.write("start", "2");
    clock = 210;
    expect(s.setShared("/explore", entry("during", 205))).toBe(false);
    s.write("end", "2");
    expect(s.setShared("/explore", entry("before the end", 205))).toBe(false);
    clock = 220;
    expect(s.setShared("/explore", entry("after", 215))).toBe(true);
    expect(store(0).setShared("/", entry("home", 0))).toBe(false);
  });

  test("a write that was refused or failed holds the cache off while in flight but does not empty it", () => {
    clock = 0;
    const s = store();
    s.set("/", entry("home"), s.generation());
    const before = s.generation();
    s.write("start", "2");
    s.write("end", "2", false);
    expect(s.get("/")).toBeDefined();
    // A render that overlapped it is still not kept (its outcome was not known when it started).
    expect(s.set("/explore", entry("explore"), before)).toBe(false);
    s.write("start");
    s.write("end", undefined, false);
    expect(s.get("/")).toBeDefined();
  });
});
