// Where rate-limit counts are shared between app instances: rate-limiter-flexible's
// RateLimiterPostgres on the `rate_limits` table (created by a migration, hence tableCreated), or
// its RateLimiterRedis when REDIS_URL is set.
// Counts are per one-minute window; the limit itself is decided by the caller (limits differ per
// plan and key), so the store only adds points (`penalty`, which never refuses) and says the total.
import "server-only";
import { Redis } from "ioredis";
import { RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { DbOrTx } from "@/server/db/prisma";
import { prismaStoreClient } from "./prisma-store-client";
import { RATE_LIMIT_WINDOW_MS } from "./rate-limit-plans";

/** What the batched limiter needs from a store: add points to a key, get the window's total and end. */
export type LimiterStore = {
  add(key: string, points: number): Promise<{ consumed: number; msBeforeReset: number }>;
};

export function postgresLimiterStore(db: DbOrTx | (() => DbOrTx)): LimiterStore {
  const limiter = new RateLimiterPostgres({
    storeClient: prismaStoreClient(db),
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    // Not used to refuse (see above), only required by the library.
    points: 1_000_000_000,
    duration: RATE_LIMIT_WINDOW_MS / 1000,
    // Expired rows are deleted by the library every 5 minutes (an hour after they expire).
    clearExpiredByTimeout: true,
  });
  return storeOver(limiter);
}

/**
 * Counts in Redis (`url`): one key per budget that expires with its window. ioredis queues commands
 * while it (re)connects; a failed `add` leaves the batched limiter counting locally meanwhile.
 */
export function redisLimiterStore(url: string): LimiterStore & { close(): Promise<void> } {
  const client = new Redis(url, { enableOfflineQueue: true, maxRetriesPerRequest: 1, lazyConnect: false });
  // Connection errors are reported by the failed adds (onStoreError); without a listener ioredis would print each retry.
  client.on("error", () => {});
  const limiter = new RateLimiterRedis({ storeClient: client, keyPrefix: "promptuary-rl", points: 1_000_000_000, duration: RATE_LIMIT_WINDOW_MS / 1000 });
  return { ...storeOver(limiter), close: async () => void (await client.quit().catch(() => client.disconnect())) };
}

function storeOver(limiter: RateLimiterAbstract): LimiterStore {
  return {
    async add(key, points) {
      const res = await limiter.penalty(key, points);
      return { consumed: res.consumedPoints, msBeforeReset: res.msBeforeNext < 0 ? RATE_LIMIT_WINDOW_MS : res.msBeforeNext };
    },
  };
}
