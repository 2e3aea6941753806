// API inputs of the social router, composed from the comment and review fields the forms share.
import { z } from "zod";
import { commentBodySchema, reviewSchema, starsSchema } from "@/shared/social/social-fields";
import { idSchema } from "../ids";
import { paginationSchema } from "../pagination";

export const promptRefInput = z.object({ promptId: idSchema });

export const rateInput = z.object({ promptId: idSchema, stars: starsSchema, review: reviewSchema.optional() });

export const ratingsInput = paginationSchema.extend({ promptId: idSchema });

export const commentInput = z.object({ promptId: idSchema, body: commentBodySchema, parentId: idSchema.optional() });
export const editCommentInput = z
  .object({ commentId: idSchema.optional(), id: idSchema.optional(), body: commentBodySchema })
  .refine((i) => i.commentId ?? i.id, { message: "is required", path: ["commentId"] })
  .transform((i) => ({ commentId: (i.commentId ?? i.id) as string, body: i.body }));
export const deleteCommentInput = z
  .object({ commentId: idSchema.optional(), id: idSchema.optional() })
  .refine((i) => i.commentId ?? i.id, { message: "is required", path: ["commentId"] })
  .transform((i) => ({ commentId: (i.commentId ?? i.id) as string }));
export const commentsInput = paginationSchema.extend({ promptId: idSchema });
