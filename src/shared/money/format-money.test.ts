import { describe, expect, it } from "vitest";
import { formatMoney } from "./format-money";

describe("money", () => {
  it("formats minor units, whole units for currencies without cents", () => {
    expect(formatMoney(1200, "usd")).toBe("$12.00");
    expect(formatMoney(999, "eur")).toBe("€9.99");
    expect(formatMoney(500, "jpy")).toBe("¥500");
  });
});
