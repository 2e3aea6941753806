// The rate limits of the tRPC API and the capture proxy: which budgets a call draws on (its API
// key's, its user's, its client address's; each per minute) and the process's limiter, whose
// counts are shared with every other instance through the database, or Redis when REDIS_URL is set (batched-limiter.ts, limiter-store.ts).
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { processSingleton } from "@/server/process-singleton";
import { createBatchedLimiter, type BatchedLimiter, type LimitDecision } from "./batched-limiter";
import { callerLimits } from "./caller-limits";
import { env } from "@/env";
import { postgresLimiterStore, redisLimiterStore } from "./limiter-store";
import { planLimit, rateLimitConfig, type RateLimitConfig, type Surface } from "./rate-limit-plans";

export type { LimitDecision } from "./batched-limiter";

/** The process's limiter over `db` (the first caller's database: there is one per process). */
export function processRateLimiter(db: DbOrTx | (() => DbOrTx)): BatchedLimiter {
  return processSingleton("rate-limiter", () =>
    createBatchedLimiter({ store: env.REDIS_URL ? redisLimiterStore(env.REDIS_URL) : postgresLimiterStore(db), ...storeOutageLog(env.REDIS_URL ? "Redis" : "the database") }),
  );
}

/**
 * One log line when the store stops answering and one when it answers again, not one (with a
 * stack) per failed sync: syncs run every 100 ms, and an outage is already told by the proxy.
 */
function storeOutageLog(store: string) {
  let down = false;
  return {
    onStoreError: (error: unknown) => {
      if (down) return;
      down = true;
      console.error(`[rate-limits] could not sync counts with ${store} (${error instanceof Error ? error.message.trim().split("\n").pop() : String(error)}); counting locally meanwhile`);
    },
    onStoreOk: () => {
      if (!down) return;
      down = false;
      console.error(`[rate-limits] syncing counts with ${store} again`);
    },
  };
}

/** RATE_LIMITS as this process started with it (env is parsed on every read: not on a hot path). */
export const processRateLimitConfig = (): RateLimitConfig => processSingleton("rate-limit-config", rateLimitConfig);

/** Who a call comes from, as far as limits go. Any part may be missing (anonymous, a session, no address). */
export type LimitedCaller = { userId: string | null; apiKeyId: string | null; plan: string | null; keyLimitPerMinute: number | null; ip: string | null };

/** The budgets one call draws on. */
export function budgetsFor(config: RateLimitConfig, surface: Surface, caller: LimitedCaller): { key: string; limit: number }[] {
  const budgets: { key: string; limit: number }[] = [];
  if (!caller.userId && caller.ip && caller.ip !== "unknown") budgets.push({ key: `${surface}:ip:${caller.ip}`, limit: config.ip[surface] });
  if (caller.userId) budgets.push({ key: `${surface}:user:${caller.userId}`, limit: planLimit(config, caller.plan, surface) });
  if (caller.apiKeyId && caller.keyLimitPerMinute) budgets.push({ key: `${surface}:key:${caller.apiKeyId}`, limit: caller.keyLimitPerMinute });
  return budgets;
}

/** Checks (and counts) one proxied call; null when limits are off. Synchronous: the proxy's hot path. */
export function limitProxyCall(limiter: BatchedLimiter, caller: LimitedCaller, config = processRateLimitConfig()): LimitDecision | null {
  if (!config.enabled) return null;
  const budgets = budgetsFor(config, "proxy", caller);
  return budgets.length ? limiter.checkAll(budgets) : null;
}

/**
 * Checks (and counts) `points` tRPC calls (a batch counts each of its calls); null when limits are
 * off or there is nothing to count by. The caller's plan and key limit are cached (caller-limits.ts).
 */
export async function limitApiCall(
  db: DbOrTx,
  limiter: BatchedLimiter,
  input: { userId: string | null; apiKeyId: string | null; ip: string | null; points: number },
  config = processRateLimitConfig(),
): Promise<LimitDecision | null> {
  if (!config.enabled) return null;
  const limits = input.userId ? await callerLimits(db, input.userId, input.apiKeyId) : { plan: null, keyLimitPerMinute: null };
  const budgets = budgetsFor(config, "api", { ...input, ...limits });
  return budgets.length ? limiter.checkAll(budgets, input.points) : null;
}
