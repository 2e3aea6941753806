// Views are recorded cheaply: page renders only bump an in-memory counter, and one flush every
// couple of seconds writes all of them in a few set-based statements.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { processSingleton } from "@/server/process-singleton";
import { bumpTrending } from "../trending/trending";

const FLUSH_DELAY_MS = 2000;
type ViewBuffer = { pending: Map<string, number>; timer: NodeJS.Timeout | null; db: DbOrTx | null };
const views = processSingleton<ViewBuffer>("views", () => ({ pending: new Map(), timer: null, db: null }));

export function recordView(db: DbOrTx, promptId: string) {
  views.pending.set(promptId, (views.pending.get(promptId) ?? 0) + 1);
  views.db = db;
  if (!views.timer) {
    views.timer = setTimeout(() => {
      void flushViews(db).catch((error: unknown) => console.error("[views] flush failed", error));
    }, FLUSH_DELAY_MS);
    views.timer.unref?.();
  }
}

/** Writes buffered views: per-prompt totals, per-day rows and trending. Returns how many were written. */
export async function flushViews(db: DbOrTx = views.db as DbOrTx): Promise<number> {
  if (views.timer) clearTimeout(views.timer);
  views.timer = null;
  if (!views.pending.size || !db) return 0;
  const batch = [...views.pending];
  views.pending.clear();
  const ids = batch.map(([id]) => id);
  const counts = batch.map(([, n]) => n);
  await db.$executeRaw`
    UPDATE "Prompt" p SET "viewCount" = p."viewCount" + v.n
    FROM unnest(${ids}::text[], ${counts}::int[]) AS v(id, n) WHERE p.id = v.id`;
  await db.$executeRaw`
    INSERT INTO "PromptViewDay" ("promptId", "day", "count")
    SELECT v.id, CURRENT_DATE, v.n FROM unnest(${ids}::text[], ${counts}::int[]) AS v(id, n)
    WHERE EXISTS (SELECT 1 FROM "Prompt" p WHERE p.id = v.id)
    ON CONFLICT ("promptId", "day") DO UPDATE SET "count" = "PromptViewDay"."count" + EXCLUDED."count"`;
  for (const [id, n] of batch) await bumpTrending(db, id, "view", new Date(), n);
  return counts.reduce((a, b) => a + b, 0);
}
