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

/**
 * What a seller types, read the way they meant it: "12", "12.5", "4,50" (decimal comma),
 * "$1,200.00", "1.200,00 €", "1 200,50" → minor units; a readable error otherwise.
 *
 * The decimal separator is the last of "." and "," when both appear; a lone separator followed by
 * one or two digits is decimal; a comma followed by three digits groups thousands ("1,200"). A lone
 * dot before three digits ("12.345") is ambiguous and refused with the expected shape.
 */
export function parseMajorPrice(text: string, currency: string): ParsedPrice {
  const digits = minorDigits(currency);
  const shape = digits ? `Enter the price like 12.00 or 12,00 (at most ${digits} decimals).` : `${currency.toUpperCase()} has no minor units: enter a whole number like 1500.`;
  const compact = text.trim().replace(/[\s\u00a0\u202f']/g, "");
  const cleaned = compact.replace(/^[^\d.,-]+/, "").replace(/(?:[A-Za-z]{3}|[^\w.,])+$/, "");
  // "€4,50" in a USD listing is a mistake, not 4.50 dollars: only this currency's marks are dropped.
  const foreign = foreignCurrencyMark(compact, cleaned, currency);
  if (foreign) return { ok: false, error: `This listing is priced in ${currency.toUpperCase()}: enter the amount without "${foreign}", or change the currency.` };
  if (!cleaned) return { ok: false, error: "Enter a price, or 0 to give it away free." };
  if (cleaned.startsWith("-")) return { ok: false, error: "A price cannot be negative. Enter 0 to give it away free." };
  const normalized = withDotDecimal(cleaned, digits);
  if (normalized === null) return { ok: false, error: shape };
  const pattern = digits ? /^(\d+)(?:\.(\d{0,2}))?$/ : /^(\d+)$/;
  const m = pattern.exec(normalized);
  if (!m) return { ok: false, error: shape };
  const minor = Number(m[1]) * 10 ** digits + (digits ? Number((m[2] ?? "").padEnd(digits, "0")) : 0);
  if (minor > MAX_PRICE_MINOR) return { ok: false, error: `The highest price is ${formatMoney(MAX_PRICE_MINOR, currency)}.` };
  if (minor > 0 && minor < MINIMUM_CHARGE_MINOR)
    return { ok: false, error: `A paid price must be at least ${formatMoney(MINIMUM_CHARGE_MINOR, currency)} (Stripe's minimum charge). Enter 0 to make it free.` };
  return { ok: true, minor };
}

/** What surrounds the number, when it is not this currency's symbol or code (nor a minus sign). */
function foreignCurrencyMark(compact: string, cleaned: string, currency: string): string | null {
  const at = cleaned ? compact.indexOf(cleaned) : compact.length;
  const marks = [compact.slice(0, at), compact.slice(at + cleaned.length)].map((m) => m.replace(/^-/, "")).filter(Boolean);
  const own = new Set([currency.toLowerCase(), ...currencySymbols(currency)]);
  return marks.find((m) => !own.has(m.toLowerCase())) ?? null;
}

function currencySymbols(currency: string): string[] {
  return (["symbol", "narrowSymbol"] as const).map(
    (currencyDisplay) =>
      new Intl.NumberFormat("en", { style: "currency", currency, currencyDisplay }).formatToParts(1).find((p) => p.type === "currency")?.value.toLowerCase() ?? "",
  );
}

/** "1.234,56" → "1234.56", "4,50" → "4.50", "1,200" → "1200"; null when the separators make no sense. */
function withDotDecimal(text: string, minorDigitCount: number): string | null {
  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  let decimal: "." | "," | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? "." : ",";
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? "." : ",";
    const count = text.split(sep).length - 1;
    const after = text.length - text.lastIndexOf(sep) - 1;
    if (count > 1) decimal = null;
    else if (after === 3) {
      // "1,200" groups thousands; "12.345" could be either, unless the currency has no decimals.
      if (sep === "." && minorDigitCount > 0) return null;
      decimal = null;
    } else decimal = sep;
  }
  const grouping = decimal === "." ? "," : decimal === "," ? "." : text.includes(",") ? "," : ".";
  const [whole, fraction, ...rest] = decimal ? text.split(decimal) : [text];
  if (rest.length) return null;
  // A group never starts with 0: "0,001" is not a thousand.
  if (whole.includes(grouping) && !/^[1-9]\d{0,2}(?:[.,]\d{3})+$/.test(whole)) return null;
  if (fraction !== undefined && /[.,]/.test(fraction)) return null;
  const plainWhole = whole.split(grouping).join("");
  return fraction === undefined ? plainWhole : `${plainWhole}.${fraction}`;
}
