import { createTRPCRouter, protectedProcedure } from "../trpc";
import { promoteTemplate } from "@/server/domain/templates/promote-template";
import { requestRecluster } from "@/server/domain/templates/recluster-job";
import { listTemplates, reclusterJob, templateById } from "@/server/domain/templates/template-queries";
import { listTemplatesInput, promoteTemplateInput, templateByIdInput, templateJobInput } from "@/server/domain/templates/schemas";

export const templateRouter = createTRPCRouter({
  list: protectedProcedure.input(listTemplatesInput).query(({ ctx, input }) => listTemplates(ctx.db, ctx.actor, input)),
  byId: protectedProcedure.input(templateByIdInput).query(({ ctx, input }) => templateById(ctx.db, ctx.actor, input)),
  promote: protectedProcedure.input(promoteTemplateInput).mutation(async ({ ctx, input }) => {
    const { promptId, slug } = await promoteTemplate(ctx.db, ctx.actor, input);
    return { promptId, slug };
  }),
  recluster: protectedProcedure.mutation(async ({ ctx }) => ({ jobId: (await requestRecluster(ctx.db, ctx.actor.id)).jobId })),
  job: protectedProcedure.input(templateJobInput).query(({ ctx, input }) => reclusterJob(ctx.db, ctx.actor, input)),
});
