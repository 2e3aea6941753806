// template/recluster.requested → re-cluster one owner's captured prompts into templates, with the
// progress in the BackgroundJob the request opened. Orchestration only: one domain call. One run per
// owner at a time; a failed attempt marks the job failed and is retried (the job restarts).
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/prisma";
import { runReclusterJob } from "@/server/domain/templates/recluster-job";
import { events } from "@/server/jobs/events";
import { inngest } from "@/server/jobs/inngest-client";

export type TemplateReclusterDeps = { db: () => Db };

export function createTemplateRecluster(deps: TemplateReclusterDeps) {
  return inngest.createFunction(
    {
      id: "template-recluster",
      name: "Re-cluster an owner's captured prompts into templates",
      triggers: [{ event: "template/recluster.requested" }],
      retries: 2,
      concurrency: [{ key: "event.data.ownerId", limit: 1 }],
    },
    async ({ event, step }) => {
      const { ownerId, jobId } = events["template/recluster.requested"].parse(event.data);
      return step.run("recluster", () => runReclusterJob(deps.db(), ownerId, jobId));
    },
  );
}

export const templateRecluster = createTemplateRecluster({ db: getDb });
