// Several replicas on one PostgreSQL server without Inngest each run their own in-process runner.
// The events a replica sends run in that replica, which is sound; but two things must not happen
// once per replica: the cron schedules (they would all fire in the same minute) and the start-up
// sweeps (at one replica's start they would re-queue work the other live replicas are doing: a
// harness batch running elsewhere would run twice, calling its providers twice). So each replica
// keeps one dedicated connection that holds a shared advisory lock ("a replica is running", so a
// starting replica can count the others) and tries for an exclusive one ("runs the schedules").
// The holder of the latter alone runs the schedules; when it stops or dies, PostgreSQL drops its
// locks with its connection and another replica takes them within `retryMs`. Start-up sweeps run
// only on a replica that starts alone. With Inngest none of this is used: Inngest runs each cron
// once. After an outage of this connection a replica that led keeps its schedules running while
// another may take the lock: both then run them (each schedule is safe to run twice, only wasteful)
// until one restarts; that is logged.
import "server-only";
import pg from "pg";

/** Advisory lock keys (two-int form: our namespace, then the lock). */
const NAMESPACE = 0x5051; // "PQ"
const RUNNING = 1;
const SCHEDULES = 2;

export type ScheduleLeader = {
  /** Whether this replica runs the schedules. */
  readonly leading: boolean;
  /** How many other replicas are connected to this database now. */
  othersRunning(): Promise<number>;
  /** Releases the locks (they also go with the process). */
  close(): Promise<void>;
};

export type JoinReplicasOptions = {
  /** Called once, when this replica starts running the schedules (at once, or after the holder left). */
  onLead: () => void;
  /** How often a replica that does not lead tries for the lock, and reconnects after a lost connection. */
  retryMs?: number;
  log?: (line: string) => void;
};

export async function joinReplicas(url: string, opts: JoinReplicasOptions): Promise<ScheduleLeader> {
  const retryMs = opts.retryMs ?? 10_000;
  const log = opts.log ?? ((line: string) => console.log(line));
  let client: pg.Client | null = null;
  let leading = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let quiet = false; // after the first connection or the first failure, retries say nothing

  const later = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void tick();
    }, retryMs);
    timer.unref();
  };

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: url, application_name: "promptuary schedule leader" });
    // A lost connection is retried quietly: the database outage is logged once by the capture path.
    c.on("error", () => {
      if (closed || client !== c) return;
      client = null;
      later();
    });
    await c.connect();
    await c.query("SELECT pg_advisory_lock_shared($1, $2)", [NAMESPACE, RUNNING]);
    return c;
  }

  async function tick() {
    if (closed) return;
    try {
      const reconnected = !client && leading;
      client ??= await connect();
      quiet = true;
      if (!leading || reconnected) {
        const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [NAMESPACE, SCHEDULES]);
        if (rows[0]?.ok && !leading) {
          leading = true;
          opts.onLead();
        } else if (!rows[0]?.ok && reconnected) {
          log("[jobs] another replica took the schedules while this one was cut off: both run them until this one restarts");
        }
      }
    } catch (error) {
      const failed = client;
      client = null;
      await failed?.end().catch(() => {});
      if (!quiet) log(`[jobs] replica lock: ${(error as Error).message}; trying again every ${retryMs / 1000} s`);
      quiet = true;
    }
    if (!leading || !client) later();
  }

  await tick();
  return {
    get leading() {
      return leading;
    },
    async othersRunning() {
      if (!client) throw new Error("no connection to count replicas on");
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(DISTINCT pid)::int AS n FROM pg_locks
         WHERE locktype = 'advisory' AND granted AND classid = $1 AND objid = $2 AND objsubid = 2
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND pid <> pg_backend_pid()`,
        [NAMESPACE, RUNNING],
      );
      return rows[0]?.n ?? 0;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
