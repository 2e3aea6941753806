// When the recorder retries a database write that failed: at most one retry pending at a time,
// each one waiting twice as long as the last (from initialMs up to maxMs), back to initialMs after
// a success. The timer is unref'd so a pending retry never keeps the process alive.
export type RetryBackoff = {
  /** Runs `retry` after the current delay unless a retry is pending already, then doubles the delay. */
  schedule(retry: () => void): void;
  /** Drops the pending retry, if any. */
  cancel(): void;
  /** Whether a retry is pending. */
  readonly pending: boolean;
  /** After a success: the next failure waits initialMs again. */
  reset(): void;
};

export function createRetryBackoff(initialMs: number, maxMs: number): RetryBackoff {
  let delay = initialMs;
  let timer: NodeJS.Timeout | null = null;

  return {
    schedule(retry) {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        retry();
      }, delay);
      timer.unref?.();
      delay = Math.min(delay * 2, maxMs);
    },
    cancel() {
      if (!timer) return;
      clearTimeout(timer);
      timer = null;
    },
    get pending() {
      return timer !== null;
    },
    reset() {
      delay = initialMs;
    },
  };
}
