// The messages between the primary of `npm start` and its HTTP workers (over node:cluster's IPC
// channel). Job events have their own, beside the in-process runner (inngest/worker-events.ts).
import type { CachedResponse } from "@/server/page-cache/page-cache-store";
import type { Authenticated } from "@/server/proxy/cached-authenticator";

/** Worker → primary: a write started or ended there. Primary → other workers: the same, with its source. */
export type PageCacheWriteMessage = { type: "promptuary:page-cache.write"; phase: "start" | "end"; source?: string; changed?: boolean; signed?: boolean };
/** Worker → primary → other workers: a page the sender rendered and kept (advanced serialization: its Buffers arrive as Buffers). */
export type PageCacheEntryMessage = { type: "promptuary:page-cache.entry"; key: string; entry: CachedResponse };
/** Primary → workers: a worker is gone; writes it left unfinished no longer hold the cache off. */
export type PageCacheForgetMessage = { type: "promptuary:page-cache.forget"; source: string };
/** Worker → primary → other workers: an API key answer the proxy looked up (by the key's hash, never the key). */
export type KeyAnswerMessage = { type: "promptuary:key-answer"; keyHash: string; value: Authenticated | null };
/** Worker → primary: the capture path saw the database go or come back (the primary logs each change once for all workers). */
export type DatabaseStateMessage = { type: "promptuary:database-state"; reachable: boolean; line: string };
/** Primary → workers: the database is back after an outage; remembered key answers are looked up again. */
export type KeyRecheckMessage = { type: "promptuary:key-answers.recheck" };
/** Primary → worker: stop serving (drain, flush, exit). */
export type StopMessage = { type: "promptuary:stop" };

export type ClusterMessage = PageCacheWriteMessage | PageCacheEntryMessage | PageCacheForgetMessage | KeyAnswerMessage | DatabaseStateMessage | KeyRecheckMessage | StopMessage;

export function isClusterMessage(message: unknown): message is ClusterMessage {
  const type = (message as { type?: unknown } | null)?.type;
  return type === "promptuary:page-cache.write" || type === "promptuary:page-cache.entry" || type === "promptuary:page-cache.forget" || type === "promptuary:key-answer" || type === "promptuary:database-state" || type === "promptuary:key-answers.recheck" || type === "promptuary:stop";
}

/** The environment variable that gives a worker its slot (1…N, kept across restarts). */
export const WORKER_SLOT_ENV = "PROMPTUARY_WORKER_SLOT";
