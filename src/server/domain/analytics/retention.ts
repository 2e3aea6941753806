// Retention of raw usage events: whole UTC days older than the retention (ANALYTICS_RETENTION_DAYS),
// and only those already rolled up (before AnalyticsState.rolledUpTo): dashboards read the rollups
// for them, which stay.
import "server-only";
import type { Db } from "@/server/db/prisma";
import { DAY_MS, floorDay, rolledUpTo } from "./rollup-state";

/** Deletes expired raw events; returns how many. Nothing before the first rollup. */
export async function deleteExpiredEvents(db: Db, opts: { now: Date; retentionDays: number }): Promise<number> {
  const upTo = await rolledUpTo(db);
  if (!upTo) return 0;
  const cutoff = floorDay(new Date(opts.now.getTime() - opts.retentionDays * DAY_MS));
  const before = new Date(Math.min(cutoff.getTime(), upTo.getTime()));
  return db.$executeRaw`DELETE FROM "UsageEvent" WHERE "at" < ${before}`;
}
