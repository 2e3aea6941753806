import { describe, expect, it } from "vitest";
import { formatMoney, platformFee } from "./money";

describe("money", () => {
  it("formats minor units, whole units for currencies without cents", () => {
    expect(formatMoney(1200, "usd")).toBe("$12.00");
    expect(formatMoney(999, "eur")).toBe("€9.99");
    expect(formatMoney(500, "jpy")).toBe("¥500");
  });

  it("takes the platform fee to the nearest minor unit", () => {
    expect(platformFee(1200, 20)).toBe(240);
    expect(platformFee(999, 20)).toBe(200);
    expect(platformFee(0, 20)).toBe(0);
    expect(platformFee(1000, 0)).toBe(0);
  });
});
