// Gives memory back after a burst of traffic. V8 grows its heap under load and, with no allocation
// to prompt it, rarely collects fully once the traffic stops, so a server that served a peak kept
// its peak's memory. After `idleMs` without a request (and only once per quiet spell, or once more
// after `released`: the page cache dropping its last entries), this runs a full collection, which
// returns emptied heap pages to the system.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | null = null;

/** V8's gc(), exposed at run time (the flag must be set before a new context asks for it). */
function fullCollection(): () => void {
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  return collect;
}

/** `touch`: a request came; `released`: memory was let go (the page cache's old entries), collect once idle. */
export type IdleGc = { touch: () => void; released: () => void; stop: () => void };

export function startIdleGc(opts: { idleMs?: number; checkMs?: number; now?: () => number; collect?: () => void } = {}): IdleGc {
  const idleMs = opts.idleMs ?? 10_000;
  const now = opts.now ?? Date.now;
  let lastActivity = now();
  let busySinceCollection = false;
  const timer = setInterval(() => {
    if (!busySinceCollection || now() - lastActivity < idleMs) return;
    busySinceCollection = false;
    (opts.collect ?? fullCollection())();
  }, opts.checkMs ?? 2_000);
  timer.unref();
  return {
    touch: () => {
      lastActivity = now();
      busySinceCollection = true;
    },
    released: () => {
      busySinceCollection = true;
    },
    stop: () => clearInterval(timer),
  };
}
