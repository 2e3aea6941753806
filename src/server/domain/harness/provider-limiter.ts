// At most N calls at a time to one provider from this process, shared by every batch running in it
// (two batches against the same provider share its limit). FIFO, so cells run in the order queued.
import "server-only";
import { processSingleton } from "@/server/process-singleton";

type Gate = { active: number; waiting: Array<() => void> };

export type ProviderLimiter = {
  /** Runs `task` once fewer than `limit` tasks of `key` are running. */
  run<T>(key: string, limit: number, task: () => Promise<T>): Promise<T>;
  /** Tasks of `key` running now (tests, status). */
  active(key: string): number;
};

export function createProviderLimiter(): ProviderLimiter {
  const gates = new Map<string, Gate>();
  return {
    async run(key, limit, task) {
      let gate = gates.get(key);
      if (!gate) gates.set(key, (gate = { active: 0, waiting: [] }));
      const g = gate;
      if (g.active >= limit) await new Promise<void>((resolve) => g.waiting.push(resolve));
      g.active++;
      try {
        return await task();
      } finally {
        g.active--;
        g.waiting.shift()?.();
        if (g.active === 0 && g.waiting.length === 0) gates.delete(key);
      }
    },
    active: (key) => gates.get(key)?.active ?? 0,
  };
}

/** The process's limiter (one per process, whatever copies of this module a bundler makes). */
export const providerLimiter = () => processSingleton("harness.provider-limiter", createProviderLimiter);
