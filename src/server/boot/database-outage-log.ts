// The capture path notices that the database is down in two places (API key lookups and capture
// writes); this turns their reports into one log line when it goes and one when it is back (with how
// long it lasted), never a line per call, and says when it is back so spooled captures go in at once.
export type DatabaseStateReport = (reachable: boolean, error?: unknown) => void;

/** The gist of an error on one line: Prisma's messages end with the cause ("Can't reach database server at …"). */
function briefly(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error ?? "unknown error");
  const lines = text.split("\n").filter((l) => l.trim());
  return (lines.at(-1) ?? text).trim().slice(0, 200);
}

export function createDatabaseOutageLog(opts: { log: (line: string, reachable: boolean) => void; onReachable?: () => void; now?: () => number }): DatabaseStateReport {
  const now = opts.now ?? Date.now;
  let downSince: number | null = null;
  return (reachable, error) => {
    if (!reachable) {
      if (downSince !== null) return;
      downSince = now();
      opts.log(`database unreachable (${briefly(error)}): proxied calls go on for API keys seen before, their captures wait in the spool`, false);
      return;
    }
    if (downSince === null) return;
    opts.log(`database reachable again after ${((now() - downSince) / 1000).toFixed(1)} s: storing the spooled captures`, true);
    downSince = null;
    opts.onReachable?.();
  };
}
