import { describe, expect, it } from "vitest";
import { platformFee } from "./platform-fee";

describe("money", () => {
  it("takes the platform fee to the nearest minor unit", () => {
    expect(platformFee(1200, 20)).toBe(240);
    expect(platformFee(999, 20)).toBe(200);
    expect(platformFee(0, 20)).toBe(0);
    expect(platformFee(1000, 0)).toBe(0);
  });
});
