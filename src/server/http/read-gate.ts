// How many reads (GET and HEAD: pages, API queries, answers from the page cache) one HTTP process
// handles at once; the rest wait in line, first come first served. Without a limit, every request
// in a busy worker advances one step at a time, interleaved with all the others: a render that
// waits on the database twenty times re-queues behind every cache hit that arrived meanwhile each
// time, so a page nobody asked for in the last seconds (a miss) or one with several round trips in
// a row (a signed-in prompt page) took several times as long as the rest. With a few at once
// (enough to keep the CPU busy while one waits on the database) each request waits its turn once
// and then runs nearly alone: cache hits get a little slower, renders much faster.
//
// A request holds its place while this process works on it: until its render settles or its
// response is written in full. It lets go sooner once it only waits on its client or on events: a
// client that does not read what was written (or a pipelined request queued behind one it does not
// read), an event stream whose headers are out. `releaseAfterMs` caps the
// rest. A visitor who left while waiting is not rendered for.
import { AsyncResource } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterArrivalSettles, watchVisitor } from "./visitor-presence";

export type ReadGate = {
  /** Runs `render` now or once a place is free; settles as it does (at once for a visitor who left while waiting). */
  admit: (req: IncomingMessage, res: ServerResponse, render: () => Promise<void>) => Promise<void>;
  /** Requests rendering now and waiting for a place. */
  load: () => { running: number; waiting: number };
};

const CHECK_EVERY_MS = 50;

/**
 * Nothing left for this process to do but wait on the client, or on events to stream to it. (A
 * client that left while its page is still being rendered does not count: the render still takes
 * the CPU, and it ends soon, as its response is closed.)
 */
function waitsOnItsClient(res: ServerResponse): boolean {
  if (!res.headersSent) return false;
  // Written beyond what the connection takes, or queued behind a pipelined response not yet taken.
  if (res.writableNeedDrain || !res.socket) return true;
  return String(res.getHeader("content-type") ?? "").startsWith("text/event-stream");
}

export function createReadGate(opts: { concurrency: number; releaseAfterMs: number }): ReadGate {
  let running = 0;
  // In arrival order; `ready` once two turns of the event loop have passed since the request came.
  const waiting: { ready: boolean; run: () => void }[] = [];

  const next = () => {
    while (running < opts.concurrency && waiting[0]?.ready) waiting.shift()!.run();
  };

  const start = (res: ServerResponse, render: () => Promise<void>) => {
    running += 1;
    const startedAt = Date.now();
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      clearInterval(check);
      running -= 1;
      next();
    };
    const check = setInterval(() => {
      if (Date.now() - startedAt >= opts.releaseAfterMs || waitsOnItsClient(res)) release();
    }, CHECK_EVERY_MS);
    check.unref();
    // "prefinish": the app has written all of it, whether or not the client has taken it yet.
    res.once("prefinish", release);
    res.once("finish", release);
    return render().finally(release);
  };

  return {
    admit(req, res, render) {
      if (opts.concurrency <= 0) return start(res, render);
      return new Promise<void>((resolve, reject) => {
        const visitor = watchVisitor(req, res);
        const waiter = {
          ready: false,
          // Run later in this request's own async context (the page cache's render context is in it).
          run: AsyncResource.bind(() => {
            visitor.stop();
            // A visitor who gave up while waiting is not rendered for.
            if (visitor.left()) return resolve();
            start(res, render).then(resolve, reject);
          }),
        };
        waiting.push(waiter);
        // Even with a place free, a request starts once its arrival has settled, so a client that
        // asked and hung up at once is known to have left and costs no render (visitor-presence.ts).
        afterArrivalSettles(() => {
          waiter.ready = true;
          next();
        });
      });
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}
