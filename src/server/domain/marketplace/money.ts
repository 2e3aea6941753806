// Money in minor units (cents), as Stripe counts it. Currencies without minor units (JPY…) count whole units.

export const SUPPORTED_CURRENCIES = ["usd", "eur", "gbp", "cad", "aud", "nzd", "chf", "sek", "nok", "dkk", "jpy", "inr", "brl", "mxn", "sgd", "hkd", "pln"] as const;
export type Currency = (typeof SUPPORTED_CURRENCIES)[number];

const ZERO_DECIMAL = new Set<string>(["jpy"]);

/** Stripe refuses charges below about 0.50 (USD, EUR…) or ¥50; a paid price must reach this many minor units. */
export const MINIMUM_CHARGE_MINOR = 50;

export function formatMoney(minor: number, currency: string) {
  const major = ZERO_DECIMAL.has(currency) ? minor : minor / 100;
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(major);
}

/** The platform's cut of an amount, rounded to the nearest minor unit. */
export function platformFee(amountMinor: number, feePercent: number) {
  return Math.round((amountMinor * feePercent) / 100);
}
