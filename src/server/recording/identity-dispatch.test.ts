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
