import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { createIdentityDispatcher } from "./identity-dispatch";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const settle = () => vi.advanceTimersByTimeAsync(0);

test("sends stored ids once the proxy has been quiet, not while calls keep coming", async () => {
  const sent: string[][] = [];
  const d = createIdentityDispatcher({ send: (ids) => sent.push(ids), quietMs: 100, maxDelayMs: 10_000 });
  d.stored(["a", "b"]);
  for (let i = 0; i < 10; i++) {
    d.activity();
    await vi.advanceTimersByTimeAsync(50);
  }
  expect(sent).toEqual([]);
  await vi.advanceTimersByTimeAsync(100);
  await settle();
  expect(sent).toEqual([["a", "b"]]);
});

test("never waits longer than maxDelayMs under continuous traffic, and splits large backlogs", async () => {
  const sent: string[][] = [];
  const d = createIdentityDispatcher({ send: (ids) => sent.push(ids), quietMs: 100, maxDelayMs: 1_000, maxIds: 2 });
  d.stored(["a", "b", "c"]);
  for (let i = 0; i < 25 && !sent.length; i++) {
    d.activity();
    await vi.advanceTimersByTimeAsync(50);
  }
  expect(sent).toEqual([["a", "b"], ["c"]]);
});

test("flush sends everything pending at once (shutdown)", async () => {
  const sent: string[][] = [];
  const d = createIdentityDispatcher({ send: (ids) => sent.push(ids) });
  d.activity();
  d.stored(["x"]);
  d.flush();
  await settle();
  expect(sent).toEqual([["x"]]);
});

test("under continuous traffic sends at most busyIds of the oldest ids per maxDelayMs, never the whole backlog", async () => {
  const sent: string[][] = [];
  const d = createIdentityDispatcher({ send: (ids) => sent.push(ids), quietMs: 100, maxDelayMs: 1_000, maxIds: 10, busyIds: 3 });
  d.stored(["a", "b", "c", "d", "e", "f", "g"]);
  for (let i = 0; i < 50; i++) {
    d.activity();
    await vi.advanceTimersByTimeAsync(50);
  }
  // 2.5 s of traffic: two busy-time sends of three ids each, oldest first.
  expect(sent).toEqual([
    ["a", "b", "c"],
    ["d", "e", "f"],
  ]);
});

test("in a pause sends one event of maxIds per quietMs, and stops as soon as calls come in again", async () => {
  const sent: string[][] = [];
  const d = createIdentityDispatcher({ send: (ids) => sent.push(ids), quietMs: 100, maxDelayMs: 10_000, maxIds: 2 });
  d.stored(["a", "b", "c", "d", "e", "f"]);
  await vi.advanceTimersByTimeAsync(100);
  expect(sent).toEqual([["a", "b"]]);
  await vi.advanceTimersByTimeAsync(100);
  expect(sent).toEqual([
    ["a", "b"],
    ["c", "d"],
  ]);
  for (let i = 0; i < 10; i++) {
    d.activity();
    await vi.advanceTimersByTimeAsync(50);
  }
  expect(sent).toHaveLength(2);
  await vi.advanceTimersByTimeAsync(100);
  expect(sent.at(-1)).toEqual(["e", "f"]);
});

test("keeps at most maxPending ids, leaving the oldest to the identity sweep (logged once)", async () => {
  const sent: string[][] = [];
  const logged: string[] = [];
  const d = createIdentityDispatcher({ send: (ids) => sent.push(ids), quietMs: 100, maxPending: 3, maxIds: 10, log: (m) => logged.push(m) });
  d.activity();
  d.stored(["a", "b"]);
  d.stored(["c", "d"]);
  d.stored(["e"]);
  d.flush();
  await settle();
  expect(sent).toEqual([["c", "d", "e"]]);
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatch(/identity sweep/);
});
