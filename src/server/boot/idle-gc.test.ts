import { afterEach, describe, expect, test, vi } from "vitest";
import { startIdleGc } from "./idle-gc";

afterEach(() => void vi.useRealTimers());

describe("the collection after a burst of traffic", () => {
  test("runs once per quiet spell after traffic, never while requests come, never when nothing happened", () => {
    vi.useFakeTimers();
    let clock = 0;
    const collect = vi.fn();
    const gc = startIdleGc({ idleMs: 10_000, checkMs: 1_000, now: () => clock, collect });
    const advance = (ms: number) => {
      for (let t = 0; t < ms; t += 1_000) {
        clock += 1_000;
        vi.advanceTimersByTime(1_000);
      }
    };
    advance(30_000);
    expect(collect).not.toHaveBeenCalled();
    for (let i = 0; i < 20; i++) {
      gc.touch();
      advance(5_000);
    }
    expect(collect).not.toHaveBeenCalled();
    advance(10_000);
    expect(collect).toHaveBeenCalledTimes(1);
    advance(60_000);
    expect(collect).toHaveBeenCalledTimes(1);
    gc.touch();
    advance(11_000);
    expect(collect).toHaveBeenCalledTimes(2);
    // Memory let go during the quiet spell (the page cache's last entries): collected once more.
    advance(20_000);
    gc.released();
    advance(2_000);
    expect(collect).toHaveBeenCalledTimes(3);
    advance(30_000);
    expect(collect).toHaveBeenCalledTimes(3);
    gc.stop();
  });
});
