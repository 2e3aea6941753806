// Counts in one locale (en-US), so server and browser render the same text.
const integer = new Intl.NumberFormat("en-US");

/** 1,234,567 */
export const formatInteger = (n: number) => integer.format(n);

/** A compact count: 999, 1.2k, 12k, 1.2M. */
export function compactNumber(n: number) {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${n < 10_000 ? (Math.floor(n / 100) / 10).toString() : Math.floor(n / 1000)}k`;
  return `${Math.floor(n / 100_000) / 10}M`;
}
