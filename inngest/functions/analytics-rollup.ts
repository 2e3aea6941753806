// Every 5 minutes, or on analytics/rollup.requested: usage events into the hourly and daily
// rollups (backfilling any missed hour, then the retention), then trending from them. Two steps: a
// retry after trending failed does not roll up again (and rolling up again would change nothing).
// Orchestration only.
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/prisma";
import { rollUp } from "@/server/domain/analytics/rollup";
import { computeTrending } from "@/server/domain/analytics/trending";
import { inngest } from "@/server/jobs/inngest-client";

export type AnalyticsRollupDeps = { db: () => Db };

export function createAnalyticsRollup(deps: AnalyticsRollupDeps) {
  return inngest.createFunction(
    {
      id: "analytics-rollup",
      name: "Roll up usage events and recompute trending",
      triggers: [{ cron: "*/5 * * * *" }, { event: "analytics/rollup.requested" }],
      retries: 2,
      // One at a time (the rollup also takes a database lock, for the CLI).
      concurrency: [{ limit: 1 }],
    },
    async ({ step }) => {
      const rolled = await step.run("rollup", () => rollUp(deps.db()));
      const trending = await step.run("trending", () => computeTrending(deps.db()));
      return { ...rolled, trendingChanged: trending };
    },
  );
}

export const analyticsRollup = createAnalyticsRollup({ db: getDb });
