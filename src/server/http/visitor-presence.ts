// Whether the visitor who sent a request is still there to get its answer. A client that asked and
// hung up at once (a flood of connections each dropped after a few ms, which the cluster's primary
// queues and hands to the workers long after) should cost neither a render nor a write: answered one
// by one, such a flood kept the site busy for minutes after it stopped.
import { AsyncResource } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Watches a request from now on: `left()` tells whether its visitor has gone. Call `stop()` when done asking. */
export function watchVisitor(req: IncomingMessage, res: ServerResponse): { left: () => boolean; stop: () => void } {
  let closed = false;
  const onClose = () => (closed = true);
  res.once("close", onClose);
  return {
    // The response closed, or the connection is gone or ended from the client's side (as nginx, a
    // client that closes its half after asking has left; a pipelined request's response hears
    // nothing of either).
    left: () => closed || Boolean(req.socket?.destroyed) || Boolean(req.socket?.readableEnded),
    stop: () => void res.off("close", onClose),
  };
}

/**
 * Runs `then` two turns of the event loop from now, in the caller's async context: a read that
 * brings a request stops there, and a hang-up right behind it is read on the next turn, so by then
 * a visitor who asked and hung up at once is known to have left.
 */
export function afterArrivalSettles(then: () => void): void {
  const run = AsyncResource.bind(then);
  setImmediate(() => setImmediate(run));
}

/** Runs `answer` once the request's arrival has settled, unless its visitor has left by then. */
export function answerUnlessLeft(req: IncomingMessage, res: ServerResponse, answer: () => void): void {
  const visitor = watchVisitor(req, res);
  afterArrivalSettles(() => {
    visitor.stop();
    if (!visitor.left()) answer();
  });
}
