// Re-queues captures whose prompt identity is not done, whatever lost their event (a crash, a
// shutdown that left identity for later, a job that gave up during a database outage): every
// minute, those older than MIN_AGE not re-queued within LEASE; and at start-up
// (capture/identity.sweep, sent by server.ts), everything pending from before the start, since the
// previous process's queue is gone. Bounded: BATCH ids per capture/request.recorded event, at most
// MAX_BATCHES per run, the next run goes on. Orchestration only: the claim is the domain's.
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/prisma";
import { claimPendingIdentity } from "@/server/domain/identity/pending-identity";
import { events } from "@/server/jobs/events";
import { inngest } from "@/server/jobs/inngest-client";
import { sendEvent } from "@/server/jobs/send-event";

/** Identity normally follows within seconds; older pending captures have lost their event. */
const MIN_AGE_MS = 2 * 60_000;
/** A re-queued capture still waiting after this long is re-queued again. */
const LEASE_MS = 10 * 60_000;
const BATCH = 500;
const MAX_BATCHES = 20;

export type CaptureIdentifySweepDeps = { db: () => Db; send: (captureIds: string[]) => Promise<void>; now?: () => number };

export function createCaptureIdentifySweep(deps: CaptureIdentifySweepDeps) {
  const now = deps.now ?? Date.now;
  return inngest.createFunction(
    {
      id: "capture-identify-sweep",
      name: "Re-queue captures awaiting identity",
      triggers: [{ cron: "* * * * *" }, { event: "capture/identity.sweep" }],
      retries: 2,
    },
    async ({ event, step }) => {
      const window = await step.run("window", () => {
        if (event.name === "capture/identity.sweep") return events["capture/identity.sweep"].parse(event.data);
        const t = now();
        return { createdBefore: new Date(t - MIN_AGE_MS).toISOString(), claimedBefore: new Date(t - LEASE_MS).toISOString() };
      });
      let requeued = 0;
      for (let i = 0; i < MAX_BATCHES; i++) {
        const ids = await step.run(`claim-${i}`, () =>
          claimPendingIdentity(deps.db(), { createdBefore: new Date(window.createdBefore), claimedBefore: new Date(window.claimedBefore), limit: BATCH }),
        );
        if (ids.length) await step.run(`send-${i}`, () => deps.send(ids));
        requeued += ids.length;
        if (ids.length < BATCH) break;
      }
      return { requeued };
    },
  );
}

export const captureIdentifySweep = createCaptureIdentifySweep({
  db: getDb,
  send: (captureIds) => sendEvent("capture/request.recorded", { captureIds }),
});
