import { z } from "zod";
import { idSchema, paginationSchema } from "../prompts/schemas";

export const COMMENT_MAX_LENGTH = 5000;
export const REVIEW_MAX_LENGTH = 2000;

export const promptRefInput = z.object({ promptId: idSchema });

export const rateInput = z.object({
  promptId: idSchema,
  stars: z.number({ error: "must be a whole number from 1 to 5" }).int("must be a whole number from 1 to 5").min(1, "must be at least 1").max(5, "must be at most 5"),
  review: z.string().trim().max(REVIEW_MAX_LENGTH, `is at most ${REVIEW_MAX_LENGTH} characters`).optional(),
});

export const ratingsInput = paginationSchema.extend({ promptId: idSchema });

const commentBody = z
  .string()
  .trim()
  .min(1, "cannot be empty")
  .max(COMMENT_MAX_LENGTH, `is at most ${COMMENT_MAX_LENGTH} characters`);

export const commentInput = z.object({ promptId: idSchema, body: commentBody, parentId: idSchema.optional() });
export const editCommentInput = z
  .object({ commentId: idSchema.optional(), id: idSchema.optional(), body: commentBody })
  .refine((i) => i.commentId ?? i.id, { message: "is required", path: ["commentId"] })
  .transform((i) => ({ commentId: (i.commentId ?? i.id) as string, body: i.body }));
export const deleteCommentInput = z
  .object({ commentId: idSchema.optional(), id: idSchema.optional() })
  .refine((i) => i.commentId ?? i.id, { message: "is required", path: ["commentId"] })
  .transform((i) => ({ commentId: (i.commentId ?? i.id) as string }));
export const commentsInput = paginationSchema.extend({ promptId: idSchema });
