import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { coalescedWarnings } from "./coalesced-warnings";

describe("coalesced warnings", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test("the first of a kind at once, the rest of the window as one count; other kinds apart", () => {
    const lines: string[] = [];
    const warnings = coalescedWarnings((line) => lines.push(line), 10_000);
    const summary = (n: number) => `${n} more`;
    for (let i = 0; i < 25; i++) warnings.warn("job|db down", `job failed (db down) #${i}`, summary);
    warnings.warn("job|timeout", "job failed (timeout)", summary);
    expect(lines).toEqual(["job failed (db down) #0", "job failed (timeout)"]);
    vi.advanceTimersByTime(10_000);
    expect(lines).toEqual(["job failed (db down) #0", "job failed (timeout)", "24 more"]);
    // A new window opens with the next one.
    warnings.warn("job|db down", "job failed (db down) again", summary);
    warnings.warn("job|db down", "job failed (db down) again", summary);
    warnings.flush();
    expect(lines.slice(3)).toEqual(["job failed (db down) again", "1 more"]);
  });
});
