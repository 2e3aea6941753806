// Announces stored captures (capture/request.recorded → prompt identity) without competing with
// live proxy traffic. Identity is background work that costs far more per capture than proxying
// (several queries and at times an embedding: measured by bench:proxy at 15-20 ms of server CPU per
// capture with the embedded database, against well under 1 ms for proxying the call; with one
// process all of it on the event loop the proxy answers on), so it must not take the proxy's time
// while calls come in:
// - When the proxy has been quiet for `quietMs`, pending ids are sent `maxIds` at a time, one event
//   every `quietMs`, as long as it stays quiet (a pause in traffic catches up, but a call arriving
//   meets at most one event's work, not the whole backlog).
// - Under continuous traffic, at most `busyIds` of the oldest ids are sent every `maxDelayMs`, so
//   identity keeps a small, bounded share and is never starved.
// - At most `maxPending` ids wait in memory; beyond that the oldest are dropped here, not lost: they
//   stay pending in the database, where the identity sweep (capture-identify-sweep) re-queues them.
export type IdentityDispatcherOptions = {
  send: (captureIds: string[]) => unknown;
  quietMs?: number;
  maxDelayMs?: number;
  maxIds?: number;
  busyIds?: number;
  maxPending?: number;
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

/** Ids per event when everything pending is sent at once (flush, close). */
const FLUSH_IDS = 500;

export function createIdentityDispatcher(options: IdentityDispatcherOptions): IdentityDispatcher {
  const quietMs = options.quietMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  const maxIds = options.maxIds ?? 10;
  const busyIds = options.busyIds ?? 50;
  const maxPending = options.maxPending ?? 100_000;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[capture] ${message}`, error ?? ""));
  let pending: string[] = [];
  /** When the oldest pending id arrived, or the last busy-time event was sent (whichever is later). */
  let oldest = 0;
  let lastActivity = 0;
  let timer: NodeJS.Timeout | null = null;
  let warnedDropping = false;

  const send = (ids: string[], perEvent: number) => {
    for (let i = 0; i < ids.length; i += perEvent) {
      const slice = ids.slice(i, i + perEvent);
      Promise.resolve()
        .then(() => options.send(slice))
        .catch((error: unknown) => log("could not announce stored captures", error));
    }
  };

  const flush = () => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const ids = pending;
    pending = [];
    // Shutdown hands everything over at once, as larger events.
    send(ids, Math.max(maxIds, FLUSH_IDS));
  };

  const check = () => {
    timer = null;
    if (!pending.length) return;
    const t = now();
    if (t - lastActivity >= quietMs) {
      send(pending.splice(0, maxIds), maxIds);
      oldest = t;
    } else if (t - oldest >= maxDelayMs) {
      send(pending.splice(0, busyIds), maxIds);
      oldest = t;
    }
    if (!pending.length) return;
    const sinceActivity = now() - lastActivity;
    schedule(sinceActivity >= quietMs ? quietMs : Math.min(quietMs - sinceActivity, maxDelayMs - (now() - oldest)));
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
      for (const id of captureIds) pending.push(id);
      if (pending.length > maxPending) {
        if (!warnedDropping) log(`over ${maxPending} captures wait for identity under load; the oldest are left to the identity sweep`);
        warnedDropping = true;
        pending.splice(0, pending.length - maxPending);
      } else warnedDropping = false;
      schedule(quietMs);
    },
    flush,
    close: flush,
  };
}
