// API inputs of the prompt router, composed from the prompt fields the editors share.
import { z } from "zod";
import {
  bodySchema,
  categorySchema,
  changelogSchema,
  descriptionSchema,
  MAX_BODY_LENGTH,
  modelSettingsSchema,
  tagsSchema,
  titleSchema,
  variableMetadataSchema,
  visibilitySchema,
} from "@/shared/prompts/prompt-fields";
import { idSchema } from "../ids";
import { paginationSchema } from "../pagination";

export const createPromptInput = z.object({
  title: titleSchema,
  description: descriptionSchema.default(""),
  category: categorySchema,
  tags: tagsSchema.default([]),
  visibility: visibilitySchema.default("public"),
  body: bodySchema,
  changelog: changelogSchema.optional(),
  variables: variableMetadataSchema.optional(),
  modelSettings: modelSettingsSchema.optional(),
});
export type CreatePromptInput = z.infer<typeof createPromptInput>;

export const updatePromptInput = z
  .object({
    promptId: idSchema.optional(),
    /** Accepted as an alias of promptId. */
    id: idSchema.optional(),
    title: titleSchema.optional(),
    description: descriptionSchema.optional(),
    category: categorySchema.optional(),
    tags: tagsSchema.optional(),
    visibility: visibilitySchema.optional(),
  })
  .refine((i) => i.promptId ?? i.id, { message: "is required", path: ["promptId"] })
  .transform(({ id, promptId, ...rest }) => ({ promptId: (promptId ?? id) as string, ...rest }));
export type UpdatePromptInput = z.infer<typeof updatePromptInput>;

export const bySlugInput = z.object({ slug: z.string().trim().min(1, "is required").max(200) });
export const promptIdInput = z.object({ promptId: idSchema });
/** One page of something that belongs to a prompt (its forks). */
export const promptPageInput = paginationSchema.extend({ promptId: idSchema });

export const forkInput = z.object({
  versionId: idSchema,
  title: titleSchema.optional(),
  visibility: visibilitySchema.optional(),
});

export const renderInput = z.object({
  versionId: idSchema,
  variables: z.record(z.string(), z.string().max(MAX_BODY_LENGTH)).default({}),
});

export const listPromptsInput = paginationSchema.extend({
  category: categorySchema.optional(),
  author: z.string().trim().max(40).optional(),
});

export const SEARCH_SORTS = ["relevance", "newest", "top_rated", "most_liked", "trending"] as const;
export const searchInput = paginationSchema.extend({
  q: z.string().max(200, "is at most 200 characters").optional(),
  category: categorySchema.optional(),
  tag: z.string().trim().max(32, "is at most 32 characters").optional(),
  author: z.string().trim().max(40, "is at most 40 characters").optional(),
  sort: z.enum(SEARCH_SORTS, { error: `must be one of: ${SEARCH_SORTS.join(", ")}` }).optional(),
});
