import { expect, it } from "vitest";
import { createProviderLimiter } from "./provider-limiter";

it("runs at most `limit` tasks per key at once, in the order queued; keys do not share a limit", async () => {
  const limiter = createProviderLimiter();
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const task = (i: number) => async () => {
    started.push(i);
    running++;
    most = Math.max(most, running);
    await new Promise((r) => setTimeout(r, 5));
    running--;
    return i;
  };
  const a = Array.from({ length: 12 }, (_, i) => limiter.run("a", 3, task(i)));
  expect(limiter.active("a")).toBe(3);
  const b = limiter.run("b", 3, async () => limiter.active("b"));
  expect(await b).toBe(1);
  expect(await Promise.all(a)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  expect(most).toBe(3);
  expect(started).toEqual(Array.from({ length: 12 }, (_, i) => i));
  expect(limiter.active("a")).toBe(0);
});

it("a failing task frees its slot", async () => {
  const limiter = createProviderLimiter();
  await expect(limiter.run("a", 1, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  expect(await limiter.run("a", 1, async () => "next")).toBe("next");
});
