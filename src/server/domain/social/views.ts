// A prompt page view: a `view` usage event, and a `listing_view` when the prompt has an active
// listing. Both go through the usage buffer (domain/analytics/record-usage.ts), so a page render
// costs no query; Prompt.viewCount and PromptViewDay count the views the flush keeps after
// de-duplicating reloads by the same viewer. The owner's own views are not counted.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { recordUsage } from "../analytics/record-usage";
import { originFields, type UsageOrigin } from "../analytics/usage-origin";

/** What a prompt page knows about the prompt it shows (kept by the page cache to record hits again). */
export type PageView = { promptId: string; ownerId: string | null; versionId: string | null; listed: boolean };

/** Records a page view, except the owner's own: a creator checking their page is not an audience. */
export function recordPageView(db: DbOrTx, view: PageView, who: { actorId: string | null; origin: UsageOrigin }): void {
  if (who.actorId !== null && who.actorId === view.ownerId) return;
  const event = { promptId: view.promptId, ownerId: view.ownerId, versionId: view.versionId, ...originFields(who.origin, who.actorId) };
  recordUsage(db, { kind: "view", ...event });
  if (view.listed) recordUsage(db, { kind: "listing_view", ...event });
}
