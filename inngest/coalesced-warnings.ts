// During a database outage every job in flight fails each attempt with the same message, and a line
// per attempt floods the log (dozens of identical lines a second under traffic). The first warning
// of a kind is logged at once; the same kind within the next window is counted and logged as one line
// when the window closes (or at stop).

type Pending = { count: number; summary: (count: number) => string; timer: NodeJS.Timeout };

export function coalescedWarnings(log: (line: string) => void, windowMs = 10_000) {
  const pending = new Map<string, Pending>();
  const close = (key: string) => {
    const entry = pending.get(key);
    pending.delete(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    if (entry.count) log(entry.summary(entry.count));
  };
  return {
    /** Logs `line` unless a warning of this `key` was logged within the window; then counts it. */
    warn(key: string, line: string, summary: (count: number) => string) {
      const entry = pending.get(key);
      if (entry) {
        entry.count++;
        return;
      }
      log(line);
      const timer = setTimeout(() => close(key), windowMs);
      timer.unref();
      pending.set(key, { count: 0, summary, timer });
    },
    /** Logs every count still open. */
    flush() {
      for (const key of [...pending.keys()]) close(key);
    },
  };
}
