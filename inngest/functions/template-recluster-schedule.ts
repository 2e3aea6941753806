// Every 15 minutes: each owner with captured prompts identified since their last re-cluster (and no
// re-cluster queued or running) gets one, at most MAX_OWNERS per run (the next run goes on).
// Orchestration only: which owners are due, and asking for their jobs, are the domain's.
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/prisma";
import { ownersDueForRecluster, requestRecluster } from "@/server/domain/templates/recluster-job";
import { inngest } from "@/server/jobs/inngest-client";

const MAX_OWNERS = 50;

export type TemplateReclusterScheduleDeps = { db: () => Db };

export function createTemplateReclusterSchedule(deps: TemplateReclusterScheduleDeps) {
  return inngest.createFunction(
    {
      id: "template-recluster-schedule",
      name: "Re-cluster templates of owners with new captures",
      triggers: [{ cron: "*/15 * * * *" }],
      retries: 2,
    },
    async ({ step }) => {
      const owners = await step.run("due", () => ownersDueForRecluster(deps.db(), { limit: MAX_OWNERS }));
      let requested = 0;
      for (const ownerId of owners) {
        const { created } = await step.run(`request-${ownerId}`, () => requestRecluster(deps.db(), ownerId));
        if (created) requested++;
      }
      return { due: owners.length, requested };
    },
  );
}

export const templateReclusterSchedule = createTemplateReclusterSchedule({ db: getDb });
