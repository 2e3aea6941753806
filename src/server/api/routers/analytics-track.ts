// Usage the browser reports (what happens only there, such as a copy to the clipboard). Spread into
// the `analytics` router (analytics.ts), so the procedure is `analytics.copy`.
import { publicProcedure } from "../trpc";
import { trackCopy, trackCopyInput } from "@/server/domain/analytics/usage-copy";

export const analyticsTrackProcedures = {
  /** The prompt text of a version was copied from its page. */
  copy: publicProcedure.input(trackCopyInput).mutation(({ ctx, input }) => trackCopy(ctx.db, ctx.viewer, input, ctx.usage)),
};
