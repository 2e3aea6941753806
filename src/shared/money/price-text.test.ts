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

  it("takes a decimal comma as well as a decimal point", () => {
    expect(parseMajorPrice("4,50", "usd")).toEqual({ ok: true, minor: 450 });
    expect(parseMajorPrice("4,5", "eur")).toEqual({ ok: true, minor: 450 });
    expect(parseMajorPrice("4.50", "usd")).toEqual({ ok: true, minor: 450 });
    expect(parseMajorPrice("1.234,56 €", "eur")).toEqual({ ok: true, minor: 123456 });
    expect(parseMajorPrice("1,234.56", "usd")).toEqual({ ok: true, minor: 123456 });
    expect(parseMajorPrice("1 234,50", "eur")).toEqual({ ok: true, minor: 123450 });
    expect(parseMajorPrice("1\u202f234,50", "eur")).toEqual({ ok: true, minor: 123450 });
    expect(parseMajorPrice("1,200", "usd")).toEqual({ ok: true, minor: 120000 });
    expect(parseMajorPrice("1,234,567", "jpy")).toEqual({ ok: true, minor: 1234567 });
    expect(parseMajorPrice("1.500", "jpy")).toEqual({ ok: true, minor: 1500 });
    expect(parseMajorPrice("12.", "usd")).toEqual({ ok: true, minor: 1200 });
    expect(parseMajorPrice("USD 9.99", "usd")).toEqual({ ok: true, minor: 999 });
  });

  it("refuses separators that make no sense instead of guessing", () => {
    expect(parseMajorPrice("4,50,1", "usd")).toMatchObject({ ok: false });
    expect(parseMajorPrice("1,2,3", "usd")).toMatchObject({ ok: false });
    expect(parseMajorPrice("12,34.5,6", "usd")).toMatchObject({ ok: false });
    expect(parseMajorPrice("12.3456", "usd")).toMatchObject({ ok: false, error: expect.stringContaining("at most 2 decimals") });
    expect(parseMajorPrice("15,5", "jpy")).toMatchObject({ ok: false, error: expect.stringContaining("no minor units") });
    expect(parseMajorPrice("4.5a", "usd")).toMatchObject({ ok: false });
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

describe("parseMajorPrice: what QA typed", () => {
  it("does not read a leading 0 as a thousands group", () => {
    expect(parseMajorPrice("0,001", "usd").ok).toBe(false);
    expect(parseMajorPrice("0,50", "usd")).toEqual({ ok: true, minor: 50 });
  });

  it("refuses another currency's symbol instead of ignoring it, and accepts its own", () => {
    const euro = parseMajorPrice("€4,50", "usd");
    expect(euro.ok).toBe(false);
    expect(!euro.ok && euro.error).toMatch(/priced in USD.*"€"/);
    expect(parseMajorPrice("$4.50", "usd")).toEqual({ ok: true, minor: 450 });
    expect(parseMajorPrice("4,50 €", "eur")).toEqual({ ok: true, minor: 450 });
    expect(parseMajorPrice("4.50 USD", "usd")).toEqual({ ok: true, minor: 450 });
    expect(parseMajorPrice("-3", "usd").ok).toBe(false);
  });
});
