import { z } from "zod";
import { CATEGORY_SLUGS } from "./categories";

export const MAX_BODY_LENGTH = 50_000;
export const MAX_PAGE_SIZE = 100;

export const idSchema = z.string().trim().min(1, "is required").max(64, "is too long");
export const visibilitySchema = z.enum(["public", "unlisted", "private"]);
export const categorySchema = z.enum(CATEGORY_SLUGS, { error: `must be one of: ${CATEGORY_SLUGS.join(", ")}` });
export const tagsSchema = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "tags cannot be empty")
      .max(32, "a tag is at most 32 characters")
      .regex(/^[a-z0-9][a-z0-9 +#.-]*$/, "tags use letters, digits, spaces and - + # ."),
  )
  .max(10, "at most 10 tags")
  .transform((tags) => [...new Set(tags)]);
export const bodySchema = z
  .string()
  .max(MAX_BODY_LENGTH, `is at most ${MAX_BODY_LENGTH} characters`)
  .refine((s) => s.trim().length > 0, "cannot be empty");
export const changelogSchema = z.string().trim().max(500, "is at most 500 characters");
export const variableMetadataSchema = z
  .array(
    z.object({
      name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "variable names are identifiers like customer_name"),
      default: z.string().max(2000).optional(),
      description: z.string().max(300).optional(),
    }),
  )
  .max(50);
export const modelSettingsSchema = z.record(z.string(), z.unknown()).refine((o) => JSON.stringify(o).length <= 4000, "is too large");

export const paginationSchema = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1, "must be at least 1").max(MAX_PAGE_SIZE, `is at most ${MAX_PAGE_SIZE}`).default(20),
});

export const createPromptInput = z.object({
  title: z.string().trim().min(3, "must be at least 3 characters").max(120, "is at most 120 characters"),
  description: z.string().trim().max(2000, "is at most 2000 characters").default(""),
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
    title: createPromptInput.shape.title.optional(),
    description: z.string().trim().max(2000, "is at most 2000 characters").optional(),
    category: categorySchema.optional(),
    tags: tagsSchema.optional(),
    visibility: visibilitySchema.optional(),
  })
  .refine((i) => i.promptId ?? i.id, { message: "is required", path: ["promptId"] })
  .transform(({ id, promptId, ...rest }) => ({ promptId: (promptId ?? id) as string, ...rest }));
export type UpdatePromptInput = z.infer<typeof updatePromptInput>;

export const bySlugInput = z.object({ slug: z.string().trim().min(1, "is required").max(200) });
export const promptIdInput = z.object({ promptId: idSchema });
export const versionIdInput = z.object({ versionId: idSchema });

export const forkInput = z.object({
  versionId: idSchema,
  title: createPromptInput.shape.title.optional(),
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

export const createVersionInput = z.object({
  promptId: idSchema,
  body: bodySchema,
  changelog: changelogSchema.optional(),
  variables: variableMetadataSchema.optional(),
  modelSettings: modelSettingsSchema.optional(),
});
export type CreateVersionInput = z.infer<typeof createVersionInput>;

export const listVersionsInput = paginationSchema.extend({ promptId: idSchema });

/** A version by number (1, 2, …) or by id. */
const versionRef = z.union([
  z.number().int().min(1, "must be a version number (1 or more) or a version id"),
  z.string().trim().min(1, "must be a version number (1 or more) or a version id").max(64).transform((v) => (/^\d+$/.test(v) ? Number(v) : v)),
]);
export type VersionRef = number | string;

export const diffInput = z.object({ promptId: idSchema, from: versionRef, to: versionRef });

export const promoteInput = z.object({
  versionId: idSchema,
  label: z.literal("production").default("production"),
});

export const SEARCH_SORTS = ["relevance", "newest", "top_rated", "most_liked", "trending"] as const;
export const searchInput = paginationSchema.extend({
  q: z.string().max(200, "is at most 200 characters").optional(),
  category: categorySchema.optional(),
  tag: z.string().trim().max(32, "is at most 32 characters").optional(),
  author: z.string().trim().max(40, "is at most 40 characters").optional(),
  sort: z.enum(SEARCH_SORTS, { error: `must be one of: ${SEARCH_SORTS.join(", ")}` }).optional(),
});
