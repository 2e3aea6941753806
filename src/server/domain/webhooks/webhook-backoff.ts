// When a failed delivery is tried again: exponential backoff with jitter (±20 %), 30 s after the
// first failure, then ×4 each time up to 8 hours (30 s, 2 min, 8 min, 32 min, 2 h, 8 h, 8 h): 8
// attempts over about 19 hours, after which it is failed and waits for a person's Replay. Tests pass
// their own schedule.
export type WebhookRetryPolicy = { maxAttempts: number; delayMs: (failedAttempts: number) => number };

export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  maxAttempts: 8,
  delayMs: (failedAttempts) => Math.min(8 * 3_600_000, 30_000 * 4 ** (failedAttempts - 1)) * (0.8 + Math.random() * 0.4),
};
