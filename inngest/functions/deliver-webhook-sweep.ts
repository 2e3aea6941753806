// Every minute: webhook deliveries left pending past their due time (their run was lost to a
// restart, or their event never arrived) are handed to deliver-webhook again. Orchestration only.
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/prisma";
import { resendOverdueWebhookDeliveries } from "@/server/domain/webhooks/webhook-sweep";
import { inngest } from "@/server/jobs/inngest-client";

export type DeliverWebhookSweepDeps = { db: () => Db };

export function createDeliverWebhookSweep(deps: DeliverWebhookSweepDeps) {
  return inngest.createFunction(
    { id: "deliver-webhook-sweep", name: "Re-send overdue webhook deliveries", triggers: [{ cron: "* * * * *" }], retries: 1, concurrency: [{ limit: 1 }] },
    async ({ step }) => step.run("resend", () => resendOverdueWebhookDeliveries(deps.db())),
  );
}

export const deliverWebhookSweep = createDeliverWebhookSweep({ db: getDb });
