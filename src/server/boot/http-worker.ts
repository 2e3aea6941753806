// One HTTP worker of `npm start` (a node:cluster worker, slot 1…N): serves Next, the capture
// proxy and the page cache on the shared port, with its own spool (spool-dirs.ts), against the
// database the primary owns. It stops when the primary says so or on SIGTERM/SIGINT (proxied calls
// in flight finish, the spool is written, views are flushed), and at once when the primary is gone
// (kill -9): the database went with it, so it exits on the spot, as if killed with it, rather than
// serve without a database. Every call it answered is in its spool already (appended before the
// response completed) and is stored by the worker that takes its slot; it tries no database write
// on the way out, so no failed write can decide anything about the spool.
import { dataDir } from "@/env";
import { learnKeyAnswer, recheckKeyAnswers } from "./capture-runtime";
import { isClusterMessage, WORKER_SLOT_ENV, type DatabaseStateMessage, type KeyAnswerMessage, type PageCacheEntryMessage, type PageCacheWriteMessage } from "./cluster-messages";
import { startHttpServer } from "./http-server";
import { spoolPlan } from "./spool-dirs";

export async function runHttpWorker(opts: { workers: number }): Promise<void> {
  const slot = Number(process.env[WORKER_SLOT_ENV]);
  if (!Number.isInteger(slot) || slot < 1) throw new Error(`${WORKER_SLOT_ENV} must name this worker's slot (1…N)`);
  const send = (message: PageCacheWriteMessage | PageCacheEntryMessage | KeyAnswerMessage | DatabaseStateMessage) => {
    if (process.connected) process.send?.(message, undefined, undefined, () => {});
  };
  const http = await startHttpServer({
    dev: false,
    // Key answers are shared so that a key any worker has seen works on all of them in an outage;
    // outage lines go to the primary, which logs each change once.
    spool: {
      ...spoolPlan(dataDir(), { slot, workers: opts.workers }),
      shareKeyAnswer: (keyHash, value) => send({ type: "promptuary:key-answer", keyHash, value }),
      logDatabaseState: (line, reachable) => send({ type: "promptuary:database-state", reachable, line }),
    },
    onWrite: (phase, changed, signed) => send({ type: "promptuary:page-cache.write", phase, changed, signed }),
    // A page one worker rendered serves all of them for its TTL.
    onStore: (key, entry) => send({ type: "promptuary:page-cache.entry", key, entry }),
  });

  let stopping = false;
  const stop = async (graceMs: number) => {
    if (stopping) return;
    stopping = true;
    // Whatever happens in the steps below, a worker never outlives its shutdown by long.
    setTimeout(() => process.exit(1), graceMs + 3_000).unref();
    await http.stop({ graceMs });
    process.exit(0);
  };
  process.on("message", (message: unknown) => {
    if (!isClusterMessage(message)) return;
    if (message.type === "promptuary:stop") void stop(4_000);
    else if (message.type === "promptuary:page-cache.forget") http.pageCache.forgetSource(message.source);
    else if (message.type === "promptuary:key-answer") learnKeyAnswer(message.keyHash, message.value);
    else if (message.type === "promptuary:key-answers.recheck") recheckKeyAnswers();
    else if (message.type === "promptuary:page-cache.write" && message.source) http.pageCache.remoteWrite(message.phase, message.source, message.changed, message.signed);
    else if (message.type === "promptuary:page-cache.entry") http.pageCache.sharedEntry(message.key, message.entry);
  });
  process.on("disconnect", () => {
    if (stopping) return;
    console.error(`✖ HTTP worker ${slot}: the primary process is gone; exiting`);
    process.exit(1);
  });
  // Ctrl-C reaches every process of the group; the primary waits for its workers.
  process.on("SIGINT", () => void stop(4_000));
  process.on("SIGTERM", () => void stop(4_000));

  try {
    await http.listening;
  } catch (error) {
    console.error(`✖ HTTP worker ${slot}: ${(error as Error).message}`);
    process.exit(1);
  }
}
