// Embeddings administration: re-embed everything with the current embedder (after switching models)
// as a background job, and its progress. Admins only.
import { reembedJobInput } from "@/server/domain/embeddings/schemas";
import { reembedJobView, requestReembed } from "@/server/domain/embeddings/reembed";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const embeddingsRouter = createTRPCRouter({
  /** Starts a re-embed job, or returns the one already queued or running. */
  reembed: adminProcedure.mutation(({ ctx }) => requestReembed(ctx.db)),
  /** A re-embed job's progress (the newest when no jobId is given); null when none ever ran. */
  reembedJob: adminProcedure.input(reembedJobInput).query(({ ctx, input }) => reembedJobView(ctx.db, input.jobId)),
});
