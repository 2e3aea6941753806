// A prompt's labels (production, latest, custom ones such as staging) and their A/B splits: set or
// split one, remove a custom one, list them, their history of moves, and a label's results per
// version. Moving is for the prompt's owner or the organisation roles with label.move.
import { labelHistory, listLabels } from "@/server/domain/labels/label-queries";
import { labelHistoryInput, labelResultsInput, listLabelsInput, removeLabelInput, setLabelInput } from "@/server/domain/labels/schemas";
import { removeLabel, setLabel } from "@/server/domain/labels/set-label";
import { labelResults } from "@/server/domain/labels/split-results";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

export const labelRouter = createTRPCRouter({
  set: protectedProcedure.input(setLabelInput).mutation(({ ctx, input }) => setLabel(ctx.db, ctx.actor, input, ctx.request)),
  remove: protectedProcedure.input(removeLabelInput).mutation(({ ctx, input }) => removeLabel(ctx.db, ctx.actor, input, ctx.request)),
  list: publicProcedure.input(listLabelsInput).query(({ ctx, input }) => listLabels(ctx.db, ctx.viewer, input.promptId)),
  history: publicProcedure.input(labelHistoryInput).query(({ ctx, input }) => labelHistory(ctx.db, ctx.viewer, input)),
  results: protectedProcedure.input(labelResultsInput).query(({ ctx, input }) => labelResults(ctx.db, ctx.actor, input)),
});
