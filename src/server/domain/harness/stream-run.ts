// harness.stream: a run as it happens. First the whole run (as harness.get), then what changes:
// text appended to a cell's output, a cell replaced when its row changes (started, finished with
// figures and assertions), and `done` when every cell has finished, which ends the stream. A run
// executing in this process is followed on the live bus (every token at once); one executing
// elsewhere (another replica, or a process since restarted) by polling the database.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { looksAbandoned, settleAbandonedRun } from "./abandoned-runs";
import { isLiveHere, subscribeToRun, type LiveRunEvent } from "./live-run-bus";
import { getRun, resultSelect, resultView, type RunResultView, type RunView } from "./run-queries";

export type RunStreamEvent =
  | { type: "snapshot"; run: RunView }
  /** Append `text` to the output of the cell at `position`. */
  | { type: "delta"; position: number; text: string }
  /** Replace the cell at `result.position` (its output included). */
  | { type: "cell"; result: RunResultView }
  | { type: "done"; finishedAt: Date | null };

/** How often a run executing in another process is read from the database. */
export const POLL_MS = 300;
/** How long to wait on the bus before checking that the run still executes here. */
const LIVE_CHECK_MS = 1000;

/**
 * Checks the caller owns the run (NOT_FOUND otherwise, before anything streams), then returns the
 * stream of its events. `signal` ends it early (the browser left); the run itself goes on.
 */
export async function openRunStream(db: Db, actor: Actor, runId: string, signal?: AbortSignal): Promise<AsyncGenerator<RunStreamEvent>> {
  // Listen before reading, so nothing published between the read and the first wait is lost.
  const queue: LiveRunEvent[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = subscribeToRun(runId, (event) => {
    queue.push(event);
    wake?.();
  });
  let snapshot: RunView;
  try {
    snapshot = await getRun(db, actor, runId);
  } catch (e) {
    unsubscribe();
    throw e;
  }

  const waitForEvents = (ms: number) =>
    new Promise<void>((resolve) => {
      if (queue.length || signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener("abort", done, { once: true });
      wake = done;
    });

  async function* events(): AsyncGenerator<RunStreamEvent> {
    try {
      yield { type: "snapshot", run: snapshot };
      if (snapshot.status === "done") return yield { type: "done", finishedAt: snapshot.finishedAt };
      // What the client holds per cell: its output's length, and a fingerprint of the rest.
      const sent = new Map(snapshot.results.map((r) => [r.position, { length: r.output.length, key: fingerprint(r) }]));

      while (!signal?.aborted) {
        if (!queue.length && !isLiveHere(runId)) break;
        await waitForEvents(LIVE_CHECK_MS);
        const batch = queue.splice(0);
        // Many tokens may have arrived since the last message: send each cell's new text once.
        const latest = new Map<number, string>();
        const changed = new Set<number>();
        let finished = false;
        for (const e of batch) {
          if (e.type === "output") latest.set(e.position, e.output);
          else if (e.type === "cell") changed.add(e.position);
          else finished = true;
        }
        for (const [position, output] of latest) {
          const s = sent.get(position);
          if (!s || changed.has(position) || output.length <= s.length) continue;
          yield { type: "delta", position, text: output.slice(s.length) };
          s.length = output.length;
        }
        if (changed.size) {
          const rows = await db.harnessResult.findMany({ where: { runId, position: { in: [...changed] } }, select: resultSelect, orderBy: { position: "asc" } });
          for (const row of rows) {
            const result = resultView(row);
            sent.set(result.position, { length: result.output.length, key: fingerprint(result) });
            yield { type: "cell", result };
          }
        }
        if (finished) {
          const run = await db.harnessRun.findUnique({ where: { id: runId }, select: { finishedAt: true } });
          return yield { type: "done", finishedAt: run?.finishedAt ?? null };
        }
      }

      // Not (or no longer) executing here: follow what the executing process writes.
      while (!signal?.aborted) {
        let run = await db.harnessRun.findUnique({ where: { id: runId }, select: runPollSelect });
        if (!run) return;
        if (looksAbandoned({ id: runId, ...run })) {
          await settleAbandonedRun(db, runId);
          run = await db.harnessRun.findUniqueOrThrow({ where: { id: runId }, select: runPollSelect });
        }
        for (const row of run.results) {
          const result = resultView(row);
          const s = sent.get(result.position);
          const key = fingerprint(result);
          if (!s || s.key !== key) {
            sent.set(result.position, { length: result.output.length, key });
            yield { type: "cell", result };
          } else if (result.output.length > s.length) {
            // Output only grows while a cell runs: what the client lacks is the tail.
            yield { type: "delta", position: result.position, text: result.output.slice(s.length) };
            s.length = result.output.length;
          }
        }
        if (run.status === "done") return yield { type: "done", finishedAt: run.finishedAt };
        await waitForEvents(POLL_MS);
        queue.length = 0;
      }
    } finally {
      unsubscribe();
    }
  }
  return events();
}

const runPollSelect = { status: true, createdAt: true, finishedAt: true, results: { select: resultSelect, orderBy: { position: "asc" } } } satisfies Prisma.HarnessRunSelect;

/** Everything about a cell except its output, which streams as deltas. */
function fingerprint(r: RunResultView): string {
  return JSON.stringify([r.status, r.inputTokens, r.outputTokens, r.costUsd, r.ttftMs, r.latencyMs, r.finishReason, r.error, r.assertions]);
}
