import { describe, expect, it } from "vitest";
import { lowerErrorRate } from "./error-rate-difference";

describe("lowerErrorRate", () => {
  it("names the version with significantly fewer errors", () => {
    expect(lowerErrorRate({ calls: 1000, errors: 20 }, { calls: 1000, errors: 60 })).toBe("a");
    expect(lowerErrorRate({ calls: 1000, errors: 60 }, { calls: 1000, errors: 20 })).toBe("b");
  });
  it("says nothing when the difference may be chance or there is no data", () => {
    expect(lowerErrorRate({ calls: 20, errors: 1 }, { calls: 20, errors: 3 })).toBeNull();
    expect(lowerErrorRate({ calls: 1000, errors: 50 }, { calls: 1000, errors: 55 })).toBeNull();
    expect(lowerErrorRate({ calls: 0, errors: 0 }, { calls: 10, errors: 1 })).toBeNull();
    expect(lowerErrorRate({ calls: 10, errors: 0 }, { calls: 10, errors: 0 })).toBeNull();
  });
});
