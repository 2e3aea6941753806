import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";
import * as s from "@/server/domain/social/schemas";
import { addComment, deleteComment, editComment, listComments } from "@/server/domain/social/comments";
import { likePrompt, unlikePrompt } from "@/server/domain/social/likes";
import { listRatings, ratePrompt } from "@/server/domain/social/ratings";

export const socialRouter = createTRPCRouter({
  like: protectedProcedure.input(s.promptRefInput).mutation(({ ctx, input }) => likePrompt(ctx.db, ctx.actor, input.promptId, ctx.usage)),
  unlike: protectedProcedure.input(s.promptRefInput).mutation(({ ctx, input }) => unlikePrompt(ctx.db, ctx.actor, input.promptId)),
  rate: protectedProcedure.input(s.rateInput).mutation(({ ctx, input }) => ratePrompt(ctx.db, ctx.actor, input, ctx.usage)),
  ratings: publicProcedure.input(s.ratingsInput).query(({ ctx, input }) => listRatings(ctx.db, ctx.viewer, input)),
  comment: protectedProcedure.input(s.commentInput).mutation(({ ctx, input }) => addComment(ctx.db, ctx.actor, input, ctx.usage)),
  editComment: protectedProcedure.input(s.editCommentInput).mutation(({ ctx, input }) => editComment(ctx.db, ctx.actor, input)),
  deleteComment: protectedProcedure.input(s.deleteCommentInput).mutation(({ ctx, input }) => deleteComment(ctx.db, ctx.actor, input)),
  comments: publicProcedure.input(s.commentsInput).query(({ ctx, input }) => listComments(ctx.db, ctx.viewer, input)),
});
