// Money is counted in minor units (cents), as Stripe counts it. Currencies without minor units
// (JPY) count whole units: 1500 jpy is ¥1,500.

export const SUPPORTED_CURRENCIES = ["usd", "eur", "gbp", "cad", "aud", "nzd", "chf", "sek", "nok", "dkk", "jpy", "inr", "brl", "mxn", "sgd", "hkd", "pln"] as const;
export type Currency = (typeof SUPPORTED_CURRENCIES)[number];

export const isCurrency = (c: string): c is Currency => (SUPPORTED_CURRENCIES as readonly string[]).includes(c);

const ZERO_DECIMAL = new Set<string>(["jpy"]);

/** Digits after the decimal point: 2 for usd, 0 for jpy. */
export const minorDigits = (currency: string) => (ZERO_DECIMAL.has(currency) ? 0 : 2);

/** Stripe refuses charges below about 0.50 (USD, EUR…) or ¥50; a paid price must reach this many minor units. */
export const MINIMUM_CHARGE_MINOR = 50;
export const MAX_PRICE_MINOR = 99_999_999;
