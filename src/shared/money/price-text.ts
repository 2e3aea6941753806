// Sellers type prices in major units ("12.00"); the API counts minor units (1200), except for
// currencies without minor units (JPY), where 1500 means ¥1,500.
import { MAX_PRICE_MINOR, MINIMUM_CHARGE_MINOR, minorDigits } from "./currencies";
import { formatMoney } from "./format-money";

/** 1200 usd → "12.00"; 1500 jpy → "1500"; 0 → "0". */
export function minorToMajorText(minor: number, currency: string) {
  if (minor === 0) return "0";
  const digits = minorDigits(currency);
  return digits ? (minor / 10 ** digits).toFixed(digits) : String(minor);
}

export type ParsedPrice = { ok: true; minor: number } | { ok: false; error: string };

/** "12", "12.5", "12.50", "$12.50", "1,200" → minor units; a readable error otherwise. */
export function parseMajorPrice(text: string, currency: string): ParsedPrice {
  const cleaned = text.trim().replace(/[\s,]/g, "").replace(/^[^\d.-]+/, "");
  if (!cleaned) return { ok: false, error: "Enter a price, or 0 to give it away free." };
  if (cleaned.startsWith("-")) return { ok: false, error: "A price cannot be negative. Enter 0 to give it away free." };
  const digits = minorDigits(currency);
  const pattern = digits ? /^(\d+)(?:\.(\d{0,2}))?$/ : /^(\d+)$/;
  const m = pattern.exec(cleaned);
  if (!m) {
    return {
      ok: false,
      error: digits
        ? `Enter the price like 12.00 (at most ${digits} decimals).`
        : `${currency.toUpperCase()} has no minor units: enter a whole number like 1500.`,
    };
  }
  const minor = Number(m[1]) * 10 ** digits + (digits ? Number((m[2] ?? "").padEnd(digits, "0")) : 0);
  if (minor > MAX_PRICE_MINOR) return { ok: false, error: `The highest price is ${formatMoney(MAX_PRICE_MINOR, currency)}.` };
  if (minor > 0 && minor < MINIMUM_CHARGE_MINOR)
    return { ok: false, error: `A paid price must be at least ${formatMoney(MINIMUM_CHARGE_MINOR, currency)} (Stripe's minimum charge). Enter 0 to make it free.` };
  return { ok: true, minor };
}
