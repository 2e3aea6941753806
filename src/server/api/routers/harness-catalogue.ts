// The harness router's procedures for the provider and model catalogue. Merged into `harness` by harness.ts.
import { listModels } from "@/server/domain/harness/model-catalogue";
import { modelsInput } from "@/server/domain/harness/provider-schemas";
import { listProviders } from "@/server/domain/harness/providers";
import { protectedProcedure } from "../trpc";

export const harnessCatalogueProcedures = {
  /** The instance's providers, then the viewer's own: names, kinds, whether each can be used (no keys, no URLs). */
  providers: protectedProcedure.query(({ ctx }) => listProviders(ctx.db, ctx.actor)),
  /** Models of one provider, or of every usable one (a provider whose list fails is reported in `errors`). */
  models: protectedProcedure.input(modelsInput).query(({ ctx, input }) => listModels(ctx.db, ctx.actor.id, input ?? {})),
};
