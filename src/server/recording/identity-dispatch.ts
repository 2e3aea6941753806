// Announces stored captures (capture/request.recorded → prompt identity) without competing with
// live proxy traffic. Identity is background work that costs far more per capture than proxying
// (an embedding and several queries; with the embedded database all of it on the server's own
// event loop), so ids are collected and sent when the proxy has been quiet for `quietMs`, or once
// the oldest has waited `maxDelayMs`, in events of at most `maxIds` ids. Under continuous traffic
// identity therefore runs in bursts every `maxDelayMs`, never starved; when traffic pauses it
// catches up at once.
export type IdentityDispatcherOptions = {
  send: (captureIds: string[]) => unknown;
  quietMs?: number;
  maxDelayMs?: number;
  maxIds?: number;
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
};

export type IdentityDispatcher = {
  /** A proxied call started: postpone identity a little. */
  activity(): void;
  /** Ids of captures committed to the database. */
  stored(captureIds: string[]): void;
  /** Sends everything pending now. */
  flush(): void;
  close(): void;
};

export function createIdentityDispatcher(options: IdentityDispatcherOptions): IdentityDispatcher {
  const quietMs = options.quietMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  const maxIds = options.maxIds ?? 500;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[capture] ${message}`, error ?? ""));
  let pending: string[] = [];
  let oldest = 0;
  let lastActivity = 0;
  let timer: NodeJS.Timeout | null = null;

  const flush = () => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const ids = pending;
    pending = [];
    for (let i = 0; i < ids.length; i += maxIds) {
      Promise.resolve()
        .then(() => options.send(ids.slice(i, i + maxIds)))
        .catch((error: unknown) => log("could not announce stored captures", error));
    }
  };

  const check = () => {
    timer = null;
    if (!pending.length) return;
    const t = now();
    if (t - lastActivity >= quietMs || t - oldest >= maxDelayMs) return flush();
    schedule(Math.min(quietMs - (t - lastActivity), maxDelayMs - (t - oldest)));
  };

  function schedule(ms: number) {
    if (timer) return;
    timer = setTimeout(check, Math.max(1, ms));
    timer.unref?.();
  }

  return {
    activity() {
      lastActivity = now();
    },
    stored(captureIds) {
      if (!captureIds.length) return;
      if (!pending.length) oldest = now();
      pending.push(...captureIds);
      schedule(quietMs);
    },
    flush,
    close: flush,
  };
}
