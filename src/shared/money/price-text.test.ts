import { describe, expect, it } from "vitest";
import { minorToMajorText, parseMajorPrice } from "./price-text";

describe("price text", () => {
  it("reads what sellers type into minor units", () => {
    expect(parseMajorPrice("12", "usd")).toEqual({ ok: true, minor: 1200 });
    expect(parseMajorPrice("12.5", "usd")).toEqual({ ok: true, minor: 1250 });
    expect(parseMajorPrice("$1,200.00", "usd")).toEqual({ ok: true, minor: 120000 });
    expect(parseMajorPrice("1500", "jpy")).toEqual({ ok: true, minor: 1500 });
    expect(parseMajorPrice("0", "eur")).toEqual({ ok: true, minor: 0 });
  });

  it("refuses what Stripe would refuse, saying why", () => {
    expect(parseMajorPrice("0.20", "usd")).toMatchObject({ ok: false, error: expect.stringContaining("at least $0.50") });
    expect(parseMajorPrice("12.345", "usd")).toMatchObject({ ok: false, error: expect.stringContaining("at most 2 decimals") });
    expect(parseMajorPrice("15.5", "jpy")).toMatchObject({ ok: false, error: expect.stringContaining("no minor units") });
    expect(parseMajorPrice("", "usd")).toMatchObject({ ok: false });
    expect(parseMajorPrice("-5", "usd")).toMatchObject({ ok: false, error: expect.stringContaining("cannot be negative") });
    expect(parseMajorPrice("$-5", "usd")).toMatchObject({ ok: false, error: expect.stringContaining("cannot be negative") });
  });

  it("writes minor units back as the seller would type them", () => {
    expect(minorToMajorText(1200, "usd")).toBe("12.00");
    expect(minorToMajorText(1500, "jpy")).toBe("1500");
    expect(minorToMajorText(0, "usd")).toBe("0");
  });
});
