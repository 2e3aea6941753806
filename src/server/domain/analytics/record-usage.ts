// Usage events (views, renders, copies, likes, captured uses, purchases, …) are recorded without
// slowing the request that caused them: recordUsage only appends to an in-memory buffer, and
// flushUsage writes the buffer in one multi-row statement (usage-insert.ts) a couple of seconds
// later, when the buffer fills, and on a clean stop (http-server.ts, server.ts). Views are
// de-duplicated per viewer and prompt within VIEW_DEDUP_WINDOW_MS, in the batch and against what
// every other process already wrote (decided in the database at flush time).
import "server-only";
import type { UsageEventKind, UsageSource } from "@/generated/prisma/enums";
import type { Db, DbOrTx } from "@/server/db/prisma";
import { processSingleton } from "@/server/process-singleton";
import { dedupeBatchViews } from "./usage-view-window";
import { insertUsageEvents, type UsageRow } from "./usage-insert";

export { VIEW_DEDUP_WINDOW_MS } from "./usage-view-window";

export type UsageEventInput = {
  kind: UsageEventKind;
  source: UsageSource;
  promptId?: string | null;
  versionId?: string | null;
  /** The prompt's owner; filled in from the prompt at flush time when not given. */
  ownerId?: string | null;
  actorId?: string | null;
  /** Who it was (user id, or a hash of an anonymous visitor's address and agent); defaults to actorId. */
  viewerKey?: string | null;
  apiKeyId?: string | null;
  amountCents?: number;
  at?: Date;
};

/** How long events wait before a flush; a full buffer flushes at once. */
const FLUSH_DELAY_MS = 2_000;
const FLUSH_AT_EVENTS = 1_000;
/** During a database outage events wait in memory up to this many; beyond it the oldest go. */
const MAX_BUFFERED_EVENTS = 100_000;
const RETRY_MAX_MS = 30_000;

type UsageBuffer = {
  pending: UsageRow[];
  timer: NodeJS.Timeout | null;
  /** The client timers flush with: the last full client (never a transaction, which ends) seen. */
  db: DbOrTx | null;
  /** The flush in progress: flushes run one after another so a stop waits for a running one. */
  chain: Promise<unknown>;
  failures: number;
};

const buffer = processSingleton<UsageBuffer>("analytics.usage-buffer", () => ({
  pending: [],
  timer: null,
  db: null,
  chain: Promise.resolve(),
  failures: 0,
}));

/** An interactive transaction's client has no `$transaction`; it must not be kept for later flushes. */
const isClient = (db: DbOrTx): db is Db => typeof (db as Partial<Db>).$transaction === "function";

function schedule(delayMs: number) {
  if (buffer.timer) return;
  buffer.timer = setTimeout(() => {
    buffer.timer = null;
    void flushUsage().catch(() => {}); // flushUsage logs and keeps the events
  }, delayMs);
  buffer.timer.unref?.();
}

/** Buffers one event; never throws and never waits. Record after the transaction that made it commits. */
export function recordUsage(db: DbOrTx, event: UsageEventInput): void {
  try {
    if (isClient(db)) buffer.db = db;
    const actorId = event.actorId ?? null;
    buffer.pending.push({
      kind: event.kind,
      source: event.source,
      at: (event.at ?? new Date()).toISOString(),
      promptId: event.promptId ?? null,
      versionId: event.versionId ?? null,
      ownerId: event.ownerId ?? null,
      actorId,
      viewerKey: event.viewerKey ?? actorId,
      apiKeyId: event.apiKeyId ?? null,
      amountCents: Math.trunc(event.amountCents ?? 0) || 0,
    });
    if (buffer.pending.length > MAX_BUFFERED_EVENTS) {
      const dropped = buffer.pending.splice(0, buffer.pending.length - MAX_BUFFERED_EVENTS).length;
      console.error(`[usage] buffer full: ${dropped} oldest events dropped`);
    }
    if (buffer.pending.length >= FLUSH_AT_EVENTS && buffer.failures === 0) {
      if (buffer.timer) clearTimeout(buffer.timer);
      buffer.timer = null;
      schedule(0);
    } else schedule(FLUSH_DELAY_MS);
  } catch (error) {
    console.error("[usage] not recorded", error);
  }
}

/** Events waiting in this process's buffer (for tests and the shutdown log). */
export function pendingUsageCount(): number {
  return buffer.pending.length;
}

/**
 * Writes every buffered event (after any flush already running) and returns how many rows were
 * stored (views within the window of an earlier one are not). On failure the events go back into
 * the buffer, a retry is scheduled with backoff, and the error is thrown.
 */
export function flushUsage(db?: DbOrTx): Promise<number> {
  const run = buffer.chain.then(() => flushOnce(db));
  buffer.chain = run.catch(() => {});
  return run;
}

async function flushOnce(given?: DbOrTx): Promise<number> {
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  const db = given ?? buffer.db;
  if (!buffer.pending.length || !db) return 0;
  const batch = buffer.pending;
  buffer.pending = [];
  try {
    const written = await insertUsageEvents(db, dedupeBatchViews(batch));
    buffer.failures = 0;
    if (buffer.pending.length) schedule(FLUSH_DELAY_MS);
    return written;
  } catch (error) {
    // Kept, oldest first, for the next attempt (a database outage must not lose them).
    buffer.pending = batch.concat(buffer.pending).slice(-MAX_BUFFERED_EVENTS);
    buffer.failures++;
    console.error(`[usage] flush of ${batch.length} events failed; retrying`, error);
    schedule(Math.min(RETRY_MAX_MS, FLUSH_DELAY_MS * 2 ** buffer.failures));
    throw error;
  }
}
