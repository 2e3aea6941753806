// Where the rollups stand (AnalyticsState "rollup") and the UTC buckets they use: shared by the
// rollup, the retention and trending.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";

export const ROLLUP_STATE_ID = "rollup";
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const floorHour = (d: Date) => new Date(Math.floor(d.getTime() / HOUR_MS) * HOUR_MS);
export const floorDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);

/** Every hour before this is in UsageRollup; null before the first rollup. */
export async function rolledUpTo(db: DbOrTx): Promise<Date | null> {
  const state = await db.analyticsState.findUnique({ where: { id: ROLLUP_STATE_ID }, select: { rolledUpTo: true } });
  return state?.rolledUpTo ?? null;
}
