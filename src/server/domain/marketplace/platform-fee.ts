// The marketplace's cut of a sale (PLATFORM_FEE_PERCENT), in minor units.

/** The platform's cut of an amount, rounded to the nearest minor unit. */
export function platformFee(amountMinor: number, feePercent: number) {
  return Math.round((amountMinor * feePercent) / 100);
}
