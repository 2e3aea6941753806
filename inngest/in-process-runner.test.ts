import { Inngest, NonRetriableError } from "inngest";
import { afterEach, describe, expect, test, vi } from "vitest";
import { sendEvent } from "@/server/jobs/send-event";
import { createInProcessRunner, cronMatches, parseDuration, type InProcessRunner } from "./in-process-runner";

const inngest = new Inngest({ id: "runner-test" });
const quiet = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
let runner: InProcessRunner | undefined;
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  vi.clearAllMocks();
});

describe("in-process runner", () => {
  test("sendEvent without Inngest runs the matching functions in the background, and only those", async () => {
    const seen: unknown[] = [];
    const match = inngest.createFunction({ id: "match", triggers: [{ event: "capture/request.recorded" }] }, async ({ event }) => void seen.push(event.data));
    const wildcard = inngest.createFunction({ id: "wild", triggers: [{ event: "capture/*" }] }, async ({ event }) => void seen.push(`wild:${event.name}`));
    const other = inngest.createFunction({ id: "other", triggers: [{ event: "something/else" }] }, async () => void seen.push("other"));
    runner = createInProcessRunner({ functions: [match, wildcard, other], logger: quiet });
    runner.start();
    await sendEvent("capture/request.recorded", { captureIds: ["a"] });
    await runner.idle();
    expect(seen).toEqual([{ captureIds: ["a"] }, "wild:capture/request.recorded"]);
  });

  test("retries with backoff, and a retry skips steps that already succeeded", async () => {
    const calls = { first: 0, flaky: 0 };
    const backoff = vi.fn(() => 1);
    const fn = inngest.createFunction({ id: "flaky", triggers: [{ event: "t/flaky" }], retries: 3 }, async ({ step }) => {
      await step.run("first", () => ++calls.first);
      return step.run("flaky", () => {
        if (++calls.flaky < 3) throw new Error("not yet");
        return "ok";
      });
    });
    runner = createInProcessRunner({ functions: [fn], backoffMs: backoff, logger: quiet });
    runner.dispatch("t/flaky", {});
    await runner.idle();
    expect(calls).toEqual({ first: 1, flaky: 3 });
    expect(backoff.mock.calls).toEqual([[1], [2]]);
    expect(quiet.error).not.toHaveBeenCalled();
  });

  test("gives up after `retries` retries, and at once on NonRetriableError", async () => {
    let attempts = 0;
    let fatal = 0;
    const failing = inngest.createFunction({ id: "failing", triggers: [{ event: "t/fail" }], retries: 2 }, async () => {
      attempts++;
      throw new Error("boom");
    });
    const nonRetriable = inngest.createFunction({ id: "fatal", triggers: [{ event: "t/fail" }], retries: 5 }, async () => {
      fatal++;
      throw new NonRetriableError("bad input");
    });
    runner = createInProcessRunner({ functions: [failing, nonRetriable], backoffMs: () => 1, logger: quiet });
    runner.dispatch("t/fail", {});
    await runner.idle();
    expect(attempts).toBe(3);
    expect(fatal).toBe(1);
    expect(quiet.error).toHaveBeenCalledTimes(2);
  });

  test("step.sleep waits; unsupported step tools fail clearly", async () => {
    const order: string[] = [];
    const fn = inngest.createFunction({ id: "sleepy", triggers: [{ event: "t/sleep" }], retries: 0 }, async ({ step }) => {
      const started = Date.now();
      await step.sleep("nap", "20ms");
      order.push(`slept ${Date.now() - started >= 15}`);
      await step.waitForEvent("wait", { event: "t/other", timeout: "1s" });
    });
    runner = createInProcessRunner({ functions: [fn], logger: quiet });
    runner.dispatch("t/sleep", {});
    await runner.idle();
    expect(order).toEqual(["slept true"]);
    expect(String(quiet.error.mock.calls[0][0])).toContain("step.waitForEvent is not supported");
  });

  test("cron triggers fire on their schedule", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      vi.setSystemTime(new Date(2026, 0, 5, 9, 59, 30));
      const ticks: unknown[] = [];
      const fn = inngest.createFunction({ id: "hourly", triggers: [{ cron: "0 * * * *" }] }, async ({ event }) => void ticks.push(event.data));
      runner = createInProcessRunner({ functions: [fn], logger: quiet });
      runner.start();
      await vi.advanceTimersByTimeAsync(31_000);
      expect(ticks).toEqual([{ cron: "0 * * * *" }]);
      await vi.advanceTimersByTimeAsync(59 * 60_000);
      expect(ticks).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(ticks).toHaveLength(2);
    } finally {
      await runner?.stop();
      runner = undefined;
      vi.useRealTimers();
    }
  });

  test("stop does not wait for background work: a run stops at its next step, within graceMs", async () => {
    const done: string[] = [];
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const long = inngest.createFunction({ id: "long", triggers: [{ event: "t/long" }], retries: 5 }, async ({ step }) => {
      for (let i = 0; i < 100; i++) await step.run(`item-${i}`, async () => void (await new Promise((r) => setTimeout(r, 20)), done.push(`item-${i}`)));
    });
    const stuck = inngest.createFunction({ id: "stuck", triggers: [{ event: "t/stuck" }] }, async ({ step }) => {
      await step.run("forever", () => blocked);
    });
    runner = createInProcessRunner({ functions: [long, stuck], logger: quiet });
    runner.dispatch("t/long", {});
    await new Promise((r) => setTimeout(r, 70));
    const started = Date.now();
    await runner.stop();
    expect(Date.now() - started).toBeLessThan(100); // only the step in progress finished
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(100);
    expect(quiet.error).not.toHaveBeenCalled();
    expect(quiet.info).toHaveBeenCalledWith("[jobs] stopped with 1 run(s) unfinished");

    runner = createInProcessRunner({ functions: [long, stuck], logger: quiet });
    runner.dispatch("t/stuck", {});
    const graceStarted = Date.now();
    await runner.stop({ graceMs: 100 });
    expect(Date.now() - graceStarted).toBeLessThan(1_000);
    release();
  });

  test("after stop, events are no longer dispatched to it", async () => {
    const fn = inngest.createFunction({ id: "x", triggers: [{ event: "capture/request.recorded" }] }, async () => {});
    runner = createInProcessRunner({ functions: [fn], logger: quiet });
    runner.start();
    await runner.stop();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await sendEvent("capture/request.recorded", { captureIds: ["a"] });
    expect(String(warn.mock.calls[0][0])).toContain("dropped");
    warn.mockRestore();
  });
});

test("cron expressions and durations", () => {
  const at = (h: number, m: number, day = 5) => new Date(2026, 0, day, h, m); // 2026-01-05 is a Monday
  expect(cronMatches("*/15 * * * *", at(3, 45))).toBe(true);
  expect(cronMatches("*/15 * * * *", at(3, 46))).toBe(false);
  expect(cronMatches("0 9-17 * * 1-5", at(9, 0))).toBe(true);
  expect(cronMatches("0 9-17 * * 1-5", at(9, 0, 4))).toBe(false);
  expect(cronMatches("30 2 1,15 * *", at(2, 30, 15))).toBe(true);
  expect(cronMatches("TZ=UTC 0 0 * * 0", at(0, 0, 4))).toBe(true);
  expect(() => cronMatches("* * *", at(0, 0))).toThrow(/five fields/);
  expect(parseDuration("1h30m")).toBe(5_400_000);
  expect(parseDuration(250)).toBe(250);
  expect(() => parseDuration("soon")).toThrow();
});
