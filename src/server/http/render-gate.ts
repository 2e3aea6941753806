// How many requests one HTTP process renders at once; the rest wait in line, first come first
// served. Without a limit, every request in a busy worker advances one database round trip at a
// time, interleaved with all the others: a page with several round trips in a row (a prompt page)
// then takes several times as long as a light one, and all of them take longer than if they were
// served in turn. With a few at once (enough to keep the CPU busy while one waits on the database)
// each request waits its turn once and then runs nearly alone.
//
// A request holds its place until its response is written in full or cut, or for `releaseAfterMs` at most: a
// response still going after that waits on something other than this process (a model, a stream
// the client reads slowly) and no longer stops the others.
import { AsyncResource } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";

export type RenderGate = {
  /** Runs `render` now or once a place is free; settles as it does (at once for a visitor who left while waiting). */
  admit: (req: IncomingMessage, res: ServerResponse, render: () => Promise<void>) => Promise<void>;
  /** Requests rendering now and waiting for a place. */
  load: () => { running: number; waiting: number };
};

export function createRenderGate(opts: { concurrency: number; releaseAfterMs: number }): RenderGate {
  let running = 0;
  const waiting: (() => void)[] = [];

  const next = () => {
    while (running < opts.concurrency && waiting.length > 0) waiting.shift()!();
  };

  const start = (res: ServerResponse, render: () => Promise<void>) => {
    running += 1;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      clearTimeout(timer);
      running -= 1;
      next();
    };
    const timer = setTimeout(release, opts.releaseAfterMs);
    timer.unref();
    // "prefinish": the app has written all of it; a client slow to read it must not hold the place.
    res.once("prefinish", release);
    res.once("finish", release);
    res.once("close", release);
    return render().finally(release);
  };

  return {
    admit(req, res, render) {
      if (opts.concurrency <= 0 || (running < opts.concurrency && waiting.length === 0)) return start(res, render);
      return new Promise<void>((resolve, reject) => {
        let left = false;
        const leave = () => (left = true);
        res.once("close", leave);
        // Run later in this request's own async context (the page cache's render context is in it).
        waiting.push(
          AsyncResource.bind(() => {
            res.off("close", leave);
            // A visitor who gave up while waiting is not rendered for.
            if (left) return resolve();
            start(res, render).then(resolve, reject);
          }),
        );
      });
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}
