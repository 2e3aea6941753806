// The messages between the primary of `npm start` and its HTTP workers (over node:cluster's IPC
// channel). Job events have their own, beside the in-process runner (inngest/worker-events.ts).

/** Worker → primary: a write started or ended there. Primary → other workers: the same, with its source. */
export type PageCacheWriteMessage = { type: "promptuary:page-cache.write"; phase: "start" | "end"; source?: string };
/** Primary → workers: a worker is gone; writes it left unfinished no longer hold the cache off. */
export type PageCacheForgetMessage = { type: "promptuary:page-cache.forget"; source: string };
/** Primary → worker: stop serving (drain, flush, exit). */
export type StopMessage = { type: "promptuary:stop" };

export type ClusterMessage = PageCacheWriteMessage | PageCacheForgetMessage | StopMessage;

export function isClusterMessage(message: unknown): message is ClusterMessage {
  const type = (message as { type?: unknown } | null)?.type;
  return type === "promptuary:page-cache.write" || type === "promptuary:page-cache.forget" || type === "promptuary:stop";
}

/** The environment variable that gives a worker its slot (1…N, kept across restarts). */
export const WORKER_SLOT_ENV = "PROMPTUARY_WORKER_SLOT";
