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
import { searchFiltersSchema } from "@/shared/prompts/search-fields";
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
  /** The organisation that will own it (the creator must be allowed prompt.create there); personal when absent. */
  orgId: idSchema.optional(),
  /** Organisation prompts only: every version then needs two approvals (createPrompt refuses it on a personal prompt). */
  global: z.boolean().optional(),
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
    /** Organisation prompts only: every version needs two approvals by two different people, neither the author. */
    global: z.boolean().optional(),
  })
  .refine((i) => i.promptId ?? i.id, { message: "is required", path: ["promptId"] })
  .transform(({ id, promptId, ...rest }) => ({ promptId: (promptId ?? id) as string, ...rest }));
export type UpdatePromptInput = z.infer<typeof updatePromptInput>;

export const bySlugInput = z.object({ slug: z.string().trim().min(1, "is required").max(200) });
export const promptIdInput = z.object({ promptId: idSchema });
/** One page of something that belongs to a prompt (its forks). */
export const promptPageInput = paginationSchema.extend({ promptId: idSchema });

/** Existing tags matching what is typed (empty: the most used ones). */
export const tagSuggestionsInput = z.object({
  query: z.string().max(64, "is at most 64 characters").default(""),
  limit: z.number().int().min(1, "must be at least 1").max(20, "is at most 20").default(8),
});

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
  /** The viewer's own archived prompts instead (they appear in no other list). */
  archived: z.boolean().optional(),
});

export { SEARCH_SORTS } from "@/shared/prompts/search-fields";
export const searchInput = paginationSchema.extend(searchFiltersSchema.shape);

/** A prompt's nearest neighbours by meaning (the Similar prompts panel). */
export const similarInput = z.object({
  promptId: idSchema,
  limit: z.number().int().min(1, "must be at least 1").max(24, "is at most 24").optional(),
});
