// Trending: every like, rating, fork, comment and view adds weight·e^((t − epoch)/τ) to a prompt's
// score, stored as its natural log so it never overflows. Comparing stored scores at any moment is
// the same as comparing exponentially decayed sums (half-life 3 days), so the score never needs
// recomputing and can be indexed. Background jobs may later replace these weights.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";

/** 2026-01-01T00:00:00Z in seconds; any fixed instant works. */
export const TRENDING_EPOCH_SECONDS = 1767225600;
/** τ = half-life / ln 2, with a half-life of 3 days. */
export const TRENDING_TAU_SECONDS = 373947;

export const TRENDING_WEIGHTS = { create: 1, like: 3, rating: 2, fork: 5, comment: 1.5, view: 0.1 } as const;
export type TrendingEvent = keyof typeof TRENDING_WEIGHTS;

/** The log-space contribution of one event of this weight at this time. */
export function trendingTerm(weight: number, at: Date): number {
  return Math.log(weight) + (at.getTime() / 1000 - TRENDING_EPOCH_SECONDS) / TRENDING_TAU_SECONDS;
}

/** ln(e^a + e^b), computed without overflow. */
export function logAddExp(a: number, b: number): number {
  const hi = Math.max(a, b);
  return hi + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** Adds events to a prompt's score atomically (safe under concurrent bumps). */
export async function bumpTrending(db: DbOrTx, promptId: string, event: TrendingEvent, at = new Date(), times = 1) {
  const term = trendingTerm(TRENDING_WEIGHTS[event] * times, at);
  await db.$executeRaw`
    UPDATE "Prompt" SET "trendingScore" = GREATEST("trendingScore", ${term}::float8) + ln(1 + exp(-abs("trendingScore" - ${term}::float8)))
    WHERE id = ${promptId}`;
}

/** Takes back an event (an unlike): ln(e^a − e^b); never below the neutral 0. */
export async function unbumpTrending(db: DbOrTx, promptId: string, event: TrendingEvent, at: Date) {
  const term = trendingTerm(TRENDING_WEIGHTS[event], at);
  await db.$executeRaw`
    UPDATE "Prompt" SET "trendingScore" = CASE
      WHEN "trendingScore" <= ${term}::float8 + 1e-9 THEN 0
      ELSE "trendingScore" + ln(1 - exp(${term}::float8 - "trendingScore"))
    END
    WHERE id = ${promptId}`;
}
