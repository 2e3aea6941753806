// Amounts as people read them ("$12.00", "¥1,500"), the same on the server and in the browser.
import { minorDigits } from "./currencies";

export function formatMoney(minor: number, currency: string) {
  const major = minor / 10 ** minorDigits(currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(major);
}

/** What a price tag says: "Free" for 0, the amount otherwise. */
export const priceLabel = (minor: number, currency: string) => (minor === 0 ? "Free" : formatMoney(minor, currency));
